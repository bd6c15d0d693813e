package privatetoken_test

import (
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/privatetoken"
)

// A server builds a challenge from a TokenChallenge and the issuer key,
// and a client reads it back.
func Example() {
	tc := privatetoken.TokenChallenge{TokenType: privatetoken.TypeBlindRSA, IssuerName: "issuer.example", OriginInfo: "origin.example"}
	raw, err := tc.Marshal()
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := privatetoken.Challenge{
		Challenge: base64.URLEncoding.EncodeToString(raw),
		TokenKey:  base64.URLEncoding.EncodeToString([]byte("public key")),
	}.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("WWW-Authenticate:", c)

	v, _ := privatetoken.ParseChallenge(httpauth.MustParseChallenge(c.String()))
	b, _ := v.DecodeChallenge()
	back, _ := privatetoken.DecodeTokenChallenge(b)
	fmt.Println(back.IssuerName, back.OriginInfo)
	// Output:
	// WWW-Authenticate: PrivateToken challenge="AAIADmlzc3Vlci5leGFtcGxlAAAOb3JpZ2luLmV4YW1wbGU=", token-key="cHVibGljIGtleQ=="
	// issuer.example origin.example
}

func ExampleChallenge() {
	c := privatetoken.Challenge{Challenge: "AAIADmlzc3Vlci5leGFtcGxlAAAA", TokenKey: "cHVibGljIGtleQ", MaxAge: 10, HasMaxAge: true}
	fmt.Printf("%+v\n", c)
	// Output: {Challenge:AAIADmlzc3Vlci5leGFtcGxlAAAA TokenKey:cHVibGljIGtleQ MaxAge:10 HasMaxAge:true Realm:}
}

func ExampleParseChallenge() {
	// RFC 9577's example, whose values are placeholders, not base64url.
	_, err := privatetoken.ParseChallenge(httpauth.MustParseChallenge(`PrivateToken challenge="abc...", token-key="123..."`))
	fmt.Println(err)
	_, err = privatetoken.ParseChallenge(httpauth.MustParseChallenge(`PrivateToken challenge=AAIADmlzc3Vlci5leGFtcGxlAAAA`))
	fmt.Println(errors.Is(err, httpauth.ErrMissingParam))
	// Output:
	// httpauth: PrivateToken challenge: not non-empty base64url
	// true
}

func ExampleChallenge_Build() {
	c, err := privatetoken.Challenge{Challenge: "AAIADmlzc3Vlci5leGFtcGxlAAAA", TokenKey: "cHVibGljIGtleQ", MaxAge: 10, HasMaxAge: true, Realm: "r"}.Build()
	fmt.Println(c, err)
	// Output: PrivateToken challenge=AAIADmlzc3Vlci5leGFtcGxlAAAA, token-key=cHVibGljIGtleQ, max-age=10, realm="r" <nil>
}

func ExampleChallenge_DecodeChallenge() {
	b, err := privatetoken.Challenge{Challenge: "AAIADmlzc3Vlci5leGFtcGxlAAAA"}.DecodeChallenge()
	fmt.Printf("%q %v\n", b, err)
	// Output: "\x00\x02\x00\x0eissuer.example\x00\x00\x00" <nil>
}

func ExampleChallenge_DecodeTokenKey() {
	b, err := privatetoken.Challenge{TokenKey: "cHVibGljIGtleQ=="}.DecodeTokenKey()
	fmt.Printf("%q %v\n", b, err)
	// Output: "public key" <nil>
}

func ExampleTokenChallenge() {
	tc := privatetoken.TokenChallenge{TokenType: privatetoken.TypeVOPRF, IssuerName: "issuer.example"}
	fmt.Printf("%+v\n", tc)
	// Output: {TokenType:1 IssuerName:issuer.example RedemptionContext:[] OriginInfo:}
}

func ExampleDecodeTokenChallenge() {
	tc, err := privatetoken.DecodeTokenChallenge([]byte("\x00\x02\x00\x0eissuer.example\x00\x00\x0eorigin.example"))
	fmt.Println(tc.TokenType, tc.IssuerName, tc.OriginInfo, err)
	_, err = privatetoken.DecodeTokenChallenge([]byte("\x00\x02\x00\x00"))
	fmt.Println(err)
	// Output:
	// 2 issuer.example origin.example <nil>
	// httpauth: PrivateToken challenge: malformed TokenChallenge: issuer_name empty or truncated
}

func ExampleTokenChallenge_Marshal() {
	b, err := privatetoken.TokenChallenge{TokenType: privatetoken.TypeBlindRSA, IssuerName: "i"}.Marshal()
	fmt.Printf("%q %v\n", b, err)
	// Output: "\x00\x02\x00\x01i\x00\x00\x00" <nil>
}

// Credentials never print their token.
func ExampleCredentials() {
	c := privatetoken.Credentials{Token: "AAJOTk5OTk5OTk5O"}
	fmt.Printf("%v %+v\n", c, c)
	// Output: {[redacted]} {Token:[redacted]}
}

func ExampleParseCredentials() {
	c, err := privatetoken.ParseCredentials(httpauth.MustParseCredentials(`PrivateToken token="AAJOTk5OTk5OTk5O"`))
	fmt.Println(len(c.Token), err)
	_, err = privatetoken.ParseCredentials(httpauth.MustParseCredentials(`PrivateToken token="AAJOTk5O+k5O"`))
	fmt.Println(err)
	// Output:
	// 16 <nil>
	// httpauth: PrivateToken token: not non-empty base64url
}

func ExampleCredentials_Build() {
	hc, err := privatetoken.Credentials{Token: "AAJOTk5OTk5OTk5O"}.Build()
	v, _ := hc.Encode()
	fmt.Println(v, err)
	// Output: PrivateToken token=AAJOTk5OTk5OTk5O <nil>
}

func ExampleCredentials_DecodeToken() {
	b, err := privatetoken.Credentials{Token: "AAJOTk5O"}.DecodeToken()
	fmt.Printf("%q %v\n", b, err)
	// Output: "\x00\x02NNNN" <nil>
}

func ExampleTokenType() {
	b, _ := privatetoken.Credentials{Token: "AAJOTk5O"}.DecodeToken()
	typ, ok := privatetoken.TokenType(b)
	fmt.Println(typ == privatetoken.TypeBlindRSA, ok)
	// Output: true true
}
