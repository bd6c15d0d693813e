package privatetoken

import (
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
)

// Scheme is the auth-scheme name.
const Scheme = "PrivateToken"

// Token types registered by RFC 9578.
const (
	TypeVOPRF    = 0x0001 // privately verifiable, VOPRF(P-384, SHA-384)
	TypeBlindRSA = 0x0002 // publicly verifiable, Blind RSA (2048-bit)
)

const (
	errNegative scheme.Reason = "negative"

	errTCType     scheme.Reason = "malformed TokenChallenge: short token_type"
	errTCIssuer   scheme.Reason = "malformed TokenChallenge: issuer_name empty or truncated"
	errTCContext  scheme.Reason = "malformed TokenChallenge: redemption_context not 0 or 32 bytes"
	errTCOrigin   scheme.Reason = "malformed TokenChallenge: origin_info length does not match the rest"
	errTCIssuerN  scheme.Reason = "issuer_name must be 1 to 65535 bytes"
	errTCContextN scheme.Reason = "redemption_context must be 0 or 32 bytes"
	errTCOriginN  scheme.Reason = "origin_info longer than 65535 bytes"
)

// Challenge is a PrivateToken challenge (RFC 9577 section 2.1). It holds
// no secret: the server sends it to whoever asks.
type Challenge struct {
	// Challenge is the base64url TokenChallenge, as sent (required).
	Challenge string
	// TokenKey is the base64url public key of the issuer, as sent
	// (required).
	TokenKey string
	// MaxAge is the number of seconds the challenge may be cached,
	// meaningful when HasMaxAge is set.
	MaxAge    int64
	HasMaxAge bool
	// Realm is the optional realm; "" when absent.
	Realm string
}

// Credentials is a PrivateToken Authorization value (RFC 9577 section
// 2.2). The token is secret: it is redeemed once, so it never prints (see
// the package documentation).
type Credentials struct {
	// Token is the base64url Token, as sent (required).
	Token string
}

// decode decodes base64url (RFC 4648 section 5), with or without
// padding, in canonical form (zero pad bits, no line breaks); the result
// must not be empty.
func decode(param, s string) ([]byte, error) {
	return scheme.Base64URL(Scheme, param, s)
}

// ParseChallenge reads a PrivateToken challenge: challenge and token-key
// are required ([httpauth.ErrMissingParam]) and must be base64url,
// max-age (1*DIGIT) and realm are optional, unknown parameters are
// ignored. It refuses a challenge of another scheme
// ([httpauth.ErrOtherScheme]), one with a token68, and a parameter given
// twice.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Challenge{}, err
	}
	v, seen, err := scheme.Lookup(Scheme, c.Params, "challenge", "token-key", "max-age", "realm")
	if err != nil {
		return Challenge{}, err
	}
	for i, name := range [...]string{"challenge", "token-key"} {
		if !seen[i] {
			return Challenge{}, scheme.Err(Scheme, name, httpauth.ErrMissingParam)
		}
	}
	out := Challenge{Challenge: v[0], TokenKey: v[1], Realm: v[3]}
	if seen[2] {
		n, ok := scheme.Digits(v[2])
		if !ok {
			return Challenge{}, scheme.Err(Scheme, "max-age", scheme.NotDigits)
		}
		out.MaxAge, out.HasMaxAge = n, true
	}
	return out, out.check()
}

func (c Challenge) check() error {
	if _, err := decode("challenge", c.Challenge); err != nil {
		return err
	}
	if _, err := decode("token-key", c.TokenKey); err != nil {
		return err
	}
	if c.HasMaxAge && c.MaxAge < 0 {
		return scheme.Err(Scheme, "max-age", errNegative)
	}
	if !scheme.Text(c.Realm) {
		return scheme.Err(Scheme, "realm", scheme.CTL)
	}
	return nil
}

// DecodeChallenge returns the decoded TokenChallenge bytes.
func (c Challenge) DecodeChallenge() ([]byte, error) { return decode("challenge", c.Challenge) }

// DecodeTokenKey returns the decoded token key.
func (c Challenge) DecodeTokenKey() ([]byte, error) { return decode("token-key", c.TokenKey) }

// Build returns c as a generic challenge: challenge, token-key, then
// max-age and realm when set. It refuses what ParseChallenge refuses.
func (c Challenge) Build() (httpauth.Challenge, error) {
	if err := c.check(); err != nil {
		return httpauth.Challenge{}, err
	}
	ps := httpauth.Params{{Name: "challenge", Value: c.Challenge}, {Name: "token-key", Value: c.TokenKey}}
	if c.HasMaxAge {
		ps = append(ps, httpauth.Param{Name: "max-age", Value: strconv.FormatInt(c.MaxAge, 10)})
	}
	if c.Realm != "" {
		ps = append(ps, httpauth.Param{Name: "realm", Value: c.Realm})
	}
	return httpauth.Challenge{Scheme: Scheme, Params: ps}, nil
}

// TokenChallenge is the structure a challenge carries (RFC 9577 section
// 2.1.1):
//
//	struct {
//	    uint16_t token_type;
//	    opaque issuer_name<1..2^16-1>;
//	    opaque redemption_context<0..32>;
//	    opaque origin_info<0..2^16-1>;
//	} TokenChallenge;
type TokenChallenge struct {
	TokenType         uint16
	IssuerName        string
	RedemptionContext []byte // empty or 32 bytes
	OriginInfo        string // origin names separated by ","; may be empty
}

// DecodeTokenChallenge reads a TokenChallenge from its decoded bytes. The
// whole input must be used.
func DecodeTokenChallenge(b []byte) (TokenChallenge, error) {
	bad := func(why scheme.Reason) (TokenChallenge, error) {
		return TokenChallenge{}, scheme.Err(Scheme, "challenge", why)
	}
	var tc TokenChallenge
	if len(b) < 2 {
		return bad(errTCType)
	}
	tc.TokenType = binary.BigEndian.Uint16(b)
	b = b[2:]
	if len(b) < 2 {
		return bad(errTCIssuer)
	}
	n := int(binary.BigEndian.Uint16(b))
	b = b[2:]
	if n == 0 || len(b) < n {
		return bad(errTCIssuer)
	}
	tc.IssuerName = string(b[:n])
	b = b[n:]
	if len(b) < 1 {
		return bad(errTCContext)
	}
	n = int(b[0])
	b = b[1:]
	if (n != 0 && n != 32) || len(b) < n {
		return bad(errTCContext)
	}
	if n > 0 {
		tc.RedemptionContext = append([]byte(nil), b[:n]...)
	}
	b = b[n:]
	if len(b) < 2 {
		return bad(errTCOrigin)
	}
	n = int(binary.BigEndian.Uint16(b))
	b = b[2:]
	if len(b) != n {
		return bad(errTCOrigin)
	}
	tc.OriginInfo = string(b)
	return tc, nil
}

// Marshal returns the wire form of tc. It fails when a field does not fit
// its length prefix.
func (tc TokenChallenge) Marshal() ([]byte, error) {
	if len(tc.IssuerName) == 0 || len(tc.IssuerName) > 0xFFFF {
		return nil, scheme.Err(Scheme, "challenge", errTCIssuerN)
	}
	if n := len(tc.RedemptionContext); n != 0 && n != 32 {
		return nil, scheme.Err(Scheme, "challenge", errTCContextN)
	}
	if len(tc.OriginInfo) > 0xFFFF {
		return nil, scheme.Err(Scheme, "challenge", errTCOriginN)
	}
	b := make([]byte, 0, 7+len(tc.IssuerName)+len(tc.RedemptionContext)+len(tc.OriginInfo))
	b = binary.BigEndian.AppendUint16(b, tc.TokenType)
	b = binary.BigEndian.AppendUint16(b, uint16(len(tc.IssuerName)))
	b = append(b, tc.IssuerName...)
	b = append(b, byte(len(tc.RedemptionContext)))
	b = append(b, tc.RedemptionContext...)
	b = binary.BigEndian.AppendUint16(b, uint16(len(tc.OriginInfo)))
	b = append(b, tc.OriginInfo...)
	return b, nil
}

// ParseCredentials reads a PrivateToken Authorization value: token is
// required ([httpauth.ErrMissingParam]) and must be base64url; other
// parameters are ignored. It refuses credentials of another scheme
// ([httpauth.ErrOtherScheme]), with a token68, or with a parameter given
// twice.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Credentials{}, err
	}
	v, seen, err := scheme.Lookup(Scheme, c.Params, "token")
	if err != nil {
		return Credentials{}, err
	}
	if !seen[0] {
		return Credentials{}, scheme.Err(Scheme, "token", httpauth.ErrMissingParam)
	}
	if _, err := decode("token", v[0]); err != nil {
		return Credentials{}, err
	}
	return Credentials{Token: v[0]}, nil
}

// DecodeToken returns the decoded Token bytes.
func (c Credentials) DecodeToken() ([]byte, error) { return decode("token", c.Token) }

// TokenType returns the token_type that starts a decoded Token (RFC 9577
// section 2.2), or false when it is shorter than two bytes.
func TokenType(token []byte) (uint16, bool) {
	if len(token) < 2 {
		return 0, false
	}
	return binary.BigEndian.Uint16(token), true
}

// Build returns c as generic credentials `PrivateToken token=…`. It
// refuses a token that is not non-empty base64url.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if _, err := decode("token", c.Token); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: httpauth.Params{{Name: "token", Value: c.Token}}}, nil
}

func (c Credentials) view() redact.View {
	return redact.View{Type: "privatetoken.Credentials", Fields: []redact.Field{
		{Name: "Token", Value: c.Token, Secret: true},
	}}
}

// String returns [redacted] for a set token.
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
