package aws4_test

import (
	"fmt"

	"github.com/authwire/httpauth/aws4"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// A gateway reads the scope of an AWS SigV4 request, which strict RFC 9110
// parsing rejects.
func Example() {
	a, err := aws4.ParseAuthorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Credential.Date, a.Credential.Region, a.Credential.Service, a.SignedHeaders)
	fmt.Println(a) // no access key, no signature
	// Output:
	// 20150830 us-east-1 iam [content-type host x-amz-date]
	// AWS4-HMAC-SHA256 Credential=[redacted]/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[redacted]
}
