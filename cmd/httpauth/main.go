// Command httpauth parses and writes the HTTP authentication fields of
// RFC 9110 section 11 from the command line, with the httpauth package.
//
// Usage:
//
//	httpauth parse [-field NAME] [-lenient] [-jsonl] [VALUE ...]
//	httpauth canon [-field NAME] [-lenient] [-jsonl] [VALUE ...]
//	httpauth lint [-field NAME] [-json] [VALUE ...]
//	httpauth respond -challenge VALUE [-challenge VALUE ...] -user USER (-password PASS | -password-stdin | -empty-password) [-method GET] [-uri URI] [-cnonce C] [-nc 00000001] [-qop QOP] [-body TEXT]
//	httpauth gen [-n N] [-seed S] [-mode MODES] [-field FIELDS] [-golden] [-jsonl | -o DIR | -dict]
//	httpauth conform [-n N] [-seed S] [-mode MODES] [-field FIELDS] [-golden] [-cases FILE] [-schemes LIST] [-first] [-params LIST] [-no-params LIST] [-compare MODE] [-no-errors] [-offsets] [-lenient] [-minimize] [-timeout D] [-v] [-examples N] [-json] -- CMD [ARG ...]
//	httpauth help [COMMAND]
//
// parse prints what it parsed as one JSON object; canon prints the canonical
// encoding of what it parsed; lint explains each deviation from the strict
// grammar with a caret under it and suggests the strict form (exit status
// 0 for a strictly valid field, 1 for one that only parses leniently, 2 for
// one that does not parse); respond prints the Authorization value that
// answers a Basic or Digest challenge, and refuses to run without a user
// and a password; gen writes generated values, with what a strict parser
// must return for them, for fuzzing other software; conform scores another
// parser, behind the -jsonl protocol, against those values. "httpauth help
// COMMAND" explains each one.
//
// Each VALUE argument is one field line; with none, field lines are read
// from standard input, one per line, in bounded memory, and never waited
// for on a terminal. A line pasted with its field name ("WWW-Authenticate:
// Basic realm=x"), or a response head as "curl -i" prints it, is read as
// that field, and a note on standard error says so. Flags may come before
// or after the VALUE arguments; every argument after "--" is a VALUE. A
// wrong flag is reported in one line, followed by the synopsis.
//
// The JSON output and the -jsonl batch protocol are stable formats for
// scripts and test harnesses: see "httpauth help parse". JSON strings are
// UTF-8: a byte of a value that is not part of valid UTF-8 (obs-text,
// %x80-FF, in a quoted-string) is written as U+FFFD, and so is such a byte
// in a -jsonl request. Offsets are byte offsets in the field line as the
// parser saw it.
package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
)

// command is one subcommand of the tool.
type command struct {
	// run runs the subcommand with its arguments (without the subcommand
	// name) and returns the exit status: 0 for success, 1 when the input
	// is invalid (a syntax error), 2 for a usage error.
	run func(args []string, stdin io.Reader, stdout, stderr io.Writer) int

	// usage is the help text of the subcommand. Its first line is the
	// synopsis, without the program name ("parse [-field NAME] ..."),
	// which the top-level usage lists; the rest explains it.
	usage string
}

// commands is the table of subcommands, by name. Each one lives in its own
// file (parse.go, canon.go, ...) behind one entry function and its usage
// text; "httpauth help" lists them in name order.
var commands = map[string]command{
	"parse":   {run: runParse, usage: parseUsage},
	"canon":   {run: runCanon, usage: canonUsage},
	"lint":    {run: runLint, usage: lintUsage},
	"respond": {run: runRespond, usage: respondUsage},
	"gen":     {run: runGen, usage: genUsage},
	"conform": {run: runConform, usage: conformUsage},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches args[0] to its subcommand and returns the exit status.
// "help COMMAND" (or "COMMAND -h") prints the command's whole help: its
// text and its flags; "help" alone lists the commands.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) == 1 {
			usage(stdout)
			return 0
		}
		c, ok := commands[args[1]]
		if !ok || len(args) > 2 {
			return unknownCommand(stderr, strings.Join(args[1:], " "))
		}
		return c.run([]string{"-h"}, stdin, stdout, stdout)
	}
	c, ok := commands[name]
	if !ok {
		return unknownCommand(stderr, name)
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

// unknownCommand reports a command name the tool does not have in two
// lines and returns the exit status 2.
func unknownCommand(stderr io.Writer, name string) int {
	fmt.Fprintf(stderr, "httpauth: unknown command %q\n", name)
	fmt.Fprintf(stderr, "usage: httpauth <command> [flags] [VALUE ...] with <command> one of %s, or help\n", strings.Join(commandNames(), ", "))
	return 2
}

// usage writes the top-level help: one synopsis line per subcommand.
func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: httpauth <command> [flags] [VALUE ...]")
	fmt.Fprintln(w, "\ncommands:")
	for _, name := range commandNames() {
		fmt.Fprintf(w, "  httpauth %s\n", synopsis(commands[name].usage))
	}
	fmt.Fprintln(w, "\nRun \"httpauth help <command>\" or \"httpauth <command> -h\" for details.")
}

// commandNames returns the names of the commands in order.
func commandNames() []string {
	return slices.Sorted(maps.Keys(commands))
}
