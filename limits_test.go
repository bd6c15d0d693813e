package httpauth_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

// The resource rules of DESIGN.md ("Limits and safety"): each limit holds
// exactly at its bound and fails one past it with an error wrapping
// ErrLimit (never a silent truncation), with the defaults and with the
// limits overridden; parse time is linear (BenchmarkLinear); and no error
// quotes a secret of the input.

// limitCase is an input built to sit n units from a bound.
type limitCase struct {
	name string
	// build returns the field lines with n units of the limited thing.
	build func(n int) []string
	// parse parses lines with p.
	parse func(p *httpauth.Parser, lines []string) error
	// wantLine and wantOffset locate the error one past a bound of n.
	wantLine, wantOffset func(lines []string, n int) int
}

func parseChallengesWith(p *httpauth.Parser, lines []string) error {
	_, err := p.ParseChallenges(nil, lines...)
	return err
}

func parseCredentialsWith(p *httpauth.Parser, lines []string) error {
	_, err := p.ParseCredentials(nil, lines[0])
	return err
}

func parseParamsWith(p *httpauth.Parser, lines []string) error {
	_, err := p.ParseParams(nil, lines...)
	return err
}

// params returns n distinct params "p0=v, p1=v, ...".
func params(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "p%d=v", i)
	}
	return b.String()
}

// paramOffset returns the offset of the name of the param i of prefix +
// params(n).
func paramOffset(prefix string, i int) int {
	if i == 0 {
		return len(prefix)
	}
	return len(prefix) + len(params(i)) + len(", ")
}

func zero([]string, int) int { return 0 }

var limitCases = []struct {
	limit string // which Limits field
	def   int    // its default
	cases []limitCase
}{
	{"MaxLineBytes", httpauth.DefaultMaxLineBytes, []limitCase{
		{
			name: "challenge",
			build: func(n int) []string {
				return []string{`Basic realm="` + strings.Repeat("x", n-len(`Basic realm=""`)) + `"`}
			},
			parse:      parseChallengesWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return n - 1 },
		},
		{
			name: "second-line",
			build: func(n int) []string {
				return []string{"Basic", "Negotiate " + strings.Repeat("A", n-len("Negotiate "))}
			},
			parse:      parseChallengesWith,
			wantLine:   func([]string, int) int { return 1 },
			wantOffset: func(_ []string, n int) int { return n - 1 },
		},
		{
			// Trailing OWS is ignored by the grammar but counts
			// against the limit: it is checked before any work.
			name: "trailing-OWS",
			build: func(n int) []string {
				return []string{"Basic" + strings.Repeat(" ", n-len("Basic"))}
			},
			parse:      parseChallengesWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return n - 1 },
		},
		{
			name: "credentials",
			build: func(n int) []string {
				return []string{"Bearer " + strings.Repeat("A", n-len("Bearer "))}
			},
			parse:      parseCredentialsWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return n - 1 },
		},
		{
			name: "params",
			build: func(n int) []string {
				return []string{"a=" + strings.Repeat("b", n-len("a="))}
			},
			parse:      parseParamsWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return n - 1 },
		},
	}},
	{"MaxChallenges", httpauth.DefaultMaxChallenges, []limitCase{
		{
			name: "one-line",
			build: func(n int) []string {
				return []string{strings.TrimSuffix(strings.Repeat("Basic realm=x, ", n), ", ")}
			},
			parse:      parseChallengesWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return (n - 1) * len("Basic realm=x, ") },
		},
		{
			name: "one-per-line",
			build: func(n int) []string {
				lines := make([]string, n)
				for i := range lines {
					lines[i] = "Negotiate abc=="
				}
				return lines
			},
			parse:      parseChallengesWith,
			wantLine:   func(_ []string, n int) int { return n - 1 },
			wantOffset: zero,
		},
	}},
	{"MaxParams", httpauth.DefaultMaxParams, []limitCase{
		{
			name:       "challenge",
			build:      func(n int) []string { return []string{"Digest " + params(n)} },
			parse:      parseChallengesWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return paramOffset("Digest ", n-1) },
		},
		{
			// The limit is per challenge: two challenges of n-1
			// params each are fine (tested at the bound).
			name: "second-challenge",
			build: func(n int) []string {
				return []string{"A " + params(n-1), "B " + params(n)}
			},
			parse:      parseChallengesWith,
			wantLine:   func([]string, int) int { return 1 },
			wantOffset: func(_ []string, n int) int { return paramOffset("B ", n-1) },
		},
		{
			name:       "credentials",
			build:      func(n int) []string { return []string{"Digest " + params(n)} },
			parse:      parseCredentialsWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return paramOffset("Digest ", n-1) },
		},
		{
			name:       "params",
			build:      func(n int) []string { return []string{params(n)} },
			parse:      parseParamsWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return paramOffset("", n-1) },
		},
		{
			// Authentication-Info is one list over all its lines.
			name: "params-two-lines",
			build: func(n int) []string {
				return []string{params(n - 1), fmt.Sprintf("p%d=v", n-1)}
			},
			parse:      parseParamsWith,
			wantLine:   func([]string, int) int { return 1 },
			wantOffset: zero,
		},
	}},
	{"MaxEmptyElements", httpauth.DefaultMaxEmptyElements, []limitCase{
		{
			// n empty elements between two params: n+1 commas.
			name:       "between-params",
			build:      func(n int) []string { return []string{"a=b" + strings.Repeat(",", n+1) + "c=d"} },
			parse:      parseParamsWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return len("a=b") + n },
		},
		{
			name:       "between-challenges",
			build:      func(n int) []string { return []string{"Basic realm=x" + strings.Repeat(" ,", n+1) + " Bearer"} },
			parse:      parseChallengesWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return len("Basic realm=x") + 2*n + 1 },
		},
		{
			name:       "credentials-params",
			build:      func(n int) []string { return []string{"Digest a=b" + strings.Repeat(", ", n+1) + "c=d"} },
			parse:      parseCredentialsWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return len("Digest a=b") + 2*n },
		},
		{
			// n empty elements before the first one: n commas.
			name:       "start-of-list",
			build:      func(n int) []string { return []string{strings.Repeat(",", n) + "a=b"} },
			parse:      parseParamsWith,
			wantLine:   zero,
			wantOffset: func(_ []string, n int) int { return n - 1 },
		},
	}},
}

func withLimit(field string, v int) httpauth.Limits {
	var l httpauth.Limits
	switch field {
	case "MaxLineBytes":
		l.MaxLineBytes = v
	case "MaxChallenges":
		l.MaxChallenges = v
	case "MaxParams":
		l.MaxParams = v
	case "MaxEmptyElements":
		l.MaxEmptyElements = v
	}
	return l
}

func TestLimitsAtAndPastBound(t *testing.T) {
	for _, lc := range limitCases {
		for _, c := range lc.cases {
			t.Run(lc.limit+"/"+c.name, func(t *testing.T) {
				bounds := []struct {
					name string
					lim  httpauth.Limits
					n    int
				}{
					{"default", httpauth.Limits{}, lc.def},
					{"overridden", withLimit(lc.limit, 3+lc.def/8), 3 + lc.def/8},
				}
				if lc.limit == "MaxLineBytes" {
					bounds[1].n = 40 // room for the fixed text of the inputs
					bounds[1].lim = withLimit(lc.limit, 40)
				}
				for _, b := range bounds {
					p := &httpauth.Parser{Limits: b.lim}
					at := c.build(b.n)
					if err := c.parse(p, at); err != nil {
						t.Errorf("%s: at the bound %d: %v, want no error", b.name, b.n, err)
					}
					past := c.build(b.n + 1)
					err := c.parse(p, past)
					var se *httpauth.SyntaxError
					switch {
					case !errors.Is(err, httpauth.ErrLimit):
						t.Errorf("%s: one past the bound %d: %v, want an error wrapping ErrLimit", b.name, b.n, err)
					case !errors.As(err, &se):
						t.Errorf("%s: one past the bound %d: %T is not a *SyntaxError", b.name, b.n, err)
					case se.Line != c.wantLine(past, b.n+1) || se.Offset != c.wantOffset(past, b.n+1):
						t.Errorf("%s: one past the bound %d: error at line %d offset %d, want line %d offset %d",
							b.name, b.n, se.Line, se.Offset, c.wantLine(past, b.n+1), c.wantOffset(past, b.n+1))
					}
				}
			})
		}
	}
}

// A negative limit means no limit.
func TestLimitsNegativeIsUnlimited(t *testing.T) {
	for _, lc := range limitCases {
		t.Run(lc.limit, func(t *testing.T) {
			c := lc.cases[0]
			p := &httpauth.Parser{Limits: withLimit(lc.limit, -1)}
			if err := c.parse(p, c.build(4*lc.def)); err != nil {
				t.Errorf("%s = -1, input of 4x the default: %v, want no error", lc.limit, err)
			}
		})
	}
}

// Decision 12 holds at the challenge limit: the challenges before the one
// that passes it are returned with the error.
func TestLimitsChallengesPartialResult(t *testing.T) {
	line := strings.TrimSuffix(strings.Repeat("Basic realm=x, ", httpauth.DefaultMaxChallenges+1), ", ")
	cs, err := httpauth.ParseChallenges(line)
	if !errors.Is(err, httpauth.ErrLimit) {
		t.Fatalf("ParseChallenges(65 challenges) error = %v, want ErrLimit", err)
	}
	if len(cs) != httpauth.DefaultMaxChallenges {
		t.Errorf("ParseChallenges(65 challenges) returned %d challenges with the error, want %d", len(cs), httpauth.DefaultMaxChallenges)
	}
}

// ---- secrets ----

// secretAlphabet avoids the letters of the error messages' words being
// matched by chance: secrets are long random runs checked by 8-byte
// windows.
const secretAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

func newSecret(r *rand.Rand) string {
	b := make([]byte, 24)
	for i := range b {
		b[i] = secretAlphabet[r.IntN(len(secretAlphabet))]
	}
	return string(b)
}

// secretLeak returns a window of a secret that msg contains, or "".
func secretLeak(msg string, secrets []string) string {
	const w = 8
	for _, s := range secrets {
		for i := 0; i+w <= len(s); i++ {
			if strings.Contains(msg, s[i:i+w]) {
				return s[i : i+w]
			}
		}
	}
	return ""
}

// malformedCredentials returns a credentials value holding secrets (a
// token68 or param values, quoted or not) with one fault put in it.
func malformedCredentials(r *rand.Rand) (string, []string) {
	var b strings.Builder
	var secrets []string
	b.WriteString([]string{"Basic", "Bearer", "Digest", "DPoP", "X"}[r.IntN(5)])
	b.WriteByte(' ')
	if r.IntN(2) == 0 {
		s := newSecret(r)
		secrets = append(secrets, s)
		b.WriteString(s + strings.Repeat("=", r.IntN(3)))
	} else {
		for i, n := 0, 1+r.IntN(4); i < n; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			s := newSecret(r)
			secrets = append(secrets, s)
			if r.IntN(2) == 0 {
				fmt.Fprintf(&b, "n%d=%s", i, s)
			} else {
				fmt.Fprintf(&b, `n%d="%s\%s"`, i, s[:12], s[12:])
			}
		}
	}
	v := []byte(b.String())
	// One fault, anywhere, including inside a secret.
	faults := []string{"\x00", "\r\n", "\x7f", "\x80", `"`, `\`, ",", "=", "@", " ", "\t", ", Basic x", ",,", "é"}
	i := r.IntN(len(v) + 1)
	switch r.IntN(3) {
	case 0:
		v = append(v[:i], append([]byte(faults[r.IntN(len(faults))]), v[i:]...)...)
	case 1:
		if i < len(v) {
			v[i] = faults[r.IntN(len(faults))][0]
		}
	case 2:
		v = v[:i] // truncated, e.g. inside a quoted-string
	}
	return string(v), secrets
}

func TestErrorsHoldNoSecrets(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 6))
	errs := 0
	for i := 0; i < 20000; i++ {
		v, secrets := malformedCredentials(r)
		_, err := httpauth.ParseCredentials(v)
		if err == nil {
			continue
		}
		errs++
		if w := secretLeak(err.Error(), secrets); w != "" {
			t.Fatalf("ParseCredentials(%q) error %q quotes the secret fragment %q", v, err, w)
		}
		if w := secretLeak(fmt.Sprintf("%v %+v %#v", err, err, err), secrets); w != "" {
			t.Fatalf("ParseCredentials(%q) error printed with %%v/%%+v/%%#v quotes the secret fragment %q", v, w)
		}
		// The same value as a WWW-Authenticate or Authentication-Info
		// field must not leak either.
		if _, err := httpauth.ParseChallenges(v); err != nil {
			if w := secretLeak(err.Error(), secrets); w != "" {
				t.Fatalf("ParseChallenges(%q) error %q quotes the secret fragment %q", v, err, w)
			}
		}
		// Nor must a lenient parse's warnings.
		p := httpauth.Parser{Lenient: true}
		_, err = p.ParseCredentials(nil, v)
		for _, w := range p.Warnings() {
			if f := secretLeak(w.Message, secrets); f != "" {
				t.Fatalf("lenient ParseCredentials(%q) warning %q quotes the secret fragment %q", v, w.Message, f)
			}
		}
		if err != nil {
			if w := secretLeak(err.Error(), secrets); w != "" {
				t.Fatalf("lenient ParseCredentials(%q) error %q quotes the secret fragment %q", v, err, w)
			}
		}
	}
	if errs < 5000 {
		t.Fatalf("only %d of the generated values were malformed; the generator no longer tests errors", errs)
	}
}

// ---- linear time ----

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
