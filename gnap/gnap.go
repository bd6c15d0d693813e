package gnap

import (
	"fmt"
	"io"
	"net/url"

	"github.com/authwire/httpauth"
)

// Scheme is the auth-scheme name.
const Scheme = "GNAP"

// Error reports a challenge or credentials that is not a valid GNAP value.
// It names the parameter at fault and never quotes the token.
type Error struct {
	Param  string // parameter name, or "" for the scheme or token
	Reason string
}

func (e *Error) Error() string {
	if e.Param == "" {
		return "gnap: " + e.Reason
	}
	return "gnap: " + e.Param + ": " + e.Reason
}

// Challenge is a GNAP challenge.
type Challenge struct {
	// ASURI is the grant endpoint of the authorization server (required,
	// absolute URI).
	ASURI string
	// Access is the optional opaque access reference; "" when absent.
	Access string
}

// Credentials is a GNAP Authorization value.
type Credentials struct {
	// Token is the access token value (a token68).
	Token string
}

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

// ParseChallenge reads a GNAP challenge: as_uri is required, access is
// optional, other parameters are ignored.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if !httpauth.EqualFold(c.Scheme, Scheme) {
		return Challenge{}, &Error{Reason: "scheme is not GNAP"}
	}
	if c.Token68 != "" {
		return Challenge{}, &Error{Reason: "token68 instead of auth-params"}
	}
	as, ok, err := get(c.Params, "as_uri")
	if err != nil {
		return Challenge{}, err
	}
	if !ok {
		return Challenge{}, &Error{Param: "as_uri", Reason: "missing"}
	}
	acc, _, err := get(c.Params, "access")
	if err != nil {
		return Challenge{}, err
	}
	out := Challenge{ASURI: as, Access: acc}
	return out, out.check()
}

func (c Challenge) check() error {
	u, err := url.Parse(c.ASURI)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return &Error{Param: "as_uri", Reason: "not an absolute URI with a host"}
	}
	return nil
}

// Build returns c as a generic challenge: as_uri, then access when set.
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

// ParseCredentials reads GNAP credentials, which carry the access token as a
// token68.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if !httpauth.EqualFold(c.Scheme, Scheme) {
		return Credentials{}, &Error{Reason: "scheme is not GNAP"}
	}
	if len(c.Params) > 0 {
		return Credentials{}, &Error{Reason: "auth-params instead of a token68"}
	}
	out := Credentials{Token: c.Token68}
	return out, out.check()
}

func (c Credentials) check() error {
	if c.Token == "" {
		return &Error{Reason: "no access token"}
	}
	if !httpauth.IsToken68(c.Token) {
		return &Error{Reason: "access token is not a token68"}
	}
	return nil
}

// Build returns c as generic credentials `GNAP <token>`.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := c.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Token68: c.Token}, nil
}

// Format prints "GNAP [redacted]" for every verb.
func (c Credentials) Format(f fmt.State, verb rune) { io.WriteString(f, "GNAP [redacted]") }
