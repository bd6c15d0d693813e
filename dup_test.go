package httpauth_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

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

func manyNames(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "n%d=v", i)
	}
	return b.String()
}
