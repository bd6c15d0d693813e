package main

import (
	"strings"
	"testing"
)

// TestLongLines checks lines longer than the read buffers: a field line
// of stdin longer than 4 KiB, and a -jsonl request longer than 64 KiB
// whose field line passes the parser's 16 KiB limit.
func TestLongLines(t *testing.T) {
	long := strings.Repeat("a", 5000)
	check(t, `Basic realm="`+long+`"`+"\nBearer\n", []string{"parse"},
		`{"challenges":[{"scheme":"Basic","params":[["realm","`+long+`"]]},{"scheme":"Bearer"}]}`+"\n", 0)

	huge := strings.Repeat("b", 70000)
	in := `{"lines":["Basic realm=` + huge + `"]}` + "\n" + `{"lines":["Bearer"]}` + "\n"
	check(t, in, []string{"parse", "-jsonl"},
		`{"error":{"line":0,"offset":16384,"message":"more than 16384 bytes in a field line (limit)"}}`+"\n"+
			`{"challenges":[{"scheme":"Bearer"}]}`+"\n", 0)
}
