package httpauth_test

import (
	"testing"

	"github.com/authwire/httpauth"
)

// TestNoAllocs pins the allocation counts the documentation states, each
// exactly, so that a regression from 0 to 1 or from 1 to 2 fails: the
// lexer never allocates; a reused Parser with a reused destination
// allocates nothing on inputs without quoted-pair escapes, one string per
// escaped value otherwise; ParseChallenges allocates once whatever the
// number of challenges and params (plus the escaped values);
// ParseCredentials allocates nothing for a token68 and once for params;
// ParseParams once; encoders with enough capacity allocate nothing. Race
// and coverage builds add allocations, so the test is skipped there; it
// never runs in parallel (AllocsPerRun).
func TestNoAllocs(t *testing.T) {
	skipIfAllocsInflated(t)
	check := func(t *testing.T, name string, want float64, f func()) {
		t.Helper()
		if got := testing.AllocsPerRun(1000, f); got != want {
			t.Errorf("%s: %v allocs per run, want %v", name, got, want)
		}
	}
	many := manyParams(200)
	cases := append([]benchCase{}, benchCases...)
	cases = append(cases,
		benchCase{name: "many-params", field: "challenge", in: many},
		benchCase{name: "many-challenges", field: "challenge", in: manyChallenges(60)},
	)
	for _, tc := range cases {
		t.Run(tc.field+"/"+tc.name, func(t *testing.T) {
			check(t, "Lexer", 0, func() {
				var lx httpauth.Lexer
				lx.Reset(tc.in)
				for lx.Next() {
				}
				if lx.Err() != nil {
					panic(lx.Err())
				}
			})
			escaped := 0.0
			if tc.escapes {
				escaped = 1 // title="Login to \"apps\""
			}
			switch tc.field {
			case "challenge":
				p := httpauth.Parser{Lenient: tc.lenient}
				dst := must(p.ParseChallenges(nil, tc.in))
				check(t, "Parser.ParseChallenges", escaped, func() {
					dst = must(p.ParseChallenges(dst[:0], tc.in))
				})
				if !tc.lenient {
					check(t, "ParseChallenges", 1+escaped, func() {
						must(httpauth.ParseChallenges(tc.in))
					})
				}
				buf := make([]byte, 0, 8*len(tc.in))
				check(t, "AppendChallenge", 0, func() {
					for _, c := range dst {
						buf = must(httpauth.AppendChallenge(buf[:0], c))
					}
				})
			case "credentials":
				p := httpauth.Parser{Lenient: tc.lenient}
				c := must(p.ParseCredentials(nil, tc.in))
				check(t, "Parser.ParseCredentials", escaped, func() {
					c = must(p.ParseCredentials(c.Params[:0], tc.in))
				})
				if !tc.lenient {
					want := escaped
					if len(c.Params) > 0 {
						want++ // the params
					}
					check(t, "ParseCredentials", want, func() {
						must(httpauth.ParseCredentials(tc.in))
					})
				}
				buf := make([]byte, 0, 8*len(tc.in))
				check(t, "AppendCredentials", 0, func() {
					buf = must(httpauth.AppendCredentials(buf[:0], c))
				})
			}
		})
	}
	t.Run("params", func(t *testing.T) {
		in := `nextnonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", qop=auth, rspauth="8ca523f5e9506fed4657c9700eebdbec", cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", nc=00000001`
		var p httpauth.Parser
		ps := must(p.ParseParams(nil, in))
		check(t, "Parser.ParseParams", 0, func() { ps = must(p.ParseParams(ps[:0], in)) })
		check(t, "ParseParams", 1, func() { must(httpauth.ParseParams(in)) })
		check(t, "ParseParams, none", 0, func() { must(httpauth.ParseParams(" , ")) })
		buf := make([]byte, 0, 2*len(in))
		check(t, "AppendParams", 0, func() { buf = must(httpauth.AppendParams(buf[:0], ps)) })
	})
	t.Run("empty", func(t *testing.T) {
		check(t, "ParseChallenges", 0, func() { must(httpauth.ParseChallenges(" , ")) })
		check(t, "ParseCredentials, scheme alone", 0, func() { must(httpauth.ParseCredentials("Negotiate")) })
	})
	t.Run("unquote", func(t *testing.T) {
		check(t, "Unquote without escapes", 0, func() { must(httpauth.Unquote(`"no escapes here"`)) })
		check(t, "Unquote with escapes", 1, func() { must(httpauth.Unquote(`"a \"b\" c"`)) })
		buf := make([]byte, 0, 64)
		check(t, "AppendUnquote", 0, func() { buf = must(httpauth.AppendUnquote(buf[:0], `"a \"b\" c"`)) })
	})
	t.Run("lookup", func(t *testing.T) {
		c := httpauth.MustParseChallenge(`Digest realm="x", NONCE="abc", qop="auth"`)
		check(t, "Params.Get", 0, func() {
			if v, ok := c.Params.Get("nonce"); !ok || v != "abc" {
				panic("lookup failed")
			}
		})
		check(t, "EqualFold", 0, func() {
			if !httpauth.EqualFold("Digest", "DIGEST") {
				panic("EqualFold")
			}
		})
	})
}

// must panics on error, so that AllocsPerRun measures the success path.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func manyParams(n int) string {
	b := []byte("Custom ")
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, 'p')
		b = appendInt(b, i)
		b = append(b, `="value"`...)
	}
	return string(b)
}

func manyChallenges(n int) string {
	var b []byte
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, 'S')
		b = appendInt(b, i)
		b = append(b, ` realm="r", x=1`...)
	}
	return string(b)
}

func appendInt(b []byte, i int) []byte {
	if i >= 10 {
		b = appendInt(b, i/10)
	}
	return append(b, byte('0'+i%10))
}
