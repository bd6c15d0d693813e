package digest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
)

const (
	exampleChallenge = `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`
	exampleAuthz     = `Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`
)

// The whole exchange of RFC 7616 section 3.9.1, both sides.
func Example() {
	// Client: read the challenge, answer it.
	ch, err := digest.ParseChallenge(httpauth.MustParseChallenge(exampleChallenge))
	if err != nil {
		panic(err)
	}
	cr, err := ch.Respond(digest.Input{
		Username: "Mufasa", Password: "Circle of Life", Method: "GET", URI: "/dir/index.html",
		CNonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
	})
	if err != nil {
		panic(err)
	}
	g, err := cr.Build()
	if err != nil {
		panic(err)
	}
	authorization, _ := g.Encode()

	// Server: read the credentials, check them.
	got, err := digest.ParseCredentials(httpauth.MustParseCredentials(authorization))
	if err != nil {
		panic(err)
	}
	fmt.Println(got.Algorithm, got.Verify("Mufasa", "Circle of Life", "GET", nil) == nil)
	// Output: SHA-256 true
}

func ExampleParseChallenge() {
	ch, err := digest.ParseChallenge(httpauth.MustParseChallenge(exampleChallenge))
	fmt.Println(ch.Realm, ch.Algorithm, ch.QOP, err)
	_, err = digest.ParseChallenge(httpauth.MustParseChallenge(`Basic realm="x"`))
	fmt.Println(errors.Is(err, httpauth.ErrOtherScheme))
	_, err = digest.ParseChallenge(httpauth.MustParseChallenge(`Digest realm="x", nonce="n", algorithm=SHA-1`))
	fmt.Println(errors.Is(err, digest.ErrAlgorithm), err)
	// Output:
	// http-auth@example.org SHA-256 [auth auth-int] <nil>
	// true
	// true httpauth: Digest algorithm: unsupported algorithm
}

func ExampleChallenge() {
	c := digest.Challenge{Realm: "api", Nonce: "abc", QOP: []string{"auth"}, Algorithm: digest.SHA512_256}
	g, _ := c.Build()
	fmt.Println(g)
	// Output: Digest realm="api", qop="auth", algorithm=SHA-512-256, nonce="abc"
}

func ExampleChallenge_Build() {
	c := digest.Challenge{Realm: "api", Nonce: "abc", Stale: true, Userhash: true}
	g, err := c.Build()
	fmt.Println(g, err)
	_, err = digest.Challenge{Realm: "api", QOP: []string{"auth int"}}.Build()
	fmt.Println(err)
	// Output:
	// Digest realm="api", nonce="abc", stale=true, userhash=true <nil>
	// httpauth: Digest qop: qop list element is not a token
}

// The client side of RFC 7616 section 3.9.1.
func ExampleChallenge_Respond() {
	cs, _ := httpauth.ParseChallenges(
		`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
		`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`)
	ch, _ := digest.Select(cs) // SHA-256, the strongest
	cr, _ := ch.Respond(digest.Input{
		Username: "Mufasa", Password: "Circle of Life",
		Method: "GET", URI: "/dir/index.html",
		CNonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
	})
	fmt.Println(ch.Algorithm, cr.Response)
	// Output: SHA-256 753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1
}

func ExampleChallenge_Offers() {
	ch, _ := digest.ParseChallenge(httpauth.MustParseChallenge(exampleChallenge))
	fmt.Println(ch.Offers("auth-int"), ch.Offers("AUTH"), ch.Offers("auth-conf"))
	// Output: true true false
}

func ExampleSelect() {
	cs, _ := httpauth.ParseChallenges(`Basic realm="x"`, `Digest realm="x", nonce="1", algorithm=MD5`, `Digest realm="x", nonce="2", algorithm=SHA-512-256`)
	ch, at := digest.Select(cs)
	fmt.Println(ch.Algorithm, at)
	_, at = digest.Select(cs[:1])
	fmt.Println(at)
	// Output:
	// SHA-512-256 2
	// -1
}

func ExampleInput() {
	in := digest.Input{Username: "Mufasa", Password: "Circle of Life", URI: "/"}
	fmt.Printf("%+v\n", in) // the password never prints
	// Output: {Username:Mufasa Password:[redacted] Method: URI:/ Body: CNonce: NC:0 QOP:}
}

func ExampleParseCredentials() {
	c, err := digest.ParseCredentials(httpauth.MustParseCredentials(exampleAuthz))
	fmt.Println(c.Username, c.URI, c.NC, err)
	fmt.Println(c) // the response and cnonce never print
	// Output:
	// Mufasa /dir/index.html 1 <nil>
	// {Mufasa http-auth@example.org /dir/index.html MD5 7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v 1 [redacted] auth [redacted] FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS false }
}

func ExampleCredentials() {
	c := digest.Credentials{Username: "J\u00e4s\u00f8n Doe", Realm: "api", URI: "/", Nonce: "n", Response: "ab"}
	g, _ := c.Build()
	fmt.Println(g.Params[0].Name, g.Params[0].Value)
	// Output: username* UTF-8''J%C3%A4s%C3%B8n%20Doe
}

func ExampleCredentials_Build() {
	c := digest.Credentials{Username: "Mufasa", Realm: "r", URI: "/", Nonce: "n", NC: 1, CNonce: "c", QOP: "auth", Response: "ab"}
	g, err := c.Build()
	if err != nil {
		panic(err)
	}
	v, _ := g.Encode()
	fmt.Println(v)
	_, err = digest.Credentials{Username: "admin\r\nX-Injected: 1"}.Build()
	fmt.Println(err)
	// Output:
	// Digest username="Mufasa", realm="r", uri="/", nonce="n", nc=00000001, cnonce="c", qop=auth, response="ab"
	// httpauth: Digest username: user name holds a control character
}

// The server side: check an Authorization value against a password.
func ExampleCredentials_Verify() {
	c, _ := digest.ParseCredentials(httpauth.MustParseCredentials(exampleAuthz))
	fmt.Println(c.Verify("Mufasa", "Circle of Life", "GET", nil))
	err := c.Verify("Mufasa", "Circle Of Life", "GET", nil)
	fmt.Println(errors.Is(err, httpauth.ErrVerification), err)
	// Output:
	// <nil>
	// true httpauth: Digest response: verification failed
}

// A server that stores H(A1) rather than the password.
func ExampleCredentials_VerifyHA1() {
	ha1 := digest.HA1(digest.MD5, "Mufasa", "http-auth@example.org", "Circle of Life")
	c, _ := digest.ParseCredentials(httpauth.MustParseCredentials(exampleAuthz))
	fmt.Println(c.VerifyHA1(ha1, "GET", nil))
	// Output: <nil>
}

func ExampleCredentials_Expected() {
	ha1 := digest.HA1(digest.MD5, "Mufasa", "http-auth@example.org", "Circle of Life")
	c, _ := digest.ParseCredentials(httpauth.MustParseCredentials(exampleAuthz))
	fmt.Println(c.Expected(ha1, "GET", nil))
	// Output: 8ca523f5e9506fed4657c9700eebdbec
}

// The server proves it knows the password with rspauth; the client checks.
func ExampleCredentials_Info() {
	ch := digest.Challenge{Realm: "r", Nonce: "n", QOP: []string{"auth"}}
	cr, _ := ch.Respond(digest.Input{Username: "u", Password: "p", URI: "/", CNonce: "c"})
	info := cr.Info(digest.HA1(digest.MD5, "u", "r", "p"), nil, "next")
	fmt.Println(info.NextNonce, info.QOP, info.NC, len(info.Rspauth))
	// Output: next auth 1 32
}

func ExampleCredentials_VerifyInfo() {
	ch := digest.Challenge{Realm: "r", Nonce: "n", QOP: []string{"auth"}}
	cr, _ := ch.Respond(digest.Input{Username: "u", Password: "p", URI: "/"})
	good := cr.Info(digest.HA1(digest.MD5, "u", "r", "p"), nil, "")
	forged := cr.Info(digest.HA1(digest.MD5, "u", "r", "guess"), nil, "")
	fmt.Println(cr.VerifyInfo(good, nil))
	fmt.Println(cr.VerifyInfo(forged, nil))
	// Output:
	// <nil>
	// httpauth: Digest rspauth: verification failed
}

func ExampleParseInfo() {
	ps, _ := httpauth.ParseParams(`nextnonce="abc", qop=auth, rspauth="d3b0", cnonce="c", nc=00000001`)
	a, err := digest.ParseInfo(ps)
	fmt.Println(a.NextNonce, a.NC, err)
	fmt.Println(a) // rspauth and cnonce never print
	// Output:
	// abc 1 <nil>
	// {abc auth [redacted] [redacted] 1}
}

func ExampleInfo() {
	a := digest.Info{NextNonce: "abc"}
	ps, _ := a.Build()
	fmt.Println(ps)
	// Output: [nextnonce="abc"]
}

func ExampleInfo_Build() {
	ps, err := digest.Info{NextNonce: "abc", QOP: "auth", Rspauth: "d3b0", NC: 2}.Build()
	if err != nil {
		panic(err)
	}
	b, _ := httpauth.AppendParams(nil, ps)
	fmt.Println(string(b))
	// Output: nextnonce="abc", qop=auth, rspauth="d3b0", nc=00000002
}

func ExampleHA1() {
	fmt.Println(digest.HA1(digest.MD5, "Mufasa", "http-auth@example.org", "Circle of Life"))
	// Output: 3d78807defe7de2157e2b0b6573a855f
}

func ExampleUserHash() {
	fmt.Println(digest.UserHash(digest.SHA256, "Mufasa", "http-auth@example.org"))
	// Output: a947aad205e80e429958a387394944c6b496301e79f89d35a4cc23b6ee12b5b6
}

func ExampleNewNonce() {
	n := digest.NewNonce()
	fmt.Println(len(n), httpauth.IsToken68(n))
	// Output: 43 true
}

func ExampleAlgorithm() {
	for _, a := range []digest.Algorithm{digest.Unspecified, digest.MD5, digest.SHA512_256Sess} {
		fmt.Printf("%q %d\n", a, a.New().Size())
	}
	// Output:
	// "" 16
	// "MD5" 16
	// "SHA-512-256-sess" 32
}

func ExampleParseAlgorithm() {
	a, ok := digest.ParseAlgorithm("sha-256")
	fmt.Println(a, ok)
	_, ok = digest.ParseAlgorithm("SHA-1")
	fmt.Println(ok)
	// Output:
	// SHA-256 true
	// false
}

func ExampleAlgorithm_New() {
	h := digest.SHA512_256.New()
	h.Write([]byte("abc"))
	fmt.Printf("%x\n", h.Sum(nil))
	// Output: 53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23
}

func ExampleAlgorithm_Session() {
	fmt.Println(digest.MD5Sess.Session(), digest.SHA256.Session())
	// Output: true false
}

// users is the credential source of the server examples.
func password(_ context.Context, user string) (string, bool) {
	return "Circle of Life", user == "Mufasa"
}

// A server answering one request: challenge, then credentials.
func ExampleServer() {
	s := &digest.Server{Realm: "example", Password: password}
	cs, _ := s.Challenges(false) // SHA-256 then MD5, each with its nonce
	ch, _ := digest.Select(cs)
	cr, _ := ch.Respond(digest.Input{Username: "Mufasa", Password: "Circle of Life", URI: "/"})
	g, _ := cr.Build()
	v, _ := g.Encode()

	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", v)
	res, err := s.Authenticate(r, false)
	fmt.Println(res.Username, err)
	// Output: Mufasa <nil>
}

func ExampleServer_Challenge() {
	s := &digest.Server{Realm: "example", Password: password}
	g, _ := s.Challenge(digest.SHA512_256, true)
	c, _ := digest.ParseChallenge(g)
	fmt.Println(c.Realm, c.Algorithm, c.QOP, c.Stale, c.Charset, len(c.Nonce))
	// Output: example SHA-512-256 [auth] true UTF-8 54
}

func ExampleServer_Challenges() {
	s := &digest.Server{Realm: "example", Algorithms: []digest.Algorithm{digest.SHA256, digest.MD5Sess}, Password: password}
	cs, _ := s.Challenges(false)
	for _, g := range cs {
		c, _ := digest.ParseChallenge(g)
		fmt.Println(c.Algorithm)
	}
	// Output:
	// SHA-256
	// MD5-sess
}

// Authenticate tells a missing Authorization, a wrong password and an
// expired nonce apart.
func ExampleServer_Authenticate() {
	s := &digest.Server{Realm: "example", Password: password}
	_, err := s.Authenticate(httptest.NewRequest("GET", "/", nil), false)
	fmt.Println(errors.Is(err, digest.ErrNoCredentials))

	g, _ := s.Challenge(digest.SHA256, false)
	ch, _ := digest.ParseChallenge(g)
	cr, _ := ch.Respond(digest.Input{Username: "Mufasa", Password: "guess", URI: "/"})
	cg, _ := cr.Build()
	v, _ := cg.Encode()
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", v)
	_, err = s.Authenticate(r, false)
	fmt.Println(errors.Is(err, httpauth.ErrVerification), errors.Is(err, digest.ErrStale))
	// Output:
	// true
	// true false
}

// Verify takes credentials already parsed, as a middleware offering several
// schemes has them.
func ExampleServer_Verify() {
	s := &digest.Server{Realm: "example", Password: password}
	g, _ := s.Challenge(digest.MD5, false)
	ch, _ := digest.ParseChallenge(g)
	cr, _ := ch.Respond(digest.Input{Username: "Mufasa", Password: "Circle of Life", URI: "/"})

	res, err := s.Verify(httptest.NewRequest("GET", "/", nil), cr)
	fmt.Println(res.Username, err)
	// Answering the MD5 nonce with SHA-256 is refused: nonces are bound to
	// the algorithm of their challenge.
	cr, _ = digest.Challenge{Realm: "example", Nonce: ch.Nonce, Algorithm: digest.SHA256, QOP: ch.QOP}.
		Respond(digest.Input{Username: "Mufasa", Password: "Circle of Life", URI: "/"})
	_, err = s.Verify(httptest.NewRequest("GET", "/", nil), cr)
	fmt.Println(err)
	// Output:
	// Mufasa <nil>
	// httpauth: Digest nonce: nonce not issued by this server for this algorithm: verification failed
}

func ExampleServer_Info() {
	s := &digest.Server{Realm: "example", Password: password}
	g, _ := s.Challenge(digest.SHA256, false)
	ch, _ := digest.ParseChallenge(g)
	cr, _ := ch.Respond(digest.Input{Username: "Mufasa", Password: "Circle of Life", URI: "/"})
	res, _ := s.Verify(httptest.NewRequest("GET", "/", nil), cr)

	info := s.Info(res, nil)
	fmt.Println(cr.VerifyInfo(info, nil), len(info.NextNonce))
	// Output: <nil> 54
}

func ExampleResult() {
	s := &digest.Server{Realm: "example", Password: password}
	g, _ := s.Challenge(digest.SHA256, false)
	ch, _ := digest.ParseChallenge(g)
	cr, _ := ch.Respond(digest.Input{Username: "Mufasa", Password: "Circle of Life", URI: "/"})
	res, _ := s.Verify(httptest.NewRequest("GET", "/", nil), cr)
	fmt.Println(res.Username, res.Credentials.Algorithm)
	// Output: Mufasa SHA-256
}
