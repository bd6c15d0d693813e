package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Every expected output in this file is written by hand from RFC 9110
// section 11 and the package documentation, never computed by the code under test.

// runCLI runs the tool in-process as "httpauth args..." with stdin and
// returns what it wrote and its exit status.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// check runs the tool and compares stdout and the exit status exactly.
func check(t *testing.T, stdin string, args []string, wantOut string, wantCode int) {
	t.Helper()
	out, errOut, code := runCLI(t, stdin, args...)
	if out != wantOut || code != wantCode {
		t.Errorf("httpauth %q with stdin %q:\n got (exit %d) %s\nwant (exit %d) %s\nstderr: %s", args, stdin, code, out, wantCode, wantOut, errOut)
	}
}

// readmeValue is the value of the README's first command.
const readmeValue = `Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple"`

// readmeJSON is its expected output: two challenges; Newauth with realm
// "apps", type "1" and title `Login to "apps"` (quoted-pairs removed), then
// Basic with realm "simple". .ci/run checks the same bytes.
const readmeJSON = `{"challenges":[{"scheme":"Newauth","params":[["realm","apps"],["type","1"],["title","Login to \"apps\""]]},{"scheme":"Basic","params":[["realm","simple"]]}]}` + "\n"

func TestReadmeFirstCommand(t *testing.T) {
	check(t, "", []string{"parse", readmeValue}, readmeJSON, 0)
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		wantStdout bool // usage on stdout (help) rather than stderr
	}{
		{"no command", nil, 2, false},
		{"unknown command", []string{"frobnicate"}, 2, false},
		{"help for an unknown command", []string{"help", "frobnicate"}, 2, false},
		{"help", []string{"help"}, 0, true},
		{"help parse", []string{"help", "parse"}, 0, true},
		{"bad flag", []string{"parse", "-nope", "Basic"}, 2, false},
		{"bad field", []string{"parse", "-field", "cookie", "Basic"}, 2, false},
		{"canon bad field", []string{"canon", "-field", "set-cookie"}, 2, false},
		{"jsonl with values", []string{"parse", "-jsonl", "Basic"}, 2, false},
		{"canon jsonl with values", []string{"canon", "-jsonl", "Basic"}, 2, false},
		{"-h", []string{"parse", "-h"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("httpauth %q: exit %d, want %d", tt.args, code, tt.code)
			}
			text := errOut
			if tt.wantStdout {
				text = out
			} else if out != "" {
				t.Errorf("httpauth %q: stdout %q, want none", tt.args, out)
			}
			if !strings.Contains(text, "usage: httpauth ") {
				t.Errorf("httpauth %q: no usage in %q", tt.args, text)
			}
		})
	}
	// The top-level usage lists every registered command.
	_, errOut, _ := runCLI(t, "")
	for name := range commands {
		if !strings.Contains(errOut, "httpauth "+name+" ") {
			t.Errorf("usage does not list %q:\n%s", name, errOut)
		}
	}
	_, errOut, _ = runCLI(t, "", "parse", "-field", "cookie")
	if !strings.Contains(errOut, `unknown field "cookie"`) {
		t.Errorf("bad -field: stderr %q does not name the field", errOut)
	}
}

// TestHelpNamesOnlyFilesThatExist: the help of every command names no
// document (a .md file) that the repository lacks.
func TestHelpNamesOnlyFilesThatExist(t *testing.T) {
	docs := regexp.MustCompile(`[\w./-]+\.md\b`)
	helps := map[string]string{}
	helps["help"], _, _ = runCLI(t, "", "help")
	for _, name := range commandNames() {
		helps["help "+name], _, _ = runCLI(t, "", "help", name)
	}
	for name, out := range helps {
		for _, doc := range docs.FindAllString(out, -1) {
			if _, err := os.Stat(filepath.Join("..", "..", doc)); err != nil {
				t.Errorf("httpauth %s refers to %s, which the repository does not have", name, doc)
			}
		}
	}
}

// TestSynopses: the package documentation shows the synopsis of every
// command of the table, and each synopsis names every flag its command
// takes (as its help lists them).
func TestSynopses(t *testing.T) {
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for _, line := range strings.Split(string(src), "\n") {
		if s, ok := strings.CutPrefix(line, "//\thttpauth "); ok {
			documented = append(documented, s)
		}
	}
	want := []string{}
	for _, name := range commandNames() {
		want = append(want, synopsis(commands[name].usage))
	}
	want = append(want, "help [COMMAND]")
	slices.Sort(documented)
	slices.Sort(want)
	if !slices.Equal(documented, want) {
		t.Errorf("the package documentation shows\n%s\nwant the synopses of the commands\n%s", strings.Join(documented, "\n"), strings.Join(want, "\n"))
	}
	flagLine := regexp.MustCompile(`(?m)^  (-[\w-]+)`)
	for _, name := range commandNames() {
		help, _, _ := runCLI(t, "", "help", name)
		for _, m := range flagLine.FindAllStringSubmatch(help, -1) {
			named := regexp.MustCompile(`(^|[ \[(|])` + regexp.QuoteMeta(m[1]) + `($|[ \])|])`)
			if !named.MatchString(synopsis(commands[name].usage)) {
				t.Errorf("the synopsis of %s does not name its flag %s:\n%s", name, m[1], synopsis(commands[name].usage))
			}
		}
	}
}
