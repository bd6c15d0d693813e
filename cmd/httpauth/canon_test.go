package main

import (
	"strings"
	"testing"
)

func TestCanon(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{"readme", []string{"canon", readmeValue}, "",
			`Newauth realm="apps", type=1, title="Login to \"apps\""` + "\n" + `Basic realm="simple"` + "\n"},
		// realm is always quoted; other values are tokens when they can be;
		// BWS and extra spaces are dropped.
		{"normalized", []string{"canon", `Basic realm=x ,  Custom   a = "b" ,c="d e"`, "Negotiate  YII="}, "",
			`Basic realm="x"` + "\n" + `Custom a=b, c="d e"` + "\n" + "Negotiate YII=\n"},
		{"stdin", []string{"canon"}, "Bearer realm=\"a\\\"b\"\r\n, ,\n", `Bearer realm="a\"b"` + "\n"},
		{"credentials", []string{"canon", "-field", "authorization", `Basic    abc=`}, "", "Basic abc=\n"},
		{"params", []string{"canon", "-field", "authentication-info", "qop=auth", `nextnonce=abc`}, "",
			`qop=auth, nextnonce="abc"` + "\n"},
		{"no challenges", []string{"canon", ", ,"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, tt.stdin, tt.args, tt.want, 0)
		})
	}
}

// TestCanonKeepsObsText: strict parsing accepts obs-text in quoted-strings,
// so canon writes it back as it is.
func TestCanonKeepsObsText(t *testing.T) {
	out, errOut, code := runCLI(t, "", "canon", "Basic   realm=\"caf\xe9\"")
	if want := "Basic realm=\"caf\xe9\"\n"; out != want || errOut != "" || code != 0 {
		t.Errorf("canon obs-text: got (exit %d) %q, stderr %q; want %q", code, out, errOut, want)
	}
}

func TestCanonErrors(t *testing.T) {
	tests := []struct {
		name, value, wantErr string
	}{
		{"syntax error", `Basic realm="x", Bearer a=b, c=`, "httpauth canon: line 0, offset 31: expected a token or quoted-string value\n"},
		{"empty credentials", "", "httpauth canon: line 0, offset 0: empty credentials value\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"canon", tt.value}
			if tt.value == "" {
				args = append(args, "-field", "authorization")
			}
			out, errOut, code := runCLI(t, "", args...)
			if out != "" || errOut != tt.wantErr || code != 1 {
				t.Errorf("canon %q: got (exit %d) stdout %q stderr %q\nwant (exit 1) no stdout, stderr %q", tt.value, code, out, errOut, tt.wantErr)
			}
		})
	}
}

func TestCanonJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"lines":["Basic realm=x, Foo a=\"b\"","Negotiate  abc"]}`,
		`{"field":"proxy-authorization","lines":["Digest username=Mufasa, nc=00000001"]}`,
		`{"field":"authentication-info","lines":[""]}`,
		`{"lines":[]}`,
		`{"lines":["Basic a=1, b="]}`,
	}, "\n")
	want := strings.Join([]string{
		`{"canonical":["Basic realm=\"x\"","Foo a=b","Negotiate abc"]}`,
		`{"canonical":["Digest username=\"Mufasa\", nc=00000001"]}`,
		`{"canonical":[]}`,
		`{"canonical":[]}`,
		`{"error":{"line":0,"offset":13,"message":"expected a token or quoted-string value"}}`,
	}, "\n") + "\n"
	check(t, in, []string{"canon", "-jsonl"}, want, 0)
}

// TestCanonLenientWarnings: in lenient mode the canonical form goes to
// standard output and each warning to standard error.
func TestCanonLenientWarnings(t *testing.T) {
	out, errOut, code := runCLI(t, "", "canon", "-lenient", `Basic; realm=x`, "Digest\trealm=y")
	wantErr := "httpauth canon: warning: line 0, offset 5: ';' after the auth-scheme, read as a space\n" +
		"httpauth canon: warning: line 1, offset 6: HTAB between auth-scheme and its data, read as a space (RFC 9110 requires SP)\n"
	if want := "Basic realm=\"x\"\nDigest realm=\"y\"\n"; out != want || errOut != wantErr || code != 0 {
		t.Errorf("canon -lenient: exit %d, stdout %q, stderr %q; want exit 0, stdout %q, stderr %q", code, out, errOut, want, wantErr)
	}
}

// TestCanonJSONLBadRequest: canon -jsonl answers a bad request line as
// parse -jsonl does, and goes on.
func TestCanonJSONLBadRequest(t *testing.T) {
	check(t, "null\n"+`{"lines":["Basic  abc="]}`, []string{"canon", "-jsonl"},
		`{"error":{"message":"bad request: the request is null, want a JSON object"}}`+"\n"+
			`{"canonical":["Basic abc="]}`+"\n", 2)
}
