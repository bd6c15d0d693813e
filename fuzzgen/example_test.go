package fuzzgen_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/fuzzgen"
)

// The body of a fuzz target: the fuzzer's bytes choose the case. With no
// bytes left, every choice is the simplest.
func ExampleFromBytes() {
	data := []byte{} // f.Fuzz(func(t *testing.T, data []byte) { ... })
	c := fuzzgen.FromBytes(data).Next()
	fmt.Println(c.Mode, c.Field, c.Lines)
	fmt.Println(c.Challenges[0].Scheme, c.Challenges[0].Params)
	// Output:
	// valid www-authenticate [Basic realm=x]
	// Basic [realm="x"]
}

// A repeatable batch: the same seed gives the same cases.
func ExampleNew() {
	a, b := fuzzgen.New(42), fuzzgen.New(42)
	for range 4 {
		x, y := a.Next(), b.Next()
		fmt.Println(x.Mode, x.Field, "rejected:", x.Err != nil, "same:", slices.Equal(x.Lines, y.Lines))
	}
	// Output:
	// hostile authorization rejected: true same: true
	// valid authentication-info rejected: false same: true
	// hostile www-authenticate rejected: true same: true
	// near-valid www-authenticate rejected: true same: true
}

// A near-valid case: strict parsing rejects it at Err, lenient parsing
// accepts it with the warnings listed.
func ExampleGenerator_Case() {
	g := fuzzgen.New(1)
	for range 3 {
		c := g.Case(fuzzgen.Challenges, fuzzgen.NearValid)
		var names []string
		for _, k := range c.Warnings {
			names = append(names, fuzzgen.DeviationName(k))
		}
		fmt.Printf("strict: error at line %d, offset %d; lenient: %s\n", c.Err.Line, c.Err.Offset, strings.Join(names, ", "))
	}
	// Output:
	// strict: error at line 0, offset 211; lenient: single-quotes, space-in-value
	// strict: error at line 0, offset 35; lenient: semicolon-separator
	// strict: error at line 2, offset 134; lenient: loose-value
}

// The dictionary, for afl-fuzz -x or a libFuzzer -dict file.
func ExampleWriteDictionary() {
	var b bytes.Buffer
	fuzzgen.WriteDictionary(&b)
	lines := strings.Split(b.String(), "\n")
	fmt.Println(strings.Join(lines[:4], "\n"))
	// Output:
	// t0=" "
	// t1="\x09"
	// t2=","
	// t3=", "
}

// A case's field says which parser to call; its String is the field name
// of the command-line protocol.
func ExampleField() {
	for _, f := range []fuzzgen.Field{fuzzgen.Challenges, fuzzgen.Credentials, fuzzgen.Params} {
		fmt.Println(f)
	}
	// Output:
	// www-authenticate
	// authorization
	// authentication-info
}

func ExampleMode() {
	g := fuzzgen.New(3)
	for _, m := range []fuzzgen.Mode{fuzzgen.Valid, fuzzgen.NearValid, fuzzgen.Hostile} {
		c := g.Case(fuzzgen.Params, m)
		fmt.Println(m, "rejected by a strict parser:", c.Err != nil, "warnings:", len(c.Warnings) > 0)
	}
	// Output:
	// valid rejected by a strict parser: false warnings: false
	// near-valid rejected by a strict parser: true warnings: true
	// hostile rejected by a strict parser: true warnings: false
}

// The class of error tells a limit from a grammar error.
func ExampleErrClass() {
	g := fuzzgen.New(1)
	limits := 0
	for range 2000 {
		if c := g.Case(fuzzgen.Challenges, fuzzgen.Hostile); c.Err.Class == fuzzgen.ErrLimit {
			limits++
		}
	}
	fmt.Println(fuzzgen.ErrLimit, limits > 0)
	// Output:
	// limit true
}

// Where a strict parser must fail, from the golden case of an
// unterminated quoted-string.
func ExampleFault() {
	for _, c := range fuzzgen.Golden() {
		if c.Name == "golden/unterminated-quote" {
			fmt.Printf("%q: line %d, offset %d, %s\n", c.Lines, c.Err.Line, c.Err.Offset, c.Err.Class)
		}
	}
	// Output:
	// ["Basic realm=\"x"]: line 0, offset 12, syntax
}

// A valid case carries the values a strict parser returns.
func ExampleCase() {
	for _, c := range fuzzgen.Golden() {
		if c.Name == "golden/rfc9110-newauth" {
			fmt.Printf("%q\n", c.Lines)
			for _, ch := range c.Challenges {
				fmt.Println(ch.Scheme, ch.Params)
			}
		}
	}
	// Output:
	// ["Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\""]
	// Newauth [realm="apps" type=1 title="Login to \"apps\""]
	// Basic [realm="simple"]
}

func ExampleCategory() {
	fmt.Println(fuzzgen.CatToken68, fuzzgen.CatEmpty, fuzzgen.CatSplitting)
	// Output:
	// token68 empty-elements header-splitting
}

func ExampleCategories() {
	fmt.Println(len(fuzzgen.Categories()), fuzzgen.Categories()[0])
	// Output:
	// 22 token68
}

func ExampleParseCategory() {
	c, ok := fuzzgen.ParseCategory("escapes")
	fmt.Println(c == fuzzgen.CatEscapes, ok)
	// Output:
	// true true
}

func ExampleCase_HasCategory() {
	g := fuzzgen.New(5)
	for {
		c := g.Case(fuzzgen.Challenges, fuzzgen.Valid)
		if c.HasCategory(fuzzgen.CatLines) {
			fmt.Println(len(c.Lines) > 1)
			break
		}
	}
	// Output:
	// true
}

func ExampleDictionary() {
	d := fuzzgen.Dictionary()
	fmt.Println(slices.Contains(d, `\"`), slices.Contains(d, "Digest"), slices.Contains(d, "\r\n"))
	// Output:
	// true true true
}

// One generator makes one case after another.
func ExampleGenerator() {
	g := fuzzgen.New(7)
	modes := map[fuzzgen.Mode]int{}
	for range 300 {
		modes[g.Next().Mode]++
	}
	fmt.Println(modes[fuzzgen.Valid] > 0, modes[fuzzgen.NearValid] > 0, modes[fuzzgen.Hostile] > 0)
	// Output:
	// true true true
}

// A campaign against a Digest-only parser: every challenge is Digest.
func ExampleGenerator_UseSchemes() {
	g := fuzzgen.New(2)
	g.UseSchemes("Digest")
	c := g.Case(fuzzgen.Challenges, fuzzgen.Valid)
	for _, ch := range c.Challenges {
		fmt.Println(strings.EqualFold(ch.Scheme, "digest"))
	}
	// Output:
	// true
}

func ExampleGenerator_Next() {
	c := fuzzgen.FromBytes([]byte{1, 2}).Next()
	fmt.Println(c.Field, c.Mode)
	// Output:
	// authorization hostile
}

func ExampleGolden() {
	n := map[fuzzgen.Mode]int{}
	for _, c := range fuzzgen.Golden() {
		n[c.Mode]++
	}
	fmt.Println(n[fuzzgen.Valid] > 100, n[fuzzgen.NearValid] > 10, n[fuzzgen.Hostile] > 10)
	// Output:
	// true true true
}

func ExampleDeviationName() {
	fmt.Println(fuzzgen.DeviationName(httpauth.WarnObsFold), fuzzgen.DeviationName(httpauth.WarnMissingComma))
	// Output:
	// obs-fold missing-comma
}

// The deviations of Authorization values a lenient parser recovers from.
func ExampleDeviations() {
	for _, k := range fuzzgen.Deviations(fuzzgen.Credentials) {
		fmt.Println(fuzzgen.DeviationName(k))
	}
	// Output:
	// obs-fold
	// tab-after-scheme
	// semicolon-after-scheme
	// unterminated-quote
	// loose-value
	// space-in-value
	// missing-comma
	// semicolon-separator
	// single-quotes
	// opaque-credentials
	// too-many-deviations
}

// A case of more deviations than a parser keeps warnings for is built
// around the drop, not around its first deviation.
func ExampleCase_Deviation() {
	g := fuzzgen.New(1)
	for _, k := range []httpauth.WarningKind{httpauth.WarnOpaqueCredentials, httpauth.WarnDropped} {
		for {
			c := g.Case(fuzzgen.Credentials, fuzzgen.NearValid)
			if c.Deviation() == k {
				fmt.Println(fuzzgen.DeviationName(c.Deviation()), len(c.Warnings), fuzzgen.DeviationName(c.Warnings[0]))
				break
			}
		}
	}
	// Output:
	// opaque-credentials 1 opaque-credentials
	// too-many-deviations 65 loose-value
}
