package httpauth_test

import (
	"fmt"

	"github.com/authwire/httpauth"
)

// Non-ASCII values travel as RFC 8187 ext-values.
func ExampleExtParam() {
	fmt.Println(httpauth.ExtParam("username", "Mufasa"))
	p := httpauth.ExtParam("username", "Jäsøn Doe")
	fmt.Println(p)
	v, _, err := httpauth.DecodeExtValue(p.Value)
	fmt.Println(v, err)
	// Output:
	// username=Mufasa
	// username*=UTF-8''J%C3%A4s%C3%B8n%20Doe
	// Jäsøn Doe <nil>
}
