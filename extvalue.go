package httpauth

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// ExtParam returns the parameter name=value when value is ASCII, and
// otherwise the parameter name* with value encoded as an RFC 8187
// ext-value, as RFC 7616 does for username*:
//
//	username*=UTF-8''J%C3%A4s%C3%B8n%20Doe
//
// Either form is what the encoder accepts, provided value is valid UTF-8
// and holds no control character other than HTAB: such a value cannot be
// sent in any form, and the encoder refuses the parameter ([ErrControl] for
// the plain form, [ErrExtValue] for the ext-value).
func ExtParam(name, value string) Param {
	for i := 0; i < len(value); i++ {
		if value[i] >= 0x80 {
			return Param{Name: name + "*", Value: EncodeExtValue(value)}
		}
	}
	return Param{Name: name, Value: value}
}

// EncodeExtValue returns s as an RFC 8187 ext-value with the UTF-8 charset
// and no language:
//
//	UTF-8''J%C3%A4s%C3%B8n%20Doe
//
// Every byte that is not an attr-char is percent-encoded with uppercase hex,
// so the result is a token. It is a valid ext-value (one that
// [DecodeExtValue] and the encoder accept) when s is valid UTF-8 without
// control characters other than HTAB.
func EncodeExtValue(s string) string {
	return string(AppendExtValue(make([]byte, 0, len(s)*3+7), s))
}

// AppendExtValue appends s as an RFC 8187 ext-value (see [EncodeExtValue])
// to dst and returns the extended buffer.
func AppendExtValue(dst []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	dst = append(dst, "UTF-8''"...)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAttrChar(c) {
			dst = append(dst, c)
		} else {
			dst = append(dst, '%', hex[c>>4], hex[c&15])
		}
	}
	return dst
}

// isAttrChar reports whether c is an attr-char of RFC 8187 section 3.2.1:
//
//	attr-char = ALPHA / DIGIT
//	          / "!" / "#" / "$" / "&" / "+" / "-" / "."
//	          / "^" / "_" / "`" / "|" / "~"
//	          ; token except ( "*" / "'" / "%" )
func isAttrChar(c byte) bool {
	return classes[c]&cTchar != 0 && c != '*' && c != '\'' && c != '%'
}

// ErrExtValue is wrapped by every error about an RFC 8187 ext-value: those
// of [DecodeExtValue], and the encoder's refusal of a parameter whose name
// ends in "*" and whose value is not a valid ext-value.
var ErrExtValue = errors.New("invalid RFC 8187 ext-value")

// extReason says why an ext-value is refused; it wraps [ErrExtValue].
type extReason string

func (r extReason) Error() string { return string(r) }
func (r extReason) Unwrap() error { return ErrExtValue }

const (
	extMalformed extReason = "malformed RFC 8187 ext-value"
	extCharset   extReason = "RFC 8187 ext-value charset is neither UTF-8 nor ISO-8859-1"
	extUTF8      extReason = "RFC 8187 ext-value is not valid UTF-8"
	extControl   extReason = "RFC 8187 ext-value decodes to a control character"
)

// DecodeExtValue decodes an RFC 8187 ext-value:
//
//	ext-value   = charset  "'" [ language ] "'" value-chars
//	value-chars = *( pct-encoded / attr-char )
//
// The charset may be UTF-8 or ISO-8859-1 (case-insensitively); the value is
// returned as UTF-8 together with the language tag, which may be empty.
//
// The decoded value never holds a control character other than HTAB
// (U+0000-U+001F, U+007F-U+009F): a value that decodes to one (`%0D%0A`,
// `%00`, `%C2%85`) is refused, so that it cannot reach a log line, a
// callback or another header. Other errors are another charset, a malformed
// ext-value, and bytes that are not valid UTF-8 in a UTF-8 value. Every
// error is a [*SyntaxError] wrapping [ErrExtValue]; its Offset is the byte
// offset in v of the fault: the offending byte, or the '%' that starts the
// encoding of a refused character.
//
// A value without percent-encoding is returned as a substring of v, without
// allocating; otherwise the value is one allocation.
func DecodeExtValue(v string) (value, language string, err error) {
	language, chars, off, r := scanExtValue(v, nil)
	if r != "" {
		return "", "", &SyntaxError{Offset: off, Err: r}
	}
	if strings.IndexByte(chars, '%') < 0 {
		return chars, language, nil
	}
	var b strings.Builder
	b.Grow(len(chars))
	scanExtValue(v, &b)
	return b.String(), language, nil
}

// scanExtValue checks that v is an ext-value whose decoded value is valid
// and free of control characters, and writes that value to out unless out
// is nil. It returns the language tag and the value-chars, or the offset in
// v and the reason of the first fault.
func scanExtValue(v string, out *strings.Builder) (language, chars string, off int, r extReason) {
	q1 := strings.IndexByte(v, '\'')
	if q1 < 0 {
		return "", "", len(v), extMalformed
	}
	q2 := strings.IndexByte(v[q1+1:], '\'')
	if q2 < 0 {
		return "", "", len(v), extMalformed
	}
	q2 += q1 + 1
	charset := v[:q1]
	language, chars = v[q1+1:q2], v[q2+1:]
	latin1 := false
	switch {
	case EqualFold(charset, "UTF-8"):
	case EqualFold(charset, "ISO-8859-1"):
		latin1 = true
	default:
		return "", "", 0, extCharset
	}
	for i := 0; i < len(language); i++ {
		if c := language[i]; !(c == '-' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return "", "", q1 + 1 + i, extMalformed
		}
	}
	// A UTF-8 character is checked once its last byte is decoded: pend
	// holds its bytes so far, need their number, start the offset in v of
	// its first byte.
	var pend [utf8.UTFMax]byte
	np, need, start := 0, 0, 0
	base := q2 + 1
	for i := 0; i < len(chars); {
		at := base + i
		c := chars[i]
		switch {
		case c == '%':
			if i+2 >= len(chars) {
				return "", "", at, extMalformed
			}
			h, ok1 := unhex(chars[i+1])
			l, ok2 := unhex(chars[i+2])
			if !ok1 || !ok2 {
				return "", "", at, extMalformed
			}
			c = h<<4 | l
			i += 3
		case isAttrChar(c):
			i++
		default:
			return "", "", at, extMalformed
		}
		if latin1 {
			if isControl(rune(c)) {
				return "", "", at, extControl
			}
			if out != nil {
				out.WriteRune(rune(c))
			}
			continue
		}
		if np == 0 {
			start = at
			need = utf8SeqLen(c)
			if need == 0 {
				return "", "", at, extUTF8
			}
		}
		pend[np] = c
		np++
		if np < need {
			continue
		}
		ch, size := utf8.DecodeRune(pend[:np])
		switch {
		case size != np || ch == utf8.RuneError && size == 1:
			return "", "", start, extUTF8
		case isControl(ch):
			return "", "", start, extControl
		}
		if out != nil {
			out.Write(pend[:np])
		}
		np = 0
	}
	if np != 0 {
		return "", "", start, extUTF8 // truncated character
	}
	return language, chars, 0, ""
}

// utf8SeqLen returns the length of the UTF-8 sequence that the byte c
// starts, or 0 if no sequence starts with c.
func utf8SeqLen(c byte) int {
	switch {
	case c < 0x80:
		return 1
	case 0xC2 <= c && c <= 0xDF:
		return 2
	case 0xE0 <= c && c <= 0xEF:
		return 3
	case 0xF0 <= c && c <= 0xF4:
		return 4
	}
	return 0
}

// isControl reports whether r is a control character other than HTAB:
// C0 (U+0000-U+001F), DEL and C1 (U+007F-U+009F).
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' || 0x7F <= r && r <= 0x9F
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
