package concealed_test

import (
	"fmt"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/concealed"
	"github.com/authwire/httpauth/internal/scheme"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/google/go-cmp/cmp"
)

// RFC 9729's example values for k, a, s and v (decoded by hand below); p
// is this test's own ("proof"), as the RFC's could not be checked here.
const rfcExample = "Concealed k=YmFzZW1lbnQ, a=VGhpcyBpcyBh-HB1YmxpYyBrZXkgaW4gdXNl_GhlcmU, s=2055, v=dmVyaWZpY2F0aW9u_zE2Qg, p=cHJvb2Y"

var rfcWant = concealed.Credentials{
	KeyID:           []byte("basement"),
	PublicKey:       []byte("This is a\xf8public key in use\xfchere"),
	Proof:           []byte("proof"),
	SignatureScheme: concealed.Ed25519,
	Verification:    []byte("verification\xff16B"),
}

func TestParseCredentials(t *testing.T) {
	tests := []struct {
		in   string
		want concealed.Credentials
	}{
		{rfcExample, rfcWant},
		// Names in any case and order, padding accepted, unknown ignored.
		{`concealed P="cHJvb2Y=", V=dmVyaWZpY2F0aW9u_zE2Qg, S="2055", A=VGhpcyBpcyBh-HB1YmxpYyBrZXkgaW4gdXNl_GhlcmU, K=YmFzZW1lbnQ, x=1`, rfcWant},
		{`Concealed k=AA, a=AQ, p=Ag, s=0, v=Aw`, concealed.Credentials{KeyID: []byte{0}, PublicKey: []byte{1}, Proof: []byte{2}, SignatureScheme: 0, Verification: []byte{3}}},
		{`Concealed k=AA, a=AQ, p=Ag, s=65535, v=Aw`, concealed.Credentials{KeyID: []byte{0}, PublicKey: []byte{1}, Proof: []byte{2}, SignatureScheme: 65535, Verification: []byte{3}}},
	}
	for _, tt := range tests {
		got, err := schemetest.ViewCredentials(t, tt.in, concealed.ParseCredentials)
		if err != nil {
			t.Errorf("ParseCredentials(%q): %v", tt.in, err)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("ParseCredentials(%q) (-want +got):\n%s", tt.in, d)
		}
	}
}

func TestParseCredentialsErrors(t *testing.T) {
	const secret = "c2VjcmV0"
	tests := []struct {
		in, param string
		want      error
	}{
		{"Basic " + secret, "", httpauth.ErrOtherScheme},
		{"Concealed " + secret, "", scheme.NoToken68},
		{"Concealed a=AQ, p=" + secret + ", s=1, v=Aw", "k", httpauth.ErrMissingParam},
		{"Concealed k=AA, p=" + secret + ", s=1, v=Aw", "a", httpauth.ErrMissingParam},
		{"Concealed k=AA, a=AQ, s=1, v=Aw", "p", httpauth.ErrMissingParam},
		{"Concealed k=AA, a=AQ, p=" + secret + ", v=Aw", "s", httpauth.ErrMissingParam},
		{"Concealed k=AA, a=AQ, p=" + secret + ", s=1", "v", httpauth.ErrMissingParam},
		{"Concealed k=AA, a=AQ, p=" + secret + ", s=65536, v=Aw", "s", nil},
		{"Concealed k=AA, a=AQ, p=" + secret + ", s=-1, v=Aw", "s", nil},
		{"Concealed k=AA, a=AQ, p=" + secret + ", s=0x0807, v=Aw", "s", nil},
		{`Concealed k=AA, a=AQ, p="` + secret + `+", s=1, v=Aw`, "p", nil},
		{`Concealed k="", a=AQ, p=` + secret + `, s=1, v=Aw`, "k", nil},
		{`Concealed k=A, a=AQ, p=` + secret + `, s=1, v=Aw`, "k", nil},
		{`Concealed k=AB, a=AQ, p=` + secret + `, s=1, v=Aw`, "k", nil}, // pad bits not zero
		{`Concealed k="AA==", a=AQ, p=` + secret + `, s=1, v="Aw="`, "v", nil},
	}
	for _, tt := range tests {
		_, err := schemetest.ViewCredentials(t, tt.in, concealed.ParseCredentials)
		schemetest.CheckError(t, "ParseCredentials("+tt.in+")", err, concealed.Scheme, tt.param, tt.want, secret)
	}
	dup := httpauth.Credentials{Scheme: "Concealed", Params: httpauth.Params{{Name: "k", Value: "AA"}, {Name: "K", Value: "AQ"}}}
	_, err := concealed.ParseCredentials(dup)
	schemetest.CheckError(t, "ParseCredentials(duplicate k)", err, concealed.Scheme, "k", scheme.Duplicate, "")
}

func TestBuild(t *testing.T) {
	hc, err := rfcWant.Build()
	if err != nil {
		t.Fatal(err)
	}
	if b, err := httpauth.AppendCredentials(nil, hc); err != nil || string(b) != rfcExample {
		t.Errorf("credentials encode as %q, %v; want %q", b, err, rfcExample)
	}
	bad := rfcWant
	bad.Proof = nil
	_, err = bad.Build()
	schemetest.CheckError(t, "Build(no proof)", err, concealed.Scheme, "p", httpauth.ErrMissingParam, "")
}

// The proof and the verification bytes print masked; the rest stays
// visible.
func TestRedaction(t *testing.T) {
	c := concealed.Credentials{KeyID: []byte("k"), PublicKey: []byte{1}, Proof: []byte("proof"), SignatureScheme: concealed.Ed25519, Verification: []byte("v")}
	const want = "{KeyID:[107] PublicKey:[1] Proof:[redacted] SignatureScheme:2055 Verification:[redacted]}"
	if got := fmt.Sprintf("%+v", c); got != want {
		t.Errorf("%%+v = %s, want %s", got, want)
	}
}
