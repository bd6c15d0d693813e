package main

// Reading field lines from standard input.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// lineReader reads lines of any length from a bufio.Reader.
type lineReader struct {
	br  *bufio.Reader
	buf []byte
}

// next returns the next line without its "\n" and without one "\r" before
// it, or io.EOF after the last line. A last line without "\n" is a line; an
// input ending in "\n" has no empty line after it. The slice is valid until
// the next call.
func (r *lineReader) next() ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.buf = append(r.buf[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = r.br.ReadSlice('\n')
			r.buf = append(r.buf, line...)
		}
		line = r.buf
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	if err == io.EOF && len(line) == 0 {
		return nil, io.EOF
	}
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	return line, nil
}

// readFieldLines returns the field lines of a command: the VALUE arguments
// if there are any (each one field line, used as is), otherwise the lines
// of stdin (one field line per line; the "\n" and a "\r" before it are not
// part of the line). An empty stdin gives no lines.
func readFieldLines(args []string, stdin io.Reader) ([]string, error) {
	if len(args) > 0 {
		return args, nil
	}
	r := lineReader{br: bufio.NewReader(stdin)}
	var lines []string
	for {
		line, err := r.next()
		if err == io.EOF {
			return lines, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading standard input: %w", err)
		}
		lines = append(lines, string(line))
	}
}
