package basic_test

import (
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
)

// A client answers the Basic challenge among those of a 401 response,
// skipping the others.
func Example() {
	cs, _ := httpauth.ParseChallenges(`Bearer realm="api", Basic realm="WallyWorld"`)
	for _, c := range cs {
		ch, err := basic.ParseChallenge(c)
		if errors.Is(err, httpauth.ErrOtherScheme) {
			continue
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		cr, err := ch.Respond("Aladdin", "open sesame")
		if err != nil {
			fmt.Println(err)
			return
		}
		hc, err := cr.Build()
		if err != nil {
			fmt.Println(err)
			return
		}
		v, _ := hc.Encode()
		fmt.Println("Authorization:", v)
	}
	// Output: Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==
}

func ExampleChallenge() {
	c := basic.Challenge{Realm: "WallyWorld", Charset: "UTF-8"}
	fmt.Printf("%+v\n", c)
	// Output: {Realm:WallyWorld Charset:UTF-8}
}

func ExampleParseChallenge() {
	c, err := basic.ParseChallenge(httpauth.MustParseChallenge(`Basic realm="foo", charset="UTF-8"`))
	fmt.Println(c.Realm, c.UTF8(), err)

	_, err = basic.ParseChallenge(httpauth.MustParseChallenge(`Basic charset="UTF-8"`))
	fmt.Println(err, errors.Is(err, httpauth.ErrMissingParam))
	// Output:
	// foo true <nil>
	// httpauth: Basic realm: required parameter missing true
}

func ExampleChallenge_Build() {
	c, err := basic.Challenge{Realm: "WallyWorld"}.Build()
	fmt.Println(c, err)
	// Output: Basic realm="WallyWorld" <nil>
}

func ExampleChallenge_Respond() {
	ch := basic.Challenge{Realm: "foo", Charset: "UTF-8"}
	cr, err := ch.Respond("test", "123£")
	fmt.Println(cr, err)

	_, err = ch.Respond("test", "123\xa3") // Latin-1, not UTF-8
	fmt.Println(errors.Is(err, basic.ErrUTF8))
	// Output:
	// {test [redacted]} <nil>
	// true
}

func ExampleChallenge_UTF8() {
	fmt.Println(basic.Challenge{Realm: "a", Charset: "utf-8"}.UTF8(), basic.Challenge{Realm: "a"}.UTF8())
	// Output: true false
}

// Credentials print their user-id, never their password.
func ExampleCredentials() {
	c := basic.Credentials{UserID: "Aladdin", Password: "open sesame"}
	fmt.Println(c)
	fmt.Printf("%+v\n", c)
	// Output:
	// {Aladdin [redacted]}
	// {UserID:Aladdin Password:[redacted]}
}

func ExampleParseCredentials() {
	hc := httpauth.MustParseCredentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
	c, err := basic.ParseCredentials(hc)
	fmt.Println(c.UserID, err)

	// The same pair with non-zero pad bits is refused.
	_, err = basic.ParseCredentials(httpauth.MustParseCredentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZR=="))
	fmt.Println(err)
	// Output:
	// Aladdin <nil>
	// httpauth: Basic: not base64
}

func ExampleCredentials_Build() {
	hc, err := basic.Credentials{UserID: "Aladdin", Password: "open sesame"}.Build()
	fmt.Println(hc.Token68, err)

	_, err = basic.Credentials{UserID: "a:b", Password: "c"}.Build()
	fmt.Println(errors.Is(err, basic.ErrColon))
	// Output:
	// QWxhZGRpbjpvcGVuIHNlc2FtZQ== <nil>
	// true
}

func ExampleCredentials_Verify() {
	c, _ := basic.ParseCredentials(httpauth.MustParseCredentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="))
	fmt.Println(c.Verify("Aladdin", "open sesame"))
	err := c.Verify("Aladdin", "guess")
	fmt.Println(err, errors.Is(err, httpauth.ErrVerification))
	// Output:
	// <nil>
	// httpauth: Basic: user-id or password does not match true
}
