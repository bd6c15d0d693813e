package oauth1

import (
	"encoding/xml"
	"fmt"
	"log/slog"
	"strconv"
	"unicode/utf8"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
)

// Scheme is the auth-scheme name.
const Scheme = "OAuth"

// Signature methods of RFC 5849 section 3.4.
const (
	HMACSHA1  = "HMAC-SHA1"
	RSASHA1   = "RSA-SHA1"
	PLAINTEXT = "PLAINTEXT"
)

// Reasons of this package's errors; none holds input.
const (
	errTruncated    scheme.Reason = "truncated percent-encoding"
	errEscape       scheme.Reason = "malformed percent-encoding"
	errUnencoded    scheme.Reason = "a character that RFC 5849 section 3.6 requires to be percent-encoded is not"
	errUTF8         scheme.Reason = "percent-decoded value is not UTF-8"
	errTimestamp    scheme.Reason = "not a positive decimal integer"
	errVersion      scheme.Reason = `not "1.0"`
	errExtraName    scheme.Reason = "a name in Extra is not an oauth_ name of unreserved characters"
	errExtraKnown   scheme.Reason = "in Extra as well as in its field"
	errRealm        scheme.Reason = "not UTF-8 text without control characters"
	errURL          scheme.Reason = "request URL is not an absolute http or https URL"
	errQuery        scheme.Reason = "request query is not application/x-www-form-urlencoded"
	errMethod       scheme.Reason = "Verify supports HMAC-SHA1 and PLAINTEXT only"
	errNoMatch      scheme.Reason = "does not match"
	errNegativeTS   scheme.Reason = "negative"
	errEmptyVersion scheme.Reason = `empty; must be "1.0" when sent`
)

// Challenge is an OAuth challenge: `OAuth realm="…"`. It holds no secret.
type Challenge struct {
	Realm string // "" when absent
}

// ParseChallenge reads an OAuth challenge from a generic one. Parameters
// other than realm are ignored. A challenge of another scheme is an error
// wrapping [httpauth.ErrOtherScheme].
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Challenge{}, err
	}
	realm, _, err := scheme.Lookup(Scheme, c.Params, "realm")
	if err != nil {
		return Challenge{}, err
	}
	return Challenge{Realm: realm[0]}, nil
}

// Build returns c as a generic challenge. It refuses a realm with a
// control character.
func (c Challenge) Build() (httpauth.Challenge, error) {
	if !scheme.Text(c.Realm) {
		return httpauth.Challenge{}, scheme.Err(Scheme, "realm", errRealm)
	}
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

// uniqueNames are the names that may not come twice: realm and known.
var uniqueNames = append([]string{"realm"}, known[:]...)

// ParseCredentials reads an OAuth Authorization value from generic
// credentials and percent-decodes the oauth_* values. Credentials of
// another scheme are an error wrapping [httpauth.ErrOtherScheme]; a missing
// oauth_consumer_key, oauth_signature_method or oauth_signature, or
// oauth_timestamp or oauth_nonce unless the method is PLAINTEXT, wraps
// [httpauth.ErrMissingParam].
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Credentials{}, err
	}
	if err := scheme.Unique(Scheme, c.Params, uniqueNames...); err != nil {
		return Credentials{}, err
	}
	var out Credentials
	var vals [len(known)]string
	var seen [len(known)]bool
	for _, p := range c.Params {
		if httpauth.EqualFold(p.Name, "realm") {
			out.Realm = p.Value
			continue
		}
		if !oauthName(p.Name) {
			continue
		}
		k := 0
		for k < len(known) && !httpauth.EqualFold(known[k], p.Name) {
			k++
		}
		v, why := percentDecode(p.Value)
		if why != "" {
			name := ""
			if k < len(known) {
				name = known[k]
			}
			return Credentials{}, scheme.Err(Scheme, name, why)
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
		return Credentials{}, scheme.Err(Scheme, "oauth_version", errEmptyVersion)
	}
	return out, out.check()
}

// oauthName reports whether name starts with "oauth_", ASCII
// case-insensitively.
func oauthName(name string) bool {
	return len(name) >= 6 && httpauth.EqualFold(name[:6], "oauth_")
}

func parseTimestamp(s string) (int64, error) {
	n, ok := scheme.Digits(s)
	if !ok || n == 0 {
		return 0, scheme.Err(Scheme, "oauth_timestamp", errTimestamp)
	}
	return n, nil
}

func (c Credentials) check() error {
	for _, f := range [...]struct{ name, v string }{
		{"oauth_consumer_key", c.ConsumerKey}, {"oauth_signature_method", c.SignatureMethod}, {"oauth_signature", c.Signature},
	} {
		if f.v == "" {
			return scheme.Err(Scheme, f.name, httpauth.ErrMissingParam)
		}
	}
	if c.SignatureMethod != PLAINTEXT {
		if c.Timestamp == 0 {
			return scheme.Err(Scheme, "oauth_timestamp", httpauth.ErrMissingParam)
		}
		if c.Nonce == "" {
			return scheme.Err(Scheme, "oauth_nonce", httpauth.ErrMissingParam)
		}
	}
	if c.Timestamp < 0 {
		return scheme.Err(Scheme, "oauth_timestamp", errNegativeTS)
	}
	if c.Version != "" && c.Version != "1.0" {
		return scheme.Err(Scheme, "oauth_version", errVersion)
	}
	for _, p := range c.Extra {
		if !oauthName(p.Name) || !isUnreserved(p.Name) {
			return scheme.Err(Scheme, "", errExtraName)
		}
		if k := scheme.Known(p.Name, known[:]...); k != "" {
			return scheme.Err(Scheme, k, errExtraKnown)
		}
	}
	if err := scheme.Unique(Scheme, c.Extra); err != nil {
		return err
	}
	if !utf8.ValidString(c.Realm) || !scheme.Text(c.Realm) {
		return scheme.Err(Scheme, "realm", errRealm)
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
// oauth_callback, oauth_verifier, then Extra. It refuses what
// ParseCredentials refuses, and a realm with a control character.
//
// httpauth's encoder ([httpauth.Credentials.Encode]) writes every value of
// the result in double quotes, as RFC 5849 section 3.5.1 requires, so the
// encoding is the form servers expect.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := c.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: c.params()}, nil
}

func (c Credentials) view() redact.View {
	return redact.View{Type: "oauth1.Credentials", Fields: []redact.Field{
		{Name: "Realm", Value: c.Realm},
		{Name: "ConsumerKey", Value: c.ConsumerKey},
		{Name: "Token", Value: c.Token, Secret: true},
		{Name: "HasToken", Value: c.HasToken},
		{Name: "SignatureMethod", Value: c.SignatureMethod},
		{Name: "Signature", Value: c.Signature, Secret: true},
		{Name: "Timestamp", Value: c.Timestamp},
		{Name: "Nonce", Value: c.Nonce},
		{Name: "Version", Value: c.Version},
		{Name: "Callback", Value: c.Callback},
		{Name: "Verifier", Value: c.Verifier, Secret: true},
		{Name: "Extra", Value: c.Extra, Secret: true},
	}}
}

// String returns c with its secrets masked, as every printed form does.
func (c Credentials) String() string { return c.view().String() }

// Format prints c with its secrets masked, under every verb.
func (c Credentials) Format(f fmt.State, verb rune) { c.view().Format(f, verb) }

// MarshalJSON returns c as a JSON object with its secrets masked.
func (c Credentials) MarshalJSON() ([]byte, error) { return c.view().MarshalJSON() }

// MarshalXML writes c as an XML element with its secrets masked.
func (c Credentials) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return c.view().MarshalXML(e, start)
}

// LogValue returns c as a slog group with its secrets masked.
func (c Credentials) LogValue() slog.Value { return c.view().LogValue() }

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

// PercentDecode decodes a value encoded as RFC 5849 section 3.6 requires.
// It accepts lowercase hex digits, and refuses a byte outside the
// unreserved set that is not encoded, a "%" not followed by two hex
// digits, and a result that is not valid UTF-8. "+" is not a space. Its
// error names no parameter and does not quote s.
func PercentDecode(s string) (string, error) {
	v, why := percentDecode(s)
	if why != "" {
		return "", scheme.Err(Scheme, "", why)
	}
	return v, nil
}

// percentDecode is PercentDecode, with the reason of a failure.
func percentDecode(s string) (string, scheme.Reason) {
	if isUnreserved(s) {
		return s, ""
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case unreserved(c):
			b = append(b, c)
		case c == '%':
			if i+2 >= len(s) {
				return "", errTruncated
			}
			h, ok1 := unhex(s[i+1])
			l, ok2 := unhex(s[i+2])
			if !ok1 || !ok2 {
				return "", errEscape
			}
			b = append(b, h<<4|l)
			i += 2
		default:
			return "", errUnencoded
		}
	}
	if !utf8.Valid(b) {
		return "", errUTF8
	}
	return string(b), ""
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
