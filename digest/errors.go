package digest

import (
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
)

// Sentinels a caller branches on. Every error of this package is a
// [*httpauth.SchemeError] whose Err is, or wraps, one of these, one of the
// root sentinels ([httpauth.ErrOtherScheme], [httpauth.ErrMissingParam],
// [httpauth.ErrVerification]) or a constant reason; test with errors.Is.
var (
	// ErrAlgorithm: the algorithm is not one of RFC 7616's. RFC 7616
	// section 3.3 has a client ignore such a challenge.
	ErrAlgorithm = errors.New("unsupported algorithm")

	// ErrQOP: the qop asked for is not offered, or the challenge offers
	// neither "auth" nor "auth-int".
	ErrQOP = errors.New("no supported qop offered")

	// ErrNoCredentials: the request carries no Authorization (or
	// Proxy-Authorization) field; answer with a challenge.
	ErrNoCredentials = errors.New("no credentials")

	// ErrStale: the credentials are right but their nonce has expired;
	// answer with challenges marked stale=true so that the client retries
	// with a fresh nonce without asking its user. It wraps
	// [httpauth.ErrVerification].
	ErrStale = fmt.Errorf("stale nonce: %w", httpauth.ErrVerification)
)

// Constant reasons for malformed values. None of them holds input.
const (
	reasonBothNames   scheme.Reason = "both username and username* (RFC 7616 section 3.4)"
	reasonNameCTL     scheme.Reason = "user name holds a control character"
	reasonNC          scheme.Reason = "not 8 hexadecimal digits"
	reasonBool        scheme.Reason = `neither "true" nor "false"`
	reasonQOPList     scheme.Reason = "qop list element is not a token"
	reasonNoSecret    scheme.Reason = "credentials were not made by Challenge.Respond"
	reasonBodyTooLong scheme.Reason = "request body longer than MaxBody for auth-int"
	reasonBodyRead    scheme.Reason = "reading the request body for auth-int failed"
)

// Constant reasons for well-formed values that do not verify. They wrap
// [httpauth.ErrVerification].
const (
	refusedNotOffered refused = "not offered"
	refusedNotIssued  refused = "nonce not issued by this server for this algorithm"
	refusedReplay     refused = "nonce count already used (replay)"
	refusedMismatch   refused = "does not match the request"
	refusedNotBound   refused = "cnonce or nc differs from the credentials sent"
)

// refused is a constant reason why well-formed credentials or
// Authentication-Info do not verify.
type refused string

func (r refused) Error() string { return string(r) + ": " + httpauth.ErrVerification.Error() }
func (r refused) Unwrap() error { return httpauth.ErrVerification }

// fail returns the error of this package about param for why.
func fail(param string, why error) error { return scheme.Err(Scheme, param, why) }

// denied is a verification failure about param.
func denied(param string) error { return fail(param, httpauth.ErrVerification) }
