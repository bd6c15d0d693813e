package httpauth_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

// TestWarningKindText checks that every kind has a message of its own and
// that Kinds and Has agree.
func TestWarningKindText(t *testing.T) {
	seen := map[string]httpauth.WarningKind{}
	for k := httpauth.WarnObsFold; k <= httpauth.WarnDropped; k++ {
		msg := k.String()
		if msg == "" || msg == "unknown warning" {
			t.Errorf("kind %d has no message", k)
		}
		if other, ok := seen[msg]; ok {
			t.Errorf("kinds %d and %d share the message %q", other, k, msg)
		}
		seen[msg] = k
		if s := httpauth.Kinds(k); !s.Has(k) || s.Has(k+1) || s.Has(k-1) {
			t.Errorf("Kinds(%d) = %b: Has is wrong", k, s)
		}
	}
	if got := httpauth.WarningKind(0).String(); got != "unknown warning" {
		t.Errorf("WarningKind(0).String() = %q", got)
	}
	if got := (httpauth.WarnDropped + 1).String(); got != "unknown warning" {
		t.Errorf("WarningKind past the last one: String() = %q", got)
	}
	if s := httpauth.Kinds(); s.Has(httpauth.WarnObsFold) {
		t.Errorf("the empty set has %v", httpauth.WarnObsFold)
	}
}

// TestWarningLimit checks the bound on warnings (Limits.MaxWarnings): the
// first ones are kept, in order, and one WarnDropped warning ends the list
// and counts the others.
func TestWarningLimit(t *testing.T) {
	// Five skipped challenges, one warning each.
	in := "A x y, B x y, C x y, D x y, E x y"
	for _, tt := range []struct {
		max     int
		kept    int
		dropped int
	}{
		{3, 3, 2},
		{5, 5, 0},
		{-1, 5, 0},
		{0, 5, 0}, // the default, 64
		{1, 1, 4},
	} {
		p := httpauth.Parser{Lenient: true, Limits: httpauth.Limits{MaxWarnings: tt.max}}
		if _, err := p.ParseChallenges(nil, in); err != nil {
			t.Fatalf("MaxWarnings %d: %v", tt.max, err)
		}
		ws := p.Warnings()
		wantLen := tt.kept
		if tt.dropped > 0 {
			wantLen++
		}
		if len(ws) != wantLen {
			t.Errorf("MaxWarnings %d: %d warnings, want %d", tt.max, len(ws), wantLen)
			continue
		}
		for i, w := range ws[:tt.kept] {
			if w.Kind != httpauth.WarnSkippedChallenge || w.Offset != 4+7*i {
				t.Errorf("MaxWarnings %d: warning %d is %v at %d", tt.max, i, w.Kind, w.Offset)
			}
		}
		if tt.dropped == 0 {
			continue
		}
		last := ws[len(ws)-1]
		if last.Kind != httpauth.WarnDropped || last.Offset != 4+7*tt.kept || !errors.Is(last.Err, httpauth.ErrLimit) ||
			!strings.HasPrefix(last.Err.Error(), fmt.Sprint(tt.dropped)+" more") || last.Message != httpauth.WarnDropped.String() {
			t.Errorf("MaxWarnings %d: last warning %v at %d, Err %v; want WarnDropped at %d saying %d more, wrapping ErrLimit",
				tt.max, last.Kind, last.Offset, last.Err, 4+7*tt.kept, tt.dropped)
		}
	}
}

// TestWarningAllocationBound parses 4 MiB of malformed challenges in
// lenient mode (each a warning, 700,000 in all) and requires the
// allocation to stay under 0.05 bytes per input byte: warnings are bounded
// by Limits.MaxWarnings and their messages are constants.
func TestWarningAllocationBound(t *testing.T) {
	line := strings.Repeat("X a b,", httpauth.DefaultMaxLineBytes/len("X a b,"))
	lines := make([]string, 4<<20/len(line))
	for i := range lines {
		lines[i] = line
	}
	n := len(line) * len(lines)
	p := httpauth.Parser{Lenient: true}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cs, err := p.ParseChallenges(nil, lines...)
	runtime.ReadMemStats(&after)
	if err != nil || len(cs) != 0 {
		t.Fatalf("%d challenges, %v; want none and no error", len(cs), err)
	}
	if got := len(p.Warnings()); got != httpauth.DefaultMaxWarnings+1 {
		t.Errorf("%d warnings, want %d and the WarnDropped one", got, httpauth.DefaultMaxWarnings)
	}
	perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(n)
	if perByte > 0.05 {
		t.Errorf("%d input bytes allocated %d bytes (%.3f per input byte), want at most 0.05 per byte",
			n, after.TotalAlloc-before.TotalAlloc, perByte)
	}
}
