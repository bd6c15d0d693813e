package httpauth

// Lenient recovery is a layer over the strict grammar: parse calls recover
// only at a fault of the grammar, and recover decides from that fault (what
// the grammar was reading, and where) whether a deviation that real senders
// make explains it. If one does, it records a Warning, reads what the
// sender meant, and hands the parse back to the grammar; otherwise it
// skips the malformed challenge (or, in an Authentication-Info list, the
// parameter) up to the next element, with a warning. Limits are never
// relaxed, and no part of credentials is ever skipped: which part of a
// malformed Authorization value a server would use is how smuggled
// credentials get through.

// recover handles the fault st.f found in the line s. It returns the
// offset where the element loop goes on, or -1 when the fault stands, with
// st.f the error to report.
func (p *Parser) recover(s string, st *state) int {
	for {
		f := st.f
		var i int
		switch f.site {
		case siteStart:
			if isFold(s, f.off) && p.allows(WarnObsFold) {
				// obs-fold where OWS may stand: read as whitespace.
				p.warn(st, f.off, WarnObsFold)
				i = skipOWS(s, f.off+2)
				if st.pos == posFirst {
					// Still right after "auth-scheme SP": the token68
					// test comes after the whitespace.
					return p.schemeData(s, i, st)
				}
				return i
			}
			i = p.skip(s, st)
		case siteSchemeSep:
			switch c := s[f.off]; {
			case c == '\t' && p.allows(WarnTabAfterScheme):
				p.warn(st, f.off, WarnTabAfterScheme)
				return p.schemeData(s, f.off, st)
			case c == ';' && p.allows(WarnSemicolonAfterScheme):
				p.warn(st, f.off, WarnSemicolonAfterScheme)
				return p.schemeData(s, f.off+1, st)
			case isFold(s, f.off) && p.allows(WarnObsFold):
				p.warn(st, f.off, WarnObsFold)
				return p.schemeData(s, f.off+2, st)
			}
			i = p.skip(s, st)
		case siteToken68:
			if k := p.foldAfterToken68(s, st); k >= 0 {
				return k
			}
			// Data after the scheme that is neither a token68 nor
			// a parameter list.
			st.pos = posFirst
			i = p.skip(s, st)
		case siteParamStart:
			i = p.recoverParamStart(s, st)
		case siteValue:
			i = p.lenientParam(s, f.t0, f.t1, f.eq, st)
		case siteAdd:
			i = p.recoverAdd(s, st)
		case siteAfter:
			lastVal := f.v0
			if s[f.v0] == '"' {
				lastVal = -1
			}
			i = p.lenientAfter(s, f.v0, f.v1, lastVal, false, st)
		case siteName:
			i = p.skip(s, st)
		default: // siteLimit, siteScheme
			return -1
		}
		if i != retry {
			return i
		}
	}
}

// retry is what a recovery returns when the grammar it handed the parse
// back to found another fault, now in st.f.
const retry = -2

// grammar turns the result of a grammar function into a recovery's result.
func grammar(i int) int {
	if i < 0 {
		return retry
	}
	return i
}

// skip handles a fault that no recovery of its own explains, keeping what
// was complete before it:
//
//   - in a challenge that takes parameters, or an Authentication-Info
//     list, the malformed parameter (or the text where a comma must be) is
//     skipped up to the next comma, and the parameters before and after it
//     are kept (WarnSkippedParam);
//   - right after "auth-scheme SP", a token68 followed by parameters
//     (`Basic 2932ff== realm="x"`) keeps its token68 and drops the
//     parameters (WarnStrayParam);
//   - otherwise the malformed challenge is dropped, with the parameters
//     that follow it up to the next auth-scheme (WarnSkippedChallenge);
//   - credentials are not skipped: data that is neither a token68 nor a
//     parameter list is kept whole as an opaque value
//     (WarnOpaqueCredentials), anything else is an error.
//
// It returns the offset of the next comma that is not inside a
// quoted-string, or the end of the line, or -1 when the fault stands.
func (p *Parser) skip(s string, st *state) int {
	f := st.f
	start := f.off // where the malformed element starts
	param := false // whether it has the shape of a parameter
	switch f.site {
	case siteName, siteParamStart, siteToken68:
		start = f.t0
	case siteValue, siteAdd:
		start, param = f.t0, true
	case siteAfter:
		param = true
	}
	switch {
	case st.m == modeCredentials:
		if st.pos == posFirst && p.allows(WarnOpaqueCredentials) {
			return p.opaque(s, start, st)
		}
		return -1
	case st.pos == posSkip:
		// The challenge is being skipped already.
		return skipToComma(s, f.off)
	}
	if st.pos == posFirst && p.allows(WarnStrayParam) {
		if end, k, ok := token68ThenParam(s, start); ok {
			p.cs[len(p.cs)-1].Token68 = s[start:end]
			st.keep = len(p.cs)
			p.warn(st, k, WarnStrayParam)
			return p.dropChallenge(s, k, st)
		}
	}
	if (st.pos == posParams || (st.pos == posFirst && param)) && p.allows(WarnSkippedParam) {
		p.warnErr(st, f.off, WarnSkippedParam, f.err)
		st.pos = posParams
		return skipToComma(s, f.off)
	}
	if st.m != modeChallenges || !p.allows(WarnSkippedChallenge) {
		return -1
	}
	p.warnErr(st, f.off, WarnSkippedChallenge, f.err)
	return p.dropChallenge(s, f.off, st)
}

// dropChallenge drops the current challenge if it is incomplete, and the
// parameters that follow it up to the next auth-scheme (position posSkip),
// and returns the offset of the next comma after i.
func (p *Parser) dropChallenge(s string, i int, st *state) int {
	p.cs = p.cs[:st.keep]
	st.pos = posSkip
	return skipToComma(s, i)
}

// skipToComma returns the offset of the next comma after i that is not
// inside a quoted-string, or the end of the line.
func skipToComma(s string, i int) int {
	for i < len(s) && s[i] != ',' {
		if s[i] == '"' {
			if end, _, _, _, _, r := scanQuotedLenient(s, i, true, true); r == nil {
				i = end
				continue
			}
		}
		i++
	}
	return i
}

// token68ThenParam reports whether s at i holds a token68, whitespace and
// a parameter ("2932ff== realm=x"), and returns the end of the token68 and
// the offset of the parameter.
func token68ThenParam(s string, i int) (end, param int, ok bool) {
	end, param, _ = token68At(s, i)
	if end == i || param == end {
		return 0, 0, false
	}
	t := scanToken(s, param)
	if t == param {
		return 0, 0, false
	}
	if e := skipOWS(s, t); e >= len(s) || s[e] != '=' {
		return 0, 0, false
	}
	return end, param, true
}

// opaque reads the credentials data from start to the end of the value,
// which is neither a token68 nor a parameter list (`SharedKey
// account:signature`, the shape of shared-key and legacy signature
// schemes), as one opaque value in Token68, unless it holds a control
// character.
func (p *Parser) opaque(s string, start int, st *state) int {
	for i := start; i < len(s); i++ {
		if c := s[i]; classes[c]&cCTL != 0 && c != '\t' {
			return -1
		}
	}
	p.warn(st, start, WarnOpaqueCredentials)
	c := &p.cs[len(p.cs)-1]
	c.Token68 = s[start:]
	st.pos = posToken68
	return len(s)
}

// foldAfterToken68 reads, when the fault st.f is an obs-fold after a
// token68 run, the fold as whitespace: if a comma or the end of the line
// follows it, the token68 stands. It returns the offset after the token68
// and its whitespace, or -1.
func (p *Parser) foldAfterToken68(s string, st *state) int {
	f := st.f
	if !p.allows(WarnObsFold) {
		return -1
	}
	k := f.off
	for isFold(s, k) {
		k = skipOWS(s, k+2)
	}
	if k == f.off || (k < len(s) && s[k] != ',') {
		return -1
	}
	p.warn(st, f.off, WarnObsFold)
	p.cs[len(p.cs)-1].Token68 = s[f.t0:f.v1]
	st.keep = len(p.cs)
	st.pos = posToken68
	return k
}

// recoverParamStart handles a parameter where the position takes none.
func (p *Parser) recoverParamStart(s string, st *state) int {
	f := st.f
	switch {
	case st.m == modeCredentials:
		return -1
	case st.pos == posSkip:
		// A parameter of a dropped challenge: read it, drop it.
		return p.lenientParam(s, f.t0, f.t1, f.eq, st)
	case st.pos == posBare && p.allows(WarnCommaAfterScheme):
		// "Basic, realm=x": the comma right after the scheme. The
		// parameter belongs to that challenge, which takes parameters
		// again and is complete only when the next one starts.
		at := f.t0
		if st.bareAt >= 0 && st.bareLn == st.ln {
			at = st.bareAt
		}
		p.warn(st, at, WarnCommaAfterScheme)
		st.pos = posParams
		st.keep = len(p.cs) - 1
		return grammar(p.param(s, f.t0, f.t1, f.eq, st))
	case st.pos == posToken68 && p.allows(WarnStrayParam):
		// The token68 challenge is complete: keep it, drop the stray
		// parameters.
		p.warn(st, f.off, WarnStrayParam)
		st.keep = len(p.cs)
		return p.dropChallenge(s, f.off, st)
	}
	return p.skip(s, st)
}

// lenientParam reads, with the recoveries of lenient mode, the value of
// the parameter whose name is s[t0:t1] and whose "=" is at eq, adds the
// parameter, and goes on after its value. In position posSkip the
// parameter belongs to a dropped challenge: it is read and dropped.
func (p *Parser) lenientParam(s string, t0, t1, eq int, st *state) int {
	skipping := st.pos == posSkip
	name := s[t0:t1]
	// A duplicate is found before the value, so that its warning comes
	// first; the first one wins.
	dup := !skipping && st.m != modeCredentials && p.allows(WarnDuplicateParam) && p.hasParam(name, st)
	if dup {
		p.warn(st, t0, WarnDuplicateParam)
	}
	j := skipOWS(s, eq+1)
	if j >= len(s) {
		st.f = fault{off: j, err: errExpectValue, site: siteValue, t0: t0}
		return p.skip(s, st)
	}
	var value string
	v1, lastVal := 0, j
	switch c := s[j]; {
	case c == '"':
		end, esc, closed, fold, at, r := scanQuotedLenient(s, j, p.allows(WarnObsFold), p.allows(WarnUnterminatedQuote))
		if r != nil {
			st.f = fault{off: at, err: r, site: siteValue, t0: t0}
			return p.skip(s, st)
		}
		if closed {
			value = unescape(s[j+1:end-1], esc)
		} else {
			p.warn(st, j, WarnUnterminatedQuote)
			value = unescape(s[j+1:end], esc)
		}
		if fold >= 0 {
			p.warn(st, fold, WarnObsFold)
		}
		v1, lastVal = end, -1
	case classes[c]&cTchar != 0:
		v1 = scanToken(s, j)
		value = s[j:v1]
	case isLoose(c) && c != '=' && p.allows(WarnLooseValue):
		// Not "=": "realm="x", 2932ff==" is not a parameter named
		// after a token68.
		v1 = scanLoose(s, j)
		p.warn(st, j, WarnLooseValue)
		value = s[j:v1]
	default:
		st.f = fault{off: j, err: byteReason(s, j, errExpectValue), site: siteValue, t0: t0}
		return p.skip(s, st)
	}
	drop := skipping || dup
	if dup {
		st.pos = posParams
		st.seps, st.empties = 0, 0
	}
	if !drop && !p.addParam(name, value, t0, st) {
		return -1 // a limit, or a duplicate in credentials
	}
	if drop {
		lastVal = -1
	}
	return p.lenientAfter(s, j, v1, lastVal, drop, st)
}

// recoverAdd handles a parameter that could not be added: a duplicate is
// dropped (the first one wins), also when it is past the limit of
// parameters, since it adds none. Credentials keep rejecting duplicates.
func (p *Parser) recoverAdd(s string, st *state) int {
	f := st.f
	if st.m == modeCredentials || !p.allows(WarnDuplicateParam) || !p.hasParam(s[f.t0:f.t1], st) {
		return -1
	}
	p.warn(st, f.t0, WarnDuplicateParam)
	st.pos = posParams
	st.seps, st.empties = 0, 0
	return p.lenientAfter(s, f.v0, f.v1, -1, true, st)
}

// lenientAfter goes on after the value s[v0:v1] of the last parameter,
// where OWS and then a comma or the end of the line must follow, applying
// the recoveries of lenient mode. lastVal is v0 when the value is unquoted
// and was added (it may then run on over spaces), else -1; drop tells that
// the parameter was not added.
func (p *Parser) lenientAfter(s string, v0, v1, lastVal int, drop bool, st *state) int {
	if (lastVal >= 0 || (drop && s[v0] != '"')) && p.allows(WarnLooseValue) {
		// An unquoted value holding characters outside token
		// ("Credential=AK/2015/us-east-1"): it runs on up to the next
		// comma or space.
		if k := scanLoose(s, v1); k > v1 {
			p.warn(st, v1, WarnLooseValue)
			if !drop {
				p.setLastValue(s[v0:k], st)
			}
			v1 = k
		}
	}
	i := v1
	for {
		i = skipOWS(s, i)
		if i >= len(s) || s[i] == ',' {
			return i
		}
		if isFold(s, i) && p.allows(WarnObsFold) {
			p.warn(st, i, WarnObsFold)
			i += 2
			continue
		}
		if st.pos == posSkip {
			return skipToComma(s, i)
		}
		if s[i] == ';' && p.allows(WarnSemicolonSeparator) {
			p.warn(st, i, WarnSemicolonSeparator)
			if !p.comma(i, st) {
				return -1
			}
			return i + 1
		}
		if p.missingComma(s, i, st) {
			return i
		}
		if end, ok := p.spaceInValue(s, i, v1, lastVal, st); ok {
			i, v1 = end, end
			continue
		}
		st.f = fault{off: i, err: byteReason(s, i, errExpectComma), site: siteAfter}
		return p.skip(s, st)
	}
}

// missingComma reports whether the text at s[i], where a comma must come,
// starts a parameter ("a=b c=d": a missing comma) or, in a challenge list,
// a challenge with a parameter ("Basic realm=x Bearer realm=y"), and warns
// if so.
func (p *Parser) missingComma(s string, i int, st *state) bool {
	if classes[s[i]]&cTchar == 0 {
		return false
	}
	t := scanToken(s, i)
	k := skipOWS(s, t)
	if k < len(s) && s[k] == '=' {
		if !p.allows(WarnMissingComma) {
			return false
		}
		p.warn(st, i, WarnMissingComma)
		return true
	}
	if st.m == modeChallenges && p.allows(WarnMissingCommaScheme) && k > t && s[t] == ' ' && k < len(s) && classes[s[k]]&cTchar != 0 {
		if e := skipOWS(s, scanToken(s, k)); e < len(s) && s[e] == '=' {
			p.warn(st, i, WarnMissingCommaScheme)
			return true
		}
	}
	return false
}

// spaceInValue extends the last parameter's unquoted value, which runs
// from lastVal to v1, over the spaces and what follows them at s[i], up to
// the next comma ("realm=gin jwt"), and reports the end of the value. It
// does not extend a value over an obs-fold, which would put CR LF in it.
func (p *Parser) spaceInValue(s string, i, v1, lastVal int, st *state) (int, bool) {
	if lastVal < 0 || i == v1 || !p.allows(WarnSpaceInValue) {
		return 0, false
	}
	for k := lastVal; k < i; k++ {
		if s[k] == '\r' || s[k] == '\n' {
			return 0, false
		}
	}
	end := i
	for k := i; k < len(s) && s[k] != ','; k++ {
		if !isLoose(s[k]) && s[k] != ' ' && s[k] != '\t' {
			return 0, false
		}
		if s[k] != ' ' && s[k] != '\t' {
			end = k + 1
		}
	}
	v := s[lastVal:end]
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' && p.allows(WarnSingleQuotes) {
		// realm='Secure Area': single quotes are not HTTP quotes.
		p.warn(st, lastVal, WarnSingleQuotes)
		v = v[1 : len(v)-1]
	}
	p.warn(st, i, WarnSpaceInValue)
	p.setLastValue(v, st)
	return end, true
}

// setLastValue replaces the value of the parameter added last.
func (p *Parser) setLastValue(v string, st *state) {
	list := *p.list(st)
	list[len(list)-1].Value = v
}

// allows reports whether p may make recoveries of kind k.
func (p *Parser) allows(k WarningKind) bool { return p.Lenient || p.Allow.Has(k) }

// isLoose reports whether c may stand in an unquoted value in lenient mode:
// any VCHAR or obs-text but the delimiters of the list and of
// quoted-strings. AWS Signature V4 sends "/" and ";" this way, SCRAM
// senders base64 padding.
func isLoose(c byte) bool { return classes[c]&cLoose != 0 }

// scanLoose returns the end of the run of isLoose bytes at i.
func scanLoose(s string, i int) int { return scanClass(s, i, cLoose) }

// scanQuotedLenient scans the quoted-string whose opening quote is at i as
// lenient mode reads it: with folds, an obs-fold inside it is whitespace
// (fold is the offset of the first one, or -1); with unterminated, one that
// runs to the end of the line is closed there (closed is false). It is
// built on the strict scanner, which stops at each of these; without the
// recovery, the fault is the strict one.
func scanQuotedLenient(s string, i int, folds, unterminated bool) (end int, escaped, closed bool, fold, at int, r error) {
	open := i
	fold = -1
	i++
	for {
		e, esc, at, r := scanQuotedText(s, i)
		escaped = escaped || esc
		switch {
		case r == nil:
			return e, escaped, true, fold, 0, nil
		case r == errUnterminated && unterminated:
			// A final backslash stays as it is.
			return len(s), escaped || at < len(s), false, fold, 0, nil
		case r == errUnterminated:
			return 0, false, false, -1, open, r
		case r == errCTLInQuoted && folds && isFold(s, at):
			if fold < 0 {
				fold = at
			}
			escaped = true // unescape reads the fold as one SP
			i = at + 3
		default:
			return 0, false, false, -1, at, r
		}
	}
}
