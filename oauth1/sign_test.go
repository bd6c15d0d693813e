package oauth1_test

import (
	"net/url"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/oauth1"
)

// RFC 5849 section 1.2: the client's credentials, and the secrets of the
// token it gets.
const (
	consumerSecret = "kd94hf93k423kf44"
	tokenSecret    = "pfkkdhi9sl3r4s00"
)

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestRFC12Signatures(t *testing.T) {
	tests := []struct {
		name, method, url, header, tokenSecret, base, sig string
	}{
		{"temporary credentials", "POST", "https://photos.example.net/initiate",
			`OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131200", oauth_nonce="wIjqoS", oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready", oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"`,
			"",
			"POST&https%3A%2F%2Fphotos.example.net%2Finitiate&oauth_callback%3Dhttp%253A%252F%252Fprinter.example.com%252Fready%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DwIjqoS%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131200",
			"74KNZJeDHnMBp0EMJ9ZHt/XKycU="},
		{"protected resource", "GET", "http://photos.example.net/photos?file=vacation.jpg&size=original",
			`OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="nnch734d00sl2jdk", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131202", oauth_nonce="chapoH", oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"`,
			tokenSecret,
			"GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal",
			"MdpQcU8iPSUjWoN/UDMsK2sui9I="},
	}
	for _, tt := range tests {
		c, err := oauth1.ParseCredentials(httpauth.MustParseCredentials(tt.header))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		u := mustURL(t, tt.url)
		base, err := oauth1.BaseString(tt.method, u, nil, c)
		if err != nil || base != tt.base {
			t.Errorf("%s: BaseString =\n%s, %v\nwant\n%s", tt.name, base, err, tt.base)
		}
		if got := oauth1.SignHMACSHA1(consumerSecret, tt.tokenSecret, tt.base); got != tt.sig {
			t.Errorf("%s: SignHMACSHA1 = %s, want %s", tt.name, got, tt.sig)
		}
		if err := c.Verify(tt.method, u, nil, consumerSecret, tt.tokenSecret); err != nil {
			t.Errorf("%s: Verify: %v", tt.name, err)
		}
		if err := c.Verify(tt.method, u, nil, consumerSecret, "wrong"); err == nil {
			t.Errorf("%s: Verify accepted a wrong token secret", tt.name)
		}
		if err := c.Verify("PUT", u, nil, consumerSecret, tt.tokenSecret); err == nil {
			t.Errorf("%s: Verify accepted another method", tt.name)
		}
	}
}

// RFC 5849 section 3.4.1.1's example: query, form body and header
// parameters, with encoded and repeated names.
func TestRFC3411BaseString(t *testing.T) {
	c, err := oauth1.ParseCredentials(httpauth.MustParseCredentials(`OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9d7dh3k39sjv7", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131201", oauth_nonce="7d8f3e4a", oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D"`))
	if err != nil {
		t.Fatal(err)
	}
	form, err := url.ParseQuery("c2&a3=2+q")
	if err != nil {
		t.Fatal(err)
	}
	base, err := oauth1.BaseString("POST", mustURL(t, "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b"), form, c)
	const want = "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"
	if err != nil || base != want {
		t.Errorf("BaseString =\n%s, %v\nwant\n%s", base, err, want)
	}
}

func TestBaseStringURI(t *testing.T) {
	c := oauth1.Credentials{ConsumerKey: "k", SignatureMethod: oauth1.PLAINTEXT, Signature: "s"}
	tests := []struct{ url, prefix string }{
		{"HTTP://EXAMPLE.com:80/r%20v/X?q", "GET&http%3A%2F%2Fexample.com%2Fr%2520v%2FX&"},
		{"https://example.com:443", "GET&https%3A%2F%2Fexample.com%2F&"},
		{"https://example.com:8443/", "GET&https%3A%2F%2Fexample.com%3A8443%2F&"},
		{"http://example.com:443/", "GET&http%3A%2F%2Fexample.com%3A443%2F&"},
	}
	for _, tt := range tests {
		base, err := oauth1.BaseString("get", mustURL(t, tt.url), nil, c)
		if err != nil || len(base) < len(tt.prefix) || base[:len(tt.prefix)] != tt.prefix {
			t.Errorf("BaseString(%s) = %q, %v; want prefix %q", tt.url, base, err, tt.prefix)
		}
	}
	if _, err := oauth1.BaseString("GET", mustURL(t, "/relative"), nil, c); err == nil {
		t.Errorf("BaseString accepted a relative URL")
	}
	if _, err := oauth1.BaseString("GET", mustURL(t, "ftp://example.com/"), nil, c); err == nil {
		t.Errorf("BaseString accepted an ftp URL")
	}
}

func TestPlaintext(t *testing.T) {
	// RFC 5849 section 3.4.4's secrets: "djr9rjt0jd78jf88" and "jjd99$tj88uiths3".
	if got, want := oauth1.SignPlaintext("djr9rjt0jd78jf88", "jjd99$tj88uiths3"), "djr9rjt0jd78jf88&jjd99%24tj88uiths3"; got != want {
		t.Errorf("SignPlaintext = %q, want %q", got, want)
	}
	c := oauth1.Credentials{ConsumerKey: "k", SignatureMethod: oauth1.PLAINTEXT, Signature: "djr9rjt0jd78jf88&jjd99%24tj88uiths3"}
	if err := c.Verify("GET", nil, nil, "djr9rjt0jd78jf88", "jjd99$tj88uiths3"); err != nil {
		t.Errorf("Verify(PLAINTEXT): %v", err)
	}
	c.SignatureMethod = oauth1.RSASHA1
	c.Timestamp, c.Nonce = 1, "n"
	if err := c.Verify("GET", mustURL(t, "https://example.com/"), nil, "a", "b"); err == nil {
		t.Errorf("Verify accepted RSA-SHA1")
	}
}
