package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/client"
)

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
