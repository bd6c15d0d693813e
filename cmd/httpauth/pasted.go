package main

// Field lines pasted with their field name ("WWW-Authenticate: Basic
// realm=x"), or a whole response head as "curl -i" prints it: the tool
// takes the values of the authentication field out of it and says so.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/authwire/httpauth"
)

// pasted is what unpaste found in the field lines of a command.
type pasted struct {
	lines []string  // the values, without their field names
	field fieldFlag // the field they belong to
	note  string    // what the tool tells the user; "" when lines were plain values
}

// unpaste recognises field lines given with their field name. A value
// never starts with `token ":"` (no grammar of these fields allows a
// colon there), so such a line, when the token names an authentication
// field, is a header line pasted whole; so is a head that starts with a
// status line ("HTTP/1.1 401 Unauthorized"). Then every line must be part
// of a response head: the status line, header lines (a line that starts
// with SP or HTAB continues the one before, as obs-fold), the empty line
// that ends the head, and the body after it, up to the next status line.
//
// The field is the one named by -field when the user gave it, and
// otherwise the only authentication field of the head (of the kind only,
// when only is not 0: respond reads challenges). Its lines must all come
// from one response. unpaste returns the values of the field's lines, the
// text after the name and the colon and the OWS after it; lines that are
// not pasted come back as they are, with an empty note.
func unpaste(lines []string, field fieldFlag, only fieldKind) (pasted, error) {
	plain := pasted{lines: lines, field: field}
	if !isPasted(lines) {
		return plain, nil
	}
	type found struct {
		name, value string
		folds       []string // continuation lines (obs-fold)
		response    int      // index of the response head, by status lines seen
	}
	var (
		all       []found
		response  int
		inHead    = true // between a status line (or the start) and the empty line
		sawHeader bool   // a header or status line in this head
		last      = -1   // index in all of the previous line's field, for obs-fold
		others    int    // lines that are not values of an authentication field
	)
	for i, line := range lines {
		cont := last
		last = -1
		switch {
		case isStatusLine(line):
			response++
			inHead, sawHeader = true, true
			others++
		case !inHead: // the body
			others++
		case line == "":
			inHead = !sawHeader
			others++
		case line[0] == ' ' || line[0] == '\t':
			if cont >= 0 {
				all[cont].folds = append(all[cont].folds, line)
				last = cont
			} else {
				others++
			}
		default:
			name, value, ok := headerLine(line)
			if !ok {
				return plain, fmt.Errorf("line %d is neither a header field nor a status line: give the field lines all with their field name or all without", i)
			}
			sawHeader = true
			canonical, _, ok := lookupField(name)
			if !ok {
				others++
				continue
			}
			all = append(all, found{name: canonical, value: value, response: response})
			last = len(all) - 1
		}
	}

	// The field: the one the user named, or the only one of kind only.
	var names, candidates []string
	for _, f := range all {
		if slices.Contains(names, f.name) {
			continue
		}
		names = append(names, f.name)
		if _, kind, _ := lookupField(f.name); only == 0 || kind == only {
			candidates = append(candidates, f.name)
		}
	}
	var want string
	switch {
	case field.set:
		want = field.name
		if !slices.Contains(names, want) {
			return plain, fmt.Errorf("the header lines hold no %s field (-field)%s", fieldTitle(want), holding(names))
		}
	case len(candidates) == 1:
		want = candidates[0]
	case len(candidates) == 0:
		return plain, fmt.Errorf("the header lines hold no %s field%s", titles(fieldsOf(only), "or"), holding(names))
	default:
		return plain, fmt.Errorf("the header lines hold %s fields: choose one with -field", titles(candidates, "and"))
	}

	out := pasted{field: field}
	out.field.name, out.field.kind, _ = lookupField(want)
	first := -1
	for _, f := range all {
		if f.name != want {
			others++
			continue
		}
		if first < 0 {
			first = f.response
		} else if f.response != first {
			return plain, fmt.Errorf("the header lines hold %s fields of several responses: give one response", fieldTitle(want))
		}
		if len(f.folds) > 0 {
			// The obs-fold as it was on the wire: CR LF, then the line.
			f.value += "\r\n" + strings.Join(f.folds, "\r\n")
		}
		out.lines = append(out.lines, f.value)
	}
	title := fieldTitle(want)
	if others == 0 {
		out.note = fmt.Sprintf("reading a %s field: the field name is not part of the value; offsets count from the start of the value", title)
	} else {
		out.note = fmt.Sprintf("reading %s from the response head: %s, %s ignored; lines and offsets count in the values, without the field name", title, count(len(out.lines), "field line"), count(others, "other line"))
	}
	return out, nil
}

// holding returns ", only A and B" for a message about the fields of the
// header lines, or "" when there are none.
func holding(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return ", only " + titles(names, "and")
}

// isPasted reports whether lines were pasted with their field names: one
// starts with the name of an authentication field and a colon, or the
// first line that is not empty is a status line.
func isPasted(lines []string) bool {
	first := true
	for _, line := range lines {
		if first && line != "" {
			if isStatusLine(line) {
				return true
			}
			first = false
		}
		if name, _, ok := headerLine(line); ok {
			if _, _, ok := lookupField(name); ok {
				return true
			}
		}
	}
	return false
}

// headerLine splits a header field line "Name: value" (RFC 9110 section
// 5: a token, a colon, OWS, the value) into the name and the value.
func headerLine(line string) (name, value string, ok bool) {
	name, value, ok = strings.Cut(line, ":")
	if !ok || !httpauth.IsToken(name) {
		return "", "", false
	}
	return name, strings.TrimLeft(value, " \t"), true
}

// isStatusLine reports whether line is the status line of an HTTP/1.x or
// HTTP/2-style response head: "HTTP/" version SP 3DIGIT [SP reason].
func isStatusLine(line string) bool {
	rest, ok := strings.CutPrefix(line, "HTTP/")
	if !ok {
		return false
	}
	_, code, ok := strings.Cut(rest, " ")
	if !ok || len(code) < 3 || len(code) > 3 && code[3] != ' ' {
		return false
	}
	for i := range 3 {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}

// count returns "1 noun" or "n nouns".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// fieldsOf returns the names of the fields of kind (all fields for 0).
func fieldsOf(kind fieldKind) []string {
	var names []string
	for _, f := range fields {
		if kind == 0 || f.kind == kind {
			names = append(names, f.name)
		}
	}
	return names
}

// titles joins the titles of the named fields for a message with conj:
// "A", "A and B", "A, B and C".
func titles(names []string, conj string) string {
	ts := make([]string, len(names))
	for i, n := range names {
		ts[i] = fieldTitle(n)
	}
	if len(ts) < 2 {
		return strings.Join(ts, "")
	}
	return strings.Join(ts[:len(ts)-1], ", ") + " " + conj + " " + ts[len(ts)-1]
}
