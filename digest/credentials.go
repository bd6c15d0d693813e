package digest

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
)

// Input is what a client knows when it answers a challenge. Password,
// CNonce and Body are secret: they never print (see the package
// documentation).
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
// bytes), as RFC 7616 section 3.4.4 requires.
//
// Credentials made by [Challenge.Respond] also keep the session H(A1),
// needed to check the server's rspauth ([Credentials.VerifyInfo]). Response,
// CNonce, Extra and that H(A1) are secret and never print.
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
	// Extra holds the parameters this package does not type, in order;
	// ParseCredentials refuses one named with a final "*" whose value is
	// not an RFC 8187 ext-value (an error wrapping httpauth.ErrExtValue).
	Extra httpauth.Params

	ha1 string // session H(A1) when made by Respond
}

// credentialsParams are the parameter names of credentials, as RFC 7616
// spells them.
var credentialsParams = []string{"username", "username*", "realm", "uri", "algorithm", "nonce", "nc", "cnonce", "qop", "response", "opaque", "userhash"}

// Respond computes the credentials that answer c (RFC 7616 section 3.4).
// The username is sent as a userhash when the challenge asks for it, as
// username* when the plain form cannot carry it, and as username
// otherwise.
func (c Challenge) Respond(in Input) (Credentials, error) {
	return c.respond(in, c.Algorithm.New)
}

func (c Challenge) respond(in Input, newHash hasher) (Credentials, error) {
	if !c.Algorithm.valid() {
		return Credentials{}, fail("algorithm", ErrAlgorithm)
	}
	qop := in.QOP
	switch {
	case qop != "":
		if !c.Offers(qop) || !(httpauth.EqualFold(qop, "auth") || httpauth.EqualFold(qop, "auth-int")) {
			return Credentials{}, fail("qop", ErrQOP)
		}
	case c.Offers("auth"):
		qop = "auth"
	case c.Offers("auth-int"):
		qop = "auth-int"
	case len(c.QOP) > 0:
		return Credentials{}, fail("qop", ErrQOP)
	}
	if httpauth.EqualFold(qop, "auth-int") {
		qop = "auth-int"
	} else if qop != "" {
		qop = "auth"
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
	} else if c.Algorithm.Session() {
		out.CNonce = cnonce // -sess without qop (RFC 2617 section 3.2.2.2)
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
func (c Credentials) nc() string { return formatNC(c.NC) }

func formatNC(n uint32) string {
	const digits = 8
	s := strconv.FormatUint(uint64(n), 16)
	return strings.Repeat("0", digits-len(s)) + s
}

// parseNC reads a nonce count: exactly 8 hexadecimal digits.
func parseNC(param, v string) (uint32, error) {
	if len(v) != 8 {
		return 0, fail(param, reasonNC)
	}
	x, err := strconv.ParseUint(v, 16, 32)
	if err != nil {
		return 0, fail(param, reasonNC)
	}
	return uint32(x), nil
}

// NewNonce returns 32 random bytes in base64 without padding (a token68),
// suitable as a cnonce.
func NewNonce() string {
	var b [32]byte
	rand.Read(b[:])
	return base64.RawStdEncoding.EncodeToString(b[:])
}

// ParseCredentials reads Digest credentials from generic ones. username
// (or username*), realm, nonce, uri and response are required; with a qop,
// cnonce and nc too. nc must be exactly 8 hex digits, userhash "true" or
// "false", qop a token. Sending both username and username* is an error,
// and so is a user name holding a control character, whether sent plain
// or decoded from username* (RFC 8187): such a name never reaches a
// caller's lookup.
func ParseCredentials(g httpauth.Credentials) (Credentials, error) {
	if err := scheme.Check(Scheme, g.Scheme); err != nil {
		return Credentials{}, err
	}
	if g.Token68 != "" {
		return Credentials{}, fail("", scheme.NoToken68)
	}
	if err := scheme.Unique(Scheme, g.Params, credentialsParams...); err != nil {
		return Credentials{}, err
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
	var err error
	for _, p := range g.Params {
		v := p.Value
		switch n := p.Name; {
		case httpauth.EqualFold(n, "username"):
			if scheme.HasCTL(v) {
				return Credentials{}, fail("username", reasonNameCTL)
			}
			c.Username, have = v, have|hUser
		case httpauth.EqualFold(n, "username*"):
			u, _, err := httpauth.DecodeExtValue(v)
			if err != nil {
				return Credentials{}, fail("username*", scheme.Malformed)
			}
			if scheme.HasCTL(u) {
				return Credentials{}, fail("username*", reasonNameCTL)
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
				return Credentials{}, fail("algorithm", ErrAlgorithm)
			}
			c.Algorithm = a
		case httpauth.EqualFold(n, "cnonce"):
			c.CNonce, have = v, have|hCNonce
		case httpauth.EqualFold(n, "opaque"):
			c.Opaque = v
		case httpauth.EqualFold(n, "qop"):
			if !httpauth.IsToken(v) {
				return Credentials{}, fail("qop", scheme.NotAToken)
			}
			c.QOP = v
		case httpauth.EqualFold(n, "nc"):
			if c.NC, err = parseNC("nc", v); err != nil {
				return Credentials{}, err
			}
			have |= hNC
		case httpauth.EqualFold(n, "userhash"):
			if c.Userhash, err = parseBool("userhash", v); err != nil {
				return Credentials{}, err
			}
		default:
			if err := scheme.Extra(Scheme, p); err != nil {
				return Credentials{}, err
			}
			c.Extra = append(c.Extra, p)
		}
	}
	if have&hUser != 0 && have&hUserExt != 0 {
		return Credentials{}, fail("username*", reasonBothNames)
	}
	for _, r := range [...]struct {
		bit  uint16
		name string
	}{{hUser | hUserExt, "username"}, {hRealm, "realm"}, {hNonce, "nonce"}, {hURI, "uri"}, {hResponse, "response"}} {
		if have&r.bit == 0 {
			return Credentials{}, fail(r.name, httpauth.ErrMissingParam)
		}
	}
	if c.QOP != "" {
		if have&hCNonce == 0 {
			return Credentials{}, fail("cnonce", httpauth.ErrMissingParam)
		}
		if have&hNC == 0 {
			return Credentials{}, fail("nc", httpauth.ErrMissingParam)
		}
	}
	return c, nil
}

// Build returns the generic credentials, parameters in the order of the
// RFC 7616 section 3.9 examples: username (or username*), realm, uri,
// algorithm, nonce, nc, cnonce, qop, response, opaque, userhash, Extra.
// The encoder quotes username, realm, uri, nonce, cnonce, response and
// opaque, and writes algorithm, nc, qop and userhash as tokens (RFC 7616
// section 3.4). A user name that is not valid UTF-8 cannot be an RFC 8187
// ext-value: it stays in username, which the encoder refuses unless told
// to send obs-text. Build refuses a user name holding a control character,
// an Algorithm that is not one of the constants, a qop that is not a
// token, and an Extra parameter named like one of the typed ones.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if !c.Algorithm.valid() {
		return httpauth.Credentials{}, fail("algorithm", ErrAlgorithm)
	}
	if c.QOP != "" && !httpauth.IsToken(c.QOP) {
		return httpauth.Credentials{}, fail("qop", scheme.NotAToken)
	}
	if scheme.HasCTL(c.Username) {
		return httpauth.Credentials{}, fail("username", reasonNameCTL)
	}
	ps := make(httpauth.Params, 0, 11+len(c.Extra))
	add := func(n, v string) { ps = append(ps, httpauth.Param{Name: n, Value: v}) }
	if c.Userhash || !utf8.ValidString(c.Username) {
		add("username", c.Username)
	} else {
		ps = append(ps, httpauth.ExtParam("username", c.Username))
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
	if err := scheme.Unique(Scheme, ps, credentialsParams...); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: ps}, nil
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

// VerifyHA1 checks c.Response against the response expected from ha1 (see
// [Credentials.Expected]), comparing in constant time. It returns nil when
// they match and an error wrapping [httpauth.ErrVerification] when they do
// not.
func (c Credentials) VerifyHA1(ha1, method string, body []byte) error {
	want := c.Expected(ha1, method, body)
	if subtle.ConstantTimeCompare([]byte(want), []byte(strings.ToLower(c.Response))) != 1 {
		return denied("response")
	}
	return nil
}

// Verify is VerifyHA1 for a server that knows the password. username is
// the real user name (not the userhash); the realm is c.Realm.
func (c Credentials) Verify(username, password, method string, body []byte) error {
	return c.VerifyHA1(HA1(c.Algorithm, username, c.Realm, password), method, body)
}
