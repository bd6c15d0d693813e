package hawk

import (
	"encoding/base64"
	"fmt"
	"io"
	"strconv"

	"github.com/authwire/httpauth"
)

// Scheme is the auth-scheme name.
const Scheme = "Hawk"

// Error reports a value that is not a valid Hawk header. It names the
// parameter at fault and never quotes its value.
type Error struct {
	Param  string // parameter name, or "" for the scheme
	Reason string
}

func (e *Error) Error() string {
	if e.Param == "" {
		return "hawk: " + e.Reason
	}
	return "hawk: " + e.Param + ": " + e.Reason
}

// Authorization is a Hawk Authorization value. Empty strings are absent
// optional parameters.
type Authorization struct {
	ID    string // key identifier (required)
	TS    int64  // timestamp, seconds since the epoch (required)
	Nonce string // (required)
	Hash  string // base64 payload hash
	Ext   string // application data
	MAC   string // base64 request MAC (required)
	App   string // application id (Oz)
	Dlg   string // delegated-by application id (Oz)
}

// ServerAuthorization is a Hawk Server-Authorization value.
type ServerAuthorization struct {
	MAC  string // base64 response MAC (required)
	Hash string // base64 payload hash
	Ext  string // application data
}

func checkScheme(c httpauth.Credentials) error {
	if !httpauth.EqualFold(c.Scheme, Scheme) {
		return &Error{Reason: "scheme is not Hawk"}
	}
	if c.Token68 != "" {
		return &Error{Reason: "token68 instead of auth-params"}
	}
	return nil
}

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

// validValue reports whether v only holds the characters the reference
// implementation accepts: printable ASCII and SP, but `"` and `\`.
func validValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 || c > 0x7E || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

func checkValues(ps httpauth.Params) error {
	for _, p := range ps {
		if !validValue(p.Value) {
			return &Error{Param: p.Name, Reason: `holds a character outside printable ASCII, or " or \`}
		}
	}
	return nil
}

func checkB64(name, v string, required bool) error {
	if v == "" {
		if required {
			return &Error{Param: name, Reason: "missing"}
		}
		return nil
	}
	if _, err := base64.StdEncoding.DecodeString(v); err != nil {
		return &Error{Param: name, Reason: "not padded standard base64"}
	}
	return nil
}

// ParseAuthorization reads a Hawk Authorization value (parse the field with
// httpauth.ParseCredentials).
func ParseAuthorization(c httpauth.Credentials) (Authorization, error) {
	if err := checkScheme(c); err != nil {
		return Authorization{}, err
	}
	v, seen, err := lookup(c.Params, []string{"id", "ts", "nonce", "hash", "ext", "mac", "app", "dlg"})
	if err != nil {
		return Authorization{}, err
	}
	if !seen[1] {
		return Authorization{}, &Error{Param: "ts", Reason: "missing"}
	}
	ts, err := parseTS(v[1])
	if err != nil {
		return Authorization{}, err
	}
	a := Authorization{ID: v[0], TS: ts, Nonce: v[2], Hash: v[3], Ext: v[4], MAC: v[5], App: v[6], Dlg: v[7]}
	return a, a.check()
}

func parseTS(s string) (int64, error) {
	bad := &Error{Param: "ts", Reason: "not a non-negative integer of at most 18 digits"}
	if s == "" || len(s) > 18 {
		return 0, bad
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, bad
		}
	}
	n, _ := strconv.ParseInt(s, 10, 64)
	return n, nil
}

func (a Authorization) check() error {
	if a.ID == "" {
		return &Error{Param: "id", Reason: "missing"}
	}
	if a.TS < 0 {
		return &Error{Param: "ts", Reason: "negative"}
	}
	if a.Nonce == "" {
		return &Error{Param: "nonce", Reason: "missing"}
	}
	if err := checkB64("mac", a.MAC, true); err != nil {
		return err
	}
	if err := checkB64("hash", a.Hash, false); err != nil {
		return err
	}
	return checkValues(a.params())
}

// params lists the set parameters in the reference implementation's
// order: id, ts, nonce, hash, ext, mac, app, dlg.
func (a Authorization) params() httpauth.Params {
	ps := httpauth.Params{
		{Name: "id", Value: a.ID},
		{Name: "ts", Value: strconv.FormatInt(a.TS, 10)},
		{Name: "nonce", Value: a.Nonce},
	}
	ps = add(ps, "hash", a.Hash)
	ps = add(ps, "ext", a.Ext)
	ps = append(ps, httpauth.Param{Name: "mac", Value: a.MAC})
	ps = add(ps, "app", a.App)
	return add(ps, "dlg", a.Dlg)
}

func add(ps httpauth.Params, name, v string) httpauth.Params {
	if v == "" {
		return ps
	}
	return append(ps, httpauth.Param{Name: name, Value: v})
}

// Build returns a as generic credentials, parameters in the order of
// Encode.
func (a Authorization) Build() (httpauth.Credentials, error) {
	if err := a.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: a.params()}, nil
}

// Encode returns the Authorization value with every value quoted, as Hawk
// implementations expect: id, ts, nonce, then hash, ext, mac, app and dlg
// when set.
func (a Authorization) Encode() (string, error) {
	if err := a.check(); err != nil {
		return "", err
	}
	return encode(a.params()), nil
}

// encode writes Scheme and ps with every value quoted. The values were
// checked by validValue, so nothing needs escaping.
func encode(ps httpauth.Params) string {
	b := make([]byte, 0, 160)
	b = append(b, Scheme...)
	for i, p := range ps {
		if i == 0 {
			b = append(b, ' ')
		} else {
			b = append(b, ", "...)
		}
		b = append(b, p.Name...)
		b = append(b, '=', '"')
		b = append(b, p.Value...)
		b = append(b, '"')
	}
	return string(b)
}

// Format prints the parameter names, never their values, for every verb.
func (a Authorization) Format(f fmt.State, verb rune) {
	io.WriteString(f, redacted(a.params()))
}

func redacted(ps httpauth.Params) string {
	s := Scheme
	for i, p := range ps {
		if i == 0 {
			s += " "
		} else {
			s += ", "
		}
		s += p.Name + "=[redacted]"
	}
	return s
}

// ParseServerAuthorization reads a Hawk Server-Authorization value (parse
// the field with httpauth.ParseCredentials).
func ParseServerAuthorization(c httpauth.Credentials) (ServerAuthorization, error) {
	if err := checkScheme(c); err != nil {
		return ServerAuthorization{}, err
	}
	v, _, err := lookup(c.Params, []string{"mac", "hash", "ext"})
	if err != nil {
		return ServerAuthorization{}, err
	}
	s := ServerAuthorization{MAC: v[0], Hash: v[1], Ext: v[2]}
	return s, s.check()
}

func (s ServerAuthorization) check() error {
	if err := checkB64("mac", s.MAC, true); err != nil {
		return err
	}
	if err := checkB64("hash", s.Hash, false); err != nil {
		return err
	}
	return checkValues(s.params())
}

func (s ServerAuthorization) params() httpauth.Params {
	ps := httpauth.Params{{Name: "mac", Value: s.MAC}}
	ps = add(ps, "hash", s.Hash)
	return add(ps, "ext", s.Ext)
}

// Build returns s as generic credentials: mac, then hash and ext when set.
func (s ServerAuthorization) Build() (httpauth.Credentials, error) {
	if err := s.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: s.params()}, nil
}

// Encode returns the Server-Authorization value with every value quoted.
func (s ServerAuthorization) Encode() (string, error) {
	if err := s.check(); err != nil {
		return "", err
	}
	return encode(s.params()), nil
}

// Format prints the parameter names, never their values, for every verb.
func (s ServerAuthorization) Format(f fmt.State, verb rune) {
	io.WriteString(f, redacted(s.params()))
}
