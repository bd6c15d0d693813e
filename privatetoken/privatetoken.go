package privatetoken

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/authwire/httpauth"
)

// Scheme is the auth-scheme name.
const Scheme = "PrivateToken"

// Token types registered by RFC 9578.
const (
	TypeVOPRF    = 0x0001 // privately verifiable, VOPRF(P-384, SHA-384)
	TypeBlindRSA = 0x0002 // publicly verifiable, Blind RSA (2048-bit)
)

// Error reports a challenge or credentials that is not a valid PrivateToken
// value. It names the parameter at fault and never quotes its value.
type Error struct {
	Param  string // parameter name, or "" for the scheme
	Reason string
}

func (e *Error) Error() string {
	if e.Param == "" {
		return "privatetoken: " + e.Reason
	}
	return "privatetoken: " + e.Param + ": " + e.Reason
}

// Challenge is a PrivateToken challenge (RFC 9577 section 2.1).
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

// Credentials is a PrivateToken Authorization value (RFC 9577 section 2.2).
type Credentials struct {
	// Token is the base64url Token, as sent (required).
	Token string
}

func checkScheme(s string) error {
	if !httpauth.EqualFold(s, Scheme) {
		return &Error{Reason: "scheme is not PrivateToken"}
	}
	return nil
}

// get returns the value of name in ps, refusing a duplicate.
func get(ps httpauth.Params, name string) (string, bool, error) {
	var v string
	found := false
	for _, p := range ps {
		if httpauth.EqualFold(p.Name, name) {
			if found {
				return "", false, &Error{Param: name, Reason: "duplicate parameter"}
			}
			v, found = p.Value, true
		}
	}
	return v, found, nil
}

// decode decodes base64url (RFC 4648 section 5), with or without padding.
func decode(param, s string) ([]byte, error) {
	enc := base64.RawURLEncoding
	if strings.HasSuffix(s, "=") {
		enc = base64.URLEncoding
	}
	b, err := enc.DecodeString(s)
	if err != nil || len(b) == 0 {
		return nil, &Error{Param: param, Reason: "not non-empty base64url"}
	}
	return b, nil
}

// ParseChallenge reads a PrivateToken challenge. Unknown parameters are
// ignored.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := checkScheme(c.Scheme); err != nil {
		return Challenge{}, err
	}
	if c.Token68 != "" {
		return Challenge{}, &Error{Reason: "token68 instead of auth-params"}
	}
	var out Challenge
	var ok bool
	var err error
	if out.Challenge, ok, err = get(c.Params, "challenge"); err != nil {
		return Challenge{}, err
	} else if !ok {
		return Challenge{}, &Error{Param: "challenge", Reason: "missing"}
	}
	if out.TokenKey, ok, err = get(c.Params, "token-key"); err != nil {
		return Challenge{}, err
	} else if !ok {
		return Challenge{}, &Error{Param: "token-key", Reason: "missing"}
	}
	ma, ok, err := get(c.Params, "max-age")
	if err != nil {
		return Challenge{}, err
	}
	if ok {
		if out.MaxAge, err = parseSeconds(ma); err != nil {
			return Challenge{}, err
		}
		out.HasMaxAge = true
	}
	if out.Realm, _, err = get(c.Params, "realm"); err != nil {
		return Challenge{}, err
	}
	return out, out.check()
}

func parseSeconds(s string) (int64, error) {
	if s == "" || len(s) > 18 {
		return 0, &Error{Param: "max-age", Reason: "not a non-negative integer of at most 18 digits"}
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, &Error{Param: "max-age", Reason: "not a non-negative integer of at most 18 digits"}
		}
	}
	return strconv.ParseInt(s, 10, 64)
}

func (c Challenge) check() error {
	if _, err := decode("challenge", c.Challenge); err != nil {
		return err
	}
	if _, err := decode("token-key", c.TokenKey); err != nil {
		return err
	}
	if c.HasMaxAge && c.MaxAge < 0 {
		return &Error{Param: "max-age", Reason: "negative"}
	}
	return nil
}

// DecodeChallenge returns the decoded TokenChallenge bytes.
func (c Challenge) DecodeChallenge() ([]byte, error) { return decode("challenge", c.Challenge) }

// DecodeTokenKey returns the decoded token key.
func (c Challenge) DecodeTokenKey() ([]byte, error) { return decode("token-key", c.TokenKey) }

// Build returns c as a generic challenge: challenge, token-key, then
// max-age and realm when set.
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
	bad := func(what string) (TokenChallenge, error) {
		return TokenChallenge{}, &Error{Param: "challenge", Reason: "malformed TokenChallenge: " + what}
	}
	var tc TokenChallenge
	if len(b) < 2 {
		return bad("short token_type")
	}
	tc.TokenType = binary.BigEndian.Uint16(b)
	b = b[2:]
	if len(b) < 2 {
		return bad("short issuer_name length")
	}
	n := int(binary.BigEndian.Uint16(b))
	b = b[2:]
	if n == 0 || len(b) < n {
		return bad("issuer_name empty or truncated")
	}
	tc.IssuerName = string(b[:n])
	b = b[n:]
	if len(b) < 1 {
		return bad("short redemption_context length")
	}
	n = int(b[0])
	b = b[1:]
	if (n != 0 && n != 32) || len(b) < n {
		return bad("redemption_context not 0 or 32 bytes")
	}
	if n > 0 {
		tc.RedemptionContext = append([]byte(nil), b[:n]...)
	}
	b = b[n:]
	if len(b) < 2 {
		return bad("short origin_info length")
	}
	n = int(binary.BigEndian.Uint16(b))
	b = b[2:]
	if len(b) != n {
		return bad("origin_info length does not match the rest")
	}
	tc.OriginInfo = string(b)
	return tc, nil
}

// Marshal returns the wire form of tc. It fails when a field does not fit
// its length prefix.
func (tc TokenChallenge) Marshal() ([]byte, error) {
	if len(tc.IssuerName) == 0 || len(tc.IssuerName) > 0xFFFF {
		return nil, &Error{Param: "challenge", Reason: "issuer_name must be 1 to 65535 bytes"}
	}
	if n := len(tc.RedemptionContext); n != 0 && n != 32 {
		return nil, &Error{Param: "challenge", Reason: "redemption_context must be 0 or 32 bytes"}
	}
	if len(tc.OriginInfo) > 0xFFFF {
		return nil, &Error{Param: "challenge", Reason: "origin_info longer than 65535 bytes"}
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

// Encode returns b as the padded base64url text of a challenge,
// token-key or token parameter.
func Encode(b []byte) string { return base64.URLEncoding.EncodeToString(b) }

// ParseCredentials reads a PrivateToken Authorization value: token is
// required, other parameters are ignored.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := checkScheme(c.Scheme); err != nil {
		return Credentials{}, err
	}
	if c.Token68 != "" {
		return Credentials{}, &Error{Reason: "token68 instead of the token parameter"}
	}
	t, ok, err := get(c.Params, "token")
	if err != nil {
		return Credentials{}, err
	}
	if !ok {
		return Credentials{}, &Error{Param: "token", Reason: "missing"}
	}
	if _, err := decode("token", t); err != nil {
		return Credentials{}, err
	}
	return Credentials{Token: t}, nil
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

// Build returns c as generic credentials `PrivateToken token=…`.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if _, err := decode("token", c.Token); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: httpauth.Params{{Name: "token", Value: c.Token}}}, nil
}

// Format prints "PrivateToken token=[redacted]" for every verb.
func (c Credentials) Format(f fmt.State, verb rune) {
	io.WriteString(f, "PrivateToken token=[redacted]")
}
