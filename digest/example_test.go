package digest_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
)

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

// The server side: check an Authorization value against a password.
func ExampleCredentials_Verify() {
	c, _ := digest.ParseCredentials(httpauth.MustParseCredentials(
		`Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`))
	fmt.Println(c.Verify("Mufasa", "Circle of Life", "GET", nil))
	fmt.Println(c.Verify("Mufasa", "Circle Of Life", "GET", nil))
	fmt.Println(c) // never prints the response
	// Output:
	// true
	// false
	// digest.Credentials{Username:"Mufasa", Realm:"http-auth@example.org", Response:[redacted]}
}

// A client and a server, both from this package.
func ExampleTransport() {
	srv := &digest.Server{
		Realm:    "example",
		Password: func(user string) (string, bool) { return "secret", user == "alice" },
	}
	ts := httptest.NewServer(srv.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, _ := digest.User(r.Context())
		fmt.Fprintf(w, "hello %s", u)
	})))
	defer ts.Close()

	client := &http.Client{Transport: &digest.Transport{Username: "alice", Password: "secret"}}
	resp, err := client.Get(ts.URL + "/")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, string(b))
	// Output: 200 hello alice
}
