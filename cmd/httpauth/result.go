package main

// Parsing one field into a result, and describing errors and warnings.

import (
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
)

// fieldInput is one field to parse: its grammar, its field lines and the
// mode.
type fieldInput struct {
	kind    fieldKind
	lines   []string
	lenient bool
}

// result is what parsing one field gave. Only the member for the field's
// kind is set. Its slices are reused by the next parseField into it.
type result struct {
	kind        fieldKind
	challenges  []httpauth.Challenge // on error, the challenges complete before it
	credentials httpauth.Credentials // zero on error
	params      httpauth.Params      // nil on error
	warnings    []httpauth.Warning   // lenient mode; a copy, valid after the next parse
	err         error                // nil, or a *httpauth.SyntaxError
}

// errSecondCredentials is the reason for an Authorization field of more
// than one line (it holds exactly one credentials value); it reads as the
// parser's own.
var errSecondCredentials = errors.New("more than one credentials value")

// parseField parses in with p into r, reusing r's storage. It sets
// p.Lenient from in. Several lines of a credentials field are an error at
// line 1, offset 0, unless line 0 has an error of its own; no line at all
// is the empty value.
func parseField(p *httpauth.Parser, in *fieldInput, r *result) {
	p.Lenient = in.lenient
	r.kind = in.kind
	r.err = nil
	r.warnings = r.warnings[:0]
	switch in.kind {
	case kindChallenges:
		r.challenges, r.err = p.ParseChallenges(r.challenges[:0], in.lines...)
	case kindCredentials:
		value := ""
		if len(in.lines) > 0 {
			value = in.lines[0]
		}
		r.credentials, r.err = p.ParseCredentials(r.credentials.Params[:0], value)
		if r.err == nil && len(in.lines) > 1 {
			r.credentials = httpauth.Credentials{}
			r.err = &httpauth.SyntaxError{Line: 1, Offset: 0, Err: errSecondCredentials}
		}
	case kindParams:
		r.params, r.err = p.ParseParams(r.params[:0], in.lines...)
		if r.err != nil {
			r.params = nil
		}
	default:
		panic("httpauth: parseField: unknown field kind")
	}
	r.warnings = append(r.warnings, p.Warnings()...)
}

// describe formats err for a person: "line L, offset O: reason" for a
// syntax error, its message otherwise.
func describe(err error) string {
	var se *httpauth.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("line %d, offset %d: %s", se.Line, se.Offset, reasonOf(se))
	}
	return err.Error()
}

// reasonOf returns the reason of a syntax error, without the position that
// SyntaxError.Error adds.
func reasonOf(se *httpauth.SyntaxError) string {
	if se.Err == nil {
		return "syntax error"
	}
	return se.Err.Error()
}

// warnText is a warning's message, followed by the syntax error that strict
// mode reports there when the warning carries one.
func warnText(w httpauth.Warning) string {
	if w.Err != nil {
		return w.Message + ": " + w.Err.Error()
	}
	return w.Message
}
