package vapid

import (
	"crypto/ecdh"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/authwire/httpauth"
)

// Scheme is the auth-scheme name.
const Scheme = "vapid"

// KeySize is the length of an uncompressed P-256 public key (SEC 1
// section 2.3.3): 0x04, then X and Y of 32 bytes each.
const KeySize = 65

// Error reports a challenge or credentials that is not a valid vapid value.
// It names the parameter at fault and never quotes its value.
type Error struct {
	Param  string // "t", "k", or "" for the scheme
	Reason string
}

func (e *Error) Error() string {
	if e.Param == "" {
		return "vapid: " + e.Reason
	}
	return "vapid: " + e.Param + ": " + e.Reason
}

// Challenge is a vapid challenge. The scheme defines no parameters.
type Challenge struct{}

// ParseChallenge checks that c is a vapid challenge. Parameters are
// ignored.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if !httpauth.EqualFold(c.Scheme, Scheme) {
		return Challenge{}, &Error{Reason: "scheme is not vapid"}
	}
	return Challenge{}, nil
}

// Build returns the challenge `vapid`.
func (Challenge) Build() (httpauth.Challenge, error) {
	return httpauth.Challenge{Scheme: Scheme}, nil
}

// JWT is a JSON Web Token in compact serialization (RFC 7515 section 7.1),
// kept as its three base64url segments.
type JWT struct {
	Header, Payload, Signature string
}

// ParseJWT splits s into its three segments, each non-empty base64url
// without padding, and checks that the header and payload decode.
func ParseJWT(s string) (JWT, error) {
	h, rest, ok1 := strings.Cut(s, ".")
	p, sig, ok2 := strings.Cut(rest, ".")
	if !ok1 || !ok2 || strings.Contains(sig, ".") {
		return JWT{}, &Error{Param: "t", Reason: "not a JWT: expected three dot-separated segments"}
	}
	j := JWT{Header: h, Payload: p, Signature: sig}
	return j, j.check()
}

func (j JWT) check() error {
	for _, s := range [...]struct{ name, v string }{{"header", j.Header}, {"payload", j.Payload}, {"signature", j.Signature}} {
		if _, err := decodeSegment(s.v); err != nil {
			return &Error{Param: "t", Reason: "JWT " + s.name + " segment is not non-empty unpadded base64url"}
		}
	}
	return nil
}

func decodeSegment(s string) ([]byte, error) {
	if s == "" {
		return nil, base64.CorruptInputError(0)
	}
	return base64.RawURLEncoding.Strict().DecodeString(s)
}

// String returns the compact serialization header.payload.signature.
func (j JWT) String() string { return j.Header + "." + j.Payload + "." + j.Signature }

// SigningInput returns header.payload, the bytes the ES256 signature signs
// (RFC 7515 section 5.1).
func (j JWT) SigningInput() string { return j.Header + "." + j.Payload }

// DecodeHeader returns the decoded JOSE header (JSON).
func (j JWT) DecodeHeader() ([]byte, error) { return j.decode("header", j.Header) }

// DecodePayload returns the decoded claims set (JSON).
func (j JWT) DecodePayload() ([]byte, error) { return j.decode("payload", j.Payload) }

// DecodeSignature returns the decoded signature: for ES256, R and S of 32
// bytes each (RFC 7518 section 3.4).
func (j JWT) DecodeSignature() ([]byte, error) { return j.decode("signature", j.Signature) }

func (j JWT) decode(name, s string) ([]byte, error) {
	b, err := decodeSegment(s)
	if err != nil {
		return nil, &Error{Param: "t", Reason: "JWT " + name + " segment is not non-empty unpadded base64url"}
	}
	return b, nil
}

// Claims are the JWT claims RFC 8292 section 2 uses.
type Claims struct {
	Aud string `json:"aud"` // origin of the push resource (required)
	Exp int64  `json:"exp"` // expiry, seconds since the epoch (required, at most 24 hours ahead)
	Sub string `json:"sub"` // contact URI, mailto: or https: (optional)
}

// Claims decodes the payload and reads aud, exp and sub. It does not check
// them.
func (j JWT) Claims() (Claims, error) {
	b, err := j.DecodePayload()
	if err != nil {
		return Claims{}, err
	}
	var c Claims
	if err := json.Unmarshal(b, &c); err != nil {
		return Claims{}, &Error{Param: "t", Reason: "JWT payload is not a JSON object with string aud, numeric exp and string sub"}
	}
	return c, nil
}

// Credentials is a vapid Authorization value.
type Credentials struct {
	// Token is the JWT of the t parameter.
	Token JWT
	// Key is the decoded k parameter: an uncompressed P-256 public key of
	// KeySize bytes.
	Key []byte
}

// ParseCredentials reads a vapid Authorization value: t and k are
// required, other parameters are ignored.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if !httpauth.EqualFold(c.Scheme, Scheme) {
		return Credentials{}, &Error{Reason: "scheme is not vapid"}
	}
	if c.Token68 != "" {
		return Credentials{}, &Error{Reason: "token68 instead of the t and k parameters"}
	}
	var t, k string
	var haveT, haveK bool
	for _, p := range c.Params {
		switch {
		case httpauth.EqualFold(p.Name, "t"):
			if haveT {
				return Credentials{}, &Error{Param: "t", Reason: "duplicate parameter"}
			}
			t, haveT = p.Value, true
		case httpauth.EqualFold(p.Name, "k"):
			if haveK {
				return Credentials{}, &Error{Param: "k", Reason: "duplicate parameter"}
			}
			k, haveK = p.Value, true
		}
	}
	if !haveT {
		return Credentials{}, &Error{Param: "t", Reason: "missing"}
	}
	if !haveK {
		return Credentials{}, &Error{Param: "k", Reason: "missing"}
	}
	j, err := ParseJWT(t)
	if err != nil {
		return Credentials{}, err
	}
	key, err := DecodeKey(k)
	if err != nil {
		return Credentials{}, err
	}
	return Credentials{Token: j, Key: key}, nil
}

// DecodeKey decodes a k value: base64url (unpadded, or padded with "=")
// of an uncompressed P-256 public key, which is checked to be 65 bytes,
// to start with 0x04 and to be a point on the curve.
func DecodeKey(k string) ([]byte, error) {
	enc := base64.RawURLEncoding
	if strings.HasSuffix(k, "=") {
		enc = base64.URLEncoding
	}
	b, err := enc.Strict().DecodeString(k)
	if err != nil {
		return nil, &Error{Param: "k", Reason: "not base64url"}
	}
	if err := checkKey(b); err != nil {
		return nil, err
	}
	return b, nil
}

func checkKey(b []byte) error {
	if len(b) != KeySize {
		return &Error{Param: "k", Reason: fmt.Sprintf("key is %d bytes, want %d (uncompressed P-256)", len(b), KeySize)}
	}
	if b[0] != 0x04 {
		return &Error{Param: "k", Reason: "key does not start with 0x04 (uncompressed point)"}
	}
	if _, err := ecdh.P256().NewPublicKey(b); err != nil {
		return &Error{Param: "k", Reason: "key is not a point on P-256"}
	}
	return nil
}

// Build returns c as generic credentials `vapid t=…, k=…`, with k encoded
// as unpadded base64url.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := c.Token.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	if err := checkKey(c.Key); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: httpauth.Params{
		{Name: "t", Value: c.Token.String()},
		{Name: "k", Value: base64.RawURLEncoding.EncodeToString(c.Key)},
	}}, nil
}

// Format prints "vapid t=[redacted], k=[redacted]" for every verb: the token is a
// bearer credential until it expires, so it never goes to a log. The
// public key is not secret but is left out too, for brevity.
func (c Credentials) Format(f fmt.State, verb rune) {
	io.WriteString(f, "vapid t=[redacted], k=[redacted]")
}
