package negotiate

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"

	"github.com/authwire/httpauth"
)

// Scheme names.
const (
	Negotiate = "Negotiate" // RFC 4559
	NTLM      = "NTLM"      // [MS-NTHT]
)

// Error reports a challenge or credentials that is not a valid Negotiate or
// NTLM value. It never quotes the token.
type Error struct {
	Reason string
}

func (e *Error) Error() string { return "negotiate: " + e.Reason }

// Challenge is a Negotiate or NTLM challenge.
type Challenge struct {
	// Scheme is Negotiate or NTLM, as written (compare with
	// httpauth.EqualFold).
	Scheme string
	// Token is the base64 GSS-API or NTLM token, or "" in the first
	// challenge of an exchange.
	Token string
}

// Credentials is a Negotiate or NTLM Authorization value.
type Credentials struct {
	// Scheme is Negotiate or NTLM, as written.
	Scheme string
	// Token is the base64 GSS-API or NTLM token; it is never empty.
	Token string
}

// checkScheme accepts Negotiate and NTLM, ASCII case-insensitively.
func checkScheme(s string) error {
	if httpauth.EqualFold(s, Negotiate) || httpauth.EqualFold(s, NTLM) {
		return nil
	}
	return &Error{Reason: "scheme is neither Negotiate nor NTLM"}
}

func checkToken(t string) error {
	if !httpauth.IsToken68(t) {
		return &Error{Reason: "token is not a token68"}
	}
	return nil
}

// ParseChallenge reads a Negotiate or NTLM challenge. The data is optional:
// the first challenge of an exchange has none. A challenge with auth-params
// instead of a token68 is an error.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := checkScheme(c.Scheme); err != nil {
		return Challenge{}, err
	}
	if len(c.Params) > 0 {
		return Challenge{}, &Error{Reason: "challenge has auth-params; expected a token68 or nothing"}
	}
	if c.Token68 != "" {
		if err := checkToken(c.Token68); err != nil {
			return Challenge{}, err
		}
	}
	return Challenge{Scheme: c.Scheme, Token: c.Token68}, nil
}

// Build returns c as a generic challenge. An empty Scheme means Negotiate.
func (c Challenge) Build() (httpauth.Challenge, error) {
	s := c.Scheme
	if s == "" {
		s = Negotiate
	}
	if err := checkScheme(s); err != nil {
		return httpauth.Challenge{}, err
	}
	if c.Token != "" {
		if err := checkToken(c.Token); err != nil {
			return httpauth.Challenge{}, err
		}
	}
	return httpauth.Challenge{Scheme: s, Token68: c.Token}, nil
}

// Data returns the decoded token, or nil when the challenge has none.
func (c Challenge) Data() ([]byte, error) {
	if c.Token == "" {
		return nil, nil
	}
	return decode(c.Token)
}

// ParseCredentials reads Negotiate or NTLM credentials, which must carry a
// token68.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := checkScheme(c.Scheme); err != nil {
		return Credentials{}, err
	}
	if len(c.Params) > 0 {
		return Credentials{}, &Error{Reason: "credentials have auth-params; expected a token68"}
	}
	if c.Token68 == "" {
		return Credentials{}, &Error{Reason: "credentials have no token"}
	}
	if err := checkToken(c.Token68); err != nil {
		return Credentials{}, err
	}
	return Credentials{Scheme: c.Scheme, Token: c.Token68}, nil
}

// Build returns c as generic credentials. An empty Scheme means Negotiate.
func (c Credentials) Build() (httpauth.Credentials, error) {
	s := c.Scheme
	if s == "" {
		s = Negotiate
	}
	if err := checkScheme(s); err != nil {
		return httpauth.Credentials{}, err
	}
	if c.Token == "" {
		return httpauth.Credentials{}, &Error{Reason: "credentials have no token"}
	}
	if err := checkToken(c.Token); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: s, Token68: c.Token}, nil
}

// Data returns the decoded token.
func (c Credentials) Data() ([]byte, error) { return decode(c.Token) }

// Format prints the scheme and "[redacted]" in place of the token, for
// every verb, so that credentials do not leak into logs.
func (c Credentials) Format(f fmt.State, verb rune) {
	io.WriteString(f, c.Scheme+" [redacted]")
}

// decode decodes standard base64 (RFC 4648 section 4), padded or not:
// senders differ, and RFC 4559's own examples are unpadded.
func decode(t string) ([]byte, error) {
	enc := base64.StdEncoding
	if len(t)%4 != 0 {
		enc = base64.RawStdEncoding
	}
	b, err := enc.DecodeString(t)
	if err != nil {
		return nil, &Error{Reason: "token is not valid base64"}
	}
	return b, nil
}

// Encode returns data as a token: standard base64 with padding.
func Encode(data []byte) string { return base64.StdEncoding.EncodeToString(data) }

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
