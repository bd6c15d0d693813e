package concealed

import (
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
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

// Reasons of this package's errors; none holds input.
const (
	errSigScheme scheme.Reason = "not an integer from 0 to 65535"
)

// Credentials is a Concealed Authorization value. The byte slices hold the
// decoded parameter values and must be non-empty. Proof and Verification
// are secret (see the package documentation).
type Credentials struct {
	KeyID           []byte // k
	PublicKey       []byte // a
	Proof           []byte // p
	SignatureScheme uint16 // s
	Verification    []byte // v
}

// ParseCredentials reads a Concealed Authorization value from generic
// credentials. k, a, p, s and v are required (a missing one wraps
// [httpauth.ErrMissingParam]); other parameters are ignored. Credentials
// of another scheme are an error wrapping [httpauth.ErrOtherScheme].
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Credentials{}, err
	}
	names := [...]string{"k", "a", "p", "s", "v"}
	vals, seen, err := scheme.Lookup(Scheme, c.Params, names[:]...)
	if err != nil {
		return Credentials{}, err
	}
	for i := range seen {
		if !seen[i] {
			return Credentials{}, scheme.Err(Scheme, names[i], httpauth.ErrMissingParam)
		}
	}
	var out Credentials
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

// decode reads base64url, padded or not, in its one canonical form.
func decode(param, s string) ([]byte, error) {
	return scheme.Base64URL(Scheme, param, s)
}

func parseScheme(s string) (uint16, error) {
	n, ok := scheme.Digits(s)
	if !ok || n > 0xffff {
		return 0, scheme.Err(Scheme, "s", errSigScheme)
	}
	return uint16(n), nil
}

// Build returns c as generic credentials with the parameters in the order
// k, a, s, v, p (as in RFC 9729's example), byte sequences as unpadded
// base64url. It refuses an empty byte sequence.
func (c Credentials) Build() (httpauth.Credentials, error) {
	for _, f := range [...]struct {
		name string
		b    []byte
	}{{"k", c.KeyID}, {"a", c.PublicKey}, {"v", c.Verification}, {"p", c.Proof}} {
		if len(f.b) == 0 {
			return httpauth.Credentials{}, scheme.Err(Scheme, f.name, httpauth.ErrMissingParam)
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

func (c Credentials) view() redact.View {
	return redact.View{Type: "concealed.Credentials", Fields: []redact.Field{
		{Name: "KeyID", Value: c.KeyID},
		{Name: "PublicKey", Value: c.PublicKey},
		{Name: "Proof", Value: c.Proof, Secret: true},
		{Name: "SignatureScheme", Value: c.SignatureScheme},
		{Name: "Verification", Value: c.Verification, Secret: true},
	}}
}

// String returns c with its secrets masked, as every printed form does.
func (c Credentials) String() string { return c.view().String() }

// Format prints c with its secrets masked, under every verb.
func (c Credentials) Format(f fmt.State, verb rune) { c.view().Format(f, verb) }

// MarshalJSON returns c as a JSON object with its secrets masked.
func (c Credentials) MarshalJSON() ([]byte, error) { return c.view().MarshalJSON() }

// MarshalXML writes c as an XML element with its secrets masked.
func (c Credentials) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return c.view().MarshalXML(e, start)
}

// LogValue returns c as a slog group with its secrets masked.
func (c Credentials) LogValue() slog.Value { return c.view().LogValue() }
