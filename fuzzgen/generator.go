package fuzzgen

import (
	"math/rand/v2"

	"github.com/authwire/httpauth"
)

// Generator makes cases. Every choice it makes comes from its source: the
// bytes given to [FromBytes], or a pseudo-random sequence seeded by [New].
// The same source gives the same cases. A Generator is not safe for
// concurrent use.
type Generator struct {
	src     source
	schemes []string // the schemes to choose from; nil: the registry's and random tokens
	cats    catSet   // categories of the case being built
}

// UseSchemes makes the generator choose the scheme of every challenge and
// credentials it writes from schemes (in any case), so that a campaign
// against a parser of a few schemes spends its time on them. With no
// argument it goes back to the registered schemes and random tokens. A
// name that is not a token makes no valid value: use tokens.
func (g *Generator) UseSchemes(schemes ...string) {
	g.schemes = append([]string(nil), schemes...)
}

// New returns a Generator whose choices come from a pseudo-random
// sequence seeded with seed: the same seed gives the same cases, in the
// same order, in every version of this package that does not change the
// generator itself.
func New(seed uint64) *Generator {
	return &Generator{src: randSource{rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))}}
}

// FromBytes returns a Generator whose choices come from data, one or more
// bytes per choice, as the body of a fuzz target draws from the fuzzer's
// input: the same bytes give the same case, a longer input a larger one,
// and when the bytes run out every choice is the simplest. data is not
// modified, nor kept after the last case is made.
func FromBytes(data []byte) *Generator {
	return &Generator{src: &byteSource{data: data}}
}

// n returns a choice in [0, k).
func (g *Generator) n(k int) int { return g.src.intn(k) }

// chance reports true for num of den choices; the zero choice is false.
func (g *Generator) chance(num, den int) bool { return g.n(den) >= den-num }

// Next returns a case of a field and a mode it chooses.
func (g *Generator) Next() Case {
	f := Field(1 + g.n(3))
	m := Mode(1 + g.n(3))
	return g.Case(f, m)
}

// Case returns a case of field f in mode m.
func (g *Generator) Case(f Field, m Mode) Case {
	if f < Challenges || f > Params {
		f = Challenges
	}
	g.cats = 0
	switch m {
	case NearValid:
		return g.nearValid(f)
	case Hostile:
		return g.hostile(f)
	}
	return g.valid(f)
}

// auth is one challenge or credentials of the model: a scheme alone, with
// a token68, or with parameters.
type auth struct {
	scheme string
	t68    string
	params []param
	bare   bool

	// What the renderer writes instead of the usual, for a near-valid or
	// hostile case.
	schemeSep  string   // between the scheme and its data; "" is SP
	sepFault   bool     // the fault is at schemeSep
	gapBefore  string   // the separator before this challenge, "" is a comma
	faultClass ErrClass // the fault is at the scheme, of this class, if set
	// data, when set, is written after the scheme and its space in place
	// of a token68 or the first parameters: text that is neither, where
	// strict parsing fails at offset dataFault; the parameters follow it.
	data      string
	dataFault int

	at pos // set by the renderer
}

// model is what a case is built from: challenges (or one credentials), or
// the parameters of a list.
type model struct {
	f     Field
	auths []auth
	list  []param // Params field
	lead  []param // parameters before the first challenge (a hostile case)

	// gapEmpties, when set, is the number of empty elements written in
	// the separator before item gapAt (counted over every item, from 1).
	gapEmpties, gapAt int
	noBreaks          bool // keep everything on one line
}

// newAuth returns a challenge or credentials with up to maxParams
// parameters, in one of the three forms.
func (g *Generator) newAuth(maxParams int) auth {
	a := auth{scheme: g.scheme()}
	switch g.n(6) {
	case 3, 4:
		a.t68 = g.token68()
	case 5:
		a.bare = true
		g.cats.add(CatBareScheme)
	default:
		a.params = g.newParams(1 + g.n(maxParams))
	}
	return a
}

// newParams returns k parameters with distinct names.
func (g *Generator) newParams(k int) []param {
	g.cats.add(CatParams)
	names := g.names(k)
	if k > 0 && g.chance(1, 12) {
		names[k-1] = "username*"
		if hasName(names[:k-1], names[k-1]) {
			names[k-1] = "x-ext*"
		}
	}
	ps := make([]param, k)
	for i, n := range names {
		ps[i] = g.value(n)
	}
	return ps
}

// newModel returns the model of a valid case of field f.
func (g *Generator) newModel(f Field) *model {
	m := &model{f: f}
	switch f {
	case Challenges:
		k := 1 + g.n(3)
		if g.chance(1, 4) {
			k += g.n(6)
		}
		for range k {
			m.auths = append(m.auths, g.newAuth(4))
		}
		if k > 1 {
			g.cats.add(CatMulti)
		}
	case Credentials:
		m.auths = []auth{g.newAuth(6)}
	case Params:
		m.list = g.newParams(1 + g.n(5))
	}
	return m
}

// valid returns a valid case; now and then one that reaches a default
// limit exactly.
func (g *Generator) valid(f Field) Case {
	var m *model
	switch g.n(40) {
	case 36:
		m = g.limitChallenges(f, 0)
	case 37:
		m = g.limitParams(f, 0)
	case 38:
		m = g.limitEmpties(f, 0)
	case 39:
		return g.limitLine(f, 0)
	default:
		m = g.newModel(f)
	}
	b := g.render(m)
	c := Case{Field: f, Mode: Valid, Lines: b.finish()}
	c.Categories = g.cats.list()
	if len(c.Lines) > 1 {
		c.Categories = addCat(c.Categories, CatLines)
	}
	switch f {
	case Challenges:
		c.Challenges = m.challenges()
	case Credentials:
		c.Credentials = httpauth.Credentials(m.challenges()[0])
	case Params:
		c.Params = toParams(m.list)
	}
	return c
}

func addCat(cs []Category, c Category) []Category {
	for _, x := range cs {
		if x == c {
			return cs
		}
	}
	var s catSet
	s.add(cs...)
	s.add(c)
	return s.list()
}

// challenges returns the values of the model's challenges.
func (m *model) challenges() []httpauth.Challenge {
	out := make([]httpauth.Challenge, len(m.auths))
	for i, a := range m.auths {
		out[i] = httpauth.Challenge{Scheme: a.scheme, Token68: a.t68, Params: toParams(a.params)}
	}
	return out
}

func toParams(ps []param) httpauth.Params {
	if len(ps) == 0 {
		return nil
	}
	out := make(httpauth.Params, len(ps))
	for i, p := range ps {
		out[i] = httpauth.Param{Name: p.name, Value: p.value}
	}
	return out
}

func cloneChallenges(cs []httpauth.Challenge) []httpauth.Challenge {
	if cs == nil {
		return nil
	}
	out := make([]httpauth.Challenge, len(cs))
	for i, c := range cs {
		c.Params = append(c.Params[:0:0], c.Params...)
		out[i] = c
	}
	return out
}
