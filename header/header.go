package header

import (
	"errors"
	"net/http"
	"net/textproto"
	"slices"

	"github.com/authwire/httpauth"
)

// Field names of RFC 9110 section 11.
const (
	WWWAuthenticate         = "WWW-Authenticate"
	Authorization           = "Authorization"
	AuthenticationInfo      = "Authentication-Info"
	ProxyAuthenticate       = "Proxy-Authenticate"
	ProxyAuthorization      = "Proxy-Authorization"
	ProxyAuthenticationInfo = "Proxy-Authentication-Info"
)

// ErrMultipleCredentials is returned by [Credentials] when the field has
// more than one line: Authorization is not a list (RFC 9110 section 5.3).
var ErrMultipleCredentials = errors.New("header: more than one credentials field line")

// Values returns all field lines of name in h: those under the canonical
// key, then those under every other key equal to name ASCII
// case-insensitively, in sorted key order. It returns nil when there are
// none. The common case (only the canonical key) does not allocate: the
// result is then h's own slice, which the caller must not modify.
func Values(h http.Header, name string) []string {
	canon := textproto.CanonicalMIMEHeaderKey(name)
	vs := h[canon]
	var others []string
	for k := range h {
		if k != canon && httpauth.EqualFold(k, name) {
			others = append(others, k)
		}
	}
	if len(others) == 0 {
		return vs
	}
	slices.Sort(others)
	out := slices.Clone(vs)
	for _, k := range others {
		out = append(out, h[k]...)
	}
	return out
}

// Challenges parses every line of the field name (WWW-Authenticate or
// Proxy-Authenticate) as one list of challenges. As with
// [httpauth.ParseChallenges], on error the challenges before it are
// returned too.
func Challenges(h http.Header, name string) ([]httpauth.Challenge, error) {
	vs := Values(h, name)
	if len(vs) == 0 {
		return nil, nil
	}
	return httpauth.ParseChallenges(vs...)
}

// Credentials parses the field name (Authorization or
// Proxy-Authorization). ok is false when the field is absent; a field
// with more than one line is [ErrMultipleCredentials].
func Credentials(h http.Header, name string) (c httpauth.Credentials, ok bool, err error) {
	vs := Values(h, name)
	switch len(vs) {
	case 0:
		return httpauth.Credentials{}, false, nil
	case 1:
	default:
		return httpauth.Credentials{}, true, ErrMultipleCredentials
	}
	c, err = httpauth.ParseCredentials(vs[0])
	return c, true, err
}

// Params parses every line of the field name (Authentication-Info or
// Proxy-Authentication-Info) as one parameter list.
func Params(h http.Header, name string) (httpauth.Params, error) {
	vs := Values(h, name)
	if len(vs) == 0 {
		return nil, nil
	}
	return httpauth.ParseParams(vs...)
}

// AddChallenges adds one field line per challenge to h under name. It
// encodes them all first: if one is refused, h is left unchanged.
func AddChallenges(h http.Header, name string, cs ...httpauth.Challenge) error {
	lines := make([]string, len(cs))
	for i, c := range cs {
		b, err := httpauth.AppendChallenge(nil, c)
		if err != nil {
			return err
		}
		lines[i] = string(b)
	}
	for _, l := range lines {
		h.Add(name, l)
	}
	return nil
}

// SetCredentials sets the field name to the encoding of c, replacing any
// line under any spelling of name. h is unchanged on error.
func SetCredentials(h http.Header, name string, c httpauth.Credentials) error {
	v, err := c.Encode()
	if err != nil {
		return err
	}
	del(h, name)
	h.Set(name, v)
	return nil
}

// SetParams sets the field name to the encoding of ps, replacing any line
// under any spelling of name. h is unchanged on error.
func SetParams(h http.Header, name string, ps httpauth.Params) error {
	b, err := httpauth.AppendParams(nil, ps)
	if err != nil {
		return err
	}
	del(h, name)
	h.Set(name, string(b))
	return nil
}

// del removes every spelling of name from h.
func del(h http.Header, name string) {
	for k := range h {
		if httpauth.EqualFold(k, name) {
			delete(h, k)
		}
	}
}
