package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/client"
	"github.com/authwire/httpauth/server"
)

func examplePassword(_ context.Context, u string) (string, bool) { return "secret", u == "alice" }

// A client and a server, both from this module: the Transport answers the
// server's Digest challenge, and keeps the session for the next request.
func Example() {
	auth := &server.Auth{Realm: "example", Password: examplePassword}
	ts := httptest.NewServer(auth.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, _ := server.User(r.Context())
		fmt.Fprintf(w, "hello %s (%s)", id.User, id.Scheme)
	})))
	defer ts.Close()

	c := &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{{
		Origins:  []string{ts.URL}, // where the password may go
		Username: "alice", Password: "secret",
	}}}}
	resp, err := c.Get(ts.URL + "/")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, string(b))
	// Output: 200 hello alice (Digest)
}

func ExampleTransport() {
	var asked []string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.Header.Get("Authorization"))
		w.Header().Set("WWW-Authenticate", `Basic realm="x"`)
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer ts.Close()

	// Credentials for another origin: the 401 is returned unanswered.
	t := &client.Transport{Credentials: []client.Credentials{{
		Origins: []string{"https://api.example.com"}, Username: "alice", Password: "secret",
	}}}
	resp, _ := (&http.Client{Transport: t}).Get(ts.URL)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, asked)

	// For this origin, but over cleartext http: Basic needs Cleartext.
	t = &client.Transport{Credentials: []client.Credentials{{
		Origins: []string{ts.URL}, Username: "alice", Password: "secret",
	}}}
	resp, _ = (&http.Client{Transport: t}).Get(ts.URL)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, asked)
	// Output:
	// 401 []
	// 401 [ ]
}

// Through an authenticating proxy: proxy credentials go only to the proxy,
// in Proxy-Authorization.
func ExampleTransport_proxy() {
	proxyURL, _ := url.Parse("http://proxy.internal:3128")
	t := &client.Transport{
		Base:  &http.Transport{Proxy: http.ProxyURL(proxyURL)},
		Proxy: []client.Credentials{{Origins: []string{proxyURL.String()}, Username: "carol", Password: "pw"}},
		Credentials: []client.Credentials{{
			Origins: []string{"https://api.example.com"}, Username: "alice", Password: "secret",
		}},
	}
	c := &http.Client{Transport: t}
	_ = c                  // c.Get("https://api.example.com/") answers the proxy's 407 in the CONNECT, then the origin's 401
	fmt.Printf("%+v\n", t) // passwords never print
	// Output: {Base:*http.Transport Credentials:[{Origins:[https://api.example.com] Username:alice Password:[redacted] Token: Cleartext:false}] Proxy:[{Origins:[http://proxy.internal:3128] Username:carol Password:[redacted] Token: Cleartext:false}] MaxBody:0}
}

func ExampleTransport_CloseIdleConnections() {
	t := &client.Transport{}
	c := &http.Client{Transport: t}
	c.CloseIdleConnections() // reaches the Transport's connections
	fmt.Println("closed")
	// Output: closed
}

// Choose ranks the challenges of a response: Digest SHA-256 before MD5,
// Basic last.
func ExampleChoose() {
	cs, _ := httpauth.ParseChallenges(
		`Basic realm="r"`,
		`Digest realm="r", nonce="1", algorithm=MD5, qop="auth"`,
		`Digest realm="r", nonce="2", algorithm=SHA-256, qop="auth"`)
	cr := client.Credentials{Username: "alice", Password: "secret"}
	c, err := client.Choose(cs, cr, false)
	fmt.Println(c.Scheme, c.Index, c.Digest.Algorithm, err)

	_, err = client.Choose(cs[:1], cr, false) // only Basic, over cleartext
	fmt.Println(errors.Is(err, client.ErrNoChallenge))
	fmt.Println(err)
	// Output:
	// Digest 2 SHA-256 <nil>
	// true
	// client: no challenge can be answered: only Basic is offered, over cleartext (set Credentials.Cleartext to send the password)
}

// Respond is the call for a program that prints an Authorization value,
// such as a command-line tool.
func ExampleRespond() {
	cs, _ := httpauth.ParseChallenges(`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`)
	a, err := client.Respond(context.Background(), cs,
		client.Credentials{Username: "Mufasa", Password: "Circle of Life"},
		client.Request{Method: "GET", URI: "/dir/index.html", CNonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"})
	if err != nil {
		panic(err)
	}
	v, _ := a.Credentials.Encode()
	fmt.Println(v)
	// Output: Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
}

func ExampleChoice() {
	cs, _ := httpauth.ParseChallenges(`Bearer realm="api", scope="read"`, `Bearer realm="api", scope="write"`)
	c, _ := client.Choose(cs, client.Credentials{Token: static}, true)
	fmt.Println(c.Scheme, c.Index, c.Bearer.Realm, c.Bearer.Scope)
	// Output: Bearer 0 api [read write]
}

func ExampleChoice_Respond() {
	cs, _ := httpauth.ParseChallenges(`Basic realm="r"`)
	cr := client.Credentials{Username: "Aladdin", Password: "open sesame"}
	c, _ := client.Choose(cs, cr, true)
	a, _ := c.Respond(context.Background(), cr, client.Request{Secure: true})
	v, _ := a.Credentials.Encode()
	fmt.Println(v)
	// Output: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==
}

func ExampleAnswer() {
	cs, _ := httpauth.ParseChallenges(`Digest realm="r", nonce="n", qop="auth"`)
	a, _ := client.Respond(context.Background(), cs, client.Credentials{Username: "u", Password: "p"}, client.Request{URI: "/"})
	fmt.Println(a.Choice.Scheme, a.Digest.Username, a.Digest.NC)
	fmt.Printf("%+v\n", a.Digest) // the response and cnonce never print
	// Output:
	// Digest u 1
	// {Username:u Realm:r URI:/ Algorithm: Nonce:n NC:1 CNonce:[redacted] QOP:auth Response:[redacted] Opaque: Userhash:false Extra:}
}

func ExampleCredentials() {
	cr := client.Credentials{Origins: []string{"https://api.example.com"}, Username: "alice", Password: "secret"}
	b, _ := json.Marshal(cr)
	fmt.Println(string(b))
	// Output: {"Origins":["https://api.example.com"],"Username":"alice","Password":"[redacted]","Token":"","Cleartext":false}
}

func ExampleRequest() {
	req := client.Request{Method: "POST", URI: "/upload", Body: []byte("private"), Secure: true}
	fmt.Println(req)
	// Output: {POST /upload [redacted] true  0 }
}

// A token source that asks the caller's own system for a token, given the
// challenge's realm and scopes.
func ExampleTokenFunc() {
	src := client.TokenFunc(func(ctx context.Context, c bearer.Challenge) (string, error) {
		return "token-for-" + c.Realm, nil
	})
	cs, _ := httpauth.ParseChallenges(`Bearer realm="api"`)
	a, _ := client.Respond(context.Background(), cs, client.Credentials{Token: src}, client.Request{Secure: true})
	fmt.Println(a.Choice.Scheme, a.Credentials.Token68 == "token-for-api")
	// Output: Bearer true
}

func ExampleTokenFunc_Token() {
	src := client.TokenFunc(func(ctx context.Context, c bearer.Challenge) (string, error) { return "abc", nil })
	tok, err := src.Token(context.Background(), bearer.Challenge{})
	fmt.Println(len(tok), err)
	// Output: 3 <nil>
}

func ExampleTokenSource() {
	var src client.TokenSource = static
	tok, _ := src.Token(context.Background(), bearer.Challenge{Realm: "r"})
	fmt.Println(len(tok))
	// Output: 3
}

// The token flow of a container registry: the registry's challenge names
// the token endpoint, service and scope; the token is fetched, then sent.
func ExampleRegistry() {
	tokens := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"token":"t0ken","expires_in":300}`)
	}))
	defer tokens.Close()
	reg := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "Bearer t0ken" {
			fmt.Fprint(w, "manifest")
			return
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="`+tokens.URL+`/token",service="registry",scope="repository:app:pull"`)
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer reg.Close()

	cr := client.Credentials{Origins: []string{reg.URL}, Cleartext: true} // anonymous: no password
	cr.Token = client.Registry(nil, cr)
	c := &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{cr}}}
	resp, err := c.Get(reg.URL + "/v2/app/manifests/latest")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, string(b))
	// Output: 200 manifest
}
