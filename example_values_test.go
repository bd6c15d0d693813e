package httpauth_test

import (
	"fmt"

	"github.com/authwire/httpauth"
)

func ExampleParams_Get() {
	c := httpauth.MustParseChallenge(`Digest realm="api", NONCE="abc", qop="auth"`)
	nonce, ok := c.Params.Get("nonce") // names compare ASCII case-insensitively
	fmt.Println(nonce, ok)
	_, ok = c.Params.Get("opaque")
	fmt.Println(ok, c.Params.Has("QOP"))
	// Output:
	// abc true
	// false true
}

func ExampleParams_Index() {
	ps := httpauth.Params{{Name: "realm", Value: "api"}, {Name: "Scope", Value: "read"}}
	fmt.Println(ps.Index("scope"), ps.Index("error"))
	// Output: 1 -1
}

// A proxy rewrites the realm and the scope of a challenge: a parameter
// keeps its place and its spelling; a new one goes at the end.
func ExampleParams_Set() {
	c := httpauth.MustParseChallenge(`Bearer Realm="internal", scope="read"`)
	c.Params.Set("realm", "public")
	c.Params.Set("error", "invalid_token")
	fmt.Println(c)
	// Output: Bearer Realm="public", scope="read", error="invalid_token"
}

func ExampleParams_Del() {
	c := httpauth.MustParseChallenge(`Bearer realm="api", error="invalid_token", error_description="expired"`)
	c.Params.Del("error")
	c.Params.Del("ERROR_DESCRIPTION")
	fmt.Println(c)
	// Output: Bearer realm="api"
}

func ExampleParam_String() {
	fmt.Println(httpauth.Param{Name: "realm", Value: "api"})
	fmt.Println(httpauth.ExtParam("username", "Jäsøn Doe"))
	fmt.Println(httpauth.Params{{Name: "qop", Value: "auth"}, {Name: "nc", Value: "00000001"}})
	// Output:
	// realm="api"
	// username*=UTF-8''J%C3%A4s%C3%B8n%20Doe
	// [qop=auth nc=00000001]
}
