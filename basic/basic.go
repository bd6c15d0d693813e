package basic

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/authwire/httpauth"
)

// Scheme is the auth-scheme name, as registered by RFC 7617.
const Scheme = "Basic"

// Errors returned by this package; test them with errors.Is.
var (
	// ErrScheme: the challenge or credentials are not of the Basic scheme.
	ErrScheme = errors.New("basic: not the Basic scheme")
	// ErrColon: a user-id holds ":" (RFC 7617 section 2).
	ErrColon = errors.New("basic: user-id contains ':'")
	// ErrCTL: a user-id or password holds a control character.
	ErrCTL = errors.New("basic: control character in user-id or password")
	// ErrUTF8: the charset is UTF-8 but a user-id or password is not valid UTF-8.
	ErrUTF8 = errors.New("basic: user-id or password is not valid UTF-8")
	// ErrMalformed: the credentials are not base64(user-id ":" password).
	ErrMalformed = errors.New("basic: malformed credentials")
)

// Challenge is a Basic challenge (RFC 7617 section 2):
//
//	WWW-Authenticate: Basic realm="foo", charset="UTF-8"
//
// Realm is required on the wire; Charset is "" or, case-insensitively,
// "UTF-8" (the only value RFC 7617 section 2.1 allows). Other parameters
// are ignored when parsing, as RFC 7617 requires.
type Challenge struct {
	Realm   string
	Charset string
}

// ParseChallenge reads a Basic challenge from a generic one. It reports an
// error when c is not Basic, carries a token68, has no realm, or names a
// charset other than UTF-8.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if !c.Is(Scheme) {
		return Challenge{}, ErrScheme
	}
	if c.Token68 != "" {
		return Challenge{}, errors.New("basic: challenge carries a token68, not auth-params")
	}
	realm, ok := c.Params.Get("realm")
	if !ok {
		return Challenge{}, errors.New("basic: challenge has no realm (RFC 7617 section 2)")
	}
	cs, _ := c.Params.Get("charset")
	if cs != "" && !httpauth.EqualFold(cs, "UTF-8") {
		return Challenge{}, errors.New(`basic: charset other than "UTF-8" (RFC 7617 section 2.1)`)
	}
	return Challenge{Realm: realm, Charset: cs}, nil
}

// UTF8 reports whether the challenge asks for UTF-8 (charset="UTF-8").
func (c Challenge) UTF8() bool { return httpauth.EqualFold(c.Charset, "UTF-8") }

// Challenge returns the generic challenge, ready for httpauth.AppendChallenge:
// realm first, then charset when set. The realm is always quoted by the
// encoder; charset is written as the token UTF-8.
func (c Challenge) Challenge() httpauth.Challenge {
	ps := httpauth.Params{{Name: "realm", Value: c.Realm}}
	if c.Charset != "" {
		ps = append(ps, httpauth.Param{Name: "charset", Value: c.Charset})
	}
	return httpauth.Challenge{Scheme: Scheme, Params: ps}
}

// Credentials are a Basic user-id and password. They never print the
// password (see String, Format and LogValue).
type Credentials struct {
	UserID   string
	Password string
}

// checkPart validates a user-id or password for encoding.
func checkPart(s string, isUser, utf bool) error {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			return ErrCTL
		}
		if isUser && c == ':' {
			return ErrColon
		}
	}
	if utf && !utf8.ValidString(s) {
		return ErrUTF8
	}
	return nil
}

// Token68 returns base64(user-id ":" password) after checking the rules of
// RFC 7617: no ":" in the user-id, no control characters. It does not
// check UTF-8; see [Challenge.Respond] for that.
func (c Credentials) Token68() (string, error) {
	return c.token68(false)
}

func (c Credentials) token68(utf bool) (string, error) {
	if err := checkPart(c.UserID, true, utf); err != nil {
		return "", err
	}
	if err := checkPart(c.Password, false, utf); err != nil {
		return "", err
	}
	b := make([]byte, 0, len(c.UserID)+1+len(c.Password))
	b = append(b, c.UserID...)
	b = append(b, ':')
	b = append(b, c.Password...)
	return base64.StdEncoding.EncodeToString(b), nil
}

// Credentials returns the generic credentials `Basic <token68>`.
func (c Credentials) Credentials() (httpauth.Credentials, error) {
	t, err := c.Token68()
	if err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Token68: t}, nil
}

// Respond returns the credentials that answer ch for user-id and password.
// When ch asks for UTF-8, both must be valid UTF-8 (they are sent as
// given: normalize them first, see the package documentation).
func (ch Challenge) Respond(userID, password string) (httpauth.Credentials, error) {
	t, err := Credentials{userID, password}.token68(ch.UTF8())
	if err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Token68: t}, nil
}

// ParseCredentials reads Basic credentials from generic ones: c must be of
// the Basic scheme with a token68 that is standard padded base64 of
// user-id ":" password. The user-id is what precedes the first ":".
// Control characters in either part are refused (RFC 7617 section 2).
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if !c.Is(Scheme) {
		return Credentials{}, ErrScheme
	}
	if c.Token68 == "" || len(c.Params) > 0 {
		return Credentials{}, ErrMalformed
	}
	return Decode(c.Token68)
}

// Decode decodes a Basic token68 into a user-id and password.
func Decode(token68 string) (Credentials, error) {
	b, err := base64.StdEncoding.DecodeString(token68)
	if err != nil {
		return Credentials{}, ErrMalformed
	}
	s := string(b)
	user, pass, ok := strings.Cut(s, ":")
	if !ok {
		return Credentials{}, ErrMalformed
	}
	if checkPart(user, false, false) != nil || checkPart(pass, false, false) != nil {
		return Credentials{}, ErrCTL
	}
	return Credentials{UserID: user, Password: pass}, nil
}

// ParseAuthorization parses an Authorization (or Proxy-Authorization) field
// value holding Basic credentials.
func ParseAuthorization(value string) (Credentials, error) {
	c, err := httpauth.ParseCredentials(value)
	if err != nil {
		return Credentials{}, err
	}
	return ParseCredentials(c)
}

// Verify reports whether c holds exactly the user-id and password given.
// Its running time does not depend on the contents of either side: both
// are hashed with SHA-256 and the digests are compared with
// crypto/subtle, so neither the position of the first difference nor the
// lengths leak. Both parts are always compared.
func (c Credentials) Verify(userID, password string) bool {
	gu, gp := sha256.Sum256([]byte(c.UserID)), sha256.Sum256([]byte(c.Password))
	wu, wp := sha256.Sum256([]byte(userID)), sha256.Sum256([]byte(password))
	u := subtle.ConstantTimeCompare(gu[:], wu[:])
	p := subtle.ConstantTimeCompare(gp[:], wp[:])
	return u&p == 1
}

const redacted = "[redacted]"

// String returns the user-id with the password redacted.
func (c Credentials) String() string {
	return "basic.Credentials{UserID:" + strconv.Quote(c.UserID) + ", Password:" + redacted + "}"
}

// GoString is what %#v prints: the password is redacted.
func (c Credentials) GoString() string { return c.String() }

// Format implements fmt.Formatter: every verb prints [Credentials.String].
func (c Credentials) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		fmt.Fprint(f, strconv.Quote(c.String()))
		return
	}
	fmt.Fprint(f, c.String())
}

// LogValue implements slog.LogValuer: the user-id only.
func (c Credentials) LogValue() slog.Value {
	return slog.GroupValue(slog.String("user_id", c.UserID), slog.String("password", redacted))
}
