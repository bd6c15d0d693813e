package httpauth

import "sync"

// Parser parses authentication fields and can be reused to parse without
// allocating: its methods append to slices the caller passes in, and keep
// scratch space between calls. A Parser is not safe for concurrent use; the
// zero Parser is ready to use with the default [Limits] in strict mode.
//
// Strings in the results (schemes, names, token68 and values) are
// substrings of the input unless a quoted-string held a quoted-pair (or, in
// lenient mode, an obs-fold), in which case its value is a new string (one
// allocation per such value).
type Parser struct {
	// Limits bounds each call; the zero value means the defaults.
	Limits Limits

	// Lenient accepts the deviations from RFC 9110 that real servers and
	// clients send (see the package documentation), recovers the value the
	// sender meant, and reports each deviation as a [Warning]. Off by
	// default: strict mode rejects every one of them.
	Lenient bool

	// Allow, when Lenient is not set, accepts only the deviations of the
	// kinds it holds: the others are a [*SyntaxError], as in strict mode.
	// For example Kinds(WarnLooseValue, WarnSpaceInValue) reads unquoted
	// values with delimiters or spaces and nothing else.
	Allow WarningKinds

	warns []Warning

	// During a call: the challenges being built (the caller's dst, or
	// scratch space), and for a parameter list, the list.
	cs    []Challenge
	plist Params
	one   [1]Challenge // backing store of cs for credentials

	// Duplicate-name index of the current parameter list, used once it is
	// long (see hasParam): open addressing, each slot the epoch (high 32
	// bits) and param index + 1 (low 32 bits); a slot of another epoch is
	// empty.
	idx    []uint64
	idxN   int    // params of the current list entered in idx
	epoch  uint32 // of the current list
	probes int    // slots visited, for the tests of the index's cost
}

// ParseChallenges parses the field lines of a WWW-Authenticate or
// Proxy-Authenticate field, appends the challenges to dst and returns the
// extended slice. Several lines are one list, as if joined by ", ".
//
// To parse without allocating, pass dst[:0] of an earlier result: the
// elements of dst between len(dst) and cap(dst), and their Params storage,
// are reused. Only a value that held a quoted-pair allocates.
//
// On error, the challenges completed before the error are appended and the
// error is a [*SyntaxError] (one malformed challenge does not hide the good
// ones before it).
func (p *Parser) ParseChallenges(dst []Challenge, lines ...string) ([]Challenge, error) {
	p.cs = dst
	err := p.parse(modeChallenges, len(dst), lines)
	dst, p.cs = p.cs, nil
	return dst, err
}

// ParseCredentials parses one Authorization or Proxy-Authorization value.
// The params are appended to dst (pass c.Params[:0] of an earlier result to
// reuse its storage). On error the zero Credentials is returned.
func (p *Parser) ParseCredentials(dst Params, value string) (Credentials, error) {
	if scheme, t68, ok := p.token68Credentials(value); ok {
		p.warns = p.warns[:0]
		return Credentials{Scheme: scheme, Token68: t68}, nil
	}
	lines := [1]string{value}
	p.cs = p.one[:0]
	p.plist = dst
	err := p.parse(modeCredentials, 0, lines[:])
	var c Credentials
	if err == nil {
		c = Credentials(p.cs[0])
		if len(c.Params) == 0 {
			c.Params = nil
		}
	}
	p.one[0], p.cs, p.plist = Challenge{}, nil, nil
	return c, err
}

// token68Credentials is the fast path for the most common credentials,
// "scheme SP token68" and nothing else (Basic, Bearer, Negotiate, DPoP):
// it reports ok only when value is exactly that, within the line limit.
// Everything else, valid or not, goes through the grammar, which gives the
// same result for these inputs (the differential fuzz targets hold both to
// the reference parser).
func (p *Parser) token68Credentials(value string) (scheme, t68 string, ok bool) {
	lim := p.Limits.MaxLineBytes
	if lim == 0 {
		lim = DefaultMaxLineBytes
	}
	if lim > 0 && len(value) > lim {
		return "", "", false // the grammar reports the limit
	}
	i := scanToken(value, 0)
	if i == 0 || i+1 >= len(value) || value[i] != ' ' {
		return "", "", false
	}
	j := scanClass(value, i+1, cT68)
	if j == i+1 {
		return "", "", false
	}
	k := j
	for k < len(value) && value[k] == '=' {
		k++
	}
	if k != len(value) {
		return "", "", false
	}
	return value[:i], value[i+1:], true
}

// ParseParams parses the field lines of an Authentication-Info or
// Proxy-Authentication-Info field (a list of auth-params), appends the
// params to dst and returns the extended slice. On error, dst is returned
// unchanged with the error.
func (p *Parser) ParseParams(dst Params, lines ...string) (Params, error) {
	p.plist = dst
	err := p.parse(modeParams, 0, lines)
	if err == nil {
		dst = p.plist
	}
	p.plist = nil
	return dst, err
}

// pooled holds a Parser and the scratch space the convenience functions
// parse into before copying the result to exact-size allocations.
type pooled struct {
	p       Parser
	scratch []Challenge
	params  Params
}

// exactParams returns a copy of ps in a new array of exactly its length
// (nil for none), and clears ps so that the pool does not keep the input
// alive.
func exactParams(ps Params) Params {
	if len(ps) == 0 {
		return nil
	}
	out := make(Params, len(ps))
	copy(out, ps)
	clear(ps)
	return out
}

var pooledPool = sync.Pool{New: func() any { return new(pooled) }}

// ParseChallenges parses the field lines of a WWW-Authenticate or
// Proxy-Authenticate field (RFC 9110 section 11.6.1):
//
//	WWW-Authenticate = #challenge
//
// Several field lines are one list, as if joined by ", " (the joined string
// is never built). An empty field (or one of only commas and whitespace)
// gives no challenges and no error.
//
// On error, the challenges completed before the error are returned together
// with a [*SyntaxError], so that a client can still answer a challenge it
// understands when a later one is malformed.
//
// ParseChallenges allocates at most twice whatever the number of challenges
// and params (the challenges and their params share one array each), plus
// once for each quoted value that holds a quoted-pair. Use a [Parser] to
// parse without allocating.
func ParseChallenges(lines ...string) ([]Challenge, error) {
	pp := pooledPool.Get().(*pooled)
	scratch, err := pp.p.ParseChallenges(pp.scratch[:0], lines...)
	var out []Challenge
	if len(scratch) > 0 {
		out = make([]Challenge, len(scratch))
		n := 0
		for i := range scratch {
			n += len(scratch[i].Params)
		}
		var ps []Param
		if n > 0 {
			ps = make([]Param, n)
		}
		n = 0
		for i := range scratch {
			c := &scratch[i]
			out[i] = Challenge{Scheme: c.Scheme, Token68: c.Token68}
			if k := len(c.Params); k > 0 {
				copy(ps[n:], c.Params)
				out[i].Params = ps[n : n+k : n+k]
				n += k
			}
			// Drop the references to the input so that the pool does not
			// keep it alive.
			clear(c.Params)
			c.Scheme, c.Token68 = "", ""
		}
	}
	pp.scratch = scratch[:0]
	pooledPool.Put(pp)
	return out, err
}

// ParseChallenge parses a field line that holds exactly one challenge, such
// as `Basic realm="x"`. It reports an error for none or more than one.
func ParseChallenge(line string) (Challenge, error) {
	cs, err := ParseChallenges(line)
	if err != nil {
		return Challenge{}, err
	}
	if len(cs) != 1 {
		return Challenge{}, &SyntaxError{Err: errNotOne}
	}
	return cs[0], nil
}

// MustParseChallenge is like [ParseChallenge] but panics on error. It is for
// tests and hard-coded values.
func MustParseChallenge(line string) Challenge {
	c, err := ParseChallenge(line)
	if err != nil {
		panic(err)
	}
	return c
}

// ParseCredentials parses an Authorization or Proxy-Authorization value
// (RFC 9110 section 11.6.2):
//
//	Authorization = credentials
//
// The field holds exactly one credentials value: an empty value, or a comma
// followed by a second scheme, is an error. On error the zero Credentials is
// returned with a [*SyntaxError], which never quotes the value.
//
// ParseCredentials allocates at most once (the params), plus once for each
// quoted value that holds a quoted-pair.
func ParseCredentials(value string) (Credentials, error) {
	pp := pooledPool.Get().(*pooled)
	c, err := pp.p.ParseCredentials(pp.params[:0], value)
	if c.Params != nil {
		pp.params = c.Params[:0]
		c.Params = exactParams(c.Params)
	}
	pooledPool.Put(pp)
	return c, err
}

// MustParseCredentials is like [ParseCredentials] but panics on error. It is
// for tests and hard-coded values.
func MustParseCredentials(value string) Credentials {
	c, err := ParseCredentials(value)
	if err != nil {
		panic(err)
	}
	return c
}

// ParseParams parses the field lines of an Authentication-Info or
// Proxy-Authentication-Info field (RFC 9110 section 11.6.3):
//
//	Authentication-Info = #auth-param
//
// An empty field gives no params and no error. On error, nil is returned
// with a [*SyntaxError]. ParseParams allocates at most once, plus once for
// each quoted value that holds a quoted-pair.
func ParseParams(lines ...string) (Params, error) {
	pp := pooledPool.Get().(*pooled)
	ps, err := pp.p.ParseParams(pp.params[:0], lines...)
	pp.params = ps[:0]
	ps = exactParams(ps)
	pooledPool.Put(pp)
	return ps, err
}
