package vapid

import (
	"crypto/ecdh"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log/slog"
	"strings"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
)

// Scheme is the auth-scheme name.
const Scheme = "vapid"

// KeySize is the length of an uncompressed P-256 public key (SEC 1
// section 2.3.3): 0x04, then X and Y of 32 bytes each.
const KeySize = 65

const (
	errJWTShape   scheme.Reason = "not a JWT: expected three dot-separated segments"
	errKeySize    scheme.Reason = "key is not 65 bytes (an uncompressed P-256 point)"
	errKeyPrefix  scheme.Reason = "key does not start with 0x04 (an uncompressed point)"
	errKeyCurve   scheme.Reason = "key is not a point on P-256"
	errClaims     scheme.Reason = "JWT payload is not a JSON object with string aud, numeric exp and string sub"
	errAlg        scheme.Reason = `JWT header is not a JSON object with "alg":"ES256"`
	errSigSize    scheme.Reason = "ES256 signature is not 64 bytes"
	errSigInvalid scheme.Reason = "ES256 signature does not verify with k"
)

// segmentErrs say which segment of a JWT is not base64url, in the order
// of the segments.
var segmentErrs = [3]scheme.Reason{
	"JWT header segment is not non-empty unpadded base64url",
	"JWT payload segment is not non-empty unpadded base64url",
	"JWT signature segment is not non-empty unpadded base64url",
}

// Challenge is a vapid challenge. The scheme defines no parameters, and a
// challenge holds no secret.
type Challenge struct{}

// ParseChallenge checks that c is a vapid challenge: one of another scheme
// wraps [httpauth.ErrOtherScheme]. Its parameters, or token68, are
// ignored.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := scheme.Check(Scheme, c.Scheme); err != nil {
		return Challenge{}, err
	}
	return Challenge{}, nil
}

// Build returns the challenge `vapid`. It never fails.
func (Challenge) Build() (httpauth.Challenge, error) {
	return httpauth.Challenge{Scheme: Scheme}, nil
}

// JWT is a JSON Web Token in compact serialization (RFC 7515 section 7.1),
// kept as its three base64url segments. The signature is secret: with
// it, the token is a bearer credential until it expires, so it never
// prints (see the package documentation); [JWT.Value] returns the wire
// form.
type JWT struct {
	Header, Payload, Signature string
}

// ParseJWT splits s, the value of the t parameter, into its three
// segments, each non-empty base64url without padding in canonical form.
// Its errors are about the t parameter and never quote it.
func ParseJWT(s string) (JWT, error) {
	h, rest, ok1 := strings.Cut(s, ".")
	p, sig, ok2 := strings.Cut(rest, ".")
	if !ok1 || !ok2 || strings.Contains(sig, ".") {
		return JWT{}, scheme.Err(Scheme, "t", errJWTShape)
	}
	j := JWT{Header: h, Payload: p, Signature: sig}
	return j, j.check()
}

func (j JWT) check() error {
	for i, s := range [...]string{j.Header, j.Payload, j.Signature} {
		if _, err := decodeSegment(i, s); err != nil {
			return err
		}
	}
	return nil
}

// decodeSegment decodes segment i (0 header, 1 payload, 2 signature).
func decodeSegment(i int, s string) ([]byte, error) {
	b, ok := scheme.DecodeBase64(base64.RawURLEncoding, s)
	if !ok || s == "" {
		return nil, scheme.Err(Scheme, "t", segmentErrs[i])
	}
	return b, nil
}

// Value returns the compact serialization header.payload.signature, the t
// parameter's value, signature included.
func (j JWT) Value() string { return j.Header + "." + j.Payload + "." + j.Signature }

// SigningInput returns header.payload, the bytes the ES256 signature signs
// (RFC 7515 section 5.1).
func (j JWT) SigningInput() string { return j.Header + "." + j.Payload }

// DecodeHeader returns the decoded JOSE header (JSON).
func (j JWT) DecodeHeader() ([]byte, error) { return decodeSegment(0, j.Header) }

// DecodePayload returns the decoded claims set (JSON).
func (j JWT) DecodePayload() ([]byte, error) { return decodeSegment(1, j.Payload) }

// DecodeSignature returns the decoded signature: for ES256, R and S of 32
// bytes each (RFC 7518 section 3.4).
func (j JWT) DecodeSignature() ([]byte, error) { return decodeSegment(2, j.Signature) }

// Claims are the JWT claims RFC 8292 section 2 uses. They hold no secret.
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
		return Claims{}, scheme.Err(Scheme, "t", errClaims)
	}
	return c, nil
}

func (j JWT) view() redact.View {
	return redact.View{Type: "vapid.JWT", Fields: []redact.Field{
		{Name: "Header", Value: j.Header},
		{Name: "Payload", Value: j.Payload},
		{Name: "Signature", Value: j.Signature, Secret: true},
	}}
}

// String returns the header and payload segments, the signature as
// [redacted] when set.
func (j JWT) String() string { return j.view().String() }

// Format implements fmt.Formatter: no verb prints the signature.
func (j JWT) Format(f fmt.State, verb rune) { j.view().Format(f, verb) }

// MarshalJSON implements json.Marshaler, with the signature redacted.
func (j JWT) MarshalJSON() ([]byte, error) { return j.view().MarshalJSON() }

// MarshalXML implements xml.Marshaler, with the signature redacted.
func (j JWT) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return j.view().MarshalXML(e, start)
}

// LogValue implements slog.LogValuer, with the signature redacted.
func (j JWT) LogValue() slog.Value { return j.view().LogValue() }

// Credentials is a vapid Authorization value. The JWT's signature is
// secret; the key is public and prints as the k parameter.
type Credentials struct {
	// Token is the JWT of the t parameter.
	Token JWT
	// Key is the decoded k parameter: an uncompressed P-256 public key of
	// KeySize bytes.
	Key []byte
}

// ParseCredentials reads a vapid Authorization value: t and k are
// required ([httpauth.ErrMissingParam]) and read by [ParseJWT] and
// [DecodeKey]; other parameters, realm included, are ignored. It refuses
// credentials of another scheme ([httpauth.ErrOtherScheme]), with a
// token68, or with a parameter given twice.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Credentials{}, err
	}
	v, seen, err := scheme.Lookup(Scheme, c.Params, "t", "k")
	if err != nil {
		return Credentials{}, err
	}
	for i, name := range [...]string{"t", "k"} {
		if !seen[i] {
			return Credentials{}, scheme.Err(Scheme, name, httpauth.ErrMissingParam)
		}
	}
	j, err := ParseJWT(v[0])
	if err != nil {
		return Credentials{}, err
	}
	key, err := DecodeKey(v[1])
	if err != nil {
		return Credentials{}, err
	}
	return Credentials{Token: j, Key: key}, nil
}

// DecodeKey decodes a k value: base64url (unpadded, or padded with "=",
// in canonical form) of an uncompressed P-256 public key, which is checked
// to be KeySize bytes, to start with 0x04 and to be a point on the curve.
// Its errors are about the k parameter.
func DecodeKey(k string) ([]byte, error) {
	b, ok := scheme.DecodeBase64OptPad(base64.URLEncoding, k)
	if !ok {
		return nil, scheme.Err(Scheme, "k", scheme.NotBase64URL)
	}
	if err := checkKey(b); err != nil {
		return nil, err
	}
	return b, nil
}

func checkKey(b []byte) error {
	if len(b) != KeySize {
		return scheme.Err(Scheme, "k", errKeySize)
	}
	if b[0] != 0x04 {
		return scheme.Err(Scheme, "k", errKeyPrefix)
	}
	if _, err := ecdh.P256().NewPublicKey(b); err != nil {
		return scheme.Err(Scheme, "k", errKeyCurve)
	}
	return nil
}

// Build returns c as generic credentials `vapid t=…, k=…`, with k encoded
// as unpadded base64url. It refuses a JWT segment that is not base64url
// and a key that is not an uncompressed P-256 point.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := c.Token.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	if err := checkKey(c.Key); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: httpauth.Params{
		{Name: "t", Value: c.Token.Value()},
		{Name: "k", Value: base64.RawURLEncoding.EncodeToString(c.Key)},
	}}, nil
}

func (c Credentials) view() redact.View {
	var k string
	if len(c.Key) > 0 {
		k = base64.RawURLEncoding.EncodeToString(c.Key)
	}
	return redact.View{Type: "vapid.Credentials", Fields: []redact.Field{
		{Name: "Token", Value: c.Token},
		{Name: "Key", Value: k},
	}}
}

// String returns the JWT, its signature as [redacted] when set, and the
// key as unpadded base64url.
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
