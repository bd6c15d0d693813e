package httpauth_test

import (
	"testing"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
)

func TestExtValue(t *testing.T) {
	// RFC 8187 section 3.2.1 and RFC 7616 section 3.9.2.
	const jason = "J\u00e4s\u00f8n Doe"
	if got := httpauth.EncodeExtValue(jason); got != "UTF-8''J%C3%A4s%C3%B8n%20Doe" {
		t.Errorf("EncodeExtValue(%q) = %q, want %q", jason, got, "UTF-8''J%C3%A4s%C3%B8n%20Doe")
	}
	if got := string(httpauth.AppendExtValue([]byte("username*="), jason)); got != "username*=UTF-8''J%C3%A4s%C3%B8n%20Doe" {
		t.Errorf("AppendExtValue(%q, %q) = %q", "username*=", jason, got)
	}
	// Every byte that is not an attr-char is percent-encoded with
	// uppercase hex; the result is always a token.
	for _, s := range []string{"", "a*b", "a'b", "a%b", "a b", "\"\\", "\x00\r\n\x7f", "\u20ac", "~!#$&+-.^_`|"} {
		e := httpauth.EncodeExtValue(s)
		if !httpauth.IsToken(e) {
			t.Errorf("EncodeExtValue(%q) = %q, not a token", s, e)
		}
		v, lang, err := httpauth.DecodeExtValue(e)
		if err != nil || v != s || lang != "" {
			t.Errorf("DecodeExtValue(EncodeExtValue(%q) = %q) = %q, %q, %v", s, e, v, lang, err)
		}
	}
	if got, want := httpauth.EncodeExtValue("a*b'c%d e"), "UTF-8''a%2Ab%27c%25d%20e"; got != want {
		t.Errorf("EncodeExtValue(%q) = %q, want %q", "a*b'c%d e", got, want)
	}

	decodeTests := []struct {
		in, value, lang string
	}{
		{"UTF-8''J%C3%A4s%C3%B8n%20Doe", jason, ""},
		{"utf-8''J%c3%a4s%c3%b8n%20Doe", jason, ""},
		{"UTF-8''%c2%a3%20and%20%e2%82%ac%20rates", "\u00a3 and \u20ac rates", ""}, // RFC 8187 3.2.3
		{"iso-8859-1'en'%A3%20rates", "\u00a3 rates", "en"},                        // RFC 8187 3.2.3
		{"ISO-8859-1''caf%E9", "caf\u00e9", ""},
		{"UTF-8'de-CH'abc", "abc", "de-CH"},
		{"UTF-8''", "", ""},
	}
	for _, tt := range decodeTests {
		v, lang, err := httpauth.DecodeExtValue(tt.in)
		if err != nil || v != tt.value || lang != tt.lang {
			t.Errorf("DecodeExtValue(%q) = %q, %q, %v, want %q, %q", tt.in, v, lang, err, tt.value, tt.lang)
		}
	}
	for _, in := range []string{
		"",
		"abc",
		"UTF-8'abc",          // one quote
		"''abc",              // no charset
		"KOI8-R''abc",        // unknown charset
		"UTF-8''a b",         // SP is not an attr-char
		"UTF-8''a*b",         // * is not an attr-char
		"UTF-8''a'b",         // nor '
		"UTF-8''\"abc\"",     // the quoted form is not allowed
		"UTF-8''%",           // truncated
		"UTF-8''%4",          // truncated
		"UTF-8''%4G",         // not hex
		"UTF-8''%zz",         // not hex
		"UTF-8''%FF",         // not UTF-8
		"UTF-8''%C3",         // truncated UTF-8
		"UTF-8''\u00e4",      // raw non-ASCII
		"UTF-8'e n'abc",      // bad language
		"UTF-8''abc\r\nX: y", // CTLs
	} {
		v, lang, err := httpauth.DecodeExtValue(in)
		if err == nil {
			t.Errorf("DecodeExtValue(%q) = %q, %q, nil, want an error", in, v, lang)
		}
	}

	paramTests := []struct {
		name, value string
		want        httpauth.Param
	}{
		{"username", "Mufasa", httpauth.Param{Name: "username", Value: "Mufasa"}},
		{"username", "Mu fa\"sa", httpauth.Param{Name: "username", Value: "Mu fa\"sa"}},
		{"username", "a\tb", httpauth.Param{Name: "username", Value: "a\tb"}},
		{"username", jason, httpauth.Param{Name: "username*", Value: "UTF-8''J%C3%A4s%C3%B8n%20Doe"}},
		{"username", "a\r\nb", httpauth.Param{Name: "username*", Value: "UTF-8''a%0D%0Ab"}},
		{"username", "a\x7f", httpauth.Param{Name: "username*", Value: "UTF-8''a%7F"}},
	}
	for _, tt := range paramTests {
		got := httpauth.ExtParam(tt.name, tt.value)
		if got != tt.want {
			t.Errorf("ExtParam(%q, %q) = %+v, want %+v", tt.name, tt.value, got, tt.want)
		}
		// Either form is accepted by the default encoder and parses back.
		c := httpauth.Credentials{Scheme: "Digest", Params: httpauth.Params{got}}
		s, err := c.Encode()
		if err != nil {
			t.Errorf("Encode of %+v: %v", got, err)
			continue
		}
		back, err := httpauth.ParseCredentials(s)
		if err != nil || !cmp.Equal(back.Params, c.Params) {
			t.Errorf("ParseCredentials(%q) = %+v, %v, want params %v", s, plain(back), err, c.Params)
		}
	}
}
