package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func runLintCmd(t *testing.T, stdin string, args ...string) (string, int) {
	t.Helper()
	out, _, code := runCLI(t, stdin, append([]string{"lint"}, args...)...)
	return out, code
}

func TestLintExplainsSemicolon(t *testing.T) {
	out, code := runLintCmd(t, "", `Basic; realm="Secured area"`)
	want := "0:5: ';' after the auth-scheme, read as a space\n" +
		"\tBasic; realm=\"Secured area\"\n" +
		"\t     ^\n" +
		"suggested fix (strict, canonical):\n" +
		"\tBasic realm=\"Secured area\"\n"
	if code != 1 {
		t.Errorf("exit status %d, want 1 (parses only leniently)", code)
	}
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("lint output (-want +got):\n%s", diff)
	}
}

func TestLintStatus(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{`Basic realm="x"`}, 0},
		{[]string{`Basic realm="x", Bearer`, `Negotiate`}, 0},
		{[]string{"-field", "authorization", `Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==`}, 0},
		{[]string{`JWT realm=gin jwt`}, 1},
		{[]string{"Basic\trealm=x"}, 1},
		{[]string{`Basic realm="a", realm="b"`}, 1},
		{[]string{"-field", "authorization", `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024`}, 1},
		{[]string{`"x`}, 2},
		{[]string{"-field", "authorization", `Basic a, Digest b=c`}, 2},
		{[]string{"-field", "authentication-info", `nextnonce="abc", qop=auth`}, 0},
		{[]string{"-bogus"}, 2},
	} {
		if _, code := runLintCmd(t, "", tc.args...); code != tc.want {
			t.Errorf("lint %q: exit status %d, want %d", tc.args, code, tc.want)
		}
	}
}

func TestLintJSON(t *testing.T) {
	out, code := runLintCmd(t, "", "-json", "Basic realm=\"x\", JWT realm=gin jwt")
	if code != 1 {
		t.Fatalf("exit status %d, want 1", code)
	}
	var got lintReport
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output %q is not JSON: %v", out, err)
	}
	want := lintReport{
		Status: "lenient",
		Warnings: []jsonPos{{Line: 0, Offset: 31,
			Message: "unquoted value holds spaces, read up to the next ',' (it should be a quoted-string)"}},
		StrictError: &jsonPos{Line: 0, Offset: 31, Message: "expected ',' or end of field"},
		Suggestion:  []string{`Basic realm="x"`, `JWT realm="gin jwt"`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lint -json (-want +got):\n%s", diff)
	}
}

func TestLintReadsStdinAndShowsLine(t *testing.T) {
	out, code := runLintCmd(t, "Basic realm=\"x\"\nDigest\trealm=\"y\"\n")
	if code != 1 {
		t.Fatalf("exit status %d, want 1", code)
	}
	want := "1:6: HTAB between auth-scheme and its data, read as a space (RFC 9110 requires SP)\n" +
		"\tDigest realm=\"y\"\n" +
		"\t      ^\n"
	if !strings.HasPrefix(out, want) {
		t.Errorf("lint output %q does not start with %q", out, want)
	}
}

func TestDisplayLineKeepsCaretColumn(t *testing.T) {
	for _, tc := range []struct {
		line    string
		off     int
		want    string
		wantCol int
	}{
		{"realm=\"é\", x", 11, "realm=\"é\", x", 10},
		{"a\r\n b", 3, "a.. b", 3},
		{"a\xffb", 2, "a.b", 2},
	} {
		got, col := displayLine(tc.line, tc.off)
		if got != tc.want || col != tc.wantCol {
			t.Errorf("displayLine(%q, %d) = %q, %d; want %q, %d", tc.line, tc.off, got, col, tc.want, tc.wantCol)
		}
	}
}

// TestLintEmptyInput: an empty standard input is no field at all, so lint
// does not call it valid; an empty VALUE is an empty field, which is.
func TestLintEmptyInput(t *testing.T) {
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	want := "httpauth lint: no field to check: standard input is empty\nusage: httpauth " + synopsis(lintUsage) + "\n"
	for name, stdin := range map[string]io.Reader{"empty": strings.NewReader(""), os.DevNull: devNull} {
		var out, errb bytes.Buffer
		code := run([]string{"lint"}, stdin, &out, &errb)
		if code != 2 || out.String() != "" || errb.String() != want {
			t.Errorf("lint <%s: exit %d, stdout %q, stderr %q; want exit 2, no stdout, stderr %q", name, code, out.String(), errb.String(), want)
		}
	}
	out, code := runLintCmd(t, "", "")
	if code != 0 || out != "valid: the field matches the strict RFC 9110 grammar\n" {
		t.Errorf("lint '': exit %d, %q; want exit 0, valid", code, out)
	}
}

// TestLintSuggestsCanon: lint's suggested fix is what canon -lenient
// prints for the same field, obs-text included (both keep it, as strict
// parsing accepts it).
func TestLintSuggestsCanon(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"Basic; realm=\"caf\xe9\""}, []string{"Basic realm=\"caf\xe9\""}},
		{[]string{`JWT realm=gin jwt, Bearer`, "Digest\trealm=x"}, []string{`JWT realm="gin jwt"`, "Bearer", `Digest realm="x"`}},
		{[]string{"-field", "authorization", `Digest username="a" realm="b"`}, []string{`Digest username="a", realm="b"`}},
		{[]string{"-field", "authentication-info", `nextnonce=abc qop=auth`}, []string{`nextnonce="abc", qop=auth`}},
	} {
		out, code := runLintCmd(t, "", append([]string{"-json"}, tt.args...)...)
		var got lintReport
		if err := json.Unmarshal([]byte(out), &got); err != nil || code != 1 {
			t.Errorf("lint -json %q: exit %d, %q (%v); want a lenient report", tt.args, code, out, err)
			continue
		}
		// JSON carries obs-text as U+FFFD: compare with the text output.
		text, _ := runLintCmd(t, "", tt.args...)
		_, fix, _ := strings.Cut(text, "suggested fix (strict, canonical):\n")
		canon, _, _ := runCLI(t, "", append([]string{"canon", "-lenient"}, tt.args...)...)
		want := "\t" + strings.Join(tt.want, "\n\t") + "\n"
		if fix != want || canon != strings.Join(tt.want, "\n")+"\n" {
			t.Errorf("lint %q suggests\n%s\ncanon -lenient prints\n%s\nwant both to be\n%s", tt.args, fix, canon, want)
		}
	}
}

// TestLintReports: a field that does not parse even in lenient mode is
// printed with its error and a caret, or as "invalid" with the lenient
// parser's error in JSON, with exit status 2; a strictly valid field is
// "valid", with its canonical form when that differs.
func TestLintReports(t *testing.T) {
	// A quote cannot start a challenge: lenient mode skips it and is left
	// with nothing.
	out, code := runLintCmd(t, "", `"x`)
	want := "0:0: malformed challenge skipped: expected an auth-scheme token\n\t\"x\n\t^\nthe field does not parse, even in lenient mode\n"
	if code != 2 || out != want {
		t.Errorf("lint '\"x': exit %d\n%s\nwant exit 2\n%s", code, out, want)
	}
	out, code = runLintCmd(t, "", "-json", `"x`)
	want = `{"status":"invalid","error":{"line":0,"offset":0,"message":"malformed challenge skipped: expected an auth-scheme token"}}` + "\n"
	if code != 2 || out != want {
		t.Errorf("lint -json '\"x': exit %d %s want exit 2 %s", code, out, want)
	}
	// A strict field has no warnings and no error, only its suggestion.
	out, code = runLintCmd(t, "", "-json", `Basic realm="a", Bearer`)
	want = `{"status":"strict","suggestion":["Basic realm=\"a\"","Bearer"]}` + "\n"
	if code != 0 || out != want {
		t.Errorf("lint -json strict: exit %d %s want exit 0 %s", code, out, want)
	}
	out, code = runLintCmd(t, "", "Basic realm=x")
	want = "valid: the field matches the strict RFC 9110 grammar\ncanonical form:\n\tBasic realm=\"x\"\n"
	if code != 0 || out != want {
		t.Errorf("lint 'Basic realm=x': exit %d\n%s\nwant exit 0\n%s", code, out, want)
	}
}
