package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/authwire/httpauth"
)

const canonUsage = `canon [-field NAME] [-lenient] [-jsonl] [VALUE ...]

Parse one header field, as parse does, and print its canonical encoding on
standard output: one challenge per line for www-authenticate and
proxy-authenticate (httpauth.AppendChallenge), the credentials on one line
(httpauth.AppendCredentials), the parameter list on one line
(httpauth.AppendParams; nothing for an empty list). Nothing is printed for a
field without challenges.

Bytes %x80-FF (obs-text), which strict parsing accepts inside
quoted-strings, are written as they are. A syntax error goes to standard
error with exit status 1, and nothing is printed on standard output. In
lenient mode, warnings go to standard error.

With -jsonl, requests are read, and lines that are not requests answered,
as by "httpauth parse -jsonl"; each answer is one line
{"canonical":["line",...]} (with "warnings" when there are any) or
{"error":{"line":0,"offset":12,"message":"..."}}.`

func runCanon(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var enc canonEncoder
	return runFieldCommand("canon", canonUsage, args, stdin, stdout, stderr,
		func(r *result, w *jsonWriter) error {
			lines, err := enc.encode(r)
			return w.writeCanonical(lines, r.warnings, err)
		},
		func(r *result) int {
			for _, w := range r.warnings {
				fmt.Fprintf(stderr, "httpauth canon: warning: line %d, offset %d: %s\n", w.Line, w.Offset, warnText(w))
			}
			out, err := enc.encode(r)
			if err != nil {
				fmt.Fprintf(stderr, "httpauth canon: %s\n", describe(err))
				return 1
			}
			bw := bufio.NewWriter(stdout)
			for _, line := range out {
				bw.WriteString(line)
				bw.WriteByte('\n')
			}
			if err := bw.Flush(); err != nil {
				fmt.Fprintf(stderr, "httpauth canon: %v\n", err)
				return 1
			}
			return 0
		})
}

// canonEnc keeps obs-text (bytes %x80-FF) inside quoted-strings: strict
// parsing accepts it, so the canonical form of such a field has it too.
var canonEnc = httpauth.Encoder{AllowObsText: true}

// canonEncoder encodes results, reusing its buffers.
type canonEncoder struct {
	buf   []byte
	lines []string
}

// encode returns the canonical lines of r, or r's error, or the encoder's
// error (an *httpauth.EncodeError). The slice is valid until the next call.
func (e *canonEncoder) encode(r *result) ([]string, error) {
	if r.err != nil {
		return nil, r.err
	}
	e.lines = e.lines[:0]
	var err error
	switch r.kind {
	case kindChallenges:
		for _, c := range r.challenges {
			if e.buf, err = canonEnc.AppendChallenge(e.buf[:0], c); err != nil {
				return nil, err
			}
			e.lines = append(e.lines, string(e.buf))
		}
	case kindCredentials:
		if e.buf, err = canonEnc.AppendCredentials(e.buf[:0], r.credentials); err != nil {
			return nil, err
		}
		e.lines = append(e.lines, string(e.buf))
	case kindParams:
		if len(r.params) > 0 {
			if e.buf, err = canonEnc.AppendParams(e.buf[:0], r.params); err != nil {
				return nil, err
			}
			e.lines = append(e.lines, string(e.buf))
		}
	}
	return e.lines, nil
}
