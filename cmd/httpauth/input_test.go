package main

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
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

// repeatReader reads n bytes of chunk over and over, without holding them
// in memory.
type repeatReader struct {
	chunk []byte
	n     int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.chunk)
	r.n -= k
	return k, nil
}

// hugeInput is prefix, then 64 MiB of 'a', then suffix.
func hugeInput(prefix, suffix string) io.Reader {
	as := &repeatReader{chunk: bytes.Repeat([]byte("a"), 64<<10), n: 64 << 20}
	return io.MultiReader(strings.NewReader(prefix), as, strings.NewReader(suffix))
}

// allocated returns the bytes f allocates on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHugeLineBoundedMemory: a 64 MiB field line on standard input is
// answered with the parser's line limit, the same answer as for any line
// over 16 KiB, without being held in memory.
func TestHugeLineBoundedMemory(t *testing.T) {
	var (
		out, errb strings.Builder
		code      int
	)
	n := allocated(func() {
		code = run([]string{"parse"}, hugeInput(`Basic realm="`, "\"\nBearer\n"), &out, &errb)
	})
	want := `{"error":{"line":0,"offset":16384,"message":"more than 16384 bytes in a field line (limit)"}}` + "\n"
	if out.String() != want || code != 1 {
		t.Errorf("parse of a 64 MiB line: exit %d, stdout %q, stderr %q; want exit 1 and %q", code, out.String(), errb.String(), want)
	}
	if n > 1<<20 {
		t.Errorf("parse of a 64 MiB line allocated %d bytes, want at most 1 MiB", n)
	}
}

// TestLineReader checks the cut of long lines at the bound, a CR LF that
// straddles it, and the last line without LF.
func TestLineReader(t *testing.T) {
	const max = 4
	type line struct {
		text string
		long bool
	}
	tests := []struct {
		in   string
		want []line
	}{
		{"", nil},
		{"\n", []line{{"", false}}},
		{"abcd\nabcd\r\nab\r\r\n", []line{{"abcd", false}, {"abcd", false}, {"ab\r", false}}},
		{"abcde\nx", []line{{"abcde", true}, {"x", false}}},
		{"abcd\r", []line{{"abcd", false}}},                          // a CR that ends the input is dropped
		{"abcd\rx\n", []line{{"abcd\r", true}}},                      // a CR inside the line is data
		{"abcdefghij\r\nxy", []line{{"abcde", true}, {"xy", false}}}, // cut after max+1 bytes
	}
	for _, tt := range tests {
		r := newLineReader(strings.NewReader(tt.in), max)
		var got []line
		for {
			b, long, err := r.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, line{string(b), long})
		}
		if len(got) != len(tt.want) {
			t.Errorf("lines of %q = %+v, want %+v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("lines of %q = %+v, want %+v", tt.in, got, tt.want)
				break
			}
		}
	}
}

// TestFieldLinesBounded: the field lines of standard input are bounded in
// all, and nothing after a line over the parser's limit is read.
func TestFieldLinesBounded(t *testing.T) {
	// 2,000 lines of 600 bytes: more than 1 MiB in all.
	many := strings.Repeat(strings.Repeat("x", 599)+"\n", 2000)
	if _, err := readFieldLines(nil, strings.NewReader(many)); !errors.Is(err, errLongInput) {
		t.Errorf("readFieldLines of %d bytes: err = %v, want %v", len(many), err, errLongInput)
	}
	out, errOut, code := runCLI(t, many, "parse")
	if out != "" || code != 1 || errOut != "httpauth parse: "+errLongInput.Error()+"\n" {
		t.Errorf("parse of %d bytes of lines: exit %d, stdout %q, stderr %q", len(many), code, out, errOut)
	}

	// The second line passes the limit: the third is not read.
	in := "Basic\n" + strings.Repeat("b", maxLineBytes+1) + "\nBearer\n"
	lines, err := readFieldLines(nil, strings.NewReader(in))
	if err != nil || len(lines) != 2 || lines[0] != "Basic" || len(lines[1]) != maxLineBytes+1 {
		t.Errorf("readFieldLines: %d lines, err %v; want 2 lines, the second of %d bytes", len(lines), err, maxLineBytes+1)
	}
	// A line of exactly the limit is whole.
	in = strings.Repeat("b", maxLineBytes) + "\r\nBearer\n"
	lines, err = readFieldLines(nil, strings.NewReader(in))
	if err != nil || len(lines) != 2 || len(lines[0]) != maxLineBytes || lines[1] != "Bearer" {
		t.Errorf("readFieldLines: %d lines, err %v; want 2 lines, the first of %d bytes", len(lines), err, maxLineBytes)
	}
}

func TestReadPassword(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  error
	}{
		{"Circle Of Life\n", "Circle Of Life", nil},
		{"s3cret\r\nnext line\n", "s3cret", nil},
		{"no newline", "no newline", nil},
		{"", "", errNoPassword},
		{"\n", "", errNoPassword},
		{"\r\nsecond line\n", "", errNoPassword},
		{strings.Repeat("p", maxLineBytes) + "\n", strings.Repeat("p", maxLineBytes), nil},
		{strings.Repeat("p", maxLineBytes+1) + "\n", "", errLongPassword},
	}
	for _, tt := range tests {
		got, err := readPassword(strings.NewReader(tt.in))
		if got != tt.want || err != tt.err {
			t.Errorf("readPassword(%.20q...) = %.20q..., %v; want %.20q..., %v", tt.in, got, err, tt.want, tt.err)
		}
	}
	// A huge first line is not held in memory.
	if n := allocated(func() { readPassword(hugeInput("", "\n")) }); n > 1<<20 {
		t.Errorf("readPassword of a 64 MiB line allocated %d bytes, want at most 1 MiB", n)
	}
}

// fakeTerminal is a standard input that says it is a character device,
// as a terminal does, and records whether it was read.
type fakeTerminal struct{ read bool }

func (f *fakeTerminal) Read([]byte) (int, error) { f.read = true; return 0, io.EOF }

func (f *fakeTerminal) Stat() (fs.FileInfo, error) { return terminalInfo{}, nil }

type terminalInfo struct{}

func (terminalInfo) Name() string       { return "tty" }
func (terminalInfo) Size() int64        { return 0 }
func (terminalInfo) Mode() fs.FileMode  { return fs.ModeDevice | fs.ModeCharDevice | 0o620 }
func (terminalInfo) ModTime() time.Time { return time.Time{} }
func (terminalInfo) IsDir() bool        { return false }
func (terminalInfo) Sys() any           { return nil }

// TestTerminalNotRead: parse, canon and lint without a VALUE on a terminal
// print what they need and exit 2 instead of waiting silently for input;
// with a VALUE, or with -jsonl, the terminal does not matter.
func TestTerminalNotRead(t *testing.T) {
	for _, name := range []string{"parse", "canon", "lint"} {
		tty := new(fakeTerminal)
		var out, errb strings.Builder
		code := run([]string{name}, tty, &out, &errb)
		want := "httpauth " + name + ": " + errTerminal.Error() + "\nusage: httpauth " + synopsis(commands[name].usage) + "\n"
		if code != 2 || tty.read || out.String() != "" || errb.String() != want {
			t.Errorf("%s on a terminal: exit %d, read %v, stdout %q, stderr %q; want exit 2, no read, stderr %q", name, code, tty.read, out.String(), errb.String(), want)
		}
		tty = new(fakeTerminal)
		if code := run([]string{name, "Basic"}, tty, io.Discard, io.Discard); code != 0 || tty.read {
			t.Errorf("%s Basic on a terminal: exit %d, read %v; want exit 0, no read", name, code, tty.read)
		}
	}
	tty := new(fakeTerminal)
	if code := run([]string{"parse", "-jsonl"}, tty, io.Discard, io.Discard); code != 0 || !tty.read {
		t.Errorf("parse -jsonl on a terminal: exit %d, read %v; want exit 0 after reading the requests", code, tty.read)
	}
	// The null device is a character device too, but not a terminal.
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	if isTerminal(devNull) {
		t.Errorf("isTerminal(%s) = true, want false", os.DevNull)
	}
	check(t, "", []string{"parse"}, `{"challenges":[]}`+"\n", 0)
}
