package httpauth

import (
	"strings"
	"sync"
)

// Default limits; see [Limits].
const (
	DefaultMaxLineBytes     = 16 << 10 // bytes per field line
	DefaultMaxChallenges    = 64       // challenges per field
	DefaultMaxParams        = 256      // params per challenge, credentials or list
	DefaultMaxEmptyElements = 16       // empty list elements in a row
)

// Limits bounds the work of one parse call. Each limit is checked before the
// work it bounds, and passing one is a [*SyntaxError] wrapping [ErrLimit]
// (never a silent truncation). A zero field means the default; a negative
// field means no limit.
type Limits struct {
	MaxLineBytes     int // bytes in one field line; default 16 KiB
	MaxChallenges    int // challenges in one field (all lines together); default 64
	MaxParams        int // params in one challenge, credentials or list; default 256
	MaxEmptyElements int // empty list elements in a row (", ,"); default 16
}

func pick(v, def int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return int(^uint(0) >> 1)
	}
	return v
}

func (l Limits) resolve() Limits {
	return Limits{
		MaxLineBytes:     pick(l.MaxLineBytes, DefaultMaxLineBytes),
		MaxChallenges:    pick(l.MaxChallenges, DefaultMaxChallenges),
		MaxParams:        pick(l.MaxParams, DefaultMaxParams),
		MaxEmptyElements: pick(l.MaxEmptyElements, DefaultMaxEmptyElements),
	}
}

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

	warns []Warning

	// During a call: the challenges being built (the caller's dst, or
	// scratch space), and for a parameter list, the list.
	cs    []Challenge
	plist Params
	one   [1]Challenge // backing store of cs for credentials

	// Duplicate-name index of the current parameter list, used once it is
	// long (see hasParam): open addressing, param index + 1, 0 empty.
	idx  []int32
	idxN int // params of the current list entered in idx
}

// Warning describes one deviation from the strict grammar that a lenient
// [Parser] recovered from. Line and Offset locate it as in [SyntaxError];
// Message says, for a person, what was wrong and what was read instead. Like
// errors, warnings never quote the input.
type Warning struct {
	Kind    WarningKind
	Line    int
	Offset  int
	Message string // Kind.String(), a constant
	// Err is, for a skipped challenge or parameter, the syntax error that
	// strict mode reports there (a constant, like Message); nil otherwise.
	Err error
}

// Warnings returns the warnings of the last call of p, in input order. The
// slice is owned by p and valid until its next call. It is empty in strict
// mode.
func (p *Parser) Warnings() []Warning { return p.warns }

type mode uint8

const (
	modeChallenges mode = iota
	modeCredentials
	modeParams
)

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

// state is the position of the grammar between elements of a field.
type state struct {
	m         mode
	lim       Limits
	ln        int  // index of the current line
	base      int  // challenges in the destination before this call
	keep      int  // challenges known to be complete (index into p.cs)
	open      bool // the current rec takes params (scheme, SP, no token68)
	first     bool // just after "scheme SP": a param or a comma must follow
	needSep   bool // after an element: a comma or the end must follow
	bare      bool // the current rec is a scheme alone, followed by a comma
	skipping  bool // lenient recovery: drop params until a new challenge
	empties   int  // empty list elements in a row
	elem      bool // an element since the last separator (comma or line join)
	sep       bool // a separator has been seen
	p0        int  // first param of the current challenge or list in its slice
	leadComma int  // credentials: offset of a comma before the scheme, or -1
	bareAt    int  // offset of the comma right after a bare scheme on line bareLn, or -1
	bareLn    int
	// lastVal is the offset of the last param's value when it was an
	// unquoted value that lenient mode may extend over spaces, else -1.
	lastVal int
}

// byteReason returns why the byte at s[i] cannot stand there: a control
// character and a non-ASCII byte are named as such, anything else gets r.
func byteReason(s string, i int, r reason) reason {
	if i < len(s) {
		switch c := s[i]; {
		case classes[c]&cCTL != 0 && c != '\t':
			return errCTL
		case c >= 0x80:
			return errNonASCII
		}
	}
	return r
}

// separator counts a list separator (a comma at off, or a line join) and
// the empty element before it, if any (RFC 9110 section 5.6.1), against
// the limit of empty elements in a row.
func (p *Parser) separator(off int, st *state) fault {
	if !st.elem {
		st.empties++
		if st.empties > st.lim.MaxEmptyElements {
			return fault{off, &LimitError{What: "empty list elements in a row", Limit: st.lim.MaxEmptyElements}}
		}
	}
	st.elem, st.sep = false, true
	return fault{}
}

// newChallenge starts a challenge (or the credentials) named scheme at the
// end of p.cs, reusing the storage of a previous element beyond its length.
func (p *Parser) newChallenge(scheme string, st *state) {
	p.resetIndex()
	n := len(p.cs)
	if n < cap(p.cs) {
		p.cs = p.cs[:n+1]
		c := &p.cs[n]
		c.Scheme, c.Token68, c.Params = scheme, "", c.Params[:0]
	} else {
		p.cs = append(p.cs, Challenge{Scheme: scheme})
	}
	st.p0 = 0
	if st.m == modeCredentials {
		p.cs[n].Params = p.plist
		st.p0 = len(p.plist)
	}
}

// list returns the parameter list that params are added to: the current
// challenge's, or the field's own in a parameter list.
func (p *Parser) list(st *state) *Params {
	if st.m == modeParams {
		return &p.plist
	}
	return &p.cs[len(p.cs)-1].Params
}

// fault is a grammar error found inside an element: where, and why.
type fault struct {
	off int
	err error
}

// parse runs the grammar over lines, appending challenges to p.cs (after
// its first base elements) or params to p.plist. On error p.cs holds what
// was complete before it (decision 12) in challenge mode.
//
// The element loop follows RFC 9110 section 5.6.1 (lists with empty
// elements) and section 11 (challenge / credentials / auth-param): an
// element "token BWS =" is a parameter of the current challenge, any other
// token starts a new challenge (DESIGN decisions 2-4). Each byte is looked
// at a bounded number of times: the token68 test may read a run that is
// then read again as a token, nothing more.
func (p *Parser) parse(m mode, base int, lines []string) error {
	p.warns = p.warns[:0]
	p.resetIndex()
	st := state{m: m, lim: p.Limits.resolve(), lastVal: -1, base: base, keep: base, leadComma: -1, bareAt: -1}
	if m == modeParams {
		st.p0 = len(p.plist)
	}
	for ln, line := range lines {
		st.ln = ln
		if len(line) > st.lim.MaxLineBytes {
			return p.fail(&st, st.lim.MaxLineBytes, &LimitError{What: "bytes in a field line", Limit: st.lim.MaxLineBytes})
		}
		// Trailing OWS of a line is not part of the value (decision 9).
		n := len(line)
		for n > 0 && (line[n-1] == ' ' || line[n-1] == '\t') {
			n--
		}
		s := line[:n]
		if ln > 0 {
			// A line boundary is a list separator (decision 1).
			if m == modeCredentials {
				return p.fail(&st, 0, errSecondCreds)
			}
			st.needSep, st.first, st.lastVal = false, false, -1
			if f := p.separator(0, &st); f.err != nil {
				return p.fail(&st, f.off, f.err)
			}
		}
		i := 0
		for {
			i = p.skipWS(s, i, &st)
			if i >= len(s) {
				break
			}
			var f fault
			i, f = p.element(s, i, &st)
			if f.err == nil {
				continue
			}
			if !p.Lenient || m == modeCredentials {
				return p.fail(&st, f.off, f.err)
			}
			if _, ok := f.err.(*LimitError); ok {
				return p.fail(&st, f.off, f.err)
			}
			i = p.recover(s, i, f, &st)
		}
	}
	if !st.elem && st.sep {
		// A trailing separator is followed by one more empty element.
		if f := p.separator(len(lines[len(lines)-1]), &st); f.err != nil {
			return p.fail(&st, f.off, f.err)
		}
	}
	if m == modeCredentials && len(p.cs) == 0 {
		return p.fail(&st, 0, emptyError{})
	}
	return nil
}

// skipWS skips OWS; in lenient mode also an obs-fold (CRLF followed by SP
// or HTAB, RFC 9112 section 5.2), with a warning. The common case, no
// whitespace at all, is decided inline.
func (p *Parser) skipWS(s string, i int, st *state) int {
	if i < len(s) && s[i] > ' ' {
		return i
	}
	return p.skipWSSlow(s, i, st)
}

func (p *Parser) skipWSSlow(s string, i int, st *state) int {
	i = skipOWS(s, i)
	for p.Lenient && isFold(s, i) {
		p.warn(st, i, WarnObsFold)
		i = skipOWS(s, i+2)
	}
	return i
}

// isFold reports whether an obs-fold starts at i: CRLF then SP or HTAB.
func isFold(s string, i int) bool {
	return i+2 < len(s) && s[i] == '\r' && s[i+1] == '\n' && (s[i+2] == ' ' || s[i+2] == '\t')
}

// element parses one list element starting at s[i] (not OWS): an empty
// element's comma, a parameter, or a new challenge with its token68 or
// first separator. It returns the offset after it.
func (p *Parser) element(s string, i int, st *state) (int, fault) {
	c := s[i]
	if c == ',' || (c == ';' && st.needSep && p.Lenient && !st.skipping) {
		if c == ';' {
			p.warn(st, i, WarnSemicolonSeparator)
		}
		if st.m == modeCredentials {
			if len(p.cs) > 0 && !st.open {
				return i, fault{i, errExpectEnd}
			}
			if len(p.cs) == 0 && st.leadComma < 0 {
				st.leadComma = i
			}
		}
		st.needSep, st.first, st.lastVal = false, false, -1
		return i + 1, p.separator(i, st)
	}
	if st.needSep {
		// Lenient: a value that runs on over spaces, or a missing comma.
		if p.Lenient && !st.skipping {
			if ok, next := p.lenientAfterValue(s, i, st); ok {
				return next, fault{}
			}
		}
		return i, fault{i, byteReason(s, i, errExpectComma)}
	}
	if classes[c]&cTchar == 0 {
		switch {
		case classes[c]&cCTL != 0:
			return i, fault{i, errCTL}
		case c >= 0x80:
			return i, fault{i, errNonASCII}
		case st.first || st.m == modeParams:
			return i, fault{i, errExpectParamName}
		}
		return i, fault{i, errExpectScheme}
	}
	t0 := i
	i = scanToken(s, i)
	name := s[t0:i]
	j := skipOWS(s, i)
	if j < len(s) && s[j] == '=' {
		return p.param(s, t0, name, j, st)
	}
	// Any other token starts a new challenge (decision 2).
	if st.first || st.m == modeParams {
		return i, fault{j, byteReason(s, j, errExpectEquals)}
	}
	if st.m == modeCredentials {
		if len(p.cs) > 0 {
			return i, fault{t0, errSecondCreds}
		}
		if st.leadComma >= 0 {
			return i, fault{st.leadComma, errLeadingComma}
		}
	}
	st.keep = len(p.cs)
	st.skipping = false
	if len(p.cs)-st.base >= st.lim.MaxChallenges {
		return i, fault{t0, &LimitError{What: "challenges", Limit: st.lim.MaxChallenges}}
	}
	p.newChallenge(name, st)
	st.empties, st.elem = 0, true
	st.open, st.first, st.needSep, st.bare, st.lastVal = false, false, false, false, -1
	if i >= len(s) || s[i] == ',' {
		// A scheme alone takes no params (decision 4): it is complete.
		st.keep = len(p.cs)
		st.bare = true
		st.bareAt, st.bareLn = i, st.ln
		if i >= len(s) {
			st.bareAt = -1
		}
		return i, fault{} // a scheme alone
	}
	switch c := s[i]; {
	case c == ' ':
	case p.Lenient && c == '\t':
		p.warn(st, i, WarnTabAfterScheme)
	case p.Lenient && c == ';':
		p.warn(st, i, WarnSemicolonAfterScheme)
		i++
	case p.Lenient && isFold(s, i):
		p.warn(st, i, WarnObsFold)
		i += 2
	case c == '\t':
		return i, fault{i, errTabAfterScheme}
	default:
		return i, fault{i, byteReason(s, i, errSchemeSep)}
	}
	i = p.skipWS(s, i, st)
	// token68 or #auth-param (decision 3)
	if end, next, ok := token68At(s, i); ok {
		p.cs[len(p.cs)-1].Token68 = s[i:end]
		st.keep = len(p.cs) // a token68 stands alone: complete
		st.needSep = true
		return next, fault{}
	}
	st.open, st.first = true, true
	return i, fault{}
}

// param parses "BWS value" after the name at t0 and the "=" at eq, and adds
// the parameter to the current challenge (or list).
func (p *Parser) param(s string, t0 int, name string, eq int, st *state) (int, fault) {
	if st.m != modeParams && !st.open && !st.skipping {
		last := len(p.cs) - 1
		switch {
		case last >= st.base && p.cs[last].Token68 != "":
			return t0, fault{t0, errParamAfterT68}
		case p.Lenient && last >= st.base && st.bare:
			// "Basic, realm=x": the comma right after the scheme.
			at := t0
			if st.bareAt >= 0 && st.bareLn == st.ln {
				at = st.bareAt
			}
			p.warn(st, at, WarnCommaAfterScheme)
			st.open, st.bare = true, false
			st.keep = last // it takes params again: complete only when the next one starts
		default:
			return t0, fault{t0, errParamNoScheme}
		}
	}
	// In lenient mode a duplicate is dropped with a warning; it is found
	// before the value so that the warnings stay in input order.
	dup := false
	if p.Lenient && !st.skipping && st.m != modeCredentials {
		if dup = p.hasParam(name, st); dup {
			p.warn(st, t0, WarnDuplicateParam)
		}
	}
	j := skipOWS(s, eq+1)
	if j >= len(s) {
		return j, fault{j, errExpectValue}
	}
	var value string
	i := j
	lastVal := -1
	switch c := s[j]; {
	case c == '"':
		end, esc, closed, r, at := scanQuoted(s, j, p.Lenient)
		if r != "" {
			return j, fault{at, r}
		}
		if closed {
			value = unescape(s[j+1:end-1], esc)
		} else {
			p.warn(st, j, WarnUnterminatedQuote)
			value = unescape(s[j+1:end], esc)
		}
		if esc && p.Lenient {
			if k := strings.IndexByte(s[j:end], '\r'); k >= 0 {
				p.warn(st, j+k, WarnObsFold)
			}
		}
		i = end
	case classes[c]&cTchar != 0:
		i = scanToken(s, j)
		if p.Lenient {
			if k := scanLoose(s, i); k > i {
				p.warn(st, i, WarnLooseValue)
				i = k
			}
			lastVal = j
		}
		value = s[j:i]
	case p.Lenient && isLoose(c):
		i = scanLoose(s, j)
		p.warn(st, j, WarnLooseValue)
		value = s[j:i]
		lastVal = j
	default:
		return j, fault{j, byteReason(s, j, errExpectValue)}
	}
	if st.skipping {
		st.needSep = true
		return i, fault{}
	}
	if dup {
		// The first one wins.
		st.empties, st.elem = 0, true
		st.needSep, st.first, st.lastVal = true, false, -1
		return i, fault{}
	}
	list := p.list(st)
	if len(*list)-st.p0 >= st.lim.MaxParams {
		return i, fault{t0, &LimitError{What: "parameters", Limit: st.lim.MaxParams}}
	}
	// Credentials keep rejecting duplicates in lenient mode: which one a
	// server would use is how smuggled credentials get through.
	if (!p.Lenient || st.m == modeCredentials) && p.hasParam(name, st) {
		return i, fault{t0, dupError{}}
	}
	*list = append(*list, Param{Name: name, Value: value})
	st.empties, st.first = 0, false
	// The usual next bytes are ", " and another parameter: take the comma
	// here rather than as an element of its own.
	st.elem = true
	if i+1 < len(s) && s[i] == ',' {
		st.needSep, st.lastVal = false, -1
		return skipOWS(s, i+1), p.separator(i, st) // never a fault after an element
	}
	st.needSep, st.lastVal = true, lastVal
	return i, fault{}
}

// hasParam reports whether the current challenge (or list) has a parameter
// named name, ASCII case-insensitively (RFC 9110 section 11.2). Short lists
// are searched; past dupScan params a hash index keeps the check linear in
// the number of params, however high MaxParams is set.
func (p *Parser) hasParam(name string, st *state) bool {
	list := (*p.list(st))[st.p0:]
	if len(list) < dupScan {
		for k := range list {
			if EqualFold(list[k].Name, name) {
				return true
			}
		}
		return false
	}
	if len(p.idx) < 2*len(list) {
		n := 64
		for n < 4*len(list) {
			n *= 2
		}
		p.idx = make([]int32, n)
		p.idxN = 0
	}
	mask := uint32(len(p.idx) - 1)
	for ; p.idxN < len(list); p.idxN++ {
		h := foldHash(list[p.idxN].Name) & mask
		for p.idx[h] != 0 {
			h = (h + 1) & mask
		}
		p.idx[h] = int32(p.idxN + 1)
	}
	for h := foldHash(name) & mask; p.idx[h] != 0; h = (h + 1) & mask {
		if EqualFold(list[p.idx[h]-1].Name, name) {
			return true
		}
	}
	return false
}

// dupScan is the number of params up to which duplicates are found by a
// plain scan.
const dupScan = 16

// resetIndex empties the duplicate index for a new parameter list.
func (p *Parser) resetIndex() {
	if p.idxN > 0 {
		clear(p.idx)
		p.idxN = 0
	}
}

// foldHash is FNV-1a over the ASCII-lowercased bytes of s.
func foldHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// isLoose reports whether c may stand in an unquoted value in lenient mode:
// any VCHAR or obs-text but the delimiters of the list and of
// quoted-strings. AWS Signature V4 sends "/" and ";" this way, SCRAM
// senders base64 padding.
func isLoose(c byte) bool {
	return c > ' ' && c != 0x7F && c != ',' && c != '"'
}

// scanLoose returns the end of the run of isLoose bytes at i.
func scanLoose(s string, i int) int {
	for i < len(s) && isLoose(s[i]) {
		i++
	}
	return i
}

// lenientAfterValue handles, in lenient mode, text where a comma must
// follow a value: "a=b c=d" (a missing comma: the next param is read) and
// "realm=gin jwt" (an unquoted value with spaces: it runs on to the next
// comma). It reports whether it recovered and where to go on.
func (p *Parser) lenientAfterValue(s string, i int, st *state) (bool, int) {
	if classes[s[i]]&cTchar != 0 {
		t := scanToken(s, i)
		k := skipOWS(s, t)
		if k < len(s) && s[k] == '=' {
			p.warn(st, i, WarnMissingComma)
			st.needSep = false
			return true, i
		}
		// "Basic realm="x" Bearer realm="y"": a scheme, a space and a
		// parameter, where a comma is missing before the scheme.
		if st.m == modeChallenges && k > t && s[t] == ' ' && k < len(s) && classes[s[k]]&cTchar != 0 {
			if e := skipOWS(s, scanToken(s, k)); e < len(s) && s[e] == '=' {
				p.warn(st, i, WarnMissingCommaScheme)
				st.needSep = false
				return true, i
			}
		}
	}
	list := p.list(st)
	if st.lastVal < 0 || len(*list) == st.p0 {
		return false, i
	}
	// Extend the last unquoted value up to the next comma, less trailing
	// whitespace; not over an obs-fold, which would put CR LF in it.
	for k := st.lastVal; k < i; k++ {
		if s[k] == '\r' || s[k] == '\n' {
			return false, i
		}
	}
	end := i
	for k := i; k < len(s) && s[k] != ','; k++ {
		if !isLoose(s[k]) && s[k] != ' ' && s[k] != '\t' {
			return false, i
		}
		if s[k] != ' ' && s[k] != '\t' {
			end = k + 1
		}
	}
	v := s[st.lastVal:end]
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		// realm='Secure Area': single quotes are not HTTP quotes.
		p.warn(st, st.lastVal, WarnSingleQuotes)
		v = v[1 : len(v)-1]
	}
	p.warn(st, i, WarnSpaceInValue)
	(*list)[len(*list)-1].Value = v
	return true, end
}

// recover skips, in lenient mode, the malformed challenge (or parameter of
// a list) in which f was found: the challenge is dropped, and parameters
// are skipped up to the next element that starts a new challenge.
func (p *Parser) recover(s string, i int, f fault, st *state) int {
	if f.err == errParamAfterT68 && !st.skipping {
		// The token68 challenge is complete: keep it, drop the stray
		// parameters.
		p.warn(st, f.off, WarnStrayParam)
		st.keep = len(p.cs)
	} else if !st.skipping {
		if st.m == modeParams {
			p.warnErr(st, f.off, WarnSkippedParam, f.err)
		} else {
			p.warnErr(st, f.off, WarnSkippedChallenge, f.err)
		}
	}
	if st.m == modeChallenges {
		p.cs = p.cs[:st.keep]
		st.skipping = true
	}
	st.open, st.first, st.needSep, st.bare, st.lastVal = false, false, false, false, -1
	if i < f.off {
		i = f.off
	}
	// Go on after the next comma that is not inside a quoted-string.
	for i < len(s) && s[i] != ',' {
		if s[i] == '"' {
			if end, _, _, r, _ := scanQuoted(s, i, p.Lenient); r == "" {
				i = end
				continue
			}
		}
		i++
	}
	return i
}

// warn records a warning, keeping the list in (line, offset) order: a
// warning about an earlier byte may be found after one about a later byte.
func (p *Parser) warn(st *state, off int, k WarningKind) { p.warnErr(st, off, k, nil) }

func (p *Parser) warnErr(st *state, off int, k WarningKind, err error) {
	w := Warning{Kind: k, Line: st.ln, Offset: off, Message: k.String(), Err: err}
	p.warns = append(p.warns, w)
	j := len(p.warns) - 1
	for j > 0 && p.warns[j-1].Line == w.Line && p.warns[j-1].Offset > off {
		p.warns[j] = p.warns[j-1]
		j--
	}
	p.warns[j] = w
}

// WarningKind names the deviation from RFC 9110 that a lenient [Parser]
// recovered from. Each kind has one constant message ([WarningKind.String]),
// so that recovering never allocates.
type WarningKind uint8

// The recoveries of lenient mode, one kind each.
const (
	// WarnObsFold: a line break followed by whitespace (obs-fold, RFC 9112
	// section 5.2) inside the field, read as one SP.
	WarnObsFold WarningKind = iota + 1
	// WarnTabAfterScheme: HTAB between the auth-scheme and its data
	// (`Basic\trealm="x"`), read as a space.
	WarnTabAfterScheme
	// WarnSemicolonAfterScheme: `;` right after the auth-scheme
	// (`Basic; realm="x"`), read as a space.
	WarnSemicolonAfterScheme
	// WarnCommaAfterScheme: `,` right after the auth-scheme
	// (`Basic, realm="x"`); the parameters belong to that challenge.
	WarnCommaAfterScheme
	// WarnUnterminatedQuote: a quoted-string that runs to the end of the
	// line, closed there.
	WarnUnterminatedQuote
	// WarnLooseValue: an unquoted value holding characters outside token
	// (`Credential=AK/2015/us-east-1`), read up to the next `,` or space.
	WarnLooseValue
	// WarnSpaceInValue: an unquoted value holding spaces
	// (`realm=gin jwt`), read up to the next `,`.
	WarnSpaceInValue
	// WarnMissingComma: no `,` between two parameters (`a=1 b=2`).
	WarnMissingComma
	// WarnMissingCommaScheme: no `,` before a new challenge
	// (`Basic realm="x" Bearer realm="y"`).
	WarnMissingCommaScheme
	// WarnSemicolonSeparator: `;` between parameters, read as `,`.
	WarnSemicolonSeparator
	// WarnDuplicateParam: a parameter name that occurred before in the
	// same challenge or list; the first one wins.
	WarnDuplicateParam
	// WarnSingleQuotes: a value in single quotes (`realm='x'`), read
	// without them.
	WarnSingleQuotes
	// WarnSkippedChallenge: a malformed challenge, skipped up to the next
	// element that starts a new challenge.
	WarnSkippedChallenge
	// WarnSkippedParam: a malformed parameter of an Authentication-Info
	// list, skipped up to the next comma.
	WarnSkippedParam
	// WarnStrayParam: a parameter after a token68, skipped (a token68
	// stands alone).
	WarnStrayParam
)

var warningText = [...]string{
	WarnObsFold:              "obs-fold (line break followed by whitespace) inside the field, read as one space",
	WarnTabAfterScheme:       "HTAB between auth-scheme and its data, read as a space (RFC 9110 requires SP)",
	WarnSemicolonAfterScheme: "';' after the auth-scheme, read as a space",
	WarnCommaAfterScheme:     "',' right after the auth-scheme: the parameter is read as part of that challenge",
	WarnUnterminatedQuote:    "unterminated quoted-string, closed at the end of the line",
	WarnLooseValue:           "unquoted value holds characters outside token, read up to the next ',' or space (it should be a quoted-string)",
	WarnSpaceInValue:         "unquoted value holds spaces, read up to the next ',' (it should be a quoted-string)",
	WarnMissingComma:         "missing ',' between parameters",
	WarnMissingCommaScheme:   "missing ',' before a new challenge",
	WarnSemicolonSeparator:   "';' between parameters, read as ','",
	WarnDuplicateParam:       "duplicate parameter name, ignored (the first one wins; RFC 9110 section 11.2)",
	WarnSingleQuotes:         "single-quoted value, read without the quotes (HTTP quotes with '\"')",
	WarnSkippedChallenge:     "malformed challenge skipped",
	WarnSkippedParam:         "malformed parameter skipped",
	WarnStrayParam:           "parameter after a token68 skipped (a token68 stands alone)",
}

// String returns the kind's message, a constant.
func (k WarningKind) String() string {
	if int(k) < len(warningText) && warningText[k] != "" {
		return warningText[k]
	}
	return "unknown warning"
}

// fail ends a parse with a *SyntaxError, keeping the challenges complete
// before it in challenge mode and nothing in the other modes.
func (p *Parser) fail(st *state, off int, err error) error {
	switch st.m {
	case modeChallenges:
		p.cs = p.cs[:st.keep]
	case modeCredentials:
		p.cs = p.cs[:0]
	}
	return &SyntaxError{Line: st.ln, Offset: off, Err: err}
}

// token68At reports whether the text of s from i up to the next ',' or the
// end, less trailing OWS, is a token68 (decision 3). It returns the end of
// the token68 and the offset after the OWS that follows it.
func token68At(s string, i int) (end, next int, ok bool) {
	j := scanClass(s, i, cT68)
	if j == i {
		return 0, 0, false
	}
	for j < len(s) && s[j] == '=' {
		j++
	}
	k := skipOWS(s, j)
	if k < len(s) && s[k] != ',' {
		return 0, 0, false
	}
	return j, k, true
}
