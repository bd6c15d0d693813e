package header_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/header"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzHeader stores field lines (joined by '\n') under two spellings of
// WWW-Authenticate and checks that reading them is parsing the lines in
// the documented order, and that the edits either refuse or leave a field
// that parses to the original with exactly that change.
func FuzzHeader(f *testing.F) {
	for _, s := range []string{
		`Basic realm="a"`, "Basic realm=\"a\"\nBearer realm=\"b\", scope=\"x y\"",
		`Digest realm="r", nonce="n", qop="auth, auth-int"`, "Negotiate\nNegotiate YII=",
		`Bearer realm="https://auth.internal/token",service="registry.internal"`,
		"Basic realm=\"a\r\nb\"", ", ,", "",
	} {
		f.Add(s, "", 0, "realm", "x")
		f.Add(s, `Newauth realm="z"`, 1, "scope", "a\r\nb")
	}
	opts := cmpopts.EquateEmpty()
	// A key as a hand-built header map may hold it: not canonical, on purpose.
	raw := strings.ToUpper(header.WWWAuthenticate)
	f.Fuzz(func(t *testing.T, canon, other string, i int, name, value string) {
		h := http.Header{}
		if canon != "" {
			h[header.WWWAuthenticate] = strings.Split(canon, "\n")
		}
		if other != "" {
			h[raw] = strings.Split(other, "\n")
		}
		lines := header.Values(h, header.WWWAuthenticate)
		want := append(append([]string(nil), h[header.WWWAuthenticate]...), h[raw]...)
		if !cmp.Equal(lines, want, opts) {
			t.Fatalf("Values = %q, want %q", lines, want)
		}
		got, gerr := header.Challenges(h, header.WWWAuthenticate)
		exp, eerr := httpauth.ParseChallenges(lines...)
		if (gerr == nil) != (eerr == nil) || !cmp.Equal(got, exp, opts) {
			t.Fatalf("Challenges = %v, %v; ParseChallenges(Values) = %v, %v", got, gerr, exp, eerr)
		}
		if eerr != nil || len(exp) == 0 {
			return
		}
		k := i % len(exp)
		if k < 0 {
			k = -k
		}
		e := h.Clone()
		if err := header.SetParam(e, header.WWWAuthenticate, k, name, value); err == nil {
			after, err := header.Challenges(e, header.WWWAuthenticate)
			if err != nil {
				t.Fatalf("SetParam(%d, %q, %q) left a field that does not parse: %v", k, name, value, err)
			}
			w := append([]httpauth.Challenge(nil), exp...)
			w[k].Params = append(httpauth.Params(nil), w[k].Params...)
			w[k].Params.Set(name, value)
			if !cmp.Equal(after, w, opts) {
				t.Fatalf("SetParam(%d, %q, %q) = %v, want %v", k, name, value, after, w)
			}
		}
		e = h.Clone()
		if err := header.RemoveChallenge(e, header.WWWAuthenticate, k); err == nil {
			after, err := header.Challenges(e, header.WWWAuthenticate)
			w := append(append([]httpauth.Challenge(nil), exp[:k]...), exp[k+1:]...)
			if err != nil || !cmp.Equal(after, w, opts) {
				t.Fatalf("RemoveChallenge(%d) = %v, %v, want %v", k, after, err, w)
			}
		}
	})
}
