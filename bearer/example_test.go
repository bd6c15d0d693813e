package bearer_test

import (
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bearer"
)

func ExampleChallenge_Challenge() {
	c := bearer.Challenge{
		Realm:            "example",
		Error:            bearer.InvalidToken,
		ErrorDescription: "The access token expired",
	}
	g, err := c.Challenge()
	if err != nil {
		panic(err)
	}
	b, _ := httpauth.AppendChallenge(nil, g)
	fmt.Println(string(b))
	fmt.Println(c.Error.StatusCode())
	// Output:
	// Bearer realm="example", error="invalid_token", error_description="The access token expired"
	// 401
}

func ExampleParseChallenge() {
	cs, _ := httpauth.ParseChallenges(`Bearer, DPoP algs="ES256 PS256"`)
	for _, c := range cs {
		b, _ := bearer.ParseChallenge(c)
		fmt.Println(b.Scheme, b.Algs)
	}
	// Output:
	// Bearer []
	// DPoP [ES256 PS256]
}

func ExampleParseCredentials() {
	tok, scheme, _ := bearer.ParseCredentials(httpauth.MustParseCredentials("Bearer mF_9.B5f-4.1JqM"))
	fmt.Println(scheme, tok)
	// Output: Bearer mF_9.B5f-4.1JqM
}
