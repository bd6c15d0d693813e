package oauth1_test

import (
	"fmt"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/oauth1"
	"github.com/google/go-cmp/cmp"
)

// RFC 5849 section 3.5.1's example, on one line.
const rfc351 = `OAuth realm="Example", oauth_consumer_key="0685bd9184jfhq22", oauth_token="ad180jjd733klru7", oauth_signature_method="HMAC-SHA1", oauth_signature="wOJIO9A2W5mFwDgiDvZbTSMK%2FPY%3D", oauth_timestamp="137131200", oauth_nonce="4572616e48616d6d65724c61686176", oauth_version="1.0"`

var rfc351Want = oauth1.Credentials{
	Realm:           "Example",
	ConsumerKey:     "0685bd9184jfhq22",
	Token:           "ad180jjd733klru7",
	HasToken:        true,
	SignatureMethod: "HMAC-SHA1",
	Signature:       "wOJIO9A2W5mFwDgiDvZbTSMK/PY=",
	Timestamp:       137131200,
	Nonce:           "4572616e48616d6d65724c61686176",
	Version:         "1.0",
}

func TestParseCredentials(t *testing.T) {
	tests := []struct {
		name, in string
		want     oauth1.Credentials
	}{
		{"RFC 5849 3.5.1", rfc351, rfc351Want},
		// RFC 5849 section 1.2: the three requests of the example.
		{"RFC 5849 1.2 temporary credentials",
			`OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131200", oauth_nonce="wIjqoS", oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready", oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"`,
			oauth1.Credentials{Realm: "Photos", ConsumerKey: "dpf43f3p2l4k3l03", SignatureMethod: "HMAC-SHA1", Timestamp: 137131200, Nonce: "wIjqoS",
				Callback: "http://printer.example.com/ready", Signature: "74KNZJeDHnMBp0EMJ9ZHt/XKycU="}},
		{"RFC 5849 1.2 token",
			`OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="hh5s93j4hdidpola", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131201", oauth_nonce="walatlh", oauth_verifier="hfdp7dh39dks9884", oauth_signature="gKgrFCywp7rO0OXSjdot%2FIHF7IU%3D"`,
			oauth1.Credentials{Realm: "Photos", ConsumerKey: "dpf43f3p2l4k3l03", Token: "hh5s93j4hdidpola", HasToken: true, SignatureMethod: "HMAC-SHA1",
				Timestamp: 137131201, Nonce: "walatlh", Verifier: "hfdp7dh39dks9884", Signature: "gKgrFCywp7rO0OXSjdot/IHF7IU="}},
		{"RFC 5849 1.2 resource",
			`OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="nnch734d00sl2jdk", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131202", oauth_nonce="chapoH", oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"`,
			oauth1.Credentials{Realm: "Photos", ConsumerKey: "dpf43f3p2l4k3l03", Token: "nnch734d00sl2jdk", HasToken: true, SignatureMethod: "HMAC-SHA1",
				Timestamp: 137131202, Nonce: "chapoH", Signature: "MdpQcU8iPSUjWoN/UDMsK2sui9I="}},
		{"PLAINTEXT without timestamp and nonce, empty token, extra",
			`oauth OAUTH_CONSUMER_KEY=key, oauth_token="", oauth_signature_method=PLAINTEXT, oauth_signature="djr9rjt0jd78jf88%26jjd99%2524tj88uiths3", oauth_session_handle="a%20b", other=x`,
			oauth1.Credentials{ConsumerKey: "key", HasToken: true, SignatureMethod: "PLAINTEXT", Signature: "djr9rjt0jd78jf88&jjd99%24tj88uiths3",
				Extra: httpauth.Params{{Name: "oauth_session_handle", Value: "a b"}}}},
		{"UTF-8 and lowercase hex",
			`OAuth oauth_consumer_key="J%c3%a4s%C3%B8n", oauth_signature_method=HMAC-SHA1, oauth_signature=s, oauth_timestamp=1, oauth_nonce=n`,
			oauth1.Credentials{ConsumerKey: "Jäsøn", SignatureMethod: "HMAC-SHA1", Signature: "s", Timestamp: 1, Nonce: "n"}},
	}
	for _, tt := range tests {
		hc, err := httpauth.ParseCredentials(tt.in)
		if err != nil {
			t.Fatalf("%s: httpauth.ParseCredentials: %v", tt.name, err)
		}
		got, err := oauth1.ParseCredentials(hc)
		if err != nil {
			t.Errorf("%s: ParseCredentials: %v", tt.name, err)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s: ParseCredentials (-want +got):\n%s", tt.name, d)
		}
	}
}

func TestParseCredentialsErrors(t *testing.T) {
	const secret = "c2VjcmV0"
	base := `oauth_consumer_key=k, oauth_signature_method=HMAC-SHA1, oauth_timestamp=1, oauth_nonce=n`
	tests := []struct {
		in, param string
		want      error
	}{
		{"Bearer " + secret, "", httpauth.ErrOtherScheme},
		{"OAuth " + secret, "", scheme.NoToken68},
		{`OAuth oauth_signature_method=PLAINTEXT, oauth_signature=` + secret, "oauth_consumer_key", httpauth.ErrMissingParam},
		{`OAuth oauth_consumer_key=k, oauth_signature=` + secret, "oauth_signature_method", httpauth.ErrMissingParam},
		{`OAuth ` + base, "oauth_signature", httpauth.ErrMissingParam},
		{`OAuth oauth_consumer_key=k, oauth_signature_method=HMAC-SHA1, oauth_nonce=n, oauth_signature=` + secret, "oauth_timestamp", httpauth.ErrMissingParam},
		{`OAuth oauth_consumer_key=k, oauth_signature_method=HMAC-SHA1, oauth_timestamp=1, oauth_signature=` + secret, "oauth_nonce", httpauth.ErrMissingParam},
		{`OAuth ` + base + `, oauth_timestamp2=1, oauth_version="2.0", oauth_signature=` + secret, "oauth_version", nil},
		{`OAuth ` + base + `, oauth_version="", oauth_signature=` + secret, "oauth_version", nil},
		{`OAuth oauth_consumer_key=k, oauth_signature_method=HMAC-SHA1, oauth_timestamp=0, oauth_nonce=n, oauth_signature=` + secret, "oauth_timestamp", nil},
		{`OAuth oauth_consumer_key=k, oauth_signature_method=HMAC-SHA1, oauth_timestamp="-1", oauth_nonce=n, oauth_signature=` + secret, "oauth_timestamp", nil},
		{`OAuth ` + base + `, oauth_signature="` + secret + `/x"`, "oauth_signature", nil},
		{`OAuth ` + base + `, oauth_signature="` + secret + `%2"`, "oauth_signature", nil},
		{`OAuth ` + base + `, oauth_signature="` + secret + `%zz"`, "oauth_signature", nil},
		{`OAuth ` + base + `, oauth_signature="` + secret + `%FF"`, "oauth_signature", nil},
		{`OAuth ` + base + `, oauth_signature="` + secret + `+"`, "oauth_signature", nil},
		// An unknown oauth_ name is not named: it comes from the input.
		{`OAuth ` + base + `, oauth_signature=s, oauth_` + secret + `="` + secret + `%"`, "", nil},
	}
	for _, tt := range tests {
		_, err := schemetest.ViewCredentials(t, tt.in, oauth1.ParseCredentials)
		schemetest.CheckError(t, "ParseCredentials("+tt.in+")", err, oauth1.Scheme, tt.param, tt.want, secret)
	}
	for _, tt := range []struct {
		ps    httpauth.Params
		param string
	}{
		{httpauth.Params{{Name: "oauth_nonce", Value: "a"}, {Name: "OAUTH_NONCE", Value: "b"}}, "oauth_nonce"},
		{httpauth.Params{{Name: "oauth_" + secret, Value: "a"}, {Name: "OAUTH_" + secret, Value: "b"}}, ""},
	} {
		_, err := oauth1.ParseCredentials(httpauth.Credentials{Scheme: "OAuth", Params: tt.ps})
		schemetest.CheckError(t, "ParseCredentials(duplicate)", err, oauth1.Scheme, tt.param, scheme.Duplicate, secret)
	}
}

// httpauth's encoder writes what Build returns in RFC 5849's form, every
// value quoted.
func TestBuildEncoding(t *testing.T) {
	hc, err := rfc351Want.Build()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := hc.Encode(); err != nil || got != rfc351 {
		t.Errorf("encoding = %q, %v;\nwant %q", got, err, rfc351)
	}

	c := oauth1.Credentials{Realm: `a "q" \ b`, ConsumerKey: "k y", HasToken: true, SignatureMethod: "PLAINTEXT", Signature: "s&t",
		Callback: "oob", Extra: httpauth.Params{{Name: "oauth_x", Value: "~é"}}}
	const wantQuoted = `OAuth realm="a \"q\" \\ b", oauth_consumer_key="k%20y", oauth_token="", oauth_signature_method="PLAINTEXT", oauth_signature="s%26t", oauth_callback="oob", oauth_x="~%C3%A9"`
	hc, err = c.Build()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := hc.Encode(); err != nil || got != wantQuoted {
		t.Errorf("encoding = %q, %v;\nwant %q", got, err, wantQuoted)
	}
	// A non-ASCII realm builds (it is UTF-8) but the encoder refuses it
	// unless its caller allows obs-text.
	c.Realm = "é"
	if hc, err = c.Build(); err != nil {
		t.Fatal(err)
	}
	if got, err := hc.Encode(); err == nil {
		t.Errorf("encoding of a non-ASCII realm = %q, want an error", got)
	}

	for _, tt := range []struct {
		name  string
		c     oauth1.Credentials
		param string
	}{
		{"CR in realm", oauth1.Credentials{Realm: "a\rb", ConsumerKey: "k", SignatureMethod: "PLAINTEXT", Signature: "s"}, "realm"},
		{"no signature", oauth1.Credentials{ConsumerKey: "k", SignatureMethod: "PLAINTEXT"}, "oauth_signature"},
		{"bad extra name", oauth1.Credentials{ConsumerKey: "k", SignatureMethod: "PLAINTEXT", Signature: "s", Extra: httpauth.Params{{Name: "x", Value: "1"}}}, ""},
		{"extra duplicate", oauth1.Credentials{ConsumerKey: "k", SignatureMethod: "PLAINTEXT", Signature: "s", Extra: httpauth.Params{{Name: "oauth_nonce", Value: "1"}}}, "oauth_nonce"},
		{"extra twice", oauth1.Credentials{ConsumerKey: "k", SignatureMethod: "PLAINTEXT", Signature: "s", Extra: httpauth.Params{{Name: "oauth_x", Value: "1"}, {Name: "OAUTH_X", Value: "2"}}}, ""},
		{"version 2", oauth1.Credentials{ConsumerKey: "k", SignatureMethod: "PLAINTEXT", Signature: "s", Version: "2.0"}, "oauth_version"},
	} {
		_, err := tt.c.Build()
		schemetest.CheckError(t, tt.name+": Build", err, oauth1.Scheme, tt.param, nil, "")
	}
}

func TestPercent(t *testing.T) {
	tests := []struct{ dec, enc string }{
		{"", ""},
		{"abcABC123-._~", "abcABC123-._~"},
		{"a b", "a%20b"},
		{"+/=", "%2B%2F%3D"},
		{"%", "%25"},
		{"http://printer.example.com/ready", "http%3A%2F%2Fprinter.example.com%2Fready"},
		{"é", "%C3%A9"},
		{"\x00\r\n", "%00%0D%0A"},
	}
	for _, tt := range tests {
		if got := oauth1.PercentEncode(tt.dec); got != tt.enc {
			t.Errorf("PercentEncode(%q) = %q, want %q", tt.dec, got, tt.enc)
		}
		if got, err := oauth1.PercentDecode(tt.enc); err != nil || got != tt.dec {
			t.Errorf("PercentDecode(%q) = %q, %v; want %q", tt.enc, got, err, tt.dec)
		}
	}
	for _, bad := range []string{"%", "%2", "%G0", "a b", "a+b", "%C3", "%FF", "é"} {
		if got, err := oauth1.PercentDecode(bad); err == nil {
			t.Errorf("PercentDecode(%q) = %q, want an error", bad, got)
		}
	}
}

func TestChallenge(t *testing.T) {
	c, err := oauth1.ParseChallenge(httpauth.MustParseChallenge(`OAuth realm="Photos"`))
	if err != nil || c.Realm != "Photos" {
		t.Errorf("ParseChallenge = %+v, %v", c, err)
	}
	if _, err := oauth1.ParseChallenge(httpauth.MustParseChallenge(`Basic realm="Photos"`)); err == nil {
		t.Errorf("ParseChallenge(Basic) succeeded")
	}
	hc, _ := oauth1.Challenge{Realm: "Photos"}.Build()
	if b, err := httpauth.AppendChallenge(nil, hc); err != nil || string(b) != `OAuth realm="Photos"` {
		t.Errorf("challenge encodes as %q, %v", b, err)
	}
}

// The signature, token, verifier and unknown parameters print masked; the
// rest stays visible.
func TestRedaction(t *testing.T) {
	c := rfc351Want
	c.Verifier = "hfdp7dh39dks9884"
	const want = "{Realm:Example ConsumerKey:0685bd9184jfhq22 Token:[redacted] HasToken:true SignatureMethod:HMAC-SHA1 Signature:[redacted] Timestamp:137131200 Nonce:4572616e48616d6d65724c61686176 Version:1.0 Callback: Verifier:[redacted] Extra:}"
	if got := fmt.Sprintf("%+v", c); got != want {
		t.Errorf("%%+v = %s\nwant %s", got, want)
	}
}
