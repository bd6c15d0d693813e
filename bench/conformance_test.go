package bench

import (
	"strings"
	"testing"
)

// TestConformance runs the hand-written corpus (the benchmarks' cases)
// through every implementation and logs its table (go test -v shows it).
// It fails when httpauth, either API, is wrong on any case: the corpus
// values are written by hand and httpauth must match all of them. The
// golden inputs, generated values and more parsers are the conformance
// kit's (../conformance).
func TestConformance(t *testing.T) {
	var cases []*Case
	for i := range Corpus {
		cases = append(cases, &Corpus[i])
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
