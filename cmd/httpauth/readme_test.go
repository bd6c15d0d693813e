package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// shellWords splits a command line written with plain words and
// single-quoted strings, the only quoting the README's examples use.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var (
		words []string
		word  strings.Builder
		in    bool // a word has started
	)
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			if j < 0 {
				t.Fatalf("unterminated quote in %q", line)
			}
			word.WriteString(line[i+1 : i+1+j])
			i += j + 1
			in = true
		case c == ' ':
			if in {
				words = append(words, word.String())
				word.Reset()
				in = false
			}
		case strings.IndexByte("\"\\$`|<>;&", c) >= 0:
			t.Fatalf("shell syntax %q in %q: the test reads plain words and single quotes only", c, line)
		default:
			word.WriteByte(c)
			in = true
		}
	}
	if in {
		words = append(words, word.String())
	}
	return words
}

// TestReadmeExamples runs every "$ go run ./cmd/httpauth ..." example of
// the README and compares what it prints, standard error and standard
// output in the order written, with the text the README shows.
func TestReadmeExamples(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?m)^```\n\\$ go run \\./cmd/httpauth (.*)\n((?s:.*?))^```$").FindAllSubmatch(readme, -1)
	if len(blocks) < 2 {
		t.Fatalf("found %d examples in README.md, want the lint and the pasted-name examples", len(blocks))
	}
	for _, b := range blocks {
		args := shellWords(t, string(b[1]))
		var out bytes.Buffer
		run(args, strings.NewReader(""), &out, &out)
		if out.String() != string(b[2]) {
			t.Errorf("README.md: $ go run ./cmd/httpauth %s\nshows\n%s\nthe tool prints\n%s", b[1], b[2], out.String())
		}
	}
}
