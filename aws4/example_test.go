package aws4_test

import (
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/aws4"
)

// The AWS documentation's signing example: IAM ListUsers, signed with the
// secret access key below.
const (
	exValue   = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
	exSecret  = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
	exAmzDate = "20150830T123600Z"
	exCanon   = "GET\n/\nAction=ListUsers&Version=2010-05-08\n" +
		"content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\n" +
		"content-type;host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
)

// A gateway reads the scope of an AWS SigV4 request, which strict RFC 9110
// parsing rejects, and checks its signature.
func Example() {
	a, err := aws4.ParseFieldValue(exValue)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Credential.Date, a.Credential.Region, a.Credential.Service, a.SignedHeaders)
	fmt.Println(a.Verify(exSecret, exAmzDate, exCanon))
	fmt.Println(a) // no signature
	// Output:
	// 20150830 us-east-1 iam [content-type host x-amz-date]
	// <nil>
	// {AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request [content-type host x-amz-date] [redacted]}
}

// ParseFieldValue accepts the AWS form's bare values and nothing else that
// strict parsing refuses.
func ExampleParseFieldValue() {
	_, err := aws4.ParseFieldValue("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host x-amz-date, Signature=5d67")
	var se *httpauth.SyntaxError
	if errors.As(err, &se) {
		fmt.Println("line", se.Line, "offset", se.Offset) // the "x" after the space
	}
	// Output:
	// line 0 offset 96
}

// A value that strict parsing reads (here, as a lenient parser recovered
// it) goes through ParseCredentials.
func ExampleParseCredentials() {
	hc := httpauth.MustParseCredentials(`AWS4-HMAC-SHA256 Credential="AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request", SignedHeaders="host;x-amz-date", Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7`)
	a, err := aws4.ParseCredentials(hc)
	fmt.Println(a.Credential.AccessKey, a.SignedHeaders, err)

	_, err = aws4.ParseCredentials(httpauth.MustParseCredentials(`Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==`))
	fmt.Println(errors.Is(err, httpauth.ErrOtherScheme))
	// Output:
	// AKIDEXAMPLE [host x-amz-date] <nil>
	// true
}

// Credentials print without the signature.
func ExampleCredentials() {
	a, _ := aws4.ParseFieldValue(exValue)
	fmt.Printf("%+v\n", a)
	// Output:
	// {Credential:AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request SignedHeaders:[content-type host x-amz-date] Signature:[redacted]}
}

// Build gives strictly valid RFC 9110 credentials, the scope and the
// header list quoted.
func ExampleCredentials_Build() {
	a, _ := aws4.ParseFieldValue(exValue)
	hc, err := a.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := hc.Encode()
	fmt.Println(v, err)
	// Output:
	// AWS4-HMAC-SHA256 Credential="AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request", SignedHeaders="content-type;host;x-amz-date", Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7 <nil>
}

// FieldValue writes the bare form AWS sends.
func ExampleCredentials_FieldValue() {
	s, _ := aws4.ParseScope("AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request")
	a := aws4.Credentials{Credential: s, SignedHeaders: []string{"content-type", "host", "x-amz-date"},
		Signature: "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"}
	v, err := a.FieldValue()
	fmt.Println(v == exValue, err)
	// Output:
	// true <nil>
}

// A signature made with another secret, or for another request, does not
// verify.
func ExampleCredentials_Verify() {
	a, _ := aws4.ParseFieldValue(exValue)
	err := a.Verify("another secret", exAmzDate, exCanon)
	fmt.Println(err, errors.Is(err, httpauth.ErrVerification))
	fmt.Println(errors.Is(a.Verify(exSecret, "20150830T123601Z", exCanon), httpauth.ErrVerification))
	// Output:
	// httpauth: AWS4-HMAC-SHA256 Signature: does not match true
	// true
}

func ExampleParseScope() {
	s, err := aws4.ParseScope("AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request")
	fmt.Println(s.AccessKey, s.Date, s.Region, s.Service, err)
	_, err = aws4.ParseScope("AKIDEXAMPLE/20150230/us-east-1/iam/aws4_request")
	fmt.Println(err)
	// Output:
	// AKIDEXAMPLE 20150830 us-east-1 iam <nil>
	// httpauth: AWS4-HMAC-SHA256 Credential: date is not a YYYYMMDD calendar date
}

// A scope holds no secret; it prints as the Credential value.
func ExampleScope() {
	s := aws4.Scope{AccessKey: "AKIDEXAMPLE", Date: "20150830", Region: "us-east-1", Service: "iam", Request: aws4.Terminator}
	fmt.Println(s)
	// Output:
	// AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request
}

func ExampleScope_Time() {
	s, _ := aws4.ParseScope("AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request")
	fmt.Println(s.Time())
	// Output:
	// 2015-08-30 00:00:00 +0000 UTC <nil>
}

func ExampleHashPayload() {
	fmt.Println(aws4.HashPayload([]byte("Action=ListUsers&Version=2010-05-08")))
	fmt.Println(aws4.HashPayload(nil) == aws4.EmptyPayloadHash)
	// Output:
	// b6359072c78d70ebee1e81adcbab4f01bf2c23245fa365ef83fe8f1f955085e2
	// true
}

func ExampleURIEncode() {
	fmt.Println(aws4.URIEncode("/documents and settings/é~", true))
	fmt.Println(aws4.URIEncode("a/b", false))
	// Output:
	// /documents%20and%20settings/%C3%A9~
	// a%2Fb
}

func ExampleCanonicalQuery() {
	fmt.Println(aws4.CanonicalQuery("Version=2010-05-08&Action=ListUsers&flag"))
	// Output:
	// Action=ListUsers&Version=2010-05-08&flag= <nil>
}

// Go servers keep Host out of http.Header: pass it apart.
func ExampleCanonicalHeaders() {
	h := http.Header{}
	h.Set("Content-Type", "application/x-www-form-urlencoded;  charset=utf-8")
	h.Set("X-Amz-Date", exAmzDate)
	ch, err := aws4.CanonicalHeaders(h, "iam.amazonaws.com", []string{"content-type", "host", "x-amz-date"})
	fmt.Printf("%s%v\n", ch, err)
	// Output:
	// content-type:application/x-www-form-urlencoded; charset=utf-8
	// host:iam.amazonaws.com
	// x-amz-date:20150830T123600Z
	// <nil>
}

func ExampleCanonicalRequest() {
	headers := "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n"
	canon := aws4.CanonicalRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", headers,
		[]string{"content-type", "host", "x-amz-date"}, aws4.EmptyPayloadHash)
	fmt.Println(canon == exCanon)
	// Output:
	// true
}

func ExampleStringToSign() {
	s, _ := aws4.ParseScope("AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request")
	fmt.Println(aws4.StringToSign(exAmzDate, s, exCanon))
	// Output:
	// AWS4-HMAC-SHA256
	// 20150830T123600Z
	// 20150830/us-east-1/iam/aws4_request
	// f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59
}

func ExampleSigningKey() {
	s, _ := aws4.ParseScope("AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request")
	fmt.Println(hex.EncodeToString(aws4.SigningKey(exSecret, s)))
	// Output:
	// c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9
}

// A client signs its request.
func ExampleSign() {
	s, _ := aws4.ParseScope("AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request")
	fmt.Println(aws4.Sign(aws4.SigningKey(exSecret, s), aws4.StringToSign(exAmzDate, s, exCanon)))
	// Output:
	// 5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7
}
