// Package schemetest holds what the tests of the scheme packages share,
// written once: the round-trip property of their fuzz targets, and the
// first steps of their tests of what a view reads or refuses. It is for
// tests only: nothing outside a _test.go file imports it.
//
// The property, for a challenge (credentials likewise): if the root parser
// accepts the input and the scheme's view accepts the result, the view must
// build, the built value must encode (unless the input holds obs-text, which
// the encoder refuses by design), and the encoding must parse and view back
// to a value equal to the first one, empty and nil slices and maps counting
// as equal.
package schemetest

import (
	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TB is what the helpers need of a test or fuzz target: *testing.T and
// *testing.F have it, and so has the T of the testing package that
// go-118-fuzz-build gives the targets when it builds them for libFuzzer
// (ClusterFuzzLite, OSS-Fuzz), which testing.TB would exclude: only the
// testing package can implement TB.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
}

// ChallengeRoundTrip checks the round-trip property for in as a challenge:
// view reads the scheme's typed value from a generic challenge and build
// turns it back into one, for example hoba.ParseChallenge and
// hoba.Challenge.Build. An input that either parser refuses passes.
func ChallengeRoundTrip[V any](t TB, in string, view func(httpauth.Challenge) (V, error), build func(V) (httpauth.Challenge, error)) {
	t.Helper()
	roundTrip(t, "challenge", in, httpauth.ParseChallenge, httpauth.AppendChallenge, view, build)
}

// CredentialsRoundTrip checks the round-trip property for in as
// credentials, as ChallengeRoundTrip does for a challenge.
func CredentialsRoundTrip[V any](t TB, in string, view func(httpauth.Credentials) (V, error), build func(V) (httpauth.Credentials, error)) {
	t.Helper()
	roundTrip(t, "credentials", in, httpauth.ParseCredentials, httpauth.AppendCredentials, view, build)
}

// roundTrip is the property for either kind of value G: parse and appendG
// are the root package's parser and encoder for G.
func roundTrip[G, V any](t TB, kind, in string,
	parse func(string) (G, error), appendG func([]byte, G) ([]byte, error),
	view func(G) (V, error), build func(V) (G, error)) {
	t.Helper()
	g, err := parse(in)
	if err != nil {
		return
	}
	v, err := view(g)
	if err != nil {
		return
	}
	b, err := build(v)
	if err != nil {
		t.Fatalf("Build of the parsed %s: %v", kind, err)
	}
	enc, err := appendG(nil, b)
	if err != nil {
		if hasHighByte(in) {
			return // obs-text: the encoder refuses it by design
		}
		t.Fatalf("encoding the built %s: %v", kind, err)
	}
	g2, err := parse(string(enc))
	if err != nil {
		t.Fatalf("re-parsing %q: %v", enc, err)
	}
	v2, err := view(g2)
	if err != nil {
		t.Fatalf("re-viewing %q: %v", enc, err)
	}
	if d := cmp.Diff(v, v2, cmpopts.EquateEmpty()); d != "" {
		t.Fatalf("%s round trip through %q (-first +second):\n%s", kind, enc, d)
	}
}

// ViewChallenge parses in as a challenge with the root parser, which must
// accept it, and returns what view makes of the result: the first steps of
// a test of what a scheme's view reads or refuses.
func ViewChallenge[V any](t TB, in string, view func(httpauth.Challenge) (V, error)) (V, error) {
	t.Helper()
	return parseAndView(t, in, httpauth.ParseChallenge, view)
}

// ViewCredentials is ViewChallenge for credentials.
func ViewCredentials[V any](t TB, in string, view func(httpauth.Credentials) (V, error)) (V, error) {
	t.Helper()
	return parseAndView(t, in, httpauth.ParseCredentials, view)
}

func parseAndView[G, V any](t TB, in string, parse func(string) (G, error), view func(G) (V, error)) (V, error) {
	t.Helper()
	g, err := parse(in)
	if err != nil {
		t.Fatalf("the root parser refuses %q: %v", in, err)
	}
	return view(g)
}

// hasHighByte reports whether s holds a byte %x80-FF (obs-text, if it
// stands in a quoted-string).
func hasHighByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}
