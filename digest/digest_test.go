package digest_test

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
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
		if b, err := httpauth.AppendChallenge(nil, ch.Challenge()); err != nil || string(b) != tt.line {
			t.Errorf("challenge encodes to %q, %v, want %q", b, err, tt.line)
		}
		cr, err := ch.Respond(rfc7616Input)
		if err != nil {
			t.Fatal(err)
		}
		if cr.Response != tt.response {
			t.Errorf("%v: response = %s, want %s", ch.Algorithm, cr.Response, tt.response)
		}
		if got, err := cr.Encode(); err != nil || got != tt.authorization {
			t.Errorf("Authorization =\n %s, %v\nwant\n %s", got, err, tt.authorization)
		}
		// Server side: the RFC's Authorization verifies with the password,
		// and not with another.
		parsed, err := digest.ParseCredentials(httpauth.MustParseCredentials(tt.authorization))
		if err != nil {
			t.Fatal(err)
		}
		if !parsed.Verify("Mufasa", "Circle of Life", "GET", nil) {
			t.Errorf("%v: Verify with the right password = false", ch.Algorithm)
		}
		if parsed.Verify("Mufasa", "Circle Of Life", "GET", nil) || parsed.Verify("Mufasa", "Circle of Life", "POST", nil) {
			t.Errorf("%v: Verify with a wrong password or method = true", ch.Algorithm)
		}
	}
	if got := digest.HA1(digest.MD5, "Mufasa", "http-auth@example.org", "Circle of Life"); got != "3d78807defe7de2157e2b0b6573a855f" {
		t.Errorf("HA1 = %s, want 3d78807defe7de2157e2b0b6573a855f", got)
	}
}

// Select picks the strongest algorithm: SHA-256 over MD5 in either order.
func TestSelect(t *testing.T) {
	for _, lines := range [][]string{
		rfc7616Challenges,
		{rfc7616Challenges[1], rfc7616Challenges[0]},
		{`Basic realm="x"`, rfc7616Challenges[1], `Digest realm="x", nonce="n", algorithm=SHA-3`, rfc7616Challenges[0]},
	} {
		cs, err := httpauth.ParseChallenges(lines...)
		if err != nil {
			t.Fatal(err)
		}
		ch, ok := digest.Select(cs)
		if !ok || ch.Algorithm != digest.SHA256 {
			t.Errorf("Select(%q) = %v, %v, want SHA-256", lines, ch.Algorithm, ok)
		}
	}
	cs, _ := httpauth.ParseChallenges(`Digest realm="a", nonce="1", algorithm=MD5-sess, Digest realm="a", nonce="2", algorithm=SHA-512-256-sess, Digest realm="a", nonce="3", algorithm=SHA-512-256`)
	if ch, ok := digest.Select(cs); !ok || ch.Nonce != "2" || ch.Algorithm != digest.SHA512_256Sess {
		t.Errorf("Select = %+v, want the first SHA-512-256 (nonce 2)", ch)
	}
	cs, _ = httpauth.ParseChallenges(`Basic realm="a", Digest realm="a", nonce="1", algorithm=UNKNOWN`)
	if _, ok := digest.Select(cs); ok {
		t.Error("Select chose an unknown algorithm")
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
	if !p.Verify("Mufasa", "Circle Of Life", "GET", nil) || p.Verify("Mufasa", "Circle of Life", "GET", nil) {
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
	if !cr.Verify("u", "p", "POST", body) || cr.Verify("u", "p", "POST", []byte("hellO")) {
		t.Fatal("auth-int Verify does not depend on the body as it should")
	}
	// RFC 2069 compatibility: no qop.
	old := digest.Challenge{Realm: "r", Nonce: "n"}
	cr, _ = old.Respond(digest.Input{Username: "u", Password: "p", URI: "/x"})
	if want := md5hex(md5hex("u:r:p") + ":n:" + md5hex("GET:/x")); cr.Response != want || cr.NC != 0 || cr.CNonce != "" {
		t.Fatalf("no-qop response = %+v, want %s", cr, want)
	}
	if v, _ := cr.Encode(); strings.Contains(v, "nc=") || strings.Contains(v, "qop=") {
		t.Fatalf("no-qop credentials carry nc or qop: %s", v)
	}
	if _, err := (digest.Challenge{Realm: "r", Nonce: "n", QOP: []string{"auth"}}).Respond(digest.Input{QOP: "auth-int"}); !errors.Is(err, digest.ErrQOP) {
		t.Fatalf("qop not offered: err = %v", err)
	}
}

// username* only when the plain form cannot carry the name (RFC 7616
// section 3.4.4; the encoded form is the one the RFC shows in 3.9.2).
func TestUsernameExt(t *testing.T) {
	ch := digest.Challenge{Realm: "api@example.org", Nonce: "n", QOP: []string{"auth"}, Algorithm: digest.SHA256, Charset: "UTF-8"}
	cr, _ := ch.Respond(digest.Input{Username: "J\u00e4s\u00f8n Doe", Password: "Secret, or not?", URI: "/doe.json", CNonce: "c"})
	v, err := cr.Encode()
	if err != nil || !strings.HasPrefix(v, `Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm=`) {
		t.Fatalf("Encode = %s, %v", v, err)
	}
	back, err := digest.ParseCredentials(httpauth.MustParseCredentials(v))
	if err != nil || back.Username != "J\u00e4s\u00f8n Doe" || !back.Verify("J\u00e4s\u00f8n Doe", "Secret, or not?", "GET", nil) {
		t.Fatalf("ParseCredentials(%s) = %+v, %v", v, back, err)
	}
	cr, _ = ch.Respond(digest.Input{Username: `Mu "fasa"`, Password: "x", URI: "/", CNonce: "c"})
	if v, _ := cr.Encode(); !strings.HasPrefix(v, `Digest username="Mu \"fasa\"", `) {
		t.Fatalf("ASCII name with quotes: %s", v)
	}
	if _, err := (digest.Credentials{Username: "\x85"}).Encode(); !errors.Is(err, digest.ErrUsernameUTF8) {
		t.Fatalf("non-UTF-8 name: err = %v, want ErrUsernameUTF8", err)
	}
	both := `Digest username="a", username*=UTF-8''a, realm="r", nonce="n", uri="/", response="x"`
	if _, err := digest.ParseCredentials(httpauth.MustParseCredentials(both)); !errors.Is(err, digest.ErrUsername) {
		t.Fatalf("username and username*: err = %v", err)
	}
}

func TestParseCredentialsErrors(t *testing.T) {
	for _, in := range []string{
		`Digest realm="r", nonce="n", uri="/", response="x"`,
		`Digest username="u", nonce="n", uri="/", response="x"`,
		`Digest username="u", realm="r", nonce="n", uri="/", response="x", qop=auth, nc=00000001`,
		`Digest username="u", realm="r", nonce="n", uri="/", response="x", qop=auth, cnonce="c", nc=1`,
		`Digest username="u", realm="r", nonce="n", uri="/", response="x", qop=auth, cnonce="c", nc=0000000g`,
		`Digest username="u", realm="r", nonce="n", uri="/", response="x", algorithm=SHA-1`,
		`Digest username*=UTF-8''%ZZ, realm="r", nonce="n", uri="/", response="x"`,
		`Basic realm="r"`,
	} {
		if c, err := digest.ParseCredentials(httpauth.MustParseCredentials(in)); err == nil {
			t.Errorf("ParseCredentials(%s) = %v, want an error", in, c)
		}
	}
}

func TestAuthInfo(t *testing.T) {
	ch, _ := digest.ParseChallenge(httpauth.MustParseChallenge(rfc7616Challenges[0]))
	cr, err := ch.Respond(rfc7616Input)
	if err != nil {
		t.Fatal(err)
	}
	ha1 := digest.HA1(digest.SHA256, "Mufasa", "http-auth@example.org", "Circle of Life")
	info := cr.AuthInfo(ha1, nil, "next")
	b, err := httpauth.AppendParams(nil, info.Params())
	if err != nil {
		t.Fatal(err)
	}
	// rspauth, nextnonce and cnonce quoted; qop and nc tokens (RFC 7616 section 3.5).
	if !strings.HasPrefix(string(b), `nextnonce="next", qop=auth, rspauth="`) || !strings.HasSuffix(string(b), `", cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", nc=00000001`) {
		t.Fatalf("Authentication-Info = %s", b)
	}
	ps, _ := httpauth.ParseParams(string(b))
	got, err := digest.ParseAuthInfo(ps)
	if err != nil || got != info {
		t.Fatalf("ParseAuthInfo = %+v, %v, want %+v", got, err, info)
	}
	if err := cr.CheckAuthInfo(got); err != nil {
		t.Fatalf("CheckAuthInfo: %v", err)
	}
	// A server that does not know the password cannot forge rspauth.
	forged := cr.AuthInfo(digest.HA1(digest.SHA256, "Mufasa", "http-auth@example.org", "guess"), nil, "")
	if err := cr.CheckAuthInfo(forged); !errors.Is(err, digest.ErrRspauth) {
		t.Fatalf("forged rspauth: err = %v", err)
	}
	// rspauth differs from response: A2 has no method.
	if info.Rspauth == cr.Response {
		t.Fatal("rspauth equals response")
	}
	if err := (digest.Credentials{}).CheckAuthInfo(info); !errors.Is(err, digest.ErrNoSecret) {
		t.Fatalf("parsed credentials: err = %v", err)
	}
}

func TestCredentialsNeverPrintResponse(t *testing.T) {
	cr, _ := digest.Challenge{Realm: "r", Nonce: "n", QOP: []string{"auth"}}.Respond(digest.Input{Username: "u", Password: "p", URI: "/", CNonce: "c"})
	for _, s := range []string{cr.String(), strings.Join([]string{fmtAll(cr)}, "")} {
		if strings.Contains(s, cr.Response) || !strings.Contains(s, `"u"`) {
			t.Fatalf("printed: %s", s)
		}
	}
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
	}
	if _, ok := digest.ParseAlgorithm("SHA-1"); ok {
		t.Error("SHA-1 accepted")
	}
}

func TestSecretsNeverPrinted(t *testing.T) {
	tr := &digest.Transport{Username: "alice", Password: "hunter2"}
	if s := fmtAll(tr); strings.Contains(s, "hunter2") || !strings.Contains(s, "alice") {
		t.Fatalf("Transport printed: %s", s)
	}
	s := &digest.Server{Realm: "r", Password: func(string) (string, bool) { return "hunter2", true }}
	cs := s.Challenges(false)
	ch, _ := digest.Select(cs)
	cr, _ := ch.Respond(digest.Input{Username: "alice", Password: "hunter2", URI: "/"})
	v, _ := cr.Encode()
	req, _ := http.NewRequest("GET", "http://x/", nil)
	req.RequestURI = "/"
	req.Header.Set("Authorization", v)
	res, err := s.Authenticate(req, false)
	if err != nil {
		t.Fatal(err)
	}
	ha1 := digest.HA1(ch.Algorithm, "alice", "r", "hunter2")
	if out := fmtAll(res) + fmtAll(struct{ R digest.Result }{res}); strings.Contains(out, ha1) || strings.Contains(out, cr.Response) {
		t.Fatalf("Result printed a secret: %s", out)
	}
}
