package digest

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/authwire/httpauth"
)

// Scheme is the auth-scheme name.
const Scheme = "Digest"

// Errors returned by this package; test them with errors.Is.
var (
	ErrScheme       = errors.New("digest: not the Digest scheme")
	ErrAlgorithm    = errors.New("digest: unsupported algorithm")
	ErrQOP          = errors.New("digest: no supported qop offered")
	ErrMissing      = errors.New("digest: required parameter missing")
	ErrMalformed    = errors.New("digest: malformed parameter")
	ErrUsername     = errors.New("digest: both username and username* (RFC 7616 section 3.4)")
	ErrUsernameUTF8 = errors.New("digest: user name needs username* but is not valid UTF-8")
	ErrRspauth      = errors.New("digest: rspauth does not match: the server did not prove it knows the password")
	ErrNoSecret     = errors.New("digest: credentials were not made by Challenge.Respond")
)

func missing(name string) error   { return fmt.Errorf("%w: %s", ErrMissing, name) }
func malformed(name string) error { return fmt.Errorf("%w: %s", ErrMalformed, name) }

// Challenge is a Digest challenge (RFC 7616 section 3.3). Zero fields are
// absent parameters.
type Challenge struct {
	Realm     string
	Domain    []string // space-separated URIs on the wire
	Nonce     string
	Opaque    string
	Stale     bool
	Algorithm Algorithm
	QOP       []string // "auth", "auth-int"; empty: RFC 2069 compatibility
	Charset   string   // "UTF-8" or ""
	Userhash  bool
	// Extra holds the parameters this package does not type, in order.
	Extra httpauth.Params
}

// ParseChallenge reads a Digest challenge from a generic one. realm and
// nonce are required; an algorithm this package does not know is
// [ErrAlgorithm] (RFC 7616 section 3.3: the client ignores the challenge).
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if !c.Is(Scheme) {
		return Challenge{}, ErrScheme
	}
	if c.Token68 != "" {
		return Challenge{}, malformed("token68")
	}
	var out Challenge
	var haveRealm, haveNonce bool
	for _, p := range c.Params {
		v := p.Value
		switch n := p.Name; {
		case httpauth.EqualFold(n, "realm"):
			out.Realm, haveRealm = v, true
		case httpauth.EqualFold(n, "domain"):
			if out.Domain = strings.Fields(v); len(out.Domain) == 0 {
				out.Domain = nil // domain="" is no domain, as when absent
			}
		case httpauth.EqualFold(n, "nonce"):
			out.Nonce, haveNonce = v, true
		case httpauth.EqualFold(n, "opaque"):
			out.Opaque = v
		case httpauth.EqualFold(n, "stale"):
			out.Stale = httpauth.EqualFold(v, "true")
		case httpauth.EqualFold(n, "algorithm"):
			a, ok := ParseAlgorithm(v)
			if !ok || a == Unspecified {
				return Challenge{}, fmt.Errorf("%w: %q", ErrAlgorithm, v)
			}
			out.Algorithm = a
		case httpauth.EqualFold(n, "qop"):
			out.QOP = splitList(v)
		case httpauth.EqualFold(n, "charset"):
			out.Charset = v
		case httpauth.EqualFold(n, "userhash"):
			out.Userhash = httpauth.EqualFold(v, "true")
		default:
			out.Extra = append(out.Extra, p)
		}
	}
	if !haveRealm {
		return Challenge{}, missing("realm")
	}
	if !haveNonce {
		return Challenge{}, missing("nonce")
	}
	return out, nil
}

// splitList splits a comma list such as "auth, auth-int", dropping empty
// elements and OWS.
func splitList(v string) []string {
	var out []string
	for _, e := range strings.Split(v, ",") {
		if e = strings.Trim(e, " \t"); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// Offers reports whether the challenge lists qop (ASCII case-insensitively).
func (c Challenge) Offers(qop string) bool {
	for _, q := range c.QOP {
		if httpauth.EqualFold(q, qop) {
			return true
		}
	}
	return false
}

// Challenge returns the generic challenge, parameters in the order of the
// RFC 7616 section 3.9 examples: realm, domain, qop, algorithm, nonce,
// opaque, stale, charset, userhash, then Extra. The encoder quotes realm,
// domain, nonce, opaque and qop and writes stale, algorithm, charset and
// userhash as tokens (RFC 7616 section 3.3).
func (c Challenge) Challenge() httpauth.Challenge {
	ps := httpauth.Params{{Name: "realm", Value: c.Realm}}
	add := func(n, v string) { ps = append(ps, httpauth.Param{Name: n, Value: v}) }
	if len(c.Domain) > 0 {
		add("domain", strings.Join(c.Domain, " "))
	}
	if len(c.QOP) > 0 {
		add("qop", strings.Join(c.QOP, ", "))
	}
	if c.Algorithm != Unspecified {
		add("algorithm", c.Algorithm.String())
	}
	add("nonce", c.Nonce)
	if c.Opaque != "" {
		add("opaque", c.Opaque)
	}
	if c.Stale {
		add("stale", "true")
	}
	if c.Charset != "" {
		add("charset", c.Charset)
	}
	if c.Userhash {
		add("userhash", "true")
	}
	ps = append(ps, c.Extra...)
	return httpauth.Challenge{Scheme: Scheme, Params: ps}
}

// Select returns the Digest challenge among cs whose algorithm is the
// strongest (SHA-512-256, then SHA-256, then MD5; a -sess variant counts as
// its hash), the first one on a tie, since RFC 7616 section 3.7 has the
// server list them in its order of preference. Challenges of other schemes,
// malformed ones and those with unknown algorithms are skipped. ok is false
// when none is usable.
func Select(cs []httpauth.Challenge) (best Challenge, ok bool) {
	for _, g := range cs {
		if !g.Is(Scheme) {
			continue
		}
		c, err := ParseChallenge(g)
		if err != nil {
			continue
		}
		if !ok || c.Algorithm.strength() > best.Algorithm.strength() {
			best, ok = c, true
		}
	}
	return best, ok
}

// Input is what a client knows when it answers a challenge.
type Input struct {
	Username string
	Password string
	Method   string // "GET" when empty
	URI      string // request-target as sent, e.g. "/dir/index.html"
	// Body is the request body, needed for qop=auth-int (nil is empty).
	Body []byte
	// CNonce is the client nonce; a random one is made when empty.
	CNonce string
	// NC is the nonce count; 0 means 1.
	NC uint32
	// QOP picks the quality of protection; when empty, "auth" if the
	// challenge offers it, else "auth-int", else none for a challenge with
	// no qop (RFC 2069 compatibility).
	QOP string
}

// Credentials are Digest credentials (RFC 7616 section 3.4). Zero fields
// are absent parameters.
//
// Username is the user name: decoded from username* when that was sent,
// and the hex userhash when Userhash is true. When encoding, username* is
// used only when the name cannot be sent in the plain form (non-ASCII
// bytes or control characters), as RFC 7616 section 3.4.4 requires.
//
// Credentials made by [Challenge.Respond] also keep H(A1), needed to check
// the server's rspauth; it is never printed (String and Format show the
// username and realm only).
type Credentials struct {
	Username  string
	Realm     string
	URI       string
	Algorithm Algorithm
	Nonce     string
	NC        uint32 // written as 8 lowercase hex digits; 0 when absent
	CNonce    string
	QOP       string
	Response  string
	Opaque    string
	Userhash  bool
	Extra     httpauth.Params

	ha1 string // session H(A1) when made by Respond
}

// String describes c without the response or any secret.
func (c Credentials) String() string {
	return "digest.Credentials{Username:" + strconv.Quote(c.Username) + ", Realm:" + strconv.Quote(c.Realm) + ", Response:[redacted]}"
}

// Format implements fmt.Formatter: every verb prints [Credentials.String].
func (c Credentials) Format(f fmt.State, verb rune) { fmt.Fprint(f, c.String()) }

// Respond computes the credentials that answer c (RFC 7616 section 3.4).
// The username is sent as a userhash when the challenge asks for it, as
// username* when the plain form cannot carry it, and as username
// otherwise.
func (c Challenge) Respond(in Input) (Credentials, error) {
	return c.respond(in, c.Algorithm.New)
}

func (c Challenge) respond(in Input, newHash hasher) (Credentials, error) {
	qop := in.QOP
	switch {
	case qop != "":
		if !c.Offers(qop) {
			return Credentials{}, fmt.Errorf("%w: %q not offered", ErrQOP, qop)
		}
	case c.Offers("auth"):
		qop = "auth"
	case c.Offers("auth-int"):
		qop = "auth-int"
	case len(c.QOP) > 0:
		return Credentials{}, ErrQOP
	}
	if qop != "auth" && qop != "auth-int" && qop != "" {
		return Credentials{}, fmt.Errorf("%w: %q", ErrQOP, qop)
	}
	method := in.Method
	if method == "" {
		method = "GET"
	}
	nc := in.NC
	if nc == 0 {
		nc = 1
	}
	cnonce := in.CNonce
	if cnonce == "" && (qop != "" || c.Algorithm.Session()) {
		cnonce = NewNonce()
	}
	out := Credentials{
		Username:  in.Username,
		Realm:     c.Realm,
		URI:       in.URI,
		Algorithm: c.Algorithm,
		Nonce:     c.Nonce,
		Opaque:    c.Opaque,
		QOP:       qop,
		Userhash:  c.Userhash,
	}
	if qop != "" {
		out.NC, out.CNonce = nc, cnonce
	}
	if c.Userhash {
		out.Username = newHash.sum(in.Username, ":", c.Realm)
	}
	ha1 := newHash.sessionHA1(c.Algorithm, newHash.sum(in.Username, ":", c.Realm, ":", in.Password), c.Nonce, cnonce)
	out.ha1 = ha1
	out.Response = newHash.response(ha1, c.Nonce, out.nc(), out.CNonce, qop, newHash.ha2(qop, method, in.URI, in.Body))
	return out, nil
}

// nc returns the nonce count as sent: 8 lowercase hex digits.
func (c Credentials) nc() string { return fmt.Sprintf("%08x", c.NC) }

// NewNonce returns 32 random bytes in base64 (without padding, so it is a
// token), suitable as a cnonce or a server nonce.
func NewNonce() string {
	var b [32]byte
	rand.Read(b[:])
	return base64.RawStdEncoding.EncodeToString(b[:])
}

// ParseCredentials reads Digest credentials from generic ones. username,
// realm, nonce, uri and response are required; with a qop, cnonce and nc
// too. nc must be exactly 8 hex digits. Sending both username and
// username* is [ErrUsername].
func ParseCredentials(g httpauth.Credentials) (Credentials, error) {
	if !g.Is(Scheme) {
		return Credentials{}, ErrScheme
	}
	if g.Token68 != "" {
		return Credentials{}, malformed("token68")
	}
	var c Credentials
	var have uint16
	const (
		hUser = 1 << iota
		hUserExt
		hRealm
		hNonce
		hURI
		hResponse
		hNC
		hCNonce
	)
	for _, p := range g.Params {
		v := p.Value
		switch n := p.Name; {
		case httpauth.EqualFold(n, "username"):
			c.Username, have = v, have|hUser
		case httpauth.EqualFold(n, "username*"):
			u, _, err := httpauth.DecodeExtValue(v)
			if err != nil {
				return Credentials{}, malformed("username*")
			}
			c.Username, have = u, have|hUserExt
		case httpauth.EqualFold(n, "realm"):
			c.Realm, have = v, have|hRealm
		case httpauth.EqualFold(n, "nonce"):
			c.Nonce, have = v, have|hNonce
		case httpauth.EqualFold(n, "uri"):
			c.URI, have = v, have|hURI
		case httpauth.EqualFold(n, "response"):
			c.Response, have = v, have|hResponse
		case httpauth.EqualFold(n, "algorithm"):
			a, ok := ParseAlgorithm(v)
			if !ok {
				return Credentials{}, fmt.Errorf("%w: %q", ErrAlgorithm, v)
			}
			c.Algorithm = a
		case httpauth.EqualFold(n, "cnonce"):
			c.CNonce, have = v, have|hCNonce
		case httpauth.EqualFold(n, "opaque"):
			c.Opaque = v
		case httpauth.EqualFold(n, "qop"):
			c.QOP = v
		case httpauth.EqualFold(n, "nc"):
			if len(v) != 8 {
				return Credentials{}, malformed("nc")
			}
			x, err := strconv.ParseUint(v, 16, 32)
			if err != nil {
				return Credentials{}, malformed("nc")
			}
			c.NC, have = uint32(x), have|hNC
		case httpauth.EqualFold(n, "userhash"):
			c.Userhash = httpauth.EqualFold(v, "true")
		default:
			c.Extra = append(c.Extra, p)
		}
	}
	if have&hUser != 0 && have&hUserExt != 0 {
		return Credentials{}, ErrUsername
	}
	for _, r := range []struct {
		bit  uint16
		name string
	}{{hUser | hUserExt, "username"}, {hRealm, "realm"}, {hNonce, "nonce"}, {hURI, "uri"}, {hResponse, "response"}} {
		if have&r.bit == 0 {
			return Credentials{}, missing(r.name)
		}
	}
	if c.QOP != "" {
		if have&hCNonce == 0 {
			return Credentials{}, missing("cnonce")
		}
		if have&hNC == 0 {
			return Credentials{}, missing("nc")
		}
	}
	return c, nil
}

// Credentials returns the generic credentials, parameters in the order of
// the RFC 7616 section 3.9 examples: username (or username*), realm, uri,
// algorithm, nonce, nc, cnonce, qop, response, opaque, userhash, Extra.
// The encoder quotes username, realm, uri, nonce, cnonce, response and
// opaque, and writes algorithm, nc, qop and userhash as tokens (RFC 7616
// section 3.4). A user name that needs username* but is not valid UTF-8
// is [ErrUsernameUTF8]: RFC 8187 ext-values are UTF-8.
func (c Credentials) Credentials() (httpauth.Credentials, error) {
	var ps httpauth.Params
	add := func(n, v string) { ps = append(ps, httpauth.Param{Name: n, Value: v}) }
	if c.Userhash {
		add("username", c.Username)
	} else {
		u := httpauth.ExtParam("username", c.Username)
		if u.Name != "username" && !utf8.ValidString(c.Username) {
			return httpauth.Credentials{}, ErrUsernameUTF8
		}
		ps = append(ps, u)
	}
	add("realm", c.Realm)
	add("uri", c.URI)
	if c.Algorithm != Unspecified {
		add("algorithm", c.Algorithm.String())
	}
	add("nonce", c.Nonce)
	if c.NC != 0 || c.QOP != "" {
		add("nc", c.nc())
	}
	if c.CNonce != "" || c.QOP != "" {
		add("cnonce", c.CNonce) // also -sess without qop (RFC 2617 section 3.2.2.2)
	}
	if c.QOP != "" {
		add("qop", c.QOP)
	}
	add("response", c.Response)
	if c.Opaque != "" {
		add("opaque", c.Opaque)
	}
	if c.Userhash {
		add("userhash", "true")
	}
	ps = append(ps, c.Extra...)
	return httpauth.Credentials{Scheme: Scheme, Params: ps}, nil
}

// Encode returns the Authorization value for c.
func (c Credentials) Encode() (string, error) {
	g, err := c.Credentials()
	if err != nil {
		return "", err
	}
	return g.Encode()
}

// HA1 returns H(username ":" realm ":" password) in hex with alg's hash:
// what a server may store instead of the password (RFC 7616 section 3.4.2).
// For the -sess algorithms the session key is derived from it per request.
func HA1(alg Algorithm, username, realm, password string) string {
	return hasher(alg.New).sum(username, ":", realm, ":", password)
}

// UserHash returns H(username ":" realm) in hex with alg's hash (RFC 7616
// section 3.4.4).
func UserHash(alg Algorithm, username, realm string) string {
	return hasher(alg.New).sum(username, ":", realm)
}

// Expected returns the response the client should have sent, computed from
// the stored ha1 (see [HA1]), the request method and, for auth-int, the
// request body. It uses c's algorithm, nonce, cnonce, nc, qop and uri as
// received: the caller checks that they are acceptable (see [Server]).
func (c Credentials) Expected(ha1, method string, body []byte) string {
	h := hasher(c.Algorithm.New)
	s := h.sessionHA1(c.Algorithm, ha1, c.Nonce, c.CNonce)
	return h.response(s, c.Nonce, c.nc(), c.CNonce, c.QOP, h.ha2(c.QOP, method, c.URI, body))
}

// VerifyHA1 reports whether c.Response is the response expected from ha1
// (see [Credentials.Expected]), comparing in constant time.
func (c Credentials) VerifyHA1(ha1, method string, body []byte) bool {
	want := c.Expected(ha1, method, body)
	return subtle.ConstantTimeCompare([]byte(want), []byte(strings.ToLower(c.Response))) == 1
}

// Verify is VerifyHA1 for a server that knows the password. username is
// the real user name (not the userhash); the realm is c.Realm.
func (c Credentials) Verify(username, password, method string, body []byte) bool {
	return c.VerifyHA1(HA1(c.Algorithm, username, c.Realm, password), method, body)
}

// AuthInfo is the Authentication-Info field of a Digest exchange (RFC 7616
// section 3.5).
type AuthInfo struct {
	NextNonce string
	QOP       string
	Rspauth   string
	CNonce    string
	NC        uint32 // 0 when absent
}

// ParseAuthInfo reads an Authentication-Info parameter list.
func ParseAuthInfo(ps httpauth.Params) (AuthInfo, error) {
	var a AuthInfo
	for _, p := range ps {
		switch n := p.Name; {
		case httpauth.EqualFold(n, "nextnonce"):
			a.NextNonce = p.Value
		case httpauth.EqualFold(n, "qop"):
			a.QOP = p.Value
		case httpauth.EqualFold(n, "rspauth"):
			a.Rspauth = p.Value
		case httpauth.EqualFold(n, "cnonce"):
			a.CNonce = p.Value
		case httpauth.EqualFold(n, "nc"):
			x, err := strconv.ParseUint(p.Value, 16, 32)
			if err != nil || len(p.Value) != 8 {
				return AuthInfo{}, malformed("nc")
			}
			a.NC = uint32(x)
		}
	}
	return a, nil
}

// Params returns the Authentication-Info parameters in the order
// nextnonce, qop, rspauth, cnonce, nc; the encoder quotes nextnonce,
// rspauth and cnonce.
func (a AuthInfo) Params() httpauth.Params {
	var ps httpauth.Params
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
		add("nc", fmt.Sprintf("%08x", a.NC))
	}
	return ps
}

// rspauth computes the response-auth value: the response formula with
// A2 = ":" uri (":" H(response body) for auth-int), RFC 7616 section 3.5.
func (c Credentials) rspauth(sessHA1 string, body []byte) string {
	h := hasher(c.Algorithm.New)
	return h.response(sessHA1, c.Nonce, c.nc(), c.CNonce, c.QOP, h.ha2(c.QOP, "", c.URI, body))
}

// AuthInfo returns the Authentication-Info a server sends after accepting
// c: rspauth proves the server knows ha1 (the stored [HA1]); body is the
// response body, used with auth-int. nextnonce may be "".
func (c Credentials) AuthInfo(ha1 string, body []byte, nextnonce string) AuthInfo {
	h := hasher(c.Algorithm.New)
	s := h.sessionHA1(c.Algorithm, ha1, c.Nonce, c.CNonce)
	return AuthInfo{NextNonce: nextnonce, QOP: c.QOP, Rspauth: c.rspauth(s, body), CNonce: c.CNonce, NC: c.NC}
}

// CheckAuthInfo checks the server's rspauth against credentials made by
// [Challenge.Respond], in constant time. body is the response body (used
// with auth-int). An Authentication-Info without rspauth passes: RFC 7616
// makes it optional. A cnonce or nc that differs from ours fails.
func (c Credentials) CheckAuthInfo(a AuthInfo) error { return c.CheckAuthInfoBody(a, nil) }

// CheckAuthInfoBody is CheckAuthInfo with the response body, for auth-int.
func (c Credentials) CheckAuthInfoBody(a AuthInfo, body []byte) error {
	if a.Rspauth == "" {
		return nil
	}
	if c.ha1 == "" {
		return ErrNoSecret
	}
	if (a.CNonce != "" && a.CNonce != c.CNonce) || (a.NC != 0 && a.NC != c.NC) {
		return ErrRspauth
	}
	want := c.rspauth(c.ha1, body)
	if subtle.ConstantTimeCompare([]byte(want), []byte(strings.ToLower(a.Rspauth))) != 1 {
		return ErrRspauth
	}
	return nil
}
