package fuzzgen_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/fuzzgen"
)

// The generator's oracle is computed from what it built, never by calling
// the parser; these tests hold httpauth's strict parser (and, for
// near-valid cases, its lenient parser) to it:
//   - valid: accepted, with exactly the predicted values;
//   - hostile and near-valid: rejected at the predicted line and offset,
//     with an error of the predicted class;
//   - near-valid: a lenient Parser accepts, with warnings of exactly the
//     predicted kinds, in order.

// errClass returns the class of a parse error, by the sentinel it wraps.
func errClass(err error) fuzzgen.ErrClass {
	switch {
	case errors.Is(err, httpauth.ErrLimit):
		return fuzzgen.ErrLimit
	case errors.Is(err, httpauth.ErrDuplicateParam):
		return fuzzgen.ErrDuplicate
	case errors.Is(err, httpauth.ErrEmpty):
		return fuzzgen.ErrEmpty
	}
	return fuzzgen.ErrSyntax
}

// rawAuth is a challenge or credentials without the redaction of
// Credentials, for comparing and printing.
type rawAuth struct {
	Scheme, Token68 string
	Params          httpauth.Params
}

// strictParse parses c's lines in strict mode and returns the values as
// rawAuths (a Params field is one rawAuth with no scheme).
func strictParse(p *httpauth.Parser, c *fuzzgen.Case) ([]rawAuth, error) {
	switch c.Field {
	case fuzzgen.Challenges:
		cs, err := p.ParseChallenges(nil, c.Lines...)
		out := make([]rawAuth, len(cs))
		for i, x := range cs {
			out[i] = rawAuth(x)
		}
		return out, err
	case fuzzgen.Credentials:
		if len(c.Lines) != 1 {
			return nil, fmt.Errorf("a credentials case of %d lines", len(c.Lines))
		}
		cr, err := p.ParseCredentials(nil, c.Lines[0])
		if err != nil {
			return nil, err
		}
		return []rawAuth{rawAuth(cr)}, nil
	}
	ps, err := p.ParseParams(nil, c.Lines...)
	if err != nil {
		return nil, err
	}
	return []rawAuth{{Params: ps}}, nil
}

// want returns the oracle's values as rawAuths.
func want(c *fuzzgen.Case) []rawAuth {
	switch c.Field {
	case fuzzgen.Challenges:
		out := make([]rawAuth, len(c.Challenges))
		for i, x := range c.Challenges {
			out[i] = rawAuth(x)
		}
		return out
	case fuzzgen.Credentials:
		return []rawAuth{rawAuth(c.Credentials)}
	}
	return []rawAuth{{Params: c.Params}}
}

// checkOracle reports where httpauth departs from c's oracle.
func checkOracle(t *testing.T, c *fuzzgen.Case) {
	t.Helper()
	var strict httpauth.Parser
	got, err := strictParse(&strict, c)
	if c.Err == nil {
		if err != nil {
			t.Fatalf("%s %s %q: strict parse: %v, want success", c.Mode, c.Field, c.Lines, err)
		}
		if d := cmp.Diff(want(c), got, cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("%s %s %q: values differ (-oracle +parser):\n%s", c.Mode, c.Field, c.Lines, d)
		}
	} else {
		var se *httpauth.SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("%s %s %q: strict parse: %v, want a *SyntaxError at line %d, offset %d (%s)", c.Mode, c.Field, c.Lines, err, c.Err.Line, c.Err.Offset, c.Err.Class)
		}
		if se.Line != c.Err.Line || se.Offset != c.Err.Offset || errClass(err) != c.Err.Class {
			t.Fatalf("%s %s %q: strict parse: %v (%s), want line %d, offset %d (%s)", c.Mode, c.Field, c.Lines, err, errClass(err), c.Err.Line, c.Err.Offset, c.Err.Class)
		}
	}
	switch c.Mode {
	case fuzzgen.Valid:
		if c.Err != nil {
			t.Fatalf("valid case with an error: %+v", c)
		}
	case fuzzgen.Hostile:
		if c.Err == nil {
			t.Fatalf("hostile case without an error: %q", c.Lines)
		}
	case fuzzgen.NearValid:
		if c.Err == nil || len(c.Warnings) == 0 {
			t.Fatalf("near-valid case %q without an error or a warning", c.Lines)
		}
		lenient := httpauth.Parser{Lenient: true}
		if _, err := strictParse(&lenient, c); err != nil {
			t.Fatalf("near-valid %s (%s) %q: lenient parse: %v, want success", c.Field, c.Warnings, c.Lines, err)
		}
		var kinds []httpauth.WarningKind
		for _, w := range lenient.Warnings() {
			kinds = append(kinds, w.Kind)
		}
		if !slicesEqual(kinds, c.Warnings) {
			t.Fatalf("near-valid %s %q: lenient warnings %v, want %v", c.Field, c.Lines, kinds, c.Warnings)
		}
	default:
		t.Fatalf("unknown mode %d", c.Mode)
	}
	if len(c.Categories) == 0 {
		t.Fatalf("%s %s %q: no category", c.Mode, c.Field, c.Lines)
	}
}

func slicesEqual(a, b []httpauth.WarningKind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzOracle builds a case from the fuzzer's bytes, as another project's
// fuzz target would, and holds httpauth's parser to its oracle.
func FuzzOracle(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x00\x00\x00"))
	f.Add([]byte("\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a"))
	for seed := range uint64(64) {
		// Seeds that reach every mode and field: a byte for each.
		f.Add([]byte{byte(seed % 3), byte(seed / 3 % 3), byte(seed), byte(seed * 7), byte(seed * 13), 0xff, byte(seed * 31)})
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := fuzzgen.FromBytes(data).Next()
		checkOracle(t, &c)
	})
}

// TestOracleSeeded checks a few thousand seeded cases of every field and
// mode.
func TestOracleSeeded(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 50
	}
	g := fuzzgen.New(1)
	for _, f := range []fuzzgen.Field{fuzzgen.Challenges, fuzzgen.Credentials, fuzzgen.Params} {
		for _, m := range []fuzzgen.Mode{fuzzgen.Valid, fuzzgen.NearValid, fuzzgen.Hostile} {
			t.Run(f.String()+"/"+m.String(), func(t *testing.T) {
				for range n {
					c := g.Case(f, m)
					if c.Field != f || c.Mode != m {
						t.Fatalf("Case(%s, %s) returned a %s %s case", f, m, c.Mode, c.Field)
					}
					checkOracle(t, &c)
				}
			})
		}
	}
}

// TestShortInputs: when the bytes run out, every choice is the simplest.
func TestShortInputs(t *testing.T) {
	c := fuzzgen.FromBytes(nil).Next()
	if c.Field != fuzzgen.Challenges || c.Mode != fuzzgen.Valid {
		t.Fatalf("FromBytes(nil).Next() is a %s %s case, want a valid www-authenticate one", c.Mode, c.Field)
	}
	if got := strings.Join(c.Lines, "\n"); got != "Basic realm=x" {
		t.Fatalf("FromBytes(nil).Next().Lines = %q, want %q", got, "Basic realm=x")
	}
}

// TestDeviationsOracle holds the parser to the oracle of many near-valid
// cases of each deviation in each field where it occurs.
func TestDeviationsOracle(t *testing.T) {
	g := fuzzgen.New(3)
	for _, f := range []fuzzgen.Field{fuzzgen.Challenges, fuzzgen.Credentials, fuzzgen.Params} {
		seen := map[httpauth.WarningKind]int{}
		for range 3000 {
			c := g.Case(f, fuzzgen.NearValid)
			checkOracle(t, &c)
			seen[c.Deviation()]++
		}
		for _, k := range fuzzgen.Deviations(f) {
			if seen[k] == 0 {
				t.Errorf("%s: no near-valid case of %s in 3000", f, fuzzgen.DeviationName(k))
			}
		}
	}
}

// TestUseSchemes: a generator restricted to a few schemes writes only
// those, and its oracle holds.
func TestUseSchemes(t *testing.T) {
	g := fuzzgen.New(4)
	g.UseSchemes("Digest", "Basic")
	for range 300 {
		c := g.Case(fuzzgen.Challenges, fuzzgen.Valid)
		checkOracle(t, &c)
		for _, ch := range c.Challenges {
			if !httpauth.EqualFold(ch.Scheme, "Digest") && !httpauth.EqualFold(ch.Scheme, "Basic") {
				t.Fatalf("UseSchemes(Digest, Basic) wrote a %s challenge: %q", ch.Scheme, c.Lines)
			}
		}
		h := g.Case(fuzzgen.Credentials, fuzzgen.Hostile)
		checkOracle(t, &h)
	}
}
