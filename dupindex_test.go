package httpauth_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

// The duplicate-name checks (dupindex.go): every duplicate found, ASCII
// case-insensitively, and linear work whatever the names, in the parser and
// in the encoder.

// TestDuplicateLongLists covers the hashed duplicate check that long
// parameter lists switch to: every duplicate is still found, ASCII
// case-insensitively, and distinct names never collide into a false one.
func TestDuplicateLongLists(t *testing.T) {
	p := httpauth.Parser{Limits: httpauth.Limits{MaxParams: -1, MaxLineBytes: -1}}
	for _, n := range []int{15, 16, 17, 100, 1000, 3000} {
		names := make([]string, n)
		for i := range names {
			names[i] = fmt.Sprintf("p%d", i)
		}
		line := "X " + strings.Join(names, "=v, ") + "=v"
		cs, err := p.ParseChallenges(nil, line)
		if err != nil || len(cs) != 1 || len(cs[0].Params) != n {
			t.Fatalf("%d distinct params: got %d challenges, err %v", n, len(cs), err)
		}
		for _, dup := range []int{0, n / 2, n - 1} {
			in := line + ", P" + names[dup][1:] + "=w"
			_, err := p.ParseChallenges(nil, in)
			var se *httpauth.SyntaxError
			if !errors.Is(err, httpauth.ErrDuplicateParam) || !errors.As(err, &se) || se.Offset != len(line)+2 {
				t.Errorf("%d params, duplicate of #%d: error %v, want ErrDuplicateParam at offset %d", n, dup, err, len(line)+2)
			}
			lp := httpauth.Parser{Lenient: true, Limits: p.Limits}
			cs, err := lp.ParseChallenges(nil, in)
			if err != nil || len(cs) != 1 || len(cs[0].Params) != n || len(lp.Warnings()) != 1 {
				t.Errorf("lenient, %d params, duplicate of #%d: %d params, %d warnings, err %v; want %d params and one warning",
					n, dup, len(cs[0].Params), len(lp.Warnings()), err, n)
			}
		}
	}
	// A second challenge starts a new list: the same names again are fine.
	two := "X " + manyNames(40) + ", Y " + manyNames(40)
	if cs, err := p.ParseChallenges(nil, two); err != nil || len(cs) != 2 {
		t.Errorf("two challenges with the same 40 names: %d challenges, %v", len(cs), err)
	}
	// Authentication-Info lists use the same check.
	if _, err := p.ParseParams(nil, manyNames(40)+", N39=x"); !errors.Is(err, httpauth.ErrDuplicateParam) {
		t.Errorf("ParseParams with a duplicate among 41: %v, want ErrDuplicateParam", err)
	}
}

// manyNames returns n distinct params "n0=v, n1=v, ...".
func manyNames(n int) string {
	s, _ := listLine(n, func(i int) string { return fmt.Sprintf("n%d=v", i) })
	return s
}

// TestDuplicateIndexFlood checks that the duplicate-name index of long
// parameter lists costs the same for names an attacker chose and for
// plain ones. The chosen names share the low 8 bits of the hash the index
// used before (FNV-1a over the lowercased name, unseeded), which put them
// all in a few of its buckets and made 8,192 parameters quadratic: the
// test first checks, by simulating that index, that they do. The index
// now hashes with a per-process seed; the test counts the slots it visits
// per parameter (Parser.DupProbes), in strict and lenient mode, and
// requires at most 3 per parameter for the chosen names (the previous
// index: 32) and at most 1.5 times what plain names cost.
func TestDuplicateIndexFlood(t *testing.T) {
	const n = 8192
	chosen := floodNames(n)
	plain := make([]string, n)
	for i := range plain {
		plain[i] = fmt.Sprintf("p%d", i)
	}
	old, base := oldIndexProbes(chosen), oldIndexProbes(plain)
	if old < 50*base {
		t.Fatalf("the chosen names cost the previous index %d probes, plain names %d: they no longer flood it", old, base)
	}
	t.Logf("previous index: %.1f probes per parameter for the chosen names, %.2f for plain ones", float64(old)/n, float64(base)/n)
	for _, lenient := range []bool{false, true} {
		cost := func(names []string) float64 {
			p := httpauth.Parser{Lenient: lenient, Limits: httpauth.Limits{MaxParams: -1, MaxLineBytes: -1}}
			cs, err := p.ParseChallenges(nil, "X "+strings.Join(names, "=v, ")+"=v")
			if err != nil || len(cs) != 1 || len(cs[0].Params) != n {
				t.Fatalf("lenient %v: %d challenges, %v", lenient, len(cs), err)
			}
			return float64(p.DupProbes()) / n
		}
		c, b := cost(chosen), cost(plain)
		t.Logf("lenient %v: %.2f probes per parameter for the chosen names, %.2f for plain ones", lenient, c, b)
		if c > 3 || c > 1.5*b {
			t.Errorf("lenient %v: %.2f probes per parameter for the chosen names, %.2f for plain ones", lenient, c, b)
		}
	}
}

// fnv1a is the hash of the previous duplicate index: FNV-1a over the
// ASCII-lowercased name.
func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// floodNames returns n distinct tokens whose fnv1a shares its low 8 bits.
func floodNames(n int) []string {
	r := rand.New(rand.NewPCG(9, 9))
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_"
	seen := map[string]bool{}
	var out []string
	b := make([]byte, 10)
	for len(out) < n {
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		if s := string(b); fnv1a(s)&0xFF == 0 && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// oldIndexProbes counts the slots the previous index visited to enter
// names one by one: linear probing in a table of 4n slots, FNV-1a.
func oldIndexProbes(names []string) int {
	size := 64
	for size < 4*len(names) {
		size *= 2
	}
	table := make([]bool, size)
	mask := uint32(size - 1)
	probes := 0
	for _, s := range names {
		h := fnv1a(s) & mask
		for table[h] {
			probes++
			h = (h + 1) & mask
		}
		table[h] = true
	}
	return probes + 1
}

// TestEncodeLinear checks that the encoder's duplicate check (once a nested
// loop: 8,000 parameters took about 100 ms) does linear work: the number of
// hash-table slots it looks at per parameter, at n and at 8n parameters,
// for plain names, names that share a long prefix, and names that differ
// only in case (which must fold to the same slot). A quadratic check looks
// at about 8 times more per parameter at 8n; this one about as many.
func TestEncodeLinear(t *testing.T) {
	const n = 1000
	gens := map[string]func(i int) string{
		"plain":         func(i int) string { return fmt.Sprintf("p%d", i) },
		"shared prefix": func(i int) string { return fmt.Sprintf("%s%08d", strings.Repeat("x", 120), i) },
		"mixed case":    func(i int) string { return strings.Map(flipCase(i), fmt.Sprintf("name-%x", i)) },
	}
	for name, gen := range gens {
		perParam := func(n int) float64 {
			ps := make(httpauth.Params, n)
			for i := range ps {
				ps[i] = httpauth.Param{Name: gen(i), Value: "v"}
			}
			probes := httpauth.CountDupProbes(func() {
				if _, err := httpauth.AppendParams(nil, ps); err != nil {
					t.Fatal(err)
				}
			})
			return float64(probes) / float64(n)
		}
		a, b := perParam(n), perParam(8*n)
		t.Logf("%s: %.2f slots per parameter at %d, %.2f at %d", name, a, n, b, 8*n)
		if a < 1 || a > 3 || b > 3 || b/a > 1.5 {
			t.Errorf("%s names: %.2f slots per parameter at %d parameters, %.2f at %d; want between 1 and 3 at both (linear)", name, a, n, b, 8*n)
		}
	}
}

// flipCase returns a mapping that upper-cases the letters of a name
// according to the bits of i.
func flipCase(i int) func(rune) rune {
	k := 0
	return func(r rune) rune {
		k++
		if 'a' <= r && r <= 'z' && i>>(k%16)&1 == 1 {
			return r - 'a' + 'A'
		}
		return r
	}
}

// TestEncodeDuplicates covers the hashed duplicate check of long lists:
// every duplicate is found, ASCII case-insensitively, at its index, and
// distinct names never collide into a false one.
func TestEncodeDuplicates(t *testing.T) {
	for _, n := range []int{2, 8, 9, 100, httpauth.DefaultMaxParams, httpauth.DefaultMaxParams + 1, 3000} {
		ps := make(httpauth.Params, n)
		for i := range ps {
			ps[i] = httpauth.Param{Name: fmt.Sprintf("name%d", i), Value: "v"}
		}
		if _, err := httpauth.AppendParams(nil, ps); err != nil {
			t.Fatalf("%d distinct names: %v", n, err)
		}
		for _, k := range []int{0, n / 2, n - 1} {
			dup := append(ps[:n:n], httpauth.Param{Name: strings.ToUpper(ps[k].Name), Value: "w"}, httpauth.Param{Name: "after", Value: "x"})
			_, err := httpauth.AppendParams(nil, dup)
			checkEncodeErr(t, fmt.Sprintf("%d names, duplicate of #%d", n, k), err, encodeErr{strings.ToUpper(ps[k].Name), n, -1, httpauth.ErrDuplicateParam})
		}
		// The first fault in list order is reported: a bad value before
		// the duplicate.
		bad := append(ps[:n:n], httpauth.Param{Name: "ctl", Value: "\n"}, ps[0])
		_, err := httpauth.AppendParams(nil, bad)
		checkEncodeErr(t, fmt.Sprintf("%d names, a bad value then a duplicate", n), err, encodeErr{"ctl", n, 0, httpauth.ErrControl})
	}
	// Only ASCII letters fold: '^' and '~' differ by the case bit too.
	for _, names := range [][2]string{{"a^", "A~"}, {"ab", "abc"}, {"a", "a_"}} {
		ps := make(httpauth.Params, 20)
		for i := range ps {
			ps[i] = httpauth.Param{Name: fmt.Sprintf("n%d", i), Value: "v"}
		}
		ps[3].Name, ps[17].Name = names[0], names[1]
		_, err := httpauth.AppendParams(nil, ps)
		if errors.Is(err, httpauth.ErrDuplicateParam) {
			t.Errorf("names %q and %q reported as duplicates: %v", names[0], names[1], err)
		}
	}
}
