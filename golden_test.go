package httpauth_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/txtar"
	"github.com/google/go-cmp/cmp"
)

// update rewrites the output sections of the golden files from what the
// code does now. Review every change it makes: a golden file states what is
// right by the RFC, not what the code happens to do.
var update = flag.Bool("update", false, "rewrite the output sections of testdata/golden/*.txtar")

// The golden files are described in testdata/README.md.

// splitOut splits a rendering (lines joined by "\n", no final newline) into
// lines; "" is no line at all.
func splitOut(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// renderParams renders params one per line, with Go quoting so that escapes
// and spaces are visible.
func renderParams(b *strings.Builder, indent string, ps httpauth.Params) {
	for _, p := range ps {
		fmt.Fprintf(b, "%s%q = %q\n", indent, p.Name, p.Value)
	}
}

func renderChallenges(cs []httpauth.Challenge) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "challenge %q\n", c.Scheme)
		if c.Token68 != "" {
			fmt.Fprintf(&b, "  token68 %q\n", c.Token68)
		}
		renderParams(&b, "  ", c.Params)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func renderCredentials(c httpauth.Credentials) string {
	var b strings.Builder
	fmt.Fprintf(&b, "credentials %q\n", c.Scheme)
	if c.Token68 != "" {
		fmt.Fprintf(&b, "  token68 %q\n", c.Token68)
	}
	renderParams(&b, "  ", c.Params)
	return strings.TrimSuffix(b.String(), "\n")
}

func renderParamList(ps httpauth.Params) string {
	var b strings.Builder
	renderParams(&b, "", ps)
	return strings.TrimSuffix(b.String(), "\n")
}

// goldenKind is the grammar a golden file's field uses.
type goldenKind int

const (
	kindChallenges goldenKind = iota
	kindCredentials
	kindParams
)

func fieldKind(field string) (goldenKind, error) {
	switch strings.ToLower(strings.TrimSpace(field)) {
	case "", "www-authenticate", "proxy-authenticate":
		return kindChallenges, nil
	case "authorization", "proxy-authorization":
		return kindCredentials, nil
	case "authentication-info", "proxy-authentication-info":
		return kindParams, nil
	}
	return 0, fmt.Errorf("unknown field %q", field)
}

// goldenParse parses lines as the field k and renders the result.
func goldenParse(k goldenKind, lines []string) (any, string, error) {
	switch k {
	case kindChallenges:
		cs, err := httpauth.ParseChallenges(lines...)
		return cs, renderChallenges(cs), err
	case kindCredentials:
		if len(lines) != 1 {
			return nil, "", fmt.Errorf("an Authorization golden case needs exactly one field line, got %d", len(lines))
		}
		c, err := httpauth.ParseCredentials(lines[0])
		return c, renderCredentials(c), err
	default:
		ps, err := httpauth.ParseParams(lines...)
		return ps, renderParamList(ps), err
	}
}

// goldenEncode returns the canonical encoding of v, one line per challenge.
func goldenEncode(enc httpauth.Encoder, v any) ([]string, error) {
	switch v := v.(type) {
	case []httpauth.Challenge:
		var out []string
		for _, c := range v {
			b, err := enc.AppendChallenge(nil, c)
			if err != nil {
				return nil, err
			}
			out = append(out, string(b))
		}
		return out, nil
	case httpauth.Credentials:
		b, err := enc.AppendCredentials(nil, v)
		if err != nil {
			return nil, err
		}
		return []string{string(b)}, nil
	case httpauth.Params:
		b, err := enc.AppendParams(nil, v)
		if err != nil {
			return nil, err
		}
		if len(b) == 0 {
			return nil, nil
		}
		return []string{string(b)}, nil
	}
	panic(fmt.Sprintf("encode: unexpected %T", v))
}

func TestGolden(t *testing.T) {
	files, err := txtar.Glob(filepath.Join("testdata", "golden"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) { testGoldenFile(t, file) })
	}
}

// loadCase reads a case file: its archive, the field lines of its input
// (or input.q) section, which must come first, and the grammar of its
// field section.
func loadCase(t *testing.T, file string) (*txtar.Archive, []string, goldenKind) {
	t.Helper()
	a, err := txtar.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := a.Input()
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	k, err := fieldKind(a.Field())
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return a, lines, k
}

// updateSections rewrites the output sections of file from got under
// -update and reports true; otherwise it checks every output section
// against got (and that the file has no unknown section) and reports false.
func updateSections(t *testing.T, file string, a *txtar.Archive, outputs []string, got map[string]string) bool {
	t.Helper()
	if *update {
		keep := []txtar.Section{}
		for _, s := range a.Sections {
			if s.Name == "input" || s.Name == "input.q" || s.Name == "field" {
				keep = append(keep, s)
			}
		}
		for _, name := range outputs {
			if d, ok := got[name]; ok {
				keep = append(keep, txtar.Section{Name: name, Data: d})
			}
		}
		a.Sections = keep
		if err := os.WriteFile(file, a.Format(), 0o666); err != nil {
			t.Fatal(err)
		}
		return true
	}
	for _, s := range a.Sections {
		switch s.Name {
		case "input", "input.q", "field":
		default:
			if !goldenContains(outputs, s.Name) {
				t.Errorf("%s: unknown section %q", file, s.Name)
			}
		}
	}
	for _, name := range outputs {
		want, wok := a.Get(name)
		g, gok := got[name]
		if wok != gok {
			t.Errorf("%s: section %q: in file %v, produced %v (got %q)", file, name, wok, gok, g)
			continue
		}
		if diff := cmp.Diff(want, g); diff != "" {
			t.Errorf("%s: section %q mismatch (-want +got):\n%s", file, name, diff)
		}
	}
	return false
}

func testGoldenFile(t *testing.T, file string) {
	a, lines, k := loadCase(t, file)

	// What the code does now.
	v, parsed, perr := goldenParse(k, lines)
	got := map[string]string{}
	if perr != nil {
		var se *httpauth.SyntaxError
		if !errors.As(perr, &se) {
			t.Fatalf("%s: error %v (%T) is not a *SyntaxError", file, perr, perr)
		}
		got["error"] = perr.Error() + "\n"
		// Challenges keep what was complete before the error (decision
		// 12); the other fields return nothing on error, and the parsed
		// section must then be absent.
		if k == kindChallenges {
			got["parsed"] = sectionText(splitOut(parsed))
		} else if !goldenIsZero(v) {
			t.Errorf("%s: %v with a non-empty result:\n%s", file, perr, parsed)
		}
	} else {
		got["parsed"] = sectionText(splitOut(parsed))
		enc, eerr := goldenEncode(httpauth.Encoder{}, v)
		if eerr == nil {
			setLines(got, "encoded", enc)
		} else {
			got["encode-error"] = eerr.Error() + "\n"
			enc, eerr = goldenEncode(httpauth.Encoder{AllowObsText: true}, v)
			if eerr != nil {
				t.Errorf("%s: a value the parser accepted is refused even with AllowObsText: %v", file, eerr)
			} else {
				setLines(got, "encoded-obs-text", enc)
			}
		}
	}

	outputs := []string{"parsed", "encoded", "encoded.q", "encode-error", "encoded-obs-text", "encoded-obs-text.q", "error"}
	if updateSections(t, file, a, outputs, got) {
		return
	}

	// Idempotence: each encoded line parses to the same values and
	// encodes to the same bytes.
	for _, name := range []string{"encoded", "encoded.q", "encoded-obs-text", "encoded-obs-text.q"} {
		data, ok := a.Get(name)
		if !ok || perr != nil {
			continue
		}
		enc := httpauth.Encoder{AllowObsText: strings.HasPrefix(name, "encoded-obs-text")}
		encLines, err := txtar.DecodeLines(data, strings.HasSuffix(name, ".q"))
		if err != nil {
			t.Fatalf("%s: %s: %v", file, name, err)
		}
		checkIdempotent(t, file, k, enc, encLines, v)
	}
}

// checkIdempotent parses the encoded lines again and requires the same
// values and the same bytes back.
func checkIdempotent(t *testing.T, file string, k goldenKind, enc httpauth.Encoder, encLines []string, want any) {
	t.Helper()
	v2, _, err := goldenParse(k, encLines)
	if err != nil {
		t.Errorf("%s: the encoding does not parse again: %v", file, err)
		return
	}
	if diff := cmp.Diff(goldenNormalize(want), goldenNormalize(v2)); diff != "" {
		t.Errorf("%s: values after goldenParse(goldenEncode(v)) differ (-want +got):\n%s", file, diff)
	}
	again, err := goldenEncode(enc, v2)
	if err != nil {
		t.Errorf("%s: re-encoding fails: %v", file, err)
		return
	}
	if diff := cmp.Diff(encLines, again); diff != "" {
		t.Errorf("%s: encoding is not idempotent (-want +got):\n%s", file, diff)
	}
}

// normalize maps empty Params slices to nil, so that values compare by
// content and not by how their storage was allocated.
func goldenNormalize(v any) any {
	switch v := v.(type) {
	case []httpauth.Challenge:
		out := make([]httpauth.Challenge, len(v))
		for i, c := range v {
			out[i] = c
			if len(c.Params) == 0 {
				out[i].Params = nil
			}
		}
		if len(out) == 0 {
			return []httpauth.Challenge(nil)
		}
		return out
	case httpauth.Credentials:
		// A plain struct, so that a diff shows the values and not the
		// redacted String form.
		c := plainCredentials{Scheme: v.Scheme, Token68: v.Token68, Params: v.Params}
		if len(c.Params) == 0 {
			c.Params = nil
		}
		return c
	case httpauth.Params:
		if len(v) == 0 {
			return httpauth.Params(nil)
		}
	}
	return v
}

type plainCredentials struct {
	Scheme  string
	Token68 string
	Params  httpauth.Params
}

func goldenIsZero(v any) bool {
	switch v := v.(type) {
	case []httpauth.Challenge:
		return len(v) == 0
	case httpauth.Credentials:
		return v.Scheme == "" && v.Token68 == "" && len(v.Params) == 0
	case httpauth.Params:
		return len(v) == 0
	}
	return v == nil
}

// sectionText formats output lines as a section, marking trailing spaces
// with "$".
func sectionText(lines []string) string {
	s, _ := txtar.EncodeLines(lines)
	return s
}

// setLines stores lines under name, or under name+".q" if they must be
// shown as Go strings.
func setLines(got map[string]string, name string, lines []string) {
	s, quoted := txtar.EncodeLines(lines)
	if quoted {
		name += ".q"
	}
	got[name] = s
}

func goldenContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
