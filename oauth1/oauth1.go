package oauth1

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/authwire/httpauth"
)

// Scheme is the auth-scheme name.
const Scheme = "OAuth"

// Signature methods of RFC 5849 section 3.4.
const (
	HMACSHA1  = "HMAC-SHA1"
	RSASHA1   = "RSA-SHA1"
	PLAINTEXT = "PLAINTEXT"
)

// Error reports a challenge or credentials that is not a valid OAuth 1.0
// value. It names the parameter at fault and never quotes its value.
type Error struct {
	Param  string // parameter name, or "" for the scheme
	Reason string
}

func (e *Error) Error() string {
	if e.Param == "" {
		return "oauth1: " + e.Reason
	}
	return "oauth1: " + e.Param + ": " + e.Reason
}

// Challenge is an OAuth challenge: `OAuth realm="…"`.
type Challenge struct {
	Realm string // "" when absent
}

// ParseChallenge reads an OAuth challenge. Parameters other than realm are
// ignored.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if !httpauth.EqualFold(c.Scheme, Scheme) {
		return Challenge{}, &Error{Reason: "scheme is not OAuth"}
	}
	if c.Token68 != "" {
		return Challenge{}, &Error{Reason: "token68 instead of auth-params"}
	}
	return Challenge{Realm: c.Realm()}, nil
}

// Build returns c as a generic challenge.
func (c Challenge) Build() (httpauth.Challenge, error) {
	hc := httpauth.Challenge{Scheme: Scheme}
	if c.Realm != "" {
		hc.Params = httpauth.Params{{Name: "realm", Value: c.Realm}}
	}
	return hc, nil
}

// Credentials is an OAuth Authorization value with its values
// percent-decoded. Empty strings are absent parameters (but for Token,
// which may be sent empty: see HasToken).
type Credentials struct {
	Realm       string // not percent-encoded
	ConsumerKey string // oauth_consumer_key (required)
	Token       string // oauth_token
	// HasToken reports that oauth_token was sent, possibly empty.
	// ParseCredentials sets it; Build and Encode send oauth_token when
	// Token is not empty or HasToken is set.
	HasToken        bool
	SignatureMethod string // oauth_signature_method (required)
	Signature       string // oauth_signature (required)
	Timestamp       int64  // oauth_timestamp; 0 when absent
	Nonce           string // oauth_nonce
	Version         string // oauth_version: "" or "1.0"
	Callback        string // oauth_callback (temporary credentials request)
	Verifier        string // oauth_verifier (token request)
	// Extra holds other oauth_* parameters, names as sent, values
	// decoded.
	Extra httpauth.Params
}

// known are the oauth_* names with a field, in the order Build writes them.
var known = [...]string{
	"oauth_consumer_key", "oauth_token", "oauth_signature_method", "oauth_signature",
	"oauth_timestamp", "oauth_nonce", "oauth_version", "oauth_callback", "oauth_verifier",
}

// ParseCredentials reads an OAuth Authorization value and percent-decodes
// the oauth_* values.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if !httpauth.EqualFold(c.Scheme, Scheme) {
		return Credentials{}, &Error{Reason: "scheme is not OAuth"}
	}
	if c.Token68 != "" {
		return Credentials{}, &Error{Reason: "token68 instead of auth-params"}
	}
	var out Credentials
	var vals [len(known)]string
	var seen [len(known)]bool
	for i, p := range c.Params {
		for k := 0; k < i; k++ {
			if httpauth.EqualFold(c.Params[k].Name, p.Name) {
				return Credentials{}, &Error{Param: p.Name, Reason: "duplicate parameter"}
			}
		}
		if httpauth.EqualFold(p.Name, "realm") {
			out.Realm = p.Value
			continue
		}
		if len(p.Name) < 6 || !httpauth.EqualFold(p.Name[:6], "oauth_") {
			continue
		}
		v, err := PercentDecode(p.Value)
		if err != nil {
			return Credentials{}, &Error{Param: p.Name, Reason: err.Error()}
		}
		k := 0
		for k < len(known) && !httpauth.EqualFold(known[k], p.Name) {
			k++
		}
		if k == len(known) {
			out.Extra = append(out.Extra, httpauth.Param{Name: p.Name, Value: v})
			continue
		}
		vals[k], seen[k] = v, true
	}
	out.ConsumerKey, out.Token, out.HasToken = vals[0], vals[1], seen[1]
	out.SignatureMethod, out.Signature = vals[2], vals[3]
	if seen[4] {
		ts, err := parseTimestamp(vals[4])
		if err != nil {
			return Credentials{}, err
		}
		out.Timestamp = ts
	}
	out.Nonce, out.Version, out.Callback, out.Verifier = vals[5], vals[6], vals[7], vals[8]
	if seen[6] && out.Version == "" {
		return Credentials{}, &Error{Param: "oauth_version", Reason: `empty; must be "1.0" when sent`}
	}
	return out, out.check()
}

func parseTimestamp(s string) (int64, error) {
	bad := &Error{Param: "oauth_timestamp", Reason: "not a positive integer of at most 18 digits"}
	if s == "" || len(s) > 18 {
		return 0, bad
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, bad
		}
	}
	n, _ := strconv.ParseInt(s, 10, 64)
	if n == 0 {
		return 0, bad
	}
	return n, nil
}

func (c Credentials) check() error {
	if c.ConsumerKey == "" {
		return &Error{Param: "oauth_consumer_key", Reason: "missing"}
	}
	if c.SignatureMethod == "" {
		return &Error{Param: "oauth_signature_method", Reason: "missing"}
	}
	if c.Signature == "" {
		return &Error{Param: "oauth_signature", Reason: "missing"}
	}
	if c.SignatureMethod != PLAINTEXT {
		if c.Timestamp == 0 {
			return &Error{Param: "oauth_timestamp", Reason: "missing (required unless the method is PLAINTEXT)"}
		}
		if c.Nonce == "" {
			return &Error{Param: "oauth_nonce", Reason: "missing (required unless the method is PLAINTEXT)"}
		}
	}
	if c.Timestamp < 0 {
		return &Error{Param: "oauth_timestamp", Reason: "negative"}
	}
	if c.Version != "" && c.Version != "1.0" {
		return &Error{Param: "oauth_version", Reason: `not "1.0"`}
	}
	for i, p := range c.Extra {
		if len(p.Name) < 6 || !httpauth.EqualFold(p.Name[:6], "oauth_") || !isUnreserved(p.Name) {
			return &Error{Param: "Extra", Reason: "a name is not an oauth_ name of unreserved characters"}
		}
		for _, k := range known {
			if httpauth.EqualFold(k, p.Name) {
				return &Error{Param: k, Reason: "in Extra as well as in its field"}
			}
		}
		for _, q := range c.Extra[:i] {
			if httpauth.EqualFold(q.Name, p.Name) {
				return &Error{Param: p.Name, Reason: "duplicate parameter in Extra"}
			}
		}
	}
	if !utf8.ValidString(c.Realm) {
		return &Error{Param: "realm", Reason: "not UTF-8"}
	}
	return nil
}

func isUnreserved(s string) bool {
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			return false
		}
	}
	return true
}

// params returns the parameters in the order realm, the known oauth_*
// names, Extra, with values percent-encoded.
func (c Credentials) params() httpauth.Params {
	ps := make(httpauth.Params, 0, 10+len(c.Extra))
	if c.Realm != "" {
		ps = append(ps, httpauth.Param{Name: "realm", Value: c.Realm})
	}
	add := func(name, v string, sent bool) {
		if sent {
			ps = append(ps, httpauth.Param{Name: name, Value: PercentEncode(v)})
		}
	}
	add(known[0], c.ConsumerKey, true)
	add(known[1], c.Token, c.Token != "" || c.HasToken)
	add(known[2], c.SignatureMethod, true)
	add(known[3], c.Signature, true)
	if c.Timestamp != 0 {
		ps = append(ps, httpauth.Param{Name: known[4], Value: strconv.FormatInt(c.Timestamp, 10)})
	}
	add(known[5], c.Nonce, c.Nonce != "")
	add(known[6], c.Version, c.Version != "")
	add(known[7], c.Callback, c.Callback != "")
	add(known[8], c.Verifier, c.Verifier != "")
	for _, p := range c.Extra {
		add(p.Name, p.Value, true)
	}
	return ps
}

// Build returns c as generic credentials, values percent-encoded, in the
// order realm, oauth_consumer_key, oauth_token, oauth_signature_method,
// oauth_signature, oauth_timestamp, oauth_nonce, oauth_version,
// oauth_callback, oauth_verifier, then Extra.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := c.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: c.params()}, nil
}

// Encode returns the Authorization value in RFC 5849's form: every value
// in double quotes, parameters joined by ", ", in the order of Build. The
// realm is escaped as an RFC 9110 quoted-string; a realm with a control
// character or a non-ASCII byte is refused.
func (c Credentials) Encode() (string, error) {
	if err := c.check(); err != nil {
		return "", err
	}
	b := make([]byte, 0, 256)
	b = append(b, Scheme...)
	for i, p := range c.params() {
		if i == 0 {
			b = append(b, ' ')
		} else {
			b = append(b, ", "...)
		}
		b = append(b, p.Name...)
		b = append(b, '=', '"')
		for k := 0; k < len(p.Value); k++ {
			ch := p.Value[k]
			switch {
			case ch == '"' || ch == '\\':
				b = append(b, '\\', ch)
			case ch == '\t' || (ch >= 0x20 && ch < 0x7F):
				b = append(b, ch)
			default:
				return "", &Error{Param: p.Name, Reason: "control character or non-ASCII byte"}
			}
		}
		b = append(b, '"')
	}
	return string(b), nil
}

// Format prints the parameter names, never their values, for every verb.
func (c Credentials) Format(f fmt.State, verb rune) {
	var sb strings.Builder
	sb.WriteString(Scheme)
	for i, p := range c.params() {
		if i == 0 {
			sb.WriteByte(' ')
		} else {
			sb.WriteString(", ")
		}
		sb.WriteString(p.Name)
		sb.WriteString("=[redacted]")
	}
	io.WriteString(f, sb.String())
}

func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// PercentEncode encodes s as RFC 5849 section 3.6 requires: the bytes of
// ALPHA, DIGIT, "-", ".", "_" and "~" are kept, every other byte is written
// as "%" and two uppercase hex digits. s should be UTF-8.
func PercentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

// decodeError is PercentDecode's error; it never holds the input.
type decodeError string

func (e decodeError) Error() string { return string(e) }

// PercentDecode decodes a value encoded as RFC 5849 section 3.6 requires.
// It accepts lowercase hex digits, and refuses a byte outside the
// unreserved set that is not encoded, a "%" not followed by two hex
// digits, and a result that is not valid UTF-8. "+" is not a space.
func PercentDecode(s string) (string, error) {
	if isUnreserved(s) {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case unreserved(c):
			b = append(b, c)
		case c == '%':
			if i+2 >= len(s) {
				return "", decodeError("truncated percent-encoding")
			}
			h, ok1 := unhex(s[i+1])
			l, ok2 := unhex(s[i+2])
			if !ok1 || !ok2 {
				return "", decodeError("malformed percent-encoding")
			}
			b = append(b, h<<4|l)
			i += 2
		default:
			return "", decodeError("a character that RFC 5849 section 3.6 requires to be percent-encoded is not")
		}
	}
	if !utf8.Valid(b) {
		return "", decodeError("percent-decoded value is not UTF-8")
	}
	return string(b), nil
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
