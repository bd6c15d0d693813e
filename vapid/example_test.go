package vapid_test

import (
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/vapid"
)

const (
	exHeader  = "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NiJ9"
	exPayload = "eyJhdWQiOiJodHRwczovL3B1c2guZXhhbXBsZS5uZXQiLCJleHAiOjE0NTM1MjM3NjgsInN1YiI6Im1haWx0bzpwdXNoQGV4YW1wbGUuY29tIn0"
	exKey     = "BMzy0u9d0KO-gD3mE4wvIQ0AE_PzUKWKRdFEXrCUM1xh7U6Ek67gyj0sh-smp07NcPC7ga9bwJmj40jB4sTOH7U"
	exValue   = "vapid t=" + exHeader + "." + exPayload + ".c2lnbmF0dXJl, k=" + exKey
)

// A push service reads the application server's claims and key.
func Example() {
	hc, err := httpauth.ParseCredentials(exValue)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := vapid.ParseCredentials(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	claims, err := c.Token.Claims()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(claims.Aud, claims.Exp, claims.Sub)
	fmt.Printf("key: %d bytes, prefix %#x\n", len(c.Key), c.Key[0])
	// Output:
	// https://push.example.net 1453523768 mailto:push@example.com
	// key: 65 bytes, prefix 0x4
}

func ExampleChallenge() {
	c, _ := vapid.ParseChallenge(httpauth.MustParseChallenge("vapid"))
	fmt.Printf("%+v\n", c)
	// Output: {}
}

func ExampleParseChallenge() {
	_, err := vapid.ParseChallenge(httpauth.MustParseChallenge(`WebPush realm="x"`))
	fmt.Println(errors.Is(err, httpauth.ErrOtherScheme))
	// Output: true
}

func ExampleChallenge_Build() {
	c, err := vapid.Challenge{}.Build()
	fmt.Println(c, err)
	// Output: vapid <nil>
}

// A JWT prints its header and payload, never its signature.
func ExampleJWT() {
	j := vapid.JWT{Header: "eyJhbGciOiJFUzI1NiJ9", Payload: "e30", Signature: "c2lnbmF0dXJl"}
	fmt.Println(j)
	// Output: {eyJhbGciOiJFUzI1NiJ9 e30 [redacted]}
}

func ExampleParseJWT() {
	_, err := vapid.ParseJWT("eyJhbGciOiJFUzI1NiJ9.e30")
	fmt.Println(err)
	// Output: httpauth: vapid t: not a JWT: expected three dot-separated segments
}

func ExampleJWT_Value() {
	j, _ := vapid.ParseJWT("eyJhbGciOiJFUzI1NiJ9.e30.c2lnbmF0dXJl")
	fmt.Println(j.Value())
	// Output: eyJhbGciOiJFUzI1NiJ9.e30.c2lnbmF0dXJl
}

func ExampleJWT_SigningInput() {
	j, _ := vapid.ParseJWT("eyJhbGciOiJFUzI1NiJ9.e30.c2lnbmF0dXJl")
	fmt.Println(j.SigningInput())
	// Output: eyJhbGciOiJFUzI1NiJ9.e30
}

func ExampleJWT_DecodeHeader() {
	h, err := vapid.JWT{Header: "eyJhbGciOiJFUzI1NiJ9"}.DecodeHeader()
	fmt.Println(string(h), err)
	// Output: {"alg":"ES256"} <nil>
}

func ExampleJWT_DecodePayload() {
	p, err := vapid.JWT{Payload: "eyJzdWIiOiJtYWlsdG86YUBiLmV4YW1wbGUifQ"}.DecodePayload()
	fmt.Println(string(p), err)
	// Output: {"sub":"mailto:a@b.example"} <nil>
}

func ExampleJWT_DecodeSignature() {
	s, err := vapid.JWT{Signature: "c2lnbmF0dXJl"}.DecodeSignature()
	fmt.Printf("%q %v\n", s, err)
	// Output: "signature" <nil>
}

func ExampleClaims() {
	var c vapid.Claims = vapid.Claims{Aud: "https://push.example.net", Exp: 1453523768}
	fmt.Printf("%+v\n", c)
	// Output: {Aud:https://push.example.net Exp:1453523768 Sub:}
}

func ExampleJWT_Claims() {
	c, err := vapid.JWT{Payload: exPayload}.Claims()
	fmt.Println(c.Aud, err)
	// Output: https://push.example.net <nil>
}

// Credentials print the JWT without its signature, and the key.
func ExampleCredentials() {
	key, _ := vapid.DecodeKey(exKey)
	c := vapid.Credentials{Token: vapid.JWT{Header: "eyJhbGciOiJFUzI1NiJ9", Payload: "e30", Signature: "c2lnbmF0dXJl"}, Key: key}
	fmt.Println(c)
	// Output: {{eyJhbGciOiJFUzI1NiJ9 e30 [redacted]} BMzy0u9d0KO-gD3mE4wvIQ0AE_PzUKWKRdFEXrCUM1xh7U6Ek67gyj0sh-smp07NcPC7ga9bwJmj40jB4sTOH7U}
}

func ExampleParseCredentials() {
	_, err := vapid.ParseCredentials(httpauth.MustParseCredentials("vapid t=" + exHeader + "." + exPayload + ".c2lnbmF0dXJl"))
	fmt.Println(err, errors.Is(err, httpauth.ErrMissingParam))
	// Output: httpauth: vapid k: required parameter missing true
}

func ExampleDecodeKey() {
	k, err := vapid.DecodeKey(exKey)
	fmt.Println(len(k), err)
	_, err = vapid.DecodeKey(exKey[:44]) // 33 bytes: a compressed point's length
	fmt.Println(err)
	// Output:
	// 65 <nil>
	// httpauth: vapid k: key is not 65 bytes (an uncompressed P-256 point)
}

func ExampleCredentials_Build() {
	key, _ := vapid.DecodeKey(exKey)
	hc, err := vapid.Credentials{Token: vapid.JWT{Header: "eyJhbGciOiJFUzI1NiJ9", Payload: "e30", Signature: "c2ln"}, Key: key}.Build()
	v, _ := hc.Encode()
	fmt.Println(v, err)
	// Output: vapid t=eyJhbGciOiJFUzI1NiJ9.e30.c2ln, k=BMzy0u9d0KO-gD3mE4wvIQ0AE_PzUKWKRdFEXrCUM1xh7U6Ek67gyj0sh-smp07NcPC7ga9bwJmj40jB4sTOH7U <nil>
}

// Verify tells a signature that does not verify (ErrVerification: answer
// 403 or 401) from a malformed token.
func ExampleCredentials_Verify() {
	c, _ := vapid.ParseCredentials(httpauth.MustParseCredentials(exValue))
	err := c.Verify() // "signature" is not an ES256 signature
	fmt.Println(errors.Is(err, httpauth.ErrVerification), err)
	// Output: false httpauth: vapid t: ES256 signature is not 64 bytes
}
