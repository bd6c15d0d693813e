package scram_test

import (
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/scram"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// A server reads the client-first message of RFC 7804's example and
// answers with its server-first message.
func Example() {
	hc, err := httpauth.ParseCredentials(`SCRAM-SHA-256 realm="testrealm@example.com", data=biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8K`)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := scram.ParseCredentials(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	msg, _ := c.DecodeData()
	fmt.Printf("%s %q\n", c.Scheme, msg)

	ch, _ := scram.Challenge{Scheme: c.Scheme, SID: "AAAABBBBCCCCDDDD", Data: "cj1yT3ByTkdmd0ViZVJXZ2JORWtxTw=="}.Build()
	fmt.Println("WWW-Authenticate:", ch)
	// Output:
	// SCRAM-SHA-256 "n,,n=user,r=rOprNGfwEbeRWgbNEkqO\n"
	// WWW-Authenticate: SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data="cj1yT3ByTkdmd0ViZVJXZ2JORWtxTw=="
}
