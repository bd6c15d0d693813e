package scram

import (
	"encoding/base64"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/authwire/httpauth"
)

// Scheme names.
const (
	SHA1   = "SCRAM-SHA-1"
	SHA256 = "SCRAM-SHA-256"
)

// Error reports a challenge, credentials or Authentication-Info value that
// is not a valid SCRAM value. It names the parameter at fault and never
// quotes its value.
type Error struct {
	Param  string // parameter name, or "" for the scheme
	Reason string
}

func (e *Error) Error() string {
	if e.Param == "" {
		return "scram: " + e.Reason
	}
	return "scram: " + e.Param + ": " + e.Reason
}

// Challenge is a SCRAM challenge. Empty strings are absent parameters.
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

// Credentials is a SCRAM Authorization value.
type Credentials struct {
	// Scheme is SCRAM-SHA-1 or SCRAM-SHA-256 as written; "" in a value to
	// build means SCRAM-SHA-256.
	Scheme string
	Realm  string // optional
	Data   string // base64 client message (required)
	SID    string // optional in the first message
}

// Info is the Authentication-Info of the final SCRAM step.
type Info struct {
	SID  string // optional
	Data string // base64 server-final message (required)
}

func checkScheme(s string) error {
	if httpauth.EqualFold(s, SHA1) || httpauth.EqualFold(s, SHA256) {
		return nil
	}
	return &Error{Reason: "scheme is neither SCRAM-SHA-1 nor SCRAM-SHA-256"}
}

func schemeOr(s string) string {
	if s == "" {
		return SHA256
	}
	return s
}

// lookup collects the values of names from ps, refusing duplicates.
func lookup(ps httpauth.Params, names []string) ([]string, []bool, error) {
	vals := make([]string, len(names))
	seen := make([]bool, len(names))
	for _, p := range ps {
		for i, n := range names {
			if httpauth.EqualFold(p.Name, n) {
				if seen[i] {
					return nil, nil, &Error{Param: n, Reason: "duplicate parameter"}
				}
				vals[i], seen[i] = p.Value, true
			}
		}
	}
	return vals, seen, nil
}

// decode decodes standard base64 (RFC 4648 section 4), padded or not.
func decode(s string) ([]byte, error) {
	enc := base64.RawStdEncoding
	if strings.HasSuffix(s, "=") {
		enc = base64.StdEncoding
	}
	b, err := enc.DecodeString(s)
	if err != nil || len(b) == 0 {
		return nil, &Error{Param: "data", Reason: "not non-empty base64"}
	}
	return b, nil
}

func checkData(s string, required bool) error {
	if s == "" {
		if required {
			return &Error{Param: "data", Reason: "missing"}
		}
		return nil
	}
	_, err := decode(s)
	return err
}

// ParseChallenge reads a SCRAM challenge.
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := checkScheme(c.Scheme); err != nil {
		return Challenge{}, err
	}
	if c.Token68 != "" {
		return Challenge{}, &Error{Reason: "token68 instead of auth-params"}
	}
	v, seen, err := lookup(c.Params, []string{"realm", "data", "sid", "sr", "ttl"})
	if err != nil {
		return Challenge{}, err
	}
	if seen[1] && v[1] == "" {
		return Challenge{}, &Error{Param: "data", Reason: "empty"}
	}
	out := Challenge{Scheme: c.Scheme, Realm: v[0], Data: v[1], SID: v[2], SR: v[3]}
	if seen[4] {
		out.TTL, err = parseTTL(v[4])
		if err != nil {
			return Challenge{}, err
		}
		out.HasTTL = true
	}
	return out, out.check()
}

func parseTTL(s string) (int64, error) {
	if s == "" || len(s) > 18 {
		return 0, &Error{Param: "ttl", Reason: "not a non-negative integer of at most 18 digits"}
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, &Error{Param: "ttl", Reason: "not a non-negative integer of at most 18 digits"}
		}
	}
	return strconv.ParseInt(s, 10, 64)
}

func (c Challenge) check() error {
	if err := checkScheme(schemeOr(c.Scheme)); err != nil {
		return err
	}
	if c.HasTTL && c.TTL < 0 {
		return &Error{Param: "ttl", Reason: "negative"}
	}
	return checkData(c.Data, false)
}

// DecodeData returns the decoded SCRAM message, or nil when there is none.
func (c Challenge) DecodeData() ([]byte, error) {
	if c.Data == "" {
		return nil, nil
	}
	return decode(c.Data)
}

// Build returns c as a generic challenge, with the parameters that are set
// in the order realm, sid, data, sr, ttl.
func (c Challenge) Build() (httpauth.Challenge, error) {
	if err := c.check(); err != nil {
		return httpauth.Challenge{}, err
	}
	var ps httpauth.Params
	ps = add(ps, "realm", c.Realm)
	ps = add(ps, "sid", c.SID)
	ps = add(ps, "data", c.Data)
	ps = add(ps, "sr", c.SR)
	if c.HasTTL {
		ps = append(ps, httpauth.Param{Name: "ttl", Value: strconv.FormatInt(c.TTL, 10)})
	}
	return httpauth.Challenge{Scheme: schemeOr(c.Scheme), Params: ps}, nil
}

func add(ps httpauth.Params, name, v string) httpauth.Params {
	if v == "" {
		return ps
	}
	return append(ps, httpauth.Param{Name: name, Value: v})
}

// ParseCredentials reads a SCRAM Authorization value; data is required.
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := checkScheme(c.Scheme); err != nil {
		return Credentials{}, err
	}
	if c.Token68 != "" {
		return Credentials{}, &Error{Reason: "token68 instead of auth-params"}
	}
	v, _, err := lookup(c.Params, []string{"realm", "data", "sid"})
	if err != nil {
		return Credentials{}, err
	}
	out := Credentials{Scheme: c.Scheme, Realm: v[0], Data: v[1], SID: v[2]}
	return out, out.check()
}

func (c Credentials) check() error {
	if err := checkScheme(schemeOr(c.Scheme)); err != nil {
		return err
	}
	return checkData(c.Data, true)
}

// DecodeData returns the decoded SCRAM message.
func (c Credentials) DecodeData() ([]byte, error) { return decode(c.Data) }

// Build returns c as generic credentials, with the parameters that are set
// in the order realm, sid, data.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := c.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	var ps httpauth.Params
	ps = add(ps, "realm", c.Realm)
	ps = add(ps, "sid", c.SID)
	ps = add(ps, "data", c.Data)
	return httpauth.Credentials{Scheme: schemeOr(c.Scheme), Params: ps}, nil
}

// Format prints the scheme and the names of the parameters that are set,
// never the data, for every verb.
func (c Credentials) Format(f fmt.State, verb rune) {
	s := schemeOr(c.Scheme)
	if c.Realm != "" {
		s += " realm=[redacted]"
	}
	if c.SID != "" {
		s += " sid=[redacted]"
	}
	io.WriteString(f, s+" data=[redacted]")
}

// ParseInfo reads the Authentication-Info of the final SCRAM step (parse
// the field with httpauth.ParseParams); data is required.
func ParseInfo(ps httpauth.Params) (Info, error) {
	v, _, err := lookup(ps, []string{"sid", "data"})
	if err != nil {
		return Info{}, err
	}
	out := Info{SID: v[0], Data: v[1]}
	return out, checkData(out.Data, true)
}

// DecodeData returns the decoded server-final message.
func (i Info) DecodeData() ([]byte, error) { return decode(i.Data) }

// Build returns i as an Authentication-Info parameter list: sid (when
// set), then data.
func (i Info) Build() (httpauth.Params, error) {
	if err := checkData(i.Data, true); err != nil {
		return nil, err
	}
	return add(add(nil, "sid", i.SID), "data", i.Data), nil
}
