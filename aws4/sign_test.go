package aws4_test

import (
	"encoding/hex"
	"net/http"
	"testing"

	"github.com/authwire/httpauth/aws4"
)

// The AWS documentation's signing example (IAM ListUsers, secret key
// wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY): its canonical request, string
// to sign, signing key and signature, written out by hand.
const (
	iamSecret  = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
	iamAmzDate = "20150830T123600Z"
	iamCanon   = "GET\n/\nAction=ListUsers&Version=2010-05-08\n" +
		"content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\n" +
		"content-type;host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	iamSTS = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n" +
		"f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59"
	iamSigningKey = "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"
)

func TestIAMSigningExample(t *testing.T) {
	h := http.Header{}
	h.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	h.Set("X-Amz-Date", iamAmzDate)
	signed := []string{"content-type", "host", "x-amz-date"}

	q, err := aws4.CanonicalQuery("Version=2010-05-08&Action=ListUsers")
	if err != nil {
		t.Fatal(err)
	}
	ch, err := aws4.CanonicalHeaders(h, "iam.amazonaws.com", signed)
	if err != nil {
		t.Fatal(err)
	}
	if got := aws4.HashPayload(nil); got != aws4.EmptyPayloadHash {
		t.Errorf("HashPayload(nil) = %s", got)
	}
	canon := aws4.CanonicalRequest("GET", "/", q, ch, signed, aws4.HashPayload(nil))
	if canon != iamCanon {
		t.Fatalf("CanonicalRequest =\n%s\nwant\n%s", canon, iamCanon)
	}
	sts := aws4.StringToSign(iamAmzDate, iamWant.Credential, canon)
	if sts != iamSTS {
		t.Errorf("StringToSign =\n%s\nwant\n%s", sts, iamSTS)
	}
	key := aws4.SigningKey(iamSecret, iamWant.Credential)
	if got := hex.EncodeToString(key); got != iamSigningKey {
		t.Errorf("SigningKey = %s, want %s", got, iamSigningKey)
	}
	if got := aws4.Sign(key, sts); got != iamSig {
		t.Errorf("Sign = %s, want %s", got, iamSig)
	}

	a, err := aws4.ParseFieldValue(iamValue)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Verify(iamSecret, iamAmzDate, canon); err != nil {
		t.Errorf("Verify: %v", err)
	}
	if err := a.Verify("wrong secret", iamAmzDate, canon); err == nil {
		t.Errorf("Verify accepted a wrong secret")
	}
	if err := a.Verify(iamSecret, "20150830T123601Z", canon); err == nil {
		t.Errorf("Verify accepted another time")
	}
	if err := a.Verify(iamSecret, "20150831T123600Z", canon); err == nil {
		t.Errorf("Verify accepted a date outside the scope")
	}
	if err := a.Verify(iamSecret, "2015-08-30", canon); err == nil {
		t.Errorf("Verify accepted a malformed X-Amz-Date")
	}
}

func TestCanonicalQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"b=2&a=1&a=0", "a=0&a=1&b=2"},
		{"k", "k="},
		{"k=&&j=1", "j=1&k="},
		{"%2F=%7e", "%2F=~"},
		{"+=a b", "%2B=a%20b"},
		{"a-b=1&a=2&a.b=3", "a=2&a-b=1&a.b=3"},
		{"x=%C3%A9", "x=%C3%A9"},
	}
	for _, tt := range tests {
		got, err := aws4.CanonicalQuery(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("CanonicalQuery(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if _, err := aws4.CanonicalQuery("a=%zz"); err == nil {
		t.Errorf("CanonicalQuery accepted a malformed escape")
	}
}

func TestCanonicalHeaders(t *testing.T) {
	h := http.Header{}
	h.Set("Host", "example.com")
	h.Add("X-Amz-Meta-A", "  one   two  ")
	h.Add("X-Amz-Meta-A", "three")
	got, err := aws4.CanonicalHeaders(h, "ignored.example", []string{"host", "x-amz-meta-a"})
	if want := "host:example.com\nx-amz-meta-a:one two,three\n"; err != nil || got != want {
		t.Errorf("CanonicalHeaders = %q, %v; want %q", got, err, want)
	}
	if _, err := aws4.CanonicalHeaders(h, "", []string{"x-amz-date"}); err == nil {
		t.Errorf("CanonicalHeaders accepted a missing signed header")
	}
	if got := aws4.URIEncode("/a b/ü~", true); got != "/a%20b/%C3%BC~" {
		t.Errorf("URIEncode = %q", got)
	}
	if got := aws4.URIEncode("a/b", false); got != "a%2Fb" {
		t.Errorf("URIEncode = %q", got)
	}
}
