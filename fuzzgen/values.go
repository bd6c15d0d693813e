package fuzzgen

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/authwire/httpauth"
)

// The character classes of RFC 9110 sections 5.6.2 and 11.
const (
	alnum      = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	tcharChars = alnum + "!#$%&'*+-.^_`|~"
	t68Chars   = alnum + "-._~+/"
)

var (
	// Schemes of the IANA registry and of common practice, in several
	// cases; the first is the simplest.
	schemes = []string{
		"Basic", "Bearer", "Digest", "Negotiate", "DPoP", "HOBA", "Mutual",
		"PrivateToken", "SCRAM-SHA-256", "SCRAM-SHA-1", "vapid", "GNAP",
		"Concealed", "OAuth", "AWS4-HMAC-SHA256", "Hawk", "NTLM", "JWT",
		"Newauth",
	}
	// Parameter names of the registered schemes; the first is the simplest.
	paramNames = []string{
		"realm", "charset", "nonce", "opaque", "qop", "algorithm", "stale",
		"domain", "userhash", "username", "uri", "response", "cnonce", "nc",
		"scope", "error", "error_description", "error_uri", "algs",
		"resource_metadata", "challenge", "token-key", "max-age", "token",
		"data", "sid", "t", "k", "title", "type", "nextnonce", "rspauth",
		"oauth_consumer_key", "oauth_signature", "id", "ts", "mac",
	}
	// Token values as servers send them.
	tokenValues = []string{
		"x", "MD5", "SHA-256", "SHA-512-256-sess", "true", "false", "00000001",
		"auth", "UTF-8", "invalid_token", "insufficient_scope", "42", "1",
		"abc.def", "a!#$%&'*+-.^_`|~z",
	}
	// Quoted-string contents as servers send them (unescaped).
	quotedValues = []string{
		"", "WallyWorld", "http-auth@example.org", "a, b", "a=b",
		"realm=\"x\"", "Login to \"apps\"", `C:\path`, "auth, auth-int",
		"ES256 PS256", "https://auth.docker.io/token",
		"repository:library/ubuntu:pull", "The access token expired",
		"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "\x80\xff", "caf\xc3\xa9",
		", Basic realm=\"y\"",
	}
	// RFC 8187 ext-values (a token: "'" and "%" are tchar).
	extValues = []string{
		"UTF-8''J%C3%A4s%C3%B8n%20Doe", "UTF-8'en'%E2%82%AC%20rates",
		"iso-8859-1''caf%E9", "UTF-8''",
	}
)

// token returns a token of 1 to max characters of chars.
func (g *Generator) token(chars string, max int) string {
	k := 1 + g.n(max)
	b := make([]byte, k)
	for i := range b {
		b[i] = chars[g.n(len(chars))]
	}
	return string(b)
}

func (g *Generator) pick(s []string) string { return s[g.n(len(s))] }

// caseVariant returns s, or s in upper or swapped case: schemes and names
// compare ASCII case-insensitively (RFC 9110 sections 11.1 and 11.2) and
// are returned as written.
func (g *Generator) caseVariant(s string) string {
	switch g.n(8) {
	case 6:
		g.cats.add(CatCase)
		return strings.ToUpper(s)
	case 7:
		g.cats.add(CatCase)
		return swapCase(s)
	}
	return s
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

func (g *Generator) scheme() string {
	if len(g.schemes) > 0 {
		return g.caseVariant(g.pick(g.schemes))
	}
	if g.chance(1, 5) {
		return g.token(tcharChars, 12)
	}
	return g.caseVariant(g.pick(schemes))
}

func (g *Generator) token68() string {
	g.cats.add(CatToken68)
	var t string
	if g.chance(1, 6) {
		// A long one, as SPNEGO tokens are.
		t = g.token(t68Chars, 400)
	} else {
		t = g.token(t68Chars, 40)
	}
	return t + strings.Repeat("=", g.n(3))
}

// names returns k parameter names, no two equal ASCII
// case-insensitively.
func (g *Generator) names(k int) []string {
	out := make([]string, 0, k)
	for len(out) < k {
		var n string
		switch {
		case k > 40:
			n = "p" + strconv.Itoa(len(out)) // many: unique by construction
		case g.chance(1, 4):
			n = g.token(tcharChars, 10)
		default:
			n = g.caseVariant(g.pick(paramNames))
		}
		if hasName(out, n) {
			n += "-" + strconv.Itoa(len(out))
			if hasName(out, n) {
				continue
			}
		}
		out = append(out, n)
	}
	return out
}

func hasName(names []string, n string) bool {
	for _, m := range names {
		if httpauth.EqualFold(m, n) {
			return true
		}
	}
	return false
}

// param is one auth-param: its name, its value as written (a token or a
// quoted-string) and the value a parser returns.
type param struct {
	name, text, value string
	quoted            bool
	fault             paramFault // what a near-valid or hostile case changes
	// set by the renderer
	at, valueAt pos
}

// noFault is the paramFault of a parameter written as usual.
var noFault = paramFault{valueAt: -1}

// value chooses a value for the parameter called name.
func (g *Generator) value(name string) param {
	p := param{name: name, fault: noFault}
	switch {
	case strings.HasSuffix(name, "*") && g.chance(3, 4):
		g.cats.add(CatExtValue)
		p.text = g.pick(extValues)
		p.value = p.text
	case g.chance(1, 2):
		p.text, p.value = g.quoted()
		p.quoted = true
	case g.chance(1, 3):
		p.text = g.token(tcharChars, 16)
		p.value = p.text
	default:
		p.text = g.pick(tokenValues)
		p.value = p.text
	}
	return p
}

// quoted returns a quoted-string and its value: each byte of the value is
// written as qdtext or as a quoted-pair ("\" and the byte: RFC 9110
// section 5.6.4); '"' and '\' always as a quoted-pair.
func (g *Generator) quoted() (text, value string) {
	g.cats.add(CatQuoted)
	var v []byte
	switch g.n(4) {
	case 0, 1:
		v = []byte(g.pick(quotedValues))
	case 2:
		v = g.quotedBytes(g.n(24))
	case 3:
		// A long run of backslashes or quotes, escaped.
		g.cats.add(CatRuns)
		c := byte('\\')
		if g.chance(1, 2) {
			c = '"'
		}
		v = []byte(strings.Repeat(string(c), 1+g.n(64)))
	}
	// Bytes inside a valid UTF-8 sequence, after its first: a quoted-pair
	// there would keep the value but make the line invalid UTF-8 where
	// the value is not, which JSON transports (U+FFFD for each byte that
	// is not UTF-8) would tell apart.
	inside := make([]bool, len(v))
	for i := 0; i < len(v); {
		r, size := utf8.DecodeRune(v[i:])
		if r != utf8.RuneError || size > 1 {
			for k := 1; k < size; k++ {
				inside[i+k] = true
			}
		}
		i += size
	}
	var b strings.Builder
	b.WriteByte('"')
	for i, c := range v {
		switch {
		case c == '"' || c == '\\':
			g.cats.add(CatEscapes)
			b.WriteByte('\\')
		case c >= 0x80:
			g.cats.add(CatObsText)
			if !inside[i] && g.chance(1, 8) {
				g.cats.add(CatEscapes)
				b.WriteByte('\\')
			}
		case !inside[i] && g.chance(1, 16):
			// A quoted-pair that needs no escape: "\a" is "a".
			g.cats.add(CatEscapes)
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte('"')
	return b.String(), string(v)
}

// quotedBytes returns n bytes that may stand in a quoted-string's value:
// VCHAR, SP, HTAB and obs-text.
func (g *Generator) quotedBytes(n int) []byte {
	v := make([]byte, n)
	for i := range v {
		switch g.n(10) {
		case 7:
			v[i] = ' '
		case 8:
			v[i] = '\t'
		case 9:
			v[i] = byte(0x80 + g.n(0x80))
		default:
			v[i] = byte(0x21 + g.n(0x7E-0x21+1))
		}
	}
	return v
}

// ows returns optional whitespace: usually none or one SP, sometimes HTAB
// or a run.
func (g *Generator) ows() string {
	switch g.n(12) {
	case 8, 9:
		return " "
	case 10:
		g.cats.add(CatOWS)
		return "\t"
	case 11:
		g.cats.add(CatOWS)
		return " \t  "
	}
	return ""
}
