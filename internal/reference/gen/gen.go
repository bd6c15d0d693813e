// Package gen generates HTTP authentication field values from the grammar of
// RFC 9110 section 11, with random schemes, token68, params, quoted-strings
// with escapes, whitespace and empty list elements, then optionally mutates
// their bytes. It seeds the fuzz targets of package httpauth so that the
// fuzzer starts from deep, mostly valid inputs rather than from garbage.
//
// Several field lines are returned as one string joined by '\n', the
// encoding the fuzz targets split on.
package gen

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// Gen is a deterministic generator: the same seed gives the same inputs.
type Gen struct {
	r *rand.Rand
	b strings.Builder
}

// New returns a generator seeded with seed.
func New(seed uint64) *Gen {
	return &Gen{r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))}
}

func (g *Gen) n(k int) int           { return g.r.IntN(k) }
func (g *Gen) chance(p float64) bool { return g.r.Float64() < p }
func (g *Gen) pick(s []string) string {
	return s[g.n(len(s))]
}

var (
	schemes = []string{
		"Basic", "Bearer", "Digest", "Negotiate", "DPoP", "HOBA", "Mutual",
		"PrivateToken", "SCRAM-SHA-256", "vapid", "AWS4-HMAC-SHA256", "Hawk",
		"JWT", "NTLM", "basic", "BEARER", "x", "!#$%&'*+-.^_`|~",
	}
	names = []string{
		"realm", "Realm", "REALM", "charset", "nonce", "opaque", "qop",
		"algorithm", "stale", "domain", "username", "username*", "uri",
		"response", "cnonce", "nc", "scope", "error", "error_description",
		"algs", "k", "t", "a", "b", "x-y", "title", "max-age", "challenge",
	}
	tokenValues = []string{
		"x", "MD5", "SHA-256", "true", "00000001", "auth", "UTF-8",
		"invalid_token", "abc.def", "a!#$%&'*+-.^_`|~z", "42",
		"UTF-8''J%C3%A4s%C3%B8n",
	}
	quotedValues = []string{
		"", "WallyWorld", "a, b", "a=b", "realm=\"x\"", "Login to \"apps\"",
		"back\\slash", "sp ace", "tab\there", "ü", "\x80\xff", "a\\nb",
		"auth, auth-int", "ES256 PS256", "http-auth@example.org",
		"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
	}
	t68Chars   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/"
	tcharChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~"
	// Bytes a mutation inserts: the grammar's delimiters and the bytes
	// every rule must reject somewhere.
	interesting = ",=\" \t\\/;:()<>@[]{}?\x00\x01\r\n\x7f\x80\xff'aZ9~+"
)

func (g *Gen) ws() {
	switch g.n(8) {
	case 0:
		g.b.WriteString("\t")
	case 1:
		g.b.WriteString("  ")
	case 2:
		g.b.WriteString(" \t ")
	case 3, 4:
		g.b.WriteByte(' ')
	}
}

func (g *Gen) randToken(chars string, max int) string {
	k := 1 + g.n(max)
	b := make([]byte, k)
	for i := range b {
		b[i] = chars[g.n(len(chars))]
	}
	return string(b)
}

func (g *Gen) scheme() string {
	if g.chance(0.2) {
		return g.randToken(tcharChars, 10)
	}
	return g.pick(schemes)
}

func (g *Gen) token68() string {
	t := g.randToken(t68Chars, 40)
	return t + strings.Repeat("=", g.n(4))
}

// quoted writes a quoted-string, escaping what must be escaped and, at
// random, other bytes too (a quoted-pair stands for the octet after "\").
func (g *Gen) quoted() {
	var v string
	if g.chance(0.7) {
		v = g.pick(quotedValues)
	} else {
		v = g.randToken(tcharChars+" ,=\t/;", 20)
	}
	g.b.WriteByte('"')
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '"' || c == '\\' || g.chance(0.1) {
			g.b.WriteByte('\\')
		}
		g.b.WriteByte(c)
	}
	g.b.WriteByte('"')
}

func (g *Gen) name() string {
	if g.chance(0.2) {
		return g.randToken(tcharChars, 8)
	}
	return g.pick(names)
}

func (g *Gen) param(name string) {
	g.b.WriteString(name)
	if g.chance(0.15) {
		g.ws()
	}
	g.b.WriteByte('=')
	if g.chance(0.15) {
		g.ws()
	}
	if g.chance(0.5) {
		g.quoted()
	} else if g.chance(0.8) {
		g.b.WriteString(g.pick(tokenValues))
	} else {
		g.b.WriteString(g.randToken(tcharChars, 12))
	}
}

// sep writes a list separator, sometimes with OWS and empty elements.
func (g *Gen) sep() {
	if g.chance(0.15) {
		g.ws()
	}
	g.b.WriteByte(',')
	for g.chance(0.15) {
		g.ws()
		g.b.WriteByte(',')
	}
	if g.chance(0.8) {
		g.b.WriteByte(' ')
	}
}

func (g *Gen) params(max int) {
	k := 1 + g.n(max)
	long := g.chance(0.05)
	if long {
		k = 15 + g.n(30) // past the few that a parser may scan linearly
	}
	used := make([]string, 0, k)
	for i := 0; i < k; i++ {
		if i > 0 {
			g.sep()
		}
		n := g.name()
		if long {
			n += "-" + strconv.Itoa(i) // no duplicate but the planned one
		}
		// A duplicate that differs in case only, at random or, in a
		// long list, often as its last param.
		if len(used) > 0 && (!long && g.chance(0.05) || long && i == k-1 && g.chance(0.5)) {
			n = swapCase(used[g.n(len(used))])
		}
		used = append(used, n)
		g.param(n)
	}
}

// swapCase returns s with its ASCII letters in the other case.
func swapCase(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case 'a' <= c && c <= 'z':
			b[i] = c - 'a' + 'A'
		case 'A' <= c && c <= 'Z':
			b[i] = c - 'A' + 'a'
		}
	}
	return string(b)
}

// auth writes one challenge or credentials.
func (g *Gen) auth() {
	g.b.WriteString(g.scheme())
	switch g.n(6) {
	case 0: // bare scheme
	case 1, 2:
		g.b.WriteByte(' ')
		if g.chance(0.1) {
			g.ws()
		}
		g.b.WriteString(g.token68())
	default:
		g.b.WriteByte(' ')
		if g.chance(0.1) {
			g.b.WriteString(", ") // an empty element first
		}
		g.params(5)
	}
}

func (g *Gen) lineOf(elem func(), max int) {
	if g.chance(0.2) {
		g.ws()
	}
	if g.chance(0.1) {
		g.b.WriteString(", ")
	}
	k := 1 + g.n(max)
	for i := 0; i < k; i++ {
		if i > 0 {
			g.sep()
		}
		elem()
	}
	if g.chance(0.1) {
		g.b.WriteString(",")
	}
	if g.chance(0.2) {
		g.ws()
	}
}

func (g *Gen) lines(elem func(), max int) string {
	g.b.Reset()
	k := 1
	if g.chance(0.3) {
		k += g.n(3)
	}
	for i := 0; i < k; i++ {
		if i > 0 {
			g.b.WriteByte('\n')
		}
		if g.chance(0.05) {
			continue // an empty field line
		}
		g.lineOf(elem, max)
	}
	return g.mutate(g.b.String())
}

// Challenges returns a WWW-Authenticate field: one or more lines of
// challenges, joined by '\n', possibly mutated.
func (g *Gen) Challenges() string { return g.lines(g.auth, 4) }

// Params returns an Authentication-Info field: one or more lines of
// auth-params, joined by '\n', possibly mutated.
func (g *Gen) Params() string {
	return g.lines(func() { g.param(g.name()) }, 5)
}

// Credentials returns one Authorization value, possibly mutated.
func (g *Gen) Credentials() string {
	g.b.Reset()
	if g.chance(0.1) {
		g.ws()
	}
	g.auth()
	if g.chance(0.1) {
		g.b.WriteString(", ")
	}
	if g.chance(0.1) {
		g.ws()
	}
	return g.mutate(g.b.String())
}

// mutate leaves half of the inputs intact and applies one to three byte
// mutations to the others: delete, insert or replace a byte, or duplicate
// a chunk.
func (g *Gen) mutate(s string) string {
	if g.chance(0.5) || s == "" {
		return s
	}
	b := []byte(s)
	for k := 1 + g.n(3); k > 0; k-- {
		i := g.n(len(b) + 1)
		switch g.n(4) {
		case 0:
			if i < len(b) {
				b = append(b[:i], b[i+1:]...)
			}
		case 1:
			c := interesting[g.n(len(interesting))]
			b = append(b[:i], append([]byte{c}, b[i:]...)...)
		case 2:
			if i < len(b) {
				b[i] = interesting[g.n(len(interesting))]
			}
		case 3:
			j := i + g.n(8)
			if j > len(b) {
				j = len(b)
			}
			chunk := append([]byte(nil), b[i:j]...)
			b = append(b[:j], append(chunk, b[j:]...)...)
		}
	}
	return string(b)
}
