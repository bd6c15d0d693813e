package gnap_test

import (
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/gnap"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

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
