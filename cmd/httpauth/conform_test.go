package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The test binary doubles as the adapters that conform drives: with
// HTTPAUTH_TEST_ADAPTER set, TestMain runs one and exits.
func TestMain(m *testing.M) {
	switch mode := os.Getenv("HTTPAUTH_TEST_ADAPTER"); mode {
	case "":
		os.Exit(m.Run())
	case "parse":
		os.Exit(run([]string{"parse", "-jsonl"}, os.Stdin, os.Stdout, os.Stderr))
	default:
		os.Exit(testAdapter(mode))
	}
}

// testAdapter answers every request the same wrong way:
//   - empty: no values and no error, whatever the request;
//   - unsupported: {"unsupported":...};
//   - crash3: like parse, but exits after three answers.
func testAdapter(mode string) int {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(nil, 1<<20)
	w := bufio.NewWriter(os.Stdout)
	n := 0
	for sc.Scan() {
		var req genRequest
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			return 2
		}
		switch mode {
		case "empty":
			w.WriteString("{\"challenges\":[]}\n")
		case "unsupported":
			w.WriteString("{\"unsupported\":\"test\"}\n")
		case "crash3":
			if n == 3 {
				return 3
			}
			w.WriteString("{\"error\":{\"line\":0,\"offset\":0,\"message\":\"x\"}}\n")
		}
		n++
		w.Flush()
	}
	return 0
}

// conformAgainst runs conform with args against the adapter mode.
func conformAgainst(t *testing.T, mode string, args ...string) (string, int) {
	t.Helper()
	t.Setenv("HTTPAUTH_TEST_ADAPTER", mode)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", append(append([]string{"conform"}, args...), "--", exe)...)
	if code == 2 {
		t.Fatalf("conform %q: exit 2: %s", args, errOut)
	}
	return out, code
}

// TestConformSelf: the library's own parser, behind "httpauth parse
// -jsonl", scores 100% on the golden cases and generated ones of every
// mode, offsets and lenient warnings included.
func TestConformSelf(t *testing.T) {
	n := "3000"
	if testing.Short() {
		n = "300"
	}
	out, code := conformAgainst(t, "parse", "-n", n, "-offsets", "-lenient")
	if code != 0 || !strings.HasPrefix(out, "score: 100.00% (") || strings.Contains(out, "failing") {
		t.Fatalf("conform on httpauth parse -jsonl: exit %d\n%s", code, out)
	}
	for _, cat := range []string{"mode:valid", "mode:near-valid", "mode:hostile", "token68", "empty-elements", "escapes", "duplicates", "several-lines", "deviation:obs-fold", "deviation:opaque-credentials", "deviation:too-many-deviations", "realistic"} {
		if !strings.Contains(out, "\n"+cat+" ") {
			t.Errorf("the report has no category %s", cat)
		}
	}
	// A case counts once in a category: no deviation is run more often
	// than the near-valid cases.
	counts := map[string]int{}
	for _, l := range strings.Split(out, "\n") {
		var name string
		var passed, run int
		if n, _ := fmt.Sscanf(l, "%s %d %d", &name, &passed, &run); n == 3 {
			counts[name] = run
		}
	}
	for name, run := range counts {
		if strings.HasPrefix(name, "deviation:") && run > counts["mode:near-valid"] {
			t.Errorf("%s: %d cases run, more than the %d near-valid ones", name, run, counts["mode:near-valid"])
		}
	}
}

// TestConformEmpty: an adapter that accepts everything with no values
// fails every invalid case ("accepted") and every valid case with values
// ("wrong value"), and the report says so per category.
func TestConformEmpty(t *testing.T) {
	out, code := conformAgainst(t, "empty", "-golden=false", "-n", "30", "-mode", "hostile", "-json")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var rep struct {
		Score    float64        `json:"score"`
		Run      int            `json:"run"`
		Passed   int            `json:"passed"`
		Verdicts map[string]int `json:"verdicts"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Run != 30 || rep.Passed != 0 || rep.Score != 0 || rep.Verdicts[vAccepted] != 30 {
		t.Fatalf("30 hostile cases, all accepted by the adapter: got %+v", rep)
	}
	// -no-errors: no values is a rejection, which is right for hostile
	// cases.
	out, code = conformAgainst(t, "empty", "-golden=false", "-n", "30", "-mode", "hostile", "-no-errors")
	if code != 0 || !strings.HasPrefix(out, "score: 100.00% (30 of 30") {
		t.Fatalf("-no-errors: exit %d\n%s", code, out)
	}
}

func TestConformUnsupported(t *testing.T) {
	out, code := conformAgainst(t, "unsupported", "-golden=false", "-n", "20")
	if code != 0 || !strings.Contains(out, "(0 of 0 cases pass; 20 not applicable)") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

// TestConformCrash: an adapter that dies is restarted; the case it died
// on fails as "adapter failed" and the run goes on.
func TestConformCrash(t *testing.T) {
	out, code := conformAgainst(t, "crash3", "-golden=false", "-n", "10", "-mode", "hostile", "-json")
	var rep struct {
		Run      int            `json:"run"`
		Verdicts map[string]int `json:"verdicts"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	// Answers 1-3 pass (errors for hostile cases), the 4th request finds
	// the adapter gone; after the restart, 3 more pass, and so on.
	if code != 1 || rep.Run != 10 || rep.Verdicts[vPass] != 8 || rep.Verdicts[vAdapter] != 2 {
		t.Fatalf("exit %d, %+v", code, rep)
	}
}

// TestConformScope: a parser that reads Digest challenges only, judged on
// what it claims to do.
func TestConformScope(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cases.jsonl")
	cases := []string{
		// Valid, two challenges; the Digest one is what the parser returns.
		`{"request":{"field":"www-authenticate","lines":["Basic realm=\"a\", Digest nonce=\"x\", realm=b"],"lenient":false},"mode":"valid","categories":["several-challenges"],"want":{"challenges":[{"scheme":"Basic","params":[["realm","a"]]},{"scheme":"Digest","params":[["nonce","x"],["realm","b"]]}]}}`,
		// No Digest: not its business.
		`{"request":{"field":"www-authenticate","lines":["Bearer realm=\"a\""],"lenient":false},"mode":"valid","categories":["params"],"want":{"challenges":[{"scheme":"Bearer","params":[["realm","a"]]}]}}`,
	}
	if err := os.WriteFile(file, []byte(strings.Join(cases, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The adapter is a shell script that answers what a Digest-only
	// parser returning a map (names lower-cased, any order) would.
	script := filepath.Join(t.TempDir(), "digest-only.sh")
	body := "#!/bin/sh\nwhile read -r line; do echo '{\"challenges\":[{\"scheme\":\"digest\",\"params\":[[\"realm\",\"b\"],[\"nonce\",\"x\"]]}]}'; done\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	conform := func(args ...string) (string, int) {
		out, errOut, code := runCLI(t, "", append(append([]string{"conform", "-golden=false", "-n", "0", "-cases", file}, args...), "--", script)...)
		if code == 2 {
			t.Fatalf("conform %q: %s", args, errOut)
		}
		return out, code
	}
	out, code := conform("-schemes", "digest", "-compare", "set")
	if code != 0 || !strings.Contains(out, "(1 of 1 cases pass; 1 not applicable)") {
		t.Fatalf("-schemes digest -compare set: exit %d\n%s", code, out)
	}
	// Exact comparison: the lower-cased scheme and the order differ.
	out, code = conform("-schemes", "digest")
	if code != 1 || !strings.Contains(out, "wrong value") {
		t.Fatalf("-schemes digest: exit %d\n%s", code, out)
	}
	// No scope: both cases count, and both are wrong.
	out, code = conform("-compare", "set")
	if code != 1 || !strings.Contains(out, "(0 of 2 cases pass") {
		t.Fatalf("no scope: exit %d\n%s", code, out)
	}

	// A parser that reads which schemes are offered and the parameters
	// of Bearer only, as a registry client does.
	file = filepath.Join(t.TempDir(), "cases.jsonl")
	c := `{"request":{"field":"www-authenticate","lines":["Basic realm=\"a\"","Bearer realm=\"b\""],"lenient":false},"mode":"valid","categories":["several-lines"],"want":{"challenges":[{"scheme":"Basic","params":[["realm","a"]]},{"scheme":"Bearer","params":[["realm","b"]]}]}}`
	if err := os.WriteFile(file, []byte(c+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	body = "#!/bin/sh\nwhile read -r line; do echo '{\"challenges\":[{\"scheme\":\"basic\"},{\"scheme\":\"bearer\",\"params\":[[\"realm\",\"b\"]]}]}'; done\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	out, code = conform("-compare", "set", "-no-params", "basic")
	if code != 0 || !strings.Contains(out, "(1 of 1 cases pass") {
		t.Fatalf("-no-params basic: exit %d\n%s", code, out)
	}
	out, code = conform("-compare", "set", "-no-params", "bearer")
	if code != 1 || !strings.Contains(out, "wrong value") {
		t.Fatalf("-no-params bearer: exit %d\n%s", code, out)
	}
}

func TestConformUsage(t *testing.T) {
	for _, args := range [][]string{
		{"conform"},
		{"conform", "-compare", "loose", "--", "true"},
		{"conform", "--", "/nonexistent/adapter"},
	} {
		_, errOut, code := runCLI(t, "", args...)
		if code != 2 || errOut == "" {
			t.Errorf("httpauth %q: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
}

// TestJSONOffset: an offset counts each byte that JSON turns into U+FFFD
// as three.
func TestJSONOffset(t *testing.T) {
	lines := []string{"a\xffb\xc3\xa9c\x80", "x"}
	for _, tt := range []struct{ ln, off, want int }{
		{0, 0, 0}, {0, 1, 1}, {0, 2, 4}, {0, 3, 5}, {0, 5, 7}, {0, 6, 8}, {0, 7, 11}, {1, 1, 1},
	} {
		if got := jsonOffset(lines, tt.ln, tt.off); got != tt.want {
			t.Errorf("jsonOffset(%q, %d, %d) = %d, want %d", lines, tt.ln, tt.off, got, tt.want)
		}
	}
}

// TestConformMinimize: a failure shrinks to a short input that fails the
// same way against httpauth's strict answer.
func TestConformMinimize(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cases.jsonl")
	c := `{"request":{"field":"www-authenticate","lines":["Basic realm=\"x\", Bearer a=b, c=\"d\"\u0001, Negotiate abc=="],"lenient":false},"mode":"hostile","categories":["control-characters"],"want":{"error":{"line":0,"offset":39,"message":"syntax"}}}`
	if err := os.WriteFile(file, []byte(c+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := conformAgainst(t, "empty", "-golden=false", "-n", "0", "-cases", file, "-minimize", "-json")
	var rep struct {
		Failures []struct {
			Verdict   string `json:"verdict"`
			Minimized *struct {
				Verdict string     `json:"verdict"`
				Request genRequest `json:"request"`
			} `json:"minimized"`
		} `json:"failures"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if code != 1 || len(rep.Failures) != 1 || rep.Failures[0].Minimized == nil {
		t.Fatalf("exit %d, %s", code, out)
	}
	m := rep.Failures[0].Minimized
	// The adapter accepts anything: the smallest input httpauth rejects
	// is one byte (a control character, a quote, "=", ...).
	if m.Verdict != vAccepted || len(strings.Join(m.Request.Lines, "\n")) != 1 {
		t.Fatalf("minimized to %s %q, want one byte, accepted", m.Verdict, m.Request.Lines)
	}
}
