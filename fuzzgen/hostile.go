package fuzzgen

import (
	"strings"
)

// The kinds of hostile values, chosen with these weights.
var hostileKinds = []struct {
	weight int
	build  func(g *Generator, f Field) Case
}{
	{12, (*Generator).hostileByte},
	{4, (*Generator).hostileSplit},
	{3, (*Generator).hostileUnterminated},
	{2, (*Generator).hostileDuplicate},
	{2, (*Generator).hostileRun},
	{2, (*Generator).hostileStructure},
	{1, (*Generator).hostileLimit},
}

// hostile returns a hostile case of field f.
func (g *Generator) hostile(f Field) Case {
	total := 0
	for _, k := range hostileKinds {
		total += k.weight
	}
	x := g.n(total)
	for _, k := range hostileKinds {
		if x < k.weight {
			return k.build(g, f)
		}
		x -= k.weight
	}
	panic("unreachable")
}

// finishHostile renders m and returns the case, with the fault the
// renderer recorded and the categories cats.
func (g *Generator) finishHostile(f Field, m *model, cats ...Category) Case {
	b := g.render(m)
	c := Case{Field: f, Mode: Hostile, Lines: b.finish(), Categories: sortedCats(cats)}
	c.Err = b.strictFault()
	if c.Err == nil {
		panic("fuzzgen: hostile case without a fault")
	}
	return c
}

func sortedCats(cs []Category) []Category {
	var s catSet
	s.add(cs...)
	return s.list()
}

// insertAt returns a hostile case made of a valid one of field f with junk
// written at a place of one line (in place of the byte there, when
// replace is set and there is one): where a strict parser reports it is
// builder.junkAt. pick chooses the place and may change junk.
func (g *Generator) insertAt(f Field, cats []Category, pick func(b *builder) (ln, p int, junk string, replace bool)) Case {
	m := g.newModel(f)
	b := g.render(m)
	b.finish()
	ln, p, junk, replace := pick(b)
	line := b.lines[ln]
	rest := line[p:]
	if replace && len(rest) > 0 {
		rest = rest[1:]
	}
	lines := append([]string(nil), b.lines...)
	lines[ln] = line[:p] + junk + rest
	return Case{
		Field:      f,
		Mode:       Hostile,
		Lines:      lines,
		Err:        &Fault{Line: ln, Offset: b.junkAt(ln, p), Class: ErrSyntax},
		Categories: sortedCats(cats),
	}
}

// place returns a line and a byte offset in it, the end included.
func (g *Generator) place(b *builder) (ln, p int) {
	ln = g.n(len(b.lines))
	return ln, g.n(len(b.lines[ln]) + 1)
}

// hostileByte puts one control character (not HTAB) anywhere, or one byte
// %x80-FF anywhere outside a quoted-string.
func (g *Generator) hostileByte(f Field) Case {
	return g.insertAt(f, []Category{CatCTL}, func(b *builder) (int, int, string, bool) {
		ln, p := g.place(b)
		replace := p < len(b.lines[ln]) && g.chance(1, 3)
		var c byte
		if g.chance(1, 2) {
			c = byte(0x80 + g.n(0x80))
			if b.inQuoted(ln, p) {
				c &= 0x1F // obs-text is allowed there: a control character instead
			}
		} else if c = byte(g.n(33)); c == 32 {
			c = 0x7F
		}
		if c == '\t' {
			c = '\v'
		}
		return ln, p, string(c), replace
	})
}

// splits are header-splitting attempts.
var splits = []string{
	"\r\n", "\n", "\r", "\x00", "\r\nSet-Cookie: session=x", "\r\n\r\n<html>",
	"\nX-Injected: 1", "\r\n\tfolded", "\r\nWWW-Authenticate: Basic realm=\"evil\"",
}

func (g *Generator) hostileSplit(f Field) Case {
	return g.insertAt(f, []Category{CatSplitting}, func(b *builder) (int, int, string, bool) {
		ln, p := g.place(b)
		return ln, p, g.pick(splits), false
	})
}

// hostileRun puts a long run where it cannot stand: quotes after a value,
// backslashes where a value starts, or commas past the limit of empty
// elements.
func (g *Generator) hostileRun(f Field) Case {
	n := 1 + g.n(64)
	switch g.n(3) {
	case 0:
		return g.finishHostile(f, g.limitEmpties(f, 1+g.n(32)), CatRuns, CatEmpty, CatLimits)
	case 1:
		return g.insertAt(f, []Category{CatRuns}, func(b *builder) (int, int, string, bool) {
			p := g.someParam(b)
			if p == nil {
				// No value: the run starts the field.
				return 0, 0, strings.Repeat(`\`, n), false
			}
			return p.valueAt.line, p.valueAt.off, strings.Repeat(`\`, n), false
		})
	}
	return g.insertAt(f, []Category{CatRuns}, func(b *builder) (int, int, string, bool) {
		p := g.someParam(b)
		if p == nil {
			// No value to follow (after a token68 ending in one "=",
			// a quote would start one): the run starts the field.
			return 0, 0, strings.Repeat(`"`, n), false
		}
		return p.valueAt.line, p.valueAt.off + len(p.text), strings.Repeat(`"`, n), false
	})
}

// someParam returns a parameter the builder wrote, or nil.
func (g *Generator) someParam(b *builder) *param {
	if len(b.params) == 0 {
		return nil
	}
	return b.params[g.n(len(b.params))]
}

// hostileUnterminated leaves a quoted-string open: at the end of its line,
// or with its closing quote escaped by an odd run of backslashes.
func (g *Generator) hostileUnterminated(f Field) Case {
	m := g.newModel(f)
	ps := *g.params(m, 1)
	p := &ps[g.n(len(ps))]
	text, _ := g.quoted()
	body := text[:len(text)-1]
	switch g.n(3) {
	case 0:
		p.text = body
	case 1:
		p.text = body + `\`
	case 2:
		p.text = body + strings.Repeat(`\`, 1+2*g.n(32)) + `"`
	}
	p.quoted = true
	p.fault.valueAt, p.fault.stop = 0, true
	return g.finishHostile(f, m, CatUnterminated)
}

func (g *Generator) hostileDuplicate(f Field) Case {
	m := g.newModel(f)
	g.duplicate(m)
	return g.finishHostile(f, m, CatDuplicates)
}

// hostileLimit passes one of the default limits by one (or a few).
func (g *Generator) hostileLimit(f Field) Case {
	extra := 1
	if g.chance(1, 4) {
		extra += g.n(8)
	}
	switch g.n(4) {
	case 0:
		return g.finishHostile(f, g.limitChallenges(f, extra), CatLimits)
	case 1:
		return g.finishHostile(f, g.limitParams(f, extra), CatLimits)
	case 2:
		return g.finishHostile(f, g.limitEmpties(f, extra), CatLimits, CatEmpty)
	}
	c := g.limitLine(f, extra)
	c.Categories = []Category{CatLimits}
	return c
}

// hostileStructure puts an element where the grammar has no room for it:
// a parameter before any scheme, a parameter or a second credentials after
// the credentials, an Authorization value with no credentials.
func (g *Generator) hostileStructure(f Field) Case {
	if f == Params {
		// A scheme where a list of parameters is expected: "Basic
		// realm=x" has no "=" after its first token.
		m := g.newModel(f)
		i := g.n(len(m.list) + 1)
		p := param{name: g.scheme(), fault: noFault}
		p.fault.gapBefore = gapComma
		m.list = append(m.list[:i], append([]param{p}, m.list[i:]...)...)
		return g.insertScheme(m, i)
	}
	if f == Challenges || g.chance(1, 3) {
		m := g.newModel(f)
		p := g.value(g.pick(paramNames))
		p.fault.name = true
		m.lead = []param{p}
		return g.finishHostile(f, m, CatStructure)
	}
	m := g.newModel(f)
	b := g.render(m)
	lines := b.finish()
	line := lines[0]
	a := m.auths[0]
	c := Case{Field: f, Mode: Hostile, Categories: []Category{CatStructure}}
	switch {
	case g.chance(1, 4):
		// Nothing but whitespace and commas.
		line = g.pick([]string{"", " ", "\t", ",", " , ,"})
		c.Err = &Fault{Class: ErrEmpty}
	case a.t68 != "" || a.bare:
		// A comma after a token68 or a scheme alone: Authorization is
		// not a list. ("Basic ," is a scheme with an empty list of
		// parameters: no space before the comma.)
		if a.bare {
			line = strings.TrimRight(line, " \t")
		}
		c.Err = &Fault{Offset: len(line), Class: ErrSyntax}
		line += g.pick([]string{",", ", realm=x", ", Bearer abc"})
	default:
		// A second credentials after the parameters of the first.
		c.Err = &Fault{Offset: len(line) + 2, Class: ErrSyntax}
		line += ", " + g.scheme() + g.pick([]string{"", " abc==", " realm=x"})
	}
	c.Lines = []string{line}
	return c
}

// insertScheme renders m, whose item i is a bare token standing for a
// scheme in a list of parameters: a strict parser expects "=" after it.
func (g *Generator) insertScheme(m *model, i int) Case {
	p := &m.list[i]
	p.fault = noFault
	b := g.render(m)
	lines := b.finish()
	// The renderer wrote "name=value": cut it to "name value".
	q := m.list[i]
	line := lines[q.at.line]
	eq := q.at.off + len(q.name)
	end := q.valueAt.off + len(q.text)
	value := g.token68()
	line = line[:eq] + " " + value + line[end:]
	lines[q.at.line] = line
	return Case{
		Field: Params, Mode: Hostile, Lines: lines, Categories: []Category{CatStructure},
		Err: &Fault{Line: q.at.line, Offset: eq + 1, Class: ErrSyntax},
	}
}
