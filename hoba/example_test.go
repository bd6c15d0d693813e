package hoba_test

import (
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/hoba"
)

// A server challenges, then reads the client's result.
func Example() {
	c, _ := hoba.Challenge{Challenge: "MTIzNDU2Nzg", MaxAge: 180}.Build()
	fmt.Println("WWW-Authenticate:", c)

	hc, err := httpauth.ParseCredentials(`HOBA result="a2lk.MTIzNDU2Nzg.bm9uY2U.c2lnbmF0dXJl"`)
	if err != nil {
		fmt.Println(err)
		return
	}
	cr, err := hoba.ParseCredentials(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("kid:", cr.Result.KID, "challenge:", cr.Result.Challenge, "nonce:", cr.Result.Nonce)
	// Output:
	// WWW-Authenticate: HOBA challenge=MTIzNDU2Nzg, max-age=180
	// kid: a2lk challenge: MTIzNDU2Nzg nonce: bm9uY2U
}

func ExampleChallenge() {
	fmt.Printf("%+v\n", hoba.Challenge{Challenge: "MTIzNDU2Nzg", MaxAge: 180, Realm: "photos"})
	// Output: {Challenge:MTIzNDU2Nzg MaxAge:180 Realm:photos}
}

func ExampleParseChallenge() {
	c, err := hoba.ParseChallenge(httpauth.MustParseChallenge(`HOBA max-age="180", challenge="MTIzNDU2Nzg"`))
	fmt.Println(c.Challenge, c.MaxAge, err)
	_, err = hoba.ParseChallenge(httpauth.MustParseChallenge(`HOBA challenge="MTIzNDU2Nzg"`))
	fmt.Println(err, errors.Is(err, httpauth.ErrMissingParam))
	// Output:
	// MTIzNDU2Nzg 180 <nil>
	// httpauth: HOBA max-age: required parameter missing true
}

func ExampleChallenge_Build() {
	c, err := hoba.Challenge{Challenge: "MTIzNDU2Nzg", MaxAge: 60, Realm: "photos"}.Build()
	fmt.Println(c, err)
	// Output: HOBA challenge=MTIzNDU2Nzg, max-age=60, realm="photos" <nil>
}

// A result prints its parts, never its signature.
func ExampleResult() {
	r := hoba.Result{KID: "a2lk", Challenge: "MTIzNDU2Nzg", Nonce: "bm9uY2U", Signature: "c2lnbmF0dXJl"}
	fmt.Println(r)
	fmt.Printf("%+v\n", r)
	// Output:
	// {a2lk MTIzNDU2Nzg bm9uY2U [redacted]}
	// {KID:a2lk Challenge:MTIzNDU2Nzg Nonce:bm9uY2U Signature:[redacted]}
}

func ExampleParseResult() {
	r, err := hoba.ParseResult("a2lk.MTIzNDU2Nzg.bm9uY2U.c2lnbmF0dXJl")
	fmt.Println(r.KID, err)
	_, err = hoba.ParseResult("a2lk.MTIzNDU2Nzg.c2lnbmF0dXJl")
	fmt.Println(err)
	// Output:
	// a2lk <nil>
	// httpauth: HOBA result: expected four dot-separated parts (kid.challenge.nonce.signature)
}

func ExampleResult_Value() {
	r := hoba.Result{KID: "a2lk", Challenge: "MTIzNDU2Nzg", Nonce: "bm9uY2U", Signature: "c2lnbmF0dXJl"}
	fmt.Println(r.Value())
	// Output: a2lk.MTIzNDU2Nzg.bm9uY2U.c2lnbmF0dXJl
}

func ExampleResult_DecodeSignature() {
	sig, err := hoba.Result{Signature: "c2lnbmF0dXJl"}.DecodeSignature()
	fmt.Printf("%q %v\n", sig, err)
	// Output: "signature" <nil>
}

// Credentials print their result, never its signature.
func ExampleCredentials() {
	c := hoba.Credentials{Result: hoba.Result{KID: "a2lk", Challenge: "MTIz", Nonce: "bm9u", Signature: "c2ln"}}
	fmt.Printf("%v\n%+v\n", c, c)
	// Output:
	// {{a2lk MTIz bm9u [redacted]}}
	// {Result:{KID:a2lk Challenge:MTIz Nonce:bm9u Signature:[redacted]}}
}

func ExampleParseCredentials() {
	_, err := hoba.ParseCredentials(httpauth.MustParseCredentials(`HOBA result="a2lk.MTIz.bm9u.c2lnbmF0dXJl="`))
	fmt.Println(err)
	// Output: httpauth: HOBA result: the signature part is not non-empty unpadded base64url
}

func ExampleCredentials_Build() {
	c := hoba.Credentials{Result: hoba.Result{KID: "a2lk", Challenge: "MTIz", Nonce: "bm9u", Signature: "c2ln"}}
	hc, err := c.Build()
	v, _ := hc.Encode()
	fmt.Println(v, err)
	// Output: HOBA result=a2lk.MTIz.bm9u.c2ln <nil>
}
