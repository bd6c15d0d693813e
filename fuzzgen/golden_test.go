package fuzzgen_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/authwire/httpauth/fuzzgen"
	"github.com/authwire/httpauth/fuzzgen/internal/goldenfile"
)

// TestGoldenUpToDate: golden_cases.go is what go generate writes from the
// repository's testdata now. When it fails, run go generate ./fuzzgen and
// review the diff.
func TestGoldenUpToDate(t *testing.T) {
	cases, err := goldenfile.Load("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	want, err := goldenfile.Source(cases)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("golden_cases.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("golden_cases.go is out of date with testdata: run go generate ./fuzzgen and review the diff")
	}
}

// TestGoldenOracle holds the parser to every golden case as fuzzgen
// states it: this checks the reading of the files (their expected
// results are checked against the files by the root package's golden
// tests).
func TestGoldenOracle(t *testing.T) {
	cases := fuzzgen.Golden()
	if len(cases) < 250 {
		t.Fatalf("Golden() has %d cases, want the few hundred of testdata", len(cases))
	}
	modes := map[fuzzgen.Mode]int{}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { checkOracle(t, &c) })
		modes[c.Mode]++
	}
	for _, m := range []fuzzgen.Mode{fuzzgen.Valid, fuzzgen.NearValid, fuzzgen.Hostile} {
		if modes[m] == 0 {
			t.Errorf("no golden case of mode %s", m)
		}
	}
}

// TestGoldenCopies: Golden returns new slices, so a caller's change does
// not reach the next call.
func TestGoldenCopies(t *testing.T) {
	a := fuzzgen.Golden()
	a[0].Lines[0] = "changed"
	if b := fuzzgen.Golden(); b[0].Lines[0] == "changed" {
		t.Fatal("Golden shares its lines between calls")
	}
}
