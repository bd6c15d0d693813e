package privatetoken_test

import (
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/privatetoken"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// A server builds a challenge from a TokenChallenge and the issuer key.
func Example() {
	tc := privatetoken.TokenChallenge{TokenType: privatetoken.TypeBlindRSA, IssuerName: "issuer.example", OriginInfo: "origin.example"}
	raw, err := tc.Marshal()
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := privatetoken.Challenge{
		Challenge: privatetoken.Encode(raw),
		TokenKey:  privatetoken.Encode([]byte("public key")),
	}.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("WWW-Authenticate:", c)

	// A client reads it back.
	v, _ := privatetoken.ParseChallenge(httpauth.MustParseChallenge(c.String()))
	b, _ := v.DecodeChallenge()
	back, _ := privatetoken.DecodeTokenChallenge(b)
	fmt.Println(back.IssuerName, back.OriginInfo)
	// Output:
	// WWW-Authenticate: PrivateToken challenge="AAIADmlzc3Vlci5leGFtcGxlAAAOb3JpZ2luLmV4YW1wbGU=", token-key="cHVibGljIGtleQ=="
	// issuer.example origin.example
}
