package oauth1_test

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/oauth1"
)

// The protected resource request of RFC 5849 section 1.2: its
// Authorization value, and the secrets of the client and of its token.
const (
	exResource       = `OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="nnch734d00sl2jdk", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131202", oauth_nonce="chapoH", oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"`
	exConsumerSecret = "kd94hf93k423kf44"
	exTokenSecret    = "pfkkdhi9sl3r4s00"
)

// A server reads and checks the protected resource request of RFC 5849
// section 1.2.
func Example() {
	c, err := oauth1.ParseCredentials(httpauth.MustParseCredentials(exResource))
	if err != nil {
		fmt.Println(err)
		return
	}
	u, _ := url.Parse("http://photos.example.net/photos?file=vacation.jpg&size=original")
	fmt.Println(c.ConsumerKey, c.Verify("GET", u, nil, exConsumerSecret, exTokenSecret))
	// Output:
	// dpf43f3p2l4k3l03 <nil>
}

// A server reads RFC 5849's temporary credentials request.
func ExampleParseCredentials() {
	hc := httpauth.MustParseCredentials(`OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131200", oauth_nonce="wIjqoS", oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready", oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"`)
	c, err := oauth1.ParseCredentials(hc)
	fmt.Println(c.ConsumerKey, c.SignatureMethod, c.Timestamp, c.Callback, err)
	// Output:
	// dpf43f3p2l4k3l03 HMAC-SHA1 137131200 http://printer.example.com/ready <nil>
}

// Credentials print without the signature, the token and the verifier.
func ExampleCredentials() {
	c, _ := oauth1.ParseCredentials(httpauth.MustParseCredentials(exResource))
	fmt.Println(c)
	// Output:
	// {Photos dpf43f3p2l4k3l03 [redacted] true HMAC-SHA1 [redacted] 137131202 chapoH    }
}

// A client writes its Authorization value; httpauth's encoder quotes every
// value, as RFC 5849 asks.
func ExampleCredentials_Build() {
	c := oauth1.Credentials{
		Realm:           "Example",
		ConsumerKey:     "0685bd9184jfhq22",
		Token:           "ad180jjd733klru7",
		SignatureMethod: oauth1.HMACSHA1,
		Signature:       "wOJIO9A2W5mFwDgiDvZbTSMK/PY=",
		Timestamp:       137131200,
		Nonce:           "4572616e48616d6d65724c61686176",
		Version:         "1.0",
	}
	hc, err := c.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := hc.Encode()
	fmt.Println("Authorization:", v, err)
	// Output:
	// Authorization: OAuth realm="Example", oauth_consumer_key="0685bd9184jfhq22", oauth_token="ad180jjd733klru7", oauth_signature_method="HMAC-SHA1", oauth_signature="wOJIO9A2W5mFwDgiDvZbTSMK%2FPY%3D", oauth_timestamp="137131200", oauth_nonce="4572616e48616d6d65724c61686176", oauth_version="1.0" <nil>
}

// A signature made with other secrets, or for another request, does not
// verify.
func ExampleCredentials_Verify() {
	c, _ := oauth1.ParseCredentials(httpauth.MustParseCredentials(exResource))
	u, _ := url.Parse("http://photos.example.net/photos?file=vacation.jpg&size=original")
	err := c.Verify("GET", u, nil, exConsumerSecret, "another token secret")
	fmt.Println(err, errors.Is(err, httpauth.ErrVerification))
	err = c.Verify("DELETE", u, nil, exConsumerSecret, exTokenSecret)
	fmt.Println(errors.Is(err, httpauth.ErrVerification))
	// Output:
	// httpauth: OAuth oauth_signature: does not match true
	// true
}

func ExampleParseChallenge() {
	c, err := oauth1.ParseChallenge(httpauth.MustParseChallenge(`OAuth realm="Photos"`))
	fmt.Println(c.Realm, err)
	_, err = oauth1.ParseChallenge(httpauth.MustParseChallenge(`Basic realm="Photos"`))
	fmt.Println(errors.Is(err, httpauth.ErrOtherScheme))
	// Output:
	// Photos <nil>
	// true
}

// A challenge holds no secret and prints as a plain struct.
func ExampleChallenge() {
	fmt.Printf("%+v\n", oauth1.Challenge{Realm: "Photos"})
	// Output:
	// {Realm:Photos}
}

func ExampleChallenge_Build() {
	hc, err := oauth1.Challenge{Realm: "Photos"}.Build()
	fmt.Println("WWW-Authenticate:", hc, err)
	// Output:
	// WWW-Authenticate: OAuth realm="Photos" <nil>
}

func ExamplePercentEncode() {
	fmt.Println(oauth1.PercentEncode("http://printer.example.com/ready?a=b c&é"))
	// Output:
	// http%3A%2F%2Fprinter.example.com%2Fready%3Fa%3Db%20c%26%C3%A9
}

func ExamplePercentDecode() {
	fmt.Println(oauth1.PercentDecode("J%c3%a4s%C3%B8n"))
	v, err := oauth1.PercentDecode("a+b") // "+" should have been encoded
	fmt.Printf("%q %v\n", v, err)
	// Output:
	// Jäsøn <nil>
	// "" httpauth: OAuth: a character that RFC 5849 section 3.6 requires to be percent-encoded is not
}

// The signature base string of RFC 5849 section 1.2's temporary
// credentials request.
func ExampleBaseString() {
	c, _ := oauth1.ParseCredentials(httpauth.MustParseCredentials(`OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131200", oauth_nonce="wIjqoS", oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready", oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"`))
	u, _ := url.Parse("https://photos.example.net/initiate")
	base, err := oauth1.BaseString("POST", u, nil, c)
	fmt.Println(base, err)
	// Output:
	// POST&https%3A%2F%2Fphotos.example.net%2Finitiate&oauth_callback%3Dhttp%253A%252F%252Fprinter.example.com%252Fready%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DwIjqoS%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131200 <nil>
}

// A client signs the base string of its request; without a token, the
// token secret is "".
func ExampleSignHMACSHA1() {
	base := "POST&https%3A%2F%2Fphotos.example.net%2Finitiate&oauth_callback%3Dhttp%253A%252F%252Fprinter.example.com%252Fready%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DwIjqoS%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131200"
	fmt.Println(oauth1.SignHMACSHA1(exConsumerSecret, "", base))
	// Output:
	// 74KNZJeDHnMBp0EMJ9ZHt/XKycU=
}

// The PLAINTEXT signature of RFC 5849 section 3.4.4 is the secrets
// themselves: send it over TLS only.
func ExampleSignPlaintext() {
	fmt.Println(oauth1.SignPlaintext("djr9rjt0jd78jf88", "jjd99$tj88uiths3"))
	// Output:
	// djr9rjt0jd78jf88&jjd99%24tj88uiths3
}
