package aws4

import "github.com/authwire/httpauth"

// Bounds of parseRaw, checked before the work they bound.
const (
	maxRawBytes  = 16 << 10 // as httpauth's default per field line
	maxRawParams = 32
)

func isOWS(c byte) bool { return c == ' ' || c == '\t' }

// isTchar reports whether c is an RFC 9110 tchar.
func isTchar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return false
}

// rawChar reports whether c may appear in a bare value: printable ASCII
// but SP, ",", "=", `"` and `\`. AWS values never hold "=", and refusing
// it keeps token68-like input ("a==") from reading as a parameter.
func rawChar(c byte) bool {
	return c > 0x20 && c < 0x7F && c != ',' && c != '=' && c != '"' && c != '\\'
}

// parseRaw reads an Authorization value in the AWS form:
//
//	value  = scheme 1*SP param *( OWS "," OWS [ param ] )
//	param  = token OWS "=" OWS ( quoted-string / 1*rawchar )
//
// Empty list elements are skipped. Errors give the byte offset and never
// quote the input.
func parseRaw(s string) (httpauth.Credentials, error) {
	syntax := func(off int, reason string) (httpauth.Credentials, error) {
		return httpauth.Credentials{}, &Error{Offset: off, Reason: reason}
	}
	if len(s) > maxRawBytes {
		return syntax(maxRawBytes, "value longer than 16 KiB")
	}
	i, end := 0, len(s)
	for i < end && isOWS(s[i]) {
		i++
	}
	for end > i && isOWS(s[end-1]) {
		end--
	}
	start := i
	for i < end && isTchar(s[i]) {
		i++
	}
	if i == start {
		return syntax(i, "expected the scheme")
	}
	c := httpauth.Credentials{Scheme: s[start:i]}
	if i == end || s[i] != ' ' {
		return syntax(i, "expected a space after the scheme")
	}
	for i < end && s[i] == ' ' {
		i++
	}
	for i < end {
		// Skip empty elements.
		if s[i] == ',' || isOWS(s[i]) {
			i++
			continue
		}
		if len(c.Params) == maxRawParams {
			return syntax(i, "too many parameters")
		}
		ns := i
		for i < end && isTchar(s[i]) {
			i++
		}
		if i == ns {
			return syntax(i, "expected a parameter name")
		}
		name := s[ns:i]
		for i < end && isOWS(s[i]) {
			i++
		}
		if i == end || s[i] != '=' {
			return syntax(i, "expected '=' after the parameter name")
		}
		i++
		for i < end && isOWS(s[i]) {
			i++
		}
		var value string
		if i < end && s[i] == '"' {
			var buf []byte
			escaped := false
			i++
			vs := i
			closed := false
			for i < end {
				ch := s[i]
				if ch == '"' {
					closed = true
					break
				}
				if ch == '\\' {
					if !escaped {
						buf = append(make([]byte, 0, end-vs), s[vs:i]...)
						escaped = true
					}
					i++
					if i == end {
						break
					}
					ch = s[i]
				}
				if ch != '\t' && (ch < 0x20 || ch > 0x7E) {
					return syntax(i, "control character or non-ASCII byte in a quoted-string")
				}
				if escaped {
					buf = append(buf, ch)
				}
				i++
			}
			if !closed {
				return syntax(i, "unterminated quoted-string")
			}
			if escaped {
				value = string(buf)
			} else {
				value = s[vs:i]
			}
			i++ // closing quote
		} else {
			vs := i
			for i < end && rawChar(s[i]) {
				i++
			}
			if i == vs {
				return syntax(i, "expected a value")
			}
			value = s[vs:i]
		}
		for _, p := range c.Params {
			if httpauth.EqualFold(p.Name, name) {
				return syntax(ns, "duplicate parameter")
			}
		}
		c.Params = append(c.Params, httpauth.Param{Name: name, Value: value})
		for i < end && isOWS(s[i]) {
			i++
		}
		if i < end && s[i] != ',' {
			return syntax(i, "expected ',' or the end of the value")
		}
	}
	if len(c.Params) == 0 {
		return syntax(i, "no parameters")
	}
	return c, nil
}
