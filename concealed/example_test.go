package concealed_test

import (
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/concealed"
)

// A server reads the key ID and signature scheme before checking the proof.
func Example() {
	hc := httpauth.MustParseCredentials("Concealed k=YmFzZW1lbnQ, a=VGhpcyBpcyBh-HB1YmxpYyBrZXkgaW4gdXNl_GhlcmU, s=2055, v=dmVyaWZpY2F0aW9u_zE2Qg, p=cHJvb2Y")
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

// Every parameter is required; credentials of another scheme are told
// apart with errors.Is.
func ExampleParseCredentials() {
	for _, v := range []string{
		"Concealed k=YmFzZW1lbnQ, s=2055, v=dmVyaWZpY2F0aW9u_zE2Qg, p=cHJvb2Y",
		"Bearer mF_9.B5f-4.1JqM",
	} {
		_, err := concealed.ParseCredentials(httpauth.MustParseCredentials(v))
		fmt.Println(err, errors.Is(err, httpauth.ErrMissingParam), errors.Is(err, httpauth.ErrOtherScheme))
	}
	// Output:
	// httpauth: Concealed a: required parameter missing true false
	// httpauth: Concealed: another auth-scheme false true
}

// Credentials print without the proof and the verification bytes.
func ExampleCredentials() {
	c := concealed.Credentials{KeyID: []byte("basement"), PublicKey: []byte{1, 2}, Proof: []byte("proof"),
		SignatureScheme: concealed.Ed25519, Verification: []byte("verification")}
	fmt.Printf("%+v\n", c)
	// Output:
	// {KeyID:[98 97 115 101 109 101 110 116] PublicKey:[1 2] Proof:[redacted] SignatureScheme:2055 Verification:[redacted]}
}

// A client writes its Authorization value, byte sequences as unpadded
// base64url.
func ExampleCredentials_Build() {
	c := concealed.Credentials{KeyID: []byte("basement"), PublicKey: []byte{0xfb, 0xff}, Proof: []byte("proof"),
		SignatureScheme: concealed.ECDSASecp256r1SHA256, Verification: []byte("verification")}
	hc, err := c.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := hc.Encode()
	fmt.Println("Authorization:", v, err)
	// Output:
	// Authorization: Concealed k=YmFzZW1lbnQ, a=-_8, s=1027, v=dmVyaWZpY2F0aW9u, p=cHJvb2Y <nil>
}
