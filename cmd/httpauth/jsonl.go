package main

// The -jsonl batch protocol: one request per line of standard input, one
// answer per request on standard output.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
)

// jsonRequest is one line of -jsonl input:
// {"field":"authorization","lines":["..."],"lenient":false}. A missing or
// null "field" or "lenient" takes the value of the command's flag; a
// missing or null "lines" is no line. Member names are exact, each at most
// once; any other member is an error, and so is a null field line.
type jsonRequest struct {
	Field   *string  `json:"field"`
	Lines   []string `json:"lines"`
	Lenient *bool    `json:"lenient"`
}

// requestMembers are the member names of a request.
var requestMembers = [...]string{"field", "lines", "lenient"}

// errLongRequest is the reason for a -jsonl line longer than the bound.
var errLongRequest = fmt.Errorf("request longer than %d bytes (limit)", maxFieldBytes)

// decode reads req from line, which must hold exactly one request object
// and nothing else but whitespace. It reuses the storage of req.Lines.
// encoding/json's decoding into a struct would take null for an object
// or a string, and member names in any case, silently: decode reads the
// tokens and refuses them.
func (req *jsonRequest) decode(line []byte) error {
	*req = jsonRequest{Lines: req.Lines[:0]}
	dec := json.NewDecoder(bytes.NewReader(line))
	tok, err := token(dec)
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		return fmt.Errorf("the request is %s, want a JSON object", kindOf(tok))
	}
	var seen [len(requestMembers)]bool
	for dec.More() {
		tok, err := token(dec)
		if err != nil {
			return err
		}
		name, _ := tok.(string) // object keys are strings
		m := slices.Index(requestMembers[:], name)
		if m < 0 {
			return fmt.Errorf("unknown member %s (want field, lines or lenient)", quoteShort(name))
		}
		if seen[m] {
			return fmt.Errorf("member %q given twice", name)
		}
		seen[m] = true
		if tok, err = token(dec); err != nil {
			return err
		}
		switch name {
		case "field":
			switch v := tok.(type) {
			case string:
				req.Field = &v
			case nil:
			default:
				return fmt.Errorf(`"field" is %s, want a string or null`, kindOf(tok))
			}
		case "lenient":
			switch v := tok.(type) {
			case bool:
				req.Lenient = &v
			case nil:
			default:
				return fmt.Errorf(`"lenient" is %s, want true, false or null`, kindOf(tok))
			}
		case "lines":
			if err := req.decodeLines(dec, tok); err != nil {
				return err
			}
		}
	}
	if _, err := token(dec); err != nil { // the closing brace
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("text after the request object")
	}
	return nil
}

// decodeLines reads the value of "lines", whose first token is tok: null,
// or an array of strings.
func (req *jsonRequest) decodeLines(dec *json.Decoder, tok json.Token) error {
	if tok == nil {
		return nil
	}
	if tok != json.Delim('[') {
		return fmt.Errorf(`"lines" is %s, want an array of strings`, kindOf(tok))
	}
	for i := 0; dec.More(); i++ {
		tok, err := token(dec)
		if err != nil {
			return err
		}
		s, ok := tok.(string)
		if !ok {
			return fmt.Errorf(`"lines"[%d] is %s, want a string`, i, kindOf(tok))
		}
		req.Lines = append(req.Lines, s)
	}
	_, err := token(dec) // the closing bracket
	return err
}

// token returns the next token of dec, with an error that says where the
// request stops being JSON.
func token(dec *json.Decoder) (json.Token, error) {
	tok, err := dec.Token()
	var se *json.SyntaxError
	switch {
	case err == nil:
		return tok, nil
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return nil, errors.New("not JSON: the request ends inside its object")
	case errors.As(err, &se):
		return nil, fmt.Errorf("not JSON at byte %d: %v", se.Offset, err)
	}
	return nil, fmt.Errorf("not JSON: %v", err)
}

// kindOf names the JSON kind of a token for a message.
func kindOf(tok json.Token) string {
	switch tok.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case float64, json.Number:
		return "a number"
	case string:
		return "a string"
	}
	if tok == json.Delim('[') {
		return "an array"
	}
	return "an object"
}

// quoteShort quotes s for a message, cut after 40 bytes.
func quoteShort(s string) string {
	if len(s) > 40 {
		return fmt.Sprintf("%q...", s[:40])
	}
	return fmt.Sprintf("%q", s)
}

// serveJSONL runs the -jsonl batch loop of command name: it reads one
// request per line of stdin and calls answer with it, in order; answer
// writes exactly one line with w. Blank lines are skipped. A line that is
// not a valid request (not one JSON object of the request's members, an
// unknown field name, longer than the bound) is answered too, with
// {"error":{"message":"bad request: ..."}}: an error without a line and an
// offset, which are those of a field. Its problem also goes to stderr, and
// the loop goes on, so that every later request gets its answer.
//
// Output is buffered and flushed whenever no more input is buffered, so
// that a harness that waits for each answer before sending the next
// request is served at once.
//
// It returns 0 at the end of the input when every line was a request, 2
// when one was not, and 1 when reading or writing fails. An answer that
// is an error (a syntax error in the field) is not an exit status.
func serveJSONL(name string, opts *options, stdin io.Reader, stdout, stderr io.Writer, answer func(in *fieldInput, w *jsonWriter) error) int {
	lr := newLineReader(stdin, maxFieldBytes)
	w := newJSONWriter(stdout)
	var (
		req jsonRequest
		in  fieldInput
		bad bool
	)
	fail := func(err error) int {
		w.flush()
		fmt.Fprintf(stderr, "httpauth %s: %v\n", name, err)
		return 1
	}
	for n := 1; ; n++ {
		line, long, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(fmt.Errorf("reading standard input: %w", err))
		}
		if !long && len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var problem error
		if long {
			problem = errLongRequest
		} else {
			problem = req.input(line, opts, &in)
		}
		if problem != nil {
			bad = true
			fmt.Fprintf(stderr, "httpauth %s: standard input line %d: bad request: %v\n", name, n, problem)
			err = w.writeRequestError("bad request: " + problem.Error())
		} else {
			err = answer(&in, w)
		}
		if err == nil && lr.br.Buffered() == 0 {
			err = w.flush()
		}
		if err != nil {
			return fail(fmt.Errorf("writing the answer: %w", err))
		}
	}
	if err := w.flush(); err != nil {
		return fail(fmt.Errorf("writing the answer: %w", err))
	}
	if bad {
		return 2
	}
	return 0
}

// input decodes the request in line into in, with the command's flags as
// the defaults.
func (req *jsonRequest) input(line []byte, opts *options, in *fieldInput) error {
	if err := req.decode(line); err != nil {
		return err
	}
	*in = fieldInput{kind: opts.field.kind, lines: req.Lines, lenient: opts.lenient}
	if req.Field != nil {
		_, kind, ok := lookupField(*req.Field)
		if !ok {
			return fmt.Errorf("unknown field %s (want one of %s)", quoteShort(*req.Field), fieldNames)
		}
		in.kind = kind
	}
	if req.Lenient != nil {
		in.lenient = *req.Lenient
	}
	return nil
}
