package httpauth

import (
	"encoding/xml"
	"fmt"
	"log/slog"
	"math/bits"

	"github.com/authwire/httpauth/internal/redact"
)

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

	// cLoose marks what lenient mode reads in an unquoted value: any VCHAR
	// or obs-text but the delimiters of the list and of quoted-strings.
	cLoose
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
		if c > ' ' && c != 0x7F && c != ',' && c != '"' {
			m |= cLoose
		}
		t[c] = m
	}
	return t
}()

// IsToken reports whether s is a token (RFC 9110 section 5.6.2): one or
// more tchar.
func IsToken(s string) bool {
	_, ok := tokenFault(s)
	return ok
}

// IsToken68 reports whether s is a token68 (RFC 9110 section 11.2): one or
// more of ALPHA, DIGIT, "-", ".", "_", "~", "+", "/", then any number of "=".
func IsToken68(s string) bool { return s != "" && token68Run(s, 0) == len(s) }

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
// Reset makes it reusable for another line. Printed (every fmt verb,
// encoding/json, encoding/xml, slog), a Lexer shows where it stands but not
// its line, which may be an Authorization value.
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

// view describes l for printing: the line it reads, which may be an
// Authorization value, is secret; where it stands is not.
func (l Lexer) view() redact.View {
	return redact.View{Type: "httpauth.Lexer", Fields: []redact.Field{
		{Name: "Src", Value: l.src, Secret: true},
		{Name: "Line", Value: l.line},
		{Name: "Offset", Value: l.start},
		{Name: "Kind", Value: l.kind},
		{Name: "Err", Value: l.Err()},
	}}
}

// String returns l with its line redacted: the Lexer may read an
// Authorization value.
func (l Lexer) String() string { return l.view().String() }

// Format implements [fmt.Formatter]: every verb prints l with its line
// redacted.
func (l Lexer) Format(f fmt.State, verb rune) { l.view().Format(f, verb) }

// MarshalJSON implements [json.Marshaler], with the line redacted.
func (l Lexer) MarshalJSON() ([]byte, error) { return l.view().MarshalJSON() }

// MarshalXML implements [xml.Marshaler], with the line redacted.
func (l Lexer) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return l.view().MarshalXML(e, start)
}

// LogValue implements [slog.LogValuer], with the line redacted.
func (l Lexer) LogValue() slog.Value { return l.view().LogValue() }

// Reset makes l scan src from its beginning, forgetting any previous line
// and error.
func (l *Lexer) Reset(src string) { l.reset(src, 0) }

func (l *Lexer) reset(src string, line int) {
	*l = Lexer{src: src, line: line}
}

// Next advances to the next token and reports whether there is one. It
// returns false at the end of the line and on an error; Err tells which.
func (l *Lexer) Next() bool {
	s, i := l.src, l.pos
	if i >= len(s) { // the end, or an error (fail moves pos there)
		l.kind = KindInvalid
		return false
	}
	l.start = i
	c := s[i]
	m := classes[c]
	switch {
	case m&cTchar != 0:
		// Short tokens here, byte by byte in the first eight; a long
		// one (a base64 run) eight bytes at a time.
		j := scanToken(s[:min(len(s), i+8)], i+1)
		if j == i+8 {
			j = scanClass(s, j, cTchar)
		}
		l.kind, l.escaped, l.pos = KindToken, false, j
	case c == '"':
		// Text without a quoted-pair, the usual, in one call.
		end, esc := qdtextRun(s, i+1), false
		if end < len(s) && s[end] == '"' {
			end++
		} else {
			var at int
			var r error
			if end, esc, at, r = scanQuotedText(s, end); r != nil {
				if r == errUnterminated {
					at = i
				}
				return l.fail(r, at)
			}
		}
		l.kind, l.escaped, l.pos = KindQuoted, esc, end
	case m&cOWS != 0:
		l.kind, l.escaped, l.pos = KindSpace, false, skipOWS(s, i+1)
	case m&cCTL != 0:
		return l.fail(errCTL, i)
	case c >= 0x80:
		return l.fail(errNonASCII, i)
	default:
		// One of the delimiters "(),/:;<=>?@[\]{}" other than the quote.
		l.kind, l.escaped, l.pos = Kind(c), false, i+1
	}
	return true
}

func (l *Lexer) fail(r error, at int) bool {
	l.err = r
	l.errOff = at
	l.kind = KindInvalid
	l.pos = len(l.src)
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
	for uint(i) < uint(len(s)) && classes[s[i]]&cTchar != 0 {
		i++
	}
	return i
}

// scanName is scanToken kept out of line, for loops that hold more values
// than there are registers: its own loop then keeps its two in registers.
// A token value, which can be long (a hex signature), is scanned with
// scanClass, eight bytes at a time.
//
//go:noinline
func scanName(s string, i int) int {
	for uint(i) < uint(len(s)) && classes[s[i]]&cTchar != 0 {
		i++
	}
	return i
}

// scanClass returns the end of the run of bytes of class m that starts at
// i: byte by byte for the first eight (a short run, such as a parameter's
// name read by the token68 test, ends there), then eight bytes at a time
// while all eight are in it, then byte by byte.
func scanClass(s string, i int, m uint8) int {
	for end := i + 8; i < end; i++ {
		if uint(i) >= uint(len(s)) || classes[s[i]]&m == 0 {
			return i
		}
	}
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
func scanQuoted(s string, i int) (end int, escaped bool, at int, r error) {
	end, escaped, at, r = scanQuotedText(s, i+1)
	if r == errUnterminated {
		at = i
	}
	return end, escaped, at, r
}

// scanQuotedText scans the text of a quoted-string from i, just after its
// opening quote, up to and including the closing quote. It returns the
// offset after the closing quote and whether a quoted-pair occurs, or a
// reason and the offset of the fault: errUnterminated at len(s), or at a
// backslash that ends s (escaped then tells whether a quoted-pair came
// before).
func scanQuotedText(s string, i int) (end int, escaped bool, at int, r error) {
	for {
		if i = qdtextRun(s, i); i >= len(s) {
			return 0, escaped, len(s), errUnterminated
		}
		switch s[i] {
		case '"':
			return i + 1, escaped, 0, nil
		case '\\':
			if i+1 >= len(s) {
				return 0, escaped, i, errUnterminated
			}
			if classes[s[i+1]]&cQpair == 0 {
				return 0, false, i + 1, errBadQuotedPair
			}
			escaped = true
			i += 2
		case '\t': // qdtext, where qdtextRun may stop
			i++
		default:
			return 0, false, i, errCTLInQuoted
		}
	}
}

// qdtextRun returns the end of the run of qdtext that starts at i, or the
// offset of an HTAB in it: the first byte from i that is '"', '\\', a
// control character or DEL, or len(s). It reads eight bytes at a time
// (quotedStops), the last bytes of s in its last eight; a string shorter
// than eight bytes, one at a time.
func qdtextRun(s string, i int) int {
	for i+8 <= len(s) {
		if m := quotedStops(load64(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	if len(s) < 8 {
		for i < len(s) && classes[s[i]]&cQdtext != 0 {
			i++
		}
		return i
	}
	// The last eight bytes of s, less those before i.
	if m := quotedStops(load64(s, len(s)-8)) >> (8 * (i - (len(s) - 8))); m != 0 {
		return i + bits.TrailingZeros64(m)>>3
	}
	return len(s)
}

// load64 returns the eight bytes of s at i as a little-endian word (the
// compiler makes it one load).
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// quotedStops returns a word with the high bit set in each byte of x that
// may not stand unescaped in a quoted-string but HTAB: '"', '\\', a control
// character (HTAB included) or DEL; obs-text is qdtext. Each byte is
// computed from its own seven low bits, with no carry into the next one:
// y+0x60 has its high bit clear for y < 0x20, (y^c)+0x7F for y == c, and
// y+1 has it set for y == 0x7F.
func quotedStops(x uint64) uint64 {
	const lo7, hi = 0x7F7F7F7F7F7F7F7F, 0x8080808080808080
	y := x & lo7
	t := (y + 0x6060606060606060) & ((y ^ 0x2222222222222222) + lo7) & ((y ^ 0x5C5C5C5C5C5C5C5C) + lo7)
	return (^t | (y + 0x0101010101010101)) &^ x & hi
}

// token68At reports whether the text of s from i up to the next ',' or the
// end, less trailing OWS, is a token68 (decision 3). It returns the end of
// the token68 run and its padding, and the offset after the OWS that
// follows it (where the test failed when it is not a token68).
func token68At(s string, i int) (end, next int, ok bool) {
	// token68Run, written out: the parse's hot path saves the call
	// (negotiate: 18 instructions per parse, rootcallgrind.sh).
	j := scanClass(s, i, cT68)
	if j == i {
		return i, i, false
	}
	for j < len(s) && s[j] == '=' {
		j++
	}
	k := skipOWS(s, j)
	return j, k, k >= len(s) || s[k] == ','
}

// token68Run returns the end of the token68 (its run and its padding) that
// starts at i, or i when none does.
func token68Run(s string, i int) int {
	j := scanClass(s, i, cT68)
	if j == i {
		return i
	}
	for j < len(s) && s[j] == '=' {
		j++
	}
	return j
}
