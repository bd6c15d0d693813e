package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/fuzzgen"
)

const conformUsage = `conform [-n N] [-seed S] [-mode MODES] [-field FIELDS] [-golden] [-cases FILE] [-schemes LIST] [-first] [-params LIST] [-no-params LIST] [-compare MODE] [-no-errors] [-offsets] [-lenient] [-minimize] [-timeout D] [-v] [-examples N] [-json] -- CMD [ARG ...]

Run the parser behind CMD over the project's golden cases and N generated
ones (package fuzzgen) and report where it departs from RFC 9110, grouped
by category, with a score.

CMD speaks the protocol of "httpauth parse -jsonl": it reads one request per
line of standard input,
  {"field":"www-authenticate","lines":["Basic realm=\"x\""],"lenient":false}
("field" is www-authenticate, authorization or authentication-info) and
writes one answer per line on standard output, in order, flushed before it
reads the next request:
  {"challenges":[{"scheme":"Basic","params":[["realm","x"]]}]}
  {"credentials":{"scheme":"Basic","token68":"QWxh"}}
  {"params":[["nextnonce","abc"]]}
  {"error":{"line":0,"offset":12,"message":"..."}}
or {"unsupported":"why"} for a request its parser does not handle (the case
is left out of the score). Params are [name, value] pairs, values without
quotes and quoted-pairs. Line and offset may be 0 when the parser does not
know them (see -offsets). Bytes %x80-FF reach CMD as U+FFFD, as in JSON.
The httpauth command is such a CMD: httpauth conform -- httpauth parse -jsonl.

A valid case passes when the answer has exactly the expected values; an
invalid one (hostile or near-valid) when the answer is an error. CMD that
stops or does not answer within -timeout fails the case and is restarted.

Scope of the parser (what it is judged on):
  -schemes LIST  it handles only these schemes: generated values use them,
                 other cases without one are left out, and only their
                 challenges are expected
  -first         it returns only the first challenge (after -schemes)
  -params LIST   it returns only these parameters, and cannot tell an empty
                 value from an absent one
  -no-params LIST  it returns the challenges of these schemes without their
                 parameters (it reads only which scheme is offered)
  -compare MODE  exact (default): schemes and names as written, in order;
                 fold: schemes and names ASCII case-insensitively;
                 set: fold, and parameters and challenges in any order
  -no-errors     it cannot report an error: an answer with no value counts
                 as a rejection

Checks beyond the values:
  -offsets       an error must be at the expected line and offset
  -lenient       near-valid cases are sent again with "lenient":true and must
                 be accepted with warnings of the expected kinds (messages as
                 httpauth's)

Exit status: 0 when every case passes, 1 when some do not, 2 on a usage
error or when CMD cannot be started.`

// maxJSONLine bounds a line of a cases file or of an adapter's answer: a
// hostile value passes the 16 KiB line limit, and JSON escapes can make
// it several times longer.
const maxJSONLine = 16 << 20

// conformCase is one case of a run: the request and the expected answer.
type conformCase struct {
	name       string
	req        genRequest
	mode       string
	categories []string
	want       jsonAnswer
	deviations []string
}

// conformOptions is the scope and the checks of a run.
type conformOptions struct {
	schemes  []string
	first    bool
	params   []string
	noParams []string // schemes returned without their params
	compare  string
	noErrors bool
	offsets  bool
	lenient  bool
	timeout  time.Duration
	verbose  bool
	examples int
	minimize bool
}

func runConform(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newCommandFlags("conform", conformUsage, stderr)
	var cf caseFlags
	cf.register(fs, 3000, true)
	var (
		o                    conformOptions
		schemes, params, cfn string
		noParams             string
		jsonOut              bool
	)
	fs.StringVar(&cfn, "cases", "", "also run the cases of `FILE` (the format of gen -jsonl)")
	fs.StringVar(&schemes, "schemes", "", "the parser handles only these `SCHEMES` (comma-separated)")
	fs.BoolVar(&o.first, "first", false, "the parser returns only the first challenge")
	fs.StringVar(&params, "params", "", "the parser returns only these `PARAMS` (comma-separated)")
	fs.StringVar(&noParams, "no-params", "", "the parser returns challenges of these `SCHEMES` without params (comma-separated)")
	fs.StringVar(&o.compare, "compare", "exact", "how values compare: exact, fold or set")
	fs.BoolVar(&o.noErrors, "no-errors", false, "the parser cannot report an error")
	fs.BoolVar(&o.offsets, "offsets", false, "errors must be at the expected line and offset")
	fs.BoolVar(&o.lenient, "lenient", false, "also check near-valid cases in lenient mode")
	fs.DurationVar(&o.timeout, "timeout", 10*time.Second, "time allowed for one answer")
	fs.BoolVar(&o.verbose, "v", false, "list every failing case")
	fs.IntVar(&o.examples, "examples", 3, "failing cases listed per category")
	fs.BoolVar(&jsonOut, "json", false, "write the report as one JSON object")
	fs.BoolVar(&o.minimize, "minimize", false, "shrink each listed failing case (judged against httpauth's strict parser)")
	rest, exit := parseFlags(fs, args)
	if exit >= 0 {
		return exit
	}
	if len(rest) == 0 {
		return fs.usageError("no command to run")
	}
	switch o.compare {
	case "exact", "fold", "set":
	default:
		return fs.usageError("unknown -compare %q (want exact, fold or set)", o.compare)
	}
	o.schemes, o.params, o.noParams = splitList(schemes), splitList(params), splitList(noParams)
	cf.schemes = o.schemes // generate values of the schemes the parser reads
	cases, err := conformCases(&cf, cfn)
	if err != nil {
		fmt.Fprintf(stderr, "httpauth conform: %v\n", err)
		return 2
	}
	a := &adapter{argv: rest, timeout: o.timeout, stderr: stderr}
	if err := a.start(); err != nil {
		fmt.Fprintf(stderr, "httpauth conform: %v\n", err)
		return 2
	}
	defer a.stop()
	rep := newConformReport(&o)
	for i := range cases {
		rep.add(judge(a, &cases[i], &o))
	}
	if o.minimize {
		for i := range rep.fails {
			rep.fails[i].min = minimize(a, &rep.fails[i], &o)
		}
	}
	if jsonOut {
		err = rep.writeJSON(stdout)
	} else {
		err = rep.writeText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "httpauth conform: %v\n", err)
		return 2
	}
	if rep.passed != rep.run {
		return 1
	}
	return 0
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// conformCases returns the cases the flags choose (golden and generated)
// and those of the file, in that order.
func conformCases(cf *caseFlags, file string) ([]conformCase, error) {
	var fcs []fuzzgen.Case
	if cf.golden {
		gs, err := cf.cases(true)
		if err != nil {
			return nil, err
		}
		fcs = gs
	}
	if cf.n > 0 {
		gs, err := cf.cases(false)
		if err != nil {
			return nil, err
		}
		fcs = append(fcs, gs...)
	}
	var out []conformCase
	for i := range fcs {
		gc, err := toGenCase(&fcs[i])
		if err != nil {
			return nil, err
		}
		c, err := fromGenCase(&gc)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if file == "" {
		return out, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := newLineReader(f, maxJSONLine)
	for n := 1; ; n++ {
		line, long, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if long {
			return nil, fmt.Errorf("%s:%d: line longer than %d bytes", file, n, maxJSONLine)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var gc genCase
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&gc); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, n, err)
		}
		c, err := fromGenCase(&gc)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, n, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// fromGenCase reads a case of gen -jsonl.
func fromGenCase(gc *genCase) (conformCase, error) {
	c := conformCase{name: gc.Name, req: gc.Request, mode: gc.Mode, categories: gc.Categories, deviations: gc.Deviations}
	if _, _, ok := lookupField(c.req.Field); !ok {
		return c, fmt.Errorf("unknown field %q", c.req.Field)
	}
	if _, ok := parseMode(c.mode); !ok {
		return c, fmt.Errorf("unknown mode %q", c.mode)
	}
	if err := json.Unmarshal(gc.Want, &c.want); err != nil {
		return c, fmt.Errorf("want: %v", err)
	}
	if c.mode == "valid" && c.want.Error != nil || c.mode != "valid" && c.want.Error == nil {
		return c, fmt.Errorf("a %s case must have an error answer exactly when it is not valid", c.mode)
	}
	if c.req.Lines == nil {
		c.req.Lines = []string{}
	}
	return c, nil
}

// adapter runs CMD and exchanges requests and answers with it.
type adapter struct {
	argv    []string
	timeout time.Duration
	stderr  io.Writer

	cmd      *exec.Cmd
	in       io.WriteCloser
	answers  chan []byte
	restarts int
}

func (a *adapter) start() error {
	cmd := exec.Command(a.argv[0], a.argv[1:]...)
	cmd.Stderr = a.stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting %q: %v", a.argv, err)
	}
	answers := make(chan []byte, 1)
	go func() {
		r := newLineReader(out, maxJSONLine)
		for {
			line, long, err := r.next()
			if err != nil || long {
				close(answers)
				return
			}
			answers <- append([]byte(nil), line...)
		}
	}()
	a.cmd, a.in, a.answers = cmd, in, answers
	return nil
}

func (a *adapter) stop() {
	if a.cmd == nil {
		return
	}
	a.in.Close()
	done := make(chan struct{})
	go func() {
		a.cmd.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		a.cmd.Process.Kill()
		<-done
	}
	a.cmd = nil
}

// errAdapter is the failure of the adapter process itself.
var errAdapter = errors.New("adapter failed")

// ask sends one request and returns the answer line. On a failure of the
// process (it stopped, or did not answer in time) it restarts it and
// returns an error wrapping errAdapter.
func (a *adapter) ask(req *genRequest) ([]byte, error) {
	b, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	b = append(b, '\n')
	if a.cmd == nil {
		// A restart failed: try once more for this case.
		if err := a.start(); err != nil {
			return nil, fmt.Errorf("%w: restarting: %v", errAdapter, err)
		}
	}
	fail := func(why string) ([]byte, error) {
		a.cmd.Process.Kill()
		a.stop()
		a.restarts++
		if err := a.start(); err != nil {
			return nil, fmt.Errorf("%w: %s; restarting: %v", errAdapter, why, err)
		}
		return nil, fmt.Errorf("%w: %s", errAdapter, why)
	}
	if _, err := a.in.Write(b); err != nil {
		return fail("writing the request: " + err.Error())
	}
	select {
	case line, ok := <-a.answers:
		if !ok {
			return fail("it stopped")
		}
		return line, nil
	case <-time.After(a.timeout):
		return fail("no answer within " + a.timeout.String())
	}
}

// conformAnswer is an answer of the protocol: parse -jsonl's, or
// "unsupported".
type conformAnswer struct {
	jsonAnswer
	Unsupported *string `json:"unsupported,omitempty"`
}

// Verdicts.
const (
	vPass         = "pass"
	vNA           = "not applicable"
	vWrong        = "wrong value"
	vRejected     = "valid value rejected"
	vAccepted     = "invalid value accepted"
	vOffset       = "error at another offset"
	vLenient      = "lenient mode departs"
	vAdapter      = "adapter failed"
	vBadAnswer    = "answer not understood"
	vLenientError = "lenient mode rejects"
)

// verdict is the judgment of one case.
type verdict struct {
	c      *conformCase
	v      string
	detail string
	got    string
	min    *verdict // the case shrunk, with the same verdict
}

// judge runs c through the adapter and judges the answer.
func judge(a *adapter, c *conformCase, o *conformOptions) verdict {
	want, applicable := scopeWant(c, o)
	if !applicable {
		return verdict{c: c, v: vNA}
	}
	line, err := a.ask(&c.req)
	if err != nil {
		return verdict{c: c, v: vAdapter, detail: err.Error()}
	}
	var got conformAnswer
	if err := json.Unmarshal(line, &got); err != nil {
		return verdict{c: c, v: vBadAnswer, detail: err.Error(), got: string(line)}
	}
	if got.Unsupported != nil {
		return verdict{c: c, v: vNA, detail: *got.Unsupported}
	}
	vd := verdict{c: c, v: vPass, got: string(line)}
	if c.want.Error == nil {
		switch {
		case got.Error != nil:
			vd.v = vRejected
		case !sameAnswer(scopeGot(&got.jsonAnswer, o), want, o):
			vd.v = vWrong
			if o.noErrors && answerEmpty(&got.jsonAnswer) && !answerEmpty(want) {
				vd.v = vRejected
			}
		}
		return vd
	}
	switch {
	case got.Error == nil && !(o.noErrors && answerEmpty(&got.jsonAnswer)):
		vd.v = vAccepted
		return vd
	case got.Error != nil && o.offsets:
		line, off := c.want.Error.Line, jsonOffset(c.req.Lines, c.want.Error.Line, c.want.Error.Offset)
		if got.Error.Line != line || got.Error.Offset != off {
			vd.v = vOffset
			vd.detail = fmt.Sprintf("want line %d, offset %d", line, off)
			return vd
		}
	}
	if o.lenient && c.mode == "near-valid" {
		return judgeLenient(a, c, vd)
	}
	return vd
}

// judgeLenient sends a near-valid case in lenient mode: it must be
// accepted with warnings of exactly the expected kinds.
func judgeLenient(a *adapter, c *conformCase, vd verdict) verdict {
	req := c.req
	req.Lenient = true
	line, err := a.ask(&req)
	if err != nil {
		return verdict{c: c, v: vAdapter, detail: err.Error()}
	}
	vd.got = string(line)
	var got conformAnswer
	if err := json.Unmarshal(line, &got); err != nil {
		return verdict{c: c, v: vBadAnswer, detail: err.Error(), got: string(line)}
	}
	if got.Error != nil {
		vd.v = vLenientError
		return vd
	}
	var names []string
	for _, w := range got.Warnings {
		names = append(names, deviationOf(w.Message))
	}
	if !slices.Equal(names, c.deviations) {
		vd.v = vLenient
		vd.detail = fmt.Sprintf("warnings %q, want %q", names, c.deviations)
	}
	return vd
}

// deviationOf returns fuzzgen's name of the deviation a warning message of
// httpauth reports, or the message.
func deviationOf(msg string) string {
	for k := httpauth.WarningKind(1); k.String() != "unknown warning"; k++ {
		if msg == k.String() || strings.HasPrefix(msg, k.String()+": ") {
			if n := fuzzgen.DeviationName(k); n != "" {
				return n
			}
		}
	}
	return msg
}

// jsonOffset returns where offset off of line ln is once the line has gone
// through JSON: each byte that is not part of valid UTF-8 before it has
// become U+FFFD, three bytes.
func jsonOffset(lines []string, ln, off int) int {
	if ln >= len(lines) {
		return off
	}
	s := lines[ln]
	out := off
	for i := 0; i < len(s) && i < off; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			out += 2
		}
		i += size
	}
	return out
}

func answerEmpty(a *jsonAnswer) bool {
	return (a.Challenges == nil || len(*a.Challenges) == 0) && a.Credentials == nil && (a.Params == nil || len(*a.Params) == 0)
}

// scopeWant returns the expected answer of c restricted to the parser's
// scope, and whether c is in its scope at all.
func scopeWant(c *conformCase, o *conformOptions) (*jsonAnswer, bool) {
	if len(o.schemes) > 0 && !mentionsScheme(c.req.Lines, o.schemes) {
		return nil, false
	}
	w := c.want
	if w.Error != nil {
		return &w, true
	}
	if w.Challenges != nil {
		cs := scopeAuths(*w.Challenges, o)
		w.Challenges = &cs
	}
	if w.Credentials != nil {
		cs := scopeAuths([]jsonAuth{*w.Credentials}, o)
		if len(cs) == 0 {
			return nil, false
		}
		w.Credentials = &cs[0]
	}
	if w.Params != nil {
		ps := scopeParams(*w.Params, o)
		w.Params = &ps
	}
	return &w, true
}

// scopeGot restricts an answer as scopeWant restricts the expected one.
func scopeGot(a *jsonAnswer, o *conformOptions) *jsonAnswer {
	g := *a
	if g.Challenges != nil {
		cs := scopeAuths(*g.Challenges, o)
		g.Challenges = &cs
	}
	if g.Credentials != nil {
		c := *g.Credentials
		c.Params = scopeParams(c.Params, o)
		if foldIn(c.Scheme, o.noParams) {
			c.Params = nil
		}
		g.Credentials = &c
	}
	if g.Params != nil {
		ps := scopeParams(*g.Params, o)
		g.Params = &ps
	}
	return &g
}

func scopeAuths(as []jsonAuth, o *conformOptions) []jsonAuth {
	out := []jsonAuth{}
	for _, a := range as {
		if len(o.schemes) > 0 && !foldIn(a.Scheme, o.schemes) {
			continue
		}
		a.Params = scopeParams(a.Params, o)
		if foldIn(a.Scheme, o.noParams) {
			a.Params = nil
		}
		out = append(out, a)
		if o.first {
			break
		}
	}
	return out
}

func scopeParams(ps []jsonParam, o *conformOptions) []jsonParam {
	if len(o.params) == 0 {
		return ps
	}
	var out []jsonParam
	for _, p := range ps {
		if foldIn(p[0], o.params) && p[1] != "" {
			out = append(out, p)
		}
	}
	return out
}

func foldIn(s string, list []string) bool {
	for _, x := range list {
		if httpauth.EqualFold(s, x) {
			return true
		}
	}
	return false
}

// mentionsScheme reports whether a token of the lines is one of schemes.
func mentionsScheme(lines []string, schemes []string) bool {
	for _, l := range lines {
		for _, tok := range strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' || r == ';' }) {
			if foldIn(tok, schemes) {
				return true
			}
		}
	}
	return false
}

// sameAnswer compares the values of two answers as o.compare says.
func sameAnswer(got, want *jsonAnswer, o *conformOptions) bool {
	norm := func(a *jsonAnswer) []jsonAuth {
		var as []jsonAuth
		switch {
		case a.Challenges != nil:
			as = *a.Challenges
		case a.Credentials != nil:
			as = []jsonAuth{*a.Credentials}
		case a.Params != nil:
			as = []jsonAuth{{Params: *a.Params}}
		}
		out := make([]jsonAuth, 0, len(as))
		for _, x := range as {
			y := jsonAuth{Scheme: x.Scheme, Token68: x.Token68, Params: append([]jsonParam(nil), x.Params...)}
			if o.compare != "exact" {
				y.Scheme = strings.ToLower(y.Scheme)
				for i := range y.Params {
					y.Params[i][0] = strings.ToLower(y.Params[i][0])
				}
			}
			if o.compare == "set" {
				sort.Slice(y.Params, func(i, j int) bool {
					return y.Params[i][0] < y.Params[j][0] || y.Params[i][0] == y.Params[j][0] && y.Params[i][1] < y.Params[j][1]
				})
			}
			out = append(out, y)
		}
		if o.compare == "set" {
			sort.SliceStable(out, func(i, j int) bool { return authKey(out[i]) < authKey(out[j]) })
		}
		return out
	}
	g, w := norm(got), norm(want)
	return slices.EqualFunc(g, w, func(a, b jsonAuth) bool {
		return a.Scheme == b.Scheme && a.Token68 == b.Token68 && slices.Equal(a.Params, b.Params)
	})
}

func authKey(a jsonAuth) string {
	b, _ := json.Marshal(a)
	return string(b)
}

// conformReport counts verdicts, overall and per category.
type conformReport struct {
	o        *conformOptions
	run      int
	passed   int
	na       int
	verdicts map[string]int
	cats     map[string]*catCount
	fails    []verdict
}

type catCount struct {
	Run      int `json:"run"`
	Passed   int `json:"passed"`
	examples int
}

func newConformReport(o *conformOptions) *conformReport {
	return &conformReport{o: o, verdicts: map[string]int{}, cats: map[string]*catCount{}}
}

func (r *conformReport) add(v verdict) {
	if v.v == vNA {
		r.na++
		return
	}
	r.run++
	r.verdicts[v.v]++
	if v.v == vPass {
		r.passed++
	}
	cats := append([]string{"mode:" + v.c.mode}, v.c.categories...)
	for _, d := range v.c.deviations {
		// A case counts once in each category, also when it holds the
		// same deviation many times.
		if d := "deviation:" + d; !slices.Contains(cats, d) {
			cats = append(cats, d)
		}
	}
	keep := false
	for _, name := range cats {
		cc := r.cats[name]
		if cc == nil {
			cc = &catCount{}
			r.cats[name] = cc
		}
		cc.Run++
		if v.v == vPass {
			cc.Passed++
		} else if cc.examples < r.o.examples || r.o.verbose {
			cc.examples++
			keep = true
		}
	}
	if keep {
		r.fails = append(r.fails, v)
	}
}

func (r *conformReport) score() float64 {
	if r.run == 0 {
		return 0
	}
	// Rounded down, so that a run with a failure never shows 100%.
	return math.Floor(10000*float64(r.passed)/float64(r.run)) / 100
}

func (r *conformReport) catNames() []string {
	names := make([]string, 0, len(r.cats))
	for n := range r.cats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (r *conformReport) writeText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "score: %.2f%% (%d of %d cases pass; %d not applicable)\n", r.score(), r.passed, r.run, r.na)
	verdicts := make([]string, 0, len(r.verdicts))
	for v := range r.verdicts {
		verdicts = append(verdicts, v)
	}
	sort.Strings(verdicts)
	for _, v := range verdicts {
		fmt.Fprintf(bw, "  %-24s %d\n", v, r.verdicts[v])
	}
	fmt.Fprintf(bw, "\n%-34s %8s %8s\n", "category", "passed", "run")
	for _, n := range r.catNames() {
		cc := r.cats[n]
		fmt.Fprintf(bw, "%-34s %8d %8d\n", n, cc.Passed, cc.Run)
	}
	if len(r.fails) > 0 {
		fmt.Fprintf(bw, "\nfailing cases (%d per category; -v for all):\n", r.o.examples)
	}
	for _, v := range r.fails {
		name := v.c.name
		if name == "" {
			name = "generated"
		}
		fmt.Fprintf(bw, "\n%s [%s] %s %s %q\n", v.v, strings.Join(v.c.categories, " "), name, v.c.req.Field, v.c.req.Lines)
		want, _ := json.Marshal(v.c.want)
		fmt.Fprintf(bw, "  want %s\n", want)
		if v.got != "" {
			fmt.Fprintf(bw, "  got  %s\n", v.got)
		}
		if v.detail != "" {
			fmt.Fprintf(bw, "  %s\n", v.detail)
		}
		if m := v.min; m != nil {
			want, _ := json.Marshal(m.c.want)
			fmt.Fprintf(bw, "  minimized: %q\n    want %s\n    got  %s\n", m.c.req.Lines, want, m.got)
		}
	}
	return bw.Flush()
}

// writeJSON writes the report as one object:
// {"score":..,"run":..,"passed":..,"not_applicable":..,"verdicts":{..},"categories":{"token68":{"run":..,"passed":..}}}.
func (r *conformReport) writeJSON(w io.Writer) error {
	type failure struct {
		Verdict    string          `json:"verdict"`
		Name       string          `json:"name,omitempty"`
		Request    genRequest      `json:"request"`
		Categories []string        `json:"categories"`
		Want       jsonAnswer      `json:"want"`
		Got        json.RawMessage `json:"got,omitempty"`
		Detail     string          `json:"detail,omitempty"`
		Minimized  *failure        `json:"minimized,omitempty"`
	}
	out := struct {
		Score      float64              `json:"score"`
		Run        int                  `json:"run"`
		Passed     int                  `json:"passed"`
		NA         int                  `json:"not_applicable"`
		Verdicts   map[string]int       `json:"verdicts"`
		Categories map[string]*catCount `json:"categories"`
		Failures   []failure            `json:"failures"`
	}{r.score(), r.run, r.passed, r.na, r.verdicts, r.cats, []failure{}}
	conv := func(v *verdict) failure {
		f := failure{Verdict: v.v, Name: v.c.name, Request: v.c.req, Categories: v.c.categories, Want: v.c.want, Detail: v.detail}
		if json.Valid([]byte(v.got)) {
			f.Got = json.RawMessage(v.got)
		}
		return f
	}
	for i := range r.fails {
		f := conv(&r.fails[i])
		if m := r.fails[i].min; m != nil {
			mf := conv(m)
			f.Minimized = &mf
		}
		out.Failures = append(out.Failures, f)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// minimize shrinks the case of a failing verdict: it removes bytes and
// lines while the parser under test still fails the same way, judged
// against what httpauth's strict parser answers for the smaller input
// (the oracle is only known for what the generator built; httpauth's
// parser meets it, see conform's own test). It returns nil when nothing
// could be removed.
func minimize(a *adapter, v *verdict, o *conformOptions) *verdict {
	oo := *o
	oo.lenient, oo.offsets = false, o.offsets && v.v == vOffset
	var p httpauth.Parser
	var r result
	try := func(lines []string) (*verdict, bool) {
		c := refCase(&p, &r, v.c, lines)
		if c == nil {
			return nil, false
		}
		nv := judge(a, c, &oo)
		return &nv, nv.v == v.v
	}
	lines := slices.Clone(v.c.req.Lines)
	var best *verdict
	budget := 400
	for chunk := maxLen(lines); chunk >= 1 && budget > 0; chunk /= 2 {
		for changed := true; changed && budget > 0; {
			changed = false
			for ln := 0; ln < len(lines) && budget > 0; ln++ {
				if len(lines) > 1 {
					budget--
					cand := slices.Delete(slices.Clone(lines), ln, ln+1)
					if nv, ok := try(cand); ok {
						lines, best, changed = cand, nv, true
						ln--
						continue
					}
				}
				for i := 0; i+chunk <= len(lines[ln]) && budget > 0; {
					budget--
					cand := slices.Clone(lines)
					cand[ln] = lines[ln][:i] + lines[ln][i+chunk:]
					if nv, ok := try(cand); ok {
						lines, best, changed = cand, nv, true
						continue
					}
					i += chunk
				}
			}
		}
	}
	return best
}

func maxLen(lines []string) int {
	n := 0
	for _, l := range lines {
		n = max(n, len(l))
	}
	return n
}

// refCase returns a case of c's field and categories for lines, whose
// expected answer is httpauth's strict parser's (without the challenges
// it returns with an error), or nil when the answer cannot be written.
func refCase(p *httpauth.Parser, r *result, c *conformCase, lines []string) *conformCase {
	_, kind, _ := lookupField(c.req.Field)
	in := fieldInput{kind: kind, lines: lines}
	parseField(p, &in, r)
	if r.err != nil {
		r.challenges = r.challenges[:0]
	}
	var b bytes.Buffer
	w := newJSONWriter(&b)
	if w.writeResult(r) != nil || w.flush() != nil {
		return nil
	}
	nc := &conformCase{req: genRequest{Field: c.req.Field, Lines: lines}, categories: c.categories, mode: "valid"}
	if json.Unmarshal(b.Bytes(), &nc.want) != nil {
		return nil
	}
	if r.err != nil {
		nc.mode = "hostile"
	}
	return nc
}
