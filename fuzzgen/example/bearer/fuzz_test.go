package bearer

import (
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/fuzzgen"
)

// FuzzToken holds Token to the oracle of the values fuzzgen builds from
// the fuzzer's bytes: what a strict RFC 9110 parser returns for them.
//
//	go test -fuzz FuzzToken ./bearer
func FuzzToken(f *testing.F) {
	// Seeds: the project's golden Authorization values, as the bytes
	// that make them are not known, plus a few byte strings.
	for _, s := range []string{"", "\x01", "\x02\x03\x04", "\x00\x01\x02\x03\x04\x05\x06\x07"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g := fuzzgen.FromBytes(data)
		g.UseSchemes("Bearer", "Basic") // mostly Bearer, and its neighbour
		c := g.Case(fuzzgen.Credentials, fuzzgen.Mode(1+len(data)%3))
		checkToken(t, &c)
	})
}

// checkToken compares Token's answer for c with c's oracle.
func checkToken(t *testing.T, c *fuzzgen.Case) {
	t.Helper()
	if c.Err != nil && c.Err.Class == fuzzgen.ErrLimit {
		// The oracle applies httpauth's default limits (16 KiB a line,
		// ...); this server bounds its header size elsewhere, so a value
		// past a limit says nothing about Token.
		return
	}
	value := strings.Join(c.Lines, "")
	got, ok := Token(value)
	cr := c.Credentials
	switch {
	case c.Err != nil:
		// A strict parser rejects the value: so must a reader of Bearer
		// credentials, whatever the scheme.
		if ok {
			t.Fatalf("Token(%.200q) = %.50q, true; a strict parser rejects it at offset %d", value, got, c.Err.Offset)
		}
	case httpauth.EqualFold(cr.Scheme, "Bearer") && cr.Token68 != "":
		if !ok || got != cr.Token68 {
			t.Fatalf("Token(%.200q) = %.50q, %v; want %.50q, true", value, got, ok, cr.Token68)
		}
	default:
		// Valid credentials of another scheme, or Bearer with parameters.
		if ok {
			t.Fatalf("Token(%.200q) = %.50q, true; want false (%s credentials)", value, got, cr.Scheme)
		}
	}
}

// TestGolden runs the project's hand-written Authorization cases.
func TestGolden(t *testing.T) {
	n := 0
	for _, c := range fuzzgen.Golden() {
		if c.Field == fuzzgen.Credentials {
			checkToken(t, &c)
			n++
		}
	}
	if n == 0 {
		t.Fatal("no golden Authorization case")
	}
}
