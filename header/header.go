package header

import (
	"errors"
	"net/http"
	"net/textproto"
	"slices"
	"sync"

	"github.com/authwire/httpauth"
)

// Field names of RFC 9110 section 11, spelled as [http.Header] stores them
// (its canonical keys, [textproto.CanonicalMIMEHeaderKey]): the RFC's
// WWW-Authenticate is the key "Www-Authenticate". Field names are
// case-insensitive, so h[header.WWWAuthenticate] is the field however a
// peer spelled it, and writing to that key never makes a second one.
const (
	WWWAuthenticate         = "Www-Authenticate"
	Authorization           = "Authorization"
	AuthenticationInfo      = "Authentication-Info"
	ProxyAuthenticate       = "Proxy-Authenticate"
	ProxyAuthorization      = "Proxy-Authorization"
	ProxyAuthenticationInfo = "Proxy-Authentication-Info"
)

var fields = [...]string{WWWAuthenticate, Authorization, AuthenticationInfo, ProxyAuthenticate, ProxyAuthorization, ProxyAuthenticationInfo}

// key returns the canonical key of name, without allocating for the
// fields of this package however name is spelled.
func key(name string) string {
	for _, f := range fields {
		if httpauth.EqualFold(name, f) {
			return f
		}
	}
	return textproto.CanonicalMIMEHeaderKey(name)
}

// ChallengeField returns the field that carries the challenges of a
// response with the given status: [WWWAuthenticate] for 401 Unauthorized,
// [ProxyAuthenticate] for 407 Proxy Authentication Required, "" otherwise
// (RFC 9110 sections 15.5.2 and 15.5.8).
func ChallengeField(status int) string { return authFields(status)[0] }

// CredentialsField returns the field that answers the challenges of a
// response with the given status: [Authorization] for 401,
// [ProxyAuthorization] for 407, "" otherwise.
func CredentialsField(status int) string { return authFields(status)[1] }

// authFields returns the challenge and credentials fields of a status.
func authFields(status int) [2]string {
	switch status {
	case http.StatusUnauthorized:
		return [2]string{WWWAuthenticate, Authorization}
	case http.StatusProxyAuthRequired:
		return [2]string{ProxyAuthenticate, ProxyAuthorization}
	}
	return [2]string{}
}

// ResponseChallenges returns the challenges of resp, from the field its
// status calls for ([ChallengeField]): WWW-Authenticate for a 401,
// Proxy-Authenticate for a 407. Any other status, or a nil resp, has none.
// As with [httpauth.ParseChallenges], on error the challenges before it are
// returned too.
func ResponseChallenges(resp *http.Response) ([]httpauth.Challenge, error) {
	if resp == nil {
		return nil, nil
	}
	name := ChallengeField(resp.StatusCode)
	if name == "" {
		return nil, nil
	}
	return Challenges(resp.Header, name)
}

// ErrMultipleCredentials is returned by [Credentials] when the field has
// more than one line: Authorization is not a list (RFC 9110 section 5.3).
var ErrMultipleCredentials = errors.New("header: more than one credentials field line")

// Values returns all field lines of name in h: those under the canonical
// key, then those under every other key equal to name ASCII
// case-insensitively (put in the map directly), in sorted key order. It
// returns nil when there are none. When only the canonical key holds the
// field, as net/http builds it, the result is h's own slice, which the
// caller must not modify, and Values does not allocate.
func Values(h http.Header, name string) []string {
	canon := key(name)
	vs := h[canon]
	others := 0
	for k := range h {
		if k != canon && httpauth.EqualFold(k, canon) {
			others++
		}
	}
	if others == 0 {
		return vs
	}
	keys := make([]string, 0, others)
	for k := range h {
		if k != canon && httpauth.EqualFold(k, canon) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out := slices.Clone(vs)
	for _, k := range keys {
		out = append(out, h[k]...)
	}
	return out
}

// Challenges parses every line of the field name (WWW-Authenticate or
// Proxy-Authenticate) as one list of challenges. As with
// [httpauth.ParseChallenges], on error the challenges before it are
// returned too. It allocates what ParseChallenges allocates, and nothing
// more when the field is under its canonical key only.
func Challenges(h http.Header, name string) ([]httpauth.Challenge, error) {
	vs := Values(h, name)
	if len(vs) == 0 {
		return nil, nil
	}
	return httpauth.ParseChallenges(vs...)
}

// Credentials parses the field name (Authorization or
// Proxy-Authorization). ok is false when the field is absent; a field
// with more than one line is [ErrMultipleCredentials]. It allocates what
// [httpauth.ParseCredentials] allocates.
func Credentials(h http.Header, name string) (c httpauth.Credentials, ok bool, err error) {
	vs := Values(h, name)
	switch len(vs) {
	case 0:
		return httpauth.Credentials{}, false, nil
	case 1:
	default:
		return httpauth.Credentials{}, true, ErrMultipleCredentials
	}
	c, err = httpauth.ParseCredentials(vs[0])
	return c, true, err
}

// Params parses every line of the field name (Authentication-Info or
// Proxy-Authentication-Info) as one parameter list. It allocates what
// [httpauth.ParseParams] allocates.
func Params(h http.Header, name string) (httpauth.Params, error) {
	vs := Values(h, name)
	if len(vs) == 0 {
		return nil, nil
	}
	return httpauth.ParseParams(vs...)
}

// AddChallenges adds one field line per challenge to h under name (its
// canonical key), after the lines already there. It encodes them all
// first: if one is refused, h is left unchanged and the
// [*httpauth.EncodeError] is returned. For up to 16 challenges encoding
// to at most 1 KiB, it allocates twice: one string that holds the new
// lines, and the field's new slice of lines when the old one has no room.
func AddChallenges(h http.Header, name string, cs ...httpauth.Challenge) error {
	return writeChallenges(h, name, false, cs)
}

// SetChallenges sets the field name to one line per challenge, replacing
// every line under every spelling of name, as [AddChallenges] writes them;
// with no challenge, it removes the field. h is unchanged on error. Within
// the same bounds, it allocates twice: the string of the lines and their
// slice.
func SetChallenges(h http.Header, name string, cs ...httpauth.Challenge) error {
	return writeChallenges(h, name, true, cs)
}

func writeChallenges(h http.Header, name string, replace bool, cs []httpauth.Challenge) error {
	var stack [1024]byte
	var endStack [16]int
	b, ends := stack[:0], endStack[:0]
	for _, c := range cs {
		var err error
		if b, err = httpauth.AppendChallenge(b, c); err != nil {
			return err
		}
		ends = append(ends, len(b))
	}
	k := key(name)
	if replace {
		del(h, k)
	}
	if len(cs) == 0 {
		return nil
	}
	all := string(b)
	vs := h[k]
	if cap(vs)-len(vs) < len(cs) {
		vs = slices.Grow(vs[:len(vs):len(vs)], len(cs))
	}
	start := 0
	for _, end := range ends {
		vs = append(vs, all[start:end])
		start = end
	}
	h[k] = vs
	return nil
}

// SetCredentials sets the field name to the encoding of c, replacing any
// line under any spelling of name. h is unchanged on error. For a line of
// up to 512 bytes, it allocates twice: the line and its slice.
func SetCredentials(h http.Header, name string, c httpauth.Credentials) error {
	var stack [512]byte
	b, err := httpauth.AppendCredentials(stack[:0], c)
	if err != nil {
		return err
	}
	set(h, name, string(b))
	return nil
}

// SetParams sets the field name to the encoding of ps, replacing any line
// under any spelling of name. h is unchanged on error. For a line of up
// to 512 bytes, it allocates twice: the line and its slice.
func SetParams(h http.Header, name string, ps httpauth.Params) error {
	var stack [512]byte
	b, err := httpauth.AppendParams(stack[:0], ps)
	if err != nil {
		return err
	}
	set(h, name, string(b))
	return nil
}

func set(h http.Header, name, line string) {
	k := key(name)
	del(h, k)
	h[k] = []string{line}
}

// del removes every spelling of the canonical key k from h.
func del(h http.Header, k string) {
	for other := range h {
		if httpauth.EqualFold(other, k) {
			delete(h, other)
		}
	}
}

var editors = sync.Pool{New: func() any { return new(httpauth.Editor) }}

// SetParam sets the parameter param of challenge i of the field name
// (WWW-Authenticate or Proxy-Authenticate) to value, and leaves every
// other byte of the field as received; see [httpauth.Editor.AppendSetParam],
// which counts challenges as [Challenges] does and says what it refuses.
// The line that changes is replaced in place in its slice; on error h is
// unchanged. It allocates once, for the new line (and once more per quoted
// value of the field that holds a quoted-pair).
func SetParam(h http.Header, name string, i int, param, value string) error {
	return edit(h, name, i, param, value, false)
}

// RemoveChallenge removes challenge i of the field name (WWW-Authenticate
// or Proxy-Authenticate), with the separator that joined it, and leaves
// every other byte of the field as received; see
// [httpauth.Editor.AppendRemoveChallenge]. A line left without challenges
// is removed from the field, and a field left without lines from h; on
// error h is unchanged. It allocates at most once, for the changed line.
func RemoveChallenge(h http.Header, name string, i int) error {
	return edit(h, name, i, "", "", true)
}

func edit(h http.Header, name string, i int, param, value string, remove bool) error {
	ed := editors.Get().(*httpauth.Editor)
	defer editors.Put(ed)
	var stack [1024]byte
	lines := Values(h, name)
	var b []byte
	var n int
	var err error
	if remove {
		b, n, err = ed.AppendRemoveChallenge(stack[:0], lines, i)
	} else {
		b, n, err = ed.AppendSetParam(stack[:0], lines, i, param, value)
	}
	if err != nil {
		return err
	}
	// Find the key and index of line n, in the order of Values.
	k, j := key(name), n
	if j >= len(h[k]) {
		k, j = otherKey(h, k, j-len(h[k]))
	}
	if j < 0 {
		return errors.New("header: the field changed during the edit")
	}
	vs := h[k]
	if blank(b) {
		vs = slices.Delete(vs, j, j+1)
		if len(vs) == 0 {
			delete(h, k)
		} else {
			h[k] = vs
		}
		return nil
	}
	vs[j] = string(b)
	return nil
}

// otherKey returns the non-canonical key of h, in the sorted order of
// Values, that holds its j-th line, and the index in that key's lines, or
// -1 if there is none.
func otherKey(h http.Header, canon string, j int) (string, int) {
	var keys []string
	for k := range h {
		if k != canon && httpauth.EqualFold(k, canon) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if j < len(h[k]) {
			return k, j
		}
		j -= len(h[k])
	}
	return "", -1
}

// blank reports whether b holds no list element: only OWS and commas.
func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != ',' {
			return false
		}
	}
	return true
}
