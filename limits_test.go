package httpauth_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

// The resource rules of DESIGN.md ("Limits and safety"): each limit holds
// exactly at its bound and fails one past it with an error wrapping
// ErrLimit (never a silent truncation), with the defaults and with the
// limits overridden (the duplicate-name checks are in dupindex_test.go).
// BenchmarkLinear (bench_test.go) shows that parse time is
// linear.

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
	s, _ := paramsLine(n)
	return s
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

// lineOf returns `Basic realm="xxx..."` of exactly n bytes (n >= 14).
func lineOf(n int) string {
	return `Basic realm="` + strings.Repeat("x", n-14) + `"`
}

// challengesLine returns n distinct challenges "Sa, Sxb, ..." on one line,
// and the offset of the last one.
func challengesLine(n int) (string, int) {
	return listLine(n, func(i int) string {
		return "S" + strings.Repeat("x", i%7) + string(rune('a'+i%26))
	})
}

// paramsLine returns "p0=v, p1=v, ..." with n distinct names, and the
// offset of the last name.
func paramsLine(n int) (string, int) {
	return listLine(n, func(i int) string { return fmt.Sprintf("p%d=v", i) })
}

// listLine joins elem(0) ... elem(n-1) with ", " and returns the offset of
// the last element.
func listLine(n int, elem func(int) string) (string, int) {
	var b strings.Builder
	last := 0
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		last = b.Len()
		b.WriteString(elem(i))
	}
	return b.String(), last
}

func TestLimits(t *testing.T) {
	type limitTest struct {
		name   string
		limits httpauth.Limits
		lines  []string
		n      int      // challenges expected (also on error: decision 12)
		err    *errCase // wraps ErrLimit
	}
	var tests []limitTest

	// Bytes per field line: exactly at the bound passes, one more fails at
	// the offset of the bound.
	tests = append(tests,
		limitTest{"line default at", httpauth.Limits{}, []string{lineOf(httpauth.DefaultMaxLineBytes)}, 1, nil},
		limitTest{"line default past", httpauth.Limits{}, []string{lineOf(httpauth.DefaultMaxLineBytes + 1)}, 0, wantErrIs(0, httpauth.DefaultMaxLineBytes, httpauth.ErrLimit)},
		limitTest{"line default past second line", httpauth.Limits{}, []string{`Bearer`, lineOf(httpauth.DefaultMaxLineBytes + 1)}, 1, wantErrIs(1, httpauth.DefaultMaxLineBytes, httpauth.ErrLimit)},
		limitTest{"line 20 at", httpauth.Limits{MaxLineBytes: 20}, []string{lineOf(20)}, 1, nil},
		limitTest{"line 20 past", httpauth.Limits{MaxLineBytes: 20}, []string{lineOf(21)}, 0, wantErrIs(0, 20, httpauth.ErrLimit)},
		limitTest{"line unlimited", httpauth.Limits{MaxLineBytes: -1}, []string{lineOf(100000)}, 1, nil},
	)

	// Challenges per field (all lines together).
	at, _ := challengesLine(httpauth.DefaultMaxChallenges)
	past, lastOff := challengesLine(httpauth.DefaultMaxChallenges + 1)
	three, off3 := challengesLine(3)
	many, _ := challengesLine(1000)
	tests = append(tests,
		limitTest{"challenges default at", httpauth.Limits{}, []string{at}, httpauth.DefaultMaxChallenges, nil},
		limitTest{"challenges default past", httpauth.Limits{}, []string{past}, httpauth.DefaultMaxChallenges, wantErrIs(0, lastOff, httpauth.ErrLimit)},
		limitTest{"challenges 2 at", httpauth.Limits{MaxChallenges: 2}, []string{`A, B`}, 2, nil},
		limitTest{"challenges 2 past", httpauth.Limits{MaxChallenges: 2}, []string{three}, 2, wantErrIs(0, off3, httpauth.ErrLimit)},
		limitTest{"challenges 2 past across lines", httpauth.Limits{MaxChallenges: 2}, []string{`A`, `B`, `C`}, 2, wantErrIs(2, 0, httpauth.ErrLimit)},
		limitTest{"challenges unlimited", httpauth.Limits{MaxChallenges: -1}, []string{many}, 1000, nil},
	)

	// Params per challenge.
	pAt, _ := paramsLine(httpauth.DefaultMaxParams)
	pPast, pLast := paramsLine(httpauth.DefaultMaxParams + 1)
	pMany, _ := paramsLine(2000)
	tests = append(tests,
		limitTest{"params default at", httpauth.Limits{}, []string{"X " + pAt}, 1, nil},
		limitTest{"params default past", httpauth.Limits{}, []string{"X " + pPast}, 0, wantErrIs(0, 2+pLast, httpauth.ErrLimit)},
		limitTest{"params 2 at", httpauth.Limits{MaxParams: 2}, []string{`X a=1, b=2, Y c=3, d=4`}, 2, nil},
		limitTest{"params 2 past", httpauth.Limits{MaxParams: 2}, []string{`X a=1, b=2, Y c=3, d=4, e=5`}, 1, wantErrIs(0, 24, httpauth.ErrLimit)},
		limitTest{"params unlimited", httpauth.Limits{MaxParams: -1, MaxLineBytes: -1}, []string{"X " + pMany}, 1, nil},
	)

	// Empty list elements in a row: k commas between two elements are k-1
	// empty elements.
	commas := func(k int) string { return "A" + strings.Repeat(",", k) + "B" }
	tests = append(tests,
		limitTest{"empty default at", httpauth.Limits{}, []string{commas(httpauth.DefaultMaxEmptyElements + 1)}, 2, nil},
		limitTest{"empty default past", httpauth.Limits{}, []string{commas(httpauth.DefaultMaxEmptyElements + 2)}, 1, wantErrIs(0, 1+httpauth.DefaultMaxEmptyElements+1, httpauth.ErrLimit)},
		limitTest{"empty default past with spaces", httpauth.Limits{}, []string{"A" + strings.Repeat(" ,", 18) + " B"}, 0, wantErrIs(0, 36, httpauth.ErrLimit)},
		limitTest{"empty 1 at", httpauth.Limits{MaxEmptyElements: 1}, []string{`A,,B`}, 2, nil},
		limitTest{"empty 1 past", httpauth.Limits{MaxEmptyElements: 1}, []string{`A,,,B`}, 1, wantErrIs(0, 3, httpauth.ErrLimit)},
		limitTest{"64 commas", httpauth.Limits{}, []string{strings.Repeat(",", 64)}, 0, wantErrIs(0, 16, httpauth.ErrLimit)},
		limitTest{"empty leading at", httpauth.Limits{}, []string{strings.Repeat(",", 16) + "A"}, 1, nil},
		limitTest{"empty leading past", httpauth.Limits{}, []string{strings.Repeat(",", 17) + "A"}, 0, wantErrIs(0, 16, httpauth.ErrLimit)},
		limitTest{"empty trailing at", httpauth.Limits{}, []string{"A" + strings.Repeat(",", 16)}, 1, nil},
		limitTest{"empty trailing past", httpauth.Limits{}, []string{"A" + strings.Repeat(",", 17)}, 1, wantErrIs(0, 18, httpauth.ErrLimit)},
	)

	for _, tt := range tests {
		p := httpauth.Parser{Limits: tt.limits}
		got, err := p.ParseChallenges(nil, tt.lines...)
		if ok, why := checkErr(err, tt.err); !ok {
			t.Errorf("%s: (*Parser{Limits: %+v}).ParseChallenges = %d challenges, %v: %s", tt.name, tt.limits, len(got), err, why)
			continue
		}
		if len(got) != tt.n {
			t.Errorf("%s: (*Parser{Limits: %+v}).ParseChallenges = %d challenges, want %d", tt.name, tt.limits, len(got), tt.n)
		}
		if err != nil {
			var le *httpauth.LimitError
			if !errors.As(err, &le) || le.Limit <= 0 {
				t.Errorf("%s: error %v does not hold a *LimitError with its limit", tt.name, err)
			}
		}
	}

	// The package-level functions use the defaults.
	if _, err := httpauth.ParseChallenges(lineOf(httpauth.DefaultMaxLineBytes + 1)); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("ParseChallenges(<%d bytes>) error = %v, want ErrLimit", httpauth.DefaultMaxLineBytes+1, err)
	}
	if _, err := httpauth.ParseParams(pPast); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("ParseParams(<%d params>) error = %v, want ErrLimit", httpauth.DefaultMaxParams+1, err)
	}
	if _, err := httpauth.ParseParams(pAt); err != nil {
		t.Errorf("ParseParams(<%d params>) error = %v, want nil", httpauth.DefaultMaxParams, err)
	}
	if _, err := httpauth.ParseCredentials("X " + pPast); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("ParseCredentials(<%d params>) error = %v, want ErrLimit", httpauth.DefaultMaxParams+1, err)
	}
	if _, err := httpauth.ParseCredentials("Basic " + strings.Repeat("a", httpauth.DefaultMaxLineBytes)); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("ParseCredentials(<%d bytes>) error = %v, want ErrLimit", httpauth.DefaultMaxLineBytes+6, err)
	}
}

// TestLimitsUnlimitedEmptyElements checks that a negative MaxEmptyElements
// means no limit, as the Limits documentation says.
func TestLimitsUnlimitedEmptyElements(t *testing.T) {
	for _, lines := range [][]string{{`A, B`}, {"A" + strings.Repeat(",", 5000) + "B"}} {
		p := httpauth.Parser{Limits: httpauth.Limits{MaxEmptyElements: -1}}
		got, err := p.ParseChallenges(nil, lines...)
		if err != nil || len(got) != 2 {
			t.Errorf("(*Parser{MaxEmptyElements: -1}).ParseChallenges(%.20q...) = %v, %v, want 2 challenges", lines[0], got, err)
		}
	}
	p := httpauth.Parser{Limits: httpauth.Limits{MaxEmptyElements: -1}}
	if got, err := p.ParseParams(nil, `a=1, b=2`); err != nil || len(got) != 2 {
		t.Errorf("(*Parser{MaxEmptyElements: -1}).ParseParams(%q) = %v, %v, want 2 params", `a=1, b=2`, got, err)
	}
}

// TestLimitsEmptyLines checks that empty field lines count as empty list
// elements for MaxEmptyElements: several lines are one list as if joined by
// ", " (decision 1), so 17 empty lines between two challenges are 17 empty
// elements in a row.
func TestLimitsEmptyLines(t *testing.T) {
	at := []string{"A"}
	for i := 0; i < httpauth.DefaultMaxEmptyElements; i++ {
		at = append(at, "")
	}
	at = append(at, "B")
	if cs, err := httpauth.ParseChallenges(at...); err != nil || len(cs) != 2 {
		t.Errorf("ParseChallenges(A, 16 empty lines, B) = %v, %v, want 2 challenges", cs, err)
	}
	past := append([]string{"A", ""}, at[1:]...)
	if cs, err := httpauth.ParseChallenges(past...); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("ParseChallenges(A, 17 empty lines, B) = %v, %v, want ErrLimit", cs, err)
	}
}

// TestLimitsFieldsCached guards the cache of resolved limits in
// Parser.parse, which compares the five fields of Limits one by one (a
// struct comparison costs a call per parse): a new field must be added
// there, and then here.
func TestLimitsFieldsCached(t *testing.T) {
	if n := reflect.TypeOf(httpauth.Limits{}).NumField(); n != 5 {
		t.Fatalf("Limits has %d fields; Parser.parse compares 5 to know when to resolve them again: add the new one there", n)
	}
}
