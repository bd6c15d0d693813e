package digest

import (
	"encoding/xml"
	"fmt"
	"log/slog"

	"github.com/authwire/httpauth/internal/redact"
)

// The types below print through internal/redact: the values the package
// documentation lists as secret show as "[redacted]" (or empty when
// unset) under every fmt verb, encoding/json, encoding/xml and log/slog.

func (c Credentials) view() redact.View {
	return redact.View{Type: "digest.Credentials", Fields: []redact.Field{
		{Name: "Username", Value: c.Username},
		{Name: "Realm", Value: c.Realm},
		{Name: "URI", Value: c.URI},
		{Name: "Algorithm", Value: c.Algorithm},
		{Name: "Nonce", Value: c.Nonce},
		{Name: "NC", Value: c.NC},
		{Name: "CNonce", Value: c.CNonce, Secret: true},
		{Name: "QOP", Value: c.QOP},
		{Name: "Response", Value: c.Response, Secret: true},
		{Name: "Opaque", Value: c.Opaque},
		{Name: "Userhash", Value: c.Userhash},
		{Name: "Extra", Value: c.Extra, Secret: true},
	}}
}

// String describes c with its secrets redacted.
func (c Credentials) String() string { return c.view().String() }

// Format implements fmt.Formatter: every verb prints c with its secrets
// redacted.
func (c Credentials) Format(f fmt.State, verb rune) { c.view().Format(f, verb) }

// MarshalJSON encodes c with its secrets redacted.
func (c Credentials) MarshalJSON() ([]byte, error) { return c.view().MarshalJSON() }

// MarshalXML encodes c with its secrets redacted.
func (c Credentials) MarshalXML(e *xml.Encoder, s xml.StartElement) error {
	return c.view().MarshalXML(e, s)
}

// LogValue implements slog.LogValuer: c with its secrets redacted.
func (c Credentials) LogValue() slog.Value { return c.view().LogValue() }

func (in Input) view() redact.View {
	return redact.View{Type: "digest.Input", Fields: []redact.Field{
		{Name: "Username", Value: in.Username},
		{Name: "Password", Value: in.Password, Secret: true},
		{Name: "Method", Value: in.Method},
		{Name: "URI", Value: in.URI},
		{Name: "Body", Value: in.Body, Secret: true},
		{Name: "CNonce", Value: in.CNonce, Secret: true},
		{Name: "NC", Value: in.NC},
		{Name: "QOP", Value: in.QOP},
	}}
}

// String describes in with its secrets redacted.
func (in Input) String() string { return in.view().String() }

// Format implements fmt.Formatter: every verb prints in with its secrets
// redacted.
func (in Input) Format(f fmt.State, verb rune) { in.view().Format(f, verb) }

// MarshalJSON encodes in with its secrets redacted.
func (in Input) MarshalJSON() ([]byte, error) { return in.view().MarshalJSON() }

// MarshalXML encodes in with its secrets redacted.
func (in Input) MarshalXML(e *xml.Encoder, s xml.StartElement) error {
	return in.view().MarshalXML(e, s)
}

// LogValue implements slog.LogValuer: in with its secrets redacted.
func (in Input) LogValue() slog.Value { return in.view().LogValue() }

func (a Info) view() redact.View {
	return redact.View{Type: "digest.Info", Fields: []redact.Field{
		{Name: "NextNonce", Value: a.NextNonce},
		{Name: "QOP", Value: a.QOP},
		{Name: "Rspauth", Value: a.Rspauth, Secret: true},
		{Name: "CNonce", Value: a.CNonce, Secret: true},
		{Name: "NC", Value: a.NC},
	}}
}

// String describes a with its secrets redacted.
func (a Info) String() string { return a.view().String() }

// Format implements fmt.Formatter: every verb prints a with its secrets
// redacted.
func (a Info) Format(f fmt.State, verb rune) { a.view().Format(f, verb) }

// MarshalJSON encodes a with its secrets redacted.
func (a Info) MarshalJSON() ([]byte, error) { return a.view().MarshalJSON() }

// MarshalXML encodes a with its secrets redacted.
func (a Info) MarshalXML(e *xml.Encoder, s xml.StartElement) error {
	return a.view().MarshalXML(e, s)
}

// LogValue implements slog.LogValuer: a with its secrets redacted.
func (a Info) LogValue() slog.Value { return a.view().LogValue() }

func (r Result) view() redact.View {
	return redact.View{Type: "digest.Result", Fields: []redact.Field{
		{Name: "Username", Value: r.Username},
		{Name: "Credentials", Value: r.Credentials},
		{Name: "HA1", Value: r.ha1, Secret: true},
	}}
}

// String describes r with its secrets redacted.
func (r Result) String() string { return r.view().String() }

// Format implements fmt.Formatter: every verb prints r with its secrets
// redacted.
func (r Result) Format(f fmt.State, verb rune) { r.view().Format(f, verb) }

// MarshalJSON encodes r with its secrets redacted.
func (r Result) MarshalJSON() ([]byte, error) { return r.view().MarshalJSON() }

// MarshalXML encodes r with its secrets redacted.
func (r Result) MarshalXML(e *xml.Encoder, s xml.StartElement) error {
	return r.view().MarshalXML(e, s)
}

// LogValue implements slog.LogValuer: r with its secrets redacted.
func (r Result) LogValue() slog.Value { return r.view().LogValue() }

func (s *Server) view() redact.View {
	return redact.View{Type: "digest.Server", Fields: []redact.Field{
		{Name: "Realm", Value: s.Realm},
		{Name: "Algorithms", Value: s.algorithms()},
		{Name: "QOP", Value: s.qops()},
		{Name: "Userhash", Value: s.Userhash != nil},
		{Name: "NonceLifetime", Value: s.lifetime()},
		{Name: "MaxBody", Value: s.MaxBody},
		{Name: "MaxNonces", Value: s.MaxNonces},
	}}
}

// String describes s by its settings; the nonce key never prints.
func (s *Server) String() string { return s.view().String() }

// Format implements fmt.Formatter: every verb prints s by its settings.
func (s *Server) Format(f fmt.State, verb rune) { s.view().Format(f, verb) }

// MarshalJSON encodes s by its settings.
func (s *Server) MarshalJSON() ([]byte, error) { return s.view().MarshalJSON() }

// MarshalXML encodes s by its settings.
func (s *Server) MarshalXML(e *xml.Encoder, st xml.StartElement) error {
	return s.view().MarshalXML(e, st)
}

// LogValue implements slog.LogValuer: s by its settings.
func (s *Server) LogValue() slog.Value { return s.view().LogValue() }
