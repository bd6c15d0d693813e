package bench

import (
	"strings"
	"testing"
)

// TestConformance runs the corpus and the golden inputs through every
// implementation and logs the table (go test -v shows it). It fails when
// httpauth, either API, is wrong on any case: the corpus values are written
// by hand and httpauth must match all of them.
func TestConformance(t *testing.T) {
	cases, err := AllCases("../testdata/golden")
	if err != nil {
		t.Fatal(err)
	}
	rep := Run(cases)
	var b strings.Builder
	rep.WriteMarkdown(&b, All)
	t.Log("\n" + b.String())
	for i, c := range rep.Cases {
		for _, r := range rep.Results[i] {
			if r.Impl == nil || !IsHTTPAuth(r.Impl) || r.Verdict == OK {
				continue
			}
			if r.Err != nil {
				t.Errorf("%s (%s) / %s: %s: %v, want %s", c.Name, c.Source, r.Impl.Name, r.Verdict.Mark(), r.Err, FormatAuths(r.Want))
			} else {
				t.Errorf("%s (%s) / %s: %s: got %s, want %s", c.Name, c.Source, r.Impl.Name, r.Verdict.Mark(), FormatAuths(r.Got), FormatAuths(r.Want))
			}
		}
	}
}

// TestCorpusNames keeps benchmark and table names unique.
func TestCorpusNames(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Corpus {
		if seen[c.Name] {
			t.Errorf("duplicate case name %q", c.Name)
		}
		seen[c.Name] = true
	}
}
