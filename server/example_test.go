package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/header"
	"github.com/authwire/httpauth/server"
)

func password(_ context.Context, user string) (string, bool) { return "secret", user == "alice" }

// A handler behind Digest SHA-256, Digest MD5 and Basic: the 401 offers
// the three, in this order.
func ExampleAuth() {
	auth := &server.Auth{
		Realm:    "example",
		Offers:   []server.Offer{server.DigestSHA256, server.DigestMD5, server.Basic},
		Password: password,
	}
	h := auth.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
	cs, _ := header.Challenges(w.Header(), header.WWWAuthenticate)
	for _, c := range cs {
		alg, _ := c.Params.Get("algorithm")
		fmt.Println(w.Code, c.Scheme, alg)
	}
	// Output:
	// 401 Digest SHA-256
	// 401 Digest MD5
	// 401 Basic
}

func ExampleAuth_Wrap() {
	auth := &server.Auth{Realm: "example", Offers: []server.Offer{server.Basic}, Password: password}
	h := auth.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, _ := server.User(r.Context())
		fmt.Fprintf(w, "hello %s", id.User)
	}))
	r := httptest.NewRequest("GET", "/", nil)
	r.SetBasicAuth("alice", "secret")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Body.String())
	// Output: 200 hello alice
}

// Authenticate, for a handler that decides itself what to do.
func ExampleAuth_Authenticate() {
	auth := &server.Auth{Realm: "example", Offers: []server.Offer{server.Bearer},
		Token: func(_ context.Context, tok string) (string, bool) { return "svc", tok == "t0ken" }}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", "Bearer t0ken")
	id, err := auth.Authenticate(r)
	fmt.Println(id.User, id.Scheme, err)
	_, err = auth.Authenticate(httptest.NewRequest("GET", "/", nil))
	fmt.Println(err)
	// Output:
	// svc Bearer <nil>
	// server: no credentials of an offered scheme
}

// A proxy asks with 407 and Proxy-Authenticate.
func ExampleAuth_proxy() {
	auth := &server.Auth{Realm: "proxy", Proxy: true, Offers: []server.Offer{server.DigestSHA512_256}, Password: password}
	w := httptest.NewRecorder()
	auth.Wrap(http.NotFoundHandler()).ServeHTTP(w, httptest.NewRequest("GET", "http://example.com/", nil))
	cs, _ := header.Challenges(w.Header(), header.ProxyAuthenticate)
	d, _ := digest.ParseChallenge(cs[0])
	fmt.Println(w.Code, d.Realm, d.Algorithm)
	// Output: 407 proxy SHA-512-256
}

func ExampleUser() {
	auth := &server.Auth{Realm: "example", Offers: []server.Offer{server.Basic}, Password: password}
	h := auth.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, ok := server.User(r.Context())
		fmt.Println(id.User, id.Scheme, ok)
	}))
	r := httptest.NewRequest("GET", "/", nil)
	r.SetBasicAuth("alice", "secret")
	h.ServeHTTP(httptest.NewRecorder(), r)
	_, ok := server.User(context.Background())
	fmt.Println(ok)
	// Output:
	// alice Basic true
	// false
}

func ExampleIdentity() {
	id := server.Identity{User: "alice", Scheme: "Digest"}
	fmt.Printf("%+v\n", id)
	// Output: {User:alice Scheme:Digest}
}

func ExampleOffer() {
	for _, o := range []server.Offer{server.DigestSHA256, server.Basic, server.Bearer} {
		fmt.Printf("%s %q\n", o.Scheme, o.Algorithm)
	}
	// Output:
	// Digest "SHA-256"
	// Basic ""
	// Bearer ""
}

func ExampleDigest() {
	o := server.Digest(digest.SHA256Sess)
	fmt.Println(o.Scheme, o.Algorithm)
	// Output: Digest SHA-256-sess
}
