package concealed_test

import (
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/concealed"
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
	tests := []struct{ in, param string }{
		{"Basic " + secret, ""},
		{"Concealed " + secret, ""},
		{"Concealed a=AQ, p=" + secret + ", s=1, v=Aw", "k"},
		{"Concealed k=AA, p=" + secret + ", s=1, v=Aw", "a"},
		{"Concealed k=AA, a=AQ, s=1, v=Aw", "p"},
		{"Concealed k=AA, a=AQ, p=" + secret + ", v=Aw", "s"},
		{"Concealed k=AA, a=AQ, p=" + secret + ", s=1", "v"},
		{"Concealed k=AA, a=AQ, p=" + secret + ", s=65536, v=Aw", "s"},
		{"Concealed k=AA, a=AQ, p=" + secret + ", s=-1, v=Aw", "s"},
		{"Concealed k=AA, a=AQ, p=" + secret + ", s=0x0807, v=Aw", "s"},
		{`Concealed k=AA, a=AQ, p="` + secret + `+", s=1, v=Aw`, "p"},
		{`Concealed k="", a=AQ, p=` + secret + `, s=1, v=Aw`, "k"},
		{`Concealed k=A, a=AQ, p=` + secret + `, s=1, v=Aw`, "k"},
	}
	for _, tt := range tests {
		_, err := schemetest.ViewCredentials(t, tt.in, concealed.ParseCredentials)
		e, ok := err.(*concealed.Error)
		if !ok || e.Param != tt.param {
			t.Errorf("ParseCredentials(%q) error = %v, want a *concealed.Error for %q", tt.in, err, tt.param)
			continue
		}
		if strings.Contains(e.Error(), secret) {
			t.Errorf("error quotes the value: %v", e)
		}
	}
	dup := httpauth.Credentials{Scheme: "Concealed", Params: httpauth.Params{{Name: "k", Value: "AA"}, {Name: "K", Value: "AQ"}}}
	if _, err := concealed.ParseCredentials(dup); err == nil {
		t.Errorf("ParseCredentials accepted a duplicate k")
	}
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
	if _, err := bad.Build(); err == nil {
		t.Errorf("Build accepted an empty proof")
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%x"} {
		if s := sprintf(verb, rfcWant); strings.Contains(s, "proof") || strings.Contains(s, "70726f6f66") {
			t.Errorf("%s prints the proof: %s", verb, s)
		}
	}
}
