package bench

import (
	"os"
	"regexp"
	"strings"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/fuzzgen"
)

// AllCases returns the corpus followed by the golden inputs found in dir
// (none if dir does not exist).
func AllCases(dir string) ([]*Case, error) {
	var out []*Case
	for i := range Corpus {
		out = append(out, &Corpus[i])
	}
	gs, err := LoadGolden(dir)
	if err != nil {
		return nil, err
	}
	return append(out, gs...), nil
}

// LoadGolden returns the golden cases (the project's testdata/golden, as
// package fuzzgen carries them, written and reviewed by hand) whose field
// is WWW-Authenticate or one Authorization line, with the expected values
// of their parsed section or their error. Files for Authentication-Info
// fields are left out: no other parser reads them. dir is the golden
// directory; when it does not exist, there are none.
func LoadGolden(dir string) ([]*Case, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, nil
	}
	var out []*Case
	for _, g := range fuzzgen.Golden() {
		name, ok := strings.CutPrefix(g.Name, "golden/")
		if !ok {
			continue
		}
		c := &Case{Name: g.Name, Source: "golden", Lines: g.Lines, WantErr: g.Err != nil}
		var want []httpauth.Challenge
		switch g.Field {
		case fuzzgen.Challenges:
			c.Field, want = Challenges, g.Challenges
		case fuzzgen.Credentials:
			c.Field = Credentials
			if g.Err == nil {
				want = []httpauth.Challenge{httpauth.Challenge(g.Credentials)}
			}
		default:
			continue
		}
		if !c.WantErr {
			c.Want = fromHTTPAuth(want)
		}
		c.Tags = goldenTags(name, c)
		out = append(out, c)
	}
	return out, nil
}

var (
	bwsRE   = regexp.MustCompile(`[ \t]=|=[ \t]`)
	emptyRE = regexp.MustCompile(`^[ \t]*,|,[ \t]*,|,[ \t]*$`)
)

// goldenTags guesses the features a golden case exercises from its input,
// for the per-feature summary.
func goldenTags(name string, c *Case) []string {
	var tags []string
	all := strings.Join(c.Lines, "\n")
	if len(c.Want) > 1 {
		tags = append(tags, TagMulti)
	}
	if len(c.Lines) > 1 {
		tags = append(tags, TagLines)
	}
	for _, a := range c.Want {
		if a.Token68 != "" {
			tags = append(tags, TagToken68)
			break
		}
	}
	if strings.Contains(all, `\`) {
		tags = append(tags, TagEscape)
	}
	if bwsRE.MatchString(all) {
		tags = append(tags, TagBWS)
	}
	empty := false
	for _, l := range c.Lines {
		if strings.TrimSpace(l) == "" || emptyRE.MatchString(l) {
			empty = true
		}
	}
	if empty {
		tags = append(tags, TagEmpty)
	}
	if strings.Contains(name, "duplicate") {
		tags = append(tags, TagDup)
	}
	if c.WantErr {
		tags = append(tags, TagInvalid)
	}
	return tags
}
