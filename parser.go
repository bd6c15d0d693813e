package httpauth

import "strings"

type mode uint8

const (
	modeChallenges mode = iota
	modeCredentials
	modeParams
)

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
