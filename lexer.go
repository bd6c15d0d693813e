package httpauth

import "strings"

// Character classes, one bit per ABNF rule (RFC 9110 sections 5.6 and 11),
// looked up in a 256-entry table so that every byte costs one load.
const (
	// cTchar marks tchar:
	//
	//	tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*"
	//	      / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
	//	      / DIGIT / ALPHA
	cTchar = 1 << iota

	// cT68 marks the characters of token68 before its padding:
	//
	//	token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
	cT68

	// cQdtext marks what may stand unescaped inside a quoted-string:
	//
	//	qdtext   = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
	//	obs-text = %x80-FF
	cQdtext

	// cQpair marks what may follow a backslash in a quoted-string:
	//
	//	quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
	cQpair

	// cOWS marks optional whitespace:
	//
	//	OWS = *( SP / HTAB )
	cOWS

	// cCTL marks the control characters %x00-1F and %x7F. HTAB is one of
	// them, but it is also OWS and qdtext.
	cCTL
)

var classes = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		var m uint8
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			m |= cTchar | cT68
		}
		switch c {
		case '!', '#', '$', '%', '&', '\'', '*', '^', '`', '|':
			m |= cTchar
		case '+', '-', '.', '_', '~':
			m |= cTchar | cT68
		case '/':
			m |= cT68
		}
		if c == '\t' || c == ' ' || c == 0x21 || (0x23 <= c && c <= 0x5B) || (0x5D <= c && c <= 0x7E) || c >= 0x80 {
			m |= cQdtext
		}
		if c == '\t' || (0x20 <= c && c <= 0x7E) || c >= 0x80 {
			m |= cQpair
		}
		if c == ' ' || c == '\t' {
			m |= cOWS
		}
		if c < 0x20 || c == 0x7F {
			m |= cCTL
		}
		t[c] = m
	}
	return t
}()

func isTchar(c byte) bool { return classes[c]&cTchar != 0 }

// IsToken reports whether s is a token (RFC 9110 section 5.6.2): one or
// more tchar.
func IsToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if classes[s[i]]&cTchar == 0 {
			return false
		}
	}
	return true
}

// IsToken68 reports whether s is a token68 (RFC 9110 section 11.2): one or
// more of ALPHA, DIGIT, "-", ".", "_", "~", "+", "/", then any number of "=".
func IsToken68(s string) bool {
	i := 0
	for i < len(s) && classes[s[i]]&cT68 != 0 {
		i++
	}
	if i == 0 {
		return false
	}
	for i < len(s) && s[i] == '=' {
		i++
	}
	return i == len(s)
}

// EqualFold reports whether s and t are equal under ASCII case folding:
// only A-Z and a-z are folded, so "K" (U+212A KELVIN SIGN) does not equal
// "k". This is how auth-schemes and parameter names compare. It does not
// allocate.
func EqualFold(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		a, b := s[i], t[i]
		if a == b {
			continue
		}
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

// isFold reports whether an obs-fold starts at i: CRLF then SP or HTAB.
func isFold(s string, i int) bool {
	return i+2 < len(s) && s[i] == '\r' && s[i+1] == '\n' && (s[i+2] == ' ' || s[i+2] == '\t')
}

// Kind is the kind of a lexer token. Where a token has a fixed first byte,
// the Kind is that byte: '"' for a quoted-string, '=' and ',' for the
// separators, ' ' for whitespace, and the delimiter itself for any other
// delimiter ('/', ';', '(', ...). A token (tchar run) is 'a'. The zero Kind
// is invalid.
type Kind byte

const (
	KindInvalid Kind = 0
	KindToken   Kind = 'a' // token: 1*tchar
	KindQuoted  Kind = '"' // quoted-string, quotes included
	KindSpace   Kind = ' ' // OWS: 1*( SP / HTAB )
	KindEquals  Kind = '=' // "="
	KindComma   Kind = ',' // ","
)

// String returns a short name of the kind: "token", "quoted-string",
// "space", or the delimiter itself in quotes (`"="`, `","`, `"/"`).
func (k Kind) String() string {
	switch k {
	case KindInvalid:
		return "invalid"
	case KindToken:
		return "token"
	case KindQuoted:
		return "quoted-string"
	case KindSpace:
		return "space"
	}
	return `"` + string(rune(k)) + `"`
}

// Lexer splits one field line into tokens. It is a pull lexer:
//
//	var lx httpauth.Lexer
//	lx.Reset(line)
//	for lx.Next() {
//		use(lx.Kind(), lx.Text(), lx.Offset())
//	}
//	if err := lx.Err(); err != nil { ... }
//
// Tokens cover the line without gaps: tchar runs (KindToken),
// quoted-strings with their quotes (KindQuoted), whitespace runs
// (KindSpace), and single delimiter bytes (KindEquals, KindComma, and any
// other of `(),/:;<=>?@[\]{}` as its own Kind). A control character other
// than HTAB anywhere, a byte of %x80-FF outside a quoted-string, an
// unterminated quoted-string or a bad quoted-pair stops the lexer with a
// [*SyntaxError] whose offset points at the fault.
//
// Text returns a substring of the line: the lexer never copies and never
// allocates. A Lexer is a small value; the zero Lexer is an empty line, and
// Reset makes it reusable for another line.
type Lexer struct {
	// immutable for one line
	src  string
	line int

	// scanning state
	start   int  // offset of the current token
	pos     int  // offset after the current token
	kind    Kind // kind of the current token
	escaped bool // the current quoted-string holds a quoted-pair
	err     error
	errOff  int
}

// Reset makes l scan src from its beginning, forgetting any previous line
// and error.
func (l *Lexer) Reset(src string) { l.reset(src, 0) }

func (l *Lexer) reset(src string, line int) {
	*l = Lexer{src: src, line: line}
}

// Next advances to the next token and reports whether there is one. It
// returns false at the end of the line and on an error; Err tells which.
func (l *Lexer) Next() bool {
	if l.err != nil || l.pos >= len(l.src) {
		l.kind = KindInvalid
		return false
	}
	s := l.src
	i := l.pos
	l.start = i
	l.escaped = false
	c := s[i]
	m := classes[c]
	switch {
	case m&cTchar != 0:
		l.kind = KindToken
		l.pos = scanToken(s, i)
	case m&cOWS != 0:
		l.kind = KindSpace
		l.pos = skipOWS(s, i)
	case c == '"':
		end, esc, r, at := scanQuoted(s, i)
		if r != nil {
			return l.fail(r, at)
		}
		l.kind = KindQuoted
		l.pos = end
		l.escaped = esc
	case m&cCTL != 0:
		return l.fail(errCTL, i)
	case c >= 0x80:
		return l.fail(errNonASCII, i)
	default:
		// One of the delimiters "(),/:;<=>?@[\]{}" other than the quote.
		l.kind = Kind(c)
		l.pos = i + 1
	}
	return true
}

func (l *Lexer) fail(r error, at int) bool {
	l.err = r
	l.errOff = at
	l.kind = KindInvalid
	return false
}

// Kind returns the kind of the current token (KindInvalid before the first
// Next and after the last).
func (l *Lexer) Kind() Kind { return l.kind }

// Text returns the current token as a substring of the line. A
// quoted-string keeps its quotes and escapes; see [Unquote].
func (l *Lexer) Text() string { return l.src[l.start:l.pos] }

// Offset returns the byte offset of the current token in the line.
func (l *Lexer) Offset() int { return l.start }

// Escaped reports whether the current token is a quoted-string that holds
// at least one quoted-pair, so that [Unquote] must copy it.
func (l *Lexer) Escaped() bool { return l.escaped }

// Err returns the error that stopped the lexer, as a [*SyntaxError], or nil
// if it stopped at the end of the line.
func (l *Lexer) Err() error {
	if l.err == nil {
		return nil
	}
	return &SyntaxError{Line: l.line, Offset: l.errOff, Err: l.err}
}

// scanToken returns the end of the tchar run that starts at i.
func scanToken(s string, i int) int {
	for i < len(s) && classes[s[i]]&cTchar != 0 {
		i++
	}
	return i
}

// scanClass returns the end of the run of bytes of class m that starts at
// i: eight bytes at a time while all eight are in it, then byte by byte.
func scanClass(s string, i int, m uint8) int {
	for i+8 <= len(s) {
		b := s[i : i+8]
		if classes[b[0]]&classes[b[1]]&classes[b[2]]&classes[b[3]]&
			classes[b[4]]&classes[b[5]]&classes[b[6]]&classes[b[7]]&m == 0 {
			break
		}
		i += 8
	}
	for i < len(s) && classes[s[i]]&m != 0 {
		i++
	}
	return i
}

// skipOWS returns the end of the OWS run that starts at i.
func skipOWS(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// scanQuoted scans the quoted-string whose opening quote is at i. It
// returns the offset after it and whether a quoted-pair occurs in it, or a
// reason (a constant: no allocation) and the offset of the fault (the
// opening quote when the string is not terminated).
func scanQuoted(s string, i int) (end int, escaped bool, r error, at int) {
	end, escaped, r, at = scanQuotedText(s, i+1)
	if r == errUnterminated {
		at = i
	}
	return end, escaped, r, at
}

// scanQuotedText scans the text of a quoted-string from i, just after its
// opening quote, up to and including the closing quote. It returns the
// offset after the closing quote and whether a quoted-pair occurs, or a
// reason and the offset of the fault: errUnterminated at len(s), or at a
// backslash that ends s (escaped then tells whether a quoted-pair came
// before).
func scanQuotedText(s string, i int) (end int, escaped bool, r error, at int) {
	// Eight bytes at a time while all are qdtext: a long value without
	// escapes costs a few instructions a byte. Then byte by byte.
	for i+8 <= len(s) {
		b := s[i : i+8]
		if classes[b[0]]&classes[b[1]]&classes[b[2]]&classes[b[3]]&
			classes[b[4]]&classes[b[5]]&classes[b[6]]&classes[b[7]]&cQdtext == 0 {
			break
		}
		i += 8
	}
	for i < len(s) {
		c := s[i]
		if classes[c]&cQdtext != 0 {
			i++
			continue
		}
		switch c {
		case '"':
			return i + 1, escaped, nil, 0
		case '\\':
			if i+1 >= len(s) {
				return 0, escaped, errUnterminated, i
			}
			if classes[s[i+1]]&cQpair == 0 {
				return 0, false, errBadQuotedPair, i + 1
			}
			escaped = true
			i += 2
		default:
			return 0, false, errCTLInQuoted, i
		}
	}
	return 0, escaped, errUnterminated, len(s)
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

// scanQuotedLenient scans the quoted-string whose opening quote is at i as
// lenient mode reads it: with folds, an obs-fold inside it is whitespace
// (fold is the offset of the first one, or -1); with unterminated, one that
// runs to the end of the line is closed there (closed is false). It is
// built on the strict scanner, which stops at each of these; without the
// recovery, the fault is the strict one.
func scanQuotedLenient(s string, i int, folds, unterminated bool) (end int, escaped, closed bool, fold int, r error, at int) {
	open := i
	fold = -1
	i++
	for {
		e, esc, r, at := scanQuotedText(s, i)
		escaped = escaped || esc
		switch {
		case r == nil:
			return e, escaped, true, fold, nil, 0
		case r == errUnterminated && unterminated:
			// A final backslash stays as it is.
			return len(s), escaped || at < len(s), false, fold, nil, 0
		case r == errUnterminated:
			return 0, false, false, -1, r, open
		case r == errCTLInQuoted && folds && isFold(s, at):
			if fold < 0 {
				fold = at
			}
			escaped = true // unescape reads the fold as one SP
			i = at + 3
		default:
			return 0, false, false, -1, r, at
		}
	}
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
	end, esc, r, at := scanQuoted(q, 0)
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
