package negotiate_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/negotiate"
)

// RFC 4559 section 5 (the example exchange).
const (
	rfcChallenge1 = "Negotiate"
	rfcCreds      = "Negotiate a87421000492aa874209af8bc028"
	rfcChallenge2 = "Negotiate 749efa7b23409c20b92356"
)

func TestParseChallenge(t *testing.T) {
	tests := []struct {
		in   string
		want negotiate.Challenge
	}{
		{rfcChallenge1, negotiate.Challenge{Scheme: "Negotiate"}},
		{rfcChallenge2, negotiate.Challenge{Scheme: "Negotiate", Token: "749efa7b23409c20b92356"}},
		{"negotiate", negotiate.Challenge{Scheme: "Negotiate"}},
		{"ntlm", negotiate.Challenge{Scheme: "NTLM"}},
		{"NTLM", negotiate.Challenge{Scheme: "NTLM"}},
		{"NTLM TlRMTVNTUAACAAAA", negotiate.Challenge{Scheme: "NTLM", Token: "TlRMTVNTUAACAAAA"}},
	}
	for _, tt := range tests {
		got, err := schemetest.ViewChallenge(t, tt.in, negotiate.ParseChallenge)
		if err != nil {
			t.Errorf("ParseChallenge(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseChallenge(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseChallengeErrors(t *testing.T) {
	for _, tt := range []struct {
		in   httpauth.Challenge
		sch  string
		want error
	}{
		{httpauth.MustParseChallenge(`Basic realm="x"`), "Negotiate", httpauth.ErrOtherScheme},
		{httpauth.MustParseChallenge(`Kerberos YII=`), "Negotiate", httpauth.ErrOtherScheme},
		{httpauth.MustParseChallenge(`Negotiate realm="x"`), "Negotiate", scheme.NoParams},
		{httpauth.MustParseChallenge(`ntlm realm="x"`), "NTLM", scheme.NoParams},
		// Values built by hand are checked too.
		{httpauth.Challenge{Scheme: "Negotiate", Token68: "a b"}, "Negotiate", scheme.NotToken68},
		{httpauth.Challenge{Scheme: "NTLM", Token68: "TlRM\r\nTVNT"}, "NTLM", scheme.NotToken68},
	} {
		_, err := negotiate.ParseChallenge(tt.in)
		schemetest.CheckError(t, fmt.Sprintf("ParseChallenge(%s %q)", tt.in.Scheme, tt.in.Token68), err, tt.sch, "", tt.want, "")
	}
}

func TestParseCredentials(t *testing.T) {
	tests := []struct {
		in      string
		want    negotiate.Credentials
		dataLen int
	}{
		{rfcCreds, negotiate.Credentials{Scheme: "Negotiate", Token: "a87421000492aa874209af8bc028"}, 21},
		{"NTLM TlRMTVNTUAABAAAA", negotiate.Credentials{Scheme: "NTLM", Token: "TlRMTVNTUAABAAAA"}, 12},
		{"ntlm TlRMTVNTUAADAAAA", negotiate.Credentials{Scheme: "NTLM", Token: "TlRMTVNTUAADAAAA"}, 12},
	}
	for _, tt := range tests {
		got, err := schemetest.ViewCredentials(t, tt.in, negotiate.ParseCredentials)
		if err != nil {
			t.Errorf("ParseCredentials(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseCredentials(%q) = %#v, want %#v", tt.in, got.Token, tt.want.Token)
		}
		data, err := got.DecodeToken()
		if err != nil || len(data) != tt.dataLen {
			t.Errorf("ParseCredentials(%q).DecodeToken() = %d bytes, %v; want %d bytes", tt.in, len(data), err, tt.dataLen)
		}
	}
}

func TestParseCredentialsErrors(t *testing.T) {
	const secret = "c2VjcmV0"
	for _, tt := range []struct {
		in   string
		sch  string
		want error
	}{
		{"Negotiate", "Negotiate", scheme.MissingToken68},
		{"NTLM", "NTLM", scheme.MissingToken68},
		{"Bearer " + secret, "Negotiate", httpauth.ErrOtherScheme},
		{"Negotiate x=" + secret + "y", "Negotiate", scheme.NoParams},
	} {
		_, err := schemetest.ViewCredentials(t, tt.in, negotiate.ParseCredentials)
		schemetest.CheckError(t, fmt.Sprintf("ParseCredentials(%q)", tt.in), err, tt.sch, "", tt.want, "")
		if err != nil && strings.Contains(err.Error(), secret) {
			t.Errorf("ParseCredentials(%q) error quotes the token: %v", tt.in, err)
		}
	}
	_, err := negotiate.ParseCredentials(httpauth.Credentials{Scheme: "Negotiate", Token68: secret + "\n"})
	schemetest.CheckError(t, "token with LF", err, "Negotiate", "", scheme.NotToken68, "")
}

func TestDecodeToken(t *testing.T) {
	tests := []struct {
		token string
		want  string // "" with bad: decoding fails
		bad   bool
	}{
		{"TlRMTVNTUAABAAAA", "NTLMSSP\x00\x01\x00\x00\x00", false},
		{"TlRMTVNTUAABAAA", "NTLMSSP\x00\x01\x00\x00", false}, // unpadded
		{"TlRMTVNTUA==", "NTLMSSP", false},
		{"TlRMTVNTUA", "NTLMSSP", false},
		{"a===", "", true},
		{"TlRMTVNTUA=", "", true},    // wrong padding
		{"TlRMTVNTUB==", "", true},   // non-zero pad bits
		{"TlRMTVNTUB", "", true},     // non-zero pad bits, unpadded
		{"TlRM\r\nTVNTUA", "", true}, // a line break, which encoding/base64 skips
		{"TlRMTVNTUA_-", "", true},   // base64url
	}
	for _, tt := range tests {
		got, err := negotiate.Credentials{Scheme: "NTLM", Token: tt.token}.DecodeToken()
		if tt.bad {
			schemetest.CheckError(t, fmt.Sprintf("DecodeToken(%q)", tt.token), err, "NTLM", "", scheme.NotBase64, "")
			if got != nil {
				t.Errorf("DecodeToken(%q) = %q with an error", tt.token, got)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("DecodeToken(%q) = %q, %v; want %q", tt.token, got, err, tt.want)
		}
	}
	if d, err := (negotiate.Challenge{Scheme: "Negotiate"}).DecodeToken(); d != nil || err != nil {
		t.Errorf("first challenge DecodeToken() = %q, %v; want nil, nil", d, err)
	}
	if d, err := (negotiate.Challenge{Token: "TlRMTVNTUA"}).DecodeToken(); string(d) != "NTLMSSP" || err != nil {
		t.Errorf("challenge DecodeToken() = %q, %v; want NTLMSSP", d, err)
	}
	_, err := negotiate.Challenge{Token: "a==="}.DecodeToken()
	schemetest.CheckError(t, "challenge DecodeToken(a===)", err, "Negotiate", "", scheme.NotBase64, "")
}

func TestMessageType(t *testing.T) {
	tests := []struct {
		data string
		typ  uint32
		ok   bool
	}{
		{"NTLMSSP\x00\x01\x00\x00\x00", 1, true},
		{"NTLMSSP\x00\x02\x00\x00\x00rest", 2, true},
		{"NTLMSSP\x00\x03\x00\x00\x00", 3, true},
		{"NTLMSSP\x00\x00\x01\x00\x00", 256, true},
		{"NTLMSSP\x00\x01\x00\x00", 0, false},                          // short
		{"NTLMSSP\x01\x01\x00\x00\x00", 0, false},                      // bad signature
		{"\x60\x82\x01\x00\x06\x06\x2b\x06\x01\x05\x05\x02", 0, false}, // SPNEGO
		{"", 0, false},
	}
	for _, tt := range tests {
		typ, ok := negotiate.MessageType([]byte(tt.data))
		if typ != tt.typ || ok != tt.ok {
			t.Errorf("MessageType(%q) = %d, %v; want %d, %v", tt.data, typ, ok, tt.typ, tt.ok)
		}
	}
}

func TestBuild(t *testing.T) {
	tests := []struct {
		c    negotiate.Challenge
		want string
	}{
		{negotiate.Challenge{}, rfcChallenge1},
		{negotiate.Challenge{Scheme: "Negotiate", Token: "749efa7b23409c20b92356"}, rfcChallenge2},
		{negotiate.Challenge{Scheme: "NTLM", Token: "TlRMTVNTUAACAAAA"}, "NTLM TlRMTVNTUAACAAAA"},
	}
	for _, tt := range tests {
		hc, err := tt.c.Build()
		if err != nil {
			t.Errorf("%+v.Build(): %v", tt.c, err)
			continue
		}
		b, err := httpauth.AppendChallenge(nil, hc)
		if err != nil || string(b) != tt.want {
			t.Errorf("%+v encodes as %q, %v; want %q", tt.c, b, err, tt.want)
		}
	}

	cr := negotiate.Credentials{Token: "a87421000492aa874209af8bc028"}
	hc, err := cr.Build()
	if err != nil {
		t.Fatal(err)
	}
	b, err := httpauth.AppendCredentials(nil, hc)
	if err != nil || string(b) != rfcCreds {
		t.Errorf("credentials encode as %q, %v; want %q", b, err, rfcCreds)
	}

	for _, tt := range []struct {
		c    negotiate.Credentials
		sch  string
		want error
	}{
		{negotiate.Credentials{Scheme: "Negotiate"}, "Negotiate", scheme.MissingToken68},
		{negotiate.Credentials{Scheme: "Basic", Token: "abc"}, "Negotiate", httpauth.ErrOtherScheme},
		{negotiate.Credentials{Scheme: "NTLM", Token: "a\r\nb"}, "NTLM", scheme.NotToken68},
	} {
		_, err := tt.c.Build()
		schemetest.CheckError(t, fmt.Sprintf("Build(%s)", tt.c.Scheme), err, tt.sch, "", tt.want, "")
	}
	_, err = negotiate.Challenge{Scheme: "Negotiate", Token: "=abc"}.Build()
	schemetest.CheckError(t, "challenge Build(=abc)", err, "Negotiate", "", scheme.NotToken68, "")
	_, err = negotiate.Challenge{Scheme: "SPNEGO"}.Build()
	schemetest.CheckError(t, "challenge Build(SPNEGO)", err, "Negotiate", "", httpauth.ErrOtherScheme, "")
}

// The forms the package documentation promises: the scheme stays visible,
// the token prints as [redacted] when set; a challenge prints whole.
func TestRedactedForms(t *testing.T) {
	c := negotiate.Credentials{Scheme: "Negotiate", Token: "c2VjcmV0"}
	for _, tt := range []struct{ verb, want string }{
		{"%v", "{Negotiate [redacted]}"},
		{"%s", "{Negotiate [redacted]}"},
		{"%x", "{Negotiate [redacted]}"},
		{"%q", `"{Negotiate [redacted]}"`},
		{"%+v", "{Scheme:Negotiate Token:[redacted]}"},
		{"%#v", `negotiate.Credentials{Scheme:"Negotiate", Token:"[redacted]"}`},
	} {
		if got := fmt.Sprintf(tt.verb, c); got != tt.want {
			t.Errorf("Sprintf(%s) = %q, want %q", tt.verb, got, tt.want)
		}
	}
	j, err := json.Marshal(c)
	if want := `{"Scheme":"Negotiate","Token":"[redacted]"}`; err != nil || string(j) != want {
		t.Errorf("json = %s, %v; want %s", j, err, want)
	}
	x, err := xml.Marshal(c)
	if want := `<Credentials><Scheme>Negotiate</Scheme><Token>[redacted]</Token></Credentials>`; err != nil || string(x) != want {
		t.Errorf("xml = %s, %v; want %s", x, err, want)
	}
	if v := c.LogValue().String(); v != "[Scheme=Negotiate Token=[redacted]]" {
		t.Errorf("LogValue = %s", v)
	}
	if got := fmt.Sprintf("%v", negotiate.Challenge{Scheme: "NTLM", Token: "TlRMTVNTUAACAAAA"}); got != "{NTLM TlRMTVNTUAACAAAA}" {
		t.Errorf("challenge prints as %q", got)
	}
}
