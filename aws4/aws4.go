package aws4

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/authwire/httpauth"
)

// Scheme is the auth-scheme name (AWS calls it the algorithm).
const Scheme = "AWS4-HMAC-SHA256"

// Terminator ends every credential scope.
const Terminator = "aws4_request"

// Error reports an Authorization value that is not a valid AWS SigV4 value.
// It names the parameter at fault and never quotes its value. Offset is the
// byte offset in the field value for syntax errors found by
// ParseAuthorization's own parser, and -1 otherwise.
type Error struct {
	Param  string // "Credential", "SignedHeaders", "Signature", or "" for the scheme or syntax
	Offset int
	Reason string
}

func (e *Error) Error() string {
	s := "aws4: "
	if e.Param != "" {
		s += e.Param + ": "
	}
	s += e.Reason
	if e.Offset >= 0 {
		s += " at offset " + strconv.Itoa(e.Offset)
	}
	return s
}

func errf(param, reason string) *Error { return &Error{Param: param, Offset: -1, Reason: reason} }

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
		return time.Time{}, errf("Credential", "date is not a YYYYMMDD calendar date")
	}
	return t, nil
}

// ParseScope splits a Credential value into its five parts and checks them.
func ParseScope(v string) (Scope, error) {
	parts := strings.Split(v, "/")
	if len(parts) != 5 {
		return Scope{}, errf("Credential", "expected access-key/date/region/service/aws4_request")
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
	for _, p := range [...]struct{ name, v string }{
		{"access key", s.AccessKey}, {"region", s.Region}, {"service", s.Service},
	} {
		if p.v == "" {
			return errf("Credential", p.name+" is empty")
		}
		for i := 0; i < len(p.v); i++ {
			if !scopeChar(p.v[i]) {
				return errf("Credential", p.name+" holds a space, control character, non-ASCII byte, or one of / , \" \\")
			}
		}
	}
	for i := 0; i < len(s.Date); i++ {
		if s.Date[i] < '0' || s.Date[i] > '9' {
			return errf("Credential", "date is not a YYYYMMDD calendar date")
		}
	}
	if _, err := s.Time(); err != nil {
		return err
	}
	if s.Request != Terminator {
		return errf("Credential", `scope does not end with "aws4_request"`)
	}
	return nil
}

// Authorization is an AWS4-HMAC-SHA256 Authorization value.
type Authorization struct {
	Credential    Scope
	SignedHeaders []string // lowercase, sorted, no duplicates
	Signature     string   // 64 lowercase hex digits
}

// ParseAuthorization parses the Authorization field value as AWS SDKs send
// it, with bare values (see the package documentation), or in strict RFC
// 9110 syntax, and returns the typed view.
func ParseAuthorization(value string) (Authorization, error) {
	c, err := httpauth.ParseCredentials(value)
	if err != nil {
		c, err = parseRaw(value)
		if err != nil {
			return Authorization{}, err
		}
	}
	return Parse(c)
}

// Parse reads the typed view from generic credentials. Credential,
// SignedHeaders and Signature are required; other parameters are ignored.
func Parse(c httpauth.Credentials) (Authorization, error) {
	if !httpauth.EqualFold(c.Scheme, Scheme) {
		return Authorization{}, errf("", "scheme is not AWS4-HMAC-SHA256")
	}
	if c.Token68 != "" {
		return Authorization{}, errf("", "token68 instead of auth-params")
	}
	names := [3]string{"Credential", "SignedHeaders", "Signature"}
	var vals [3]string
	var seen [3]bool
	for _, p := range c.Params {
		for i, n := range names {
			if httpauth.EqualFold(p.Name, n) {
				if seen[i] {
					return Authorization{}, errf(n, "duplicate parameter")
				}
				vals[i], seen[i] = p.Value, true
			}
		}
	}
	for i, n := range names {
		if !seen[i] {
			return Authorization{}, errf(n, "missing")
		}
	}
	scope, err := ParseScope(vals[0])
	if err != nil {
		return Authorization{}, err
	}
	a := Authorization{Credential: scope, SignedHeaders: strings.Split(vals[1], ";"), Signature: vals[2]}
	return a, a.check()
}

func (a Authorization) check() error {
	if err := a.Credential.check(); err != nil {
		return err
	}
	if len(a.SignedHeaders) == 0 {
		return errf("SignedHeaders", "empty list")
	}
	for i, h := range a.SignedHeaders {
		if !httpauth.IsToken(h) {
			return errf("SignedHeaders", "header name "+strconv.Itoa(i+1)+" is empty or not a token")
		}
		for k := 0; k < len(h); k++ {
			if 'A' <= h[k] && h[k] <= 'Z' {
				return errf("SignedHeaders", "header name "+strconv.Itoa(i+1)+" is not lowercase")
			}
		}
		if i > 0 && a.SignedHeaders[i-1] >= h {
			return errf("SignedHeaders", "header names are not sorted, or repeat")
		}
	}
	if len(a.Signature) != 64 {
		return errf("Signature", "not 64 hex digits")
	}
	for i := 0; i < len(a.Signature); i++ {
		if c := a.Signature[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return errf("Signature", "not lowercase hex")
		}
	}
	return nil
}

// Build returns a as generic credentials: Credential, SignedHeaders,
// Signature. httpauth's encoder quotes the first two (they are not
// tokens), which keeps the header strictly valid.
func (a Authorization) Build() (httpauth.Credentials, error) {
	if err := a.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: httpauth.Params{
		{Name: "Credential", Value: a.Credential.String()},
		{Name: "SignedHeaders", Value: strings.Join(a.SignedHeaders, ";")},
		{Name: "Signature", Value: a.Signature},
	}}, nil
}

// Encode returns the value in the bare form AWS SDKs send:
// `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. It is not
// RFC 9110 syntax, but every part has been checked, so it cannot split a
// header.
func (a Authorization) Encode() (string, error) {
	if err := a.check(); err != nil {
		return "", err
	}
	return Scheme + " Credential=" + a.Credential.String() +
		", SignedHeaders=" + strings.Join(a.SignedHeaders, ";") +
		", Signature=" + a.Signature, nil
}

// Format prints the scheme, the region, service and date of the scope and
// the signed headers, never the access key or the signature, for every
// verb.
func (a Authorization) Format(f fmt.State, verb rune) {
	io.WriteString(f, Scheme+" Credential=[redacted]/"+a.Credential.Date+"/"+a.Credential.Region+"/"+
		a.Credential.Service+"/"+a.Credential.Request+", SignedHeaders="+strings.Join(a.SignedHeaders, ";")+
		", Signature=[redacted]")
}
