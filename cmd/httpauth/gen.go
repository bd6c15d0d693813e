package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/fuzzgen"
)

const genUsage = `gen [-n N] [-seed S] [-mode MODES] [-field FIELDS] [-golden] [-jsonl | -o DIR | -dict]

Write generated values of the authentication fields (package fuzzgen), for
fuzzing other software. The same seed writes the same values.

  -mode      valid, near-valid, hostile, or a comma-separated list (default all)
  -field     www-authenticate, authorization, authentication-info (or their
             proxy- names), or a comma-separated list (default all)
  -golden    the project's hand-written cases instead of generated ones
             (a seed corpus; -n and -seed do not apply)

Output (standard output unless -o):

  default    the field lines of each value, each followed by LF; a value of
             several lines is several lines. Hostile values hold CR, LF and
             other control bytes as they are: use -jsonl or -o when they must
             stay apart.
  -jsonl     one JSON object per value, with what a strict parser must return:
             {"request":{"field":"www-authenticate","lines":["..."],"lenient":false},
              "mode":"hostile","categories":["control-characters"],
              "want":{"error":{"line":0,"offset":12,"message":"syntax"}}}
             "request" is a request of "httpauth parse -jsonl" and "want" its
             answer (values, or the error's line and offset and its class as
             message: syntax, limit, duplicate or empty); a near-valid value adds
             "deviations", the recoveries a lenient parser makes, and a golden
             case its "name". "httpauth conform -cases FILE" reads this format.
  -o DIR     one file per value in DIR (created if needed), its lines joined by
             LF: a seed corpus for libFuzzer or AFL (raw bytes, not the format
             of go test's testdata/fuzz).
  -dict      an AFL/libFuzzer dictionary of the grammar's tokens.`

// caseFlags are the flags that choose cases, shared by gen and conform.
type caseFlags struct {
	schemes []string // the schemes generated values use; nil: any
	n       int
	seed    uint64
	modes   string
	fields  string
	golden  bool
}

func (cf *caseFlags) register(fs *flagSet, n int, golden bool) {
	fs.IntVar(&cf.n, "n", n, "number of generated values")
	fs.Uint64Var(&cf.seed, "seed", 1, "seed of the generator")
	fs.StringVar(&cf.modes, "mode", "valid,near-valid,hostile", "`MODES`: valid, near-valid, hostile")
	fs.StringVar(&cf.fields, "field", "www-authenticate,authorization,authentication-info", "`FIELDS` to generate values of")
	fs.BoolVar(&cf.golden, "golden", golden, "the project's hand-written cases")
}

// selection returns the fields and modes the flags name.
func (cf *caseFlags) selection() ([]fuzzgen.Field, []fuzzgen.Mode, error) {
	var fs []fuzzgen.Field
	for _, name := range strings.Split(cf.fields, ",") {
		_, kind, ok := lookupField(strings.TrimSpace(name))
		if !ok {
			return nil, nil, fmt.Errorf("unknown field %q (want one of %s)", name, fieldNames)
		}
		fs = append(fs, fuzzgenField(kind))
	}
	var ms []fuzzgen.Mode
	for _, name := range strings.Split(cf.modes, ",") {
		m, ok := parseMode(strings.TrimSpace(name))
		if !ok {
			return nil, nil, fmt.Errorf("unknown mode %q (want valid, near-valid or hostile)", name)
		}
		ms = append(ms, m)
	}
	return fs, ms, nil
}

func parseMode(s string) (fuzzgen.Mode, bool) {
	for _, m := range []fuzzgen.Mode{fuzzgen.Valid, fuzzgen.NearValid, fuzzgen.Hostile} {
		if s == m.String() {
			return m, true
		}
	}
	return 0, false
}

// cases returns the golden cases of the selected fields and modes, or n
// generated ones, fields and modes taken in turn.
func (cf *caseFlags) cases(golden bool) ([]fuzzgen.Case, error) {
	fs, ms, err := cf.selection()
	if err != nil {
		return nil, err
	}
	if golden {
		var out []fuzzgen.Case
		for _, c := range fuzzgen.Golden() {
			if slices.Contains(fs, c.Field) && slices.Contains(ms, c.Mode) {
				out = append(out, c)
			}
		}
		return out, nil
	}
	g := fuzzgen.New(cf.seed)
	g.UseSchemes(cf.schemes...)
	out := make([]fuzzgen.Case, 0, cf.n)
	for i := range cf.n {
		out = append(out, g.Case(fs[i%len(fs)], ms[i/len(fs)%len(ms)]))
	}
	return out, nil
}

func fuzzgenField(k fieldKind) fuzzgen.Field {
	switch k {
	case kindCredentials:
		return fuzzgen.Credentials
	case kindParams:
		return fuzzgen.Params
	}
	return fuzzgen.Challenges
}

func kindOfField(f fuzzgen.Field) fieldKind {
	switch f {
	case fuzzgen.Credentials:
		return kindCredentials
	case fuzzgen.Params:
		return kindParams
	}
	return kindChallenges
}

// genRequest is a request of parse -jsonl, always with all its members.
type genRequest struct {
	Field   string   `json:"field"`
	Lines   []string `json:"lines"`
	Lenient bool     `json:"lenient"`
}

// genCase is one line of gen -jsonl (and of conform -cases).
type genCase struct {
	Name       string          `json:"name,omitempty"`
	Request    genRequest      `json:"request"`
	Mode       string          `json:"mode"`
	Categories []string        `json:"categories"`
	Want       json.RawMessage `json:"want"`
	Deviations []string        `json:"deviations,omitempty"`
}

// toGenCase returns c in the format of gen -jsonl: the want member is the
// answer parse -jsonl writes for a parser that returns c's values or
// fails at c.Err, written by the same code.
func toGenCase(c *fuzzgen.Case) (genCase, error) {
	gc := genCase{
		Name:    c.Name,
		Request: genRequest{Field: c.Field.String(), Lines: c.Lines},
		Mode:    c.Mode.String(),
	}
	if gc.Request.Lines == nil {
		gc.Request.Lines = []string{}
	}
	for _, x := range c.Categories {
		gc.Categories = append(gc.Categories, x.String())
	}
	for _, k := range c.Warnings {
		gc.Deviations = append(gc.Deviations, fuzzgen.DeviationName(k))
	}
	r := result{kind: kindOfField(c.Field)}
	if c.Err != nil {
		r.err = &httpauth.SyntaxError{Line: c.Err.Line, Offset: c.Err.Offset, Err: errors.New(c.Err.Class.String())}
	} else {
		r.challenges, r.credentials, r.params = c.Challenges, c.Credentials, c.Params
	}
	var b bytes.Buffer
	w := newJSONWriter(&b)
	if err := w.writeResult(&r); err != nil {
		return gc, err
	}
	if err := w.flush(); err != nil {
		return gc, err
	}
	gc.Want = bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	return gc, nil
}

func runGen(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newCommandFlags("gen", genUsage, stderr)
	var cf caseFlags
	cf.register(fs, 100, false)
	jsonl := fs.Bool("jsonl", false, "one JSON object per value, with the expected result")
	dir := fs.String("o", "", "write one file per value into `DIR`")
	dict := fs.Bool("dict", false, "write an AFL/libFuzzer dictionary")
	rest, exit := parseFlags(fs, args)
	if exit >= 0 {
		return exit
	}
	if len(rest) > 0 {
		return fs.usageError("unexpected arguments %q", rest)
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "httpauth gen: %v\n", err)
		return 1
	}
	bw := bufio.NewWriter(stdout)
	if *dict {
		if err := fuzzgen.WriteDictionary(bw); err != nil {
			return fail(err)
		}
		if err := bw.Flush(); err != nil {
			return fail(err)
		}
		return 0
	}
	cases, err := cf.cases(cf.golden)
	if err != nil {
		return fs.usageError("%v", err)
	}
	if *dir != "" {
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			return fail(err)
		}
		for i := range cases {
			name := fmt.Sprintf("%s-%06d", cases[i].Mode, i)
			if cases[i].Name != "" {
				name = strings.ReplaceAll(cases[i].Name, "/", "-")
			}
			data := strings.Join(cases[i].Lines, "\n")
			if err := os.WriteFile(filepath.Join(*dir, name), []byte(data), 0o644); err != nil {
				return fail(err)
			}
		}
		fmt.Fprintf(stderr, "httpauth gen: wrote %s files into %s\n", strconv.Itoa(len(cases)), *dir)
		return 0
	}
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range cases {
		if !*jsonl {
			for _, l := range cases[i].Lines {
				bw.WriteString(l)
				bw.WriteByte('\n')
			}
			continue
		}
		gc, err := toGenCase(&cases[i])
		if err != nil {
			return fail(err)
		}
		if err := enc.Encode(gc); err != nil {
			return fail(err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	return 0
}
