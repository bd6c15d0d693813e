package bearer

import (
	"errors"
	"strings"

	"github.com/authwire/httpauth"
)

// Scheme names.
const (
	Scheme     = "Bearer" // RFC 6750
	SchemeDPoP = "DPoP"   // RFC 9449 section 7.1
)

// ErrorCode is the value of the error attribute.
type ErrorCode string

// The registered error codes, with the HTTP status RFC 6750 section 3.1 and
// RFC 9449 sections 7.1 and 9 give them.
const (
	InvalidRequest    ErrorCode = "invalid_request"    // 400
	InvalidToken      ErrorCode = "invalid_token"      // 401
	InsufficientScope ErrorCode = "insufficient_scope" // 403
	UseDPoPNonce      ErrorCode = "use_dpop_nonce"     // 401 (RFC 9449 section 9)
	InvalidDPoPProof  ErrorCode = "invalid_dpop_proof" // 401 (RFC 9449 section 7.1)
)

// StatusCode returns the HTTP status code that goes with a registered error
// code, or 0 for an unregistered one.
func (e ErrorCode) StatusCode() int {
	switch e {
	case InvalidRequest:
		return 400
	case InvalidToken, UseDPoPNonce, InvalidDPoPProof:
		return 401
	case InsufficientScope:
		return 403
	}
	return 0
}

// Registered reports whether e is one of the codes above.
func (e ErrorCode) Registered() bool { return e.StatusCode() != 0 }

// Errors returned by this package.
var (
	ErrScheme  = errors.New("bearer: not the Bearer or DPoP scheme")
	ErrToken   = errors.New("bearer: not a b64token (RFC 6750 section 2.1)")
	ErrCharset = errors.New(`bearer: attribute value holds '"', '\' or a byte outside printable ASCII (RFC 6750 section 3)`)
)

// IsB64Token reports whether s is a b64token (RFC 6750 section 2.1), the
// same syntax as token68.
func IsB64Token(s string) bool { return httpauth.IsToken68(s) }

// Credentials returns `Bearer <token>`. It refuses a token that is not a
// b64token.
func Credentials(token string) (httpauth.Credentials, error) {
	return credentials(Scheme, token)
}

// DPoPCredentials returns `DPoP <token>` (RFC 9449 section 7.1).
func DPoPCredentials(token string) (httpauth.Credentials, error) {
	return credentials(SchemeDPoP, token)
}

func credentials(scheme, token string) (httpauth.Credentials, error) {
	if !IsB64Token(token) {
		return httpauth.Credentials{}, ErrToken
	}
	return httpauth.Credentials{Scheme: scheme, Token68: token}, nil
}

// ParseCredentials returns the access token of Bearer or DPoP credentials,
// and the scheme as written.
func ParseCredentials(c httpauth.Credentials) (token, scheme string, err error) {
	if !c.Is(Scheme) && !c.Is(SchemeDPoP) {
		return "", "", ErrScheme
	}
	if len(c.Params) > 0 || !IsB64Token(c.Token68) {
		return "", "", ErrToken
	}
	return c.Token68, c.Scheme, nil
}

// Challenge is a Bearer or DPoP challenge. The zero value of a field means
// the attribute is absent. Scheme is "Bearer" when empty.
type Challenge struct {
	Scheme           string
	Realm            string
	Scope            []string // space-delimited on the wire; case-sensitive
	Error            ErrorCode
	ErrorDescription string
	ErrorURI         string
	Algs             []string // RFC 9449: space-delimited JWS alg values
	ResourceMetadata string   // RFC 9728 section 5.1: a URL
	// Extra holds attributes this package does not type, in order.
	Extra httpauth.Params
}

// ParseChallenge reads a Bearer or DPoP challenge from a generic one. A
// challenge without attributes (`Bearer`, as RFC 9449 shows) is accepted;
// one with a token68 is not. Values are kept as received; see
// [Challenge.Validate].
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if !c.Is(Scheme) && !c.Is(SchemeDPoP) {
		return Challenge{}, ErrScheme
	}
	if c.Token68 != "" {
		return Challenge{}, errors.New("bearer: challenge carries a token68, not auth-params")
	}
	out := Challenge{Scheme: c.Scheme}
	for _, p := range c.Params {
		switch {
		case httpauth.EqualFold(p.Name, "realm"):
			out.Realm = p.Value
		case httpauth.EqualFold(p.Name, "scope"):
			out.Scope = fields(p.Value)
		case httpauth.EqualFold(p.Name, "error"):
			out.Error = ErrorCode(p.Value)
		case httpauth.EqualFold(p.Name, "error_description"):
			out.ErrorDescription = p.Value
		case httpauth.EqualFold(p.Name, "error_uri"):
			out.ErrorURI = p.Value
		case httpauth.EqualFold(p.Name, "algs"):
			out.Algs = fields(p.Value)
		case httpauth.EqualFold(p.Name, "resource_metadata"):
			out.ResourceMetadata = p.Value
		default:
			out.Extra = append(out.Extra, p)
		}
	}
	return out, nil
}

// fields splits a space list; an empty list is nil, as when absent.
func fields(v string) []string {
	if f := strings.Fields(v); len(f) > 0 {
		return f
	}
	return nil
}

// The character classes of RFC 6750 section 3.
func isScopeChar(c byte) bool { return c == 0x21 || 0x23 <= c && c <= 0x5b || 0x5d <= c && c <= 0x7e }
func isErrorChar(c byte) bool { return c == 0x20 || isScopeChar(c) }

func all(s string, f func(byte) bool) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !f(s[i]) {
			return false
		}
	}
	return true
}

// Validate reports whether every typed attribute follows the character
// rules of RFC 6750 section 3 (see the package documentation). It does
// not look at Extra.
func (c Challenge) Validate() error {
	_, err := c.Challenge()
	return err
}

// Challenge builds the generic challenge, in the order realm, scope,
// error, error_description, error_uri, algs, resource_metadata, then
// Extra. It refuses (with an error wrapping [ErrCharset]) a scope or algs
// token that is empty or holds a character outside %x21 / %x23-5B /
// %x5D-7E, an error or error_description outside %x20-21 / %x23-5B /
// %x5D-7E, and an error_uri or resource_metadata outside the scope-token
// set. The realm and the Extra values are left to the generic encoder's
// rules.
func (c Challenge) Challenge() (httpauth.Challenge, error) {
	scheme := c.Scheme
	if scheme == "" {
		scheme = Scheme
	}
	out := httpauth.Challenge{Scheme: scheme}
	var err error // the first value refused; then nothing more is added
	add := func(name, v string, ok func(byte) bool) {
		if err != nil || v == "" {
			return
		}
		if ok != nil && !all(v, ok) {
			err = &AttrError{Name: name}
			return
		}
		out.Params = append(out.Params, httpauth.Param{Name: name, Value: v})
	}
	addList := func(name string, vs []string) {
		for _, s := range vs {
			if err == nil && !all(s, isScopeChar) {
				err = &AttrError{Name: name}
			}
		}
		add(name, strings.Join(vs, " "), nil)
	}
	add("realm", c.Realm, nil)
	addList("scope", c.Scope)
	add("error", string(c.Error), isErrorChar)
	add("error_description", c.ErrorDescription, isErrorChar)
	add("error_uri", c.ErrorURI, isScopeChar)
	addList("algs", c.Algs)
	add("resource_metadata", c.ResourceMetadata, isScopeChar)
	if err != nil {
		return httpauth.Challenge{}, err
	}
	out.Params = append(out.Params, c.Extra...)
	if _, err := httpauth.AppendChallenge(nil, out); err != nil {
		return httpauth.Challenge{}, err
	}
	return out, nil
}

// AttrError names the attribute whose value breaks the character rules of
// RFC 6750 section 3. It wraps [ErrCharset]. It never quotes the value.
type AttrError struct{ Name string }

func (e *AttrError) Error() string { return ErrCharset.Error() + ": " + e.Name }
func (e *AttrError) Unwrap() error { return ErrCharset }
