package main

// The driver of the commands that parse one field (parse and canon), and
// reading the field of a command from its VALUE arguments or standard input.

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
	f, exit := readField(fs, opts.field, rest, stdin, 1)
	if exit >= 0 {
		return exit
	}
	parseField(&p, &fieldInput{kind: f.field.kind, lines: f.lines, lenient: opts.lenient}, &r)
	return single(&r)
}

// readField reads the field of a command that takes VALUE arguments: the
// values, or else the lines of standard input, which it does not wait for
// on a terminal. Field names pasted with the lines are taken out of them
// (unpaste), and the tool says so on stderr. When the command must stop,
// exit is its status: 2 for a usage problem, readFail when standard input
// cannot be read; otherwise exit is -1.
func readField(fs *flagSet, field fieldFlag, values []string, stdin io.Reader, readFail int) (f pasted, exit int) {
	if len(values) == 0 && isTerminal(stdin) {
		return f, fs.usageError("%v", errTerminal)
	}
	lines, err := readFieldLines(values, stdin)
	if err != nil {
		fmt.Fprintf(fs.stderr, "httpauth %s: %v\n", fs.Name(), err)
		return f, readFail
	}
	if f, err = unpaste(lines, field, 0); err != nil {
		return f, fs.usageError("%v", err)
	}
	if f.note != "" {
		fmt.Fprintf(fs.stderr, "httpauth %s: %s\n", fs.Name(), f.note)
	}
	return f, -1
}
