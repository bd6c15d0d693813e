package basic_test

import (
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
)

func ExampleChallenge_Respond() {
	ch, _ := basic.ParseChallenge(httpauth.MustParseChallenge(`Basic realm="foo", charset="UTF-8"`))
	cr, _ := ch.Respond("test", "123£")
	v, _ := cr.Encode()
	fmt.Println(v)
	// Output: Basic dGVzdDoxMjPCow==
}

func ExampleParseAuthorization() {
	c, err := basic.ParseAuthorization("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
	if err != nil {
		panic(err)
	}
	fmt.Println(c.UserID, c.Verify("Aladdin", "open sesame"))
	fmt.Println(c) // the password is never printed
	// Output:
	// Aladdin true
	// basic.Credentials{UserID:"Aladdin", Password:[redacted]}
}

func ExampleChallenge_Challenge() {
	b, _ := httpauth.AppendChallenge(nil, basic.Challenge{Realm: "WallyWorld"}.Challenge())
	fmt.Println(string(b))
	// Output: Basic realm="WallyWorld"
}
