package httpauth

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
