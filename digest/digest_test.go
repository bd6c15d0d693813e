package digest_test

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/internal/schemetest"
)

// RFC 7616 section 3.9.1: two challenges, SHA-256 listed first.
var rfc7616Challenges = []string{
	`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
	`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
}

var rfc7616Input = digest.Input{
	Username: "Mufasa", Password: "Circle of Life", Method: "GET", URI: "/dir/index.html",
	CNonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", NC: 1, QOP: "auth",
}

// encode builds c and encodes it, failing the test on an error.
func encode(t *testing.T, c digest.Credentials) string {
	t.Helper()
	g, err := c.Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	v, err := g.Encode()
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return v
}

// schemeErr checks that err is a *httpauth.SchemeError of Digest about
// param that wraps want (any reason when want is nil).
func schemeErr(t *testing.T, what string, err error, param string, want error) {
	t.Helper()
	schemetest.CheckError(t, what, err, digest.Scheme, param, want, "")
}

func TestRFC7616Sec391(t *testing.T) {
	tests := []struct {
		line, response, authorization string
	}{
		{rfc7616Challenges[1], "8ca523f5e9506fed4657c9700eebdbec",
			`Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`},
		{rfc7616Challenges[0], "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
			`Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`},
	}
	for _, tt := range tests {
		ch, err := digest.ParseChallenge(httpauth.MustParseChallenge(tt.line))
		if err != nil {
			t.Fatal(err)
		}
		if !ch.Offers("auth") || !ch.Offers("auth-int") || ch.Opaque == "" {
			t.Fatalf("ParseChallenge(%q) = %+v", tt.line, ch)
		}
		// The challenge re-encodes to the RFC's text.
		g, err := ch.Build()
		if err != nil {
			t.Fatal(err)
		}
		if b, err := httpauth.AppendChallenge(nil, g); err != nil || string(b) != tt.line {
			t.Errorf("challenge encodes to %q, %v, want %q", b, err, tt.line)
		}
		cr, err := ch.Respond(rfc7616Input)
		if err != nil {
			t.Fatal(err)
		}
		if cr.Response != tt.response {
			t.Errorf("%v: response = %s, want %s", ch.Algorithm, cr.Response, tt.response)
		}
		if got := encode(t, cr); got != tt.authorization {
			t.Errorf("Authorization =\n %s\nwant\n %s", got, tt.authorization)
		}
		// Server side: the RFC's Authorization verifies with the password,
		// and not with another password or method.
		parsed, err := digest.ParseCredentials(httpauth.MustParseCredentials(tt.authorization))
		if err != nil {
			t.Fatal(err)
		}
		if err := parsed.Verify("Mufasa", "Circle of Life", "GET", nil); err != nil {
			t.Errorf("%v: Verify with the right password: %v", ch.Algorithm, err)
		}
		schemeErr(t, "wrong password", parsed.Verify("Mufasa", "Circle Of Life", "GET", nil), "response", httpauth.ErrVerification)
		schemeErr(t, "wrong method", parsed.Verify("Mufasa", "Circle of Life", "POST", nil), "response", httpauth.ErrVerification)
	}
	if got := digest.HA1(digest.MD5, "Mufasa", "http-auth@example.org", "Circle of Life"); got != "3d78807defe7de2157e2b0b6573a855f" {
		t.Errorf("HA1 = %s, want 3d78807defe7de2157e2b0b6573a855f", got)
	}
}

// Select picks the strongest algorithm it can answer, and says where it is.
func TestSelect(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		at    int
	}{
		{rfc7616Challenges, 0},
		{[]string{rfc7616Challenges[1], rfc7616Challenges[0]}, 1},
		{[]string{`Basic realm="x"`, rfc7616Challenges[1], `Digest realm="x", nonce="n", algorithm=SHA-3`, rfc7616Challenges[0]}, 3},
	} {
		cs, err := httpauth.ParseChallenges(tt.lines...)
		if err != nil {
			t.Fatal(err)
		}
		ch, at := digest.Select(cs)
		if at != tt.at || ch.Algorithm != digest.SHA256 {
			t.Errorf("Select(%q) = %v at %d, want SHA-256 at %d", tt.lines, ch.Algorithm, at, tt.at)
		}
	}
	cs, _ := httpauth.ParseChallenges(`Digest realm="a", nonce="1", algorithm=MD5-sess, Digest realm="a", nonce="2", algorithm=SHA-512-256-sess, Digest realm="a", nonce="3", algorithm=SHA-512-256`)
	if ch, at := digest.Select(cs); at != 1 || ch.Nonce != "2" || ch.Algorithm != digest.SHA512_256Sess {
		t.Errorf("Select = %+v at %d, want the first SHA-512-256 (nonce 2)", ch, at)
	}
	for _, line := range []string{
		`Basic realm="a", Digest realm="a", nonce="1", algorithm=UNKNOWN`,
		`Digest realm="a", nonce="1", qop="auth-conf"`, // no qop this package computes
		`Digest nonce="1"`, // no realm
	} {
		cs, _ := httpauth.ParseChallenges(line)
		if _, at := digest.Select(cs); at != -1 {
			t.Errorf("Select(%s) chose %d, want -1", line, at)
		}
	}
}

// RFC 2617 section 3.5, password "Circle Of Life" (capital O).
func TestRFC2617Sec35(t *testing.T) {
	ch, err := digest.ParseChallenge(httpauth.MustParseChallenge(`Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"`))
	if err != nil {
		t.Fatal(err)
	}
	if ch.Algorithm != digest.Unspecified {
		t.Fatalf("algorithm = %v, want Unspecified", ch.Algorithm)
	}
	cr, err := ch.Respond(digest.Input{Username: "Mufasa", Password: "Circle Of Life", URI: "/dir/index.html", CNonce: "0a4f113b"})
	if err != nil {
		t.Fatal(err)
	}
	if cr.Response != "6629fae49393a05397450978507c4ef1" || cr.QOP != "auth" {
		t.Fatalf("response = %s qop = %s, want 6629fae49393a05397450978507c4ef1 auth", cr.Response, cr.QOP)
	}
	const authz = `Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"`
	p, err := digest.ParseCredentials(httpauth.MustParseCredentials(authz))
	if err != nil {
		t.Fatal(err)
	}
	if p.Verify("Mufasa", "Circle Of Life", "GET", nil) != nil || p.Verify("Mufasa", "Circle of Life", "GET", nil) == nil {
		t.Error("RFC 2617 Authorization does not verify with exactly its password")
	}
}

func md5hex(s string) string { h := md5.Sum([]byte(s)); return hex.EncodeToString(h[:]) }

// MD5-sess and auth-int, checked against the formulas of RFC 7616
// section 3.4 written out here with crypto/md5.
func TestSessAndAuthInt(t *testing.T) {
	ch := digest.Challenge{Realm: "r", Nonce: "n", Algorithm: digest.MD5Sess, QOP: []string{"auth-int"}}
	body := []byte("hello")
	cr, err := ch.Respond(digest.Input{Username: "u", Password: "p", Method: "POST", URI: "/x", Body: body, CNonce: "c", NC: 2})
	if err != nil {
		t.Fatal(err)
	}
	ha1 := md5hex(md5hex("u:r:p") + ":n:c")
	ha2 := md5hex("POST:/x:" + md5hex("hello"))
	want := md5hex(ha1 + ":n:00000002:c:auth-int:" + ha2)
	if cr.Response != want || cr.QOP != "auth-int" {
		t.Fatalf("response = %s (qop %s), want %s", cr.Response, cr.QOP, want)
	}
	if cr.Verify("u", "p", "POST", body) != nil || cr.Verify("u", "p", "POST", []byte("hellO")) == nil {
		t.Fatal("auth-int Verify does not depend on the body as it should")
	}
	// RFC 2069 compatibility: no qop.
	old := digest.Challenge{Realm: "r", Nonce: "n"}
	cr, _ = old.Respond(digest.Input{Username: "u", Password: "p", URI: "/x"})
	if want := md5hex(md5hex("u:r:p") + ":n:" + md5hex("GET:/x")); cr.Response != want || cr.NC != 0 || cr.CNonce != "" {
		t.Fatalf("no-qop response = %+v, want %s", cr, want)
	}
	if v := encode(t, cr); strings.Contains(v, "nc=") || strings.Contains(v, "qop=") {
		t.Fatalf("no-qop credentials carry nc or qop: %s", v)
	}
	_, err = digest.Challenge{Realm: "r", Nonce: "n", QOP: []string{"auth"}}.Respond(digest.Input{QOP: "auth-int"})
	schemeErr(t, "qop not offered", err, "qop", digest.ErrQOP)
	_, err = digest.Challenge{Realm: "r", Nonce: "n", QOP: []string{"auth-conf"}}.Respond(digest.Input{})
	schemeErr(t, "only an unknown qop offered", err, "qop", digest.ErrQOP)
	_, err = digest.Challenge{Realm: "r", Nonce: "n", Algorithm: 99}.Respond(digest.Input{})
	schemeErr(t, "algorithm out of range", err, "algorithm", digest.ErrAlgorithm)
}

// username* only when the plain form cannot carry the name (RFC 7616
// section 3.4.4; the encoded form is the one the RFC shows in 3.9.2).
func TestUsernameExt(t *testing.T) {
	ch := digest.Challenge{Realm: "api@example.org", Nonce: "n", QOP: []string{"auth"}, Algorithm: digest.SHA256, Charset: "UTF-8"}
	cr, _ := ch.Respond(digest.Input{Username: "J\u00e4s\u00f8n Doe", Password: "Secret, or not?", URI: "/doe.json", CNonce: "c"})
	v := encode(t, cr)
	if !strings.HasPrefix(v, `Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm=`) {
		t.Fatalf("Encode = %s", v)
	}
	back, err := digest.ParseCredentials(httpauth.MustParseCredentials(v))
	if err != nil || back.Username != "J\u00e4s\u00f8n Doe" || back.Verify("J\u00e4s\u00f8n Doe", "Secret, or not?", "GET", nil) != nil {
		t.Fatalf("ParseCredentials(%s) = %+v, %v", v, back, err)
	}
	cr, _ = ch.Respond(digest.Input{Username: `Mu "fasa"`, Password: "x", URI: "/", CNonce: "c"})
	if v := encode(t, cr); !strings.HasPrefix(v, `Digest username="Mu \"fasa\"", `) {
		t.Fatalf("ASCII name with quotes: %s", v)
	}
	// A name that is not UTF-8 cannot go in username*: it stays plain, and
	// the encoder refuses it as obs-text.
	g, err := digest.Credentials{Username: "\x85"}.Build()
	if err != nil || g.Params[0].Name != "username" {
		t.Fatalf("non-UTF-8 name: %v, %v", g.Params, err)
	}
	if _, err := g.Encode(); !errors.Is(err, httpauth.ErrEncode) {
		t.Fatalf("non-UTF-8 name encodes: %v", err)
	}
	for _, name := range []string{"a\r\nX-Injected: 1", "a\tb", "a\x00", "a\x7f"} {
		_, err := digest.Credentials{Username: name}.Build()
		schemeErr(t, "control character in the name", err, "username", nil)
	}
}
