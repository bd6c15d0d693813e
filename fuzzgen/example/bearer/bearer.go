// Package bearer stands for the code of another project: a server's
// hand-written reading of "Authorization: Bearer <token>" (RFC 6750
// section 2.1), which it fuzzes with fuzzgen (see fuzz_test.go).
package bearer

// Token returns the token of an Authorization value "Bearer" 1*SP
// b64token, ignoring leading and trailing whitespace, and reports whether
// value is one. The scheme compares ASCII case-insensitively; after the
// one SP the grammar requires, more whitespace is accepted, as httpauth
// does (its first version here took SP only, and FuzzToken found
// "Bearer 	abc" within a second).
func Token(value string) (string, bool) {
	i, j := 0, len(value)
	for i < j && (value[i] == ' ' || value[i] == '\t') {
		i++
	}
	for j > i && (value[j-1] == ' ' || value[j-1] == '\t') {
		j--
	}
	v := value[i:j]
	const scheme = "bearer"
	if len(v) < len(scheme)+2 {
		return "", false
	}
	for k := range len(scheme) {
		if c := v[k] | 0x20; c != scheme[k] {
			return "", false
		}
	}
	k := len(scheme)
	if v[k] != ' ' {
		return "", false
	}
	for k < len(v) && (v[k] == ' ' || v[k] == '\t') {
		k++
	}
	tok := v[k:]
	// b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
	n := 0
	for n < len(tok) && isB64(tok[n]) {
		n++
	}
	if n == 0 {
		return "", false
	}
	for n < len(tok) && tok[n] == '=' {
		n++
	}
	if n != len(tok) {
		return "", false
	}
	return tok, true
}

func isB64(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/'
}
