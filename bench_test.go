package httpauth_test

import (
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
