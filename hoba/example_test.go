package hoba_test

import (
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/hoba"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

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
