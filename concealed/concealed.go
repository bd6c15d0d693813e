package concealed

import (
	"encoding/base64"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/authwire/httpauth"
)

// Scheme is the auth-scheme name.
const Scheme = "Concealed"

// Signature schemes from the IANA TLS SignatureScheme registry (RFC 8446
// section 4.2.3) that a client commonly uses.
const (
	ECDSASecp256r1SHA256 = 0x0403
	RSAPSSRSAESHA256     = 0x0804
	Ed25519              = 0x0807
)

// Error reports credentials that are not a valid Concealed value. It names
// the parameter at fault and never quotes its value.
type Error struct {
	Param  string // "k", "a", "p", "s", "v", or "" for the scheme
	Reason string
}

func (e *Error) Error() string {
	if e.Param == "" {
		return "concealed: " + e.Reason
	}
	return "concealed: " + e.Param + ": " + e.Reason
}

// Credentials is a Concealed Authorization value. The byte slices hold the
// decoded parameter values and must be non-empty.
type Credentials struct {
	KeyID           []byte // k
	PublicKey       []byte // a
	Proof           []byte // p
	SignatureScheme uint16 // s
	Verification    []byte // v
}

// ParseCredentials reads a Concealed Authorization value. k, a, p, s and v
// are required (each once); other parameters are ignored.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if !httpauth.EqualFold(c.Scheme, Scheme) {
		return Credentials{}, &Error{Reason: "scheme is not Concealed"}
	}
	if c.Token68 != "" {
		return Credentials{}, &Error{Reason: "token68 instead of auth-params"}
	}
	var vals [5]string
	var seen [5]bool
	const names = "kapsv"
	for _, p := range c.Params {
		if len(p.Name) != 1 {
			continue
		}
		i := strings.IndexByte(names, p.Name[0]|0x20) // ASCII lower-case
		if i < 0 {
			continue
		}
		if seen[i] {
			return Credentials{}, &Error{Param: names[i : i+1], Reason: "duplicate parameter"}
		}
		vals[i], seen[i] = p.Value, true
	}
	for i := range seen {
		if !seen[i] {
			return Credentials{}, &Error{Param: names[i : i+1], Reason: "missing"}
		}
	}
	var out Credentials
	var err error
	if out.KeyID, err = decode("k", vals[0]); err != nil {
		return Credentials{}, err
	}
	if out.PublicKey, err = decode("a", vals[1]); err != nil {
		return Credentials{}, err
	}
	if out.Proof, err = decode("p", vals[2]); err != nil {
		return Credentials{}, err
	}
	if out.SignatureScheme, err = parseScheme(vals[3]); err != nil {
		return Credentials{}, err
	}
	if out.Verification, err = decode("v", vals[4]); err != nil {
		return Credentials{}, err
	}
	return out, nil
}

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

func parseScheme(s string) (uint16, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, &Error{Param: "s", Reason: "not an integer from 0 to 65535"}
		}
	}
	n, err := strconv.ParseUint(s, 10, 16)
	if err != nil {
		return 0, &Error{Param: "s", Reason: "not an integer from 0 to 65535"}
	}
	return uint16(n), nil
}

// Build returns c as generic credentials with the parameters in the order
// k, a, s, v, p (as in RFC 9729's example), byte sequences as unpadded
// base64url.
func (c Credentials) Build() (httpauth.Credentials, error) {
	for _, f := range [...]struct {
		name string
		b    []byte
	}{{"k", c.KeyID}, {"a", c.PublicKey}, {"v", c.Verification}, {"p", c.Proof}} {
		if len(f.b) == 0 {
			return httpauth.Credentials{}, &Error{Param: f.name, Reason: "empty"}
		}
	}
	enc := base64.RawURLEncoding.EncodeToString
	return httpauth.Credentials{Scheme: Scheme, Params: httpauth.Params{
		{Name: "k", Value: enc(c.KeyID)},
		{Name: "a", Value: enc(c.PublicKey)},
		{Name: "s", Value: strconv.Itoa(int(c.SignatureScheme))},
		{Name: "v", Value: enc(c.Verification)},
		{Name: "p", Value: enc(c.Proof)},
	}}, nil
}

// Format prints the scheme and parameter names, never their values, for
// every verb.
func (c Credentials) Format(f fmt.State, verb rune) {
	io.WriteString(f, "Concealed k=[redacted], a=[redacted], s=[redacted], v=[redacted], p=[redacted]")
}
