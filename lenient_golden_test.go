package httpauth_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestLenientGolden runs the lenient-mode cases (testdata/lenient: one per
// deviation of DESIGN.md "Lenient mode") and the realistic corpus
// (testdata/corpus: header values as real services and devices send them).
// Each file records the strict and the lenient outcome; the format is
// described in testdata/README.md. Besides comparing the sections it checks
// that
//   - the encoded lenient result parses strictly to the same values, so that
//     what lenient mode recovers can be forwarded as a valid field;
//   - an input that strict parsing accepts gives the same values in lenient
//     mode, with no warning.
//
// `go test -run TestLenientGolden -update` rewrites the output sections.
func TestLenientGolden(t *testing.T) {
	var files []string
	for _, dir := range []string{"lenient", "corpus"} {
		fs, err := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) == 0 {
			t.Fatalf("no files in testdata/%s", dir)
		}
		files = append(files, fs...)
	}
	for _, file := range files {
		name := filepath.Base(filepath.Dir(file)) + "/" + strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) { testLenientFile(t, file) })
	}
}

// lenientOutputs are the sections TestLenientGolden produces, in file order.
var lenientOutputs = []string{"strict", "lenient", "warnings", "lenient-error", "encoded", "encoded.q"}

// lenientParse parses lines as the field k with p and returns the values,
// their rendering (as in the golden files; what a failed ParseChallenges
// returned, nothing for the other fields on error) and the error.
func lenientParse(p *httpauth.Parser, k goldenKind, lines []string) (any, string, error) {
	switch k {
	case kindChallenges:
		cs, err := p.ParseChallenges(nil, lines...)
		return cs, renderChallenges(cs), err
	case kindCredentials:
		if len(lines) != 1 {
			return nil, "", fmt.Errorf("an Authorization case needs exactly one field line, got %d", len(lines))
		}
		c, err := p.ParseCredentials(nil, lines[0])
		if err != nil {
			return c, "", err
		}
		return c, renderCredentials(c), nil
	default:
		ps, err := p.ParseParams(nil, lines...)
		return ps, renderParamList(ps), err
	}
}

// renderWarnings formats warnings as "line:offset: message", one per line.
func renderWarnings(ws []httpauth.Warning) []string {
	var out []string
	for _, w := range ws {
		msg := w.Message
		if w.Err != nil {
			msg += ": " + w.Err.Error()
		}
		out = append(out, fmt.Sprintf("%d:%d: %s", w.Line, w.Offset, msg))
	}
	return out
}

// lenientCmp compares parse results by content: empty and nil Params are
// the same, and Credentials are compared field by field.
var lenientCmp = cmp.Options{cmpopts.EquateEmpty()}

func lenientDiff(want, got any) string {
	return cmp.Diff(goldenNormalize(want), goldenNormalize(got), lenientCmp)
}

func testLenientFile(t *testing.T, file string) {
	a, lines, k := loadCase(t, file)

	got := map[string]string{}

	// Strict: the values, then the error after what ParseChallenges kept.
	var strict httpauth.Parser
	sv, srender, serr := lenientParse(&strict, k, lines)
	sout := splitOut(srender)
	if serr != nil {
		var se *httpauth.SyntaxError
		if !errors.As(serr, &se) {
			t.Fatalf("%s: strict error %v (%T) is not a *SyntaxError", file, serr, serr)
		}
		sout = append(sout, "error: "+serr.Error())
	}
	got["strict"] = sectionText(sout)

	// Lenient: the values (also a partial result), the warnings, the error.
	lp := httpauth.Parser{Lenient: true}
	lv, lrender, lerr := lenientParse(&lp, k, lines)
	warns := append([]httpauth.Warning(nil), lp.Warnings()...)
	got["lenient"] = sectionText(splitOut(lrender))
	got["warnings"] = sectionText(renderWarnings(warns))
	if lerr != nil {
		var se *httpauth.SyntaxError
		if !errors.As(lerr, &se) {
			t.Fatalf("%s: lenient error %v (%T) is not a *SyntaxError", file, lerr, lerr)
		}
		got["lenient-error"] = lerr.Error() + "\n"
	}

	// The canonical encoding of what lenient mode recovered.
	var (
		encLines []string
		err      error
	)
	// Opaque credentials are not a token68: the encoder refuses them, and
	// the file has no encoded section.
	encodable := !(k == kindCredentials && (lerr != nil || hasKind(warns, httpauth.WarnOpaqueCredentials)))
	if encodable {
		encLines, err = goldenEncode(httpauth.Encoder{AllowObsText: true}, lv)
		if err != nil {
			t.Errorf("%s: the lenient result does not encode: %v", file, err)
			encodable = false
		} else {
			setLines(got, "encoded", encLines)
		}
	} else if lerr == nil {
		checkOpaque(t, lines[0], lv.(httpauth.Credentials), warns)
	}

	updateSections(t, file, a, lenientOutputs, got)

	// What strict mode accepts, lenient mode reads the same, silently.
	if serr == nil {
		if lerr != nil {
			t.Errorf("%s: strict parsing succeeds but lenient parsing fails: %v", file, lerr)
		}
		if diff := lenientDiff(sv, lv); diff != "" {
			t.Errorf("%s: strict and lenient values differ (-strict +lenient):\n%s", file, diff)
		}
		if len(warns) > 0 {
			t.Errorf("%s: lenient warnings on a strictly valid input:\n%s", file, strings.Join(renderWarnings(warns), "\n"))
		}
	}

	// What lenient mode recovered re-encodes to a strictly valid field
	// with the same values.
	if encodable && (k != kindCredentials || len(encLines) == 1) {
		var p httpauth.Parser
		v2, _, err := lenientParse(&p, k, encLines)
		if err != nil {
			t.Errorf("%s: the encoded lenient result does not parse strictly: %v", file, err)
		} else if diff := lenientDiff(lv, v2); diff != "" {
			t.Errorf("%s: the encoded lenient result parses to other values (-lenient +reparsed):\n%s", file, diff)
		}
	}
}
