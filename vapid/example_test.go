package vapid_test

import (
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/vapid"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// A push service reads the application server's claims and key.
func Example() {
	const value = "vapid t=eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NiJ9." +
		"eyJhdWQiOiJodHRwczovL3B1c2guZXhhbXBsZS5uZXQiLCJleHAiOjE0NTM1MjM3NjgsInN1YiI6Im1haWx0bzpwdXNoQGV4YW1wbGUuY29tIn0." +
		"c2lnbmF0dXJl, k=BMzy0u9d0KO-gD3mE4wvIQ0AE_PzUKWKRdFEXrCUM1xh7U6Ek67gyj0sh-smp07NcPC7ga9bwJmj40jB4sTOH7U"
	hc, err := httpauth.ParseCredentials(value)
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
