package negotiate_test

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/negotiate"
)

// A server reads an NTLM token sent under either scheme and answers the
// first step of the exchange.
func Example() {
	h := http.Header{}
	h.Set("Authorization", "NTLM TlRMTVNTUAABAAAA")

	hc, err := httpauth.ParseCredentials(h.Get("Authorization"))
	if err != nil {
		fmt.Println(err)
		return
	}
	cr, err := negotiate.ParseCredentials(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := cr.DecodeToken()
	if err != nil {
		fmt.Println(err)
		return
	}
	typ, ok := negotiate.MessageType(data)
	fmt.Println(cr, typ, ok)

	// The CHALLENGE_MESSAGE would come from an NTLM implementation.
	msg := []byte("NTLMSSP\x00\x02\x00\x00\x00")
	answer := negotiate.Challenge{Scheme: cr.Scheme, Token: base64.StdEncoding.EncodeToString(msg)}
	c, _ := answer.Build()
	fmt.Println("WWW-Authenticate:", c)
	// Output:
	// {NTLM [redacted]} 1 true
	// WWW-Authenticate: NTLM TlRMTVNTUAACAAAA
}

func ExampleChallenge() {
	c := negotiate.Challenge{} // the first challenge: Negotiate, no token
	g, _ := c.Build()
	fmt.Println(g)
	// Output: Negotiate
}

func ExampleParseChallenge() {
	cs, _ := httpauth.ParseChallenges(`Basic realm="x", negotiate, NTLM`)
	for _, c := range cs {
		n, err := negotiate.ParseChallenge(c)
		if errors.Is(err, httpauth.ErrOtherScheme) {
			continue
		}
		fmt.Printf("%q %q\n", n.Scheme, n.Token)
	}
	// Output:
	// "Negotiate" ""
	// "NTLM" ""
}

func ExampleChallenge_Build() {
	c, err := negotiate.Challenge{Token: "749efa7b23409c20b92356"}.Build()
	fmt.Println(c, err)
	_, err = negotiate.Challenge{Scheme: "Kerberos"}.Build()
	fmt.Println(errors.Is(err, httpauth.ErrOtherScheme))
	// Output:
	// Negotiate 749efa7b23409c20b92356 <nil>
	// true
}

func ExampleChallenge_DecodeToken() {
	c, _ := negotiate.ParseChallenge(httpauth.MustParseChallenge("NTLM TlRMTVNTUAACAAAA"))
	data, err := c.DecodeToken()
	fmt.Printf("%q %v\n", data, err)
	// Output: "NTLMSSP\x00\x02\x00\x00\x00" <nil>
}

// Credentials print their scheme, never their token.
func ExampleCredentials() {
	c := negotiate.Credentials{Scheme: negotiate.Scheme, Token: "a87421000492aa874209af8bc028"}
	fmt.Printf("%v %+v\n", c, c)
	// Output: {Negotiate [redacted]} {Scheme:Negotiate Token:[redacted]}
}

func ExampleParseCredentials() {
	_, err := negotiate.ParseCredentials(httpauth.MustParseCredentials("Negotiate"))
	fmt.Println(err)
	// Output: httpauth: Negotiate: token68 missing
}

func ExampleCredentials_Build() {
	hc, err := negotiate.Credentials{Token: "a87421000492aa874209af8bc028"}.Build()
	v, _ := hc.Encode()
	fmt.Println(v, err)
	// Output: Negotiate a87421000492aa874209af8bc028 <nil>
}

func ExampleCredentials_DecodeToken() {
	for _, tok := range []string{"TlRMTVNTUA==", "TlRMTVNTUA", "TlRMTVNTUB=="} {
		data, err := negotiate.Credentials{Scheme: negotiate.SchemeNTLM, Token: tok}.DecodeToken()
		fmt.Printf("%q %v\n", data, err)
	}
	// Output:
	// "NTLMSSP" <nil>
	// "NTLMSSP" <nil>
	// "" httpauth: NTLM: not base64
}

func ExampleMessageType() {
	fmt.Println(negotiate.MessageType([]byte("NTLMSSP\x00\x03\x00\x00\x00")))
	fmt.Println(negotiate.MessageType([]byte{0x60, 0x82})) // the start of a SPNEGO token
	// Output:
	// 3 true
	// 0 false
}
