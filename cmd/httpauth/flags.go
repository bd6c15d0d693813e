package main

// The flags the field-reading subcommands share.

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

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
