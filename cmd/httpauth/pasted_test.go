package main

import (
	"slices"
	"strings"
	"testing"
)

// curlDump is a 401 response as "curl -i" prints it: CR LF line ends, a
// Digest challenge folded over two lines (obs-fold), a Basic one, other
// fields, and a body that mentions the field name.
const curlDump = "HTTP/1.1 401 Unauthorized\r\n" +
	"Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n" +
	"Server: Apache\r\n" +
	"WWW-Authenticate: Digest realm=\"a\", qop=\"auth\",\r\n" +
	"  nonce=\"n\"\r\n" +
	"www-authenticate:Basic realm=\"b\"\r\n" +
	"Content-Type: text/html\r\n" +
	"\r\n" +
	"<p>WWW-Authenticate: Bearer</p>\r\n"

// TestPastedFieldName: a value pasted with its field name, or a whole
// response head, is parsed as that field, and the tool says so.
func TestPastedFieldName(t *testing.T) {
	const (
		oneNote = "reading a %s field: the field name is not part of the value; offsets count from the start of the value\n"
		// Ignored: the status line, Date, Server, Content-Type, the empty
		// line and the body.
		dumpNote = "reading WWW-Authenticate from the response head: 2 field lines, 6 other lines ignored; lines and offsets count in the values, without the field name\n"
	)
	tests := []struct {
		name   string
		stdin  string
		args   []string
		want   string
		code   int
		stderr string
	}{
		{"challenge", "", []string{"parse", "WWW-Authenticate: Basic realm=x"},
			`{"challenges":[{"scheme":"Basic","params":[["realm","x"]]}]}` + "\n", 0,
			"httpauth parse: " + strings.ReplaceAll(oneNote, "%s", "WWW-Authenticate")},
		// The name chooses the field: credentials, without -field.
		{"credentials", "", []string{"parse", "authorization:  Basic dXNlcjpwYXNz"},
			`{"credentials":{"scheme":"Basic","token68":"dXNlcjpwYXNz"}}` + "\n", 0,
			"httpauth parse: " + strings.ReplaceAll(oneNote, "%s", "Authorization")},
		// Offsets count in the value: the quote opens at 13 of `Digest realm="x`.
		{"error offset in the value", "", []string{"parse", `Proxy-Authenticate: Digest realm="x`},
			`{"error":{"line":0,"offset":13,"message":"unterminated quoted-string"}}` + "\n", 1,
			"httpauth parse: " + strings.ReplaceAll(oneNote, "%s", "Proxy-Authenticate")},
		{"-field names the same field", "", []string{"parse", "-field", "authentication-info", "Authentication-Info: qop=auth"},
			`{"params":[["qop","auth"]]}` + "\n", 0,
			"httpauth parse: " + strings.ReplaceAll(oneNote, "%s", "Authentication-Info")},
		// The obs-fold is as on the wire, CR LF SP SP after `Digest
		// realm="a", qop="auth",` (29 bytes), so strict mode refuses it ...
		{"curl -i strict", curlDump, []string{"parse"},
			`{"error":{"line":0,"offset":29,"message":"control character"}}` + "\n", 1,
			"httpauth parse: " + dumpNote},
		// ... and lenient mode reads it as a space.
		{"curl -i lenient", curlDump, []string{"parse", "-lenient"},
			`{"challenges":[{"scheme":"Digest","params":[["realm","a"],["qop","auth"],["nonce","n"]]},{"scheme":"Basic","params":[["realm","b"]]}],"warnings":[{"line":0,"offset":29,"message":"obs-fold (line break followed by whitespace) inside the field, read as one space"}]}` + "\n", 0,
			"httpauth parse: " + dumpNote},
		{"canon", "", []string{"canon", "WWW-Authenticate: Basic   realm=x"}, "Basic realm=\"x\"\n", 0,
			"httpauth canon: " + strings.ReplaceAll(oneNote, "%s", "WWW-Authenticate")},
		{"lint", "", []string{"lint", "WWW-Authenticate: Basic realm=\"x\""}, "valid: the field matches the strict RFC 9110 grammar\n", 0,
			"httpauth lint: " + strings.ReplaceAll(oneNote, "%s", "WWW-Authenticate")},
		{"respond", "", []string{"respond", "-challenge", "Proxy-Authenticate: Basic realm=x", "-user", "u", "-password", "p"}, "Basic dTpw\n", 0,
			"httpauth respond: " + strings.ReplaceAll(oneNote, "%s", "Proxy-Authenticate") +
				"httpauth respond: the answer goes in a Proxy-Authorization field\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.stdin, tt.args...)
			if out != tt.want || code != tt.code || errOut != tt.stderr {
				t.Errorf("httpauth %q:\n got (exit %d) %s stderr %q\nwant (exit %d) %s stderr %q", tt.args, code, out, errOut, tt.code, tt.want, tt.stderr)
			}
		})
	}
}

// TestPastedFieldNameProblems: what cannot be read as one field of one
// response is a usage error that says why.
func TestPastedFieldNameProblems(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		message string
	}{
		{"names on some lines only", []string{"parse", "WWW-Authenticate: Basic", "Bearer"},
			"line 1 is neither a header field nor a status line: give the field lines all with their field name or all without"},
		{"two fields", []string{"parse", "WWW-Authenticate: Basic", "Proxy-Authenticate: Bearer"},
			"the header lines hold WWW-Authenticate and Proxy-Authenticate fields: choose one with -field"},
		{"-field names another field", []string{"parse", "-field", "authorization", "WWW-Authenticate: Basic"},
			"the header lines hold no Authorization field (-field), only WWW-Authenticate"},
		{"two responses", []string{"parse", "HTTP/1.1 401 A", "WWW-Authenticate: Basic", "", "HTTP/1.1 401 B", "WWW-Authenticate: Bearer"},
			"the header lines hold WWW-Authenticate fields of several responses: give one response"},
		{"no authentication field", []string{"parse", "HTTP/2 200", "Content-Type: text/plain"},
			"the header lines hold no WWW-Authenticate, Proxy-Authenticate, Authorization, Proxy-Authorization, Authentication-Info or Proxy-Authentication-Info field"},
		{"respond to credentials", []string{"respond", "-user", "u", "-password", "p", "-challenge", "Authorization: Basic abc"},
			"-challenge: the header lines hold no WWW-Authenticate or Proxy-Authenticate field, only Authorization"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", tt.args...)
			want := "httpauth " + tt.args[0] + ": " + tt.message + "\nusage: httpauth " + synopsis(commands[tt.args[0]].usage) + "\n"
			if out != "" || code != 2 || errOut != want {
				t.Errorf("httpauth %q: exit %d, stdout %q, stderr\n%s\nwant exit 2, no stdout, stderr\n%s", tt.args, code, out, errOut, want)
			}
		})
	}
	// The -field flag picks one of two fields.
	check(t, "", []string{"parse", "-field", "proxy-authenticate", "WWW-Authenticate: Basic", "Proxy-Authenticate: Bearer"},
		`{"challenges":[{"scheme":"Bearer"}]}`+"\n", 0)
}

// TestPlainLinesUntouched: field lines without a field name, the -jsonl
// requests, and a colon inside a value are left as they are.
func TestPlainLinesUntouched(t *testing.T) {
	for _, lines := range [][]string{
		{`Basic realm="a: b"`},
		{"Basic realm=x:y"}, // a colon after the scheme's data, not a name
		{"", "Bearer"},
		{"NotAField: Basic"}, // a token and a colon, but not an authentication field
	} {
		f, err := unpaste(lines, fieldFlag{name: defaultField, kind: kindChallenges}, 0)
		if err != nil || f.note != "" || !slices.Equal(f.lines, lines) || f.field.name != defaultField {
			t.Errorf("unpaste(%q) = %q, %q, %q, %v; want the lines unchanged", lines, f.lines, f.field.name, f.note, err)
		}
	}
	check(t, `{"lines":["WWW-Authenticate: Basic"]}`, []string{"parse", "-jsonl"},
		`{"error":{"line":0,"offset":16,"message":"auth-scheme must be followed by a space, ',' or end of field"}}`+"\n", 0)
}

func TestStatusAndHeaderLines(t *testing.T) {
	for line, want := range map[string]bool{
		"HTTP/1.1 401 Unauthorized": true,
		"HTTP/2 407":                true,
		"HTTP/1.0 200 OK":           true,
		"HTTP/1.1 40 Short":         false,
		"HTTP/1.1 4011 Long":        false,
		"HTTP/1.1 4x1 Letters":      false,
		"HTTP/1.1":                  false,
		"http/1.1 401 x":            false,
		"Basic realm=x":             false,
	} {
		if got := isStatusLine(line); got != want {
			t.Errorf("isStatusLine(%q) = %v, want %v", line, got, want)
		}
	}
	for _, tt := range []struct{ line, name, value string }{
		{"WWW-Authenticate: Basic", "WWW-Authenticate", "Basic"},
		{"authorization:\t Basic abc ", "authorization", "Basic abc "},
		{"X-Empty:", "X-Empty", ""},
		{"Bad Name: x", "", ""},
		{": x", "", ""},
		{"Basic realm=x", "", ""},
	} {
		name, value, _ := headerLine(tt.line)
		if name != tt.name || value != tt.value {
			t.Errorf("headerLine(%q) = %q, %q; want %q, %q", tt.line, name, value, tt.name, tt.value)
		}
	}
}
