package main

// Reading standard input: field lines, -jsonl requests and a password,
// each read in bounded memory whatever the input.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/authwire/httpauth"
)

// Bounds on what is read from standard input. A line longer than its
// bound is read to its end without being kept: the memory a command uses
// does not grow with the input.
const (
	// maxLineBytes is the longest field line the parser accepts (its
	// default limit, which the tool uses).
	maxLineBytes = httpauth.DefaultMaxLineBytes

	// maxFieldBytes bounds one field read from standard input, all its
	// lines together, and one -jsonl request line.
	maxFieldBytes = 1 << 20
)

// errLongInput is the reason for more than maxFieldBytes of field lines on
// standard input.
var errLongInput = fmt.Errorf("standard input holds more than %d bytes of field lines (limit)", maxFieldBytes)

// lineReader reads lines from a bufio.Reader and keeps at most max+1
// bytes of each.
type lineReader struct {
	br  *bufio.Reader
	max int
	buf []byte
}

// newLineReader returns a lineReader of r that keeps at most max+1 bytes of
// a line.
func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line without its "\n" and without one "\r" at its
// end, or io.EOF after the last line. A last line without "\n" is a line; an
// input ending in "\n" has no empty line after it.
//
// A line of more than r.max bytes is read to its end, but only its first
// r.max+1 bytes are returned, with long set: enough for the parser to
// report its line limit at the same offset as for the whole line. The
// slice is valid until the next call.
func (r *lineReader) next() (line []byte, long bool, err error) {
	r.buf = r.buf[:0]
	keep := r.max + 2 // room for the "\r" before the "\n"
	n := 0            // bytes of the line read so far, "\n" included
	for {
		chunk, err := r.br.ReadSlice('\n')
		n += len(chunk)
		if room := keep - len(r.buf); room > 0 {
			r.buf = append(r.buf, chunk[:min(room, len(chunk))]...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && n == 0 {
			return nil, false, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, false, err
		}
		break
	}
	line = r.buf
	if len(line) == n { // the whole line is kept
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
	} else {
		long = true
	}
	if len(line) > r.max {
		line, long = line[:r.max+1], true
	}
	return line, long, nil
}

// readFieldLines returns the field lines of a command: the VALUE arguments
// if there are any (each one field line, used as is), otherwise the lines
// of stdin (one field line per line; the "\n" and a "\r" before it are not
// part of the line). An empty stdin gives no lines.
//
// Reading stdin stops after a line longer than the parser's limit, which
// is kept cut just past the limit: the parser reports the same error for
// it as for the whole line, and never reads past it. More than
// maxFieldBytes of lines in all is an error.
func readFieldLines(args []string, stdin io.Reader) ([]string, error) {
	if len(args) > 0 {
		return args, nil
	}
	r := newLineReader(stdin, maxLineBytes)
	var (
		lines []string
		total int
	)
	for {
		line, long, err := r.next()
		if err == io.EOF {
			return lines, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading standard input: %w", err)
		}
		if total += len(line) + 1; total > maxFieldBytes {
			return nil, errLongInput
		}
		lines = append(lines, string(line))
		if long {
			return lines, nil
		}
	}
}

// errNoPassword and errLongPassword are the reasons respond refuses the
// password read from standard input.
var (
	errNoPassword   = errors.New("standard input holds no password (its first line is empty)")
	errLongPassword = fmt.Errorf("the password on standard input is longer than %d bytes", maxLineBytes)
)

// readPassword returns the first line of stdin, without its "\n" and a
// "\r" before it. An empty line, an empty stdin and a line of more than
// maxLineBytes are errors.
func readPassword(stdin io.Reader) (string, error) {
	line, long, err := newLineReader(stdin, maxLineBytes).next()
	switch {
	case err == io.EOF:
		return "", errNoPassword
	case err != nil:
		return "", fmt.Errorf("reading the password: %w", err)
	case long:
		return "", errLongPassword
	case len(line) == 0:
		return "", errNoPassword
	}
	return string(line), nil
}

// errTerminal is the reason a command that reads field lines does not
// wait for them on a terminal.
var errTerminal = errors.New("no VALUE argument, and standard input is a terminal: give the field as arguments or pipe it in")

// isTerminal reports whether r is a terminal: a file that is a character
// device other than the null device (a command run with </dev/null reads
// an empty input, it does not wait for a person to type).
func isTerminal(r io.Reader) bool {
	f, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return false
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(fi, null)
}
