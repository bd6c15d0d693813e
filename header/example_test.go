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

// The field names are the keys http.Header stores.
func ExampleValues() {
	h := http.Header{}
	h.Add("WWW-Authenticate", `Basic realm="a"`)
	h[header.WWWAuthenticate] = append(h[header.WWWAuthenticate], `Bearer realm="b"`)
	h["www-authenticate"] = []string{"Negotiate"} // a spelling put in the map directly
	fmt.Printf("%q\n", header.Values(h, header.WWWAuthenticate))
	// Output: ["Basic realm=\"a\"" "Bearer realm=\"b\"" "Negotiate"]
}

// A client reads the challenges of a 401 or 407 response and answers in
// the field that goes with it.
func ExampleResponseChallenges() {
	resp := &http.Response{StatusCode: http.StatusProxyAuthRequired, Header: http.Header{}}
	resp.Header.Add("Proxy-Authenticate", `Basic realm="corporate proxy"`)
	cs, err := header.ResponseChallenges(resp)
	if err != nil || len(cs) == 0 {
		fmt.Println("no challenge", err)
		return
	}
	fmt.Println(cs[0].Scheme, cs[0].Realm())

	req, _ := http.NewRequest("GET", "http://example.com/", nil)
	header.SetCredentials(req.Header, header.CredentialsField(resp.StatusCode),
		httpauth.Credentials{Scheme: "Basic", Token68: "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="})
	fmt.Println(req.Header)
	// Output:
	// Basic corporate proxy
	// map[Proxy-Authorization:[Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==]]
}

func ExampleChallengeField() {
	fmt.Println(header.ChallengeField(http.StatusUnauthorized))
	fmt.Println(header.ChallengeField(http.StatusProxyAuthRequired))
	fmt.Printf("%q\n", header.ChallengeField(http.StatusOK))
	// Output:
	// Www-Authenticate
	// Proxy-Authenticate
	// ""
}

func ExampleCredentialsField() {
	fmt.Println(header.CredentialsField(http.StatusUnauthorized))
	fmt.Println(header.CredentialsField(http.StatusProxyAuthRequired))
	// Output:
	// Authorization
	// Proxy-Authorization
}

// A server reads the credentials of a request.
func ExampleCredentials() {
	req, _ := http.NewRequest("GET", "http://example.com/", nil)
	req.Header.Set("Authorization", `Digest username="Mufasa", realm="http-auth@example.org", uri="/", response="6629fae49393a05397450978507c4ef1"`)
	c, ok, err := header.Credentials(req.Header, header.Authorization)
	fmt.Println(ok, err)
	fmt.Println(c) // secrets are never printed
	// Output:
	// true <nil>
	// Digest username="Mufasa", realm="http-auth@example.org", uri="/", response=[redacted]
}

func ExampleParams() {
	h := http.Header{}
	h.Set("Authentication-Info", `nextnonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", qop=auth`)
	ps, err := header.Params(h, header.AuthenticationInfo)
	nextnonce, _ := ps.Get("nextnonce")
	fmt.Println(nextnonce, err)
	// Output: 7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v <nil>
}

func ExampleAddChallenges() {
	h := http.Header{}
	header.AddChallenges(h, header.WWWAuthenticate,
		httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "a"}}},
		httpauth.Challenge{Scheme: "Bearer", Params: httpauth.Params{{Name: "realm", Value: "a"}}})
	fmt.Printf("%q\n", h.Values("WWW-Authenticate"))
	// Output: ["Basic realm=\"a\"" "Bearer realm=\"a\""]
}

func ExampleSetChallenges() {
	h := http.Header{}
	h["WWW-Authenticate"] = []string{"Old"} // any spelling is replaced
	err := header.SetChallenges(h, header.WWWAuthenticate,
		httpauth.Challenge{Scheme: "Negotiate"},
		httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "intranet"}}})
	fmt.Println(h, err)
	// Output: map[Www-Authenticate:[Negotiate Basic realm="intranet"]] <nil>
}

func ExampleSetCredentials() {
	h := http.Header{}
	err := header.SetCredentials(h, header.Authorization, httpauth.Credentials{Scheme: "Bearer", Token68: "mF_9.B5f-4.1JqM"})
	fmt.Println(h.Get("Authorization"), err)

	// A value that could split the header is refused, and h is unchanged.
	err = header.SetCredentials(h, header.Authorization, httpauth.Credentials{Scheme: "Bearer", Token68: "x\r\nX-Evil: 1"})
	fmt.Println(h.Get("Authorization"), err)
	// Output:
	// Bearer mF_9.B5f-4.1JqM <nil>
	// Bearer mF_9.B5f-4.1JqM httpauth: cannot encode token68: not a token68
}

func ExampleSetParams() {
	h := http.Header{}
	err := header.SetParams(h, header.AuthenticationInfo, httpauth.Params{
		{Name: "nextnonce", Value: "abc"}, {Name: "qop", Value: "auth"}})
	fmt.Println(h.Get("Authentication-Info"), err)
	// Output: nextnonce="abc", qop=auth <nil>
}

// A reverse proxy for a container registry sends clients to its own token
// service; every other byte of the upstream's field goes through as it was.
func ExampleSetParam() {
	h := http.Header{}
	h.Add("WWW-Authenticate", `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"`)
	err := header.SetParam(h, header.WWWAuthenticate, 0, "realm", "https://proxy.example/token")
	fmt.Println(h.Get("WWW-Authenticate"), err)
	// Output: Bearer realm="https://proxy.example/token",service="registry.docker.io",scope="repository:library/alpine:pull" <nil>
}

func ExampleRemoveChallenge() {
	h := http.Header{}
	h.Add("WWW-Authenticate", `Negotiate`)
	h.Add("WWW-Authenticate", `Basic realm="intranet", NTLM`)
	header.RemoveChallenge(h, header.WWWAuthenticate, 0) // the line goes
	header.RemoveChallenge(h, header.WWWAuthenticate, 1) // NTLM, now the second
	fmt.Printf("%q\n", h.Values("WWW-Authenticate"))
	// Output: ["Basic realm=\"intranet\""]
}
