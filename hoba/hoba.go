package hoba

import (
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
)

// Scheme is the auth-scheme name.
const Scheme = "HOBA"

const (
	errB64URL   scheme.Reason = "not non-empty unpadded base64url"
	errNegative scheme.Reason = "negative"
	errParts    scheme.Reason = "expected four dot-separated parts (kid.challenge.nonce.signature)"
)

// partErrs say which part of a result is not base64url, in the order of
// the parts.
var partErrs = [4]scheme.Reason{
	"the kid part is not non-empty unpadded base64url",
	"the challenge part is not non-empty unpadded base64url",
	"the nonce part is not non-empty unpadded base64url",
	"the signature part is not non-empty unpadded base64url",
}

// Challenge is a HOBA challenge (RFC 7486 section 3). It holds no secret:
// the server sends the challenge string to whoever asks.
type Challenge struct {
	// Challenge is the server's base64url challenge string (required).
	Challenge string
	// MaxAge is how many seconds from the response a client may answer
	// the challenge (required).
	MaxAge int64
	// Realm is the optional protection space (RFC 9110 section 11.5); ""
	// when absent.
	Realm string
}

// Result is the parsed client result, RFC 7486 section 3:
//
//	result = kid "." challenge "." nonce "." signature
//
// Each part is kept in its base64url form. The signature is secret: it
// answers the challenge, so it never prints (see the package
// documentation); [Result.Value] returns the wire form.
type Result struct {
	KID       string // key identifier
	Challenge string // the server's challenge being answered
	Nonce     string // the client's nonce
	Signature string // signature over the to-be-signed blob
}

// Credentials is a HOBA Authorization value. Its result's signature is
// secret.
type Credentials struct {
	Result Result
}

// isB64URL reports whether s is non-empty unpadded base64url (RFC 4648
// section 5) in its canonical form (zero pad bits).
func isB64URL(s string) bool {
	_, ok := scheme.DecodeBase64(base64.RawURLEncoding, s)
	return ok && s != ""
}

// ParseChallenge reads a HOBA challenge: challenge and max-age are
// required ([httpauth.ErrMissingParam]), realm is optional, unknown
// parameters are ignored. It refuses a challenge of another scheme
// ([httpauth.ErrOtherScheme]), one with a token68, a parameter given
// twice, a challenge string that is not base64url and a max-age that is
// not 1*DIGIT.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Challenge{}, err
	}
	v, seen, err := scheme.Lookup(Scheme, c.Params, "challenge", "max-age", "realm")
	if err != nil {
		return Challenge{}, err
	}
	for i, name := range [...]string{"challenge", "max-age"} {
		if !seen[i] {
			return Challenge{}, scheme.Err(Scheme, name, httpauth.ErrMissingParam)
		}
	}
	n, ok := scheme.Digits(v[1])
	if !ok {
		return Challenge{}, scheme.Err(Scheme, "max-age", scheme.NotDigits)
	}
	out := Challenge{Challenge: v[0], MaxAge: n, Realm: v[2]}
	return out, out.check()
}

func (c Challenge) check() error {
	if !isB64URL(c.Challenge) {
		return scheme.Err(Scheme, "challenge", errB64URL)
	}
	if c.MaxAge < 0 {
		return scheme.Err(Scheme, "max-age", errNegative)
	}
	if !scheme.Text(c.Realm) {
		return scheme.Err(Scheme, "realm", scheme.CTL)
	}
	return nil
}

// Build returns c as a generic challenge: challenge, max-age and, when not
// empty, realm, in that order. It refuses a challenge string that is not
// base64url, a negative max-age and a realm with a control character.
func (c Challenge) Build() (httpauth.Challenge, error) {
	if err := c.check(); err != nil {
		return httpauth.Challenge{}, err
	}
	ps := httpauth.Params{
		{Name: "challenge", Value: c.Challenge},
		{Name: "max-age", Value: strconv.FormatInt(c.MaxAge, 10)},
	}
	if c.Realm != "" {
		ps = append(ps, httpauth.Param{Name: "realm", Value: c.Realm})
	}
	return httpauth.Challenge{Scheme: Scheme, Params: ps}, nil
}

// ParseResult splits a result value into its four parts, each of which
// must be non-empty unpadded base64url. Its errors are about the result
// parameter and never quote it.
func ParseResult(v string) (Result, error) {
	parts := strings.Split(v, ".")
	if len(parts) != 4 {
		return Result{}, scheme.Err(Scheme, "result", errParts)
	}
	r := Result{KID: parts[0], Challenge: parts[1], Nonce: parts[2], Signature: parts[3]}
	return r, r.check()
}

func (r Result) check() error {
	for i, p := range [...]string{r.KID, r.Challenge, r.Nonce, r.Signature} {
		if !isB64URL(p) {
			return scheme.Err(Scheme, "result", partErrs[i])
		}
	}
	return nil
}

// Value returns the result parameter's value, kid.challenge.nonce.sig,
// signature included.
func (r Result) Value() string {
	return r.KID + "." + r.Challenge + "." + r.Nonce + "." + r.Signature
}

// DecodeSignature returns the decoded signature part.
func (r Result) DecodeSignature() ([]byte, error) {
	if !isB64URL(r.Signature) {
		return nil, scheme.Err(Scheme, "result", partErrs[3])
	}
	b, _ := scheme.DecodeBase64(base64.RawURLEncoding, r.Signature)
	return b, nil
}

func (r Result) view() redact.View {
	return redact.View{Type: "hoba.Result", Fields: []redact.Field{
		{Name: "KID", Value: r.KID},
		{Name: "Challenge", Value: r.Challenge},
		{Name: "Nonce", Value: r.Nonce},
		{Name: "Signature", Value: r.Signature, Secret: true},
	}}
}

// String returns the parts, the signature as [redacted] when set.
func (r Result) String() string { return r.view().String() }

// Format implements fmt.Formatter: no verb prints the signature.
func (r Result) Format(f fmt.State, verb rune) { r.view().Format(f, verb) }

// MarshalJSON implements json.Marshaler, with the signature redacted.
func (r Result) MarshalJSON() ([]byte, error) { return r.view().MarshalJSON() }

// MarshalXML implements xml.Marshaler, with the signature redacted.
func (r Result) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return r.view().MarshalXML(e, start)
}

// LogValue implements slog.LogValuer, with the signature redacted.
func (r Result) LogValue() slog.Value { return r.view().LogValue() }

// ParseCredentials reads a HOBA Authorization value: result is required
// ([httpauth.ErrMissingParam]) and read by [ParseResult]; unknown
// parameters are ignored. It refuses credentials of another scheme
// ([httpauth.ErrOtherScheme]), with a token68, or with a parameter given
// twice.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Credentials{}, err
	}
	v, seen, err := scheme.Lookup(Scheme, c.Params, "result")
	if err != nil {
		return Credentials{}, err
	}
	if !seen[0] {
		return Credentials{}, scheme.Err(Scheme, "result", httpauth.ErrMissingParam)
	}
	r, err := ParseResult(v[0])
	if err != nil {
		return Credentials{}, err
	}
	return Credentials{Result: r}, nil
}

// Build returns c as generic credentials: HOBA result="…". It refuses a
// result part that is not non-empty unpadded base64url.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := c.Result.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: httpauth.Params{{Name: "result", Value: c.Result.Value()}}}, nil
}

func (c Credentials) view() redact.View {
	return redact.View{Type: "hoba.Credentials", Fields: []redact.Field{
		{Name: "Result", Value: c.Result},
	}}
}

// String returns the result, its signature as [redacted] when set.
func (c Credentials) String() string { return c.view().String() }

// Format implements fmt.Formatter: no verb prints the signature.
func (c Credentials) Format(f fmt.State, verb rune) { c.view().Format(f, verb) }

// MarshalJSON implements json.Marshaler, with the signature redacted.
func (c Credentials) MarshalJSON() ([]byte, error) { return c.view().MarshalJSON() }

// MarshalXML implements xml.Marshaler, with the signature redacted.
func (c Credentials) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return c.view().MarshalXML(e, start)
}

// LogValue implements slog.LogValuer, with the signature redacted.
func (c Credentials) LogValue() slog.Value { return c.view().LogValue() }
