package httpauth_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/fuzzgen"
)

// FuzzLenient checks lenient mode (DESIGN.md "Lenient mode") on the three
// grammars:
//   - lenient parsing never panics;
//   - an input that strict parsing accepts, lenient parsing accepts too,
//     with the same values and no warning;
//   - whatever lenient parsing recovers (also the challenges it returns
//     with an error) encodes with Encoder{AllowObsText: true} to field
//     lines that strict parsing accepts and that give the same values;
//   - each warning is on a line of the input, at an offset within that
//     line (the end of the line included), and warnings come in
//     non-decreasing (line, offset) order, so that a linter can print them
//     as it reads the input.
//
// The input is split into field lines at each '\n' that does not follow a
// '\r': a CRLF stays inside its line, so that obs-fold (CRLF then SP or
// HTAB), which lenient mode reads as a space, is fuzzed too. An
// Authorization value is the whole input, as one line.
//
// Seeds: the inputs of testdata/lenient, testdata/corpus and
// testdata/golden, a few hand-picked cases, and near-valid values of
// package fuzzgen.
func FuzzLenient(f *testing.F) {
	for _, s := range lenientFuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		lines := splitFieldLines(in)
		lenientFuzzChallenges(t, lines)
		lenientFuzzCredentials(t, in)
		lenientFuzzParams(t, lines)
	})
}

// lenientFuzzSeeds returns the input of every file of testdata/lenient,
// testdata/corpus and testdata/golden, lines joined by '\n', a few
// hand-picked inputs and generated near-valid ones.
func lenientFuzzSeeds(tb testing.TB) []string {
	seeds := []string{
		"",
		`Basic; realm="Secured area"`,
		"Basic\trealm=x",
		`Basic, realm="x"`,
		`Basic realm="x", JWT realm=gin jwt`,
		`Basic realm="x", Foo bar baz, Bearer realm="y"`,
		`Basic realm="x", Foo a==b==c d, Bearer realm="y"`,
		`Basic realm="Secured area`,
		"Basic realm=\"Secured\r\n area\"",
		"Digest realm=\"x\",\r\n nonce=\"y\"",
		`Digest realm="x" nonce="y" qop="auth"`,
		`Basic realm=/`,
		// Found by FuzzLenient before 660c683: a value extended over an
		// obs-fold kept its CRLF; a duplicate was reported after a later
		// warning of the same parameter.
		"Basic realm=abc\r\n def",
		"0=0\r\n 0",
		`Basic a=1, a=x/y`,
		"0=0 0=\"",
		`SCRAM-SHA-256 data=abc==`,
		`Digest realm="a", qop=auth, auth-int, nonce="b"`,
		"Basic realm='Secure Area'",
		`AWS AKIAIOSFODNN7EXAMPLE:ejh8LfvvHZM0Bp9GnYCGR/yw8NE=`,
		"Basic realm=\"a\"\nBearer realm=b c\nNegotiate",
	}
	seeds = append(seeds, caseInputs(tb, "lenient", "corpus", "golden")...)
	for _, f := range []fuzzgen.Field{fuzzgen.Challenges, fuzzgen.Credentials, fuzzgen.Params} {
		seeds = append(seeds, generated(f, lenientGenerated, fuzzgen.NearValid)...)
	}
	return seeds
}

// lenientGenerated is how many near-valid values of each field seed
// FuzzLenient: each holds one of the deviations lenient mode recovers
// from (package fuzzgen builds one of each kind).
const lenientGenerated = 100

// splitFieldLines splits s into field lines at each '\n' not preceded by
// '\r'. The empty string is one empty field line.
func splitFieldLines(s string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\r') {
			lines = append(lines, s[start:i])
			start = i + 1
		}
	}
	return append(lines, s[start:])
}

// reparseLimits are the limits of the strict re-parse. Only the line length is
// unlimited: escaping '"' and '\' in a recovered value can make a line
// longer than the input's, and that is not a grammar error.
var reparseLimits = httpauth.Limits{MaxLineBytes: -1}

func lenientFuzzChallenges(t *testing.T, lines []string) {
	strict := httpauth.Parser{}
	sv, serr := strict.ParseChallenges(nil, lines...)
	lp := httpauth.Parser{Lenient: true}
	lv, lerr := lp.ParseChallenges(nil, lines...)
	warns := append([]httpauth.Warning(nil), lp.Warnings()...)
	lenientFuzzCommon(t, "challenges", lines, serr, lerr, sv, lv, warns)

	// What was recovered, also with an error, re-encodes to valid lines.
	enc, err := goldenEncode(fuzzEncoder, lv)
	if err != nil {
		skipIfExtValue(t, err)
		t.Fatalf("challenges %q: the lenient result %#v does not encode: %v", lines, lv, err)
	}
	p := httpauth.Parser{Limits: reparseLimits}
	v2, err := p.ParseChallenges(nil, enc...)
	if err != nil {
		t.Fatalf("challenges %q: the encoded lenient result %q does not parse strictly: %v", lines, enc, err)
	}
	if diff := lenientDiff(lv, v2); diff != "" {
		t.Fatalf("challenges %q: the encoded lenient result %q parses to other values (-lenient +reparsed):\n%s", lines, enc, diff)
	}
}

func lenientFuzzCredentials(t *testing.T, value string) {
	lines := []string{value}
	strict := httpauth.Parser{}
	sv, serr := strict.ParseCredentials(nil, value)
	lp := httpauth.Parser{Lenient: true}
	lv, lerr := lp.ParseCredentials(nil, value)
	warns := append([]httpauth.Warning(nil), lp.Warnings()...)
	lenientFuzzCommon(t, "credentials", lines, serr, lerr, sv, lv, warns)
	if lerr != nil {
		return
	}
	if hasKind(warns, httpauth.WarnOpaqueCredentials) {
		checkOpaque(t, value, lv, warns)
		return
	}
	enc, err := goldenEncode(fuzzEncoder, lv)
	if err != nil {
		skipIfExtValue(t, err)
		t.Fatalf("credentials %q: the lenient result %#v does not encode: %v", value, goldenNormalize(lv), err)
	}
	p := httpauth.Parser{Limits: reparseLimits}
	v2, err := p.ParseCredentials(nil, enc[0])
	if err != nil {
		t.Fatalf("credentials %q: the encoded lenient result %q does not parse strictly: %v", value, enc[0], err)
	}
	if diff := lenientDiff(lv, v2); diff != "" {
		t.Fatalf("credentials %q: the encoded lenient result %q parses to other values (-lenient +reparsed):\n%s", value, enc[0], diff)
	}
}

// checkOpaque checks credentials read as an opaque value: the value is the
// input from the warning's offset to its end (less trailing OWS), holds
// no control character but HTAB, is not a token68, and the encoder refuses
// it rather than writing something else.
func checkOpaque(t *testing.T, value string, c httpauth.Credentials, warns []httpauth.Warning) {
	t.Helper()
	var w httpauth.Warning
	for _, x := range warns {
		if x.Kind == httpauth.WarnOpaqueCredentials {
			w = x
		}
	}
	if want := strings.TrimRight(value[w.Offset:], " \t"); c.Token68 != want || len(c.Params) != 0 {
		t.Fatalf("credentials %q: opaque value %q with %d params, want %q alone", value, c.Token68, len(c.Params), want)
	}
	if httpauth.IsToken68(c.Token68) || strings.ContainsFunc(c.Token68, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }) {
		t.Fatalf("credentials %q: opaque value %q is a token68 or holds a control character", value, c.Token68)
	}
	if _, err := fuzzEncoder.AppendCredentials(nil, c); !errors.Is(err, httpauth.ErrEncode) {
		t.Fatalf("credentials %q: the opaque value encodes (%v)", value, err)
	}
}

func hasKind(ws []httpauth.Warning, k httpauth.WarningKind) bool {
	for _, w := range ws {
		if w.Kind == k {
			return true
		}
	}
	return false
}

func lenientFuzzParams(t *testing.T, lines []string) {
	strict := httpauth.Parser{}
	sv, serr := strict.ParseParams(nil, lines...)
	lp := httpauth.Parser{Lenient: true}
	lv, lerr := lp.ParseParams(nil, lines...)
	warns := append([]httpauth.Warning(nil), lp.Warnings()...)
	lenientFuzzCommon(t, "params", lines, serr, lerr, sv, lv, warns)
	if lerr != nil {
		return
	}
	enc, err := goldenEncode(fuzzEncoder, lv)
	if err != nil {
		skipIfExtValue(t, err)
		t.Fatalf("params %q: the lenient result %#v does not encode: %v", lines, lv, err)
	}
	p := httpauth.Parser{Limits: reparseLimits}
	v2, err := p.ParseParams(nil, enc...)
	if err != nil {
		t.Fatalf("params %q: the encoded lenient result %q does not parse strictly: %v", lines, enc, err)
	}
	if diff := lenientDiff(lv, v2); diff != "" {
		t.Fatalf("params %q: the encoded lenient result %q parses to other values (-lenient +reparsed):\n%s", lines, enc, diff)
	}
}

// lenientFuzzCommon checks what does not depend on the grammar: errors are
// *SyntaxError, strict success implies the same silent lenient success,
// and the warnings are well placed and ordered.
func lenientFuzzCommon(t *testing.T, what string, lines []string, serr, lerr error, sv, lv any, warns []httpauth.Warning) {
	t.Helper()
	var se *httpauth.SyntaxError
	if lerr != nil && !errors.As(lerr, &se) {
		t.Fatalf("%s %q: lenient error %v (%T) is not a *SyntaxError", what, lines, lerr, lerr)
	}
	if serr == nil {
		if lerr != nil {
			t.Fatalf("%s %q: strict parsing succeeds, lenient parsing fails: %v", what, lines, lerr)
		}
		if diff := lenientDiff(sv, lv); diff != "" {
			t.Fatalf("%s %q: strict and lenient values differ (-strict +lenient):\n%s", what, lines, diff)
		}
		if len(warns) > 0 {
			t.Fatalf("%s %q: strictly valid, yet lenient mode warns: %v", what, lines, warns)
		}
	}
	for i, w := range warns {
		if w.Line < 0 || w.Line >= len(lines) || w.Offset < 0 || w.Offset > len(lines[w.Line]) {
			t.Fatalf("%s %q: warning %d (%d:%d: %s) is outside the input", what, lines, i, w.Line, w.Offset, w.Message)
		}
		if w.Message == "" {
			t.Fatalf("%s %q: warning %d has no message", what, lines, i)
		}
		if i > 0 {
			p := warns[i-1]
			if w.Line < p.Line || (w.Line == p.Line && w.Offset < p.Offset) {
				t.Fatalf("%s %q: warnings out of order: %d:%d (%s) after %d:%d (%s)", what, lines, w.Line, w.Offset, w.Message, p.Line, p.Offset, p.Message)
			}
		}
	}
}
