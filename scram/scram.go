package scram

import (
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
)

// The auth-scheme names of RFC 7804. This package reads both.
const (
	SHA1   = "SCRAM-SHA-1"
	SHA256 = "SCRAM-SHA-256"
	// Scheme is the scheme a value is built with when its Scheme field is
	// empty, and the one that errors about a value of another scheme
	// name.
	Scheme = SHA256
)

// Reasons of this package's errors; none holds input.
const (
	errNotBase64 scheme.Reason = "not non-empty base64"
	errNegative  scheme.Reason = "negative"
)

// Challenge is a SCRAM challenge. Empty strings are absent parameters. A
// challenge holds no secret: the server-first message in Data carries a
// nonce, the salt and the iteration count.
type Challenge struct {
	// Scheme is SCRAM-SHA-1 or SCRAM-SHA-256 as written; "" in a value to
	// build means SCRAM-SHA-256.
	Scheme string
	Realm  string
	// Data is the base64 server-first message, as sent.
	Data string
	// SID names the exchange.
	SID string
	// SR is the server nonce offered for reauthentication.
	SR string
	// TTL is how many seconds SR stays valid, meaningful when HasTTL.
	TTL    int64
	HasTTL bool
}

// Credentials is a SCRAM Authorization value. Data is secret: the
// client-final message carries the client proof.
type Credentials struct {
	// Scheme is SCRAM-SHA-1 or SCRAM-SHA-256 as written; "" in a value to
	// build means SCRAM-SHA-256.
	Scheme string
	Realm  string // optional
	Data   string // base64 client message (required)
	SID    string // optional in the first message
}

// Info is the Authentication-Info of the final SCRAM step. Data is secret:
// it carries the server signature.
type Info struct {
	SID  string // optional
	Data string // base64 server-final message (required)
}

// match returns the spelling of the scheme s names (SHA256 for ""), or an
// error wrapping httpauth.ErrOtherScheme.
func match(s string) (string, error) {
	if s == "" {
		return SHA256, nil
	}
	return scheme.Match(s, SHA256, SHA1)
}

// matchParams is match for a generic value, which must carry parameters.
func matchParams(s, token68 string) (string, error) {
	if s == "" {
		return "", scheme.Err(Scheme, "", httpauth.ErrOtherScheme)
	}
	name, err := match(s)
	if err == nil && token68 != "" {
		err = scheme.Err(name, "", scheme.NoToken68)
	}
	return name, err
}

// decode decodes standard base64 (RFC 4648 section 4), padded or not, in
// its one canonical form.
func decode(name, s string) ([]byte, error) {
	b, ok := scheme.DecodeBase64OptPad(base64.StdEncoding, s)
	if !ok || len(b) == 0 {
		return nil, scheme.Err(name, "data", errNotBase64)
	}
	return b, nil
}

// checkData checks data of the scheme name: absent, which required
// refuses, or non-empty base64.
func checkData(name, data string, required bool) error {
	if data == "" {
		if required {
			return scheme.Err(name, "data", httpauth.ErrMissingParam)
		}
		return nil
	}
	_, err := decode(name, data)
	return err
}

// ParseChallenge reads a SCRAM challenge from a generic one: realm, data,
// sid, sr and ttl, none of them required. A challenge of another scheme is
// an error wrapping [httpauth.ErrOtherScheme].
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	name, err := matchParams(c.Scheme, c.Token68)
	if err != nil {
		return Challenge{}, err
	}
	v, seen, err := scheme.Lookup(name, c.Params, "realm", "data", "sid", "sr", "ttl")
	if err != nil {
		return Challenge{}, err
	}
	if seen[1] && v[1] == "" {
		return Challenge{}, scheme.Err(name, "data", scheme.Empty)
	}
	out := Challenge{Scheme: c.Scheme, Realm: v[0], Data: v[1], SID: v[2], SR: v[3], HasTTL: seen[4]}
	if seen[4] {
		var ok bool
		if out.TTL, ok = scheme.Digits(v[4]); !ok {
			return Challenge{}, scheme.Err(name, "ttl", scheme.NotDigits)
		}
	}
	return out, out.check()
}

func (c Challenge) check() error {
	name, err := match(c.Scheme)
	if err != nil {
		return err
	}
	if c.HasTTL && c.TTL < 0 {
		return scheme.Err(name, "ttl", errNegative)
	}
	return checkData(name, c.Data, false)
}

// DecodeData returns the decoded SCRAM message, or nil when there is none.
func (c Challenge) DecodeData() ([]byte, error) {
	if c.Data == "" {
		return nil, nil
	}
	name, err := match(c.Scheme)
	if err != nil {
		return nil, err
	}
	return decode(name, c.Data)
}

// Build returns c as a generic challenge, with the parameters that are set
// in the order realm, sid, data, sr, ttl. It refuses an unknown scheme,
// data that is not base64 and a negative TTL.
func (c Challenge) Build() (httpauth.Challenge, error) {
	if err := c.check(); err != nil {
		return httpauth.Challenge{}, err
	}
	var ps httpauth.Params
	ps = scheme.Add(ps, "realm", c.Realm)
	ps = scheme.Add(ps, "sid", c.SID)
	ps = scheme.Add(ps, "data", c.Data)
	ps = scheme.Add(ps, "sr", c.SR)
	if c.HasTTL {
		ps = append(ps, httpauth.Param{Name: "ttl", Value: strconv.FormatInt(c.TTL, 10)})
	}
	return httpauth.Challenge{Scheme: orDefault(c.Scheme), Params: ps}, nil
}

func orDefault(s string) string {
	if s == "" {
		return Scheme
	}
	return s
}

// ParseCredentials reads a SCRAM Authorization value from a generic one:
// realm, data and sid. data is required ([httpauth.ErrMissingParam]);
// credentials of another scheme are an error wrapping
// [httpauth.ErrOtherScheme].
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	name, err := matchParams(c.Scheme, c.Token68)
	if err != nil {
		return Credentials{}, err
	}
	v, _, err := scheme.Lookup(name, c.Params, "realm", "data", "sid")
	if err != nil {
		return Credentials{}, err
	}
	out := Credentials{Scheme: c.Scheme, Realm: v[0], Data: v[1], SID: v[2]}
	return out, out.check()
}

func (c Credentials) check() error {
	name, err := match(c.Scheme)
	if err != nil {
		return err
	}
	return checkData(name, c.Data, true)
}

// DecodeData returns the decoded SCRAM message.
func (c Credentials) DecodeData() ([]byte, error) {
	name, err := match(c.Scheme)
	if err != nil {
		return nil, err
	}
	return decode(name, c.Data)
}

// Build returns c as generic credentials, with the parameters that are set
// in the order realm, sid, data. It refuses an unknown scheme and data
// that is absent or not base64.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := c.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	var ps httpauth.Params
	ps = scheme.Add(ps, "realm", c.Realm)
	ps = scheme.Add(ps, "sid", c.SID)
	ps = scheme.Add(ps, "data", c.Data)
	return httpauth.Credentials{Scheme: orDefault(c.Scheme), Params: ps}, nil
}

func (c Credentials) view() redact.View {
	return redact.View{Type: "scram.Credentials", Fields: []redact.Field{
		{Name: "Scheme", Value: c.Scheme},
		{Name: "Realm", Value: c.Realm},
		{Name: "Data", Value: c.Data, Secret: true},
		{Name: "SID", Value: c.SID},
	}}
}

// String returns c with Data masked, as every printed form does.
func (c Credentials) String() string { return c.view().String() }

// Format prints c with Data masked, under every verb.
func (c Credentials) Format(f fmt.State, verb rune) { c.view().Format(f, verb) }

// MarshalJSON returns c as a JSON object with Data masked.
func (c Credentials) MarshalJSON() ([]byte, error) { return c.view().MarshalJSON() }

// MarshalXML writes c as an XML element with Data masked.
func (c Credentials) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return c.view().MarshalXML(e, start)
}

// LogValue returns c as a slog group with Data masked.
func (c Credentials) LogValue() slog.Value { return c.view().LogValue() }

// ParseInfo reads the Authentication-Info of the final SCRAM step (parse
// the field with httpauth.ParseParams): sid and data, which is required
// ([httpauth.ErrMissingParam]). Errors name SCRAM-SHA-256, since the list
// does not say which scheme it answers.
func ParseInfo(ps httpauth.Params) (Info, error) {
	v, _, err := scheme.Lookup(Scheme, ps, "sid", "data")
	if err != nil {
		return Info{}, err
	}
	out := Info{SID: v[0], Data: v[1]}
	return out, checkData(Scheme, out.Data, true)
}

// DecodeData returns the decoded server-final message.
func (i Info) DecodeData() ([]byte, error) { return decode(Scheme, i.Data) }

// Build returns i as an Authentication-Info parameter list: sid (when
// set), then data, which must be base64.
func (i Info) Build() (httpauth.Params, error) {
	if err := checkData(Scheme, i.Data, true); err != nil {
		return nil, err
	}
	return scheme.Add(scheme.Add(nil, "sid", i.SID), "data", i.Data), nil
}

func (i Info) view() redact.View {
	return redact.View{Type: "scram.Info", Fields: []redact.Field{
		{Name: "SID", Value: i.SID},
		{Name: "Data", Value: i.Data, Secret: true},
	}}
}

// String returns i with Data masked, as every printed form does.
func (i Info) String() string { return i.view().String() }

// Format prints i with Data masked, under every verb.
func (i Info) Format(f fmt.State, verb rune) { i.view().Format(f, verb) }

// MarshalJSON returns i as a JSON object with Data masked.
func (i Info) MarshalJSON() ([]byte, error) { return i.view().MarshalJSON() }

// MarshalXML writes i as an XML element with Data masked.
func (i Info) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return i.view().MarshalXML(e, start)
}

// LogValue returns i as a slog group with Data masked.
func (i Info) LogValue() slog.Value { return i.view().LogValue() }
