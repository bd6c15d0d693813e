package httpauth

// The strict grammar of the three fields (RFC 9110 sections 5.6.1 and 11):
//
//	WWW-Authenticate    = #challenge
//	Authorization       = credentials
//	Authentication-Info = #auth-param
//	challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//	credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//	auth-param  = token BWS "=" BWS ( token / quoted-string )
//
// The parser reads a field as a list of elements, each line after the
// first joined to the previous one as if by ", " (decision 1). Between two
// elements it knows one thing only, a position: what the current challenge
// (or credentials) can still take. An element "token BWS =" is a parameter
// of the current challenge; any other token starts a new challenge
// (decision 2). Every element reads its own trailing OWS and checks that a
// comma or the end of the line follows it.
//
// Nothing here tests lenient mode. A byte the grammar cannot take is a
// fault: the parse stops there with a *SyntaxError, unless the Parser
// allows recoveries, in which case lenient.go decides what to do from the
// fault alone (its site and offsets) and hands the parse back to these
// functions.

// mode is the grammar of the field being parsed.
type mode uint8

const (
	modeChallenges  mode = iota // #challenge
	modeCredentials             // credentials
	modeParams                  // #auth-param
)

// position is where the grammar stands at the start of a list element.
type position uint8

const (
	// posNone: no challenge has started yet: a token starts one; a
	// parameter is an error.
	posNone position = iota
	// posFirst: right after "auth-scheme 1*SP" not followed by a token68:
	// a parameter or an empty element must come next (decision 4).
	posFirst
	// posParams: in a challenge or credentials that takes parameters, or
	// anywhere in an Authentication-Info list.
	posParams
	// posBare: after an auth-scheme alone, complete: it takes no
	// parameters.
	posBare
	// posToken68: after a token68, complete: it takes no parameters.
	posToken68
	// posSkip: after a challenge that lenient recovery dropped: its
	// parameters are dropped up to the next auth-scheme. Strict parsing
	// never stands here.
	posSkip
)

// site says what the grammar was reading when it found a fault, so that
// lenient recovery knows what was complete.
type site uint8

const (
	siteLimit      site = iota // a limit: never recovered
	siteStart                  // the first byte of an element
	siteName                   // after a token that must be a parameter's name
	siteScheme                 // a second credentials value, a comma before it, a comma after it
	siteSchemeSep              // the byte after an auth-scheme
	siteToken68                // the byte after a token68 run, neither OWS nor a comma
	siteParamStart             // a parameter where the position takes none
	siteValue                  // the value of a parameter
	siteAdd                    // a duplicate parameter
	siteAfter                  // what follows a parameter's value
)

// fault is a grammar error: where and why, what the grammar was reading,
// and for a parameter the offsets of its name (t0, t1), its "=" (eq) and
// its value (v0, v1), which lenient recovery needs. It is built only when
// parsing fails at it.
type fault struct {
	off  int
	err  error
	site site
	t0   int
	t1   int
	eq   int
	v0   int
	v1   int
}

// state is the grammar's state between two elements of a field. It lives in
// the Parser, so that a call sets the fields it uses rather than clearing a
// new one.
type state struct {
	m      mode
	pos    position
	lim    Limits // p.Limits resolved (cached while p.Limits is rawLim)
	rawLim Limits
	limOK  bool
	ln     int // index of the current field line
	base   int // challenges in the destination before this call
	keep   int // challenges known to be complete (decision 12)
	p0     int // first parameter of the current challenge or list in its slice

	// Empty list elements (RFC 9110 section 5.6.1): seps counts the
	// separators since the last element, the start of the field counting
	// as one; empties the empty elements in a row.
	seps    int
	empties int

	names uint64 // nameBit of each parameter of the current challenge or list

	leadComma int // credentials: offset of a comma before the scheme, or -1
	bareLn    int // line and offset of the comma right after the last
	bareAt    int // bare auth-scheme, or -1 (lenient recovery reports it)

	// Warnings dropped past Limits.MaxWarnings: how many, and where the
	// first one was.
	dropped, dropLn, dropOff int

	f fault // the fault that stopped the grammar
}

// fail records a fault and returns -1, the offset the grammar's functions
// return when they stop.
func (st *state) fail(off int, err error, at site) int {
	st.f = fault{off: off, err: err, site: at}
	return -1
}

// parse runs the grammar over lines, appending challenges to p.cs (after
// its first base elements) or params to p.plist. On error p.cs holds what
// was complete before it (decision 12) in challenge mode.
//
// Each byte is looked at a bounded number of times: the token68 test may
// read a run that is then read again as a token, nothing more.
func (p *Parser) parse(m mode, base int, lines []string) error {
	st := &p.st
	// Field by field, not p.Limits != st.rawLim: the struct comparison is a
	// call to runtime.memequal, about 45 instructions per parse
	// (rootcallgrind.sh). TestLimitsFieldsCached fails when Limits grows a
	// field, to be added here.
	if l := &p.Limits; !st.limOK || l.MaxLineBytes != st.rawLim.MaxLineBytes || l.MaxChallenges != st.rawLim.MaxChallenges ||
		l.MaxParams != st.rawLim.MaxParams || l.MaxEmptyElements != st.rawLim.MaxEmptyElements || l.MaxWarnings != st.rawLim.MaxWarnings {
		st.lim, st.rawLim, st.limOK = p.Limits.resolve(), p.Limits, true
	}
	if p.fast = !p.slow && p.fastParse(m, base, lines); p.fast {
		return nil
	}
	p.warns = p.warns[:0]
	p.resetIndex()
	st.m, st.pos, st.base, st.keep, st.p0, st.names = m, posNone, base, base, 0, 0
	st.seps, st.empties, st.leadComma, st.bareAt, st.dropped = 1, 0, -1, -1, 0
	if m == modeParams {
		st.pos = posParams
		st.p0 = len(p.plist)
	}
	for ln, line := range lines {
		st.ln = ln
		if len(line) > st.lim.MaxLineBytes {
			return p.fail(st, st.lim.MaxLineBytes, &LimitError{What: "bytes in a field line", Limit: st.lim.MaxLineBytes})
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
				return p.fail(st, 0, errSecondCreds)
			}
			if st.pos == posFirst {
				st.pos = posParams
			}
			if !p.separator(0, st) {
				return p.fail(st, st.f.off, st.f.err)
			}
		}
		i := 0
		for {
			i = skipOWS(s, i)
			if i >= len(s) {
				break
			}
			if s[i] == ',' {
				if !p.comma(i, st) {
					return p.fail(st, st.f.off, st.f.err)
				}
				i++
				continue
			}
			if i = p.element(s, i, st); i < 0 {
				if (!p.Lenient && p.Allow == 0) || st.f.site == siteLimit {
					return p.fail(st, st.f.off, st.f.err)
				}
				if i = p.recover(s, st); i < 0 {
					return p.fail(st, st.f.off, st.f.err)
				}
			}
		}
	}
	if st.seps > 0 && len(lines) > 0 {
		// A separator before the end leaves an empty element after it
		// (a field without one counts one, which no limit refuses).
		if !p.separator(len(lines[len(lines)-1]), st) {
			return p.fail(st, st.f.off, st.f.err)
		}
	}
	if m == modeCredentials && len(p.cs) == 0 {
		return p.fail(st, 0, emptyError{})
	}
	p.endWarnings(st)
	return nil
}

// separator counts a list separator (a comma at off, or a line join): the
// slot it closes is an empty element when no element came since the
// previous separator (RFC 9110 section 5.6.1), and empty elements in a row
// are limited.
func (p *Parser) separator(off int, st *state) bool {
	if st.seps > 0 {
		st.empties++
		if st.empties > st.lim.MaxEmptyElements {
			st.fail(off, &LimitError{What: "empty list elements in a row", Limit: st.lim.MaxEmptyElements}, siteLimit)
			return false
		}
	}
	st.seps++
	return true
}

// comma takes the comma at i between two elements. Authorization is not a
// list: a comma after its token68 or bare scheme is an error, one before
// its scheme is remembered (it is reported after what follows it).
func (p *Parser) comma(i int, st *state) bool {
	if st.m == modeCredentials {
		if len(p.cs) > 0 && st.pos != posFirst && st.pos != posParams {
			st.fail(i, errExpectEnd, siteScheme)
			return false
		}
		if len(p.cs) == 0 && st.leadComma < 0 {
			st.leadComma = i
		}
	}
	if st.pos == posFirst {
		st.pos = posParams
	}
	return p.separator(i, st)
}

// element parses the list element at s[i], which is neither OWS nor a
// comma: a parameter, or an auth-scheme with its token68 or the start of
// its parameters. It returns the offset after the element and its
// trailing OWS (a comma or the end of the line), or -1 at a fault.
//
// It goes on with the next element as long as one starts right after a
// comma (and one SP) or after "auth-scheme SP".
func (p *Parser) element(s string, i int, st *state) int {
	for {
		t0 := i
		t1 := scanName(s, i)
		if t1 == t0 {
			return p.badStart(s, i, st)
		}
		j := skipOWS(s, t1)
		if j < len(s) && s[j] == '=' {
			if i = p.param(s, t0, t1, j, st); i < 0 {
				return i
			}
			if i < len(s) && s[i] == ' ' {
				i++
			}
		} else if i = p.scheme(s, t0, t1, j, st); i < 0 || st.pos != posFirst {
			return i
		}
		if i >= len(s) || classes[s[i]]&cTchar == 0 {
			return i
		}
	}
}

// badStart reports the fault of an element whose first byte, s[i], cannot
// start a token.
func (p *Parser) badStart(s string, i int, st *state) int {
	c := s[i]
	switch {
	case classes[c]&cCTL != 0:
		return st.fail(i, errCTL, siteStart)
	case c >= 0x80:
		return st.fail(i, errNonASCII, siteStart)
	case st.pos == posFirst || st.m == modeParams:
		return st.fail(i, errExpectParamName, siteStart)
	}
	return st.fail(i, errExpectScheme, siteStart)
}

// scheme handles the token s[t0:t1], which is not a parameter's name (j is
// the first byte after it and its OWS): it starts a new challenge (decision
// 2), with its token68 or the position of its first parameter.
func (p *Parser) scheme(s string, t0, t1, j int, st *state) int {
	if st.pos == posFirst || st.m == modeParams {
		st.fail(j, byteReason(s, j, errExpectEquals), siteName)
		st.f.t0, st.f.t1 = t0, t1
		return -1
	}
	if st.m == modeCredentials && (len(p.cs) > 0 || st.leadComma >= 0) {
		if badByte(s, j) {
			// The byte that told the token from a parameter's name is
			// the error, not the token.
			return st.fail(j, byteReason(s, j, nil), siteScheme)
		}
		if len(p.cs) > 0 {
			return st.fail(t0, errSecondCreds, siteScheme)
		}
		return st.fail(st.leadComma, errLeadingComma, siteScheme)
	}
	st.keep = len(p.cs)
	if len(p.cs)-st.base >= st.lim.MaxChallenges {
		if badByte(s, j) {
			return st.fail(j, byteReason(s, j, nil), siteScheme)
		}
		return st.fail(t0, &LimitError{What: "challenges", Limit: st.lim.MaxChallenges}, siteLimit)
	}
	p.newChallenge(s[t0:t1], st)
	st.pos = posBare // until its data says otherwise
	st.seps, st.empties = 0, 0
	if t1 >= len(s) || s[t1] == ',' {
		// A scheme alone takes no params (decision 4): it is complete.
		st.keep = len(p.cs)
		st.bareLn, st.bareAt = st.ln, t1
		if t1 >= len(s) {
			st.bareAt = -1
		}
		return t1
	}
	switch s[t1] {
	case ' ':
		return p.schemeData(s, t1, st)
	case '\t':
		return st.fail(t1, errTabAfterScheme, siteSchemeSep)
	}
	return st.fail(t1, byteReason(s, t1, errSchemeSep), siteSchemeSep)
}

// schemeData reads what follows "auth-scheme SP" at s[i]: OWS, then a
// token68 (up to a comma or the end of the line) or the position of the
// first parameter (decision 3).
func (p *Parser) schemeData(s string, i int, st *state) int {
	i = skipOWS(s, i)
	end, next, ok := token68At(s, i)
	if ok {
		p.cs[len(p.cs)-1].Token68 = s[i:end]
		st.keep = len(p.cs) // a token68 stands alone: complete
		st.pos = posToken68
		return next
	}
	if end > i && badByte(s, next) {
		// "abc==\x00": the byte that ended the token68 is the error.
		st.f = fault{off: next, err: byteReason(s, next, nil), site: siteToken68, t0: i, v1: end}
		return -1
	}
	st.pos = posFirst
	return i
}

// param parses the parameter whose name is s[t0:t1] and whose "=" is at
// eq, where the position may not take one.
func (p *Parser) param(s string, t0, t1, eq int, st *state) int {
	switch st.pos {
	case posFirst, posParams:
		return p.paramValue(s, t0, t1, eq, st)
	case posToken68:
		return p.paramFault(t0, t1, eq, errParamAfterT68, st)
	}
	return p.paramFault(t0, t1, eq, errParamNoScheme, st)
}

// paramValue parses "BWS value" after the name s[t0:t1] and the "=" at eq,
// adds the parameter, and checks what follows the value: OWS, then a
// comma, which it takes, or the end of the line.
func (p *Parser) paramValue(s string, t0, t1, eq int, st *state) int {
	j := eq + 1
	if j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j = skipOWS(s, j)
	}
	if j >= len(s) {
		return p.valueFault(j, errExpectValue, t0, t1, eq, j, st)
	}
	value, v1, at, r := valueAt(s, j)
	if r != nil {
		return p.valueFault(at, r, t0, t1, eq, j, st)
	}
	if !p.addParam(s[t0:t1], value, t0, st) {
		st.f.t1, st.f.eq, st.f.v0, st.f.v1 = t1, eq, j, v1
		return -1
	}
	// The usual next bytes are ", " and another parameter: take the comma
	// here rather than as an element of its own. The parameter just
	// added ended the run of separators: this one closes no empty element.
	if v1 < len(s) && s[v1] == ',' {
		st.seps = 1
		return v1 + 1
	}
	return p.afterValue(s, j, v1, st)
}

// valueAt reads the auth-param value at s[j], j < len(s):
//
//	( token / quoted-string )
//
// It returns the value (a quoted-string without its quotes and
// quoted-pairs) and the offset after it, or the offset and reason of the
// fault.
func valueAt(s string, j int) (value string, end, at int, r error) {
	if s[j] == '"' {
		return quotedValue(s, j)
	}
	if classes[s[j]]&cTchar == 0 {
		return "", 0, j, byteReason(s, j, errExpectValue)
	}
	end = scanClass(s, j+1, cTchar)
	return s[j:end], end, 0, nil
}

// quotedValue is valueAt for a quoted-string.
func quotedValue(s string, j int) (value string, end, at int, r error) {
	end, esc, at, r := scanQuoted(s, j)
	if r != nil {
		return "", 0, at, r
	}
	value = s[j+1 : end-1]
	if esc {
		value = unescapeSlow(value)
	}
	return value, end, 0, nil
}

func (p *Parser) paramFault(t0, t1, eq int, err error, st *state) int {
	st.f = fault{off: t0, err: err, site: siteParamStart, t0: t0, t1: t1, eq: eq}
	return -1
}

func (p *Parser) valueFault(off int, err error, t0, t1, eq, v0 int, st *state) int {
	st.f = fault{off: off, err: err, site: siteValue, t0: t0, t1: t1, eq: eq, v0: v0}
	return -1
}

// addParam adds the parameter name=value, whose name is at t0, to the
// current challenge or list, after checking the limit and that the name is
// new (decision 6).
func (p *Parser) addParam(name, value string, t0 int, st *state) bool {
	list := p.list(st)
	if len(*list)-st.p0 >= st.lim.MaxParams {
		// siteAdd: lenient recovery drops a duplicate even past the limit.
		st.f = fault{off: t0, err: &LimitError{What: "parameters", Limit: st.lim.MaxParams}, site: siteAdd, t0: t0}
		return false
	}
	bit := nameBit(name)
	if st.names&bit != 0 || len(*list)-st.p0 >= dupScan {
		if p.hasParam(name, st) {
			st.f = fault{off: t0, err: dupError{}, site: siteAdd, t0: t0}
			return false
		}
	}
	*list = append(*list, Param{Name: name, Value: value})
	st.names |= bit
	st.pos = posParams
	st.seps, st.empties = 0, 0
	return true
}

// nameBit returns the bit of the name's length and first letter in a
// 64-bit set: names that EqualFold calls equal have the same bit, so a
// parameter whose bit is not in the set of the list's names is new.
func nameBit(name string) uint64 {
	return 1 << ((uint(len(name))*7 + uint(name[0]|0x20)) & 63)
}

// afterValue checks what follows the value s[v0:v1] when it is not a
// comma: OWS, then a comma or the end of the line.
func (p *Parser) afterValue(s string, v0, v1 int, st *state) int {
	k := skipOWS(s, v1)
	if k >= len(s) || s[k] == ',' {
		return k
	}
	st.f = fault{off: k, err: byteReason(s, k, errExpectComma), site: siteAfter, v0: v0, v1: v1}
	return -1
}

// newChallenge starts a challenge (or the credentials) named scheme at the
// end of p.cs, reusing the storage of a previous element beyond its length.
func (p *Parser) newChallenge(scheme string, st *state) {
	p.resetIndex()
	n := len(p.cs)
	if n >= p.hw {
		p.hw = n + 1
	}
	if n < cap(p.cs) {
		p.cs = p.cs[:n+1]
		c := &p.cs[n]
		c.Scheme, c.Token68, c.Params = scheme, "", c.Params[:0]
	} else {
		p.cs = append(p.cs, Challenge{Scheme: scheme})
	}
	st.p0 = 0
	st.names = 0
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

// fail ends a parse with a *SyntaxError, keeping the challenges complete
// before it in challenge mode and nothing in the other modes.
func (p *Parser) fail(st *state, off int, err error) error {
	p.endWarnings(st)
	switch st.m {
	case modeChallenges:
		p.cs = p.cs[:st.keep]
	case modeCredentials:
		p.cs = p.cs[:0]
	}
	return &SyntaxError{Line: st.ln, Offset: off, Err: err}
}
