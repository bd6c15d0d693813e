package httpauth

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Credentials is the value of an Authorization or Proxy-Authorization field
// (RFC 9110 section 11.6.2 and 11.7.2):
//
//	credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//
// At most one of Token68 and Params is non-empty. Scheme is kept as written;
// use [Credentials.Is] to compare it.
//
// Credentials carry secrets, so a Credentials value never prints them:
// String, GoString, Format (every verb), LogValue and MarshalJSON show the
// scheme and the parameter names only. Credentials deliberately implements
// no [encoding.TextMarshaler], whose output would be the secret. Code that must send the value calls
// [AppendCredentials] or [Credentials.Encode]; the fields stay public for
// code that needs them.
//
// The zero Credentials has no scheme; it is not valid and the encoder
// refuses it.
type Credentials struct {
	Scheme  string
	Token68 string
	Params  Params
}

// Is reports whether c's scheme equals scheme ASCII case-insensitively.
func (c Credentials) Is(scheme string) bool { return EqualFold(c.Scheme, scheme) }

// IsValid reports whether the encoder would accept c (see
// [Challenge.IsValid] for the rules).
func (c Credentials) IsValid() bool {
	_, err := AppendCredentials(nil, c)
	return err == nil
}

// Encode returns the canonical encoding of c, secrets included, ready to be
// sent as an Authorization value. See [AppendCredentials].
func (c Credentials) Encode() (string, error) {
	b, err := AppendCredentials(make([]byte, 0, encodedLenHint(c.Scheme, c.Token68, c.Params)), c)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// redacted is what every printed form of a Credentials shows in place of a
// secret.
const redacted = "[redacted]"

// appendRedacted writes c without its secrets: the scheme, then either
// "[redacted]" for a token68 or the parameter names each followed by
// "=[redacted]".
func (c Credentials) appendRedacted(b []byte) []byte {
	b = append(b, c.Scheme...)
	if c.Token68 != "" {
		b = append(b, ' ')
		b = append(b, redacted...)
	}
	for i, p := range c.Params {
		if i == 0 {
			b = append(b, ' ')
		} else {
			b = append(b, ", "...)
		}
		b = append(b, p.Name...)
		b = append(b, '=')
		b = append(b, redacted...)
	}
	return b
}

// String returns the scheme and parameter names of c, with every secret
// replaced by "[redacted]": `Basic [redacted]`,
// `Digest username=[redacted], response=[redacted]`.
func (c Credentials) String() string { return string(c.appendRedacted(nil)) }

// GoString is like String, in Go syntax: it is what %#v prints.
func (c Credentials) GoString() string {
	b := []byte("httpauth.Credentials{Scheme:")
	b = strconv.AppendQuote(b, c.Scheme)
	if c.Token68 != "" {
		b = append(b, ", Token68:"...)
		b = strconv.AppendQuote(b, redacted)
	}
	if len(c.Params) > 0 {
		b = append(b, ", Params:httpauth.Params{"...)
		for i, p := range c.Params {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, "{Name:"...)
			b = strconv.AppendQuote(b, p.Name)
			b = append(b, ", Value:"...)
			b = strconv.AppendQuote(b, redacted)
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	b = append(b, '}')
	return string(b)
}

// Format implements [fmt.Formatter] so that every verb (%v, %+v, %#v, %s,
// %q, %x, %d, ...) prints the redacted form and never a secret.
func (c Credentials) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v':
		if f.Flag('#') {
			f.Write([]byte(c.GoString()))
			return
		}
	case 'q':
		f.Write(strconv.AppendQuote(nil, c.String()))
		return
	}
	f.Write(c.appendRedacted(nil))
}

// MarshalJSON implements [json.Marshaler] with the redacted form, so that
// encoding/json cannot copy a password into a log line:
// {"scheme":"Digest","params":["username","response"]} or
// {"scheme":"Basic","token68":"[redacted]"}.
func (c Credentials) MarshalJSON() ([]byte, error) {
	b := []byte(`{"scheme":`)
	b = appendJSONString(b, c.Scheme)
	if c.Token68 != "" {
		b = append(b, `,"token68":"`+redacted+`"`...)
	}
	if len(c.Params) > 0 {
		b = append(b, `,"params":[`...)
		for i, p := range c.Params {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, p.Name)
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

// appendJSONString writes s as a JSON string. Bytes that are not valid
// UTF-8 become U+FFFD, as encoding/json does.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r < 0x20 || r == '<' || r == '>' || r == '&' || r == 0x7f:
			b = append(b, '\\', 'u', '0', '0', hex[r>>4], hex[r&15])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

// LogValue implements [slog.LogValuer]: a group with the scheme and the
// parameter names (values and token68 are left out).
func (c Credentials) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 3)
	attrs = append(attrs, slog.String("scheme", c.Scheme))
	if c.Token68 != "" {
		attrs = append(attrs, slog.String("token68", redacted))
	}
	if len(c.Params) > 0 {
		names := make([]string, len(c.Params))
		for i, p := range c.Params {
			names[i] = p.Name
		}
		attrs = append(attrs, slog.Any("params", names))
	}
	return slog.GroupValue(attrs...)
}
