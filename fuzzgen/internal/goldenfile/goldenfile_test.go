package goldenfile

import (
	"slices"
	"testing"

	"github.com/authwire/httpauth/fuzzgen"
	"github.com/authwire/httpauth/internal/txtar"
)

// TestParse reads case files of each kind as the repository writes them
// and checks the case fuzzgen states.
func TestParse(t *testing.T) {
	tests := []struct {
		name, file string
		lines      []string
		mode       fuzzgen.Mode
		err        *fuzzgen.Fault
		cats       []fuzzgen.Category
	}{
		{
			name: "golden/valid",
			file: "A comment.\n-- input --\nBasic realm=\"caf\xc3\xa9\"  $\n-- parsed --\nchallenge \"Basic\"\n  \"realm\" = \"caf\\u00e9\"\n",
			// "$" marks the end of the line; the byte %xC3 is in a
			// quoted-string: obs-text.
			lines: []string{"Basic realm=\"caf\xc3\xa9\"  "},
			mode:  fuzzgen.Valid,
			cats:  []fuzzgen.Category{fuzzgen.CatParams, fuzzgen.CatQuoted, fuzzgen.CatObsText},
		},
		{
			name:  "golden/input-q",
			file:  "-- input.q --\n\"Basic realm=\\\"a\\\\\\x01\\\"\"\n\"Bearer\"\n-- error --\nhttpauth: line 0, offset 15: control character in a quoted-pair\n",
			lines: []string{"Basic realm=\"a\\\x01\"", "Bearer"},
			mode:  fuzzgen.Hostile,
			err:   &fuzzgen.Fault{Line: 0, Offset: 15, Class: fuzzgen.ErrSyntax},
			// The control character is escaped, still a control
			// character.
			cats: []fuzzgen.Category{fuzzgen.CatLines, fuzzgen.CatEscapes, fuzzgen.CatQuoted, fuzzgen.CatCTL},
		},
		{
			name:  "golden/obs-text-outside",
			file:  "-- input.q --\n\"Basic realm=caf\\xe9\"\n-- error --\nhttpauth: line 0, offset 15: non-ASCII byte outside a quoted-string\n",
			lines: []string{"Basic realm=caf\xe9"},
			mode:  fuzzgen.Hostile,
			err:   &fuzzgen.Fault{Line: 0, Offset: 15, Class: fuzzgen.ErrSyntax},
			cats:  []fuzzgen.Category{fuzzgen.CatCTL},
		},
		{
			name:  "lenient/near-valid",
			file:  "-- input --\nBasic realm=\"x\", realm=\"y\"\n-- strict --\nerror: httpauth: line 0, offset 17: duplicate parameter name (RFC 9110 section 11.2)\n-- lenient --\nchallenge \"Basic\"\n  \"realm\" = \"x\"\n-- warnings --\n0:17: duplicate parameter name, ignored (the first one wins; RFC 9110 section 11.2)\n",
			lines: []string{`Basic realm="x", realm="y"`},
			mode:  fuzzgen.NearValid,
			err:   &fuzzgen.Fault{Line: 0, Offset: 17, Class: fuzzgen.ErrDuplicate},
			cats:  []fuzzgen.Category{fuzzgen.CatQuoted, fuzzgen.CatDuplicates, fuzzgen.CatLenient},
		},
	}
	for _, tt := range tests {
		c, ok, err := parse(tt.name, txtar.Parse(tt.file))
		if err != nil || !ok {
			t.Fatalf("%s: ok %v, error %v", tt.name, ok, err)
		}
		if !slices.Equal(c.Lines, tt.lines) || c.Mode != tt.mode {
			t.Errorf("%s: lines %q, mode %s; want %q, %s", tt.name, c.Lines, c.Mode, tt.lines, tt.mode)
		}
		if (c.Err == nil) != (tt.err == nil) || c.Err != nil && *c.Err != *tt.err {
			t.Errorf("%s: fault %+v, want %+v", tt.name, c.Err, tt.err)
		}
		if !slices.Equal(c.Categories, tt.cats) {
			t.Errorf("%s: categories %v, want %v", tt.name, c.Categories, tt.cats)
		}
	}
}
