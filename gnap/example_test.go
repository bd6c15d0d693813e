package gnap_test

import (
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/gnap"
)

// A client finds the authorization server from a resource server's
// challenge, then presents the token it got.
func Example() {
	hc := httpauth.MustParseChallenge(`GNAP as_uri="https://as.example/tx", access=FWWIKYBQ6U56NL1`)
	c, err := gnap.ParseChallenge(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("grant endpoint:", c.ASURI, "access reference:", c.Access)

	cr, _ := gnap.Credentials{Token: "OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0"}.Build()
	v, _ := cr.Encode()
	fmt.Println("Authorization:", v)
	// Output:
	// grant endpoint: https://as.example/tx access reference: FWWIKYBQ6U56NL1
	// Authorization: GNAP OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0
}

func ExampleChallenge() {
	c := gnap.Challenge{ASURI: "https://as.example/tx"}
	fmt.Printf("%+v\n", c)
	// Output: {ASURI:https://as.example/tx Access:}
}

func ExampleParseChallenge() {
	_, err := gnap.ParseChallenge(httpauth.MustParseChallenge(`GNAP access=FWWIKYBQ6U56NL1`))
	fmt.Println(err, errors.Is(err, httpauth.ErrMissingParam))
	_, err = gnap.ParseChallenge(httpauth.MustParseChallenge(`GNAP as_uri="/tx"`))
	fmt.Println(err)
	// Output:
	// httpauth: GNAP as_uri: required parameter missing true
	// httpauth: GNAP as_uri: not an absolute URI with a host
}

func ExampleChallenge_Build() {
	c, err := gnap.Challenge{ASURI: "https://as.example/tx", Access: "FWWIKYBQ6U56NL1"}.Build()
	fmt.Println(c, err)
	// Output: GNAP as_uri="https://as.example/tx", access=FWWIKYBQ6U56NL1 <nil>
}

// Credentials never print their token.
func ExampleCredentials() {
	c := gnap.Credentials{Token: "OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0"}
	fmt.Printf("%v %+v\n", c, c)
	// Output: {[redacted]} {Token:[redacted]}
}

func ExampleParseCredentials() {
	c, err := gnap.ParseCredentials(httpauth.MustParseCredentials("gnap OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0"))
	fmt.Println(len(c.Token), err)
	_, err = gnap.ParseCredentials(httpauth.MustParseCredentials("Bearer OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0"))
	fmt.Println(errors.Is(err, httpauth.ErrOtherScheme))
	// Output:
	// 40 <nil>
	// true
}

func ExampleCredentials_Build() {
	_, err := gnap.Credentials{Token: "a b"}.Build()
	fmt.Println(err)
	// Output: httpauth: GNAP: not a token68
}
