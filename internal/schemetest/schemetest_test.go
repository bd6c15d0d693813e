package schemetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

// recorder is a testing.TB whose Fatalf records the message and stops the
// check under test, so that a test can see what the property reports.
type recorder struct {
	testing.TB
	msg string
}

type stop struct{}

func (*recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	panic(stop{})
}

// run calls check with a recorder and returns what it reported, "" if
// nothing.
func run(check func(testing.TB)) (msg string) {
	r := &recorder{}
	defer func() {
		if p := recover(); p != nil {
			if _, ok := p.(stop); !ok {
				panic(p)
			}
			msg = r.msg
		}
	}()
	check(r)
	return r.msg
}

// view is a scheme's view that keeps the parameters as a map; it refuses
// any scheme but X and a token68.
type view struct {
	Params map[string]string
}

func viewChallenge(c httpauth.Challenge) (view, error) {
	return viewOf(c.Scheme, c.Token68, c.Params)
}

func viewCredentials(c httpauth.Credentials) (view, error) {
	return viewOf(c.Scheme, c.Token68, c.Params)
}

func viewInfo(ps httpauth.Params) (view, error) { return viewOf("X", "", ps) }

func (v view) info() (httpauth.Params, error) { return v.params(), nil }

func viewOf(scheme, token68 string, ps httpauth.Params) (view, error) {
	if !httpauth.EqualFold(scheme, "X") || token68 != "" {
		return view{}, fmt.Errorf("not an X with parameters")
	}
	var v view
	for _, p := range ps {
		if v.Params == nil {
			v.Params = map[string]string{}
		}
		v.Params[strings.ToLower(p.Name)] = p.Value
	}
	return v, nil
}

func (v view) params() httpauth.Params {
	var ps httpauth.Params
	for _, n := range []string{"a", "b"} {
		if s, ok := v.Params[n]; ok {
			ps = append(ps, httpauth.Param{Name: n, Value: s})
		}
	}
	return ps
}

func (v view) challenge() (httpauth.Challenge, error) {
	return httpauth.Challenge{Scheme: "X", Params: v.params()}, nil
}

func (v view) credentials() (httpauth.Credentials, error) {
	return httpauth.Credentials{Scheme: "X", Params: v.params()}, nil
}

func TestRoundTrip(t *testing.T) {
	dropB := func(v view) (httpauth.Challenge, error) {
		return httpauth.Challenge{Scheme: "X", Params: v.params()[:1]}, nil
	}
	refuse := func(view) (httpauth.Challenge, error) {
		return httpauth.Challenge{}, fmt.Errorf("no")
	}
	addHigh := func(v view) (httpauth.Credentials, error) {
		return httpauth.Credentials{Scheme: "X", Params: httpauth.Params{{Name: "a", Value: "\x80"}}}, nil
	}
	badScheme := func(v view) (httpauth.Credentials, error) {
		return httpauth.Credentials{Scheme: "Y", Params: v.params()}, nil
	}
	for _, tc := range []struct {
		name  string
		check func(testing.TB)
		want  string // a part of the report; "" for none
	}{
		{"challenge", func(t testing.TB) {
			ChallengeRoundTrip(t, `X a=1, b="two"`, viewChallenge, view.challenge)
		}, ""},
		{"credentials", func(t testing.TB) {
			CredentialsRoundTrip(t, `x B=2`, viewCredentials, view.credentials)
		}, ""},
		{"no params, nil and empty equal", func(t testing.TB) {
			CredentialsRoundTrip(t, `X`, viewCredentials, view.credentials)
		}, ""},
		{"root parser refuses", func(t testing.TB) {
			ChallengeRoundTrip(t, `X a="`, viewChallenge, refuse)
		}, ""},
		{"view refuses", func(t testing.TB) {
			ChallengeRoundTrip(t, `Y a=1`, viewChallenge, refuse)
		}, ""},
		{"build refuses", func(t testing.TB) {
			ChallengeRoundTrip(t, `X a=1`, viewChallenge, refuse)
		}, "Build of the parsed challenge"},
		{"value lost", func(t testing.TB) {
			ChallengeRoundTrip(t, `X a=1, b=2`, viewChallenge, dropB)
		}, "challenge round trip through \"X a=1\""},
		{"obs-text in, encoder refuses", func(t testing.TB) {
			CredentialsRoundTrip(t, "X a=\"\x80\"", viewCredentials, addHigh)
		}, ""},
		{"obs-text made up", func(t testing.TB) {
			CredentialsRoundTrip(t, `X a=1`, viewCredentials, addHigh)
		}, "encoding the built credentials"},
		{"info", func(t testing.TB) {
			InfoRoundTrip(t, `a=1, B="two"`, viewInfo, view.info)
		}, ""},
		{"info value lost", func(t testing.TB) {
			InfoRoundTrip(t, `a=1, b=2`, viewInfo, func(v view) (httpauth.Params, error) { return v.params()[1:], nil })
		}, "Authentication-Info round trip through \"b=2\""},
		{"view refuses the encoding", func(t testing.TB) {
			CredentialsRoundTrip(t, `X a=1`, viewCredentials, badScheme)
		}, "re-viewing \"Y a=1\""},
	} {
		got := run(tc.check)
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("%s: reported %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestView(t *testing.T) {
	if v, err := ViewChallenge(t, `X a=1`, viewChallenge); err != nil || v.Params["a"] != "1" {
		t.Errorf("ViewChallenge of a challenge the view accepts = %v, %v", v, err)
	}
	if _, err := ViewCredentials(t, `Y a=1`, viewCredentials); err == nil {
		t.Errorf("ViewCredentials of credentials the view refuses: no error")
	}
	msg := run(func(t testing.TB) { ViewChallenge(t, `X a="`, viewChallenge) })
	if !strings.Contains(msg, "the root parser refuses") {
		t.Errorf("ViewChallenge of a bad challenge reported %q", msg)
	}
}

func TestCheckError(t *testing.T) {
	good := &httpauth.SchemeError{Scheme: "Hawk", Param: "mac", Err: httpauth.ErrMissingParam}
	for _, tc := range []struct {
		name string
		err  error
		want string // a part of the report; "" for none
	}{
		{"as wanted", good, ""},
		{"wrapped", fmt.Errorf("ctx: %w", good), ""},
		{"not a SchemeError", errors.New("x"), "want a *httpauth.SchemeError"},
		{"nil", nil, "want a *httpauth.SchemeError"},
		{"other scheme", &httpauth.SchemeError{Scheme: "Basic", Param: "mac", Err: httpauth.ErrMissingParam}, `want Hawk "mac"`},
		{"other param", &httpauth.SchemeError{Scheme: "Hawk", Param: "id", Err: httpauth.ErrMissingParam}, `want Hawk "mac"`},
		{"other reason", &httpauth.SchemeError{Scheme: "Hawk", Param: "mac", Err: httpauth.ErrOtherScheme}, "want it to wrap"},
		{"quotes the secret", &httpauth.SchemeError{Scheme: "Hawk", Param: "mac", Err: errors.New("bad Sekrit")}, "quotes the value"},
	} {
		want := error(httpauth.ErrMissingParam)
		if tc.name == "quotes the secret" {
			want = nil
		}
		got := run(func(t testing.TB) { CheckError(t, "F()", tc.err, "Hawk", "mac", want, "Sekrit") })
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("%s: reported %q, want %q", tc.name, got, tc.want)
		}
	}
}

// routesType prints its one field as every route would without methods.
type routesType struct{ A string }

func TestRoutes(t *testing.T) {
	got := Routes(routesType{A: "x<"})
	want := map[string]string{
		"%v": "{x<}", "%+v": "{A:x<}", "%#v": `schemetest.routesType{A:"x<"}`, "%s": "{x<}", "%q": `{"x<"}`,
		"%x": "{783c}", "%X": "{783C}", "%d": "{%!d(string=x<)}",
		"json": `{"A":"x\u003c"}`, "xml": "<routesType><A>x&lt;</A></routesType>",
	}
	for route, w := range want {
		if got[route] != w {
			t.Errorf("Routes()[%q] = %q, want %q", route, got[route], w)
		}
	}
	if !strings.Contains(got["slog text"], "v={A:x<}") || !strings.Contains(got["slog JSON"], `"v":{"A":"x<"}`) {
		t.Errorf("Routes() slog = %q, %q", got["slog text"], got["slog JSON"])
	}
	if len(got) != len(want)+2 {
		t.Errorf("Routes() has %d routes, want %d", len(got), len(want)+2)
	}
	if r := Routes(func() {}); !strings.HasPrefix(r["json"], "error: ") || !strings.HasPrefix(r["xml"], "error: ") {
		t.Errorf("Routes(func) json, xml = %q, %q, want errors", r["json"], r["xml"])
	}
}
