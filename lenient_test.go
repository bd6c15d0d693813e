package httpauth_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
)

// kindCase is a field value with one deviation, the recovery of one
// warning kind, and what lenient mode reads from it. The inputs are the
// examples of the kinds' documentation.
type kindCase struct {
	kind  httpauth.WarningKind
	field string // "challenge", "credentials" or "params"
	in    string
	want  any // []httpauth.Challenge, httpauth.Credentials or httpauth.Params
	// also are the other kinds the input needs besides kind.
	also []httpauth.WarningKind
}

var kindCases = []kindCase{
	{httpauth.WarnObsFold, "challenge", "Digest realm=\"x\",\r\n nonce=\"y\"",
		[]httpauth.Challenge{ch("Digest", "realm", "x", "nonce", "y")}, nil},
	{httpauth.WarnObsFold, "challenge", "Basic realm=\"a\r\n b\"",
		[]httpauth.Challenge{ch("Basic", "realm", "a b")}, nil},
	{httpauth.WarnTabAfterScheme, "challenge", "Basic\trealm=\"x\"",
		[]httpauth.Challenge{ch("Basic", "realm", "x")}, nil},
	{httpauth.WarnSemicolonAfterScheme, "challenge", `Basic; realm="x"`,
		[]httpauth.Challenge{ch("Basic", "realm", "x")}, nil},
	{httpauth.WarnCommaAfterScheme, "challenge", `Basic, realm="x"`,
		[]httpauth.Challenge{ch("Basic", "realm", "x")}, nil},
	{httpauth.WarnUnterminatedQuote, "challenge", `Basic realm="x`,
		[]httpauth.Challenge{ch("Basic", "realm", "x")}, nil},
	{httpauth.WarnLooseValue, "params", `Credential=AKID/20150830/us-east-1/iam/aws4_request`,
		ps("Credential", "AKID/20150830/us-east-1/iam/aws4_request"), nil},
	{httpauth.WarnSpaceInValue, "challenge", `JWT realm=gin jwt`,
		[]httpauth.Challenge{ch("JWT", "realm", "gin jwt")}, nil},
	{httpauth.WarnMissingComma, "params", `a=1 b=2`, ps("a", "1", "b", "2"), nil},
	{httpauth.WarnMissingCommaScheme, "challenge", `Basic realm="x" Bearer realm="y"`,
		[]httpauth.Challenge{ch("Basic", "realm", "x"), ch("Bearer", "realm", "y")}, nil},
	{httpauth.WarnSemicolonSeparator, "challenge", `Basic realm="x"; charset=UTF-8`,
		[]httpauth.Challenge{ch("Basic", "realm", "x", "charset", "UTF-8")}, nil},
	{httpauth.WarnDuplicateParam, "challenge", `Basic realm="a", realm="b"`,
		[]httpauth.Challenge{ch("Basic", "realm", "a")}, nil},
	{httpauth.WarnSingleQuotes, "challenge", `Basic realm='Secure Area'`,
		[]httpauth.Challenge{ch("Basic", "realm", "Secure Area")}, []httpauth.WarningKind{httpauth.WarnSpaceInValue}},
	{httpauth.WarnSkippedChallenge, "challenge", `Basic realm="x", Foo bar baz, Bearer`,
		[]httpauth.Challenge{ch("Basic", "realm", "x"), ch("Bearer")}, nil},
	{httpauth.WarnSkippedParam, "params", `qop=auth, =x, nc=00000001`,
		ps("qop", "auth", "nc", "00000001"), nil},
	{httpauth.WarnSkippedParam, "challenge", `Bearer realm="https://auth.example/token",service=`,
		[]httpauth.Challenge{ch("Bearer", "realm", "https://auth.example/token")}, nil},
	{httpauth.WarnStrayParam, "challenge", `Negotiate abc=, realm="x", Basic`,
		[]httpauth.Challenge{ch68("Negotiate", "abc="), ch("Basic")}, nil},
	{httpauth.WarnStrayParam, "challenge", `Basic 2932ff== realm="x"`,
		[]httpauth.Challenge{ch68("Basic", "2932ff==")}, nil},
	{httpauth.WarnOpaqueCredentials, "credentials", `SharedKey account:c2lnbmF0dXJl`,
		httpauth.Credentials{Scheme: "SharedKey", Token68: "account:c2lnbmF0dXJl"}, nil},
}

// parseAs parses in as the field of kc with p.
func parseAs(p *httpauth.Parser, field, in string) (any, error) {
	switch field {
	case "challenge":
		return p.ParseChallenges(nil, in)
	case "credentials":
		c, err := p.ParseCredentials(nil, in)
		return c, err
	}
	return p.ParseParams(nil, in)
}

func kinds(ws []httpauth.Warning) []httpauth.WarningKind {
	var out []httpauth.WarningKind
	for _, w := range ws {
		out = append(out, w.Kind)
	}
	return out
}

// allKinds lists every recovery kind (WarnDropped is not one).
func allKinds() []httpauth.WarningKind {
	var out []httpauth.WarningKind
	for k := httpauth.WarnObsFold; k < httpauth.WarnDropped; k++ {
		out = append(out, k)
	}
	return out
}

// TestWarningKinds checks the example of each kind's documentation in
// three modes: Lenient reads the documented value with the warnings of
// that kind; a Parser that allows only the kinds the input needs reads the
// same; one that allows every other recovery (but skipping, which takes
// any malformed challenge) does not read the documented value: it fails as
// strict mode does, at the same offset, or reads something else (another
// recovery may apply: without WarnSingleQuotes, realm='Secure Area' keeps
// its quotes).
func TestWarningKinds(t *testing.T) {
	covered := map[httpauth.WarningKind]bool{}
	for _, kc := range kindCases {
		covered[kc.kind] = true
		need := append([]httpauth.WarningKind{kc.kind}, kc.also...)
		name := fmt.Sprintf("%v %q", kc.kind, kc.in)

		lp := httpauth.Parser{Lenient: true}
		got, err := parseAs(&lp, kc.field, kc.in)
		if err != nil || !cmp.Equal(goldenNormalize(got), goldenNormalize(kc.want), equateEmptyParams) {
			t.Errorf("%s: lenient = %v, %v, want %v", name, got, err, kc.want)
		}
		for _, w := range lp.Warnings() {
			if !containsKind(need, w.Kind) {
				t.Errorf("%s: lenient warning %v (%s) is not of the kinds %v", name, w.Kind, w.Message, need)
			}
		}
		if !containsKind(kinds(lp.Warnings()), kc.kind) {
			t.Errorf("%s: lenient warnings %v lack %v", name, kinds(lp.Warnings()), kc.kind)
		}

		ap := httpauth.Parser{Allow: httpauth.Kinds(need...)}
		got2, err := parseAs(&ap, kc.field, kc.in)
		if err != nil || !cmp.Equal(goldenNormalize(got2), goldenNormalize(got), equateEmptyParams) {
			t.Errorf("%s: Allow %v = %v, %v, want the lenient result %v", name, need, got2, err, got)
		}
		if diff := cmp.Diff(lp.Warnings(), ap.Warnings(), cmp.Comparer(func(a, b error) bool { return errors.Is(a, b) || fmt.Sprint(a) == fmt.Sprint(b) })); diff != "" {
			t.Errorf("%s: Allow %v warnings differ from lenient (-lenient +allow):\n%s", name, need, diff)
		}

		var others []httpauth.WarningKind
		for _, k := range allKinds() {
			if k != kc.kind && k != httpauth.WarnSkippedChallenge && k != httpauth.WarnSkippedParam {
				others = append(others, k)
			}
		}
		op := httpauth.Parser{Allow: httpauth.Kinds(others...)}
		got3, oerr := parseAs(&op, kc.field, kc.in)
		if oerr == nil && (cmp.Equal(goldenNormalize(got3), goldenNormalize(kc.want), equateEmptyParams) || containsKind(kinds(op.Warnings()), kc.kind)) {
			t.Errorf("%s: allowing every other recovery gives the documented reading %v, warnings %v", name, got3, kinds(op.Warnings()))
		}
		if oerr != nil {
			var sp httpauth.Parser
			_, serr := parseAs(&sp, kc.field, kc.in)
			var se, oe *httpauth.SyntaxError
			if !errors.As(serr, &se) || !errors.As(oerr, &oe) || se.Line != oe.Line || se.Offset != oe.Offset {
				t.Errorf("%s: allowing every other recovery: error %v, want the strict error %v", name, oerr, serr)
			}
		}
	}
	for _, k := range allKinds() {
		if !covered[k] {
			t.Errorf("%v has no example in kindCases", k)
		}
	}
}

func containsKind(ks []httpauth.WarningKind, k httpauth.WarningKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// TestAllowUnquotedOnly is the leniency an SDK needed: read unquoted values
// with delimiters and spaces, and nothing else.
func TestAllowUnquotedOnly(t *testing.T) {
	p := httpauth.Parser{Allow: httpauth.Kinds(httpauth.WarnLooseValue, httpauth.WarnSpaceInValue)}
	c, err := p.ParseCredentials(nil, awsSigV4)
	if err != nil || c.Scheme != "AWS4-HMAC-SHA256" || len(c.Params) != 3 {
		t.Fatalf("AWS SigV4 with unquoted values allowed: %+v, %v", plain(c), err)
	}
	cs, err := p.ParseChallenges(nil, `Basic realm="x", JWT realm=gin jwt`)
	if err != nil || !cmp.Equal(cs, []httpauth.Challenge{ch("Basic", "realm", "x"), ch("JWT", "realm", "gin jwt")}, equateEmptyParams) {
		t.Errorf("JWT realm=gin jwt with unquoted values allowed: %v, %v", cs, err)
	}
	for _, in := range []string{`Basic; realm="x"`, `Basic realm="x", realm="y"`, `Basic realm="x`, "Basic\trealm=x", `Basic, realm=x`} {
		_, err := p.ParseChallenges(nil, in)
		_, serr := httpauth.ParseChallenges(in)
		if err == nil || serr == nil || err.Error() != serr.Error() {
			t.Errorf("%q with unquoted values allowed: %v, want the strict error %v", in, err, serr)
		}
	}
}
