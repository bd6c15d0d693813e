package httpauth_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

// The benchmark names are a contract (DESIGN.md): BenchmarkLexer/<case>,
// BenchmarkParseChallenges/<case>, BenchmarkParseCredentials/<case>,
// BenchmarkAppendChallenge/<case> and BenchmarkScanFloor/<case> run over the
// same inputs, so each can be read as a ratio to the floor.
//
// BenchmarkParseChallenges and BenchmarkParseCredentials measure the hot
// path: a reused Parser appending into a reused destination. The
// convenience functions (two allocations per call) are measured by
// BenchmarkParseChallengesFunc and BenchmarkParseCredentialsFunc.

func BenchmarkLexer(b *testing.B) {
	for _, tc := range benchCases {
		if tc.field == "credentials" && hasChallengeCase(tc.name) {
			continue // same bytes as the challenge case of that name
		}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.in)))
			var lx httpauth.Lexer
			n := 0
			for b.Loop() {
				lx.Reset(tc.in)
				for lx.Next() {
					n++
				}
			}
			if lx.Err() != nil {
				b.Fatal(lx.Err())
			}
		})
	}
}

func BenchmarkScanFloor(b *testing.B) {
	for _, tc := range benchCases {
		if tc.field == "credentials" && hasChallengeCase(tc.name) {
			continue
		}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.in)))
			n := 0
			for b.Loop() {
				n += scanFloor(tc.in)
			}
			if n == 0 {
				b.Fatal("scanFloor counted nothing")
			}
		})
	}
}

// floorTable marks tchar, as the parser's own table does; scanFloor is the
// least work any parser must do: look at every byte once in a table.
var floorTable = func() (t [256]bool) {
	for _, c := range []byte("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		t[c] = true
	}
	return t
}()

func scanFloor(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if floorTable[s[i]] {
			n++
		}
	}
	return n
}

func hasChallengeCase(name string) bool {
	for _, tc := range benchCases {
		if tc.name == name && tc.field == "challenge" {
			return true
		}
	}
	return false
}

func BenchmarkParseChallenges(b *testing.B) {
	for _, tc := range benchCases {
		if tc.field != "challenge" {
			continue
		}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.in)))
			p := httpauth.Parser{Lenient: tc.lenient}
			var dst []httpauth.Challenge
			var err error
			for b.Loop() {
				dst, err = p.ParseChallenges(dst[:0], tc.in)
			}
			if err != nil || len(dst) == 0 {
				b.Fatal(len(dst), err)
			}
		})
	}
}

func BenchmarkParseChallengesFunc(b *testing.B) {
	for _, tc := range benchCases {
		if tc.field != "challenge" || tc.lenient {
			continue
		}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.in)))
			var cs []httpauth.Challenge
			var err error
			for b.Loop() {
				cs, err = httpauth.ParseChallenges(tc.in)
			}
			if err != nil || len(cs) == 0 {
				b.Fatal(len(cs), err)
			}
		})
	}
}

func BenchmarkParseCredentials(b *testing.B) {
	for _, tc := range benchCases {
		if tc.field != "credentials" {
			continue
		}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.in)))
			p := httpauth.Parser{Lenient: tc.lenient}
			var c httpauth.Credentials
			var err error
			for b.Loop() {
				c, err = p.ParseCredentials(c.Params[:0], tc.in)
			}
			if err != nil || c.Scheme == "" {
				b.Fatal(err)
			}
		})
	}
}

func BenchmarkParseCredentialsFunc(b *testing.B) {
	for _, tc := range benchCases {
		if tc.field != "credentials" || tc.lenient {
			continue
		}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.in)))
			var c httpauth.Credentials
			var err error
			for b.Loop() {
				c, err = httpauth.ParseCredentials(tc.in)
			}
			if err != nil || c.Scheme == "" {
				b.Fatal(err)
			}
		})
	}
}

func BenchmarkAppendChallenge(b *testing.B) {
	for _, tc := range benchCases {
		if tc.field != "challenge" {
			continue
		}
		p := httpauth.Parser{Lenient: tc.lenient}
		cs, err := p.ParseChallenges(nil, tc.in)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.in)))
			buf := make([]byte, 0, 4*len(tc.in))
			for b.Loop() {
				buf = buf[:0]
				for i, c := range cs {
					if i > 0 {
						buf = append(buf, ", "...)
					}
					if buf, err = httpauth.AppendChallenge(buf, c); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// linearInputs are the inputs of BenchmarkLinear: a field of n bytes made
// of one repeated shape, parsed with the limits raised so that the whole
// input is read. Compare ns/byte between the sizes: it must stay flat.
var linearInputs = []struct {
	name  string
	build func(n int) string
	parse func(p *httpauth.Parser, s string) error
}{
	{"commas", func(n int) string { return "a=b" + strings.Repeat(",", n-len("a=b=c")) + "c=d" },
		func(p *httpauth.Parser, s string) error { _, err := p.ParseParams(nil, s); return err }},
	{"commas-challenges", func(n int) string { return "Basic" + strings.Repeat(" ,", (n-len("Basic"))/2) },
		func(p *httpauth.Parser, s string) error { _, err := p.ParseChallenges(nil, s); return err }},
	{"pairs", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "a%d=b, ", i)
		}
		return strings.TrimSuffix(b.String(), ", ")
	}, func(p *httpauth.Parser, s string) error { _, err := p.ParseParams(nil, s); return err }},
	{"challenges", func(n int) string {
		return strings.TrimSuffix(strings.Repeat("S a=b, ", n/len("S a=b, ")), ", ")
	}, func(p *httpauth.Parser, s string) error { _, err := p.ParseChallenges(nil, s); return err }},
	{"escapes", func(n int) string { return `a="` + strings.Repeat(`\\`, (n-len(`a=""`))/2) + `"` },
		func(p *httpauth.Parser, s string) error { _, err := p.ParseParams(nil, s); return err }},
	{"unterminated", func(n int) string { return `Basic realm="` + strings.Repeat(`x\"`, n/3) },
		func(p *httpauth.Parser, s string) error { _, err := p.ParseChallenges(nil, s); return err }},
	{"token68-like", func(n int) string { return "Basic " + strings.Repeat("a", n) + " b" },
		func(p *httpauth.Parser, s string) error { _, err := p.ParseChallenges(nil, s); return err }},
	// One long list grows the duplicate index, then many lists just long
	// enough to use it: starting each must not cost the size of the
	// index.
	{"index-resets", func(n int) string {
		var b strings.Builder
		b.WriteString("A " + manyNames(4096))
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, ", S%d %s", i, manyNames(17))
		}
		return b.String()
	}, func(p *httpauth.Parser, s string) error { _, err := p.ParseChallenges(nil, s); return err }},
}

// BenchmarkLinear/<input>/<size> parses the same shape at 64 KiB and
// 1 MiB; the work per byte must be about the same at both sizes. It
// reports cpu-ns/B, the CPU time of the process (GC included) per input
// byte, which a loaded machine distorts less than ns/op (wall clock). It
// checks only that the parse ends with the expected result, never its
// time: there is no timing in pass/fail tests.
func BenchmarkLinear(b *testing.B) {
	lim := httpauth.Limits{
		MaxLineBytes:     -1,
		MaxChallenges:    -1,
		MaxParams:        -1,
		MaxEmptyElements: -1,
	}
	for _, in := range linearInputs {
		for _, size := range []struct {
			name string
			n    int
		}{{"64KiB", 64 << 10}, {"1MiB", 1 << 20}} {
			b.Run(in.name+"/"+size.name, func(b *testing.B) {
				s := in.build(size.n)
				p := &httpauth.Parser{Limits: lim}
				wantErr := in.name == "unterminated" || in.name == "token68-like"
				if err := in.parse(p, s); (err != nil) != wantErr {
					b.Fatalf("parse: %v (want error: %v)", err, wantErr)
				}
				b.SetBytes(int64(len(s)))
				b.ReportAllocs()
				cpu0, ok := processCPUTime()
				for b.Loop() {
					in.parse(p, s)
				}
				if cpu1, ok1 := processCPUTime(); ok && ok1 {
					// CPU time of the whole process (GC included)
					// per input byte: unlike ns/op, it does not grow
					// when other processes take the cores.
					b.ReportMetric(float64(cpu1-cpu0)/float64(b.N)/float64(len(s)), "cpu-ns/B")
				}
			})
		}
	}
}
