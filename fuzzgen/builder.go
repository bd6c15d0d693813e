package fuzzgen

import (
	"strings"

	"github.com/authwire/httpauth"
)

// pos is a place in the field: a line and a byte offset in it.
type pos struct{ line, off int }

// builder writes the field lines of a case and keeps, as it writes, what
// the oracle needs: where each list separator and element stands (to
// count empty elements as RFC 9110 section 5.6.1 and the default limit
// do), the spans of the quoted-strings, and the zones where a fault is
// reported before the byte that causes it.
type builder struct {
	lines []string
	cur   []byte

	// Empty list elements: a separator (a comma or a line boundary) not
	// preceded by an element is one; a trailing separator adds one more.
	elem, sep bool
	empties   int
	over      *Fault // the separator that passes the limit, if any

	quotes []span // quoted-strings: line, offset of the opening and of the closing quote
	params []*param
	bares  []span // schemes alone, and names that are schemes without their "=": line, start, end

	fault *Fault // the first fault written
}

// span is a byte range [start, end] of one line.
type span struct{ line, start, end int }

func (b *builder) at() pos          { return pos{len(b.lines), len(b.cur)} }
func (b *builder) write(s string)   { b.cur = append(b.cur, s...) }
func (b *builder) writeByte(c byte) { b.cur = append(b.cur, c) }

// setFault records f unless a fault was recorded before.
func (b *builder) setFault(p pos, class ErrClass) {
	if b.fault == nil {
		b.fault = &Fault{Line: p.line, Offset: p.off, Class: class}
	}
}

// separator counts a separator at p.
func (b *builder) separator(p pos) {
	if !b.elem {
		b.empties++
		if b.empties > httpauth.DefaultMaxEmptyElements && b.over == nil {
			b.over = &Fault{Line: p.line, Offset: p.off, Class: ErrLimit}
		}
	}
	b.elem, b.sep = false, true
}

// element records a list element (a challenge or a parameter).
func (b *builder) element() { b.elem, b.empties = true, 0 }

// comma writes a list separator.
func (b *builder) comma() {
	p := b.at()
	b.writeByte(',')
	b.separator(p)
}

// newLine ends the current line and starts the next one; the boundary is
// a list separator at offset 0 of the new line.
func (b *builder) newLine() {
	b.lines = append(b.lines, string(b.cur))
	b.cur = b.cur[:0]
	b.separator(pos{len(b.lines), 0})
}

// finish ends the last line and returns the lines.
func (b *builder) finish() []string {
	b.lines = append(b.lines, string(b.cur))
	b.cur = nil
	if !b.elem && b.sep {
		last := len(b.lines) - 1
		b.separator(pos{last, len(b.lines[last])})
	}
	return b.lines
}

// strictFault returns the fault a strict parser reports first: the one
// written, or the separator that passes the limit of empty elements,
// whichever comes first.
func (b *builder) strictFault() *Fault {
	f := b.fault
	if o := b.over; o != nil && (f == nil || o.Line < f.Line || o.Line == f.Line && o.Offset < f.Offset) {
		f = o
	}
	return f
}

// inQuoted reports whether offset p of line ln is after the opening quote
// of a quoted-string and at most at its closing quote.
func (b *builder) inQuoted(ln, p int) bool {
	for _, q := range b.quotes {
		if q.line == ln && q.start < p && p <= q.end {
			return true
		}
	}
	return false
}

// junkAt returns where a strict parser reports text that cannot continue
// the value, starting at offset p of line ln in place of what was written
// there (a control character, a byte %x80-FF outside a quoted-string, a
// stray quote or backslash): at p, the first byte that stops matching the
// grammar. A control character or a byte %x80-FF is reported at its own
// offset also where the parser reads ahead to tell two readings apart (a
// token68 from a parameter's name, a parameter's name from a second
// credentials value), since such a byte may stand nowhere outside a
// quoted-string. One place differs:
//
//   - After a scheme alone, trailing whitespace that starts with HTAB is
//     whitespace between the scheme and its data once text follows it:
//     the error is at the HTAB (RFC 9110 requires SP there). So is
//     whitespace after a parameter name of a challenge that is not the
//     first after its scheme, when no "=" follows: the name is a scheme.
func (b *builder) junkAt(ln, p int) int {
	line := b.lines[ln]
	for _, z := range b.bares {
		if z.line == ln && z.end < p && line[z.end] == '\t' && strings.Trim(line[z.end:p], " \t") == "" {
			return z.end
		}
	}
	return p
}
