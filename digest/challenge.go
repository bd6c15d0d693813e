package digest

import (
	"strings"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
)

// Scheme is the auth-scheme name, as registered by RFC 7616.
const Scheme = "Digest"

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
	// ParseChallenge refuses one named with a final "*" whose value is not
	// an RFC 8187 ext-value (an error wrapping httpauth.ErrExtValue), as
	// the encoder would.
	Extra httpauth.Params
}

// challengeParams are the parameter names of a challenge, as RFC 7616
// spells them.
var challengeParams = []string{"realm", "domain", "nonce", "opaque", "stale", "algorithm", "qop", "charset", "userhash"}

// ParseChallenge reads a Digest challenge from a generic one. realm and
// nonce are required; an algorithm this package does not know is
// [ErrAlgorithm] (RFC 7616 section 3.3: the client ignores the challenge);
// stale and userhash are "true" or "false" (ASCII case-insensitively); qop
// is a comma-separated list of tokens.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := scheme.Check(Scheme, c.Scheme); err != nil {
		return Challenge{}, err
	}
	if c.Token68 != "" {
		return Challenge{}, fail("", scheme.NoToken68)
	}
	if err := scheme.Unique(Scheme, c.Params, challengeParams...); err != nil {
		return Challenge{}, err
	}
	var out Challenge
	var haveRealm, haveNonce bool
	var err error
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
			if out.Stale, err = parseBool("stale", v); err != nil {
				return Challenge{}, err
			}
		case httpauth.EqualFold(n, "algorithm"):
			a, ok := ParseAlgorithm(v)
			if !ok || a == Unspecified {
				return Challenge{}, fail("algorithm", ErrAlgorithm)
			}
			out.Algorithm = a
		case httpauth.EqualFold(n, "qop"):
			if out.QOP, err = splitQOP(v); err != nil {
				return Challenge{}, err
			}
		case httpauth.EqualFold(n, "charset"):
			out.Charset = v
		case httpauth.EqualFold(n, "userhash"):
			if out.Userhash, err = parseBool("userhash", v); err != nil {
				return Challenge{}, err
			}
		default:
			if err := scheme.Extra(Scheme, p); err != nil {
				return Challenge{}, err
			}
			out.Extra = append(out.Extra, p)
		}
	}
	if !haveRealm {
		return Challenge{}, fail("realm", httpauth.ErrMissingParam)
	}
	if !haveNonce {
		return Challenge{}, fail("nonce", httpauth.ErrMissingParam)
	}
	return out, nil
}

// parseBool reads the flag param: "true" or "false", ASCII
// case-insensitively.
func parseBool(param, v string) (bool, error) {
	switch {
	case httpauth.EqualFold(v, "true"):
		return true, nil
	case httpauth.EqualFold(v, "false"):
		return false, nil
	}
	return false, fail(param, reasonBool)
}

// splitQOP splits a qop list such as "auth, auth-int", dropping empty
// elements and OWS; every element must be a token.
func splitQOP(v string) ([]string, error) {
	var out []string
	for e := range strings.SplitSeq(v, ",") {
		if e = strings.Trim(e, " \t"); e == "" {
			continue
		}
		if !httpauth.IsToken(e) {
			return nil, fail("qop", reasonQOPList)
		}
		out = append(out, e)
	}
	return out, nil
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

// answerable reports whether this package can answer c: a challenge
// without qop (RFC 2069), or one that offers auth or auth-int.
func (c Challenge) answerable() bool {
	return len(c.QOP) == 0 || c.Offers("auth") || c.Offers("auth-int")
}

// Build returns the generic challenge, parameters in the order of the RFC
// 7616 section 3.9 examples: realm, domain, qop, algorithm, nonce, opaque,
// stale, charset, userhash, then Extra. The encoder quotes realm, domain,
// nonce, opaque and qop and writes stale, algorithm, charset and userhash as
// tokens (RFC 7616 section 3.3). It refuses an Algorithm that is not one of
// the constants, a qop or domain element that is empty or not a token (qop)
// or holds whitespace (domain), and an Extra parameter named like one of
// the typed ones.
func (c Challenge) Build() (httpauth.Challenge, error) {
	if !c.Algorithm.valid() {
		return httpauth.Challenge{}, fail("algorithm", ErrAlgorithm)
	}
	for _, q := range c.QOP {
		if !httpauth.IsToken(q) {
			return httpauth.Challenge{}, fail("qop", reasonQOPList)
		}
	}
	for _, d := range c.Domain {
		if d == "" || strings.ContainsAny(d, " \t") {
			return httpauth.Challenge{}, fail("domain", scheme.Malformed)
		}
	}
	ps := make(httpauth.Params, 0, 9+len(c.Extra))
	add := func(n, v string) { ps = append(ps, httpauth.Param{Name: n, Value: v}) }
	add("realm", c.Realm)
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
	if err := scheme.Unique(Scheme, ps, challengeParams...); err != nil {
		return httpauth.Challenge{}, err
	}
	return httpauth.Challenge{Scheme: Scheme, Params: ps}, nil
}

// Select returns the Digest challenge among cs that this package can
// answer with the strongest algorithm (SHA-512-256, then SHA-256, then MD5;
// a -sess variant counts as its hash), and its index in cs. On a tie it
// takes the first, since RFC 7616 section 3.7 has the server list its
// challenges in its order of preference. Challenges of other schemes,
// malformed ones, those with an unknown algorithm and those whose qop list
// has neither auth nor auth-int are skipped. The index is -1 when none is
// left.
func Select(cs []httpauth.Challenge) (Challenge, int) {
	var best Challenge
	at := -1
	for i, g := range cs {
		if !g.Is(Scheme) {
			continue
		}
		c, err := ParseChallenge(g)
		if err != nil || !c.answerable() {
			continue
		}
		if at < 0 || c.Algorithm.strength() > best.Algorithm.strength() {
			best, at = c, i
		}
	}
	return best, at
}
