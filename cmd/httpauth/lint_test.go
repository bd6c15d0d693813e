package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func runLintCmd(t *testing.T, stdin string, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"lint"}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), code
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
