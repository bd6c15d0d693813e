package concealed_test

import (
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/concealed"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// A server reads the key ID and signature scheme before checking the proof.
func Example() {
	hc, err := httpauth.ParseCredentials("Concealed k=YmFzZW1lbnQ, a=VGhpcyBpcyBh-HB1YmxpYyBrZXkgaW4gdXNl_GhlcmU, s=2055, v=dmVyaWZpY2F0aW9u_zE2Qg, p=cHJvb2Y")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := concealed.ParseCredentials(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("key ID %q, scheme %#04x (ed25519: %v), public key %d bytes, verification %d bytes\n",
		c.KeyID, c.SignatureScheme, c.SignatureScheme == concealed.Ed25519, len(c.PublicKey), len(c.Verification))
	// Output:
	// key ID "basement", scheme 0x0807 (ed25519: true), public key 32 bytes, verification 16 bytes
}
