package aws4_test

import (
	"strings"
	"testing"
	"time"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/aws4"
	"github.com/google/go-cmp/cmp"
)

// Examples from the AWS documentation: the IAM example of DESIGN.md and the
// S3 example of GRAMMAR.md.
const (
	iamValue = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
	s3Value  = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024"
	iamSig   = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
)

var iamWant = aws4.Authorization{
	Credential:    aws4.Scope{AccessKey: "AKIDEXAMPLE", Date: "20150830", Region: "us-east-1", Service: "iam", Request: "aws4_request"},
	SignedHeaders: []string{"content-type", "host", "x-amz-date"},
	Signature:     iamSig,
}

var s3Want = aws4.Authorization{
	Credential:    aws4.Scope{AccessKey: "AKIAIOSFODNN7EXAMPLE", Date: "20130524", Region: "us-east-1", Service: "s3", Request: "aws4_request"},
	SignedHeaders: []string{"host", "range", "x-amz-date"},
	Signature:     "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024",
}

func TestParseAuthorization(t *testing.T) {
	tests := []struct {
		name, in string
		want     aws4.Authorization
	}{
		{"IAM example", iamValue, iamWant},
		{"S3 example", s3Value, s3Want},
		{"no spaces after commas", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,SignedHeaders=content-type;host;x-amz-date,Signature=" + iamSig, iamWant},
		{"OWS, empty elements, other case", " aws4-hmac-sha256  credential = AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request ,, signedheaders=content-type;host;x-amz-date , SIGNATURE=" + iamSig + "\t", iamWant},
		{"strictly valid quoted form", `AWS4-HMAC-SHA256 Credential="AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request", SignedHeaders="content-type;host;x-amz-date", Signature=` + iamSig, iamWant},
		{"quoted-pair first in a quoted-string", `AWS4-HMAC-SHA256 Credential="\AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request", SignedHeaders=content-type;host;x-amz-date, Signature=` + iamSig, iamWant},
		{"mixed quoted and bare, escapes, unknown param", `AWS4-HMAC-SHA256 Credential="AKIDEXAMPLE/20150830/us-east-1/\iam/aws4_request", SignedHeaders=content-type;host;x-amz-date, Extra=a/b, Signature="` + iamSig + `"`, iamWant},
	}
	for _, tt := range tests {
		got, err := aws4.ParseAuthorization(tt.in)
		if err != nil {
			t.Errorf("%s: ParseAuthorization: %v", tt.name, err)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s: ParseAuthorization (-want +got):\n%s", tt.name, d)
		}
	}
	// The AWS form is what the strict parser rejects; ParseAuthorization
	// does not depend on lenient mode.
	if _, err := httpauth.ParseCredentials(iamValue); err == nil {
		t.Logf("note: httpauth.ParseCredentials now accepts the bare AWS form")
	}
}

func TestParseAuthorizationErrors(t *testing.T) {
	const cred = "Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request"
	const sh = "SignedHeaders=content-type;host;x-amz-date"
	const sig = "Signature=" + iamSig
	tests := []struct {
		name, in, param string
	}{
		{"empty", "", ""},
		{"scheme only", "AWS4-HMAC-SHA256", "Credential"},
		{"other scheme", "AWS4-ECDSA-P256-SHA256 " + cred + ", " + sh + ", " + sig, ""},
		{"token68", "AWS4-HMAC-SHA256 abc=", ""},
		{"tab after scheme", "AWS4-HMAC-SHA256\t" + cred + ", " + sh + ", " + sig, ""},
		{"no Credential", "AWS4-HMAC-SHA256 " + sh + ", " + sig, "Credential"},
		{"no SignedHeaders", "AWS4-HMAC-SHA256 " + cred + ", " + sig, "SignedHeaders"},
		{"no Signature", "AWS4-HMAC-SHA256 " + cred + ", " + sh, "Signature"},
		{"duplicate", "AWS4-HMAC-SHA256 " + cred + ", " + sh + ", " + sig + ", signature=" + iamSig, ""},
		{"four scope parts", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/aws4_request, " + sh + ", " + sig, "Credential"},
		{"six scope parts", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/x/aws4_request, " + sh + ", " + sig, "Credential"},
		{"bad terminator", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_requests, " + sh + ", " + sig, "Credential"},
		{"bad date", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150230/us-east-1/iam/aws4_request, " + sh + ", " + sig, "Credential"},
		{"short date", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/2015083/us-east-1/iam/aws4_request, " + sh + ", " + sig, "Credential"},
		{"signed date", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/+2015083/us-east-1/iam/aws4_request, " + sh + ", " + sig, "Credential"},
		{"empty access key", "AWS4-HMAC-SHA256 Credential=/20150830/us-east-1/iam/aws4_request, " + sh + ", " + sig, "Credential"},
		{"empty region", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830//iam/aws4_request, " + sh + ", " + sig, "Credential"},
		{"space in quoted scope", `AWS4-HMAC-SHA256 Credential="AKID EXAMPLE/20150830/us-east-1/iam/aws4_request", ` + sh + ", " + sig, "Credential"},
		{"uppercase header", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=content-type;Host;x-amz-date, " + sig, "SignedHeaders"},
		{"unsorted headers", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host;content-type, " + sig, "SignedHeaders"},
		{"repeated header", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host;host, " + sig, "SignedHeaders"},
		{"empty header", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host;;x-amz-date, " + sig, "SignedHeaders"},
		{"header not a token", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host;x:y, " + sig, "SignedHeaders"},
		{"short signature", "AWS4-HMAC-SHA256 " + cred + ", " + sh + ", Signature=" + iamSig[:63], "Signature"},
		{"uppercase signature", "AWS4-HMAC-SHA256 " + cred + ", " + sh + ", Signature=" + strings.ToUpper(iamSig), "Signature"},
		{"non-hex signature", "AWS4-HMAC-SHA256 " + cred + ", " + sh + ", Signature=" + iamSig[:63] + "g", "Signature"},
		{"space in bare value", "AWS4-HMAC-SHA256 " + cred + ", " + sh + " x, " + sig, ""},
		{"no equals", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders, " + sig, ""},
		{"empty bare value", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=, " + sig, ""},
		{"CR in value", "AWS4-HMAC-SHA256 " + cred + "\r\nX: y, " + sh + ", " + sig, ""},
		{"NUL in quoted", "AWS4-HMAC-SHA256 Credential=\"a\x00\", " + sh + ", " + sig, ""},
		{"non-ASCII", "AWS4-HMAC-SHA256 " + cred + "é, " + sh + ", " + sig, ""},
		{"unterminated quote", `AWS4-HMAC-SHA256 ` + cred + `, ` + sh + `, Signature="` + iamSig, ""},
		{"text after quote", `AWS4-HMAC-SHA256 Credential="x"y, ` + sh + `, ` + sig, ""},
		{"long", "AWS4-HMAC-SHA256 " + cred + ", " + sh + ", " + sig + strings.Repeat(",", 17<<10), ""},
		{"many params", "AWS4-HMAC-SHA256 " + strings.Repeat("a/=b, ", 40), ""},
	}
	for _, tt := range tests {
		_, err := aws4.ParseAuthorization(tt.in)
		e, ok := err.(*aws4.Error)
		if !ok {
			t.Errorf("%s: ParseAuthorization error = %v, want an *aws4.Error", tt.name, err)
			continue
		}
		if e.Param != tt.param {
			t.Errorf("%s: error %v names %q, want %q", tt.name, e, e.Param, tt.param)
		}
		if msg := e.Error(); strings.Contains(msg, iamSig) || strings.Contains(msg, "AKIDEXAMPLE") {
			t.Errorf("%s: error quotes a secret: %v", tt.name, msg)
		}
	}
}

func TestSyntaxOffset(t *testing.T) {
	// The bare value "a" ends at offset 48 (a space); the "b" at offset
	// 49 is where a comma or the end was expected.
	_, err := aws4.ParseAuthorization("AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=a b")
	if e, ok := err.(*aws4.Error); !ok || e.Offset != 49 {
		t.Errorf("error = %v, want offset 49", err)
	}
}

func TestBuildAndEncode(t *testing.T) {
	hc, err := iamWant.Build()
	if err != nil {
		t.Fatal(err)
	}
	const wantStrict = `AWS4-HMAC-SHA256 Credential="AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request", SignedHeaders="content-type;host;x-amz-date", Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7`
	b, err := httpauth.AppendCredentials(nil, hc)
	if err != nil || string(b) != wantStrict {
		t.Errorf("generic encoding = %q, %v;\nwant %q", b, err, wantStrict)
	}
	// The built header is strictly valid and reads back the same.
	back, err := httpauth.ParseCredentials(string(b))
	if err != nil {
		t.Fatalf("strict parse of the built header: %v", err)
	}
	if got, err := aws4.Parse(back); err != nil || cmp.Diff(iamWant, got) != "" {
		t.Errorf("round trip = %+v, %v", got.Credential, err)
	}

	if got, err := s3Want.Encode(); err != nil || got != s3Value {
		t.Errorf("Encode = %q, %v;\nwant %q", got, err, s3Value)
	}

	bad := iamWant
	bad.Credential.Region = "us-east-1, Signature=x"
	if _, err := bad.Build(); err == nil {
		t.Errorf("Build accepted a region with a comma")
	}
	if _, err := bad.Encode(); err == nil {
		t.Errorf("Encode accepted a region with a comma")
	}
	bad = iamWant
	bad.SignedHeaders = nil
	if _, err := bad.Encode(); err == nil {
		t.Errorf("Encode accepted no signed headers")
	}
	bad = iamWant
	bad.Credential.AccessKey = "AK\r\nX"
	if _, err := bad.Encode(); err == nil {
		t.Errorf("Encode accepted CRLF in the access key")
	}
}

func TestScope(t *testing.T) {
	s, err := aws4.ParseScope("AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request")
	if err != nil {
		t.Fatal(err)
	}
	tm, err := s.Time()
	if want := time.Date(2015, 8, 30, 0, 0, 0, 0, time.UTC); err != nil || !tm.Equal(want) {
		t.Errorf("Time = %v, %v; want %v", tm, err, want)
	}
	if got := s.String(); got != "AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request" {
		t.Errorf("String = %q", got)
	}
}

func TestFormatRedacts(t *testing.T) {
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		s := sprintf(verb, iamWant)
		if strings.Contains(s, iamSig) || strings.Contains(s, "AKIDEXAMPLE") {
			t.Errorf("%s prints a secret: %s", verb, s)
		}
	}
}
