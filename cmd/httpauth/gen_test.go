package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestGenRepeatable(t *testing.T) {
	a, _, code := runCLI(t, "", "gen", "-n", "50", "-seed", "7", "-jsonl")
	b, _, _ := runCLI(t, "", "gen", "-n", "50", "-seed", "7", "-jsonl")
	c, _, _ := runCLI(t, "", "gen", "-n", "50", "-seed", "8", "-jsonl")
	if code != 0 || a != b {
		t.Fatalf("gen -seed 7 twice: exit %d, same output %v", code, a == b)
	}
	if a == c {
		t.Fatal("gen -seed 7 and -seed 8 wrote the same values")
	}
	if n := strings.Count(a, "\n"); n != 50 {
		t.Fatalf("gen -n 50 -jsonl wrote %d lines", n)
	}
}

// TestGenJSONLGolden: the golden case of RFC 7617's challenge comes out
// with its request and the answer parse would give.
func TestGenJSONLGolden(t *testing.T) {
	out, _, code := runCLI(t, "", "gen", "-golden", "-jsonl", "-field", "www-authenticate", "-mode", "valid")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := `{"name":"golden/basic-challenge","request":{"field":"www-authenticate","lines":["Basic realm=\"WallyWorld\""],"lenient":false},"mode":"valid","categories":["params","quoted-strings"],"want":{"challenges":[{"scheme":"Basic","params":[["realm","WallyWorld"]]}]}}`
	if !strings.Contains(out, want+"\n") {
		t.Fatalf("gen -golden -jsonl has no line\n%s", want)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var gc genCase
		if err := json.Unmarshal([]byte(line), &gc); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if gc.Mode != "valid" || gc.Request.Field != "www-authenticate" || gc.Name == "" {
			t.Fatalf("-field www-authenticate -mode valid -golden gave %s", line)
		}
	}
}

// TestGenJSONLError: a rejected value's answer is the error's position
// and class.
func TestGenJSONLError(t *testing.T) {
	out, _, _ := runCLI(t, "", "gen", "-golden", "-jsonl", "-field", "www-authenticate", "-mode", "hostile")
	want := `"request":{"field":"www-authenticate","lines":["Basic realm=\"x"],"lenient":false},"mode":"hostile","categories":["quoted-strings","unterminated"],"want":{"error":{"line":0,"offset":12,"message":"syntax"}}}`
	if !strings.Contains(out, want) {
		t.Fatalf("gen -golden -jsonl -mode hostile has no\n%s\nin\n%s", want, out)
	}
}

func TestGenRaw(t *testing.T) {
	out, _, code := runCLI(t, "", "gen", "-golden", "-field", "authorization", "-mode", "valid")
	if code != 0 || !strings.Contains(out, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\n") {
		t.Fatalf("gen -golden (raw): exit %d, no RFC 7617 credentials in\n%s", code, out)
	}
}

func TestGenDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	_, _, code := runCLI(t, "", "gen", "-n", "12", "-o", dir)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	raw, _, _ := runCLI(t, "", "gen", "-n", "12")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 12 {
		t.Fatalf("gen -n 12 -o wrote %d files", len(files))
	}
	var all []string
	for _, f := range files {
		data, _ := os.ReadFile(f)
		all = append(all, string(data))
	}
	for _, v := range all {
		if !strings.Contains(raw, v) {
			t.Fatalf("file content %q is not among the raw values", v)
		}
	}
}

func TestGenDict(t *testing.T) {
	out, _, code := runCLI(t, "", "gen", "-dict")
	entry := regexp.MustCompile(`^t[0-9]+="([ !#-\[\]-~]|\\x[0-9a-f]{2})*"$`)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) < 50 {
		t.Fatalf("gen -dict: exit %d, %d entries", code, len(lines))
	}
	for _, l := range lines {
		if !entry.MatchString(l) {
			t.Fatalf("dictionary entry %q is not AFL's name=\"value\" with \\xNN escapes", l)
		}
	}
	for _, want := range []string{`="\x0d\x0a"`, `="realm="`, `="Digest"`, `="\x5c\x22"`} {
		if !strings.Contains(out, want) {
			t.Errorf("dictionary has no %s", want)
		}
	}
}

func TestGenUsage(t *testing.T) {
	for _, args := range [][]string{
		{"gen", "-mode", "bogus"},
		{"gen", "-field", "cookie"},
		{"gen", "extra"},
	} {
		_, errOut, code := runCLI(t, "", args...)
		if code != 2 || errOut == "" {
			t.Errorf("httpauth %q: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
	var b bytes.Buffer
	if code := run([]string{"help", "gen"}, nil, &b, &b); code != 0 || !strings.Contains(b.String(), "usage: httpauth gen") {
		t.Fatalf("help gen: %d %s", code, b.String())
	}
}
