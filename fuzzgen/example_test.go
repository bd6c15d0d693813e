package fuzzgen_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

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
	// Basic [{realm x}]
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
	// strict: error at line 0, offset 227; lenient: stray-param
	// strict: error at line 1, offset 14; lenient: space-in-value
	// strict: error at line 0, offset 28; lenient: duplicate-param
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
