package main

// Flags: the flag set every subcommand parses its arguments with, and the
// -field, -lenient and -jsonl flags of the commands that read one field.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// flagSet is the flag set of one subcommand together with its help text
// and where problems go.
type flagSet struct {
	*flag.FlagSet
	usage  string    // the command's help text; its first line is the synopsis
	stderr io.Writer // errors, and the help that -h asks for
}

// newCommandFlags returns an empty flag set for subcommand name, whose help
// text is usage. The flag package itself prints nothing: parseFlags reports
// a bad flag in one line followed by the synopsis, and -h prints the help
// text and the flags.
func newCommandFlags(name, usage string, stderr io.Writer) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs, usage: usage, stderr: stderr}
}

// newFlagSet returns the flag set of a subcommand that reads one field,
// with its -field, -lenient and -jsonl flags bound to the options. A
// subcommand that takes other flags adds them before calling parseFlags.
func newFlagSet(name, usage string, stderr io.Writer) (*flagSet, *options) {
	fs := newCommandFlags(name, usage, stderr)
	o := new(options)
	fs.fieldVar(&o.field)
	fs.BoolVar(&o.lenient, "lenient", false, "lenient mode: accept common deviations and report them as warnings")
	fs.BoolVar(&o.jsonl, "jsonl", false, "batch mode: read one JSON request per line of standard input, answer one JSON object per line")
	return fs, o
}

// fieldVar defines the -field flag of fs, bound to f, with the default
// field www-authenticate.
func (fs *flagSet) fieldVar(f *fieldFlag) {
	*f = fieldFlag{name: defaultField, kind: kindChallenges}
	fs.Var(f, "field", "header `NAME`: "+fieldNames)
}

// options holds the flags every field-reading subcommand takes.
type options struct {
	field   fieldFlag // -field NAME
	lenient bool      // -lenient
	jsonl   bool      // -jsonl
}

// fieldFlag is the value of the -field flag: a field name and its grammar.
// Its zero value is unset; fieldVar sets it to defaultField.
type fieldFlag struct {
	name string
	kind fieldKind
	set  bool // given on the command line
}

func (f *fieldFlag) String() string { return f.name }

// Set implements flag.Value: it accepts one of the six field names.
func (f *fieldFlag) Set(s string) error {
	name, kind, ok := lookupField(s)
	if !ok {
		return fmt.Errorf("unknown field %q (want one of %s)", s, fieldNames)
	}
	f.name, f.kind, f.set = name, kind, true
	return nil
}

// parseFlags parses args with fs and returns the VALUE arguments in order.
// Flags may come before, between or after the values, so that
// `parse 'Basic realm=x' -lenient` is lenient rather than a second field
// line; "--" ends the flags, and every argument after it is a value (a
// value that starts with "-" goes there). When the command must stop, exit
// is its status: 0 after -h (the help is written), 2 after a bad flag (one
// line says what is wrong, the next is the synopsis); otherwise exit is -1.
func parseFlags(fs *flagSet, args []string) (values []string, exit int) {
	var flags []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			values = append(values, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			values = append(values, a)
			continue
		}
		flags = append(flags, a)
		if takesValue(fs.FlagSet, a) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.help()
			return nil, 0
		}
		return nil, fs.usageError("%v", err)
	}
	return values, -1
}

// takesValue reports whether the flag argument a ("-name" or "--name",
// without "=") names a flag of fs that takes its value from the next
// argument: a defined flag that is not boolean. The flag package reports
// unknown names itself.
func takesValue(fs *flag.FlagSet, a string) bool {
	name := strings.TrimPrefix(a[1:], "-")
	if strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// usageError reports a usage problem of the command in two lines, the
// problem and the synopsis, and returns the exit status 2.
func (fs *flagSet) usageError(format string, args ...any) int {
	fmt.Fprintf(fs.stderr, "httpauth %s: %s\n", fs.Name(), fmt.Sprintf(format, args...))
	fmt.Fprintf(fs.stderr, "usage: httpauth %s\n", synopsis(fs.usage))
	return 2
}

// help writes the whole help of the command: its help text, then its flags.
func (fs *flagSet) help() {
	fmt.Fprintf(fs.stderr, "usage: httpauth %s\n\nflags:\n", fs.usage)
	fs.SetOutput(fs.stderr)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// synopsis returns the first line of a command's help text.
func synopsis(usage string) string {
	s, _, _ := strings.Cut(usage, "\n")
	return s
}
