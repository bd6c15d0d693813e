package aws4_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/aws4"
	"github.com/authwire/httpauth/internal/scheme"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/google/go-cmp/cmp"
)

// Examples from the AWS documentation: the IAM example of DESIGN.md and the
// S3 example of GRAMMAR.md.
const (
	iamValue = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
	s3Value  = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024"
	iamSig   = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
)

var iamWant = aws4.Credentials{
	Credential:    aws4.Scope{AccessKey: "AKIDEXAMPLE", Date: "20150830", Region: "us-east-1", Service: "iam", Request: "aws4_request"},
	SignedHeaders: []string{"content-type", "host", "x-amz-date"},
	Signature:     iamSig,
}

var s3Want = aws4.Credentials{
	Credential:    aws4.Scope{AccessKey: "AKIAIOSFODNN7EXAMPLE", Date: "20130524", Region: "us-east-1", Service: "s3", Request: "aws4_request"},
	SignedHeaders: []string{"host", "range", "x-amz-date"},
	Signature:     "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024",
}

func TestParseFieldValue(t *testing.T) {
	tests := []struct {
		name, in string
		want     aws4.Credentials
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
		got, err := aws4.ParseFieldValue(tt.in)
		if err != nil {
			t.Errorf("%s: ParseFieldValue: %v", tt.name, err)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s: ParseFieldValue (-want +got):\n%s", tt.name, d)
		}
	}
	// The AWS form is what the strict parser rejects.
	if _, err := httpauth.ParseCredentials(iamValue); err == nil {
		t.Errorf("httpauth.ParseCredentials accepts the bare AWS form: the package doc says it does not")
	}
}

func TestParseFieldValueErrors(t *testing.T) {
	const cred = "Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request"
	const sh = "SignedHeaders=content-type;host;x-amz-date"
	const sig = "Signature=" + iamSig
	// want is a sentinel the error wraps, or errSyntax for a
	// *httpauth.SyntaxError.
	tests := []struct {
		name, in, param string
		want            error
	}{
		{"empty", "", "", errSyntax},
		{"scheme only", "AWS4-HMAC-SHA256", "Credential", httpauth.ErrMissingParam},
		{"other scheme", "AWS4-ECDSA-P256-SHA256 " + cred + ", " + sh + ", " + sig, "", httpauth.ErrOtherScheme},
		{"token68", "AWS4-HMAC-SHA256 abc=", "", scheme.NoToken68},
		{"tab after scheme", "AWS4-HMAC-SHA256\t" + cred + ", " + sh + ", " + sig, "", errSyntax},
		{"no Credential", "AWS4-HMAC-SHA256 " + sh + ", " + sig, "Credential", httpauth.ErrMissingParam},
		{"no SignedHeaders", "AWS4-HMAC-SHA256 " + cred + ", " + sig, "SignedHeaders", httpauth.ErrMissingParam},
		{"no Signature", "AWS4-HMAC-SHA256 " + cred + ", " + sh, "Signature", httpauth.ErrMissingParam},
		{"duplicate", "AWS4-HMAC-SHA256 " + cred + ", " + sh + ", " + sig + ", signature=" + iamSig, "", errSyntax},
		{"four scope parts", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/aws4_request, " + sh + ", " + sig, "Credential", nil},
		{"six scope parts", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/x/aws4_request, " + sh + ", " + sig, "Credential", nil},
		{"bad terminator", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_requests, " + sh + ", " + sig, "Credential", nil},
		{"bad date", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150230/us-east-1/iam/aws4_request, " + sh + ", " + sig, "Credential", nil},
		{"short date", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/2015083/us-east-1/iam/aws4_request, " + sh + ", " + sig, "Credential", nil},
		{"signed date", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/+2015083/us-east-1/iam/aws4_request, " + sh + ", " + sig, "Credential", nil},
		{"empty access key", "AWS4-HMAC-SHA256 Credential=/20150830/us-east-1/iam/aws4_request, " + sh + ", " + sig, "Credential", nil},
		{"empty region", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830//iam/aws4_request, " + sh + ", " + sig, "Credential", nil},
		{"space in quoted scope", `AWS4-HMAC-SHA256 Credential="AKID EXAMPLE/20150830/us-east-1/iam/aws4_request", ` + sh + ", " + sig, "Credential", nil},
		{"uppercase header", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=content-type;Host;x-amz-date, " + sig, "SignedHeaders", nil},
		{"unsorted headers", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host;content-type, " + sig, "SignedHeaders", nil},
		{"repeated header", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host;host, " + sig, "SignedHeaders", nil},
		{"empty header", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host;;x-amz-date, " + sig, "SignedHeaders", nil},
		{"header not a token", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host;x:y, " + sig, "SignedHeaders", nil},
		{"short signature", "AWS4-HMAC-SHA256 " + cred + ", " + sh + ", Signature=" + iamSig[:63], "Signature", nil},
		{"uppercase signature", "AWS4-HMAC-SHA256 " + cred + ", " + sh + ", Signature=" + strings.ToUpper(iamSig), "Signature", nil},
		{"non-hex signature", "AWS4-HMAC-SHA256 " + cred + ", " + sh + ", Signature=" + iamSig[:63] + "g", "Signature", nil},
		{"space in bare value", "AWS4-HMAC-SHA256 " + cred + ", " + sh + " x, " + sig, "", errSyntax},
		{"no equals", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders, " + sig, "", errSyntax},
		{"empty bare value", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=, " + sig, "", errSyntax},
		{"CR in value", "AWS4-HMAC-SHA256 " + cred + "\r\nX: y, " + sh + ", " + sig, "", errSyntax},
		{"NUL in quoted", "AWS4-HMAC-SHA256 Credential=\"a\x00\", " + sh + ", " + sig, "", errSyntax},
		{"non-ASCII", "AWS4-HMAC-SHA256 " + cred + "é, " + sh + ", " + sig, "Credential", nil},
		{"unterminated quote", `AWS4-HMAC-SHA256 ` + cred + `, ` + sh + `, Signature="` + iamSig, "", errSyntax},
		{"text after quote", `AWS4-HMAC-SHA256 Credential="x"y, ` + sh + `, ` + sig, "", errSyntax},
		{"long", "AWS4-HMAC-SHA256 " + cred + ", " + sh + ", " + sig + strings.Repeat(",", 17<<10), "", errSyntax},
		{"many params", "AWS4-HMAC-SHA256 " + strings.Repeat("a/=b, ", 40), "", errSyntax},
	}
	for _, tt := range tests {
		_, err := aws4.ParseFieldValue(tt.in)
		want := tt.want
		if want == errSyntax {
			want = nil
			if se := new(httpauth.SyntaxError); !errors.As(err, &se) {
				t.Errorf("%s: ParseFieldValue error = %v, want a *httpauth.SyntaxError", tt.name, err)
			}
		}
		schemetest.CheckError(t, tt.name+": ParseFieldValue", err, aws4.Scheme, tt.param, want, iamSig)
		if err != nil && strings.Contains(err.Error(), "AKIDEXAMPLE") {
			t.Errorf("%s: error %v quotes the access key", tt.name, err)
		}
	}
}

// errSyntax marks, in a table of errors, a *httpauth.SyntaxError.
var errSyntax = errors.New("syntax error")

func TestSyntaxOffset(t *testing.T) {
	// The bare value "a" ends at offset 48 (a space); the "b" at offset
	// 49 would continue it past a space, which the AWS form never does.
	_, err := aws4.ParseFieldValue("AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=a b")
	var se *httpauth.SyntaxError
	if !errors.As(err, &se) || se.Offset != 49 || se.Line != 0 {
		t.Errorf("error = %v, want a SyntaxError at line 0, offset 49", err)
	}
	const want = "httpauth: AWS4-HMAC-SHA256: line 0, offset 49: not strict syntax nor the AWS form: "
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %q, want it to start with %q", err, want)
	}
}

func TestBuildAndFieldValue(t *testing.T) {
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
	if got, err := aws4.ParseCredentials(back); err != nil || cmp.Diff(iamWant, got) != "" {
		t.Errorf("round trip = %+v, %v", got.Credential, err)
	}

	if got, err := s3Want.FieldValue(); err != nil || got != s3Value {
		t.Errorf("FieldValue = %q, %v;\nwant %q", got, err, s3Value)
	}

	bad := iamWant
	bad.Credential.Region = "us-east-1, Signature=x"
	if _, err := bad.Build(); err == nil {
		t.Errorf("Build accepted a region with a comma")
	}
	if _, err := bad.FieldValue(); err == nil {
		t.Errorf("FieldValue accepted a region with a comma")
	}
	bad = iamWant
	bad.SignedHeaders = nil
	if _, err := bad.FieldValue(); err == nil {
		t.Errorf("FieldValue accepted no signed headers")
	}
	bad = iamWant
	bad.Credential.AccessKey = "AK\r\nX"
	if _, err := bad.FieldValue(); err == nil {
		t.Errorf("FieldValue accepted CRLF in the access key")
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

// The signature prints masked; the scope and the signed headers stay
// visible.
func TestRedaction(t *testing.T) {
	const want = "{Credential:AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request SignedHeaders:[content-type host x-amz-date] Signature:[redacted]}"
	if got := fmt.Sprintf("%+v", iamWant); got != want {
		t.Errorf("%%+v = %s\nwant %s", got, want)
	}
}
