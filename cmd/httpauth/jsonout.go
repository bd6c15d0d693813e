package main

// JSON output, as "httpauth help parse" documents it. encoding/json
// writes strings as UTF-8: a byte that is not part of valid UTF-8 (obs-text
// in a quoted-string value) comes out as U+FFFD. HTML escaping is off, so
// that "<", ">" and "&" are written as themselves.

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"

	"github.com/authwire/httpauth"
)

// jsonAnswer is one answer: one JSON object on one line. Exactly one of
// Challenges, Credentials, Params and Canonical is set on success; on error,
// Error is set, with Challenges too when challenges were complete before the
// error (a malformed challenge does not hide those before it).
type jsonAnswer struct {
	Challenges  *[]jsonAuth  `json:"challenges,omitempty"`
	Credentials *jsonAuth    `json:"credentials,omitempty"`
	Params      *[]jsonParam `json:"params,omitempty"`
	Canonical   *[]string    `json:"canonical,omitempty"` // canon -jsonl: the encoded lines
	Warnings    []jsonPos    `json:"warnings,omitempty"`
	Error       *jsonPos     `json:"error,omitempty"`
}

// jsonAuth is a challenge or credentials: {"scheme":"Basic","params":[...]}
// or {"scheme":"Negotiate","token68":"YII="}.
type jsonAuth struct {
	Scheme  string      `json:"scheme"`
	Token68 string      `json:"token68,omitempty"`
	Params  []jsonParam `json:"params,omitempty"`
}

// jsonParam is a parameter as a two-element array: ["realm","foo"], the
// name as written and the value unescaped.
type jsonParam [2]string

// jsonPos is an error or a warning: {"line":0,"offset":12,"message":"..."}.
type jsonPos struct {
	Line    int    `json:"line"`
	Offset  int    `json:"offset"`
	Message string `json:"message"`
}

// errorJSON returns err as a jsonPos: the line, offset and reason of a
// syntax error, or line 0, offset 0 and the message of any other error.
func errorJSON(err error) *jsonPos {
	var se *httpauth.SyntaxError
	if errors.As(err, &se) {
		return &jsonPos{Line: se.Line, Offset: se.Offset, Message: reasonOf(se)}
	}
	return &jsonPos{Message: err.Error()}
}

// jsonWriter writes answers, one JSON object per line, to a buffered
// writer, reusing its storage from one answer to the next. Call flush when
// done (and before waiting for more input).
type jsonWriter struct {
	bw     *bufio.Writer
	enc    *json.Encoder
	a      jsonAnswer
	auths  []jsonAuth
	params []jsonParam
	warns  []jsonPos
	canon  []string
}

func newJSONWriter(w io.Writer) *jsonWriter {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonWriter{bw: bw, enc: enc}
}

func (w *jsonWriter) flush() error { return w.bw.Flush() }

// writeAnswer writes a as one line.
func (w *jsonWriter) writeAnswer(a *jsonAnswer) error { return w.enc.Encode(a) }

// writeRequestError writes the answer to a line that is not a valid
// request: {"error":{"message":"..."}}, an error without the line and
// offset of a field's errors.
func (w *jsonWriter) writeRequestError(message string) error {
	var a struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	a.Error.Message = message
	return w.enc.Encode(&a)
}

// writeResult writes r in the format of parse: {"challenges":[...]},
// {"credentials":{...}} or {"params":[...]}, with "warnings" when there are
// any and "error" on error.
func (w *jsonWriter) writeResult(r *result) error {
	a := &w.a
	*a = jsonAnswer{}
	switch r.kind {
	case kindChallenges:
		if r.err == nil || len(r.challenges) > 0 {
			n := 0
			for i := range r.challenges {
				n += len(r.challenges[i].Params)
			}
			w.params = grow(w.params[:0], n)
			w.auths = w.auths[:0]
			if w.auths == nil {
				w.auths = []jsonAuth{} // "challenges":[] for none, never null
			}
			for _, c := range r.challenges {
				w.auths = append(w.auths, w.auth(c.Scheme, c.Token68, c.Params))
			}
			a.Challenges = &w.auths
		}
	case kindCredentials:
		if r.err == nil {
			w.params = grow(w.params[:0], len(r.credentials.Params))
			c := w.auth(r.credentials.Scheme, r.credentials.Token68, r.credentials.Params)
			a.Credentials = &c
		}
	case kindParams:
		if r.err == nil {
			w.params = w.appendParams(w.params[:0], r.params)
			a.Params = &w.params
		}
	}
	a.Warnings = w.warnings(r.warnings)
	if r.err != nil {
		a.Error = errorJSON(r.err)
	}
	return w.writeAnswer(a)
}

// writeCanonical writes the answer of canon -jsonl:
// {"canonical":["line",...]}, with "warnings" when there are any, or
// {"error":{...}}.
func (w *jsonWriter) writeCanonical(lines []string, warnings []httpauth.Warning, err error) error {
	a := &w.a
	*a = jsonAnswer{}
	if err == nil {
		w.canon = append(w.canon[:0], lines...)
		if w.canon == nil {
			w.canon = []string{} // "canonical":[] for no challenge, never null
		}
		a.Canonical = &w.canon
	} else {
		a.Error = errorJSON(err)
	}
	a.Warnings = w.warnings(warnings)
	return w.writeAnswer(a)
}

// auth converts a challenge or credentials, taking its params from the
// spare capacity of w.params, which the caller has grown to fit them all.
func (w *jsonWriter) auth(scheme, token68 string, ps httpauth.Params) jsonAuth {
	j := jsonAuth{Scheme: scheme, Token68: token68}
	if len(ps) > 0 {
		start := len(w.params)
		w.params = w.appendParams(w.params, ps)
		j.Params = w.params[start:len(w.params):len(w.params)]
	}
	return j
}

func (w *jsonWriter) appendParams(dst []jsonParam, ps httpauth.Params) []jsonParam {
	if dst == nil {
		dst = []jsonParam{} // "params":[] for an empty list, never null
	}
	for _, p := range ps {
		dst = append(dst, jsonParam{p.Name, p.Value})
	}
	return dst
}

// warnings converts ws, or returns nil (omitted) when there are none.
func (w *jsonWriter) warnings(ws []httpauth.Warning) []jsonPos {
	if len(ws) == 0 {
		return nil
	}
	w.warns = w.warns[:0]
	for _, x := range ws {
		w.warns = append(w.warns, jsonPos{Line: x.Line, Offset: x.Offset, Message: warnText(x)})
	}
	return w.warns
}

// grow returns s (of length 0) with room for n elements, never nil.
func grow(s []jsonParam, n int) []jsonParam {
	if cap(s) < n || s == nil {
		return make([]jsonParam, 0, max(n, 8))
	}
	return s
}
