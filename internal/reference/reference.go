// Package reference is a slow parser of the HTTP authentication fields,
// written straight from the ABNF of RFC 9110 sections 5.6 and 11 as a plain
// recursive-descent parser. It exists to be the oracle of the differential
// fuzz targets of package httpauth: it shares no code with the root lexer and
// parser (no character tables, no scanner), only the value and error types,
// and it favours being obviously right over being fast. Do not use it
// outside tests.
//
// It implements the strict grammar decisions 1-12 of DESIGN.md and the
// default Limits:
//
//	challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//	credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//	auth-scheme = token
//	auth-param  = token BWS "=" BWS ( token / quoted-string )
//	token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
//	#element    => [ element ] *( OWS "," OWS [ element ] )
//
// Empty elements are counted as the #rule defines them: n separators in a
// row (a line boundary is one) hold n-1 empty elements between two
// elements, n at the start or the end of the field, n+1 in a field of only
// separators.
//
// Where DESIGN.md leaves a choice, the reference makes the fast parser's,
// so that the differential targets compare what matters:
//
//   - error offsets: a malformed element at the first byte that cannot
//     continue it; a control character (not HTAB) or obs-text that the
//     parser reads after a token68 run, or after a token that is about
//     to be rejected as a second credentials, after a comma before the
//     credentials or past the challenges limit, at that byte; an
//     unterminated quoted-string (or one ending in "") at its opening
//     quote; a line over MaxLineBytes at offset MaxLineBytes; a
//     separator between two field lines at offset 0 of the second line; an
//     empty element over the limit at the end of the field at the end of
//     the raw last line;
//   - order: a param's value is read before the params limit and the
//     duplicate are checked (both reported at the param's name); the
//     challenges limit is checked at the new scheme; too many empty
//     elements comes before ErrEmpty;
//   - partial challenges (decision 12): a challenge with params is
//     complete when the next scheme is read, a token68 or a bare scheme as
//     soon as it is read (it cannot take params); an error drops only an
//     incomplete one;
//   - credentials: a comma before the scheme is an error (credentials is
//     not a list), reported after those of what follows it: too many empty
//     elements, an empty value, a missing scheme or a param without one.
package reference

import (
	"errors"
	"strconv"

	"github.com/authwire/httpauth"
)

// Default limits of DESIGN.md ("Limits and safety").
const (
	defaultMaxLineBytes     = 16 << 10
	defaultMaxChallenges    = 64
	defaultMaxParams        = 256
	defaultMaxEmptyElements = 16
)

// ParseChallenges parses the field lines of a WWW-Authenticate or
// Proxy-Authenticate field (#challenge). On error it returns the challenges
// completed before the error (decision 12) and a *httpauth.SyntaxError.
//
// A challenge that takes params is complete when the scheme of the next
// challenge has been read; a token68 or a bare scheme, which take none, as
// soon as they are read (`Negotiate abc, =x` returns Negotiate with the
// error).
func ParseChallenges(lim httpauth.Limits, lines ...string) (cs []httpauth.Challenge, err error) {
	p := newParser(lim, lines)
	defer func() {
		cs = p.out
		if err != nil {
			cs = p.out[:p.done]
		}
	}()
	defer p.recover(&err)
	p.challenges()
	return p.out, nil
}

// ParseCredentials parses an Authorization or Proxy-Authorization value
// (exactly one credentials). On error it returns the zero Credentials.
func ParseCredentials(lim httpauth.Limits, value string) (c httpauth.Credentials, err error) {
	p := newParser(lim, []string{value})
	defer func() {
		if err != nil {
			c = httpauth.Credentials{}
		}
	}()
	defer p.recover(&err)
	return p.credentials(), nil
}

// ParseParams parses the field lines of an Authentication-Info or
// Proxy-Authentication-Info field (#auth-param). On error it returns nil.
func ParseParams(lim httpauth.Limits, lines ...string) (ps httpauth.Params, err error) {
	p := newParser(lim, lines)
	defer func() {
		if err != nil {
			ps = nil
		}
	}()
	defer p.recover(&err)
	return p.paramsField(), nil
}

// ---- character classes, one function per ABNF rule (RFC 5234, RFC 9110) ----

func isALPHA(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }
func isDIGIT(c byte) bool { return '0' <= c && c <= '9' }

// VCHAR = %x21-7E
func isVCHAR(c byte) bool { return 0x21 <= c && c <= 0x7E }

// obs-text = %x80-FF
func isObsText(c byte) bool { return c >= 0x80 }

// OWS = *( SP / HTAB )
func isWS(c byte) bool { return c == ' ' || c == '\t' }

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
//
//	"^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
func isTchar(c byte) bool {
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return isDIGIT(c) || isALPHA(c)
}

// token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
func isToken68Char(c byte) bool {
	switch c {
	case '-', '.', '_', '~', '+', '/':
		return true
	}
	return isALPHA(c) || isDIGIT(c)
}

// qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
func isQdtext(c byte) bool {
	return c == '\t' || c == ' ' || c == 0x21 || 0x23 <= c && c <= 0x5B || 0x5D <= c && c <= 0x7E || isObsText(c)
}

// quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ): the byte after "\".
func isQuotedPairChar(c byte) bool { return c == '\t' || c == ' ' || isVCHAR(c) || isObsText(c) }

// ---- errors ----

// Reasons of syntax errors. Only the sentinels (ErrLimit, ErrDuplicateParam,
// ErrEmpty) are meant to match the fast parser's; the text is our own.
var (
	errExpectScheme   = errors.New("reference: expected an auth-scheme")
	errParamNoScheme  = errors.New("reference: auth-param outside a challenge that takes params")
	errSchemeSep      = errors.New("reference: auth-scheme not followed by SP, ',' or end")
	errTabAfterScheme = errors.New("reference: HTAB after auth-scheme")
	errExpectName     = errors.New("reference: expected an auth-param name")
	errExpectEquals   = errors.New("reference: expected '='")
	errExpectValue    = errors.New("reference: expected a token or quoted-string")
	errExpectSep      = errors.New("reference: expected ',' or end")
	errExpectEnd      = errors.New("reference: expected the end of the credentials")
	errLeadingComma   = errors.New("reference: ',' before the credentials")
	errSecondCreds    = errors.New("reference: a second credentials")
	errUnterminated   = errors.New("reference: unterminated quoted-string")
	errQuotedPair     = errors.New("reference: invalid quoted-pair")
	errQdtext         = errors.New("reference: byte not allowed in a quoted-string")
	errBadByte        = errors.New("reference: control character or obs-text outside a quoted-string")
)

type dupError struct{}

func (dupError) Error() string { return "reference: duplicate auth-param name" }
func (dupError) Unwrap() error { return httpauth.ErrDuplicateParam }

type emptyError struct{}

func (emptyError) Error() string { return "reference: empty credentials" }
func (emptyError) Unwrap() error { return httpauth.ErrEmpty }

type limitError struct {
	what  string
	limit int
}

func (e limitError) Error() string {
	return "reference: more than " + strconv.Itoa(e.limit) + " " + e.what
}
func (e limitError) Unwrap() error { return httpauth.ErrLimit }

// failure carries a syntax error from deep in the descent to the entry
// point, which recovers it.
type failure struct{ err *httpauth.SyntaxError }

// ---- the parser ----

type limits struct{ lineBytes, challenges, params, empties int }

func pick(v, def int) int {
	if v == 0 {
		return def
	}
	if v < 0 {
		return int(^uint(0) >> 1)
	}
	return v
}

type parser struct {
	lim limits

	raw   []string // field lines as given
	lines []string // the same less trailing OWS (decision 9)
	ln    int      // current line
	off   int      // current offset in lines[ln]

	// Empty list elements (RFC 9110 section 5.6.1). seps counts the
	// separators since the last element; afterElem tells whether an
	// element comes before them; empties counts the empty elements
	// confirmed in a row.
	seps      int
	afterElem bool
	empties   int

	out  []httpauth.Challenge // challenges read
	done int                  // how many of them are complete (decision 12)
}

func newParser(lim httpauth.Limits, lines []string) *parser {
	p := &parser{
		lim: limits{
			lineBytes:  pick(lim.MaxLineBytes, defaultMaxLineBytes),
			challenges: pick(lim.MaxChallenges, defaultMaxChallenges),
			params:     pick(lim.MaxParams, defaultMaxParams),
			empties:    pick(lim.MaxEmptyElements, defaultMaxEmptyElements),
		},
		raw: lines,
	}
	for _, l := range lines {
		n := len(l)
		for n > 0 && isWS(l[n-1]) {
			n--
		}
		p.lines = append(p.lines, l[:n])
	}
	if len(p.lines) == 0 {
		p.raw, p.lines = []string{""}, []string{""}
	}
	return p
}

func (p *parser) recover(err *error) {
	if r := recover(); r != nil {
		f, ok := r.(failure)
		if !ok {
			panic(r)
		}
		*err = f.err
	}
}

func (p *parser) failAt(ln, off int, err error) {
	panic(failure{&httpauth.SyntaxError{Line: ln, Offset: off, Err: err}})
}

func (p *parser) fail(err error) { p.failAt(p.ln, p.off, err) }

// ---- cursor ----

func (p *parser) line() string    { return p.lines[p.ln] }
func (p *parser) lastLine() bool  { return p.ln == len(p.lines)-1 }
func (p *parser) atLineEnd() bool { return p.off >= len(p.line()) }
func (p *parser) atEnd() bool     { return p.lastLine() && p.atLineEnd() }

// peek returns the current byte of the current line; ok is false at the
// end of the line.
func (p *parser) peek() (c byte, ok bool) {
	if p.atLineEnd() {
		return 0, false
	}
	return p.line()[p.off], true
}

// atSep reports whether a list separator is next: a ',' or the boundary
// between two field lines, which counts as the ", " they are joined with
// (decision 1).
func (p *parser) atSep() bool {
	if c, ok := p.peek(); ok {
		return c == ','
	}
	return !p.lastLine()
}

// checkLine applies the bytes-per-line limit to the current line; the error
// offset is the first byte past the limit.
func (p *parser) checkLine() {
	if len(p.raw[p.ln]) > p.lim.lineBytes {
		p.failAt(p.ln, p.lim.lineBytes, limitError{"bytes in a field line", p.lim.lineBytes})
	}
}

// ows skips OWS in the current line.
func (p *parser) ows() {
	for {
		c, ok := p.peek()
		if !ok || !isWS(c) {
			return
		}
		p.off++
	}
}

// token reads 1*tchar; it returns "" (and reads nothing) if there is none.
func (p *parser) token() string {
	start := p.off
	for {
		c, ok := p.peek()
		if !ok || !isTchar(c) {
			break
		}
		p.off++
	}
	return p.line()[start:p.off]
}

// quotedString reads a quoted-string at the current '"' and returns its
// value with the quoted-pairs replaced by the octet they stand for
// (decision 11). A quoted-string never spans two field lines.
func (p *parser) quotedString() string {
	open := p.off
	s := p.line()
	var v []byte
	i := open + 1
	for {
		if i >= len(s) {
			p.failAt(p.ln, open, errUnterminated)
		}
		c := s[i]
		switch {
		case c == '"':
			p.off = i + 1
			return string(v)
		case c == '\\':
			if i+1 >= len(s) {
				p.failAt(p.ln, open, errUnterminated)
			}
			if !isQuotedPairChar(s[i+1]) {
				p.failAt(p.ln, i+1, errQuotedPair)
			}
			v = append(v, s[i+1])
			i += 2
		case isQdtext(c):
			v = append(v, c)
			i++
		default:
			p.failAt(p.ln, i, errQdtext)
		}
	}
}

// ---- lists ----

// element records that a non-empty list element starts.
func (p *parser) element() {
	p.seps, p.empties, p.afterElem = 0, 0, true
}

// separator consumes the separator at the cursor: a ',' or a line
// boundary. The slot it closes is an empty element when no element was read
// since the previous separator (or since the start of the field). Passing
// the limit is reported at the ',' or, for a line boundary, at offset 0 of
// the next line.
func (p *parser) separator() {
	empty := p.seps > 0 || !p.afterElem
	p.seps++
	ln, off := p.ln, p.off
	if _, ok := p.peek(); ok {
		p.off++ // ','
	} else {
		p.ln, p.off = p.ln+1, 0
		p.checkLine()
		ln, off = p.ln, 0
	}
	if empty {
		p.empties++
		if p.empties > p.lim.empties {
			p.failAt(ln, off, limitError{"empty list elements in a row", p.lim.empties})
		}
	}
}

// skipSeps skips OWS and separators (the empty elements of a list).
func (p *parser) skipSeps() {
	for {
		p.ows()
		if !p.atSep() {
			return
		}
		p.separator()
	}
}

// endList is called at the end of the field: a separator before it leaves
// an empty element after it. Passing the limit there is reported at the end
// of the last field line, trailing OWS included.
func (p *parser) endList() {
	if p.seps > 0 {
		p.empties++
		if p.empties > p.lim.empties {
			p.failAt(p.ln, len(p.raw[p.ln]), limitError{"empty list elements in a row", p.lim.empties})
		}
	}
}

// startsParam reports whether the cursor is at "token BWS =", without
// moving it (decision 2).
func (p *parser) startsParam() bool {
	ln, off := p.ln, p.off
	defer func() { p.ln, p.off = ln, off }()
	if p.token() == "" {
		return false
	}
	p.ows()
	c, ok := p.peek()
	return ok && c == '='
}

// checkAfterToken is called where a token that is not a parameter's name
// is about to be rejected for a reason located at the token (a second
// credentials, a comma before them, too many challenges): if the byte
// after the token and its OWS, which told it from a parameter's name, may
// stand nowhere outside a quoted-string (a CTL but HTAB, or obs-text), that
// byte is the error.
func (p *parser) checkAfterToken() {
	ln, off := p.ln, p.off
	p.token()
	p.ows()
	if c, ok := p.peek(); ok && isBadByte(c) {
		p.fail(errBadByte)
	}
	p.ln, p.off = ln, off
}

// isBadByte reports whether c may stand nowhere in a field outside a
// quoted-string: a CTL other than HTAB, or obs-text.
func isBadByte(c byte) bool { return c < 0x20 && c != '\t' || c == 0x7F || isObsText(c) }

// param reads one auth-param and appends it to ps, checking the limit and
// duplicates against ps[p0:]. It requires a separator or the end after it.
//
//	auth-param = token BWS "=" BWS ( token / quoted-string )
func (p *parser) param(ps httpauth.Params, p0 int) httpauth.Params {
	ln, start := p.ln, p.off
	name := p.token()
	if name == "" {
		p.fail(errExpectName)
	}
	p.ows()
	if c, ok := p.peek(); !ok || c != '=' {
		p.fail(errExpectEquals)
	}
	p.off++
	p.ows()
	var value string
	c, ok := p.peek()
	switch {
	case ok && c == '"':
		value = p.quotedString()
	case ok && isTchar(c):
		value = p.token()
	default:
		p.fail(errExpectValue)
	}
	// The limit and the duplicate are reported at the name, once the
	// param has been read (as the fast parser does).
	if len(ps)-p0 >= p.lim.params {
		p.failAt(ln, start, limitError{"parameters", p.lim.params})
	}
	for _, q := range ps[p0:] {
		if asciiEqualFold(q.Name, name) {
			p.failAt(ln, start, dupError{})
		}
	}
	ps = append(ps, httpauth.Param{Name: name, Value: value})
	p.element()
	p.ows()
	if !p.atSep() && !p.atEnd() {
		p.fail(errExpectSep)
	}
	return ps
}

// asciiEqualFold compares ASCII case-insensitively (decision 5).
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	lower := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

// tryToken68 reads a token68 if the text up to the next separator (or the
// end), less OWS, is one (decision 3). Otherwise it reads nothing.
func (p *parser) tryToken68() (string, bool) {
	start := p.off
	for {
		c, ok := p.peek()
		if !ok || !isToken68Char(c) {
			break
		}
		p.off++
	}
	if p.off == start {
		return "", false
	}
	for {
		c, ok := p.peek()
		if !ok || c != '=' {
			break
		}
		p.off++
	}
	end := p.off
	p.ows()
	if p.atSep() || p.atEnd() {
		return p.line()[start:end], true
	}
	if c, _ := p.peek(); isBadByte(c) {
		// The byte that ended the token68 is the error.
		p.fail(errBadByte)
	}
	p.off = start
	return "", false
}

// authParams reads the #auth-param of a challenge or credentials, the
// cursor being just after "auth-scheme 1*SP". The list ends at the end of
// the field or before a non-empty element that is not an auth-param (it
// then belongs to the enclosing list).
func (p *parser) authParams(ps httpauth.Params) httpauth.Params {
	p0 := len(ps)
	if !p.atSep() && !p.atEnd() {
		// The first element directly follows the scheme's space: it
		// can only be an auth-param.
		ps = p.param(ps, p0)
	}
	for {
		p.skipSeps()
		if p.atEnd() || !p.startsParam() {
			return ps
		}
		ps = p.param(ps, p0)
	}
}

// authScheme reads the auth-scheme of a challenge or credentials, and the
// 1*SP after it; it reports whether the SP is there (data follows).
func (p *parser) authScheme() (scheme string, data bool) {
	scheme = p.token()
	c, ok := p.peek()
	switch {
	case !ok || c == ',':
		return scheme, false
	case c == '\t':
		p.fail(errTabAfterScheme) // decision 9
	case c != ' ':
		p.fail(errSchemeSep)
	}
	p.ows() // 1*SP, then any OWS
	return scheme, true
}

// ---- the three fields ----

// challenges parses #challenge.
func (p *parser) challenges() {
	p.checkLine()
	for {
		p.skipSeps()
		if p.atEnd() {
			p.endList()
			return
		}
		start := p.off
		c, _ := p.peek()
		if !isTchar(c) {
			p.fail(errExpectScheme)
		}
		if p.startsParam() {
			// An auth-param after a bare scheme, a token68 or at the
			// start (decision 4: `Basic, realm="x"` is an error).
			p.fail(errParamNoScheme)
		}
		p.done = len(p.out)
		if len(p.out) >= p.lim.challenges {
			p.checkAfterToken()
			p.failAt(p.ln, start, limitError{"challenges", p.lim.challenges})
		}
		p.element()
		scheme, data := p.authScheme()
		ch := httpauth.Challenge{Scheme: scheme}
		if data {
			if t, ok := p.tryToken68(); ok {
				ch.Token68 = t
			} else {
				ch.Params = p.authParams(nil)
			}
		}
		p.out = append(p.out, ch)
		if !data || ch.Token68 != "" {
			// A token68 or a scheme alone takes no params: complete.
			p.done = len(p.out)
		}
	}
}

// credentials parses exactly one credentials (decision 10). Like the fast
// parser, it skips empty elements before the scheme; an empty value is
// ErrEmpty (decision 8).
func (p *parser) credentials() httpauth.Credentials {
	p.checkLine()
	// credentials is not a list: a comma before the scheme is an error
	// (after the errors of what follows it, which come first).
	p.ows()
	comma, off := p.atSep() && !p.atLineEnd(), p.off
	p.skipSeps()
	if p.atEnd() {
		// Too many empty elements is the first error, as everywhere.
		p.endList()
		p.failAt(0, 0, emptyError{})
	}
	c, _ := p.peek()
	if !isTchar(c) {
		p.fail(errExpectScheme)
	}
	if p.startsParam() {
		p.fail(errParamNoScheme)
	}
	if comma {
		p.checkAfterToken()
		p.failAt(0, off, errLeadingComma)
	}
	p.element()
	scheme, data := p.authScheme()
	cr := httpauth.Credentials{Scheme: scheme}
	if data {
		if t, ok := p.tryToken68(); ok {
			cr.Token68 = t
		} else {
			cr.Params = p.authParams(nil)
			// Trailing commas after params are empty elements; any
			// other element is a second credentials.
			if !p.atEnd() {
				p.checkAfterToken()
				p.fail(errSecondCreds)
			}
			p.endList()
			return cr
		}
	}
	// After a bare scheme or a token68 nothing may follow, not even a
	// comma.
	if !p.atEnd() {
		p.fail(errExpectEnd)
	}
	return cr
}

// paramsField parses #auth-param.
func (p *parser) paramsField() httpauth.Params {
	p.checkLine()
	var ps httpauth.Params
	for {
		p.skipSeps()
		if p.atEnd() {
			p.endList()
			return ps
		}
		ps = p.param(ps, 0)
	}
}
