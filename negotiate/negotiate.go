package negotiate

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"log/slog"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
)

// Scheme names. A Negotiate or NTLM value reports its errors under its own
// name; a value of another scheme under Scheme.
const (
	Scheme     = "Negotiate" // RFC 4559
	SchemeNTLM = "NTLM"      // [MS-NTHT]
)

// Challenge is a Negotiate or NTLM challenge. It holds no secret: a server
// sends it to whoever asks, and the root package prints it whole.
type Challenge struct {
	// Scheme is Scheme or SchemeNTLM; "" means Scheme. ParseChallenge
	// sets it to the registered spelling, whatever the case on the wire.
	Scheme string
	// Token is the base64 GSS-API or NTLM token, or "" in the first
	// challenge of an exchange.
	Token string
}

// Credentials is a Negotiate or NTLM Authorization value. The token is
// secret: it never prints (see the package documentation).
type Credentials struct {
	// Scheme is Scheme or SchemeNTLM; "" means Scheme. ParseCredentials
	// sets it to the registered spelling, whatever the case on the wire.
	Scheme string
	// Token is the base64 GSS-API or NTLM token; it is never empty.
	Token string
}

// checkOptional refuses a token that is neither empty nor a token68.
func checkOptional(s, t string) error {
	if t == "" {
		return nil
	}
	return scheme.Token68(s, t)
}

// ParseChallenge reads a Negotiate or NTLM challenge. The token is
// optional: the first challenge of an exchange has none. It refuses a
// challenge of another scheme ([httpauth.ErrOtherScheme]) and one with
// auth-params instead of a token68.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	s, err := scheme.Match(c.Scheme, Scheme, SchemeNTLM)
	if err != nil {
		return Challenge{}, err
	}
	if len(c.Params) > 0 {
		return Challenge{}, scheme.Err(s, "", scheme.NoParams)
	}
	if err := checkOptional(s, c.Token68); err != nil {
		return Challenge{}, err
	}
	return Challenge{Scheme: s, Token: c.Token68}, nil
}

// Build returns c as a generic challenge. It refuses a scheme other than
// Negotiate and NTLM and a token that is not a token68.
func (c Challenge) Build() (httpauth.Challenge, error) {
	s, err := scheme.Default(c.Scheme, Scheme, SchemeNTLM)
	if err != nil {
		return httpauth.Challenge{}, err
	}
	if err := checkOptional(s, c.Token); err != nil {
		return httpauth.Challenge{}, err
	}
	return httpauth.Challenge{Scheme: s, Token68: c.Token}, nil
}

// DecodeToken returns the decoded token, or nil when the challenge has
// none. See [Credentials.DecodeToken] for the encoding.
func (c Challenge) DecodeToken() ([]byte, error) {
	if c.Token == "" {
		return nil, nil
	}
	return decode(c.Scheme, c.Token)
}

// ParseCredentials reads Negotiate or NTLM credentials, which must carry a
// token68. It refuses credentials of another scheme
// ([httpauth.ErrOtherScheme]), with auth-params, or without a token.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	s, err := scheme.Match(c.Scheme, Scheme, SchemeNTLM)
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

// Build returns c as generic credentials. It refuses a scheme other than
// Negotiate and NTLM and a token that is empty or not a token68.
func (c Credentials) Build() (httpauth.Credentials, error) {
	s, err := scheme.Default(c.Scheme, Scheme, SchemeNTLM)
	if err != nil {
		return httpauth.Credentials{}, err
	}
	if err := scheme.Token68(s, c.Token); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: s, Token68: c.Token}, nil
}

// DecodeToken returns the decoded token: standard base64 (RFC 4648
// section 4), padded or not (senders differ, and RFC 4559's own examples
// are unpadded), with zero pad bits and no line breaks. Encode a token
// with base64.StdEncoding.
func (c Credentials) DecodeToken() ([]byte, error) { return decode(c.Scheme, c.Token) }

func decode(s, t string) ([]byte, error) {
	b, ok := scheme.DecodeBase64OptPad(base64.StdEncoding, t)
	if !ok {
		if !httpauth.EqualFold(s, SchemeNTLM) {
			s = Scheme
		}
		return nil, scheme.Err(s, "", scheme.NotBase64)
	}
	return b, nil
}

func (c Credentials) view() redact.View {
	return redact.View{Type: "negotiate.Credentials", Fields: []redact.Field{
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

// NTLM message types ([MS-NLMP] section 2.2.1).
const (
	NTLMNegotiate    = 1 // NEGOTIATE_MESSAGE, client to server
	NTLMChallenge    = 2 // CHALLENGE_MESSAGE, server to client
	NTLMAuthenticate = 3 // AUTHENTICATE_MESSAGE, client to server
)

// ntlmSignature starts every NTLM message.
const ntlmSignature = "NTLMSSP\x00"

// MessageType returns the NTLM message type of data, a decoded token: the
// little-endian uint32 after the 8-byte signature "NTLMSSP\0". ok is false
// when data does not start with the signature (for example a SPNEGO or
// Kerberos token) or is shorter than 12 bytes. The type is returned as
// read; only 1, 2 and 3 are defined.
func MessageType(data []byte) (typ uint32, ok bool) {
	if len(data) < 12 || string(data[:8]) != ntlmSignature {
		return 0, false
	}
	return binary.LittleEndian.Uint32(data[8:12]), true
}
