package negotiate_test

import (
	"strings"
	"testing"

	"github.com/authwire/httpauth"
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
		{"negotiate", negotiate.Challenge{Scheme: "negotiate"}},
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
	for _, in := range []string{
		`Basic realm="x"`,
		`Negotiate realm="x"`,
		`Kerberos YII=`,
	} {
		c, err := httpauth.ParseChallenge(in)
		if err != nil {
			t.Fatalf("httpauth.ParseChallenge(%q): %v", in, err)
		}
		if got, err := negotiate.ParseChallenge(c); err == nil {
			t.Errorf("ParseChallenge(%q) = %+v, want an error", in, got)
		}
	}
	// Values built by hand are checked too.
	if _, err := negotiate.ParseChallenge(httpauth.Challenge{Scheme: "Negotiate", Token68: "a b"}); err == nil {
		t.Errorf("ParseChallenge accepted a token with a space")
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
		{"ntlm TlRMTVNTUAADAAAA", negotiate.Credentials{Scheme: "ntlm", Token: "TlRMTVNTUAADAAAA"}, 12},
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
		data, err := got.Data()
		if err != nil || len(data) != tt.dataLen {
			t.Errorf("ParseCredentials(%q).Data() = %d bytes, %v; want %d bytes", tt.in, len(data), err, tt.dataLen)
		}
	}
}

func TestParseCredentialsErrors(t *testing.T) {
	const secret = "c2VjcmV0"
	for _, in := range []string{
		"Negotiate",
		"Bearer " + secret,
		"Negotiate x=" + secret + "y",
	} {
		_, err := schemetest.ViewCredentials(t, in, negotiate.ParseCredentials)
		if err == nil {
			t.Errorf("ParseCredentials(%q) succeeded, want an error", in)
			continue
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("ParseCredentials(%q) error quotes the token: %v", in, err)
		}
	}
}

func TestData(t *testing.T) {
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
		{"TlRMTVNTUA=", "", true}, // wrong padding
	}
	for _, tt := range tests {
		got, err := negotiate.Credentials{Scheme: "NTLM", Token: tt.token}.Data()
		if tt.bad {
			if err == nil {
				t.Errorf("Data(%q) = %q, want an error", tt.token, got)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("Data(%q) = %q, %v; want %q", tt.token, got, err, tt.want)
		}
	}
	if d, err := (negotiate.Challenge{Scheme: "Negotiate"}).Data(); d != nil || err != nil {
		t.Errorf("first challenge Data() = %q, %v; want nil, nil", d, err)
	}
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
	if got := negotiate.Encode([]byte("NTLMSSP\x00\x01\x00\x00\x00")); got != "TlRMTVNTUAABAAAA" {
		t.Errorf("Encode = %q, want TlRMTVNTUAABAAAA", got)
	}

	for _, bad := range []negotiate.Credentials{
		{Scheme: "Negotiate"},
		{Scheme: "Basic", Token: "abc"},
		{Scheme: "NTLM", Token: "a\r\nb"},
	} {
		if _, err := bad.Build(); err == nil {
			t.Errorf("Build accepted bad credentials with scheme %q", bad.Scheme)
		}
	}
	if _, err := (negotiate.Challenge{Scheme: "Negotiate", Token: "=abc"}).Build(); err == nil {
		t.Errorf("Build accepted a challenge token that is not a token68")
	}
}

func TestFormatRedacts(t *testing.T) {
	c := negotiate.Credentials{Scheme: "Negotiate", Token: "c2VjcmV0"}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		if s := sprintf(verb, c); strings.Contains(s, "c2VjcmV0") {
			t.Errorf("%s prints the token: %s", verb, s)
		}
	}
}
