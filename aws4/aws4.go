package aws4

import (
	"encoding/xml"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
)

// Scheme is the auth-scheme name (AWS calls it the algorithm).
const Scheme = "AWS4-HMAC-SHA256"

// Terminator ends every credential scope.
const Terminator = "aws4_request"

// Reasons of this package's errors; none holds input.
const (
	errDate       scheme.Reason = "date is not a YYYYMMDD calendar date"
	errScopeParts scheme.Reason = "expected access-key/date/region/service/aws4_request"
	errScopePart  scheme.Reason = "an access key, region or service is empty, or holds a space, control character, non-ASCII byte, or one of / , \" \\"
	errTerminator scheme.Reason = `scope does not end with "aws4_request"`
	errNoHeaders  scheme.Reason = "empty list"
	errHeaderName scheme.Reason = "a header name is empty, not a token or not lowercase"
	errUnsorted   scheme.Reason = "header names are not sorted, or repeat"
	errSignature  scheme.Reason = "not 64 lowercase hex digits"
	errAmzDate    scheme.Reason = "X-Amz-Date is not YYYYMMDDTHHMMSSZ on the scope's date"
	errNoMatch    scheme.Reason = "does not match"
	errQuery      scheme.Reason = "malformed percent-encoding in the query"
	errMissingHdr scheme.Reason = "a signed header is missing from the request"
)

// Scope is the credential scope of the Credential parameter.
type Scope struct {
	AccessKey string // access key ID
	Date      string // YYYYMMDD (UTC)
	Region    string // e.g. us-east-1
	Service   string // e.g. s3, iam
	Request   string // always "aws4_request"
}

// String returns the Credential value access-key/date/region/service/request.
func (s Scope) String() string {
	return s.AccessKey + "/" + s.Date + "/" + s.Region + "/" + s.Service + "/" + s.Request
}

// Time returns the scope's date at 00:00 UTC.
func (s Scope) Time() (time.Time, error) {
	t, err := time.Parse("20060102", s.Date)
	if err != nil || len(s.Date) != 8 {
		return time.Time{}, scheme.Err(Scheme, "Credential", errDate)
	}
	return t, nil
}

// ParseScope splits a Credential value into its five parts and checks them.
func ParseScope(v string) (Scope, error) {
	parts := strings.Split(v, "/")
	if len(parts) != 5 {
		return Scope{}, scheme.Err(Scheme, "Credential", errScopeParts)
	}
	s := Scope{AccessKey: parts[0], Date: parts[1], Region: parts[2], Service: parts[3], Request: parts[4]}
	return s, s.check()
}

// scopeChar reports whether c may appear in a scope part: printable ASCII
// but SP, "/", ",", `"` and `\`.
func scopeChar(c byte) bool {
	return c > 0x20 && c < 0x7F && c != '/' && c != ',' && c != '"' && c != '\\'
}

func (s Scope) check() error {
	for _, v := range [...]string{s.AccessKey, s.Region, s.Service} {
		if v == "" {
			return scheme.Err(Scheme, "Credential", errScopePart)
		}
		for i := 0; i < len(v); i++ {
			if !scopeChar(v[i]) {
				return scheme.Err(Scheme, "Credential", errScopePart)
			}
		}
	}
	for i := 0; i < len(s.Date); i++ {
		if s.Date[i] < '0' || s.Date[i] > '9' {
			return scheme.Err(Scheme, "Credential", errDate)
		}
	}
	if _, err := s.Time(); err != nil {
		return err
	}
	if s.Request != Terminator {
		return scheme.Err(Scheme, "Credential", errTerminator)
	}
	return nil
}

// Credentials is an AWS4-HMAC-SHA256 Authorization value. Signature is
// secret (see the package documentation).
type Credentials struct {
	Credential    Scope
	SignedHeaders []string // lowercase, sorted, no duplicates
	Signature     string   // 64 lowercase hex digits
}

// ParseFieldValue reads an Authorization field value as AWS SDKs send it,
// with bare values holding "/" and ";" (see the package documentation),
// or in strict RFC 9110 syntax, and returns the typed view. It reads the
// value with httpauth's lenient mode and accepts no other recovery: a
// value that strict parsing refuses for another reason than an unquoted
// value with delimiters is an error whose Err is, or wraps, a
// *httpauth.SyntaxError with the offset.
func ParseFieldValue(value string) (Credentials, error) {
	p := httpauth.Parser{Lenient: true}
	hc, err := p.ParseCredentials(nil, value)
	if err != nil {
		return Credentials{}, syntax(err)
	}
	for _, w := range p.Warnings() {
		if w.Kind != httpauth.WarnLooseValue {
			return Credentials{}, syntax(&httpauth.SyntaxError{Line: w.Line, Offset: w.Offset, Err: notAWS(w.Kind)})
		}
	}
	return ParseCredentials(hc)
}

// syntax returns the error of ParseFieldValue for err, an error of the
// root parser.
func syntax(err error) error {
	var se *httpauth.SyntaxError
	if errors.As(err, &se) {
		err = syntaxError{se}
	}
	return scheme.Err(Scheme, "", err)
}

// syntaxError is a *httpauth.SyntaxError in a SchemeError: its message
// drops the package prefix the SchemeError already has.
type syntaxError struct{ err *httpauth.SyntaxError }

func (e syntaxError) Error() string { return strings.TrimPrefix(e.err.Error(), "httpauth: ") }
func (e syntaxError) Unwrap() error { return e.err }

// notAWS is the reason for a recovery of lenient mode other than the AWS
// form's bare values.
type notAWS httpauth.WarningKind

func (k notAWS) Error() string {
	return "not strict syntax nor the AWS form: " + httpauth.WarningKind(k).String()
}

// ParseCredentials reads the typed view from generic credentials.
// Credential, SignedHeaders and Signature are required (a missing one
// wraps [httpauth.ErrMissingParam]); other parameters are ignored.
// Credentials of another scheme are an error wrapping
// [httpauth.ErrOtherScheme].
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Credentials{}, err
	}
	names := [...]string{"Credential", "SignedHeaders", "Signature"}
	vals, seen, err := scheme.Lookup(Scheme, c.Params, names[:]...)
	if err != nil {
		return Credentials{}, err
	}
	for i, n := range names {
		if !seen[i] {
			return Credentials{}, scheme.Err(Scheme, n, httpauth.ErrMissingParam)
		}
	}
	scope, err := ParseScope(vals[0])
	if err != nil {
		return Credentials{}, err
	}
	a := Credentials{Credential: scope, SignedHeaders: strings.Split(vals[1], ";"), Signature: vals[2]}
	return a, a.check()
}

func (a Credentials) check() error {
	if err := a.Credential.check(); err != nil {
		return err
	}
	if len(a.SignedHeaders) == 0 {
		return scheme.Err(Scheme, "SignedHeaders", errNoHeaders)
	}
	for i, h := range a.SignedHeaders {
		if !httpauth.IsToken(h) || strings.ToLower(h) != h {
			return scheme.Err(Scheme, "SignedHeaders", errHeaderName)
		}
		if i > 0 && a.SignedHeaders[i-1] >= h {
			return scheme.Err(Scheme, "SignedHeaders", errUnsorted)
		}
	}
	if len(a.Signature) != 64 {
		return scheme.Err(Scheme, "Signature", errSignature)
	}
	for i := 0; i < len(a.Signature); i++ {
		if c := a.Signature[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return scheme.Err(Scheme, "Signature", errSignature)
		}
	}
	return nil
}

// Build returns a as generic credentials: Credential, SignedHeaders,
// Signature. httpauth's encoder quotes the first two (they are not
// tokens), which keeps the header strictly valid RFC 9110;
// [Credentials.FieldValue] writes the bare form AWS sends instead.
func (a Credentials) Build() (httpauth.Credentials, error) {
	if err := a.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: httpauth.Params{
		{Name: "Credential", Value: a.Credential.String()},
		{Name: "SignedHeaders", Value: strings.Join(a.SignedHeaders, ";")},
		{Name: "Signature", Value: a.Signature},
	}}, nil
}

// FieldValue returns the Authorization field value in the bare form AWS
// SDKs send, which [ParseFieldValue] reads:
// `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. It is not
// RFC 9110 syntax (httpauth's encoder would quote the first two values),
// but every part has been checked, so it cannot split a header. It holds
// the signature: it is for sending, not for logs.
func (a Credentials) FieldValue() (string, error) {
	if err := a.check(); err != nil {
		return "", err
	}
	return Scheme + " Credential=" + a.Credential.String() +
		", SignedHeaders=" + strings.Join(a.SignedHeaders, ";") +
		", Signature=" + a.Signature, nil
}

func (a Credentials) view() redact.View {
	return redact.View{Type: "aws4.Credentials", Fields: []redact.Field{
		{Name: "Credential", Value: a.Credential},
		{Name: "SignedHeaders", Value: a.SignedHeaders},
		{Name: "Signature", Value: a.Signature, Secret: true},
	}}
}

// String returns a with its signature masked, as every printed form does.
func (a Credentials) String() string { return a.view().String() }

// Format prints a with its signature masked, under every verb.
func (a Credentials) Format(f fmt.State, verb rune) { a.view().Format(f, verb) }

// MarshalJSON returns a as a JSON object with its signature masked.
func (a Credentials) MarshalJSON() ([]byte, error) { return a.view().MarshalJSON() }

// MarshalXML writes a as an XML element with its signature masked.
func (a Credentials) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return a.view().MarshalXML(e, start)
}

// LogValue returns a as a slog group with its signature masked.
func (a Credentials) LogValue() slog.Value { return a.view().LogValue() }
