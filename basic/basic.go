package basic

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"unicode/utf8"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
)

// Scheme is the auth-scheme name, as registered by RFC 7617.
const Scheme = "Basic"

// The conditions a caller may branch on. Each is the Err of the
// *httpauth.SchemeError that reports it: test with errors.Is.
var (
	// ErrColon: a user-id holds ":" (RFC 7617 section 2), so the pair
	// cannot be sent.
	ErrColon = errors.New("user-id contains ':' (RFC 7617 section 2)")
	// ErrCTL: a user-id or password holds a control character (%x00-1F
	// or %x7F), refused both ways (RFC 7617 section 2).
	ErrCTL = errors.New("control character in user-id or password (RFC 7617 section 2)")
	// ErrUTF8: the challenge asks for UTF-8 but a user-id or password is
	// not valid UTF-8.
	ErrUTF8 = errors.New(`user-id or password is not valid UTF-8 (charset="UTF-8")`)
)

// Reasons of the errors no caller branches on.
const (
	errCharset scheme.Reason = `charset other than "UTF-8" (RFC 7617 section 2.1)`
	errNoColon scheme.Reason = "decoded credentials hold no ':' between user-id and password"
	errNoMatch scheme.Reason = "user-id or password does not match"
)

// Challenge is a Basic challenge (RFC 7617 section 2):
//
//	WWW-Authenticate: Basic realm="foo", charset="UTF-8"
//
// Realm is required on the wire; Charset is "" or, ASCII
// case-insensitively, "UTF-8" (the only value RFC 7617 section 2.1
// allows). Other parameters are ignored when parsing, as RFC 7617
// requires. A challenge holds no secret.
type Challenge struct {
	Realm   string
	Charset string
}

// ParseChallenge reads a Basic challenge from a generic one. It refuses a
// challenge of another scheme (the error wraps [httpauth.ErrOtherScheme]),
// one with a token68, one without a realm ([httpauth.ErrMissingParam]), a
// parameter given twice, and a charset other than UTF-8.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Challenge{}, err
	}
	v, seen, err := scheme.Lookup(Scheme, c.Params, "realm", "charset")
	if err != nil {
		return Challenge{}, err
	}
	if !seen[0] {
		return Challenge{}, scheme.Err(Scheme, "realm", httpauth.ErrMissingParam)
	}
	out := Challenge{Realm: v[0], Charset: v[1]}
	return out, out.check()
}

func (c Challenge) check() error {
	if !scheme.Text(c.Realm) {
		return scheme.Err(Scheme, "realm", scheme.CTL)
	}
	if c.Charset != "" && !c.UTF8() {
		return scheme.Err(Scheme, "charset", errCharset)
	}
	return nil
}

// UTF8 reports whether the challenge asks for UTF-8 (charset="UTF-8").
func (c Challenge) UTF8() bool { return httpauth.EqualFold(c.Charset, "UTF-8") }

// Build returns the generic challenge: realm first, then charset when
// set. The encoder always quotes the realm; charset is written as the
// token UTF-8. It refuses a realm with a control character (other than
// HTAB) and a charset other than UTF-8.
func (c Challenge) Build() (httpauth.Challenge, error) {
	if err := c.check(); err != nil {
		return httpauth.Challenge{}, err
	}
	ps := httpauth.Params{{Name: "realm", Value: c.Realm}}
	if c.Charset != "" {
		ps = append(ps, httpauth.Param{Name: "charset", Value: c.Charset})
	}
	return httpauth.Challenge{Scheme: Scheme, Params: ps}, nil
}

// Respond returns the credentials that answer c for a user-id and
// password. It refuses what [Credentials.Build] refuses and, when c asks
// for UTF-8, a user-id or password that is not valid UTF-8 ([ErrUTF8]).
// They are sent as given: normalize them first (see the package
// documentation).
func (c Challenge) Respond(userID, password string) (Credentials, error) {
	cr := Credentials{UserID: userID, Password: password}
	return cr, cr.check(c.UTF8())
}

// Credentials are a Basic user-id and password. The password is secret:
// it never prints (see the package documentation).
type Credentials struct {
	UserID   string
	Password string
}

// check validates the pair for sending: no ":" in the user-id, no control
// character in either part and, if utf, valid UTF-8.
func (c Credentials) check(utf bool) error {
	if strings.IndexByte(c.UserID, ':') >= 0 {
		return scheme.Err(Scheme, "", ErrColon)
	}
	if scheme.HasCTL(c.UserID) || scheme.HasCTL(c.Password) {
		return scheme.Err(Scheme, "", ErrCTL)
	}
	if utf && !(utf8.ValidString(c.UserID) && utf8.ValidString(c.Password)) {
		return scheme.Err(Scheme, "", ErrUTF8)
	}
	return nil
}

// Build returns the generic credentials `Basic <token68>`, the token68
// being standard base64 of user-id ":" password. It refuses a user-id
// holding ":" ([ErrColon]) and a control character in either part
// ([ErrCTL]). It does not check UTF-8; [Challenge.Respond] does when the
// challenge asks for it.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := c.check(false); err != nil {
		return httpauth.Credentials{}, err
	}
	b := make([]byte, 0, len(c.UserID)+1+len(c.Password))
	b = append(b, c.UserID...)
	b = append(b, ':')
	b = append(b, c.Password...)
	return httpauth.Credentials{Scheme: Scheme, Token68: base64.StdEncoding.EncodeToString(b)}, nil
}

// ParseCredentials reads Basic credentials from generic ones: c must be of
// the Basic scheme with a token68 that is the canonical standard base64
// (RFC 4648 section 4: padded, zero pad bits, no line breaks) of user-id
// ":" password, so that one pair has one encoding. The user-id is what
// precedes the first ":". A control character in either part is refused
// ([ErrCTL]).
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := scheme.Check(Scheme, c.Scheme); err != nil {
		return Credentials{}, err
	}
	if len(c.Params) > 0 {
		return Credentials{}, scheme.Err(Scheme, "", scheme.NoParams)
	}
	if c.Token68 == "" {
		return Credentials{}, scheme.Err(Scheme, "", scheme.MissingToken68)
	}
	b, ok := scheme.DecodeBase64(base64.StdEncoding, c.Token68)
	if !ok {
		return Credentials{}, scheme.Err(Scheme, "", scheme.NotBase64)
	}
	user, pass, ok := strings.Cut(string(b), ":")
	if !ok {
		return Credentials{}, scheme.Err(Scheme, "", errNoColon)
	}
	if scheme.HasCTL(user) || scheme.HasCTL(pass) {
		return Credentials{}, scheme.Err(Scheme, "", ErrCTL)
	}
	return Credentials{UserID: user, Password: pass}, nil
}

// Verify returns nil when c holds exactly the user-id and password given,
// and otherwise an error wrapping [httpauth.ErrVerification], which does
// not say which part differs. Its running time does not depend on the
// contents of either side: both parts are hashed with SHA-256 and the
// digests compared with crypto/subtle, so neither the position of the
// first difference nor the lengths leak, and both parts are always
// compared.
func (c Credentials) Verify(userID, password string) error {
	gu, gp := sha256.Sum256([]byte(c.UserID)), sha256.Sum256([]byte(c.Password))
	wu, wp := sha256.Sum256([]byte(userID)), sha256.Sum256([]byte(password))
	u := subtle.ConstantTimeCompare(gu[:], wu[:])
	p := subtle.ConstantTimeCompare(gp[:], wp[:])
	if u&p != 1 {
		return scheme.Failed(Scheme, "", errNoMatch)
	}
	return nil
}

func (c Credentials) view() redact.View {
	return redact.View{Type: "basic.Credentials", Fields: []redact.Field{
		{Name: "UserID", Value: c.UserID},
		{Name: "Password", Value: c.Password, Secret: true},
	}}
}

// String returns the user-id and, for a set password, [redacted].
func (c Credentials) String() string { return c.view().String() }

// Format implements fmt.Formatter: no verb prints the password.
func (c Credentials) Format(f fmt.State, verb rune) { c.view().Format(f, verb) }

// MarshalJSON implements json.Marshaler, with the password redacted.
func (c Credentials) MarshalJSON() ([]byte, error) { return c.view().MarshalJSON() }

// MarshalXML implements xml.Marshaler, with the password redacted.
func (c Credentials) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return c.view().MarshalXML(e, start)
}

// LogValue implements slog.LogValuer, with the password redacted.
func (c Credentials) LogValue() slog.Value { return c.view().LogValue() }
