package digest

import (
	"crypto/subtle"
	"strings"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
)

// Info is the Authentication-Info (or Proxy-Authentication-Info) field of a
// Digest exchange (RFC 7616 section 3.5). Zero fields are absent
// parameters. Rspauth and CNonce are secret and never print.
type Info struct {
	NextNonce string
	QOP       string
	Rspauth   string
	CNonce    string
	NC        uint32 // 0 when absent
}

// infoParams are the parameter names of Authentication-Info, as RFC 7616
// spells them.
var infoParams = []string{"nextnonce", "qop", "rspauth", "cnonce", "nc"}

// ParseInfo reads an Authentication-Info parameter list. Every parameter
// is optional; nc must be 8 hex digits and qop a token. Parameters this
// package does not know are ignored, as RFC 9110 section 11.6.3 allows.
func ParseInfo(ps httpauth.Params) (Info, error) {
	if err := scheme.Unique(Scheme, ps, infoParams...); err != nil {
		return Info{}, err
	}
	var a Info
	var err error
	for _, p := range ps {
		switch n := p.Name; {
		case httpauth.EqualFold(n, "nextnonce"):
			a.NextNonce = p.Value
		case httpauth.EqualFold(n, "qop"):
			if !httpauth.IsToken(p.Value) {
				return Info{}, fail("qop", scheme.NotAToken)
			}
			a.QOP = p.Value
		case httpauth.EqualFold(n, "rspauth"):
			a.Rspauth = p.Value
		case httpauth.EqualFold(n, "cnonce"):
			a.CNonce = p.Value
		case httpauth.EqualFold(n, "nc"):
			if a.NC, err = parseNC("nc", p.Value); err != nil {
				return Info{}, err
			}
		}
	}
	return a, nil
}

// Build returns the Authentication-Info parameters in the order nextnonce,
// qop, rspauth, cnonce, nc; the encoder quotes nextnonce, rspauth and
// cnonce. It refuses a qop that is not a token.
func (a Info) Build() (httpauth.Params, error) {
	if a.QOP != "" && !httpauth.IsToken(a.QOP) {
		return nil, fail("qop", scheme.NotAToken)
	}
	ps := make(httpauth.Params, 0, 5)
	add := func(n, v string) { ps = append(ps, httpauth.Param{Name: n, Value: v}) }
	if a.NextNonce != "" {
		add("nextnonce", a.NextNonce)
	}
	if a.QOP != "" {
		add("qop", a.QOP)
	}
	if a.Rspauth != "" {
		add("rspauth", a.Rspauth)
	}
	if a.CNonce != "" {
		add("cnonce", a.CNonce)
	}
	if a.NC != 0 {
		add("nc", formatNC(a.NC))
	}
	return ps, nil
}

// rspauth computes the response-auth value: the response formula with
// A2 = ":" uri (":" H(response body) for auth-int), RFC 7616 section 3.5.
func (c Credentials) rspauth(sessHA1 string, body []byte) string {
	h := hasher(c.Algorithm.New)
	return h.response(sessHA1, c.Nonce, c.nc(), c.CNonce, c.QOP, h.ha2(c.QOP, "", c.URI, body))
}

// Info returns the Authentication-Info a server sends after accepting c:
// rspauth proves that the server knows ha1 (the stored [HA1]); body is the
// response body, used with auth-int. nextnonce may be "" (see
// [Server.Info] for one bound to c's algorithm).
func (c Credentials) Info(ha1 string, body []byte, nextnonce string) Info {
	h := hasher(c.Algorithm.New)
	s := h.sessionHA1(c.Algorithm, ha1, c.Nonce, c.CNonce)
	return Info{NextNonce: nextnonce, QOP: c.QOP, Rspauth: c.rspauth(s, body), CNonce: c.CNonce, NC: c.NC}
}

// VerifyInfo checks the server's rspauth against credentials made by
// [Challenge.Respond], in constant time; body is the response body (used
// with auth-int, nil otherwise). An Info without rspauth passes: RFC 7616
// makes it optional. A cnonce or nc that differs from the one sent, or a
// wrong rspauth, is an error wrapping [httpauth.ErrVerification]: the
// server did not prove that it knows the password.
func (c Credentials) VerifyInfo(a Info, body []byte) error {
	if a.Rspauth == "" {
		return nil
	}
	if c.ha1 == "" {
		return fail("rspauth", reasonNoSecret)
	}
	if (a.CNonce != "" && a.CNonce != c.CNonce) || (a.NC != 0 && a.NC != c.NC) {
		return fail("rspauth", refusedNotBound)
	}
	want := c.rspauth(c.ha1, body)
	if subtle.ConstantTimeCompare([]byte(want), []byte(strings.ToLower(a.Rspauth))) != 1 {
		return denied("rspauth")
	}
	return nil
}
