package httpauth

import "sync"

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
// substrings of the input unless a quoted-string held a quoted-pair, in
// which case its value is a new string (one allocation per such value).
type Parser struct {
	// Limits bounds each call; the zero value means the defaults.
	Limits Limits

	// Lenient accepts the deviations from RFC 9110 that real servers and
	// clients send (see the package documentation), recovers the value the
	// sender meant, and reports each deviation as a [Warning]. Off by
	// default: strict mode rejects every one of them.
	Lenient bool

	warns []Warning

	lx   Lexer
	recs []rec   // challenges (or the one credentials) of the last call
	ps   []Param // their params, in order; rec.p0 indexes into it
}

// Warning describes one deviation from the strict grammar that a lenient
// [Parser] recovered from. Line and Offset locate it as in [SyntaxError];
// Message says, for a person, what was wrong and what was read instead. Like
// errors, warnings never quote the input.
type Warning struct {
	Line    int
	Offset  int
	Message string
}

// Warnings returns the warnings of the last call of p, in input order. The
// slice is owned by p and valid until its next call. It is empty in strict
// mode.
func (p *Parser) Warnings() []Warning { return p.warns }

// rec is a challenge or credentials under construction: its params are
// ps[p0:] up to the next rec's p0.
type rec struct {
	scheme  string
	token68 string
	p0      int
}

type mode uint8

const (
	modeChallenges mode = iota
	modeCredentials
	modeParams
)

// AppendChallenges parses the field lines of a WWW-Authenticate or
// Proxy-Authenticate field, appends the challenges to dst and returns the
// extended slice. Several lines are one list, as if joined by ", ".
//
// To parse without allocating, pass dst[:0] of an earlier result: the
// Params storage of dst's elements between len(dst) and cap(dst) is reused.
// Only a value that held a quoted-pair allocates.
//
// On error, the challenges completed before the error are appended and the
// error is a [*SyntaxError] (RFC 9110 grammar decision 12: one malformed
// challenge does not hide the good ones before it).
func (p *Parser) AppendChallenges(dst []Challenge, lines ...string) ([]Challenge, error) {
	err := p.parse(modeChallenges, lines)
	for i := range p.recs {
		var c *Challenge
		if len(dst) < cap(dst) {
			dst = dst[:len(dst)+1]
			c = &dst[len(dst)-1]
		} else {
			dst = append(dst, Challenge{})
			c = &dst[len(dst)-1]
		}
		r := &p.recs[i]
		c.Scheme = r.scheme
		c.Token68 = r.token68
		c.Params = append(c.Params[:0], p.params(i)...)
		if len(c.Params) == 0 {
			c.Params = c.Params[:0:0]
		}
	}
	p.release()
	return dst, err
}

// ParseCredentials parses one Authorization or Proxy-Authorization value.
// The params are appended to dst (pass c.Params[:0] of an earlier result to
// reuse its storage). On error the zero Credentials is returned.
func (p *Parser) ParseCredentials(dst Params, value string) (Credentials, error) {
	lines := [1]string{value}
	err := p.parse(modeCredentials, lines[:])
	var c Credentials
	if err == nil {
		r := &p.recs[0]
		c.Scheme = r.scheme
		c.Token68 = r.token68
		if len(p.ps) > 0 {
			c.Params = append(dst, p.ps...)
		}
	}
	p.release()
	return c, err
}

// AppendParams parses the field lines of an Authentication-Info or
// Proxy-Authentication-Info field (a list of auth-params), appends the
// params to dst and returns the extended slice. On error, dst is returned
// unchanged with the error.
func (p *Parser) AppendParams(dst Params, lines ...string) (Params, error) {
	err := p.parse(modeParams, lines)
	if err == nil {
		dst = append(dst, p.ps...)
	}
	p.release()
	return dst, err
}

// params returns the params of p.recs[i].
func (p *Parser) params(i int) []Param {
	end := len(p.ps)
	if i+1 < len(p.recs) {
		end = p.recs[i+1].p0
	}
	return p.ps[p.recs[i].p0:end]
}

// release drops the references the scratch space holds to the input, so
// that a pooled or long-lived Parser does not keep old field values alive.
func (p *Parser) release() {
	clear(p.recs)
	clear(p.ps)
	p.recs = p.recs[:0]
	p.ps = p.ps[:0]
	p.lx = Lexer{}
}

var parserPool = sync.Pool{New: func() any { return new(Parser) }}

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
// ParseChallenges allocates at most twice (the challenges and their params
// share one array), plus once for each quoted value that holds a
// quoted-pair. Use a [Parser] to parse without allocating.
func ParseChallenges(lines ...string) ([]Challenge, error) {
	p := parserPool.Get().(*Parser)
	err := p.parse(modeChallenges, lines)
	var out []Challenge
	if len(p.recs) > 0 {
		out = make([]Challenge, len(p.recs))
		var ps []Param
		if len(p.ps) > 0 {
			ps = make([]Param, len(p.ps))
			copy(ps, p.ps)
		}
		for i := range p.recs {
			r := &p.recs[i]
			end := len(ps)
			if i+1 < len(p.recs) {
				end = p.recs[i+1].p0
			}
			out[i] = Challenge{Scheme: r.scheme, Token68: r.token68}
			if end > r.p0 {
				out[i].Params = ps[r.p0:end:end]
			}
		}
	}
	p.release()
	parserPool.Put(p)
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
	p := parserPool.Get().(*Parser)
	c, err := p.ParseCredentials(nil, value)
	parserPool.Put(p)
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
	p := parserPool.Get().(*Parser)
	ps, err := p.AppendParams(nil, lines...)
	parserPool.Put(p)
	return ps, err
}

// parse runs the grammar over lines, filling p.recs and p.ps. On error they
// hold what was complete before it (decision 12) in challenge mode, and
// nothing in the other modes.
//
// The element loop follows RFC 9110 section 5.6.1 (lists with empty
// elements) and section 11 (challenge / credentials / auth-param): an
// element "token BWS =" is a parameter of the current challenge, any other
// token starts a new challenge (DESIGN decisions 2-4). Each byte is looked
// at a bounded number of times: the token68 test may read a run that is
// then read again as a token, nothing more.
func (p *Parser) parse(m mode, lines []string) error {
	p.recs = p.recs[:0]
	p.ps = p.ps[:0]
	lim := p.Limits.resolve()

	var (
		keep    = 0     // recs known to be complete
		open    = false // the current rec takes params (scheme, SP, no token68)
		first   = false // just after "scheme SP": a param or a comma must follow
		needSep = false // after an element: a comma or the end must follow
		commas  = 0     // commas (and line joins) since the last element
		p0      = 0     // first param of the current rec or list
	)
	for ln, line := range lines {
		if len(line) > lim.MaxLineBytes {
			return p.fail(m, keep, ln, lim.MaxLineBytes, &LimitError{What: "bytes in a field line", Limit: lim.MaxLineBytes})
		}
		// Trailing OWS of a line is not part of the value (decision 9).
		n := len(line)
		for n > 0 && (line[n-1] == ' ' || line[n-1] == '\t') {
			n--
		}
		s := line[:n]
		i := 0
		if ln > 0 {
			// A line boundary is a list separator (decision 1).
			needSep, first = false, false
			if m == modeCredentials {
				return p.fail(m, keep, ln, 0, errSecondCreds)
			}
			commas++
		}
		for {
			i = skipOWS(s, i)
			if i >= len(s) {
				break
			}
			c := s[i]
			if c == ',' {
				if m == modeCredentials && len(p.recs) > 0 && !open {
					return p.fail(m, keep, ln, i, errExpectEnd)
				}
				needSep, first = false, false
				commas++
				if commas > lim.MaxEmptyElements+1 {
					return p.fail(m, keep, ln, i, &LimitError{What: "empty list elements in a row", Limit: lim.MaxEmptyElements})
				}
				i++
				continue
			}
			if needSep {
				return p.fail(m, keep, ln, i, errExpectComma)
			}
			if classes[c]&cTchar == 0 {
				switch {
				case classes[c]&cCTL != 0:
					return p.fail(m, keep, ln, i, errCTL)
				case c >= 0x80:
					return p.fail(m, keep, ln, i, errNonASCII)
				case first || m == modeParams:
					return p.fail(m, keep, ln, i, errExpectParamName)
				case c == '=' && len(p.recs) > 0 && !open:
					return p.fail(m, keep, ln, i, errExpectComma)
				}
				return p.fail(m, keep, ln, i, errExpectScheme)
			}
			t0 := i
			i = scanToken(s, i)
			name := s[t0:i]
			j := skipOWS(s, i)
			if j < len(s) && s[j] == '=' {
				// auth-param = token BWS "=" BWS ( token / quoted-string )
				if m != modeParams && !open {
					if len(p.recs) > 0 && p.recs[len(p.recs)-1].token68 != "" {
						return p.fail(m, keep, ln, t0, errParamAfterT68)
					}
					return p.fail(m, keep, ln, t0, errParamNoScheme)
				}
				j = skipOWS(s, j+1)
				if j >= len(s) {
					return p.fail(m, keep, ln, j, errExpectValue)
				}
				var value string
				if s[j] == '"' {
					end, esc, _, r, at := p.lx.scanQuoted(s, j)
					if r != "" {
						return p.fail(m, keep, ln, at, r)
					}
					value = unescape(s[j+1:end-1], esc)
					i = end
				} else if classes[s[j]]&cTchar != 0 {
					i = scanToken(s, j)
					value = s[j:i]
				} else {
					return p.fail(m, keep, ln, j, errExpectValue)
				}
				if len(p.ps)-p0 >= lim.MaxParams {
					return p.fail(m, keep, ln, t0, &LimitError{What: "parameters", Limit: lim.MaxParams})
				}
				for k := p0; k < len(p.ps); k++ {
					if EqualFold(p.ps[k].Name, name) {
						return p.fail(m, keep, ln, t0, dupError{})
					}
				}
				p.ps = append(p.ps, Param{Name: name, Value: value})
				commas, needSep, first = 0, true, false
				continue
			}
			// Any other token starts a new challenge (decision 2).
			if first || m == modeParams {
				return p.fail(m, keep, ln, j, errExpectEquals)
			}
			if m == modeCredentials && len(p.recs) > 0 {
				return p.fail(m, keep, ln, t0, errSecondCreds)
			}
			keep = len(p.recs)
			if len(p.recs) >= lim.MaxChallenges {
				return p.fail(m, keep, ln, t0, &LimitError{What: "challenges", Limit: lim.MaxChallenges})
			}
			p0 = len(p.ps)
			p.recs = append(p.recs, rec{scheme: name, p0: p0})
			commas, open, first, needSep = 0, false, false, false
			if i >= len(s) || s[i] == ',' {
				continue // a scheme alone
			}
			switch s[i] {
			case ' ':
			case '\t':
				return p.fail(m, keep, ln, i, errTabAfterScheme)
			default:
				return p.fail(m, keep, ln, i, errSchemeSep)
			}
			i = skipOWS(s, i)
			// token68 or #auth-param (decision 3)
			if end, next, ok := token68At(s, i); ok {
				p.recs[len(p.recs)-1].token68 = s[i:end]
				i, needSep = next, true
				continue
			}
			open, first = true, true
		}
	}
	if m == modeCredentials && len(p.recs) == 0 {
		return p.fail(m, 0, 0, 0, emptyError{})
	}
	return nil
}

// fail ends a parse with a *SyntaxError, keeping the first keep recs and
// their params in challenge mode and nothing in the other modes.
func (p *Parser) fail(m mode, keep, line, off int, err error) error {
	if m != modeChallenges {
		keep = 0
	}
	if keep < len(p.recs) {
		p.ps = p.ps[:p.recs[keep].p0]
		p.recs = p.recs[:keep]
	}
	if keep == 0 {
		p.ps = p.ps[:0]
	}
	return &SyntaxError{Line: line, Offset: off, Err: err}
}

// token68At reports whether the text of s from i up to the next ',' or the
// end, less trailing OWS, is a token68 (decision 3). It returns the end of
// the token68 and the offset after the OWS that follows it.
func token68At(s string, i int) (end, next int, ok bool) {
	j := i
	for j < len(s) && classes[s[j]]&cT68 != 0 {
		j++
	}
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
