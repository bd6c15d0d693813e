package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/authwire/httpauth/internal/txtar"
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

// LoadGolden reads the golden cases of dir (*.txtar, the format of
// testdata/README.md in the root): the input lines, the field, and the
// expected values from the parsed section or an error section. Files for
// Authentication-Info fields are left out: no other parser reads them.
func LoadGolden(dir string) ([]*Case, error) {
	files, err := txtar.Glob(dir)
	if err != nil || len(files) == 0 {
		return nil, err
	}
	var out []*Case
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		c, err := parseGolden(strings.TrimSuffix(filepath.Base(f), ".txtar"), string(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		if c != nil {
			out = append(out, c)
		}
	}
	return out, nil
}

func parseGolden(name, data string) (*Case, error) {
	a := txtar.Parse(data)
	c := &Case{Name: "golden/" + name, Source: "golden", Field: Challenges}
	switch a.Field() {
	case "", "www-authenticate", "proxy-authenticate":
	case "authorization", "proxy-authorization":
		c.Field = Credentials
	default:
		return nil, nil // Authentication-Info
	}
	lines, err := a.Input()
	if err != nil {
		return nil, err
	}
	c.Lines = lines
	if c.Field == Credentials && len(c.Lines) != 1 {
		return nil, nil // not one Authorization value: nothing to compare
	}
	if _, ok := a.Get("error"); ok {
		c.WantErr = true
	} else {
		parsed, _ := a.Get("parsed")
		want, err := parseParsed(strings.Split(parsed, "\n"))
		if err != nil {
			return nil, fmt.Errorf("parsed: %v", err)
		}
		c.Want = want
	}
	c.Tags = goldenTags(name, c)
	return c, nil
}

// parseParsed reads a parsed section:
//
//	challenge "Basic"
//	  "realm" = "WallyWorld"
//	credentials "Negotiate"
//	  token68 "YIIBdg=="
func parseParsed(lines []string) ([]Auth, error) {
	var out []Auth
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
		case strings.HasPrefix(t, "challenge ") || strings.HasPrefix(t, "credentials "):
			_, q, _ := strings.Cut(t, " ")
			s, err := strconv.Unquote(q)
			if err != nil {
				return nil, fmt.Errorf("%q: %v", l, err)
			}
			out = append(out, Auth{Scheme: s})
		case len(out) == 0:
			return nil, fmt.Errorf("%q before a scheme", l)
		case strings.HasPrefix(t, "token68 "):
			s, err := strconv.Unquote(strings.TrimPrefix(t, "token68 "))
			if err != nil {
				return nil, fmt.Errorf("%q: %v", l, err)
			}
			out[len(out)-1].Token68 = s
		default:
			qn, err := strconv.QuotedPrefix(t)
			if err != nil {
				return nil, fmt.Errorf("%q: %v", l, err)
			}
			n, _ := strconv.Unquote(qn)
			rest, ok := strings.CutPrefix(t[len(qn):], " = ")
			if !ok {
				return nil, fmt.Errorf("%q: no ' = '", l)
			}
			v, err := strconv.Unquote(rest)
			if err != nil {
				return nil, fmt.Errorf("%q: %v", l, err)
			}
			a := &out[len(out)-1]
			a.Params = append(a.Params, Param{n, v})
		}
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
