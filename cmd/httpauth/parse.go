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
"--" is a VALUE, also one that starts with "-". Standard input is read in
bounded memory: a line longer than the parser's limit (16 KiB) is the
parser's error and nothing after it is read, and more than 1 MiB of lines
in all is an error.

A field line given with its field name ("WWW-Authenticate: Basic realm=x"),
or the head of a response as "curl -i" prints it (status line, header
lines, a line that starts with a space continuing the one before as an
obs-fold, the body after an empty line), is recognised: the lines of the authentication field are
parsed without their name, that name chooses the field unless -field does,
and a note on standard error says so. Lines and offsets then count in the
values. -jsonl requests are read as they are.

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
above; an error in a field is an answer, not an exit status. "field" and
"lenient" default to the -field and -lenient flags, also when null; a
missing or null "lines" is no line. Blank lines are skipped. A line that is
not such a request (not JSON, null, a member unknown, of the wrong type or
given twice, a null field line, more than 1 MiB) is answered with
  {"error":{"message":"bad request: ..."}}
an error without line and offset; the problem is also reported on standard
error, and the batch goes on. The exit status is 2 if a line was not a
request, 0 otherwise. Strings of a request are JSON strings: send bytes
%x80-FF as the UTF-8 of a character; invalid UTF-8 becomes U+FFFD.`

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
