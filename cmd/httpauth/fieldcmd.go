package main

// The driver of the commands that parse one field: parse and canon.

import (
	"fmt"
	"io"

	"github.com/authwire/httpauth"
)

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
		if len(rest) > 0 {
			return fs.usageError("-jsonl reads its requests from standard input; no VALUE arguments allowed")
		}
		return serveJSONL(name, opts, stdin, stdout, stderr, func(in *fieldInput, w *jsonWriter) error {
			parseField(&p, in, &r)
			return answer(&r, w)
		})
	}
	if len(rest) == 0 && isTerminal(stdin) {
		return fs.usageError("%v", errTerminal)
	}
	lines, err := readFieldLines(rest, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "httpauth %s: %v\n", name, err)
		return 1
	}
	parseField(&p, &fieldInput{kind: opts.field.kind, lines: lines, lenient: opts.lenient}, &r)
	return single(&r)
}
