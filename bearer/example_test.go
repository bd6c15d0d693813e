package bearer_test

import (
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bearer"
)

// A resource server reads the access token, and answers a request
// without one with a challenge.
func Example() {
	hc, err := httpauth.ParseCredentials("Bearer mF_9.B5f-4.1JqM")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := bearer.ParseCredentials(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Scheme, len(c.Token), "bytes of token:", c)

	ch, _ := bearer.Challenge{Realm: "example", Error: bearer.InvalidToken, ErrorDescription: "The access token expired"}.Build()
	fmt.Println("WWW-Authenticate:", ch)
	// Output:
	// Bearer 15 bytes of token: {Bearer [redacted]}
	// WWW-Authenticate: Bearer realm="example", error="invalid_token", error_description="The access token expired"
}

func ExampleChallenge() {
	c := bearer.Challenge{Realm: "example", Scope: []string{"openid", "profile"}, Error: bearer.InsufficientScope}
	fmt.Printf("%s %q %v\n", c.Realm, c.Scope, c.Error)
	// Output: example ["openid" "profile"] insufficient_scope
}

func ExampleChallenge_Build() {
	c := bearer.Challenge{
		Realm:            "example",
		Error:            bearer.InvalidToken,
		ErrorDescription: "The access token expired",
	}
	g, err := c.Build()
	fmt.Println(g, err)

	_, err = bearer.Challenge{ErrorDescription: `say "hi"`}.Build()
	fmt.Println(errors.Is(err, bearer.ErrCharset), err)
	// Output:
	// Bearer realm="example", error="invalid_token", error_description="The access token expired" <nil>
	// true httpauth: Bearer error_description: value holds '"', '\' or a byte outside printable ASCII (RFC 6750 section 3)
}

func ExampleParseChallenge() {
	cs, _ := httpauth.ParseChallenges(`Bearer, DPoP algs="ES256 PS256", Basic realm="x"`)
	for _, c := range cs {
		b, err := bearer.ParseChallenge(c)
		if errors.Is(err, httpauth.ErrOtherScheme) {
			fmt.Println("not Bearer or DPoP:", c.Scheme)
			continue
		}
		fmt.Println(b.Scheme, b.Algs)
	}
	// Output:
	// Bearer []
	// DPoP [ES256 PS256]
	// not Bearer or DPoP: Basic
}

// Credentials print their scheme, never their token.
func ExampleCredentials() {
	c := bearer.Credentials{Scheme: bearer.SchemeDPoP, Token: "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"}
	fmt.Println(c)
	fmt.Printf("%+v\n", c)
	// Output:
	// {DPoP [redacted]}
	// {Scheme:DPoP Token:[redacted]}
}

func ExampleParseCredentials() {
	c, err := bearer.ParseCredentials(httpauth.MustParseCredentials("dpop Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"))
	fmt.Println(c.Scheme == bearer.SchemeDPoP, c.Token[:4], err)
	// Output: true Kz~8 <nil>
}

func ExampleCredentials_Build() {
	hc, err := bearer.Credentials{Token: "mF_9.B5f-4.1JqM"}.Build()
	v, _ := hc.Encode()
	fmt.Println(v, err)

	_, err = bearer.Credentials{Token: "not a token68"}.Build()
	fmt.Println(err)
	// Output:
	// Bearer mF_9.B5f-4.1JqM <nil>
	// httpauth: Bearer: not a token68
}

func ExampleErrorCode() {
	c, _ := bearer.ParseChallenge(httpauth.MustParseChallenge(`DPoP error="use_dpop_nonce"`))
	fmt.Println(c.Error == bearer.UseDPoPNonce)
	// Output: true
}

func ExampleErrorCode_StatusCode() {
	fmt.Println(bearer.InvalidRequest.StatusCode(), bearer.InsufficientScope.StatusCode(), bearer.ErrorCode("x").StatusCode())
	// Output: 400 403 0
}

func ExampleErrorCode_Registered() {
	fmt.Println(bearer.InvalidToken.Registered(), bearer.ErrorCode("temporarily_unavailable").Registered())
	// Output: true false
}
