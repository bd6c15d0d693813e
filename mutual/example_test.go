package mutual_test

import (
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/mutual"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// A client reads the server's 401-KEX-S1 message.
func Example() {
	hc, err := httpauth.ParseChallenge(`Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="testrealm@example.com", sid=0a1b2c3d, ks1="a3Mx", nc-max=10, nc-window=16, time=600, path="/"`)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := mutual.ParseChallenge(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	ks1, _ := c.DecodeKS1()
	fmt.Println(c.Kind(), c.Algorithm, c.SID, len(ks1), c.NCMax, c.Time)
	// Output:
	// 401-KEX-S1 iso-kam3-dl-2048-sha256 0a1b2c3d 3 10 600
}
