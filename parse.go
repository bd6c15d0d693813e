package httpauth

import (
	"errors"
	"strings"
	"sync"
)

// Parser parses authentication fields and can be reused to parse without
// allocating: its methods append to slices the caller passes in, and keep
// scratch space between calls. The zero Parser is ready to use with the
// default [Limits] in strict mode.
//
// A Parser must not be used by two goroutines at once: give each goroutine
// its own, or call the package-level functions, which take one from a pool.
// A call that finds the Parser inside another call panics rather than
// return wrong results; the check cannot see two calls that start at the
// same instant, as Go's own check of concurrent map writes cannot.
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

	st   state // the grammar's state during a call
	slow bool  // tests: the general grammar only, no fast path
	fast bool  // the last call took the fast path (for tests)
	busy bool  // inside a call (see enter)

	// How far the last call wrote into the storage it was given: the
	// challenges of dst (hw), the params of dst (phw). The convenience
	// functions clear that much of their pooled scratch space.
	hw, phw int

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
	p.enter()
	p.cs, p.hw = dst, len(dst)
	err := p.parse(modeChallenges, len(dst), lines)
	dst, p.cs = p.cs, nil
	p.busy = false
	return dst, err
}

// enter marks p busy for a call, and panics if it is busy already: another
// goroutine is inside a call of the same Parser. The check is a load and a
// store, and catches most such misuse, as Go's maps catch concurrent
// writes; it cannot catch all of it, since two calls that start at the
// same instant both see p free.
func (p *Parser) enter() {
	if p.busy {
		panic(errConcurrentUse)
	}
	p.busy = true
}

// errConcurrentUse is the panic of a Parser used by two goroutines at once.
var errConcurrentUse = errors.New("httpauth: Parser used by two goroutines at once (a Parser is not safe for concurrent use; give each goroutine its own)")

// ParseCredentials parses one Authorization or Proxy-Authorization value.
// The params are appended to dst (pass c.Params[:0] of an earlier result to
// reuse its storage). On error the zero Credentials is returned.
func (p *Parser) ParseCredentials(dst Params, value string) (Credentials, error) {
	p.enter()
	if scheme, t68, ok := p.token68Credentials(value); ok {
		p.warns, p.phw, p.busy = p.warns[:0], 0, false
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
	p.phw = len(p.one[0].Params)
	p.one[0], p.cs, p.plist = Challenge{}, nil, nil
	p.busy = false
	return c, err
}

// token68Credentials is the fast path for the most common credentials,
// "scheme SP token68" and nothing else (Basic, Bearer, Negotiate, DPoP):
// it reports ok only when value is exactly that, within the line limit.
// Everything else, valid or not, goes through the grammar, which gives the
// same result for these inputs (the differential fuzz targets hold both to
// the reference parser).
func (p *Parser) token68Credentials(value string) (scheme, t68 string, ok bool) {
	if len(value) > pick(p.Limits.MaxLineBytes, DefaultMaxLineBytes) {
		return "", "", false // the grammar reports the limit
	}
	i := scanToken(value, 0)
	if i == 0 || i+1 >= len(value) || value[i] != ' ' {
		return "", "", false
	}
	if token68Run(value, i+1) != len(value) {
		return "", "", false
	}
	return value[:i], value[i+1:], true
}

// ParseParams parses the field lines of an Authentication-Info or
// Proxy-Authentication-Info field (a list of auth-params), appends the
// params to dst and returns the extended slice. On error, dst is returned
// unchanged with the error.
func (p *Parser) ParseParams(dst Params, lines ...string) (Params, error) {
	p.enter()
	p.plist = dst
	err := p.parse(modeParams, 0, lines)
	if err == nil {
		dst = p.plist
	}
	p.phw = len(p.plist)
	p.plist = nil
	p.busy = false
	return dst, err
}

// pooled holds a Parser and the scratch space the convenience functions
// parse into before copying the result out. Every call clears what the
// parse wrote into it, on every path, so that the pool does not keep the
// input (and the secrets of an Authorization value) alive.
type pooled struct {
	p       Parser
	scratch []Challenge
	params  Params
}

var pooledPool = sync.Pool{New: func() any { return new(pooled) }}

// clearChallenges clears the first n elements of cs's array and their
// params, keeping the storage.
func clearChallenges(cs []Challenge, n int) {
	cs = cs[:min(n, cap(cs))]
	for i := range cs {
		c := &cs[i]
		clear(c.Params)
		c.Scheme, c.Token68, c.Params = "", "", c.Params[:0]
	}
}

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
// ParseChallenges allocates once whatever the number of challenges and
// params within the default [Limits] (the challenges and their params share
// one block; past 64 challenges or 16384 params, twice), plus once for
// each quoted value that holds a quoted-pair, and not at all when there is
// no challenge. Use a [Parser] to parse without allocating.
func ParseChallenges(lines ...string) ([]Challenge, error) {
	pp := pooledPool.Get().(*pooled)
	scratch, err := pp.p.ParseChallenges(pp.scratch[:0], lines...)
	var out []Challenge
	if len(scratch) > 0 {
		n := 0
		for i := range scratch {
			n += len(scratch[i].Params)
		}
		var ps []Param
		out, ps = carveFor(len(scratch), n)
		n = 0
		for i := range scratch {
			c := &scratch[i]
			out[i] = Challenge{Scheme: c.Scheme, Token68: c.Token68}
			if k := len(c.Params); k > 0 {
				copy(ps[n:], c.Params)
				out[i].Params = ps[n : n+k : n+k]
				n += k
			}
		}
	}
	clearChallenges(scratch, pp.p.hw)
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
// ParseCredentials allocates once for the params, not at all for a token68
// or a scheme alone, plus once for each quoted value that holds a
// quoted-pair.
func ParseCredentials(value string) (Credentials, error) {
	pp := pooledPool.Get().(*pooled)
	c, err := pp.p.ParseCredentials(pp.params[:0], value)
	if len(c.Params) > 0 {
		if cap(c.Params) > cap(pp.params) {
			pp.params = c.Params[:0] // the parse grew the scratch space: keep it
		}
		c.Params = append(Params(nil), c.Params...)
	}
	pp.release()
	return c, err
}

// release clears what the last ParseCredentials or ParseParams of pp.p
// wrote into pp.params, and puts pp back in the pool.
func (pp *pooled) release() {
	clear(pp.params[:min(pp.p.phw, cap(pp.params))])
	pooledPool.Put(pp)
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
// with a [*SyntaxError]. ParseParams allocates once, not at all when there
// is no parameter, plus once for each quoted value that holds a
// quoted-pair.
func ParseParams(lines ...string) (Params, error) {
	pp := pooledPool.Get().(*pooled)
	ps, err := pp.p.ParseParams(pp.params[:0], lines...)
	if cap(ps) > cap(pp.params) {
		pp.params = ps[:0] // the parse grew the scratch space: keep it
	}
	if len(ps) > 0 {
		ps = append(Params(nil), ps...)
	} else {
		ps = nil
	}
	pp.release()
	return ps, err
}

// Unquote returns the value of the quoted-string q (with its quotes), with
// each quoted-pair replaced by the octet after the backslash (RFC 9110
// section 5.6.4: `"a\nb"` is `anb`; there are no Go escapes). When q holds
// no backslash, the result is a substring of q and nothing is allocated.
// It reports a [*SyntaxError] if q is not exactly one valid quoted-string.
func Unquote(q string) (string, error) {
	body, esc, err := quotedBody(q)
	if err != nil {
		return "", err
	}
	return unescape(body, esc), nil
}

// AppendUnquote appends the value of the quoted-string q to dst, as
// [Unquote] does, and returns the extended buffer. It allocates only to grow
// dst.
func AppendUnquote(dst []byte, q string) ([]byte, error) {
	body, _, err := quotedBody(q)
	if err != nil {
		return dst, err
	}
	return appendUnescaped(dst, body), nil
}

// quotedBody checks that q is exactly one quoted-string and returns what
// stands between its quotes and whether a quoted-pair occurs in it.
func quotedBody(q string) (body string, escaped bool, err error) {
	if len(q) == 0 || q[0] != '"' {
		return "", false, &SyntaxError{Err: errExpectQuote}
	}
	end, esc, at, r := scanQuoted(q, 0)
	if r != nil {
		return "", false, &SyntaxError{Offset: at, Err: r}
	}
	if end != len(q) {
		return "", false, &SyntaxError{Offset: end, Err: errAfterQuote}
	}
	return q[1 : end-1], esc, nil
}

// unescape returns body (the inside of a quoted-string the lexer accepted)
// with its quoted-pairs removed, and each obs-fold (which only a lenient
// lexer accepts) read as one SP. It allocates once, and only when escaped.
func unescape(body string, escaped bool) string {
	if !escaped {
		return body
	}
	return unescapeSlow(body)
}

func unescapeSlow(body string) string {
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '\\' && i+1 < len(body):
			i++
			c = body[i]
		case c == '\r' && isFold(body, i):
			i = skipOWS(body, i+2) - 1
			c = ' '
		}
		b.WriteByte(c)
	}
	return b.String()
}

func appendUnescaped(dst []byte, body string) []byte {
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\\' && i+1 < len(body) {
			i++
			c = body[i]
		}
		dst = append(dst, c)
	}
	return dst
}
