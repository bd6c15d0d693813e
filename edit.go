package httpauth

import "errors"

// Editor changes a WWW-Authenticate or Proxy-Authenticate field as a proxy
// forwards it: it sets one parameter of one challenge, or removes one
// challenge, and leaves every other byte of the field as it was received
// (the quoting, the spaces, the case, the other challenges), where decoding
// and encoding the whole field would write it anew.
//
// The field is given as its lines, which are one list (as for
// [ParseChallenges]); challenges are counted over all lines from 0, as
// ParseChallenges counts them. An edit changes exactly one line, and
// returns the new content of that line and its index. The field must parse
// strictly, or the edit returns the [*SyntaxError]; the result parses to
// the challenges of the original with exactly that one change (given
// [Limits] that admit it: a longer value can make the line longer).
//
// A reused Editor and destination buffer make an edit allocate nothing,
// except one string for each quoted value of the field that holds a
// quoted-pair (which parsing the field unescapes). An Editor keeps no
// reference to the field after a call. It is not safe for concurrent use;
// the zero Editor is ready to use.
type Editor struct {
	// Encoder writes the new value: its quoting rule and AllowObsText
	// apply.
	Encoder Encoder
	// Limits bounds the parse of the field; the zero value means the
	// defaults.
	Limits Limits

	p  Parser
	cs []Challenge
}

var (
	// ErrNoChallenge is returned by an edit of a challenge index that
	// the field does not have.
	ErrNoChallenge = errors.New("httpauth: no challenge at that index")

	// ErrChallengeSpansLines is returned by the removal of a challenge
	// whose parameters continue on another field line: no edit of one
	// line can remove it.
	ErrChallengeSpansLines = errors.New("httpauth: the challenge continues on another field line")
)

// AppendSetParam sets the parameter name of challenge i of lines to
// value, as [Params.Set] would: the value of a parameter of that name
// (ASCII case-insensitively) is replaced, and nothing else of the line
// changes; a parameter that is absent is added after the challenge's last
// one (or after its scheme), as ", name=value" (or " name=value"). It
// appends the new content of the line that changes to dst, and returns the
// extended buffer and the index of that line in lines.
//
// The value is encoded, never pasted: as a quoted-string if the old value
// was one, and otherwise as [Encoder.AppendChallenge] would write it, with
// its refusals (an [*EncodeError]: a control character, ...). A name that
// is not a token, or a new parameter beside a token68, is refused too. On
// any error dst is returned unchanged.
func (ed *Editor) AppendSetParam(dst []byte, lines []string, i int, name, value string) ([]byte, int, error) {
	defer ed.release()
	sp, err := ed.locate(lines, i, name)
	if err != nil {
		return dst, -1, err
	}
	c := ed.cs[i]
	e := ed.Encoder
	orig := len(dst)
	if sp.param >= 0 {
		line := lines[sp.valLine]
		dst = append(dst, line[:sp.valStart]...)
		var at int
		var r error
		dst, at, r = e.appendValue(dst, FieldChallenge, c.Scheme, c.Params[sp.param].Name, value, sp.valQuoted)
		if r != nil {
			return dst[:orig], -1, &EncodeError{Param: c.Params[sp.param].Name, Index: sp.param, Offset: at, Err: r}
		}
		return append(dst, line[sp.valEnd:]...), sp.valLine, nil
	}
	// A new parameter (a name that is not a token matches none).
	if at, ok := tokenFault(name); !ok {
		return dst, -1, &EncodeError{Index: len(c.Params), Offset: at, Err: ErrNotToken}
	}
	if c.Token68 != "" {
		return dst, -1, &EncodeError{Index: -1, Offset: -1, Err: ErrToken68WithParams}
	}
	line := lines[sp.endLine]
	dst = append(dst, line[:sp.end]...)
	if len(c.Params) > 0 {
		dst = append(dst, ',')
	}
	dst = append(dst, ' ')
	dst = append(dst, name...)
	dst = append(dst, '=')
	dst, at, r := e.appendValue(dst, FieldChallenge, c.Scheme, name, value, false)
	if r != nil {
		return dst[:orig], -1, &EncodeError{Param: name, Index: len(c.Params), Offset: at, Err: r}
	}
	return append(dst, line[sp.end:]...), sp.endLine, nil
}

// AppendRemoveChallenge removes challenge i of lines, with the separator
// that joined it to the list, and leaves every other byte as it was. It
// appends the new content of the line that changes to dst, and returns the
// extended buffer and the index of that line in lines. The line may be
// left with no challenge (empty, or only spaces and commas); a caller that
// writes the field drops such a line. A challenge whose parameters continue
// on another line is refused ([ErrChallengeSpansLines]). On any error dst
// is returned unchanged.
func (ed *Editor) AppendRemoveChallenge(dst []byte, lines []string, i int) ([]byte, int, error) {
	defer ed.release()
	sp, err := ed.locate(lines, i, "")
	if err != nil {
		return dst, -1, err
	}
	if sp.startLine != sp.endLine {
		return dst, -1, ErrChallengeSpansLines
	}
	line := lines[sp.startLine]
	from, to := sp.start, sp.end
	switch {
	case sp.prevEnd >= 0:
		from = sp.prevEnd // ", challenge" after another one on its line
	case sp.next >= 0:
		to = sp.next // "challenge, " before another one
	}
	dst = append(dst, line[:from]...)
	return append(dst, line[to:]...), sp.startLine, nil
}

// span locates challenge i in the field lines, and in it the value of a
// parameter. Offsets are byte offsets in their line.
type span struct {
	startLine, start int // the scheme
	endLine, end     int // after the challenge's last token
	prevEnd          int // on startLine, after the previous challenge's last token, or -1
	next             int // on endLine, the next element after the challenge, or -1

	param            int // index of the parameter in the challenge, or -1
	valLine          int
	valStart, valEnd int
	valQuoted        bool
}

// locate parses lines strictly into ed.cs and finds challenge i and its
// parameter name (if name is not empty) in the lines. It walks the
// lexer's tokens element by element, with the parsed challenges telling
// what each element is, and checks that they agree token for token.
func (ed *Editor) locate(lines []string, i int, name string) (span, error) {
	ed.p.Limits = ed.Limits
	var err error
	if ed.cs, err = ed.p.ParseChallenges(ed.cs[:0], lines...); err != nil {
		return span{}, err
	}
	if i < 0 || i >= len(ed.cs) {
		return span{}, ErrNoChallenge
	}
	sp := span{prevEnd: -1, next: -1, param: -1}
	if name != "" {
		sp.param = ed.cs[i].Params.Index(name)
	}
	w := editWalk{cs: ed.cs, ci: -1}
	for ln, line := range lines {
		w.line = line
		w.lx.Reset(line)
		w.lastEnd = -1 // end of the last token of a challenge on this line
		for w.element() {
			switch {
			case w.ci < i:
				w.lastEnd = w.end
			case w.ci == i:
				if w.isScheme {
					sp.startLine, sp.start = ln, w.start
					sp.prevEnd = w.lastEnd
				}
				sp.endLine, sp.end = ln, w.end
				if w.pi >= 0 && w.pi == sp.param {
					sp.valLine, sp.valStart, sp.valEnd, sp.valQuoted = ln, w.valStart, w.valEnd, w.valQuoted
				}
			case w.ci == i+1 && w.isScheme && sp.endLine == ln:
				sp.next = w.start
			}
		}
		if w.err != nil || w.lx.Err() != nil {
			return span{}, errEditWalk
		}
	}
	if w.ci != len(ed.cs)-1 || !w.complete() {
		return span{}, errEditWalk
	}
	return sp, nil
}

// errEditWalk reports that the tokens of the field did not match its
// parse, which a strictly parsed field never does.
var errEditWalk = errors.New("httpauth: internal error: the field's tokens do not match its parse")

// editWalk reads the elements of field lines with a Lexer, following the
// parsed challenges cs.
type editWalk struct {
	cs   []Challenge
	line string
	lx   Lexer

	ci int // current challenge
	pi int // its last parameter read, -1 for none

	// The element just read: it starts a challenge (isScheme) or is a
	// parameter (pi is then its index); start and end are the offsets of
	// its first token and after its last one.
	isScheme         bool
	start, end       int
	valStart, valEnd int
	valQuoted        bool
	lastEnd          int
	err              error
}

// token returns the next token of the line that is not OWS, or
// KindInvalid at the end of the line.
func (w *editWalk) token() (Kind, string, int) {
	for w.lx.Next() {
		if k := w.lx.Kind(); k != KindSpace {
			return k, w.lx.Text(), w.lx.Offset()
		}
	}
	return KindInvalid, "", len(w.line)
}

// complete reports whether every parameter of the current challenge has
// been read.
func (w *editWalk) complete() bool {
	return w.ci < 0 || w.pi == len(w.cs[w.ci].Params)-1
}

// element reads the next non-empty element of the line and the comma (or
// end of line) after it, and reports whether there was one.
func (w *editWalk) element() bool {
	k, text, off := w.token()
	for k == KindComma {
		k, text, off = w.token()
	}
	if k == KindInvalid {
		return false
	}
	if k != KindToken {
		return w.fail()
	}
	w.start = off
	k2, _, off2 := w.token()
	if k2 == KindEquals {
		// name BWS "=" BWS value: a parameter of the current challenge.
		w.isScheme = false
		w.pi++
		if w.ci < 0 || w.pi >= len(w.cs[w.ci].Params) || w.cs[w.ci].Params[w.pi].Name != text {
			return w.fail()
		}
		return w.value()
	}
	// A scheme: a new challenge.
	if !w.complete() {
		return w.fail()
	}
	w.isScheme = true
	w.ci++
	w.pi = -1
	if w.ci >= len(w.cs) || w.cs[w.ci].Scheme != text {
		return w.fail()
	}
	w.end = off + len(text)
	c := w.cs[w.ci]
	switch {
	case k2 == KindComma || k2 == KindInvalid:
		return true
	case c.Token68 != "":
		// The token68 runs to the comma or the end of the line.
		t68 := off2
		for k2 != KindComma && k2 != KindInvalid {
			w.end = w.lx.Offset() + len(w.lx.Text())
			k2, _, _ = w.token()
		}
		if w.line[t68:w.end] != c.Token68 {
			return w.fail()
		}
		return true
	}
	// The scheme's first parameter: name BWS "=" BWS value.
	if k2 != KindToken {
		return w.fail()
	}
	name := w.lx.Text()
	if k3, _, _ := w.token(); k3 != KindEquals {
		return w.fail()
	}
	w.pi = 0
	if len(c.Params) == 0 || c.Params[0].Name != name {
		return w.fail()
	}
	return w.value()
}

// value reads a parameter's value and what follows it: a comma or the end
// of the line.
func (w *editWalk) value() bool {
	k, text, off := w.token()
	if k != KindToken && k != KindQuoted {
		return w.fail()
	}
	w.valStart, w.valEnd, w.valQuoted = off, off+len(text), k == KindQuoted
	w.end = w.valEnd
	if k, _, _ := w.token(); k != KindComma && k != KindInvalid {
		return w.fail()
	}
	return true
}

func (w *editWalk) fail() bool {
	w.err = errEditWalk
	return false
}

// release drops every reference to the last field, keeping the storage.
func (ed *Editor) release() {
	cs := ed.cs[:cap(ed.cs)]
	for i := range cs {
		clear(cs[i].Params[:cap(cs[i].Params)])
		cs[i] = Challenge{Params: cs[i].Params[:0]}
	}
	ed.cs = ed.cs[:0]
}
