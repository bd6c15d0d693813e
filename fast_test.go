package httpauth_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

// TestFastPathTaken pins which inputs the fast path reads, so that a change
// that makes it give up on a common shape shows as a failure, not only as
// a slower benchmark: every strict benchmark case, and shapes it must leave
// to the general grammar.
func TestFastPathTaken(t *testing.T) {
	var p httpauth.Parser
	for _, tc := range benchCases {
		if tc.lenient {
			continue
		}
		var err error
		if tc.field == "challenge" {
			_, err = p.ParseChallenges(nil, tc.in)
		} else {
			_, err = p.ParseCredentials(nil, tc.in)
			if !strings.Contains(tc.in, "=") || strings.HasSuffix(tc.in, "=") {
				continue // "scheme SP token68": ParseCredentials' own shortcut
			}
		}
		if err != nil || !p.TookFastPath() {
			t.Errorf("%s %s: fast path %v, error %v", tc.field, tc.name, p.TookFastPath(), err)
		}
	}
	for _, lines := range [][]string{
		{`Digest realm="a"`, `nonce="b", Basic realm=x`},
		{`Basic realm="a", Negotiate abc==, Bearer`},
	} {
		if _, err := p.ParseChallenges(nil, lines...); err != nil || !p.TookFastPath() {
			t.Errorf("%q: fast path %v, error %v", lines, p.TookFastPath(), err)
		}
	}
	// The first parameter after the scheme, with names of every length
	// around the sixteen bytes in which the fast path looks for its "="
	// (a longer name is told from a token68 by the token68 test).
	for n := 1; n <= 24; n++ {
		name := strings.Repeat("n", n)
		for _, line := range []string{`Basic ` + name + `="v"`, `Basic ` + name + `=v, b=1`} {
			cs, err := p.ParseChallenges(nil, line)
			if v, _ := cs[0].Params.Get(name); err != nil || v != "v" || !p.TookFastPath() {
				t.Errorf("%q: %v, %v, fast path %v", line, cs, err, p.TookFastPath())
			}
		}
	}
	if _, err := p.ParseParams(nil, `nextnonce="a", qop=auth`); err != nil || !p.TookFastPath() {
		t.Errorf("Authentication-Info: fast path %v, error %v", p.TookFastPath(), err)
	}
	for _, in := range []string{`Basic realm = "x"`, `Basic realm="x" , y=1`, `Basic , realm="x"`, `Basic realm="x", realm="y"`, "Basic realm=\"x\r\n y\""} {
		p.ParseChallenges(nil, in)
		if p.TookFastPath() {
			t.Errorf("%q: read by the fast path, which must leave it to the general grammar", in)
		}
	}
}

// TestFastPathEveryByte puts every byte at every position of a parameter's
// name and of its quoted value, on both sides of the eight-byte words the
// fast path reads, in the first parameter of a challenge and in a later
// one, at the end of the line and before another parameter. The fast path
// must give what the general grammar gives, and what the ABNF says:
//
//	tchar  = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
//	         "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
//	qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
func TestFastPathEveryByte(t *testing.T) {
	isTchar := func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
	}
	isQdtext := func(c byte) bool {
		return c == '\t' || c == ' ' || c == 0x21 || 0x23 <= c && c <= 0x5B || 0x5D <= c && c <= 0x7E || c >= 0x80
	}
	var fast, slow httpauth.Parser
	slow.SetFastPath(false)
	var dst []httpauth.Challenge
	for _, n := range []int{1, 7, 8, 9, 17, 24} {
		for pos := 0; pos < n; pos++ {
			for b := 0; b < 256; b++ {
				c := byte(b)
				body := []byte(strings.Repeat("a", n))
				body[pos] = c
				for _, in := range []struct {
					line, name, value string
					ok                bool
				}{
					{`Basic ` + string(body) + `=x`, string(body), "x", isTchar(c)},
					{`Basic zz=b, ` + string(body) + `=x, yy=d`, string(body), "x", isTchar(c)},
					{`Basic realm="` + string(body) + `"`, "realm", string(body), isQdtext(c)},
					{`Basic zz=b, realm="` + string(body) + `", yy=d`, "realm", string(body), isQdtext(c)},
				} {
					var err, serr error
					dst, err = fast.ParseChallenges(dst[:0], in.line)
					got := fmt.Sprint(dst, err)
					want, serr := slow.ParseChallenges(nil, in.line)
					if got != fmt.Sprint(want, serr) {
						t.Fatalf("%q: fast path %s, general grammar %v, %v", in.line, got, want, serr)
					}
					if !in.ok {
						continue
					}
					var v string
					found := false
					if len(dst) > 0 {
						v, found = dst[0].Params.Get(in.name)
					}
					if err != nil || !found || v != in.value || !fast.TookFastPath() {
						t.Fatalf("%q: %v, %v (fast path %v), want %s=%q from the fast path", in.line, dst, err, fast.TookFastPath(), in.name, in.value)
					}
				}
			}
		}
	}
}
