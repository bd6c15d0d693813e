package aws4

import (
	"testing"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestRawAgreesWithLenient compares the AWS-format parser with httpauth's
// lenient mode: when both accept a value, they must read the same scheme
// and parameters. The inputs include two disagreements a differential fuzz
// run found (a token68-like "0==", and a quoted-pair as the first byte of
// a quoted-string). It is a table rather than a fuzz target so that CI
// does not fail when lenient mode changes on purpose; run it as a fuzz
// target by hand when either parser changes.
func TestRawAgreesWithLenient(t *testing.T) {
	for _, in := range []string{
		"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
		"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,SignedHeaders=content-type;host;x-amz-date,Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
		`AWS4-HMAC-SHA256 Credential="a/b", SignedHeaders=a;b,Signature=c`,
		`AWS4-HMAC-SHA256 Credential="\a\/b\"", Signature=c`,
		"X a=b/c ,, d = e;f",
		"0 0==",
		"0 0=\"\\0\"",
	} {
		raw, rawErr := parseRaw(in)
		p := httpauth.Parser{Lenient: true}
		lv, lenErr := p.ParseCredentials(nil, in)
		if rawErr != nil || lenErr != nil {
			continue
		}
		if d := cmp.Diff(lv, raw, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%q: lenient and AWS parsers disagree (-lenient +aws):\n%s", in, d)
		}
	}
}
