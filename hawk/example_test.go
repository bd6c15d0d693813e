package hawk_test

import (
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/hawk"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// A server reads the README's Authorization value before recomputing the
// MAC, and a client writes one with every value quoted.
func Example() {
	hc, err := httpauth.ParseCredentials(`Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="`)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := hawk.ParseAuthorization(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.ID, a.TS, a.Nonce, a.Ext)

	v, _ := hawk.Authorization{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", MAC: "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="}.Encode()
	fmt.Println(v)
	// Output:
	// dh37fgj492je 1353832234 j4h3g2 some-app-ext-data
	// Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="
}
