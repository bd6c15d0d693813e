package main

// Helpers shared by the subcommands: the field names and their grammars,
// the common flags, reading field lines, parsing a field into a result, the
// JSON output of DESIGN.md ("The command-line tool (contract)") and the
// -jsonl batch loop.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/authwire/httpauth"
)

// fieldKind is the grammar of a header field (RFC 9110 section 11.6-11.7).
type fieldKind uint8

const (
	kindChallenges  fieldKind = iota + 1 // #challenge: WWW-Authenticate, Proxy-Authenticate
	kindCredentials                      // credentials: Authorization, Proxy-Authorization
	kindParams                           // #auth-param: Authentication-Info, Proxy-Authentication-Info
)

// defaultField is the field parsed when -field is not given (and when a
// -jsonl request has no "field").
const defaultField = "www-authenticate"

// fields lists the field names the tool accepts, as the contract spells
// them, with their grammar.
var fields = []struct {
	name string
	kind fieldKind
}{
	{"www-authenticate", kindChallenges},
	{"proxy-authenticate", kindChallenges},
	{"authorization", kindCredentials},
	{"proxy-authorization", kindCredentials},
	{"authentication-info", kindParams},
	{"proxy-authentication-info", kindParams},
}

// fieldNames is the list of accepted field names for messages.
const fieldNames = "www-authenticate, proxy-authenticate, authorization, " +
	"proxy-authorization, authentication-info, proxy-authentication-info"

// lookupField returns the grammar of the named field and the name as the
// contract spells it. Field names compare ASCII case-insensitively, as in
// HTTP: "WWW-Authenticate" is www-authenticate.
func lookupField(name string) (canonical string, kind fieldKind, ok bool) {
	for _, f := range fields {
		if httpauth.EqualFold(f.name, name) {
			return f.name, f.kind, true
		}
	}
	return "", 0, false
}

// fieldFlag is the value of the -field flag: a field name and its grammar.
// Its zero value is unset; newOptions sets it to defaultField.
type fieldFlag struct {
	name string
	kind fieldKind
}

func (f *fieldFlag) String() string { return f.name }

// Set implements flag.Value: it accepts one of the six field names.
func (f *fieldFlag) Set(s string) error {
	name, kind, ok := lookupField(s)
	if !ok {
		return fmt.Errorf("unknown field %q (want one of %s)", s, fieldNames)
	}
	f.name, f.kind = name, kind
	return nil
}

// options holds the flags every field-reading subcommand takes.
type options struct {
	field   fieldFlag // -field NAME
	lenient bool      // -lenient
	jsonl   bool      // -jsonl
}

// newFlagSet returns the flag set of subcommand name, which prints errors
// and usage (the command's usage text, then the flags) on stderr, and the
// options bound to its -field, -lenient and -jsonl flags. A subcommand that
// takes other flags adds them to the set before calling parseFlags.
func newFlagSet(name, usage string, stderr io.Writer) (*flag.FlagSet, *options) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: httpauth %s\n\nflags:\n", usage)
		fs.PrintDefaults()
	}
	o := &options{field: fieldFlag{name: defaultField, kind: kindChallenges}}
	fs.Var(&o.field, "field", "header `NAME`: "+fieldNames)
	fs.BoolVar(&o.lenient, "lenient", false, "lenient mode: accept common deviations and report them as warnings")
	fs.BoolVar(&o.jsonl, "jsonl", false, "batch mode: read one JSON request per line of standard input, answer one JSON object per line")
	return fs, o
}

// parseFlags parses args with fs and returns the arguments after the flags.
// When the command must stop, exit is its status: 0 after -h, 2 after a bad
// flag (fs has printed the problem and the usage); otherwise exit is -1.
func parseFlags(fs *flag.FlagSet, args []string) (rest []string, exit int) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, 0
		}
		return nil, 2
	}
	return fs.Args(), -1
}

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

// fieldInput is one field to parse: its grammar, its field lines and the
// mode.
type fieldInput struct {
	kind    fieldKind
	lines   []string
	lenient bool
}

// result is what parsing one field gave. Only the member for the field's
// kind is set. Its slices are reused by the next parseField into it.
type result struct {
	kind        fieldKind
	challenges  []httpauth.Challenge // on error, the challenges before it (DESIGN decision 12)
	credentials httpauth.Credentials // zero on error
	params      httpauth.Params      // nil on error
	warnings    []httpauth.Warning   // lenient mode; a copy, valid after the next parse
	err         error                // nil, or a *httpauth.SyntaxError
}

// errSecondCredentials is the reason for an Authorization field of more
// than one line (DESIGN decision 10); it reads as the parser's own.
var errSecondCredentials = errors.New("more than one credentials value")

// parseField parses in with p into r, reusing r's storage. It sets
// p.Lenient from in. Several lines of a credentials field are an error at
// line 1, offset 0 (decision 10), unless line 0 has an error of its own;
// no line at all is the empty value.
func parseField(p *httpauth.Parser, in *fieldInput, r *result) {
	p.Lenient = in.lenient
	r.kind = in.kind
	r.err = nil
	r.warnings = r.warnings[:0]
	switch in.kind {
	case kindChallenges:
		r.challenges, r.err = p.ParseChallenges(r.challenges[:0], in.lines...)
	case kindCredentials:
		value := ""
		if len(in.lines) > 0 {
			value = in.lines[0]
		}
		r.credentials, r.err = p.ParseCredentials(r.credentials.Params[:0], value)
		if r.err == nil && len(in.lines) > 1 {
			r.credentials = httpauth.Credentials{}
			r.err = &httpauth.SyntaxError{Line: 1, Offset: 0, Err: errSecondCredentials}
		}
	case kindParams:
		r.params, r.err = p.ParseParams(r.params[:0], in.lines...)
		if r.err != nil {
			r.params = nil
		}
	default:
		panic("httpauth: parseField: unknown field kind")
	}
	r.warnings = append(r.warnings, p.Warnings()...)
}

// describe formats err for a person: "line L, offset O: reason" for a
// syntax error, its message otherwise.
func describe(err error) string {
	var se *httpauth.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("line %d, offset %d: %s", se.Line, se.Offset, reasonOf(se))
	}
	return err.Error()
}

// reasonOf returns the reason of a syntax error, without the position that
// SyntaxError.Error adds.
func reasonOf(se *httpauth.SyntaxError) string {
	if se.Err == nil {
		return "syntax error"
	}
	return se.Err.Error()
}

// JSON output (the contract of DESIGN.md). encoding/json writes strings as
// UTF-8: a byte that is not part of valid UTF-8 (obs-text in a
// quoted-string value) comes out as U+FFFD. HTML escaping is off, so that
// "<", ">" and "&" are written as themselves.

// jsonAnswer is one answer: one JSON object on one line. Exactly one of
// Challenges, Credentials, Params and Canonical is set on success; on error,
// Error is set, with Challenges too when challenges were complete before the
// error (decision 12).
type jsonAnswer struct {
	Challenges  *[]jsonAuth  `json:"challenges,omitempty"`
	Credentials *jsonAuth    `json:"credentials,omitempty"`
	Params      *[]jsonParam `json:"params,omitempty"`
	Canonical   *[]string    `json:"canonical,omitempty"` // canon -jsonl: the encoded lines
	Warnings    []jsonPos    `json:"warnings,omitempty"`
	Error       *jsonPos     `json:"error,omitempty"`
}

// jsonAuth is a challenge or credentials: {"scheme":"Basic","params":[...]}
// or {"scheme":"Negotiate","token68":"YII="}.
type jsonAuth struct {
	Scheme  string      `json:"scheme"`
	Token68 string      `json:"token68,omitempty"`
	Params  []jsonParam `json:"params,omitempty"`
}

// jsonParam is a parameter as a two-element array: ["realm","foo"], the
// name as written and the value unescaped.
type jsonParam [2]string

// jsonPos is an error or a warning: {"line":0,"offset":12,"message":"..."}.
type jsonPos struct {
	Line    int    `json:"line"`
	Offset  int    `json:"offset"`
	Message string `json:"message"`
}

// errorJSON returns err as a jsonPos: the line, offset and reason of a
// syntax error, or line 0, offset 0 and the message of any other error.
func errorJSON(err error) *jsonPos {
	var se *httpauth.SyntaxError
	if errors.As(err, &se) {
		return &jsonPos{Line: se.Line, Offset: se.Offset, Message: reasonOf(se)}
	}
	return &jsonPos{Message: err.Error()}
}

// jsonWriter writes answers, one JSON object per line, to a buffered
// writer, reusing its storage from one answer to the next. Call flush when
// done (and before waiting for more input).
type jsonWriter struct {
	bw     *bufio.Writer
	enc    *json.Encoder
	a      jsonAnswer
	auths  []jsonAuth
	params []jsonParam
	warns  []jsonPos
	canon  []string
}

func newJSONWriter(w io.Writer) *jsonWriter {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonWriter{bw: bw, enc: enc}
}

func (w *jsonWriter) flush() error { return w.bw.Flush() }

// writeAnswer writes a as one line.
func (w *jsonWriter) writeAnswer(a *jsonAnswer) error { return w.enc.Encode(a) }

// writeResult writes r in the format of parse: {"challenges":[...]},
// {"credentials":{...}} or {"params":[...]}, with "warnings" when there are
// any and "error" on error.
func (w *jsonWriter) writeResult(r *result) error {
	a := &w.a
	*a = jsonAnswer{}
	switch r.kind {
	case kindChallenges:
		if r.err == nil || len(r.challenges) > 0 {
			n := 0
			for i := range r.challenges {
				n += len(r.challenges[i].Params)
			}
			w.params = grow(w.params[:0], n)
			w.auths = w.auths[:0]
			if w.auths == nil {
				w.auths = []jsonAuth{} // "challenges":[] for none, never null
			}
			for _, c := range r.challenges {
				w.auths = append(w.auths, w.auth(c.Scheme, c.Token68, c.Params))
			}
			a.Challenges = &w.auths
		}
	case kindCredentials:
		if r.err == nil {
			w.params = grow(w.params[:0], len(r.credentials.Params))
			c := w.auth(r.credentials.Scheme, r.credentials.Token68, r.credentials.Params)
			a.Credentials = &c
		}
	case kindParams:
		if r.err == nil {
			w.params = w.appendParams(w.params[:0], r.params)
			a.Params = &w.params
		}
	}
	a.Warnings = w.warnings(r.warnings)
	if r.err != nil {
		a.Error = errorJSON(r.err)
	}
	return w.writeAnswer(a)
}

// writeCanonical writes the answer of canon -jsonl:
// {"canonical":["line",...]}, with "warnings" when there are any, or
// {"error":{...}}.
func (w *jsonWriter) writeCanonical(lines []string, warnings []httpauth.Warning, err error) error {
	a := &w.a
	*a = jsonAnswer{}
	if err == nil {
		w.canon = append(w.canon[:0], lines...)
		if w.canon == nil {
			w.canon = []string{} // "canonical":[] for no challenge, never null
		}
		a.Canonical = &w.canon
	} else {
		a.Error = errorJSON(err)
	}
	a.Warnings = w.warnings(warnings)
	return w.writeAnswer(a)
}

// auth converts a challenge or credentials, taking its params from the
// spare capacity of w.params, which the caller has grown to fit them all.
func (w *jsonWriter) auth(scheme, token68 string, ps httpauth.Params) jsonAuth {
	j := jsonAuth{Scheme: scheme, Token68: token68}
	if len(ps) > 0 {
		start := len(w.params)
		w.params = w.appendParams(w.params, ps)
		j.Params = w.params[start:len(w.params):len(w.params)]
	}
	return j
}

func (w *jsonWriter) appendParams(dst []jsonParam, ps httpauth.Params) []jsonParam {
	if dst == nil {
		dst = []jsonParam{} // "params":[] for an empty list, never null
	}
	for _, p := range ps {
		dst = append(dst, jsonParam{p.Name, p.Value})
	}
	return dst
}

// warnings converts ws, or returns nil (omitted) when there are none.
func (w *jsonWriter) warnings(ws []httpauth.Warning) []jsonPos {
	if len(ws) == 0 {
		return nil
	}
	w.warns = w.warns[:0]
	for _, x := range ws {
		w.warns = append(w.warns, jsonPos{Line: x.Line, Offset: x.Offset, Message: warnText(x)})
	}
	return w.warns
}

// grow returns s (of length 0) with room for n elements, never nil.
func grow(s []jsonParam, n int) []jsonParam {
	if cap(s) < n || s == nil {
		return make([]jsonParam, 0, max(n, 8))
	}
	return s
}

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
	br := bufio.NewReaderSize(stdin, 64<<10)
	lr := lineReader{br: br}
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
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(n, "%v", err)
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
		if br.Buffered() == 0 {
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

// runFieldCommand runs a command that parses one field and answers it,
// parse and canon: it parses the command's flags, then with -jsonl serves
// the batch loop, parsing each request into one result and calling answer
// to write it; otherwise it parses the field of the VALUE arguments (or of
// standard input) and returns what single makes of the result.
func runFieldCommand(name, usage string, args []string, stdin io.Reader, stdout, stderr io.Writer,
	answer func(r *result, w *jsonWriter) error, single func(r *result) int) int {
	fs, opts := newFlagSet(name, usage, stderr)
	rest, exit := parseFlags(fs, args)
	if exit >= 0 {
		return exit
	}
	var (
		p httpauth.Parser
		r result
	)
	if opts.jsonl {
		if !checkNoValues(fs, rest) {
			return 2
		}
		return serveJSONL(name, opts, stdin, stdout, stderr, func(in *fieldInput, w *jsonWriter) error {
			parseField(&p, in, &r)
			return answer(&r, w)
		})
	}
	lines, err := readFieldLines(rest, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "httpauth %s: %v\n", name, err)
		return 1
	}
	parseField(&p, &fieldInput{kind: opts.field.kind, lines: lines, lenient: opts.lenient}, &r)
	return single(&r)
}

// checkNoValues reports a usage error, on fs's output, for VALUE arguments
// given with -jsonl, which reads its requests from standard input.
func checkNoValues(fs *flag.FlagSet, rest []string) bool {
	if len(rest) == 0 {
		return true
	}
	fmt.Fprintf(fs.Output(), "httpauth %s: -jsonl reads requests from standard input; no VALUE arguments allowed\n", fs.Name())
	fs.Usage()
	return false
}

// warnText is a warning's message, followed by the syntax error that strict
// mode reports there when the warning carries one.
func warnText(w httpauth.Warning) string {
	if w.Err != nil {
		return w.Message + ": " + w.Err.Error()
	}
	return w.Message
}
