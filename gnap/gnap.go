package gnap

import (
	"encoding/xml"
	"fmt"
	"log/slog"
	"net/url"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
)

// Scheme is the auth-scheme name.
const Scheme = "GNAP"

const errNotAbsolute scheme.Reason = "not an absolute URI with a host"

// Challenge is a GNAP challenge. It holds no secret: the access reference
// is not a credential (see the package documentation).
type Challenge struct {
	// ASURI is the grant endpoint of the authorization server (required,
	// absolute URI).
	ASURI string
	// Access is the optional opaque access reference; "" when absent.
	Access string
}

// Credentials is a GNAP Authorization value. The token is secret: it
// never prints (see the package documentation).
type Credentials struct {
	// Token is the access token value (a token68).
	Token string
}

// ParseChallenge reads a GNAP challenge: as_uri is required
// ([httpauth.ErrMissingParam]) and must be an absolute URI with a host,
// access is optional, other parameters are ignored. It refuses a
// challenge of another scheme ([httpauth.ErrOtherScheme]), one with a
// token68, and a parameter given twice.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Challenge{}, err
	}
	v, seen, err := scheme.Lookup(Scheme, c.Params, "as_uri", "access")
	if err != nil {
		return Challenge{}, err
	}
	if !seen[0] {
		return Challenge{}, scheme.Err(Scheme, "as_uri", httpauth.ErrMissingParam)
	}
	out := Challenge{ASURI: v[0], Access: v[1]}
	return out, out.check()
}

func (c Challenge) check() error {
	u, err := url.Parse(c.ASURI)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return scheme.Err(Scheme, "as_uri", errNotAbsolute)
	}
	if !scheme.Text(c.Access) {
		return scheme.Err(Scheme, "access", scheme.CTL)
	}
	return nil
}

// Build returns c as a generic challenge: as_uri, then access when set.
// It refuses what ParseChallenge refuses.
func (c Challenge) Build() (httpauth.Challenge, error) {
	if err := c.check(); err != nil {
		return httpauth.Challenge{}, err
	}
	ps := httpauth.Params{{Name: "as_uri", Value: c.ASURI}}
	if c.Access != "" {
		ps = append(ps, httpauth.Param{Name: "access", Value: c.Access})
	}
	return httpauth.Challenge{Scheme: Scheme, Params: ps}, nil
}

// ParseCredentials reads GNAP credentials, which carry the access token as
// a token68. It refuses credentials of another scheme
// ([httpauth.ErrOtherScheme]), with auth-params, or without a token.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := scheme.Check(Scheme, c.Scheme); err != nil {
		return Credentials{}, err
	}
	if len(c.Params) > 0 {
		return Credentials{}, scheme.Err(Scheme, "", scheme.NoParams)
	}
	if err := scheme.Token68(Scheme, c.Token68); err != nil {
		return Credentials{}, err
	}
	return Credentials{Token: c.Token68}, nil
}

// Build returns c as generic credentials `GNAP <token>`. It refuses a
// token that is empty or not a token68.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := scheme.Token68(Scheme, c.Token); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Token68: c.Token}, nil
}

func (c Credentials) view() redact.View {
	return redact.View{Type: "gnap.Credentials", Fields: []redact.Field{
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
