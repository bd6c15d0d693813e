package scheme_test

import (
	"encoding/base64"
	"errors"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
)

func TestMatch(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{"Bearer", "Bearer"}, {"bEARER", "Bearer"}, {"dpop", "DPoP"},
	} {
		if s, err := scheme.Match(tt.got, "Bearer", "DPoP"); err != nil || s != tt.want {
			t.Errorf("Match(%q) = %q, %v; want %q", tt.got, s, err, tt.want)
		}
	}
	_, err := scheme.Match("Basic", "Bearer", "DPoP")
	var se *httpauth.SchemeError
	if !errors.Is(err, httpauth.ErrOtherScheme) || !errors.As(err, &se) || se.Scheme != "Bearer" || se.Param != "" {
		t.Errorf("Match(Basic) err = %#v, want a Bearer SchemeError wrapping ErrOtherScheme", err)
	}
}

func TestDefault(t *testing.T) {
	for _, tt := range []struct{ got, want string }{{"", "Negotiate"}, {"ntlm", "NTLM"}, {"NEGOTIATE", "Negotiate"}} {
		if s, err := scheme.Default(tt.got, "Negotiate", "NTLM"); err != nil || s != tt.want {
			t.Errorf("Default(%q) = %q, %v; want %q", tt.got, s, err, tt.want)
		}
	}
	if _, err := scheme.Default("Kerberos", "Negotiate", "NTLM"); !errors.Is(err, httpauth.ErrOtherScheme) {
		t.Errorf("Default(Kerberos) err = %v, want ErrOtherScheme", err)
	}
}

func TestToken68(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want error
	}{
		{"abc==", nil}, {"a-._~+/9", nil},
		{"", scheme.MissingToken68},
		{"a b", scheme.NotToken68}, {"a\r\n", scheme.NotToken68}, {"=a", scheme.NotToken68}, {"a=b", scheme.NotToken68},
	} {
		err := scheme.Token68("GNAP", tt.in)
		var se *httpauth.SchemeError
		if tt.want == nil && err != nil || tt.want != nil && (!errors.Is(err, tt.want) || !errors.As(err, &se) || se.Scheme != "GNAP" || se.Param != "") {
			t.Errorf("Token68(%q) = %v, want %v", tt.in, err, tt.want)
		}
	}
}

func TestDecodeBase64(t *testing.T) {
	for _, tt := range []struct {
		enc  *base64.Encoding
		in   string
		want string // "" with ok false
		ok   bool
	}{
		{base64.StdEncoding, "YTpiYw==", "a:bc", true},
		{base64.StdEncoding, "YTpiYx==", "", false}, // pad bits not zero
		{base64.StdEncoding, "YTpiYw", "", false},   // padding required
		{base64.StdEncoding, "YTpi\r\nYw==", "", false},
		{base64.StdEncoding, "YTpiYw==\n", "", false},
		{base64.StdEncoding, "", "", true},
		{base64.RawURLEncoding, "-_8", "\xfb\xff", true},
		{base64.RawURLEncoding, "-_9", "", false},
		{base64.RawURLEncoding, "+/8", "", false},
	} {
		b, ok := scheme.DecodeBase64(tt.enc, tt.in)
		if ok != tt.ok || string(b) != tt.want {
			t.Errorf("DecodeBase64(%q) = %q, %v; want %q, %v", tt.in, b, ok, tt.want, tt.ok)
		}
	}
	for _, tt := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"YTpiYw==", "a:bc", true},
		{"YTpiYw", "a:bc", true},
		{"YTpiYw=", "", false},
		{"YTpiYx", "", false},
		{"YTpi\nYw", "", false},
	} {
		b, ok := scheme.DecodeBase64OptPad(base64.StdEncoding, tt.in)
		if ok != tt.ok || string(b) != tt.want {
			t.Errorf("DecodeBase64OptPad(%q) = %q, %v; want %q, %v", tt.in, b, ok, tt.want, tt.ok)
		}
	}
}

func TestDigits(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true}, {"180", 180, true}, {"007", 7, true},
		{"9223372036854775807", 1<<63 - 1, true},
		{"9223372036854775808", 0, false},
		{"", 0, false}, {"-1", 0, false}, {"+1", 0, false}, {"1e3", 0, false}, {" 1", 0, false}, {"0x10", 0, false}, {"1_000", 0, false},
	} {
		if n, ok := scheme.Digits(tt.in); n != tt.want || ok != tt.ok {
			t.Errorf("Digits(%q) = %d, %v; want %d, %v", tt.in, n, ok, tt.want, tt.ok)
		}
	}
}

func TestText(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := c >= 0x20 && c != 0x7f || c == '\t'
		if got := scheme.Text("a" + string([]byte{byte(c)}) + "b"); got != want {
			t.Errorf("Text(a %#02x b) = %v, want %v", c, got, want)
		}
	}
	if !scheme.Text("") {
		t.Error(`Text("") = false`)
	}
}

func TestHasCTL(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := c < 0x20 || c == 0x7f
		if got := scheme.HasCTL("a" + string([]byte{byte(c)}) + "b"); got != want {
			t.Errorf("HasCTL(a %#02x b) = %v, want %v", c, got, want)
		}
	}
	if scheme.HasCTL("") {
		t.Error(`HasCTL("") = true`)
	}
}

func TestBase64URL(t *testing.T) {
	if b, err := scheme.Base64URL("X", "p", "YQ"); err != nil || string(b) != "a" {
		t.Errorf(`Base64URL("YQ") = %q, %v`, b, err)
	}
	for _, s := range []string{"", "YR", "Y+"} {
		var se *httpauth.SchemeError
		if _, err := scheme.Base64URL("X", "p", s); !errors.As(err, &se) || se.Param != "p" || se.Err != scheme.NotBase64URLSet {
			t.Errorf("Base64URL(%q) error = %v", s, err)
		}
	}
}
