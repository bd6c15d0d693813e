package oauth1_test

import (
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/oauth1"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// A server reads RFC 5849's temporary credentials request.
func Example() {
	hc, err := httpauth.ParseCredentials(`OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131200", oauth_nonce="wIjqoS", oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready", oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"`)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := oauth1.ParseCredentials(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.ConsumerKey, c.SignatureMethod, c.Timestamp, c.Callback)
	fmt.Println(c) // secrets are not printed
	// Output:
	// dpf43f3p2l4k3l03 HMAC-SHA1 137131200 http://printer.example.com/ready
	// OAuth realm=[redacted], oauth_consumer_key=[redacted], oauth_signature_method=[redacted], oauth_signature=[redacted], oauth_timestamp=[redacted], oauth_nonce=[redacted], oauth_callback=[redacted]
}

// A client writes its Authorization value in the quoted form RFC 5849
// asks for.
func ExampleCredentials_Encode() {
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
	v, err := c.Encode()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v)
	// Output:
	// OAuth realm="Example", oauth_consumer_key="0685bd9184jfhq22", oauth_token="ad180jjd733klru7", oauth_signature_method="HMAC-SHA1", oauth_signature="wOJIO9A2W5mFwDgiDvZbTSMK%2FPY%3D", oauth_timestamp="137131200", oauth_nonce="4572616e48616d6d65724c61686176", oauth_version="1.0"
}
