package httpauth_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/txtar"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Fuzz targets. Properties (DESIGN.md "Encoding" and "Limits and safety"):
//   - nothing panics;
//   - lexer offsets strictly increase and the tokens cover the input;
//   - what parses re-encodes, parses again to an equal value and encodes
//     again to the same bytes;
//   - encoders never emit CR, LF or NUL.
//
// Multi-line fields are fuzzed as one string split on '\n'.

// fuzzEncoder writes what strict parsing accepts: obs-text in
// quoted-strings included, which the default encoder refuses.
var fuzzEncoder = httpauth.Encoder{AllowObsText: true}

var equateEmpty = cmpopts.EquateEmpty()

// fuzzSeeds returns the benchmark inputs, a few hand-picked edge cases and
// the input of every golden file (input.q sections included, so that the
// cases with control bytes seed the fuzzers too).
func fuzzSeeds(tb testing.TB) []string {
	seeds := []string{
		"",
		", ,",
		`Basic realm="simple"`,
		`Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple"`,
		`Basic abc=`, `Basic abc=def`, `Foo a==`, `Foo a==b`,
		`Basic realm="a", Bearer, Digest nonce="x"`,
		`Scheme ,realm=x`, `Basic realm="a", Foo =bar`, `realm = "x"`,
		`Basic, realm="x"`, `Bearer realm="a\nb"`, `BASIC REALM="x"`,
		`Basic realm="x`, "Basic\trealm=x", `Basic; realm="Secured area"`,
		"Basic realm=\"\xe9t\xe9\"",
		strings.Repeat(",", 64),
		"Basic realm=\"a\"\nDigest nonce=\"b\", qop=\"auth\"",
		`AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7`,
	}
	for _, tc := range benchCases {
		seeds = append(seeds, tc.in)
	}
	return append(seeds, caseInputs(tb, "golden")...)
}

// caseInputs returns the input of every case file of the testdata
// directories dirs (their input or input.q section), lines joined by '\n'.
func caseInputs(tb testing.TB, dirs ...string) []string {
	var out []string
	for _, dir := range dirs {
		files, err := txtar.Glob(filepath.Join("testdata", dir))
		if err != nil || len(files) == 0 {
			tb.Fatalf("testdata/%s: no case files (%v)", dir, err)
		}
		for _, file := range files {
			a, err := txtar.ReadFile(file)
			if err != nil {
				tb.Fatal(err)
			}
			lines, err := a.Input()
			if err != nil {
				tb.Fatalf("%s: %v", file, err)
			}
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	return out
}

func FuzzLexer(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var lx httpauth.Lexer
		lx.Reset(s)
		end := 0
		for lx.Next() {
			off, text := lx.Offset(), lx.Text()
			if off != end {
				t.Fatalf("token %q at %d, previous token ended at %d: gap or overlap", text, off, end)
			}
			if text == "" {
				t.Fatalf("empty token at %d", off)
			}
			if s[off:off+len(text)] != text {
				t.Fatalf("Text %q is not the input at %d", text, off)
			}
			end = off + len(text)
			switch k := lx.Kind(); k {
			case httpauth.KindToken:
				if !httpauth.IsToken(text) {
					t.Fatalf("token %q is not a token", text)
				}
			case httpauth.KindQuoted:
				if _, err := httpauth.Unquote(text); err != nil {
					t.Fatalf("quoted-string %q does not unquote: %v", text, err)
				}
			case httpauth.KindSpace:
				if strings.Trim(text, " \t") != "" {
					t.Fatalf("space %q holds more than SP and HTAB", text)
				}
			case httpauth.KindInvalid:
				t.Fatalf("Next returned true with KindInvalid")
			default:
				if len(text) != 1 || text[0] != byte(k) {
					t.Fatalf("delimiter kind %v with text %q", k, text)
				}
			}
		}
		if err := lx.Err(); err != nil {
			var se *httpauth.SyntaxError
			if !asSyntaxError(err, &se) || se.Offset < end || se.Offset >= len(s) {
				t.Fatalf("error %v does not point at or after the last token end %d in %d bytes", err, end, len(s))
			}
		} else if end != len(s) {
			t.Fatalf("tokens end at %d, input has %d bytes", end, len(s))
		}
	})
}

func asSyntaxError(err error, se **httpauth.SyntaxError) bool {
	e, ok := err.(*httpauth.SyntaxError)
	*se = e
	return ok
}

// checkEncoded fails if b could split a header field.
func checkEncoded(t *testing.T, b []byte) {
	t.Helper()
	if bytes.ContainsAny(b, "\r\n\x00") {
		t.Fatalf("encoder wrote CR, LF or NUL: %q", b)
	}
}

func encodeChallenges(t *testing.T, cs []httpauth.Challenge) []byte {
	t.Helper()
	var b []byte
	for i, c := range cs {
		if i > 0 {
			b = append(b, ", "...)
		}
		var err error
		if b, err = fuzzEncoder.AppendChallenge(b, c); err != nil {
			skipIfExtValue(t, err)
			t.Fatalf("parsed challenge %#v does not encode: %v", c, err)
		}
	}
	checkEncoded(t, b)
	return b
}

func FuzzParseChallenges(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		cs, err := httpauth.ParseChallenges(lines...)
		if err != nil {
			if _, ok := err.(*httpauth.SyntaxError); !ok {
				t.Fatalf("error %T is not a *SyntaxError", err)
			}
		}
		// Partial results (decision 12) are values like any other.
		enc := encodeChallenges(t, cs)
		cs2, err2 := httpauth.ParseChallenges(string(enc))
		if err2 != nil {
			t.Fatalf("ParseChallenges(%q) (re-encoded) = %v", enc, err2)
		}
		if diff := cmp.Diff(cs, cs2, equateEmpty); diff != "" {
			t.Fatalf("re-parse of %q differs (-first +second):\n%s", enc, diff)
		}
		if enc2 := encodeChallenges(t, cs2); !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding is not a fixed point:\n%q\n%q", enc, enc2)
		}
		// The reusable Parser agrees with the convenience function.
		var p httpauth.Parser
		got, perr := p.ParseChallenges(nil, lines...)
		if (err == nil) != (perr == nil) || (err != nil && err.Error() != perr.Error()) {
			t.Fatalf("Parser error %v, ParseChallenges error %v", perr, err)
		}
		if diff := cmp.Diff(cs, got, equateEmpty); diff != "" {
			t.Fatalf("Parser.ParseChallenges differs (-func +parser):\n%s", diff)
		}
	})
}

func FuzzParseCredentials(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := httpauth.ParseCredentials(s)
		if err != nil {
			if _, ok := err.(*httpauth.SyntaxError); !ok {
				t.Fatalf("error %T is not a *SyntaxError", err)
			}
			if !cmp.Equal(c, httpauth.Credentials{}, equateEmpty) {
				t.Fatalf("error %v with a non-zero value", err)
			}
			return
		}
		enc, err := fuzzEncoder.AppendCredentials(nil, c)
		if err != nil {
			skipIfExtValue(t, err)
			t.Fatalf("parsed credentials of %q do not encode: %v", s, err)
		}
		checkEncoded(t, enc)
		c2, err := httpauth.ParseCredentials(string(enc))
		if err != nil {
			t.Fatalf("ParseCredentials(%q) (re-encoded) = %v", enc, err)
		}
		if diff := cmp.Diff(c, c2, equateEmpty); diff != "" {
			t.Fatalf("re-parse of %q differs (-first +second):\n%s", enc, diff)
		}
		enc2, _ := fuzzEncoder.AppendCredentials(nil, c2)
		if !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding is not a fixed point:\n%q\n%q", enc, enc2)
		}
	})
}

func FuzzParseParams(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := httpauth.ParseParams(strings.Split(s, "\n")...)
		if err != nil {
			if len(ps) != 0 {
				t.Fatalf("error %v with params %v", err, ps)
			}
			return
		}
		enc, err := fuzzEncoder.AppendParams(nil, ps)
		if err != nil {
			skipIfExtValue(t, err)
			t.Fatalf("parsed params of %q do not encode: %v", s, err)
		}
		checkEncoded(t, enc)
		ps2, err := httpauth.ParseParams(string(enc))
		if err != nil {
			t.Fatalf("ParseParams(%q) (re-encoded) = %v", enc, err)
		}
		if diff := cmp.Diff(ps, ps2, equateEmpty); diff != "" {
			t.Fatalf("re-parse of %q differs (-first +second):\n%s", enc, diff)
		}
		enc2, _ := fuzzEncoder.AppendParams(nil, ps2)
		if !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding is not a fixed point:\n%q\n%q", enc, enc2)
		}
	})
}

// FuzzRoundTrip starts from values: whatever the encoder accepts parses
// back to the same value, and nothing it writes holds CR, LF or NUL.
func FuzzRoundTrip(f *testing.F) {
	f.Add("Basic", "", "realm", "WallyWorld", "charset", "UTF-8", false)
	f.Add("Negotiate", "YIIBdg==", "", "", "", "", false)
	f.Add("Digest", "", "realm", `a "quoted" \ value`, "qop", "auth, auth-int", false)
	f.Add("Bearer", "", "error", "invalid_token", "error_description", "bad\r\nSet-Cookie: x", false)
	f.Add("Basic", "", "realm", "caf\xc3\xa9", "", "", true)
	f.Add("X", "", "a", "", "b", "\t", false)
	f.Fuzz(func(t *testing.T, scheme, token68, n1, v1, n2, v2 string, obs bool) {
		c := httpauth.Challenge{Scheme: scheme, Token68: token68}
		if n1 != "" {
			c.Params = append(c.Params, httpauth.Param{Name: n1, Value: v1})
		}
		if n2 != "" {
			c.Params = append(c.Params, httpauth.Param{Name: n2, Value: v2})
		}
		e := httpauth.Encoder{AllowObsText: obs}
		enc, err := e.AppendChallenge([]byte("prefix"), c)
		if err != nil {
			if string(enc) != "prefix" {
				t.Fatalf("refused %#v but wrote %q", c, enc)
			}
			return
		}
		enc = enc[len("prefix"):]
		checkEncoded(t, enc)
		got, err := httpauth.ParseChallenge(string(enc))
		if err != nil {
			t.Fatalf("ParseChallenge(%q) of encoded %#v: %v", enc, c, err)
		}
		if diff := cmp.Diff(c, got, equateEmpty); diff != "" {
			t.Fatalf("round trip through %q differs (-want +got):\n%s", enc, diff)
		}
		cr := httpauth.Credentials(c)
		encc, err := e.AppendCredentials(nil, cr)
		if err != nil {
			t.Fatalf("challenge encodes but credentials %v do not: %v", cr, err)
		}
		checkEncoded(t, encc)
		gotc, err := httpauth.ParseCredentials(string(encc))
		if err != nil {
			t.Fatalf("ParseCredentials(%q): %v", encc, err)
		}
		if diff := cmp.Diff(cr, gotc, equateEmpty); diff != "" {
			t.Fatalf("credentials round trip differs (-want +got):\n%s", diff)
		}
	})
}

// FuzzFastPath holds the fast path (fast.go) to the general grammar: for
// the three fields, strict and lenient, with the default limits and with
// small ones, a Parser with the fast path and one without it give the same
// values, the same error and the same warnings. The fast path either
// agrees or gives up; nothing else is allowed.
func FuzzFastPath(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, byte(0))
	}
	f.Fuzz(func(t *testing.T, s string, sel byte) {
		lines := strings.Split(s, "\n")
		lim := diffLimits(sel)
		for _, lenient := range []bool{false, true} {
			fast := httpauth.Parser{Lenient: lenient, Limits: lim}
			slow := httpauth.Parser{Lenient: lenient, Limits: lim}
			slow.SetFastPath(false)
			same := func(what string, a, b any, ea, eb error) {
				t.Helper()
				if fmt.Sprint(ea) != fmt.Sprint(eb) || !cmp.Equal(goldenNormalize(a), goldenNormalize(b), equateEmpty) ||
					!cmp.Equal(fast.Warnings(), slow.Warnings(), cmp.Comparer(func(x, y error) bool { return fmt.Sprint(x) == fmt.Sprint(y) })) {
					t.Fatalf("%s %q (lenient %v, %+v): fast %v, %v, %v; general %v, %v, %v",
						what, lines, lenient, lim, a, ea, fast.Warnings(), b, eb, slow.Warnings())
				}
			}
			a, ea := fast.ParseChallenges(nil, lines...)
			b, eb := slow.ParseChallenges(nil, lines...)
			same("challenges", a, b, ea, eb)
			c, ec := fast.ParseCredentials(nil, s)
			d, ed := slow.ParseCredentials(nil, s)
			same("credentials", c, d, ec, ed)
			e, ee := fast.ParseParams(nil, lines...)
			g, eg := slow.ParseParams(nil, lines...)
			same("params", e, g, ee, eg)
		}
	})
}
