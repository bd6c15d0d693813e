package main

import (
	"encoding/json"
	"testing"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
		code int
	}{
		{"design example", []string{"parse", `Basic realm="foo", Negotiate YII=`},
			`{"challenges":[{"scheme":"Basic","params":[["realm","foo"]]},{"scheme":"Negotiate","token68":"YII="}]}` + "\n", 0},
		{"scheme alone", []string{"parse", "Bearer"},
			`{"challenges":[{"scheme":"Bearer"}]}` + "\n", 0},
		{"empty field", []string{"parse", ""},
			`{"challenges":[]}` + "\n", 0},
		{"only commas", []string{"parse", " , ,"},
			`{"challenges":[]}` + "\n", 0},
		{"each arg is a line", []string{"parse", "-field", "proxy-authenticate", `Basic realm="a"`, `Bearer scope="x y"`},
			`{"challenges":[{"scheme":"Basic","params":[["realm","a"]]},{"scheme":"Bearer","params":[["scope","x y"]]}]}` + "\n", 0},
		{"case kept", []string{"parse", `BASIC REALM="x"`},
			`{"challenges":[{"scheme":"BASIC","params":[["REALM","x"]]}]}` + "\n", 0},
		{"BWS and comma in quotes", []string{"parse", `Basic realm = "a, b"`},
			`{"challenges":[{"scheme":"Basic","params":[["realm","a, b"]]}]}` + "\n", 0},
		{"http quoted-pair", []string{"parse", `Bearer realm="a\nb"`},
			`{"challenges":[{"scheme":"Bearer","params":[["realm","anb"]]}]}` + "\n", 0},
		{"no html escaping", []string{"parse", `Basic realm="<a&b>"`},
			`{"challenges":[{"scheme":"Basic","params":[["realm","<a&b>"]]}]}` + "\n", 0},
		{"obs-text becomes U+FFFD", []string{"parse", "Basic realm=\"caf\xe9\""},
			`{"challenges":[{"scheme":"Basic","params":[["realm","caf\ufffd"]]}]}` + "\n", 0},
		{"credentials params", []string{"parse", "-field", "authorization", `Digest username="Mufasa", realm="http-auth@example.org"`},
			`{"credentials":{"scheme":"Digest","params":[["username","Mufasa"],["realm","http-auth@example.org"]]}}` + "\n", 0},
		{"credentials token68", []string{"parse", "-field", "Proxy-Authorization", "Basic dXNlcjpwYXNz"},
			`{"credentials":{"scheme":"Basic","token68":"dXNlcjpwYXNz"}}` + "\n", 0},
		{"credentials scheme alone", []string{"parse", "-field", "authorization", "Negotiate"},
			`{"credentials":{"scheme":"Negotiate"}}` + "\n", 0},
		{"params", []string{"parse", "-field", "authentication-info", `nextnonce="abc", qop=auth`},
			`{"params":[["nextnonce","abc"],["qop","auth"]]}` + "\n", 0},
		{"params over two lines", []string{"parse", "-field", "proxy-authentication-info", "a=1", `b="2"`},
			`{"params":[["a","1"],["b","2"]]}` + "\n", 0},
		// Decision 3: "realm=" alone is a token68, not a param.
		{"token68 that looks like a param", []string{"parse", `Basic realm="x", Bearer realm=`},
			`{"challenges":[{"scheme":"Basic","params":[["realm","x"]]},{"scheme":"Bearer","token68":"realm="}]}` + "\n", 0},
		{"empty params", []string{"parse", "-field", "authentication-info", ""},
			`{"params":[]}` + "\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, "", tt.args, tt.want, tt.code)
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		// "c=" ends at offset 31 where a value must start; Basic, complete
		// before it, is kept (a malformed challenge does not hide those before it),
		// Bearer is not.
		{"partial challenges", []string{"parse", `Basic realm="x", Bearer a=b, c=`},
			`{"challenges":[{"scheme":"Basic","params":[["realm","x"]]}],"error":{"line":0,"offset":31,"message":"expected a token or quoted-string value"}}` + "\n"},
		// Unlike "c=" above, a lone "realm=" after the scheme is a token68
		// (token68 before param), so this is no error: see TestParseArgs.
		// The quote that is never closed opens at offset 13 of line 1.
		{"error on second line", []string{"parse", "Basic realm=x", `Digest realm="unterminated`},
			`{"challenges":[{"scheme":"Basic","params":[["realm","x"]]}],"error":{"line":1,"offset":13,"message":"unterminated quoted-string"}}` + "\n"},
		// No challenge is complete: only the error.
		{"error in first challenge", []string{"parse", "Basic realm=\"a\x01\""},
			`{"error":{"line":0,"offset":14,"message":"control character in quoted-string"}}` + "\n"},
		{"param without scheme", []string{"parse", `realm="x"`},
			`{"error":{"line":0,"offset":0,"message":"parameter without an auth-scheme followed by a space"}}` + "\n"},
		{"empty credentials", []string{"parse", "-field", "authorization", ""},
			`{"error":{"line":0,"offset":0,"message":"empty credentials value"}}` + "\n"},
		// Decision 10: "Bearer" at offset 15 starts a second credentials.
		{"second credentials on one line", []string{"parse", "-field", "authorization", "Basic realm=x, Bearer"},
			`{"error":{"line":0,"offset":15,"message":"more than one credentials value"}}` + "\n"},
		{"second credentials line", []string{"parse", "-field", "proxy-authorization", "Basic abc", "Basic def"},
			`{"error":{"line":1,"offset":0,"message":"more than one credentials value"}}` + "\n"},
		// An error in line 0 comes before the second-line error.
		{"first line error wins", []string{"parse", "-field", "authorization", "Basic a=b=", "Basic def"},
			`{"error":{"line":0,"offset":9,"message":"expected ',' or end of field"}}` + "\n"},
		// A param list has no scheme: "Basic" wants an "=" at offset 6.
		{"params not challenges", []string{"parse", "-field", "authentication-info", `Basic realm="x"`},
			`{"error":{"line":0,"offset":6,"message":"expected '=' after parameter name"}}` + "\n"},
		{"duplicate param", []string{"parse", "-field", "authentication-info", "a=1, A=2"},
			`{"error":{"line":0,"offset":5,"message":"duplicate parameter name (RFC 9110 section 11.2)"}}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, "", tt.args, tt.want, 1)
		})
	}
}

func TestParseStdin(t *testing.T) {
	// One field line per stdin line; a CR before the LF is dropped; the
	// final newline ends the last line and adds none.
	check(t, "Basic realm=\"a\"\r\nBearer error=\"invalid_token\"\n", []string{"parse"},
		`{"challenges":[{"scheme":"Basic","params":[["realm","a"]]},{"scheme":"Bearer","params":[["error","invalid_token"]]}]}`+"\n", 0)
	// No final newline.
	check(t, "Negotiate abc==", []string{"parse"},
		`{"challenges":[{"scheme":"Negotiate","token68":"abc=="}]}`+"\n", 0)
	// Empty stdin: no lines, an empty field.
	check(t, "", []string{"parse"}, `{"challenges":[]}`+"\n", 0)
	check(t, "", []string{"parse", "-field", "authorization"},
		`{"error":{"line":0,"offset":0,"message":"empty credentials value"}}`+"\n", 1)
	// Two stdin lines are two field lines, also for Authorization.
	check(t, "Basic abc\nBasic def\n", []string{"parse", "-field", "authorization"},
		`{"error":{"line":1,"offset":0,"message":"more than one credentials value"}}`+"\n", 1)
	// Arguments win over stdin.
	check(t, "Bearer\n", []string{"parse", "Basic"}, `{"challenges":[{"scheme":"Basic"}]}`+"\n", 0)
}

// TestLenient checks that -lenient reaches the parser: `Basic; realm=...`
// is an error in strict mode and a challenge with a warning in lenient
// mode (the package documentation, "Strict and lenient mode").
func TestLenient(t *testing.T) {
	const value = `Basic; realm="Secured area"`
	check(t, "", []string{"parse", value},
		`{"error":{"line":0,"offset":5,"message":"auth-scheme must be followed by a space, ',' or end of field"}}`+"\n", 1)

	for _, args := range [][]string{
		{"parse", "-lenient", value},
		{"parse", "-jsonl"}, // with "lenient":true in the request
	} {
		out, errOut, code := runCLI(t, `{"lines":["Basic; realm=\"Secured area\""],"lenient":true}`, args...)
		var got struct {
			Challenges json.RawMessage
			Warnings   []jsonPos
			Error      *jsonPos
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("httpauth %q: output %q is not JSON: %v (stderr %q)", args, out, err, errOut)
		}
		if got.Error != nil && len(got.Warnings) == 0 {
			t.Skipf("lenient mode not implemented yet: httpauth %q answers %s", args, out)
		}
		if want := `[{"scheme":"Basic","params":[["realm","Secured area"]]}]`; string(got.Challenges) != want || got.Error != nil || code != 0 {
			t.Errorf("httpauth %q = %s (exit %d), want challenges %s and exit 0", args, out, code, want)
		}
		if len(got.Warnings) == 0 || got.Warnings[0].Message == "" {
			t.Errorf("httpauth %q = %s, want a warning with a message", args, out)
		}
	}
}
