package oauth1_test

import (
	"net/url"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/oauth1"
)

// Fuzz checks every Parse and Verify function of the package: no input
// panics; every value a view accepts builds, encodes and reads back equal
// (each input is tried as a challenge and as credentials); what
// PercentDecode accepts encodes back to text it decodes alike; and Verify
// accepts a signature only when it is the one the signing functions make.
func Fuzz(f *testing.F) {
	f.Add(`OAuth realm="Photos"`)
	f.Add(rfc351)
	f.Add(`oauth oauth_consumer_key=key, oauth_token="", oauth_signature_method=PLAINTEXT, oauth_signature="a%26b", oauth_x="a%20b"`)
	f.Add(`OAuth oauth_consumer_key=k, oauth_signature_method=PLAINTEXT, oauth_signature="kd94hf93k423kf44%26pfkkdhi9sl3r4s00"`)
	f.Add("J%c3%a4s%C3%B8n")
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, oauth1.ParseChallenge, oauth1.Challenge.Build)
		schemetest.CredentialsRoundTrip(t, in, oauth1.ParseCredentials, oauth1.Credentials.Build)
		if v, err := oauth1.PercentDecode(in); err == nil {
			if back, err := oauth1.PercentDecode(oauth1.PercentEncode(v)); err != nil || back != v {
				t.Fatalf("PercentDecode(PercentEncode(%q)) = %q, %v", v, back, err)
			}
		}
		fuzzVerify(t, in)
	})
}

// fuzzVerify checks the credentials in reads, if any, against RFC 5849
// section 1.2's secrets and request.
func fuzzVerify(t *testing.T, in string) {
	hc, err := httpauth.ParseCredentials(in)
	if err != nil {
		return
	}
	c, err := oauth1.ParseCredentials(hc)
	if err != nil {
		return
	}
	u := &url.URL{Scheme: "http", Host: "photos.example.net", Path: "/photos", RawQuery: in}
	if c.Verify("GET", u, nil, consumerSecret, tokenSecret) != nil {
		return
	}
	want := oauth1.SignPlaintext(consumerSecret, tokenSecret)
	if c.SignatureMethod == oauth1.HMACSHA1 {
		base, err := oauth1.BaseString("GET", u, nil, c)
		if err != nil {
			t.Fatalf("Verify accepted credentials whose base string fails: %v", err)
		}
		want = oauth1.SignHMACSHA1(consumerSecret, tokenSecret, base)
	}
	if c.Signature != want {
		t.Fatalf("Verify accepted a signature the signing functions do not make")
	}
}
