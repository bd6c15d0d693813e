package httpauth_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/fuzzgen"
	"github.com/authwire/httpauth/internal/reference"
)

// The differential targets parse each input with the fast parser and with
// internal/reference, a slow recursive-descent parser written from the ABNF
// that shares no code with it, and require the same answer: both accept
// with equal values, or both reject at the same line and offset with the
// same class of error (limit, duplicate, empty, other). For challenges the
// partial results returned with an error must be equal too (decision 12).
//
// Seeds: the hand-written ones below, the inputs of the case files of
// testdata and values of package fuzzgen, the generator this module
// offers for fuzzing other software: valid, near-valid and hostile in
// turn, so that the fuzzer starts from deep inputs (several challenges
// and lines, every escape, limits reached and passed, long lists with a
// late duplicate, control bytes anywhere) rather than from garbage.
//
// Inputs: the string holds the field lines joined by '\n' (credentials take
// it as one value); the byte selects the Limits: 0 is the default (through
// the package-level functions), anything else small limits derived from it
// (through a Parser), so that the fuzzer reaches every bound.

// diffSeeds is how many generated inputs seed each target, on top of the
// hand-written ones.
const diffSeeds = 300

// generated returns n values of field f made by fuzzgen from a fixed seed,
// the modes taken in turn, each with its lines joined by '\n'.
func generated(f fuzzgen.Field, n int, modes ...fuzzgen.Mode) []string {
	g := fuzzgen.New(1)
	out := make([]string, n)
	for i := range out {
		out[i] = strings.Join(g.Case(f, modes[i%len(modes)]).Lines, "\n")
	}
	return out
}

// handSeeds are the rulings of DESIGN.md and GRAMMAR.md section 3, and the
// corners of the grammar, for all three fields.
var handSeeds = []string{
	``, ` `, `,`, ` , ,, `, "\n", "a\n\nb",
	`Basic`, `Basic realm="WallyWorld"`, `Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==`,
	`Basic abc=`, `Basic abc=def`, `Foo a==`, `Foo a==b`, `Negotiate YII==`,
	`Basic realm="a", Bearer, Digest nonce="x"`, `Scheme ,realm=x`,
	`Basic realm="a", Foo =bar`, `realm = "x"`, `title="Login to \"apps\""`,
	`realm="a, b"`, `realm=""`, `realm=`, `Basic , realm="x"`, `Basic, realm="x"`,
	`Basic realm="x", JWT realm=gin jwt`, `Basic realm="x", realm="y"`,
	`Basic realm="x", REALM="y"`, `Basic	realm="x"`, `Basic 	realm="x"`,
	`Basic realm="x", "bad"`, `Negotiate abc, =x`, `Basic abc, def=1`,
	"Basic realm=\"\x80\xff\"", "Basic realm=\x80", "Basic realm=\"a\x01b\"",
	"Basic realm=\"a\\\x01b\"", `Basic realm="a\nb"`, `Basic realm="a\`,
	`Basic realm="a`, `Basic realm="a\"`, "Basic realm=\"a\x7f\"",
	`Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
	`Bearer realm="example", error="invalid_token", error_description="The access token expired"`,
	`Bearer, DPoP algs="ES256 PS256"`, `DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU`,
	`AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d67`,
	`Basic; realm="Secured area"`, `Basic realm="x"` + "\n" + `Bearer`, "Basic realm=\"x\"\n, realm=y",
	"Basic realm=\"a\n\"", "Basic abc\n=x", "  Basic abc  \n\t Bearer x \t",
	`nextnonce="abc", qop=auth, rspauth="x", cnonce="y", nc=00000001`,
	`a=b,,,,,,,,,,,,,,,,,,c=d`, `a=b,,,,,,,,,,,,,,,,,c=d`, `,,,,,,,,,,,,,,,,,a=b`,
	`a=b, c`, `a b`, `a=b c=d`, `=`, `a=`, `a="`, `a=@`, `Basic a=b, Bearer`,
	`Basic a=b, , `, `Basic abc, `, `Basic, `, `Basic ,`, `Basic abc ,`,
	"Basic\t", "Basic \t", "Bearer\t\nBasic\t ", "a=b\t", "\t, ,\t",
	`a="bc`, // unterminated, shorter than a word of the quoted-string scan
}

func diffLimits(sel byte) httpauth.Limits {
	switch sel {
	case 0:
		return httpauth.Limits{}
	case 255:
		return httpauth.Limits{MaxLineBytes: -1, MaxChallenges: -1, MaxParams: -1, MaxEmptyElements: -1}
	}
	return httpauth.Limits{
		MaxLineBytes:     8 + int(sel),
		MaxChallenges:    1 + int(sel)%4,
		MaxParams:        1 + int(sel)%5,
		MaxEmptyElements: 1 + int(sel)%3,
	}
}

func addDiffSeeds(f *testing.F, field fuzzgen.Field) {
	for _, s := range handSeeds {
		f.Add(s, byte(0))
	}
	for _, s := range caseInputs(f, "golden", "lenient", "corpus") {
		f.Add(s, byte(0))
	}
	for i, s := range generated(field, diffSeeds, fuzzgen.Valid, fuzzgen.NearValid, fuzzgen.Hostile) {
		sel := byte(0)
		if i%4 == 3 {
			// Small limits for one input in four: a step of 29 takes
			// each limit of diffLimits through all its values.
			sel = byte(3 + 29*(i/4))
		}
		f.Add(s, sel)
	}
}

var cmpOpts = cmp.Options{cmpopts.EquateEmpty()}

// errClass names the sentinel an error wraps, for comparing errors beyond
// their position.
func errClass(err error) string {
	switch {
	case err == nil:
		return "nil"
	case errors.Is(err, httpauth.ErrLimit):
		return "limit"
	case errors.Is(err, httpauth.ErrDuplicateParam):
		return "duplicate"
	case errors.Is(err, httpauth.ErrEmpty):
		return "empty"
	}
	return "syntax"
}

// diffErrors describes how the fast error got differs from the reference
// error want, or returns "".
func diffErrors(got, want error) string {
	if (got == nil) != (want == nil) {
		return fmt.Sprintf("fast error %v, reference error %v", got, want)
	}
	if got == nil {
		return ""
	}
	var g, w *httpauth.SyntaxError
	if !errors.As(got, &g) {
		return fmt.Sprintf("fast error %v (%T) is not a *SyntaxError", got, got)
	}
	if !errors.As(want, &w) {
		return fmt.Sprintf("reference error %v (%T) is not a *SyntaxError", want, want)
	}
	if g.Line != w.Line || g.Offset != w.Offset || errClass(got) != errClass(want) {
		return fmt.Sprintf("fast error %v (%s), reference error %v (%s)", got, errClass(got), want, errClass(want))
	}
	return ""
}

// warmup is parsed first by the Parser of the non-default limits, whose
// result storage is then reused for the input (dst[:0]), so that state left
// over from a previous call would show as a disagreement.
const warmup = `Digest realm="a\"b", nonce=x, qop="auth, auth-int", Basic realm=y, Negotiate abc==`

func fastChallenges(lim httpauth.Limits, lines []string) ([]httpauth.Challenge, error) {
	if lim == (httpauth.Limits{}) {
		return httpauth.ParseChallenges(lines...)
	}
	p := httpauth.Parser{}
	prev, _ := p.ParseChallenges(nil, warmup)
	p.Limits = lim
	return p.ParseChallenges(prev[:0], lines...)
}

func fastCredentials(lim httpauth.Limits, value string) (httpauth.Credentials, error) {
	if lim == (httpauth.Limits{}) {
		return httpauth.ParseCredentials(value)
	}
	p := httpauth.Parser{}
	prev, _ := p.ParseCredentials(nil, warmup[:len(warmup)-len(", Basic realm=y, Negotiate abc==")])
	p.Limits = lim
	return p.ParseCredentials(prev.Params[:0], value)
}

func fastParams(lim httpauth.Limits, lines []string) (httpauth.Params, error) {
	if lim == (httpauth.Limits{}) {
		return httpauth.ParseParams(lines...)
	}
	p := httpauth.Parser{}
	prev, _ := p.ParseParams(nil, `realm="a\"b", nonce=x, qop="auth, auth-int"`)
	p.Limits = lim
	return p.ParseParams(prev[:0], lines...)
}

// diffChallenges returns "" when both parsers agree on lines, or a
// description of the disagreement, with both errors.
func diffChallenges(lim httpauth.Limits, lines []string) (d string, gerr, werr error) {
	got, gerr := fastChallenges(lim, lines)
	want, werr := reference.ParseChallenges(lim, lines...)
	if d := diffErrors(gerr, werr); d != "" {
		return d, gerr, werr
	}
	if d := cmp.Diff(want, got, cmpOpts); d != "" {
		return fmt.Sprintf("challenges (error %v) differ (-reference +fast):\n%s", gerr, d), gerr, werr
	}
	return "", gerr, werr
}

func diffCredentials(lim httpauth.Limits, value string) (d string, gerr, werr error) {
	got, gerr := fastCredentials(lim, value)
	want, werr := reference.ParseCredentials(lim, value)
	if d := diffErrors(gerr, werr); d != "" {
		return d, gerr, werr
	}
	// Credentials hides its secrets from %v; compare the raw fields.
	type raw struct {
		Scheme, Token68 string
		Params          httpauth.Params
	}
	if d := cmp.Diff(raw(want), raw(got), cmpOpts); d != "" {
		return fmt.Sprintf("credentials differ (-reference +fast):\n%s", d), gerr, werr
	}
	return "", gerr, werr
}

func diffParams(lim httpauth.Limits, lines []string) (d string, gerr, werr error) {
	got, gerr := fastParams(lim, lines)
	want, werr := reference.ParseParams(lim, lines...)
	if d := diffErrors(gerr, werr); d != "" {
		return d, gerr, werr
	}
	if d := cmp.Diff(want, got, cmpOpts); d != "" {
		return fmt.Sprintf("params differ (-reference +fast):\n%s", d), gerr, werr
	}
	return "", gerr, werr
}

// knownBug names a disagreement that has been reported to the parser's
// owner and is not fixed yet, so that a campaign goes on looking for other
// ones; it returns "" for any other disagreement. Set HTTPAUTH_DIFF_STRICT=1
// to report these too. Remove each case when its fix lands.
func knownBug(lim httpauth.Limits, got, want error) string {
	// None at present. K1 (MaxEmptyElements < 0 rejected every comma)
	// and K2 (empty elements miscounted at the ends of a list and across
	// lines) were fixed in 660c683.
	return ""
}

// check fails t with the disagreement d, unless it is a known bug.
func check(t *testing.T, lim httpauth.Limits, got, want error, format string, args ...any) {
	t.Helper()
	if k := knownBug(lim, got, want); k != "" && os.Getenv("HTTPAUTH_DIFF_STRICT") == "" {
		t.Skip(k)
	}
	t.Errorf(format, args...)
}

func FuzzDifferentialChallenges(f *testing.F) {
	addDiffSeeds(f, fuzzgen.Challenges)
	f.Fuzz(func(t *testing.T, data string, sel byte) {
		lim, lines := diffLimits(sel), strings.Split(data, "\n")
		if d, gerr, werr := diffChallenges(lim, lines); d != "" {
			check(t, lim, gerr, werr, "ParseChallenges(%q) with %+v: %s", lines, lim, d)
		}
	})
}

func FuzzDifferentialCredentials(f *testing.F) {
	addDiffSeeds(f, fuzzgen.Credentials)
	f.Fuzz(func(t *testing.T, data string, sel byte) {
		lim := diffLimits(sel)
		if d, gerr, werr := diffCredentials(lim, data); d != "" {
			check(t, lim, gerr, werr, "ParseCredentials(%q) with %+v: %s", data, lim, d)
		}
	})
}

func FuzzDifferentialParams(f *testing.F) {
	addDiffSeeds(f, fuzzgen.Params)
	f.Fuzz(func(t *testing.T, data string, sel byte) {
		lim, lines := diffLimits(sel), strings.Split(data, "\n")
		if d, gerr, werr := diffParams(lim, lines); d != "" {
			check(t, lim, gerr, werr, "ParseParams(%q) with %+v: %s", lines, lim, d)
		}
	})
}
