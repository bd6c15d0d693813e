package digest_test

import (
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/internal/schemetest"
)

const okCreds = `Digest username="u", realm="r", nonce="n", uri="/", response="x", qop=auth, cnonce="c", nc=00000001`

func TestParseCredentialsErrors(t *testing.T) {
	for _, tt := range []struct {
		in, param string
		want      error // nil: a constant reason of the package
	}{
		{`Digest realm="r", nonce="n", uri="/", response="x"`, "username", httpauth.ErrMissingParam},
		{`Digest username="u", nonce="n", uri="/", response="x"`, "realm", httpauth.ErrMissingParam},
		{`Digest username="u", realm="r", uri="/", response="x"`, "nonce", httpauth.ErrMissingParam},
		{`Digest username="u", realm="r", nonce="n", response="x"`, "uri", httpauth.ErrMissingParam},
		{`Digest username="u", realm="r", nonce="n", uri="/"`, "response", httpauth.ErrMissingParam},
		{`Digest username="u", realm="r", nonce="n", uri="/", response="x", qop=auth, nc=00000001`, "cnonce", httpauth.ErrMissingParam},
		{`Digest username="u", realm="r", nonce="n", uri="/", response="x", qop=auth, cnonce="c"`, "nc", httpauth.ErrMissingParam},
		{`Digest username="u", realm="r", nonce="n", uri="/", response="x", qop=auth, cnonce="c", nc=1`, "nc", nil},
		{`Digest username="u", realm="r", nonce="n", uri="/", response="x", qop=auth, cnonce="c", nc=0000000g`, "nc", nil},
		{`Digest username="u", realm="r", nonce="n", uri="/", response="x", qop="auth auth-int", cnonce="c", nc=00000001`, "qop", nil},
		{`Digest username="u", realm="r", nonce="n", uri="/", response="x", algorithm=SHA-1`, "algorithm", digest.ErrAlgorithm},
		{`Digest username="u", realm="r", nonce="n", uri="/", response="x", userhash=yes`, "userhash", nil},
		{`Digest username*=UTF-8''%ZZ, realm="r", nonce="n", uri="/", response="x"`, "username*", nil},
		{`Digest username="a", username*=UTF-8''a, realm="r", nonce="n", uri="/", response="x"`, "username*", nil},
		{`Digest username*=UTF-8''admin%0D%0AX-Log-Injected%3A%20yes%00, realm="r", nonce="n", uri="/", response="x"`, "username*", nil},
		{`Digest username="a\	b", realm="r", nonce="n", uri="/", response="x"`, "username", nil},
		// An untyped parameter named with "*" takes only an ext-value
		// (Build could not write it back otherwise); the error does not
		// name it.
		{`Digest username="u", realm="r", nonce="n", uri="/", response="x", Algorith*=000`, "", httpauth.ErrExtValue},
		{`Digest abc==`, "", nil},
		{`Basic realm="r"`, "", httpauth.ErrOtherScheme},
	} {
		c, err := schemetest.ViewCredentials(t, tt.in, digest.ParseCredentials)
		if err == nil {
			t.Errorf("ParseCredentials(%s) = %v, want an error", tt.in, c)
			continue
		}
		schemeErr(t, tt.in, err, tt.param, tt.want)
	}
	// Duplicates built by hand (the root parser refuses them in text).
	g := httpauth.MustParseCredentials(okCreds)
	g.Params = append(g.Params, httpauth.Param{Name: "Realm", Value: "other"})
	_, err := digest.ParseCredentials(g)
	schemeErr(t, "duplicate realm", err, "realm", nil)
}

func TestParseChallengeErrors(t *testing.T) {
	for _, tt := range []struct {
		in, param string
		want      error
	}{
		{`Digest nonce="n"`, "realm", httpauth.ErrMissingParam},
		{`Digest realm="r"`, "nonce", httpauth.ErrMissingParam},
		{`Digest realm="r", nonce="n", algorithm=SHA-1`, "algorithm", digest.ErrAlgorithm},
		{`Digest realm="r", nonce="n", algorithm=""`, "algorithm", digest.ErrAlgorithm},
		{`Digest realm="r", nonce="n", stale=maybe`, "stale", nil},
		{`Digest realm="r", nonce="n", userhash=1`, "userhash", nil},
		{`Digest realm="r", nonce="n", qop="auth, a=b"`, "qop", nil},
		{`Digest realm="r", nonce="n", title*=en`, "", httpauth.ErrExtValue},
		{`Digest abc==`, "", nil},
		{`Bearer realm="r"`, "", httpauth.ErrOtherScheme},
	} {
		c, err := schemetest.ViewChallenge(t, tt.in, digest.ParseChallenge)
		if err == nil {
			t.Errorf("ParseChallenge(%s) = %+v, want an error", tt.in, c)
			continue
		}
		schemeErr(t, tt.in, err, tt.param, tt.want)
	}
}

func TestBuildErrors(t *testing.T) {
	_, err := digest.Challenge{Nonce: "n", QOP: []string{"auth", "a b"}}.Build()
	schemeErr(t, "qop with a space", err, "qop", nil)
	_, err = digest.Challenge{Nonce: "n", Domain: []string{"/a", ""}}.Build()
	schemeErr(t, "empty domain", err, "domain", nil)
	_, err = digest.Challenge{Nonce: "n", Algorithm: 7}.Build()
	schemeErr(t, "algorithm out of range", err, "algorithm", digest.ErrAlgorithm)
	_, err = digest.Challenge{Nonce: "n", Extra: httpauth.Params{{Name: "NONCE", Value: "x"}}}.Build()
	schemeErr(t, "Extra names a typed parameter", err, "nonce", nil)
	_, err = digest.Credentials{Username: "u", QOP: "a b"}.Build()
	schemeErr(t, "credentials qop with a space", err, "qop", nil)
	_, err = digest.Credentials{Username: "u", Extra: httpauth.Params{{Name: "Response", Value: "x"}}}.Build()
	schemeErr(t, "Extra names response", err, "response", nil)
	_, err = digest.Credentials{Username: "u", Algorithm: 200}.Build()
	schemeErr(t, "credentials algorithm out of range", err, "algorithm", digest.ErrAlgorithm)
	_, err = digest.Info{QOP: "a,b"}.Build()
	schemeErr(t, "info qop", err, "qop", nil)
}

func TestParseInfo(t *testing.T) {
	const line = `nextnonce="next", qop=auth, rspauth="abc", cnonce="c", nc=0000000A, x=y`
	ps, err := httpauth.ParseParams(line)
	if err != nil {
		t.Fatal(err)
	}
	got, err := digest.ParseInfo(ps)
	want := digest.Info{NextNonce: "next", QOP: "auth", Rspauth: "abc", CNonce: "c", NC: 10}
	if err != nil || got != want {
		t.Fatalf("ParseInfo(%s) = %+v, %v, want %+v", line, got, err, want)
	}
	b, err := want.Build()
	if err != nil {
		t.Fatal(err)
	}
	if s, err := httpauth.AppendParams(nil, b); err != nil || string(s) != `nextnonce="next", qop=auth, rspauth="abc", cnonce="c", nc=0000000a` {
		t.Errorf("Build encodes to %s, %v", s, err)
	}
	for _, tt := range []struct{ in, param string }{
		{`nc=1`, "nc"},
		{`qop="a b"`, "qop"},
		{`rspauth=a, RSPAUTH=b`, ""}, // refused by the root parser already
	} {
		ps, err := httpauth.ParseParams(tt.in)
		if err != nil {
			continue
		}
		_, err = digest.ParseInfo(ps)
		schemeErr(t, tt.in, err, tt.param, nil)
	}
	_, err = digest.ParseInfo(httpauth.Params{{Name: "nc", Value: "00000001"}, {Name: "NC", Value: "00000002"}})
	schemeErr(t, "duplicate nc", err, "nc", nil)
}

// A value planted in any parameter never appears in the error, whatever
// makes the value invalid: the algorithm, a malformed nc or userhash, a
// missing parameter, a duplicate.
func TestErrorsNeverQuoteInput(t *testing.T) {
	const secret = "SEKRITplanted"
	creds := []string{"username", "username*", "realm", "nonce", "uri", "response", "algorithm", "cnonce", "opaque", "qop", "nc", "userhash", "x"}
	challenge := []string{"realm", "domain", "nonce", "opaque", "stale", "algorithm", "qop", "charset", "userhash", "x"}
	values := []string{secret, `"` + secret + `"`, "UTF-8''" + secret, `"auth, ` + secret + ` x"`}
	check := func(what string, err error) {
		t.Helper()
		if err != nil && strings.Contains(err.Error(), secret) {
			t.Errorf("%s: error quotes the input: %v", what, err)
		}
	}
	for _, name := range creds {
		for _, v := range values {
			for drop := range creds {
				var b strings.Builder
				b.WriteString("Digest ")
				for i, n := range creds {
					if i == drop && n != name {
						continue
					}
					if b.Len() > len("Digest ") {
						b.WriteString(", ")
					}
					if n == name {
						b.WriteString(n + "=" + v)
					} else {
						b.WriteString(n + `="1"`)
					}
				}
				g, err := httpauth.ParseCredentials(b.String())
				if err != nil {
					continue
				}
				_, err = digest.ParseCredentials(g)
				check(b.String(), err)
			}
		}
	}
	for _, name := range challenge {
		for _, v := range values {
			line := "Digest " + name + "=" + v
			if g, err := httpauth.ParseChallenge(line); err == nil {
				_, err = digest.ParseChallenge(g)
				check(line, err)
			}
		}
	}
	for _, name := range []string{"nextnonce", "qop", "rspauth", "cnonce", "nc"} {
		for _, v := range values {
			if ps, err := httpauth.ParseParams(name + "=" + v); err == nil {
				_, err = digest.ParseInfo(ps)
				check(name+"="+v, err)
			}
		}
	}
	// Hand-built values with the secret as a parameter name.
	_, err := digest.ParseCredentials(httpauth.Credentials{Scheme: "Digest", Params: httpauth.Params{{Name: secret, Value: "1"}, {Name: secret, Value: "2"}}})
	check("duplicate unknown name", err)
	_, err = digest.ParseCredentials(httpauth.Credentials{Scheme: secret})
	check("scheme", err)
}

func TestAlgorithmNames(t *testing.T) {
	for _, n := range []string{"MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess"} {
		a, ok := digest.ParseAlgorithm(strings.ToLower(n))
		if !ok || a.String() != n {
			t.Errorf("ParseAlgorithm(%q) = %v, %v", strings.ToLower(n), a, ok)
		}
		if a.Session() != strings.HasSuffix(n, "-sess") {
			t.Errorf("%v.Session() = %v", a, a.Session())
		}
		if b, err := a.MarshalText(); err != nil || string(b) != n {
			t.Errorf("%v.MarshalText() = %q, %v", a, b, err)
		}
	}
	if _, ok := digest.ParseAlgorithm("SHA-1"); ok {
		t.Error("SHA-1 accepted")
	}
	if a, ok := digest.ParseAlgorithm(""); !ok || a != digest.Unspecified {
		t.Errorf(`ParseAlgorithm("") = %v, %v, want Unspecified`, a, ok)
	}
	if s := digest.Algorithm(42).String(); s != "unknown" {
		t.Errorf("Algorithm(42).String() = %q", s)
	}
}

// The typed values round-trip through the generic ones, the property the
// fuzz targets check on random input.
func TestRoundTrip(t *testing.T) {
	for _, in := range rfc7616Challenges {
		schemetest.ChallengeRoundTrip(t, in, digest.ParseChallenge, digest.Challenge.Build)
	}
	schemetest.ChallengeRoundTrip(t, `Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, nonce="5TsQ", opaque="HRPC", charset=UTF-8, userhash=true, stale=TRUE, domain="/a  /b", x=y`, digest.ParseChallenge, digest.Challenge.Build)
	schemetest.CredentialsRoundTrip(t, okCreds+`, userhash=false, algorithm=md5-SESS, foo=bar`, digest.ParseCredentials, digest.Credentials.Build)
	schemetest.CredentialsRoundTrip(t, `Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="r", nonce="n", uri="/", response="x"`, digest.ParseCredentials, digest.Credentials.Build)
	// An untyped ext-value parameter, quoted or not, is kept and written back.
	extCreds := okCreds + `, x*="UTF-8''a%20b", y*=iso-8859-1'en'%A3`
	c, err := schemetest.ViewCredentials(t, extCreds, digest.ParseCredentials)
	if err != nil || len(c.Extra) != 2 || c.Extra[0].Value != "UTF-8''a%20b" {
		t.Fatalf("ParseCredentials(%s): Extra %q, %v; want x* and y* kept", extCreds, c.Extra, err)
	}
	schemetest.CredentialsRoundTrip(t, extCreds, digest.ParseCredentials, digest.Credentials.Build)
	extChallenge := `Digest realm="r", nonce="n", title*=UTF-8'de'n%c3%a4chste`
	if ch, err := schemetest.ViewChallenge(t, extChallenge, digest.ParseChallenge); err != nil || len(ch.Extra) != 1 {
		t.Fatalf("ParseChallenge(%s): Extra %q, %v; want title* kept", extChallenge, ch.Extra, err)
	}
	schemetest.ChallengeRoundTrip(t, extChallenge, digest.ParseChallenge, digest.Challenge.Build)
}
