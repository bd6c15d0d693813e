package aws4_test

import (
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/aws4"
	"github.com/google/go-cmp/cmp"
)

// FuzzParseAuthorization checks that no input panics, and that a value
// that parses survives both encodings.
func FuzzParseAuthorization(f *testing.F) {
	f.Add(iamValue)
	f.Add(s3Value)
	f.Add(`AWS4-HMAC-SHA256 Credential="a\/b", SignedHeaders=x, Signature=y`)
	f.Add("AWS4-HMAC-SHA256 ,,a=b,,")
	f.Fuzz(func(t *testing.T, in string) {
		a, err := aws4.ParseAuthorization(in)
		if err != nil {
			return
		}
		bare, err := a.Encode()
		if err != nil {
			t.Fatalf("Encode of a parsed value: %v", err)
		}
		b1, err := aws4.ParseAuthorization(bare)
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
		b2, err := aws4.Parse(back)
		if err != nil || cmp.Diff(a, b2) != "" {
			t.Fatalf("strict round trip: %v", err)
		}
	})
}
