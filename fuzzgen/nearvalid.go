package fuzzgen

import (
	"strings"

	"github.com/authwire/httpauth"
)

// deviation is one near-valid deviation: a kind of warning of a lenient
// httpauth.Parser, the fields it occurs in, and how a model is changed to
// hold exactly one of it. build returns the kinds of the warnings a
// lenient parser gives, in order.
type deviation struct {
	kind   httpauth.WarningKind
	name   string
	fields []Field
	build  func(g *Generator, m *model) []httpauth.WarningKind
}

var (
	allFields  = []Field{Challenges, Credentials, Params}
	listFields = []Field{Challenges, Params}
	authFields = []Field{Challenges, Credentials}
)

// deviations has one entry per recovery of lenient mode
// (httpauth.WarningKind). A new kind of warning gets its entry here: the
// fields where the parser recovers from it, and a build function that
// writes exactly one such deviation into a valid model and records where
// strict parsing fails.
var deviations = []deviation{
	{httpauth.WarnObsFold, "obs-fold", allFields, (*Generator).devObsFold},
	{httpauth.WarnTabAfterScheme, "tab-after-scheme", authFields, (*Generator).devTabAfterScheme},
	{httpauth.WarnSemicolonAfterScheme, "semicolon-after-scheme", authFields, (*Generator).devSemicolonAfterScheme},
	{httpauth.WarnCommaAfterScheme, "comma-after-scheme", []Field{Challenges}, (*Generator).devCommaAfterScheme},
	{httpauth.WarnUnterminatedQuote, "unterminated-quote", allFields, (*Generator).devUnterminated},
	{httpauth.WarnLooseValue, "loose-value", allFields, (*Generator).devLooseValue},
	{httpauth.WarnSpaceInValue, "space-in-value", allFields, (*Generator).devSpaceInValue},
	{httpauth.WarnMissingComma, "missing-comma", allFields, (*Generator).devMissingComma},
	{httpauth.WarnMissingCommaScheme, "missing-comma-scheme", []Field{Challenges}, (*Generator).devMissingCommaScheme},
	{httpauth.WarnSemicolonSeparator, "semicolon-separator", allFields, (*Generator).devSemicolonSeparator},
	{httpauth.WarnDuplicateParam, "duplicate-param", listFields, (*Generator).devDuplicate},
	{httpauth.WarnSingleQuotes, "single-quotes", allFields, (*Generator).devSingleQuotes},
	{httpauth.WarnSkippedChallenge, "skipped-challenge", []Field{Challenges}, (*Generator).devSkippedChallenge},
	{httpauth.WarnSkippedParam, "skipped-param", listFields, (*Generator).devSkippedParam},
	{httpauth.WarnStrayParam, "stray-param", []Field{Challenges}, (*Generator).devStrayParam},
	{httpauth.WarnOpaqueCredentials, "opaque-credentials", []Field{Credentials}, (*Generator).devOpaqueCredentials},
	{httpauth.WarnDropped, "too-many-deviations", allFields, (*Generator).devDropped},
}

// DeviationName returns a short name of the deviation a lenient parser
// reports with warnings of kind k ("obs-fold", "tab-after-scheme", ...),
// or "" for a kind the generator does not build.
func DeviationName(k httpauth.WarningKind) string {
	for _, d := range deviations {
		if d.kind == k {
			return d.name
		}
	}
	return ""
}

// Deviations returns the warning kinds the generator builds near-valid
// cases for in field f.
func Deviations(f Field) []httpauth.WarningKind {
	var out []httpauth.WarningKind
	for _, d := range deviations {
		for _, x := range d.fields {
			if x == f {
				out = append(out, d.kind)
			}
		}
	}
	return out
}

// nearValid returns a near-valid case of field f.
func (g *Generator) nearValid(f Field) Case {
	var ds []*deviation
	for i := range deviations {
		for _, x := range deviations[i].fields {
			if x == f {
				ds = append(ds, &deviations[i])
			}
		}
	}
	d := ds[g.n(len(ds))]
	return g.nearValidOf(f, d)
}

func (g *Generator) nearValidOf(f Field, d *deviation) Case {
	m := g.newModel(f)
	warns := d.build(g, m)
	b := g.render(m)
	c := Case{Field: f, Mode: NearValid, Lines: b.finish(), Warnings: warns}
	c.Err = b.strictFault()
	if c.Err == nil {
		panic("fuzzgen: near-valid deviation " + d.name + " recorded no fault")
	}
	c.Categories = []Category{CatLenient}
	return c
}

// params returns a parameter list of the model with at least k
// parameters: of a challenge it chooses (made one with parameters if it
// is not), of the credentials, or the list.
func (g *Generator) params(m *model, k int) *[]param {
	if m.f == Params {
		if len(m.list) < k {
			m.list = append(m.list, g.moreParams(m.list, k-len(m.list))...)
		}
		return &m.list
	}
	a := &m.auths[g.n(len(m.auths))]
	g.toParams(a, k)
	return &a.params
}

// toParams makes a an auth with at least k parameters.
func (g *Generator) toParams(a *auth, k int) {
	if a.t68 != "" || a.bare {
		a.t68, a.bare, a.params = "", false, nil
	}
	if len(a.params) < k {
		a.params = append(a.params, g.moreParams(a.params, k-len(a.params))...)
	}
}

// moreParams returns k parameters whose names differ from those of ps.
func (g *Generator) moreParams(ps []param, k int) []param {
	var taken []string
	for _, p := range ps {
		taken = append(taken, p.name)
	}
	out := make([]param, 0, k)
	for _, n := range g.names(len(taken) + k)[len(taken):] {
		for hasName(taken, n) {
			n += "x"
		}
		taken = append(taken, n)
		out = append(out, g.value(n))
	}
	return out
}

// word returns a short alphanumeric word.
func (g *Generator) word() string { return g.token(alnum, 8) }

// chooseAuth returns an auth of the model that has data (a token68 or
// parameters), made one with parameters if none has.
func (g *Generator) chooseAuth(m *model) *auth {
	a := &m.auths[g.n(len(m.auths))]
	if a.bare {
		g.toParams(a, 1)
	}
	return a
}

func (g *Generator) devObsFold(m *model) []httpauth.WarningKind {
	if g.chance(1, 2) {
		// In a quoted-string: "a\r\n b".
		ps := *g.params(m, 1)
		p := &ps[g.n(len(ps))]
		w1, w2 := g.word(), g.word()
		p.text, p.value, p.quoted = `"`+w1+"\r\n "+w2+`"`, w1+" "+w2, true
		p.fault.valueAt = 1 + len(w1)
	} else {
		// Between two elements: ",\r\n b=c".
		ps := *g.params(m, 2)
		ps[1+g.n(len(ps)-1)].fault.gapBefore = gapFold
	}
	return []httpauth.WarningKind{httpauth.WarnObsFold}
}

func (g *Generator) devTabAfterScheme(m *model) []httpauth.WarningKind {
	a := g.chooseAuth(m)
	a.schemeSep, a.sepFault = "\t", true
	return []httpauth.WarningKind{httpauth.WarnTabAfterScheme}
}

func (g *Generator) devSemicolonAfterScheme(m *model) []httpauth.WarningKind {
	a := g.chooseAuth(m)
	a.schemeSep, a.sepFault = g.pick([]string{"; ", ";"}), true
	return []httpauth.WarningKind{httpauth.WarnSemicolonAfterScheme}
}

func (g *Generator) devCommaAfterScheme(m *model) []httpauth.WarningKind {
	a := &m.auths[g.n(len(m.auths))]
	g.toParams(a, 1)
	a.schemeSep = ", "
	a.params[0].fault.name = true // strict: a parameter without a scheme
	return []httpauth.WarningKind{httpauth.WarnCommaAfterScheme}
}

// devUnterminated leaves the last quoted-string of the field open.
func (g *Generator) devUnterminated(m *model) []httpauth.WarningKind {
	var ps *[]param
	if m.f == Params {
		ps = g.params(m, 1)
	} else {
		a := &m.auths[len(m.auths)-1]
		g.toParams(a, 1)
		ps = &a.params
	}
	p := &(*ps)[len(*ps)-1]
	text, _ := g.quoted()
	p.text, p.quoted = text[:len(text)-1], true
	p.fault.valueAt, p.fault.stop = 0, true
	return []httpauth.WarningKind{httpauth.WarnUnterminatedQuote}
}

func (g *Generator) devLooseValue(m *model) []httpauth.WarningKind {
	ps := *g.params(m, 1)
	g.looseValue(&ps[g.n(len(ps))])
	return []httpauth.WarningKind{httpauth.WarnLooseValue}
}

// looseValue gives p an unquoted value holding a character outside token
// ("a/b"), where strict parsing fails.
func (g *Generator) looseValue(p *param) {
	w1, w2 := g.word(), g.word()
	c := "/:;@()<>?[]{}"[g.n(13)]
	p.text, p.quoted = w1+string(c)+w2, false
	p.value = p.text
	p.fault.valueAt = len(w1)
}

func (g *Generator) devSpaceInValue(m *model) []httpauth.WarningKind {
	ps := *g.params(m, 1)
	p := &ps[g.n(len(ps))]
	w1, w2 := g.word(), g.word()
	p.text, p.quoted = w1+" "+w2, false
	p.value = p.text
	p.fault.valueAt = len(w1) + 1
	return []httpauth.WarningKind{httpauth.WarnSpaceInValue}
}

func (g *Generator) devMissingComma(m *model) []httpauth.WarningKind {
	ps := *g.params(m, 2)
	p := &ps[1+g.n(len(ps)-1)]
	p.fault.gapBefore, p.fault.name = gapSpace, true
	return []httpauth.WarningKind{httpauth.WarnMissingComma}
}

func (g *Generator) devMissingCommaScheme(m *model) []httpauth.WarningKind {
	if len(m.auths) < 2 {
		m.auths = append(m.auths, g.newAuth(3))
	}
	i := 1 + g.n(len(m.auths)-1)
	g.toParams(&m.auths[i-1], 1)
	a := &m.auths[i]
	g.toParams(a, 1)
	a.gapBefore, a.faultClass, a.schemeSep = gapSpace, ErrSyntax, " "
	return []httpauth.WarningKind{httpauth.WarnMissingCommaScheme}
}

func (g *Generator) devSemicolonSeparator(m *model) []httpauth.WarningKind {
	ps := *g.params(m, 2)
	j := 1 + g.n(len(ps)-1)
	prev := &ps[j-1]
	prev.text, prev.value = g.quoted()
	prev.quoted = true
	ps[j].fault.gapBefore = gapSemicolon
	return []httpauth.WarningKind{httpauth.WarnSemicolonSeparator}
}

// dupName returns a name equal to n ASCII case-insensitively.
func (g *Generator) dupName(n string) string {
	switch g.n(3) {
	case 1:
		return swapCase(n)
	case 2:
		return strings.ToUpper(n) // names are tokens: ASCII
	}
	return n
}

// duplicate makes a parameter of a list repeat an earlier name; now and
// then in a long list, past the first 16 parameters, where a parser may
// stop comparing names one by one.
func (g *Generator) duplicate(m *model) {
	k, first := 2, 1
	if g.chance(1, 4) {
		k, first = 18+g.n(32), 17
	}
	ps := *g.params(m, k)
	j := first + g.n(len(ps)-first)
	p := &ps[j]
	p.name = g.dupName(ps[g.n(j)].name)
	p.fault.name, p.fault.class = true, ErrDuplicate
}

func (g *Generator) devDuplicate(m *model) []httpauth.WarningKind {
	g.duplicate(m)
	return []httpauth.WarningKind{httpauth.WarnDuplicateParam}
}

func (g *Generator) devSingleQuotes(m *model) []httpauth.WarningKind {
	ps := *g.params(m, 1)
	p := &ps[g.n(len(ps))]
	w1, w2 := g.word(), g.word()
	p.text, p.quoted = "'"+w1+" "+w2+"'", false
	p.value = w1 + " " + w2
	p.fault.valueAt = 1 + len(w1) + 1
	return []httpauth.WarningKind{httpauth.WarnSingleQuotes, httpauth.WarnSpaceInValue}
}

// badParam returns a parameter called name with no value ("c="), which
// strict parsing rejects where the value should start.
func badParam(name string) param {
	p := param{name: name, fault: noFault}
	p.fault.valueAt, p.fault.noBWS = 0, true
	return p
}

// opaqueData returns data that is neither a token68 nor a parameter list,
// in the shapes of shared-key and legacy signature schemes ("account:c2ln")
// and of unquoted text ("gin jwt"), and the offset in it where strict
// parsing fails: the byte after the first word, where a parameter's "="
// must come.
func (g *Generator) opaqueData() (data string, fault int) {
	w1 := g.word()
	if g.chance(1, 2) {
		return w1 + " " + g.word(), len(w1) + 1
	}
	return w1 + ":" + g.token(t68Chars, 24) + strings.Repeat("=", g.n(3)), len(w1)
}

// devSkippedChallenge inserts a challenge whose data is neither a token68
// nor a parameter list, with the parameters that follow it, which lenient
// parsing drops with it.
func (g *Generator) devSkippedChallenge(m *model) []httpauth.WarningKind {
	a := auth{scheme: g.scheme()}
	a.data, a.dataFault = g.opaqueData()
	if g.chance(1, 2) {
		a.params = g.newParams(1 + g.n(2))
	}
	i := g.n(len(m.auths) + 1)
	m.auths = append(m.auths[:i], append([]auth{a}, m.auths[i:]...)...)
	return []httpauth.WarningKind{httpauth.WarnSkippedChallenge}
}

// devSkippedParam inserts a parameter with no value ("c=") into a
// challenge or a list: lenient parsing drops it alone and keeps the
// parameters around it. In a challenge it comes after a parameter: right
// after the scheme, "c=" is a token68.
func (g *Generator) devSkippedParam(m *model) []httpauth.WarningKind {
	ps, j := &m.list, g.n(len(m.list)+1)
	if m.f == Challenges {
		a := &m.auths[g.n(len(m.auths))]
		g.toParams(a, 1)
		ps, j = &a.params, 1+g.n(len(a.params))
	}
	p := badParam("c" + g.word())
	for hasParamName(*ps, p.name) {
		p.name += "x"
	}
	*ps = append((*ps)[:j], append([]param{p}, (*ps)[j:]...)...)
	return []httpauth.WarningKind{httpauth.WarnSkippedParam}
}

// devOpaqueCredentials makes the credentials' data neither a token68 nor
// a parameter list ("SharedKey account:c2ln"): lenient parsing reads it
// whole as an opaque value.
func (g *Generator) devOpaqueCredentials(m *model) []httpauth.WarningKind {
	a := &m.auths[0]
	a.t68, a.bare, a.params = "", false, nil
	a.data, a.dataFault = g.opaqueData()
	return []httpauth.WarningKind{httpauth.WarnOpaqueCredentials}
}

// devDropped writes more deviations than the default limit of warnings
// (httpauth.DefaultMaxWarnings): that many unquoted values holding a
// character outside token and a few more, in one list. A lenient parser
// keeps the limit's number of warnings and ends the list with one of kind
// WarnDropped.
func (g *Generator) devDropped(m *model) []httpauth.WarningKind {
	n := httpauth.DefaultMaxWarnings + 1 + g.n(4)
	ps := *g.params(m, n)
	for i := range ps[:n] {
		g.looseValue(&ps[i])
	}
	warns := make([]httpauth.WarningKind, httpauth.DefaultMaxWarnings, httpauth.DefaultMaxWarnings+1)
	for i := range warns {
		warns[i] = httpauth.WarnLooseValue
	}
	return append(warns, httpauth.WarnDropped)
}

func hasParamName(ps []param, n string) bool {
	for _, p := range ps {
		if httpauth.EqualFold(p.name, n) {
			return true
		}
	}
	return false
}

func (g *Generator) devStrayParam(m *model) []httpauth.WarningKind {
	a := &m.auths[g.n(len(m.auths))]
	if a.t68 == "" {
		a.t68, a.bare = g.token68(), false
	}
	a.params = g.newParams(1 + g.n(2))
	a.params[0].fault.name = true
	return []httpauth.WarningKind{httpauth.WarnStrayParam}
}
