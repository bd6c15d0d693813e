package header_test

import (
	"fmt"
	"net/http"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/header"
)

func ExampleChallenges() {
	h := http.Header{}
	h.Add("WWW-Authenticate", `Basic realm="simple"`)
	h.Add("WWW-Authenticate", `Digest realm="x", nonce="abc", qop="auth"`)
	cs, _ := header.Challenges(h, header.WWWAuthenticate)
	for _, c := range cs {
		fmt.Println(c.Scheme, c.Realm())
	}
	// Output:
	// Basic simple
	// Digest x
}

func ExampleAddChallenges() {
	h := http.Header{}
	header.AddChallenges(h, header.WWWAuthenticate,
		httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "a"}}},
		httpauth.Challenge{Scheme: "Bearer", Params: httpauth.Params{{Name: "realm", Value: "a"}}})
	fmt.Printf("%q\n", h.Values("WWW-Authenticate"))
	// Output: ["Basic realm=\"a\"" "Bearer realm=\"a\""]
}
