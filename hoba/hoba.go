package hoba

import (
	"encoding/base64"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/authwire/httpauth"
)

// Scheme is the auth-scheme name.
const Scheme = "HOBA"

// Error reports a challenge or credentials that is not a valid HOBA value.
// It names the parameter at fault and never quotes its value.
type Error struct {
	Param  string // parameter name, or "" for the scheme
	Reason string
}

func (e *Error) Error() string {
	if e.Param == "" {
		return "hoba: " + e.Reason
	}
	return "hoba: " + e.Param + ": " + e.Reason
}

// Challenge is a HOBA challenge (RFC 7486 section 3).
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
// Each part is kept in its base64url form.
type Result struct {
	KID       string // key identifier
	Challenge string // the server's challenge being answered
	Nonce     string // the client's nonce
	Signature string // signature over the to-be-signed blob
}

// Credentials is a HOBA Authorization value.
type Credentials struct {
	Result Result
}

func checkScheme(s string) error {
	if !httpauth.EqualFold(s, Scheme) {
		return &Error{Reason: "scheme is not HOBA"}
	}
	return nil
}

func dupCheck(ps httpauth.Params) error {
	for i := range ps {
		for k := 0; k < i; k++ {
			if httpauth.EqualFold(ps[i].Name, ps[k].Name) {
				return &Error{Param: ps[i].Name, Reason: "duplicate parameter"}
			}
		}
	}
	return nil
}

// isB64URL reports whether s is non-empty base64url (RFC 4648 section 5)
// without padding.
func isB64URL(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return len(s)%4 != 1 // no base64 string has 4n+1 characters
}

// ParseChallenge reads a HOBA challenge. Unknown parameters are ignored.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := checkScheme(c.Scheme); err != nil {
		return Challenge{}, err
	}
	if c.Token68 != "" {
		return Challenge{}, &Error{Reason: "token68 instead of auth-params"}
	}
	if err := dupCheck(c.Params); err != nil {
		return Challenge{}, err
	}
	var out Challenge
	ch, ok := c.Params.Get("challenge")
	if !ok {
		return Challenge{}, &Error{Param: "challenge", Reason: "missing"}
	}
	out.Challenge = ch
	ma, ok := c.Params.Get("max-age")
	if !ok {
		return Challenge{}, &Error{Param: "max-age", Reason: "missing"}
	}
	n, err := parseSeconds(ma)
	if err != nil {
		return Challenge{}, err
	}
	out.MaxAge = n
	out.Realm = c.Realm()
	return out, out.check()
}

func parseSeconds(s string) (int64, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, &Error{Param: "max-age", Reason: "not a non-negative integer"}
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, &Error{Param: "max-age", Reason: "not a non-negative integer (or too large)"}
	}
	return n, nil
}

func (c Challenge) check() error {
	if !isB64URL(c.Challenge) {
		return &Error{Param: "challenge", Reason: "not non-empty unpadded base64url"}
	}
	if c.MaxAge < 0 {
		return &Error{Param: "max-age", Reason: "negative"}
	}
	return nil
}

// Build returns c as a generic challenge: challenge, max-age and, when not
// empty, realm, in that order.
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

// ParseResult splits a result value into its four parts.
func ParseResult(v string) (Result, error) {
	parts := strings.Split(v, ".")
	if len(parts) != 4 {
		return Result{}, &Error{Param: "result", Reason: "expected four dot-separated parts (kid.challenge.nonce.sig)"}
	}
	r := Result{KID: parts[0], Challenge: parts[1], Nonce: parts[2], Signature: parts[3]}
	return r, r.check()
}

func (r Result) check() error {
	for _, p := range [...]struct{ name, v string }{
		{"kid", r.KID}, {"challenge", r.Challenge}, {"nonce", r.Nonce}, {"signature", r.Signature},
	} {
		if !isB64URL(p.v) {
			return &Error{Param: "result", Reason: "the " + p.name + " part is not non-empty unpadded base64url"}
		}
	}
	return nil
}

// String returns the result value kid.challenge.nonce.sig.
func (r Result) String() string {
	return r.KID + "." + r.Challenge + "." + r.Nonce + "." + r.Signature
}

// DecodeSignature returns the decoded signature part.
func (r Result) DecodeSignature() ([]byte, error) {
	b, err := base64.RawURLEncoding.DecodeString(r.Signature)
	if err != nil {
		return nil, &Error{Param: "result", Reason: "signature is not base64url"}
	}
	return b, nil
}

// ParseCredentials reads a HOBA Authorization value. Unknown parameters are
// ignored.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := checkScheme(c.Scheme); err != nil {
		return Credentials{}, err
	}
	if c.Token68 != "" {
		return Credentials{}, &Error{Reason: "token68 instead of auth-params"}
	}
	if err := dupCheck(c.Params); err != nil {
		return Credentials{}, err
	}
	v, ok := c.Params.Get("result")
	if !ok {
		return Credentials{}, &Error{Param: "result", Reason: "missing"}
	}
	r, err := ParseResult(v)
	if err != nil {
		return Credentials{}, err
	}
	return Credentials{Result: r}, nil
}

// Build returns c as generic credentials: HOBA result="…".
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := c.Result.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: httpauth.Params{{Name: "result", Value: c.Result.String()}}}, nil
}

// Format prints "HOBA result=[redacted]" for every verb, so that
// credentials do not leak into logs.
func (c Credentials) Format(f fmt.State, verb rune) { io.WriteString(f, "HOBA result=[redacted]") }
