package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/authwire/httpauth"
)

const lintUsage = `lint [-field NAME] [-json] [VALUE ...]

Check one header field against the strict grammar of RFC 9110 section 11 and
explain every deviation. Each VALUE argument is one field line; with none,
the field lines are read from standard input, one per line, as for parse.
An empty standard input is an error, not a valid empty field.

A strictly valid field is reported as "valid", followed by its canonical
form when that differs from the input. For a field that only parses in
lenient mode, each deviation is printed as "line:offset: message", then
the field line with a caret under the offset, and at the end the
suggested fix: the canonical strict encoding, as canon prints it. For a
field that does not parse at all, the error is printed the same way.

Exit status: 0 when the field is strictly valid, 1 when it only parses in
lenient mode, 2 when it does not parse at all (and for usage errors).

With -json, one JSON object is printed instead:
  {"status":"strict"|"lenient"|"invalid",
   "warnings":[{"line":0,"offset":5,"message":"..."}],
   "strict_error":{"line":0,"offset":5,"message":"..."},
   "error":{...},
   "suggestion":["Basic realm=\"Secured area\""]}
"warnings" and "strict_error" are present for a lenient field, "error" for
an invalid one (the lenient parser's error), "suggestion" whenever a
canonical encoding exists.`

// lintReport is the -json output of lint.
type lintReport struct {
	Status      string    `json:"status"`
	Warnings    []jsonPos `json:"warnings,omitempty"`
	StrictError *jsonPos  `json:"strict_error,omitempty"`
	Error       *jsonPos  `json:"error,omitempty"`
	Suggestion  []string  `json:"suggestion,omitempty"`
}

func runLint(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newCommandFlags("lint", lintUsage, stderr)
	var field fieldFlag
	fs.fieldVar(&field)
	asJSON := fs.Bool("json", false, "print one JSON object instead of text")
	rest, exit := parseFlags(fs, args)
	if exit >= 0 {
		return exit
	}
	f, exit := readField(fs, field, rest, stdin, 2)
	if exit >= 0 {
		return exit
	}
	lines := f.lines
	if len(lines) == 0 {
		// An empty field is valid, but an empty input is no field at all:
		// "lint </dev/null" must not say "valid".
		return fs.usageError("no field to check: standard input is empty")
	}

	var (
		p              httpauth.Parser
		strict, loose  result
		report         lintReport
		enc            canonEncoder // the suggestion is what canon prints
		status, suggst = 0, []string(nil)
	)
	parseField(&p, &fieldInput{kind: f.field.kind, lines: lines}, &strict)
	switch {
	case strict.err == nil:
		report.Status = "strict"
		suggst, _ = enc.encode(&strict)
	default:
		parseField(&p, &fieldInput{kind: f.field.kind, lines: lines, lenient: true}, &loose)
		report.StrictError = errorJSON(strict.err)
		if loose.err == nil && recoveredNothing(&loose) {
			loose.err = errorFromWarning(loose.warnings)
		}
		if loose.err == nil {
			status = 1
			report.Status = "lenient"
			for _, w := range loose.warnings {
				report.Warnings = append(report.Warnings, jsonPos{Line: w.Line, Offset: w.Offset, Message: warnText(w)})
			}
			if len(report.Warnings) == 0 {
				// Every strict error has a lenient warning; keep the
				// explanation if that ever fails to hold.
				report.Warnings = append(report.Warnings, *report.StrictError)
			}
			var err error
			if suggst, err = enc.encode(&loose); err != nil {
				suggst = nil
				fmt.Fprintf(stderr, "httpauth lint: no suggestion: %s\n", describe(err))
			}
		} else {
			status = 2
			report.Status = "invalid"
			report.StrictError = nil
			report.Error = errorJSON(loose.err)
		}
	}
	report.Suggestion = append([]string(nil), suggst...)

	bw := bufio.NewWriter(stdout)
	defer bw.Flush()
	if *asJSON {
		e := json.NewEncoder(bw)
		e.SetEscapeHTML(false)
		if err := e.Encode(&report); err != nil {
			fmt.Fprintf(stderr, "httpauth lint: %v\n", err)
			return 2
		}
		return status
	}
	switch report.Status {
	case "strict":
		fmt.Fprintln(bw, "valid: the field matches the strict RFC 9110 grammar")
		if canon := strings.Join(report.Suggestion, "\n"); canon != strings.Join(lines, "\n") {
			fmt.Fprintln(bw, "canonical form:")
			for _, s := range report.Suggestion {
				fmt.Fprintf(bw, "\t%s\n", s)
			}
		}
	case "lenient":
		for _, w := range report.Warnings {
			writeCaret(bw, lines, w)
		}
		if len(report.Suggestion) > 0 {
			fmt.Fprintln(bw, "suggested fix (strict, canonical):")
			for _, s := range report.Suggestion {
				fmt.Fprintf(bw, "\t%s\n", s)
			}
		}
	case "invalid":
		writeCaret(bw, lines, *report.Error)
		fmt.Fprintln(bw, "the field does not parse, even in lenient mode")
	}
	return status
}

// recoveredNothing reports whether lenient parsing skipped everything of a
// field that is not empty: such a field does not parse at all.
func recoveredNothing(r *result) bool {
	switch r.kind {
	case kindChallenges:
		if len(r.challenges) > 0 {
			return false
		}
	case kindParams:
		if len(r.params) > 0 {
			return false
		}
	default:
		return false
	}
	return len(r.warnings) > 0
}

// errorFromWarning turns the first warning of a field that lenient parsing
// could not recover anything from into the error lint reports.
func errorFromWarning(ws []httpauth.Warning) error {
	w := ws[0]
	return &httpauth.SyntaxError{Line: w.Line, Offset: w.Offset, Err: lintReason(warnText(w))}
}

type lintReason string

func (r lintReason) Error() string { return string(r) }

// writeCaret prints "line:offset: message", then the field line and a caret
// under the offset. Control characters are shown as '.', HTAB as a space,
// so that the caret stays under its byte; a line that is not valid UTF-8 is
// shown byte by byte, with '.' for every byte outside printable ASCII.
func writeCaret(w io.Writer, lines []string, pos jsonPos) {
	fmt.Fprintf(w, "%d:%d: %s\n", pos.Line, pos.Offset, pos.Message)
	if pos.Line < 0 || pos.Line >= len(lines) {
		return
	}
	line := lines[pos.Line]
	off := min(max(pos.Offset, 0), len(line))
	shown, col := displayLine(line, off)
	fmt.Fprintf(w, "\t%s\n\t%s^\n", shown, strings.Repeat(" ", col))
}

// displayLine returns line made printable on one terminal line and the
// column of byte offset off in it.
func displayLine(line string, off int) (string, int) {
	var b strings.Builder
	col := 0
	if utf8.ValidString(line) {
		for i, r := range line {
			if i < off {
				col++
			}
			switch {
			case r == '\t':
				r = ' '
			case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
				r = '.'
			}
			b.WriteRune(r)
		}
		return b.String(), col
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\t':
			c = ' '
		case c < 0x20 || c >= 0x7f:
			c = '.'
		}
		b.WriteByte(c)
	}
	return b.String(), off
}
