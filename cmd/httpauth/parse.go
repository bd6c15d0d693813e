package main

import (
	"fmt"
	"io"
)

const parseUsage = `parse [-field NAME] [-lenient] [-jsonl] [VALUE ...]

Parse one header field and print it as one JSON object on standard output.
Each VALUE argument is one field line; with none, the field lines are read
from standard input, one per line (a CR before the LF is dropped). Several
lines are one field, as if joined by ", "; an Authorization or
Proxy-Authorization field of more than one line is an error. Flags may
come before, between or after the VALUE arguments; every argument after
"--" is a VALUE, also one that starts with "-".

Output, a format that scripts and test harnesses can rely on:

  www-authenticate, proxy-authenticate:
    {"challenges":[{"scheme":"Basic","params":[["realm","foo"]]},{"scheme":"Negotiate","token68":"YII="}]}
  authorization, proxy-authorization:
    {"credentials":{"scheme":"Digest","params":[["username","Mufasa"]]}}
  authentication-info, proxy-authentication-info:
    {"params":[["nextnonce","abc"]]}
  error (exit status 1):
    {"error":{"line":0,"offset":12,"message":"..."}}
    for challenges, with the challenges complete before the error:
    {"challenges":[...],"error":{...}}
  lenient mode adds "warnings":[{"line":0,"offset":5,"message":"..."}]

"token68" and "params" are omitted when empty; params keep their order;
names and schemes are as written; values are unescaped. Line is the 0-based
field line, offset the 0-based byte offset in it. JSON strings are UTF-8: a
byte of a value that is not valid UTF-8 (obs-text) is written as U+FFFD.

With -jsonl, each line of standard input is a request
  {"field":"authorization","lines":["..."],"lenient":false}
and each answer is one line of standard output, in order, in the format
above; an error is an answer, not an exit status. "field" and "lenient"
default to the -field and -lenient flags. The exit status is 0 unless a line
is not such a request (then 2). Strings of a request are JSON strings: send
bytes %x80-FF as the UTF-8 of a character; invalid UTF-8 becomes U+FFFD.`

func runParse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runFieldCommand("parse", parseUsage, args, stdin, stdout, stderr,
		func(r *result, w *jsonWriter) error { return w.writeResult(r) },
		func(r *result) int {
			w := newJSONWriter(stdout)
			err := w.writeResult(r)
			if err == nil {
				err = w.flush()
			}
			if err != nil {
				fmt.Fprintf(stderr, "httpauth parse: %v\n", err)
				return 1
			}
			if r.err != nil {
				return 1
			}
			return 0
		})
}
