package negotiate_test

import (
	"fmt"
	"net/http"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/negotiate"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

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
	data, err := cr.Data()
	if err != nil {
		fmt.Println(err)
		return
	}
	typ, ok := negotiate.MessageType(data)
	fmt.Println(cr.Scheme, typ, ok)

	// The CHALLENGE_MESSAGE would come from an NTLM implementation.
	answer := negotiate.Challenge{Scheme: cr.Scheme, Token: negotiate.Encode([]byte("NTLMSSP\x00\x02\x00\x00\x00"))}
	c, _ := answer.Build()
	fmt.Println("WWW-Authenticate:", c)
	// Output:
	// NTLM 1 true
	// WWW-Authenticate: NTLM TlRMTVNTUAACAAAA
}
