package bearer

import (
	"encoding/xml"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
)

// Scheme names. A Bearer or DPoP value reports its errors under its own
// name; a value of another scheme under Scheme.
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

// ErrCharset is the Err of the *httpauth.SchemeError that [Challenge.Build]
// returns for an attribute value outside the characters RFC 6750 section 3
// allows it; the error's Param names the attribute.
var ErrCharset = errors.New(`value holds '"', '\' or a byte outside printable ASCII (RFC 6750 section 3)`)

// Credentials are Bearer or DPoP credentials: the access token, a
// b64token (RFC 6750 section 2.1), which has the syntax of token68. The
// token is secret: it never prints (see the package documentation).
type Credentials struct {
	// Scheme is Scheme or SchemeDPoP; "" means Scheme. ParseCredentials
	// sets it to the registered spelling, whatever the case on the wire.
	Scheme string
	// Token is the access token.
	Token string
}

// ParseCredentials reads Bearer or DPoP credentials. It refuses
// credentials of another scheme ([httpauth.ErrOtherScheme]), with
// auth-params, or without a token.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	s, err := scheme.Match(c.Scheme, Scheme, SchemeDPoP)
	if err != nil {
		return Credentials{}, err
	}
	if len(c.Params) > 0 {
		return Credentials{}, scheme.Err(s, "", scheme.NoParams)
	}
	if err := scheme.Token68(s, c.Token68); err != nil {
		return Credentials{}, err
	}
	return Credentials{Scheme: s, Token: c.Token68}, nil
}

// Build returns the generic credentials `Bearer <token>` (or `DPoP
// <token>`). It refuses a token that is not a b64token.
func (c Credentials) Build() (httpauth.Credentials, error) {
	s, err := scheme.Default(c.Scheme, Scheme, SchemeDPoP)
	if err != nil {
		return httpauth.Credentials{}, err
	}
	if err := scheme.Token68(s, c.Token); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: s, Token68: c.Token}, nil
}

func (c Credentials) view() redact.View {
	return redact.View{Type: "bearer.Credentials", Fields: []redact.Field{
		{Name: "Scheme", Value: c.Scheme},
		{Name: "Token", Value: c.Token, Secret: true},
	}}
}

// String returns the scheme and, for a set token, [redacted].
func (c Credentials) String() string { return c.view().String() }

// Format implements fmt.Formatter: no verb prints the token.
func (c Credentials) Format(f fmt.State, verb rune) { c.view().Format(f, verb) }

// MarshalJSON implements json.Marshaler, with the token redacted.
func (c Credentials) MarshalJSON() ([]byte, error) { return c.view().MarshalJSON() }

// MarshalXML implements xml.Marshaler, with the token redacted.
func (c Credentials) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return c.view().MarshalXML(e, start)
}

// LogValue implements slog.LogValuer, with the token redacted.
func (c Credentials) LogValue() slog.Value { return c.view().LogValue() }

// Challenge is a Bearer or DPoP challenge. The zero value of a field means
// the attribute is absent. A challenge holds no secret.
type Challenge struct {
	// Scheme is Scheme or SchemeDPoP; "" means Scheme. ParseChallenge
	// sets it to the registered spelling, whatever the case on the wire.
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

// The attributes Challenge types, in the order Build writes them.
var attrs = []string{"realm", "scope", "error", "error_description", "error_uri", "algs", "resource_metadata"}

// ParseChallenge reads a Bearer or DPoP challenge from a generic one. A
// challenge without attributes (`Bearer`, as RFC 9449 shows) is accepted;
// one of another scheme ([httpauth.ErrOtherScheme]), with a token68 or
// with an attribute twice is not. Values are kept as received, even
// where they break the character rules of RFC 6750 section 3, so that a
// client can read what a server sent; [Challenge.Build] refuses them.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	s, err := scheme.Match(c.Scheme, Scheme, SchemeDPoP)
	if err != nil {
		return Challenge{}, err
	}
	if c.Token68 != "" {
		return Challenge{}, scheme.Err(s, "", scheme.NoToken68)
	}
	if err := scheme.Unique(s, c.Params, attrs...); err != nil {
		return Challenge{}, err
	}
	out := Challenge{Scheme: s}
	for _, p := range c.Params {
		switch scheme.Known(p.Name, attrs...) {
		case "realm":
			out.Realm = p.Value
		case "scope":
			out.Scope = fields(p.Value)
		case "error":
			out.Error = ErrorCode(p.Value)
		case "error_description":
			out.ErrorDescription = p.Value
		case "error_uri":
			out.ErrorURI = p.Value
		case "algs":
			out.Algs = fields(p.Value)
		case "resource_metadata":
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

// Build returns the generic challenge, in the order realm, scope, error,
// error_description, error_uri, algs, resource_metadata, then Extra. It
// refuses (with an error wrapping [ErrCharset] that names the attribute) a
// scope or algs token that is empty or holds a character outside %x21 /
// %x23-5B / %x5D-7E, an error or error_description outside %x20-21 /
// %x23-5B / %x5D-7E, and an error_uri or resource_metadata outside the
// scope-token set. It also refuses a realm with a control character, and
// an Extra attribute whose name is not a token, whose value holds a
// control character, whose name ends in "*" without an RFC 8187
// ext-value, or whose name is given twice or is one of the typed
// attributes: what Build returns, the encoder writes (bytes %x80-FF in a
// realm or an Extra value aside, which it writes only when its caller
// allows obs-text).
func (c Challenge) Build() (httpauth.Challenge, error) {
	s, err := scheme.Default(c.Scheme, Scheme, SchemeDPoP)
	if err != nil {
		return httpauth.Challenge{}, err
	}
	if !scheme.Text(c.Realm) {
		return httpauth.Challenge{}, scheme.Err(s, "realm", scheme.CTL)
	}
	out := httpauth.Challenge{Scheme: s}
	var bad error // the first value refused; then nothing more is added
	add := func(name, v string, ok func(byte) bool) {
		if bad != nil || v == "" {
			return
		}
		if ok != nil && !all(v, ok) {
			bad = scheme.Err(s, name, ErrCharset)
			return
		}
		out.Params = append(out.Params, httpauth.Param{Name: name, Value: v})
	}
	addList := func(name string, vs []string) {
		for _, v := range vs {
			if bad == nil && !all(v, isScopeChar) {
				bad = scheme.Err(s, name, ErrCharset)
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
	if bad != nil {
		return httpauth.Challenge{}, bad
	}
	for _, p := range c.Extra {
		if err := checkExtra(s, p); err != nil {
			return httpauth.Challenge{}, err
		}
	}
	out.Params = append(out.Params, c.Extra...)
	if err := scheme.Unique(s, out.Params, attrs...); err != nil {
		return httpauth.Challenge{}, err
	}
	return out, nil
}

// checkExtra refuses an attribute the encoder could not write. The error
// does not name it: the name may come from input.
func checkExtra(s string, p httpauth.Param) error {
	if !httpauth.IsToken(p.Name) {
		return scheme.Err(s, "", scheme.NotAToken)
	}
	if !scheme.Text(p.Value) {
		return scheme.Err(s, "", scheme.CTL)
	}
	if strings.HasSuffix(p.Name, "*") {
		if _, _, err := httpauth.DecodeExtValue(p.Value); err != nil {
			return scheme.Err(s, "", scheme.Malformed)
		}
	}
	return nil
}
