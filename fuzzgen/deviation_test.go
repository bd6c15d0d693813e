package fuzzgen

import (
	"testing"

	"github.com/authwire/httpauth"
)

// TestEveryWarningKind: each recovery of lenient mode has a near-valid
// deviation, so that a campaign maps a target's leniency kind by kind.
func TestEveryWarningKind(t *testing.T) {
	for k := httpauth.WarningKind(1); ; k++ {
		if k.String() == "unknown warning" {
			if k == 1 {
				t.Fatal("no warning kind")
			}
			break
		}
		if DeviationName(k) == "" {
			t.Errorf("warning kind %d (%s) has no near-valid deviation", k, k)
		}
	}
}

// TestDeviationsBuild builds each deviation in each of its fields many
// times: the case is built around the deviation (Case.Deviation), and
// strict parsing has a fault to report (the oracle tests check where).
func TestDeviationsBuild(t *testing.T) {
	g := New(7)
	for i := range deviations {
		d := &deviations[i]
		for _, f := range d.fields {
			for range 200 {
				g.cats = 0
				c := g.nearValidOf(f, d)
				if c.Deviation() != d.kind || c.Err == nil {
					t.Fatalf("%s in %s: warnings %v, fault %v", d.name, f, c.Warnings, c.Err)
				}
			}
		}
	}
}
