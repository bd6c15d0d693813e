package fuzzgen

import (
	"strconv"
	"strings"

	"github.com/authwire/httpauth"
)

// The separators the renderer writes instead of a comma before an item.
const (
	gapComma     = ""     // OWS "," OWS, sometimes with empty elements or a line break
	gapSpace     = " "    // no comma: a missing separator
	gapSemicolon = ";"    // ";" where "," belongs
	gapFold      = "fold" // "," then an obs-fold
)

// Per-parameter instructions of a near-valid or hostile case.
type paramFault struct {
	gapBefore string   // the separator before it (gapComma: the usual)
	name      bool     // the fault is at its name
	class     ErrClass // of a fault at its name (ErrSyntax when 0)
	valueAt   int      // the fault is at this offset in its text, if >= 0
	noBWS     bool     // no whitespace around "="
	stop      bool     // nothing is written after it
}

// walker renders a model into a builder.
type walker struct {
	g         *Generator
	b         *builder
	m         *model
	item      int  // index of the next item (challenge or parameter)
	prevBare  bool // the last item is a scheme alone
	prevTight bool // the last item must be followed by ',' with no OWS
	lastParam bool // the last item is a parameter
	stop      bool
}

// render writes the model m.
func (g *Generator) render(m *model) *builder {
	w := &walker{g: g, b: &builder{}, m: m}
	b := w.b
	b.write(g.ows())
	if m.f != Credentials && g.chance(1, 10) {
		g.cats.add(CatEmpty)
		for k := 1 + g.n(2); k > 0; k-- {
			b.comma()
			b.write(g.ows())
		}
	}
	for i := range m.lead {
		w.gap(m.lead[i].fault.gapBefore)
		w.param(&m.lead[i], false)
	}
	for i := range m.auths {
		if w.stop {
			break
		}
		a := &m.auths[i]
		w.gap(a.gapBefore)
		w.start(a)
		first := 0
		if a.t68 == "" && !a.bare && a.data == "" && len(a.params) > 0 {
			first = 1
		}
		for j := first; j < len(a.params) && !w.stop; j++ {
			p := &a.params[j]
			w.gap(p.fault.gapBefore)
			w.param(p, false)
		}
	}
	for i := range m.list {
		if w.stop {
			break
		}
		p := &m.list[i]
		w.gap(p.fault.gapBefore)
		w.param(p, false)
	}
	if !w.stop {
		switch {
		case m.f != Credentials && g.chance(1, 8):
			g.cats.add(CatEmpty)
			for k := 1 + g.n(2); k > 0; k-- {
				b.comma()
			}
		case m.f == Credentials && w.lastParam && g.chance(1, 10):
			g.cats.add(CatEmpty)
			b.comma() // "Digest username="a"," (a trailing empty element)
		}
		b.write(g.ows())
	}
	return b
}

// gap writes the separator before the next item, unless it is the first.
func (w *walker) gap(kind string) {
	g, b, m := w.g, w.b, w.m
	w.item++
	if w.item == 1 && kind != gapSpace {
		return
	}
	tight := w.prevBare || w.prevTight
	w.prevBare, w.prevTight, w.lastParam = false, false, false
	switch kind {
	case gapSpace:
		b.write(" ")
		return
	case gapSemicolon:
		b.write(g.ows())
		b.setFault(b.at(), ErrSyntax)
		b.write("; ")
		return
	case gapFold:
		b.comma()
		b.setFault(b.at(), ErrSyntax)
		b.write("\r\n ")
		return
	}
	extra := 0
	if g.chance(1, 10) {
		extra = 1 + g.n(2)
	}
	if m.gapEmpties > 0 && w.item == m.gapAt+1 {
		extra = m.gapEmpties
		g.cats.add(CatEmpty, CatRuns)
	} else if !m.noBreaks && m.f != Credentials && g.chance(1, 6) {
		// A line break: the next field line goes on with the list.
		g.cats.add(CatLines)
		if g.chance(1, 6) {
			g.cats.add(CatEmpty)
			b.comma()
		}
		b.write(g.ows())
		b.newLine()
		if g.chance(1, 8) {
			g.cats.add(CatEmpty)
			b.write(g.ows())
			b.newLine()
		}
		b.write(g.ows())
		if g.chance(1, 8) {
			g.cats.add(CatEmpty)
			b.comma()
			b.write(g.ows())
		}
		return
	}
	if !tight {
		b.write(g.ows())
	}
	b.comma()
	b.write(g.ows())
	if extra > 0 {
		g.cats.add(CatEmpty)
	}
	for ; extra > 0; extra-- {
		b.comma()
		if extra%4 == 0 {
			b.write(g.ows())
		}
	}
}

// start writes the scheme of a, and its token68 or first parameter.
func (w *walker) start(a *auth) {
	g, b := w.g, w.b
	a.at = b.at()
	if a.faultClass != 0 {
		b.setFault(a.at, a.faultClass)
	}
	b.write(a.scheme)
	if a.bare {
		b.bares = append(b.bares, span{a.at.line, a.at.off, a.at.off + len(a.scheme)})
		b.element()
		w.prevBare = true
		return
	}
	sep := a.schemeSep
	if sep == "" {
		switch g.n(10) {
		case 8:
			g.cats.add(CatOWS)
			sep = "   "
		case 9:
			g.cats.add(CatOWS)
			sep = " \t"
		default:
			sep = " "
		}
	}
	if a.sepFault {
		b.setFault(b.at(), ErrSyntax)
	}
	b.write(sep)
	b.element()
	if a.data != "" {
		at := b.at()
		b.setFault(pos{at.line, at.off + a.dataFault}, ErrSyntax)
		b.write(a.data)
		return
	}
	if a.t68 != "" {
		b.write(a.t68)
		return
	}
	if len(a.params) == 0 {
		return
	}
	first := true
	if a.schemeSep == "" && !a.params[0].fault.name && g.chance(1, 10) {
		// "Basic , realm=x": an empty element after the scheme's space
		// (DESIGN decision 4).
		g.cats.add(CatEmpty)
		b.comma()
		b.write(g.ows())
		first = false
	}
	w.param(&a.params[0], first)
}

// param writes p; first says whether it comes right after its scheme and
// the scheme's space, where a token can only be a parameter's name (see
// builder.junkAt).
func (w *walker) param(p *param, first bool) {
	g, b := w.g, w.b
	p.at = b.at()
	if p.fault.name {
		class := p.fault.class
		if class == 0 {
			class = ErrSyntax
		}
		b.setFault(p.at, class)
	}
	b.write(p.name)
	if !p.fault.noBWS && g.chance(1, 12) {
		g.cats.add(CatBWS)
		b.write(g.pick([]string{" ", "\t", "  "}))
	}
	b.write("=")
	if !first && w.m.f == Challenges {
		// Without its "=", the name is a scheme.
		b.bares = append(b.bares, span{p.at.line, p.at.off, p.at.off + len(p.name)})
	}
	if !p.fault.noBWS && g.chance(1, 12) {
		g.cats.add(CatBWS)
		b.write(g.pick([]string{" ", "\t", "  "}))
	}
	p.valueAt = b.at()
	if p.fault.valueAt >= 0 {
		b.setFault(pos{p.valueAt.line, p.valueAt.off + p.fault.valueAt}, ErrSyntax)
	}
	if p.quoted {
		b.quotes = append(b.quotes, span{p.valueAt.line, p.valueAt.off, p.valueAt.off + len(p.text) - 1})
	}
	b.write(p.text)
	b.element()
	b.params = append(b.params, p)
	w.lastParam = true
	w.prevTight = p.text == ""
	if p.fault.stop {
		w.stop = true
	}
}

// limitChallenges returns a model with the default limit of challenges
// plus extra (Challenges; other fields get limitParams).
func (g *Generator) limitChallenges(f Field, extra int) *model {
	if f != Challenges {
		return g.limitParams(f, extra)
	}
	g.cats.add(CatLimits, CatMulti)
	m := &model{f: f}
	for range httpauth.DefaultMaxChallenges + extra {
		a := auth{scheme: g.scheme()}
		if g.chance(1, 2) {
			a.bare = true
		} else {
			a.t68 = g.token(t68Chars, 8)
		}
		m.auths = append(m.auths, a)
	}
	if extra > 0 {
		m.auths[httpauth.DefaultMaxChallenges].faultClass = ErrLimit
	}
	return m
}

// limitParams returns a model with the default limit of parameters in one
// challenge, credentials or list, plus extra.
func (g *Generator) limitParams(f Field, extra int) *model {
	g.cats.add(CatLimits, CatParams)
	ps := make([]param, httpauth.DefaultMaxParams+extra)
	for i := range ps {
		v := strconv.Itoa(i % 10)
		ps[i] = param{name: "p" + strconv.Itoa(i), text: v, value: v, fault: noFault}
	}
	if extra > 0 {
		ps[httpauth.DefaultMaxParams].fault.name = true
		ps[httpauth.DefaultMaxParams].fault.class = ErrLimit
	}
	m := &model{f: f}
	if f == Params {
		m.list = ps
	} else {
		m.auths = []auth{{scheme: g.scheme(), params: ps}}
	}
	return m
}

// limitEmpties returns a model with the default limit of empty elements in
// a row, plus extra, between its first two items.
func (g *Generator) limitEmpties(f Field, extra int) *model {
	g.cats.add(CatLimits)
	m := g.newModel(f)
	switch f {
	case Challenges:
		if len(m.auths) < 2 {
			m.auths = append(m.auths, g.newAuth(2))
		}
	case Credentials:
		a := &m.auths[0]
		if a.t68 != "" || a.bare || len(a.params) < 2 {
			a.t68, a.bare = "", false
			a.params = g.newParams(2 + g.n(3))
		}
	case Params:
		if len(m.list) < 2 {
			m.list = g.newParams(2 + g.n(3))
		}
	}
	m.gapEmpties, m.gapAt = httpauth.DefaultMaxEmptyElements+extra, 1
	return m
}

// limitLine returns a case whose first line is the default limit of bytes
// plus extra long.
func (g *Generator) limitLine(f Field, extra int) Case {
	g.cats.add(CatLimits)
	n := httpauth.DefaultMaxLineBytes + extra
	c := Case{Field: f, Mode: Valid}
	switch f {
	case Credentials:
		g.cats.add(CatToken68)
		head := g.pick([]string{"Negotiate ", "Bearer "})
		t := strings.Repeat("YII", n)[:n-len(head)]
		c.Lines = []string{head + t}
		c.Credentials = httpauth.Credentials{Scheme: head[:len(head)-1], Token68: t}
	default:
		g.cats.add(CatQuoted)
		head := `realm="`
		if f == Challenges {
			head = `Basic ` + head
		}
		v := strings.Repeat("pad-", n)[:n-len(head)-1]
		c.Lines = []string{head + v + `"`}
		if f == Challenges {
			c.Challenges = []httpauth.Challenge{{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: v}}}}
		} else {
			c.Params = httpauth.Params{{Name: "realm", Value: v}}
		}
	}
	if extra > 0 {
		c.Mode = Hostile
		c.Challenges, c.Credentials, c.Params = nil, httpauth.Credentials{}, nil
		c.Err = &Fault{Line: 0, Offset: httpauth.DefaultMaxLineBytes, Class: ErrLimit}
	}
	c.Categories = g.cats.list()
	return c
}
