package aws4_test

import (
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/aws4"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/google/go-cmp/cmp"
)

// Fuzz checks every Parse and Verify function of the package: no input
// panics; a value ParseFieldValue reads survives both encodings (the bare
// form and httpauth's strict one); ParseCredentials round-trips through
// Build; and Verify accepts only the signature Sign makes.
func Fuzz(f *testing.F) {
	f.Add(iamValue)
	f.Add(s3Value)
	f.Add(`AWS4-HMAC-SHA256 Credential="a\/b", SignedHeaders=x, Signature=y`)
	f.Add("AWS4-HMAC-SHA256 ,,a=b,,")
	f.Add("AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request")
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.CredentialsRoundTrip(t, in, aws4.ParseCredentials, aws4.Credentials.Build)
		if s, err := aws4.ParseScope(in); err == nil && s.String() != in {
			t.Fatalf("ParseScope(%q).String() = %q", in, s)
		}
		a, err := aws4.ParseFieldValue(in)
		if err != nil {
			return
		}
		bare, err := a.FieldValue()
		if err != nil {
			t.Fatalf("FieldValue of a parsed value: %v", err)
		}
		b1, err := aws4.ParseFieldValue(bare)
		if err != nil || cmp.Diff(a, b1) != "" {
			t.Fatalf("bare round trip: %v", err)
		}
		hc, err := a.Build()
		if err != nil {
			t.Fatalf("Build of a parsed value: %v", err)
		}
		strict, err := httpauth.AppendCredentials(nil, hc)
		if err != nil {
			t.Fatalf("generic encoding of a parsed value: %v", err)
		}
		back, err := httpauth.ParseCredentials(string(strict))
		if err != nil {
			t.Fatalf("strict parse of the built value: %v", err)
		}
		b2, err := aws4.ParseCredentials(back)
		if err != nil || cmp.Diff(a, b2) != "" {
			t.Fatalf("strict round trip: %v", err)
		}
		amzDate := a.Credential.Date + "T123600Z"
		if a.Verify(iamSecret, amzDate, in) == nil {
			want := aws4.Sign(aws4.SigningKey(iamSecret, a.Credential), aws4.StringToSign(amzDate, a.Credential, in))
			if a.Signature != want {
				t.Fatalf("Verify accepted a signature Sign does not make")
			}
		}
	})
}
