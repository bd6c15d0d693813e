package hawk

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

// Scheme is the auth-scheme name.
const Scheme = "Hawk"

// Reasons of this package's errors; none holds input.
const (
	errValue     scheme.Reason = `holds a character outside printable ASCII, or " or \`
	errBase64    scheme.Reason = "not padded standard base64"
	errTS        scheme.Reason = "not a non-negative decimal integer"
	errNegative  scheme.Reason = "negative"
	errDlgNoApp  scheme.Reason = "dlg without app: the MAC covers dlg only together with app"
	errRequest   scheme.Reason = "empty, or holds a space, control character or non-ASCII byte"
	errPort      scheme.Reason = "not 1 to 65535"
	errHash      scheme.Reason = "hash constructor is nil, returns nil or one value twice, or makes empty sums"
	errMACDiffer scheme.Reason = "does not match"
)

// Credentials is a Hawk Authorization value. Empty strings are absent
// optional parameters. MAC and Ext are secret (see the package
// documentation).
type Credentials struct {
	ID    string // key identifier (required)
	TS    int64  // timestamp, seconds since the epoch (required)
	Nonce string // (required)
	Hash  string // base64 payload hash
	Ext   string // application data
	MAC   string // base64 request MAC (required)
	App   string // application id (Oz)
	Dlg   string // delegated-by application id (Oz); only with App
}

// ServerAuthorization is a Hawk Server-Authorization value. MAC and Ext
// are secret.
type ServerAuthorization struct {
	MAC  string // base64 response MAC (required)
	Hash string // base64 payload hash
	Ext  string // application data
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
			return scheme.Err(Scheme, p.Name, errValue)
		}
	}
	return nil
}

func checkB64(name, v string, required bool) error {
	if v == "" {
		if required {
			return scheme.Err(Scheme, name, httpauth.ErrMissingParam)
		}
		return nil
	}
	if _, ok := scheme.DecodeBase64(base64.StdEncoding, v); !ok {
		return scheme.Err(Scheme, name, errBase64)
	}
	return nil
}

// ParseCredentials reads a Hawk Authorization value from generic
// credentials (parse the field with httpauth.ParseCredentials). id, ts,
// nonce and mac are required (a missing one wraps
// [httpauth.ErrMissingParam]); dlg is refused without app, since the MAC
// covers it only together with app. Credentials of another scheme are an
// error wrapping [httpauth.ErrOtherScheme].
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Credentials{}, err
	}
	v, seen, err := scheme.Lookup(Scheme, c.Params, "id", "ts", "nonce", "hash", "ext", "mac", "app", "dlg")
	if err != nil {
		return Credentials{}, err
	}
	if !seen[1] {
		return Credentials{}, scheme.Err(Scheme, "ts", httpauth.ErrMissingParam)
	}
	ts, ok := scheme.Digits(v[1])
	if !ok {
		return Credentials{}, scheme.Err(Scheme, "ts", errTS)
	}
	a := Credentials{ID: v[0], TS: ts, Nonce: v[2], Hash: v[3], Ext: v[4], MAC: v[5], App: v[6], Dlg: v[7]}
	return a, a.check()
}

func (a Credentials) check() error {
	if a.ID == "" {
		return scheme.Err(Scheme, "id", httpauth.ErrMissingParam)
	}
	if a.TS < 0 {
		return scheme.Err(Scheme, "ts", errNegative)
	}
	if a.Nonce == "" {
		return scheme.Err(Scheme, "nonce", httpauth.ErrMissingParam)
	}
	if a.Dlg != "" && a.App == "" {
		return scheme.Err(Scheme, "dlg", errDlgNoApp)
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
func (a Credentials) params() httpauth.Params {
	ps := httpauth.Params{
		{Name: "id", Value: a.ID},
		{Name: "ts", Value: strconv.FormatInt(a.TS, 10)},
		{Name: "nonce", Value: a.Nonce},
	}
	ps = scheme.Add(ps, "hash", a.Hash)
	ps = scheme.Add(ps, "ext", a.Ext)
	ps = append(ps, httpauth.Param{Name: "mac", Value: a.MAC})
	ps = scheme.Add(ps, "app", a.App)
	return scheme.Add(ps, "dlg", a.Dlg)
}

// Build returns a as generic credentials: id, ts, nonce, then hash, ext,
// mac, app and dlg when set, the reference implementation's order. It
// refuses what ParseCredentials refuses. httpauth's encoder writes every
// Hawk value in double quotes, as Hawk implementations expect.
func (a Credentials) Build() (httpauth.Credentials, error) {
	if err := a.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: a.params()}, nil
}

func (a Credentials) view() redact.View {
	return redact.View{Type: "hawk.Credentials", Fields: []redact.Field{
		{Name: "ID", Value: a.ID},
		{Name: "TS", Value: a.TS},
		{Name: "Nonce", Value: a.Nonce},
		{Name: "Hash", Value: a.Hash},
		{Name: "Ext", Value: a.Ext, Secret: true},
		{Name: "MAC", Value: a.MAC, Secret: true},
		{Name: "App", Value: a.App},
		{Name: "Dlg", Value: a.Dlg},
	}}
}

// String returns a with its secrets masked, as every printed form does.
func (a Credentials) String() string { return a.view().String() }

// Format prints a with its secrets masked, under every verb.
func (a Credentials) Format(f fmt.State, verb rune) { a.view().Format(f, verb) }

// MarshalJSON returns a as a JSON object with its secrets masked.
func (a Credentials) MarshalJSON() ([]byte, error) { return a.view().MarshalJSON() }

// MarshalXML writes a as an XML element with its secrets masked.
func (a Credentials) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return a.view().MarshalXML(e, start)
}

// LogValue returns a as a slog group with its secrets masked.
func (a Credentials) LogValue() slog.Value { return a.view().LogValue() }

// ParseServerAuthorization reads a Hawk Server-Authorization value (parse
// the field with httpauth.ParseCredentials): mac is required (a missing
// one wraps [httpauth.ErrMissingParam]), hash and ext are read. A value of
// another scheme is an error wrapping [httpauth.ErrOtherScheme].
func ParseServerAuthorization(c httpauth.Credentials) (ServerAuthorization, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return ServerAuthorization{}, err
	}
	v, _, err := scheme.Lookup(Scheme, c.Params, "mac", "hash", "ext")
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
	ps = scheme.Add(ps, "hash", s.Hash)
	return scheme.Add(ps, "ext", s.Ext)
}

// Build returns s as generic credentials: mac, then hash and ext when set.
// It refuses what ParseServerAuthorization refuses.
func (s ServerAuthorization) Build() (httpauth.Credentials, error) {
	if err := s.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	return httpauth.Credentials{Scheme: Scheme, Params: s.params()}, nil
}

func (s ServerAuthorization) view() redact.View {
	return redact.View{Type: "hawk.ServerAuthorization", Fields: []redact.Field{
		{Name: "MAC", Value: s.MAC, Secret: true},
		{Name: "Hash", Value: s.Hash},
		{Name: "Ext", Value: s.Ext, Secret: true},
	}}
}

// String returns s with its secrets masked, as every printed form does.
func (s ServerAuthorization) String() string { return s.view().String() }

// Format prints s with its secrets masked, under every verb.
func (s ServerAuthorization) Format(f fmt.State, verb rune) { s.view().Format(f, verb) }

// MarshalJSON returns s as a JSON object with its secrets masked.
func (s ServerAuthorization) MarshalJSON() ([]byte, error) { return s.view().MarshalJSON() }

// MarshalXML writes s as an XML element with its secrets masked.
func (s ServerAuthorization) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return s.view().MarshalXML(e, start)
}

// LogValue returns s as a slog group with its secrets masked.
func (s ServerAuthorization) LogValue() slog.Value { return s.view().LogValue() }
