// Package schemetest holds what the tests of the scheme packages share,
// written once: the round-trip property of their fuzz targets, the first
// steps of their tests of what a view reads or refuses, the check of their
// errors, and the routes a value prints on. It is for
// tests only: nothing outside a _test.go file imports it.
//
// The property, for a challenge (credentials and Authentication-Info
// likewise): if the root parser accepts the input and the scheme's view
// accepts the result, the view must build, the built value must encode
// (unless the input holds obs-text, which the encoder refuses by design),
// and the encoding must parse and view back to a value equal to the first
// one, empty and nil slices and maps counting as equal.
package schemetest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TB is what the round-trip helpers need of a test or fuzz target: *testing.T
// and *testing.F have it, and so has the T of the testing package that
// go-118-fuzz-build gives the targets when it builds them for libFuzzer
// (ClusterFuzzLite, OSS-Fuzz), which testing.TB would exclude: only the
// testing package can implement testing.TB.
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

// InfoRoundTrip checks the round-trip property for in as an
// Authentication-Info parameter list, as ChallengeRoundTrip does for a
// challenge: view is for example mutual.ParseInfo and build
// mutual.Info.Build.
func InfoRoundTrip[V any](t TB, in string, view func(httpauth.Params) (V, error), build func(V) (httpauth.Params, error)) {
	t.Helper()
	parse := func(s string) (httpauth.Params, error) { return httpauth.ParseParams(s) }
	roundTrip(t, "Authentication-Info", in, parse, httpauth.AppendParams, view, build)
}

// roundTrip is the property for any kind of value G: parse and appendG
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
	// Unexported fields count too (they are empty after a parse).
	if d := cmp.Diff(v, v2, cmpopts.EquateEmpty(), cmp.Exporter(func(reflect.Type) bool { return true })); d != "" {
		t.Fatalf("%s round trip through %q (-first +second):\n%s", kind, enc, d)
	}
}

// ViewChallenge parses in as a challenge with the root parser, which must
// accept it, and returns what view makes of the result: the first steps of
// a test of what a scheme's view reads or refuses.
func ViewChallenge[V any](t testing.TB, in string, view func(httpauth.Challenge) (V, error)) (V, error) {
	t.Helper()
	return parseAndView(t, in, httpauth.ParseChallenge, view)
}

// ViewCredentials is ViewChallenge for credentials.
func ViewCredentials[V any](t testing.TB, in string, view func(httpauth.Credentials) (V, error)) (V, error) {
	t.Helper()
	return parseAndView(t, in, httpauth.ParseCredentials, view)
}

func parseAndView[G, V any](t testing.TB, in string, parse func(string) (G, error), view func(G) (V, error)) (V, error) {
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

// CheckError fails t unless err, returned by call, is a
// *httpauth.SchemeError of scheme about param that wraps want (unless want
// is nil) and whose message does not hold secret (unless secret is "").
func CheckError(t testing.TB, call string, err error, scheme, param string, want error, secret string) {
	t.Helper()
	var se *httpauth.SchemeError
	switch {
	case !errors.As(err, &se):
		t.Errorf("%s error = %v, want a *httpauth.SchemeError", call, err)
	case se.Scheme != scheme || se.Param != param:
		t.Errorf("%s error = %v, about %s %q; want %s %q", call, err, se.Scheme, se.Param, scheme, param)
	case want != nil && !errors.Is(err, want):
		t.Errorf("%s error = %v, want it to wrap %v", call, err, want)
	case secret != "" && strings.Contains(err.Error(), secret):
		t.Errorf("%s error = %v quotes the value", call, err)
	}
}

// Routes returns what v prints as on every route to a log or a wire: each
// fmt verb (%v %+v %#v %s %q %x %X %d), encoding/json, encoding/xml and
// slog's text and JSON handlers, keyed by route. A marshaler's error is a
// route too ("error: " and its message): it is what a log shows instead.
func Routes(v any) map[string]string {
	out := map[string]string{}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		out[verb] = fmt.Sprintf(verb, v)
	}
	if b, err := json.Marshal(v); err != nil {
		out["json"] = "error: " + err.Error()
	} else {
		out["json"] = string(b)
	}
	if b, err := xml.Marshal(v); err != nil {
		out["xml"] = "error: " + err.Error()
	} else {
		out["xml"] = string(b)
	}
	var text, js bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("m", "v", v)
	slog.New(slog.NewJSONHandler(&js, nil)).Info("m", "v", v)
	out["slog text"], out["slog JSON"] = text.String(), js.String()
	return out
}
