package bench

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Verdict is how one implementation did on one case.
type Verdict uint8

const (
	NA       Verdict = iota // not run: another field, or no scheme it handles
	OK                      // the expected value, or an invalid input refused
	Wrong                   // a value other than the expected one
	Rejected                // an error, or nothing, for a valid input
	Accepted                // a value for an input a strict parser must refuse
	Panicked                // it panicked
)

// Mark is the symbol of v in the tables.
func (v Verdict) Mark() string {
	return [...]string{"·", "✓", "✗ wrong", "✗ rejected", "~ accepted", "✗ panic"}[v]
}

// Result is the verdict of one implementation on one case, with what it
// returned and what it was expected to return (after the impl's View).
type Result struct {
	Impl    *Impl
	Case    *Case
	Verdict Verdict
	Got     []Auth
	Want    []Auth
	Err     error
}

// Grade runs impl on c and judges the answer. httpauth is compared exactly
// (schemes and names as written, params in order); the others after
// normalization: schemes and names compare case-insensitively and params as
// a set, since most of them return maps.
func Grade(im *Impl, c *Case) (r Result) {
	r = Result{Impl: im, Case: c}
	if !im.Handles(c) {
		return r
	}
	defer func() {
		if p := recover(); p != nil {
			r.Verdict, r.Err = Panicked, fmt.Errorf("panic: %v", p)
		}
	}()
	r.Got, r.Err = im.Parse(c)
	if c.WantErr {
		if r.Err != nil || len(r.Got) == 0 {
			r.Verdict = OK
		} else {
			r.Verdict = Accepted
		}
		return r
	}
	r.Want = c.Want
	if im.View != nil {
		r.Want = im.View(c.Want)
	}
	switch {
	case r.Err != nil || (len(r.Got) == 0 && len(r.Want) > 0):
		r.Verdict = Rejected
	case IsHTTPAuth(im) && slices.EqualFunc(r.Got, r.Want, exactEqual):
		r.Verdict = OK
	case !IsHTTPAuth(im) && slices.EqualFunc(normalize(r.Got), normalize(r.Want), exactEqual):
		r.Verdict = OK
	default:
		r.Verdict = Wrong
	}
	return r
}

// IsHTTPAuth reports whether im is one of httpauth's own APIs.
func IsHTTPAuth(im *Impl) bool { return strings.HasPrefix(im.Name, "httpauth") }

func exactEqual(a, b Auth) bool {
	return a.Scheme == b.Scheme && a.Token68 == b.Token68 && slices.Equal(a.Params, b.Params)
}

func normalize(as []Auth) []Auth {
	out := make([]Auth, len(as))
	for i, a := range as {
		n := Auth{Scheme: strings.ToLower(a.Scheme), Token68: a.Token68}
		for _, p := range a.Params {
			n.Params = append(n.Params, Param{strings.ToLower(p.Name), p.Value})
		}
		slices.SortFunc(n.Params, func(x, y Param) int {
			if c := strings.Compare(x.Name, y.Name); c != 0 {
				return c
			}
			return strings.Compare(x.Value, y.Value)
		})
		out[i] = n
	}
	return out
}

// ImplNames returns the implementation names in table order.
func ImplNames() []string {
	var names []string
	for _, im := range Impls {
		if !slices.Contains(names, im.Name) {
			names = append(names, im.Name)
		}
	}
	return names
}

// ImplFor returns the implementation called name for c's field, or nil.
func ImplFor(name string, c *Case) *Impl {
	for _, im := range Impls {
		if im.Name == name && im.Field == c.Field {
			return im
		}
	}
	return nil
}

// Report holds every verdict: Results[i][j] is case i, implementation
// ImplNames()[j].
type Report struct {
	Cases   []*Case
	Names   []string
	Results [][]Result
}

// Run grades every implementation on every case.
func Run(cases []*Case) *Report {
	rep := &Report{Cases: cases, Names: ImplNames()}
	for _, c := range cases {
		row := make([]Result, len(rep.Names))
		for j, n := range rep.Names {
			if im := ImplFor(n, c); im != nil {
				row[j] = Grade(im, c)
			} else {
				row[j] = Result{Case: c}
			}
		}
		rep.Results = append(rep.Results, row)
	}
	return rep
}

// Tags lists the tags of the summary, in order.
var Tags = []string{TagRealistic, TagMulti, TagLines, TagToken68, TagEscape, TagBWS, TagEmpty, TagDup, TagInvalid, TagLenient}

// WriteMarkdown writes the per-case table and the per-tag summary of the
// hand-written corpus (the cases of the benchmarks, whose verdicts the
// speed tables' "correct" column shows) and, for the cases details selects
// (nil: none), what each failing implementation returned. Golden inputs
// are left out: the conformance kit's table (../conformance/README.md,
// reproduced by its table.sh) runs every parser on them, on generated
// values and on more parsers, and is the table of record.
func (rep *Report) WriteMarkdown(w io.Writer, details func(*Case) bool) {
	corpus := &Report{Names: rep.Names}
	for i, c := range rep.Cases {
		if c.Source == "corpus" {
			corpus.Cases = append(corpus.Cases, c)
			corpus.Results = append(corpus.Results, rep.Results[i])
		}
	}
	rep = corpus
	fmt.Fprintf(w, "| case | field | tags |")
	for _, n := range rep.Names {
		fmt.Fprintf(w, " %s |", n)
	}
	fmt.Fprintf(w, "\n|---|---|---|%s\n", strings.Repeat("---|", len(rep.Names)))
	for i, c := range rep.Cases {
		fmt.Fprintf(w, "| %s | %s | %s |", c.Name, c.Field, strings.Join(c.Tags, ", "))
		for _, r := range rep.Results[i] {
			fmt.Fprintf(w, " %s |", r.Verdict.Mark())
		}
		fmt.Fprintln(w)
	}

	fmt.Fprintf(w, "\nCorrect answers out of the cases each one runs, per feature:\n\n| feature |")
	for _, n := range rep.Names {
		fmt.Fprintf(w, " %s |", n)
	}
	fmt.Fprintf(w, "\n|---|%s\n", strings.Repeat("---|", len(rep.Names)))
	for _, t := range append([]string{"all"}, Tags...) {
		fmt.Fprintf(w, "| %s |", t)
		for j := range rep.Names {
			ok, run := 0, 0
			for i, c := range rep.Cases {
				r := rep.Results[i][j]
				if r.Verdict == NA || (t != "all" && !c.HasTag(t)) {
					continue
				}
				run++
				if r.Verdict == OK {
					ok++
				}
			}
			if run == 0 {
				fmt.Fprintf(w, " · |")
			} else {
				fmt.Fprintf(w, " %d/%d |", ok, run)
			}
		}
		fmt.Fprintln(w)
	}
	if details == nil {
		return
	}
	fmt.Fprintf(w, "\nWhat each ✗ and ~ returned:\n\n")
	for i, c := range rep.Cases {
		if !details(c) {
			continue
		}
		for _, r := range rep.Results[i] {
			if r.Verdict == NA || r.Verdict == OK {
				continue
			}
			fmt.Fprintf(w, "- %s / %s: %s", r.Case.Name, r.Impl.Name, r.Verdict.Mark())
			if r.Err != nil {
				fmt.Fprintf(w, ": error %q", r.Err.Error())
			} else {
				fmt.Fprintf(w, ": got `%s`", FormatAuths(r.Got))
			}
			if !r.Case.WantErr {
				fmt.Fprintf(w, ", want `%s`", FormatAuths(r.Want))
			}
			fmt.Fprintln(w)
		}
	}
}

// FormatAuths prints as in a compact, unambiguous form for the tables.
func FormatAuths(as []Auth) string {
	if len(as) == 0 {
		return "(nothing)"
	}
	var b strings.Builder
	for i, a := range as {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(a.Scheme)
		if a.Token68 != "" {
			t := a.Token68
			if len(t) > 24 {
				t = t[:10] + "…" + t[len(t)-10:]
			}
			fmt.Fprintf(&b, " t68=%s", t)
		}
		for _, p := range a.Params {
			v := p.Value
			if len(v) > 40 {
				v = v[:18] + "…" + v[len(v)-18:]
			}
			fmt.Fprintf(&b, " %s=%q", p.Name, v)
		}
	}
	return b.String()
}

// All selects every case for WriteMarkdown's details.
func All(*Case) bool { return true }

// FromCorpus selects the hand-written cases.
func FromCorpus(c *Case) bool { return c.Source == "corpus" }
