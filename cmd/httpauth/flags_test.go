package main

import (
	"strings"
	"testing"
)

// TestFlagsAfterValues: a flag after the VALUE arguments is a flag, never a
// field line; after "--" every argument is a VALUE.
func TestFlagsAfterValues(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
		code int
	}{
		// Strict mode refuses the ';' (offset 5); -lenient after the value
		// must reach the parser, not become a second field line.
		{"lenient after the value", []string{"parse", `Basic; realm="x"`, "-lenient"},
			`{"challenges":[{"scheme":"Basic","params":[["realm","x"]]}],"warnings":[{"line":0,"offset":5,"message":"';' after the auth-scheme, read as a space"}]}` + "\n", 0},
		{"field between two values", []string{"parse", "a=1", "-field", "authentication-info", "b=2"},
			`{"params":[["a","1"],["b","2"]]}` + "\n", 0},
		{"field=value form after the value", []string{"parse", "Bearer abc", "-field=authorization"},
			`{"credentials":{"scheme":"Bearer","token68":"abc"}}` + "\n", 0},
		{"canon", []string{"canon", "Basic  abc=", "-field", "proxy-authorization"}, "Basic abc=\n", 0},
		{"lint", []string{"lint", `Basic realm="x"`, "-json"}, `{"status":"strict","suggestion":["Basic realm=\"x\""]}` + "\n", 0},
		// "-lenient" is a token, so a scheme: after "--" it is a value.
		{"value after --", []string{"parse", "-lenient", "--", "-lenient"},
			`{"challenges":[{"scheme":"-lenient"}]}` + "\n", 0},
		{"-- alone", []string{"parse", "--"}, `{"challenges":[]}` + "\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, "", tt.args, tt.want, tt.code)
		})
	}
}

// TestBadFlagOneLine: a wrong flag, of any command, is reported in two
// lines, what is wrong and the command's synopsis, never the whole help.
func TestBadFlagOneLine(t *testing.T) {
	for _, name := range commandNames() {
		for _, args := range [][]string{
			{name, "-nope"},
			{name, "Basic", "-nope"},
			{name, "-field"}, // no value, or no such flag (respond)
		} {
			out, errOut, code := runCLI(t, "", args...)
			lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
			want := "usage: httpauth " + synopsis(commands[name].usage)
			if code != 2 || out != "" || len(lines) != 2 || lines[1] != want || !strings.HasPrefix(lines[0], "httpauth "+name+": ") {
				t.Errorf("httpauth %q: exit %d, stdout %q, stderr\n%s\nwant exit 2, no stdout, and two lines: the problem, then %q", args, code, out, errOut, want)
			}
		}
	}
	_, errOut, _ := runCLI(t, "", "parse", "-field", "cookie")
	if want := `httpauth parse: invalid value "cookie" for flag -field: unknown field "cookie"`; !strings.HasPrefix(errOut, want) {
		t.Errorf("bad -field: stderr %q, want it to start with %q", errOut, want)
	}
}

// TestHelpShowsFlags: "help COMMAND" and "COMMAND -h" print the command's
// help text and its flags; the first on stdout, the second on stderr.
func TestHelpShowsFlags(t *testing.T) {
	for _, name := range commandNames() {
		out, errOut, code := runCLI(t, "", "help", name)
		if code != 0 || errOut != "" || !strings.HasPrefix(out, "usage: httpauth "+commands[name].usage+"\n\nflags:\n  -") {
			t.Errorf("help %s: exit %d, stderr %q, stdout\n%s\nwant the help text, then the flags", name, code, errOut, out)
		}
		out2, errOut2, code2 := runCLI(t, "", name, "-h")
		if code2 != 0 || out2 != "" || errOut2 != out {
			t.Errorf("%s -h: exit %d, stdout %q, stderr\n%s\nwant what help %s prints, on stderr", name, code2, out2, errOut2, name)
		}
	}
	out, _, _ := runCLI(t, "", "help", "parse")
	for _, flag := range []string{"-field NAME", "-jsonl", "-lenient"} {
		if !strings.Contains(out, "  "+flag) {
			t.Errorf("help parse does not describe %s:\n%s", flag, out)
		}
	}
}
