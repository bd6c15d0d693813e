package main

// The -jsonl batch protocol.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// jsonRequest is one line of -jsonl input:
// {"field":"authorization","lines":["..."],"lenient":false}. A missing or
// null "field" or "lenient" takes the value of the command's flag; missing
// "lines" is no line. Unknown members are an error.
type jsonRequest struct {
	Field   *string  `json:"field"`
	Lines   []string `json:"lines"`
	Lenient *bool    `json:"lenient"`
}

// serveJSONL runs the -jsonl batch loop of command name: it reads one
// request per line of stdin and calls answer with it, in order; answer
// writes exactly one line with w. Blank lines are skipped. Output is
// buffered and flushed whenever no more input is buffered, so that a
// harness that waits for each answer before sending the next request is
// served at once.
//
// It returns 0 at the end of the input, and 2 when a line is not a valid
// request (not one JSON object, an unknown member or field name): the
// answers before it are written, and the problem goes to stderr. An answer
// that is an error (a syntax error in the field) is not an exit status.
func serveJSONL(name string, opts *options, stdin io.Reader, stdout, stderr io.Writer, answer func(in *fieldInput, w *jsonWriter) error) int {
	lr := newLineReader(stdin, maxFieldBytes)
	w := newJSONWriter(stdout)
	var (
		req jsonRequest
		in  fieldInput
		rd  bytes.Reader
	)
	fail := func(n int, format string, args ...any) int {
		w.flush()
		fmt.Fprintf(stderr, "httpauth %s: standard input line %d: %s\n", name, n, fmt.Sprintf(format, args...))
		return 2
	}
	for n := 1; ; n++ {
		line, long, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(n, "%v", err)
		}
		if long {
			return fail(n, "request longer than %d bytes (limit)", maxFieldBytes)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		req = jsonRequest{Lines: req.Lines[:0]}
		rd.Reset(line)
		dec := json.NewDecoder(&rd)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return fail(n, "not a JSON request: %v", err)
		}
		if _, err := dec.Token(); err != io.EOF {
			return fail(n, "not a JSON request: text after the object")
		}
		in = fieldInput{kind: opts.field.kind, lines: req.Lines, lenient: opts.lenient}
		if req.Field != nil {
			_, kind, ok := lookupField(*req.Field)
			if !ok {
				return fail(n, "unknown field %q (want one of %s)", *req.Field, fieldNames)
			}
			in.kind = kind
		}
		if req.Lenient != nil {
			in.lenient = *req.Lenient
		}
		if err := answer(&in, w); err != nil {
			return fail(n, "writing the answer: %v", err)
		}
		if lr.br.Buffered() == 0 {
			if err := w.flush(); err != nil {
				fmt.Fprintf(stderr, "httpauth %s: %v\n", name, err)
				return 1
			}
		}
	}
	if err := w.flush(); err != nil {
		fmt.Fprintf(stderr, "httpauth %s: %v\n", name, err)
		return 1
	}
	return 0
}
