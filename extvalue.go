package httpauth

import (
	"strings"
	"unicode/utf8"
)

// ExtParam returns the parameter name=value if value can be sent as a
// plain token or quoted-string (printable ASCII, SP and HTAB), and
// otherwise the parameter name* with value encoded as an RFC 8187
// ext-value, as RFC 7616 does for username*:
//
//	username*=UTF-8''J%C3%A4s%C3%B8n%20Doe
//
// value should be valid UTF-8: other bytes are percent-encoded as they are,
// and [DecodeExtValue] refuses the result.
func ExtParam(name, value string) Param {
	for i := 0; i < len(value); i++ {
		if c := value[i]; c >= 0x80 || (classes[c]&cCTL != 0 && c != '\t') {
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
// so the result is a token. s should be valid UTF-8 (see [ExtParam]).
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

// DecodeExtValue decodes an RFC 8187 ext-value:
//
//	ext-value   = charset  "'" [ language ] "'" value-chars
//	value-chars = *( pct-encoded / attr-char )
//
// The charset may be UTF-8 or ISO-8859-1 (case-insensitively); the value is
// returned as UTF-8 together with the language tag, which may be empty. It
// reports an error for any other charset, a malformed ext-value, or bytes
// that are not valid UTF-8 in a UTF-8 value.
func DecodeExtValue(v string) (value, language string, err error) {
	q1 := strings.IndexByte(v, '\'')
	if q1 < 0 {
		return "", "", &SyntaxError{Offset: len(v), Err: errExtValue}
	}
	q2 := strings.IndexByte(v[q1+1:], '\'')
	if q2 < 0 {
		return "", "", &SyntaxError{Offset: len(v), Err: errExtValue}
	}
	q2 += q1 + 1
	charset, language, chars := v[:q1], v[q1+1:q2], v[q2+1:]
	latin1 := false
	switch {
	case EqualFold(charset, "UTF-8"):
	case EqualFold(charset, "ISO-8859-1"):
		latin1 = true
	default:
		return "", "", &SyntaxError{Offset: 0, Err: errExtCharset}
	}
	for i := 0; i < len(language); i++ {
		if c := language[i]; !(c == '-' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return "", "", &SyntaxError{Offset: q1 + 1 + i, Err: errExtValue}
		}
	}
	b := make([]byte, 0, len(chars))
	for i := 0; i < len(chars); i++ {
		c := chars[i]
		switch {
		case c == '%':
			if i+2 >= len(chars) {
				return "", "", &SyntaxError{Offset: q2 + 1 + i, Err: errExtValue}
			}
			h, ok1 := unhex(chars[i+1])
			l, ok2 := unhex(chars[i+2])
			if !ok1 || !ok2 {
				return "", "", &SyntaxError{Offset: q2 + 1 + i, Err: errExtValue}
			}
			c = h<<4 | l
			i += 2
		case !isAttrChar(c):
			return "", "", &SyntaxError{Offset: q2 + 1 + i, Err: errExtValue}
		}
		if latin1 && c >= 0x80 {
			b = utf8.AppendRune(b, rune(c))
		} else {
			b = append(b, c)
		}
	}
	if !latin1 && !utf8.Valid(b) {
		return "", "", &SyntaxError{Offset: q2 + 1, Err: errExtUTF8}
	}
	return string(b), language, nil
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
