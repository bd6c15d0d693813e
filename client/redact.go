package client

import (
	"encoding/xml"
	"fmt"
	"log/slog"

	"github.com/authwire/httpauth/internal/redact"
)

// The types below print through internal/redact: passwords, tokens,
// token sources, request bodies and cnonces show as "[redacted]" (or
// empty when unset) under every fmt verb, encoding/json, encoding/xml and
// log/slog.

func (cr Credentials) view() redact.View {
	return redact.View{Type: "client.Credentials", Fields: []redact.Field{
		{Name: "Origins", Value: cr.Origins},
		{Name: "Username", Value: cr.Username},
		{Name: "Password", Value: cr.Password, Secret: true},
		{Name: "Token", Value: cr.Token != nil, Secret: true},
		{Name: "Cleartext", Value: cr.Cleartext},
	}}
}

// String describes cr with its secrets redacted.
func (cr Credentials) String() string { return cr.view().String() }

// Format implements fmt.Formatter: every verb prints cr with its secrets
// redacted.
func (cr Credentials) Format(f fmt.State, verb rune) { cr.view().Format(f, verb) }

// MarshalJSON encodes cr with its secrets redacted.
func (cr Credentials) MarshalJSON() ([]byte, error) { return cr.view().MarshalJSON() }

// MarshalXML encodes cr with its secrets redacted.
func (cr Credentials) MarshalXML(e *xml.Encoder, s xml.StartElement) error {
	return cr.view().MarshalXML(e, s)
}

// LogValue implements slog.LogValuer: cr with its secrets redacted.
func (cr Credentials) LogValue() slog.Value { return cr.view().LogValue() }

func (req Request) view() redact.View {
	return redact.View{Type: "client.Request", Fields: []redact.Field{
		{Name: "Method", Value: req.Method},
		{Name: "URI", Value: req.URI},
		{Name: "Body", Value: req.Body, Secret: true},
		{Name: "Secure", Value: req.Secure},
		{Name: "CNonce", Value: req.CNonce, Secret: true},
		{Name: "NC", Value: req.NC},
		{Name: "QOP", Value: req.QOP},
	}}
}

// String describes req with its secrets redacted.
func (req Request) String() string { return req.view().String() }

// Format implements fmt.Formatter: every verb prints req with its secrets
// redacted.
func (req Request) Format(f fmt.State, verb rune) { req.view().Format(f, verb) }

// MarshalJSON encodes req with its secrets redacted.
func (req Request) MarshalJSON() ([]byte, error) { return req.view().MarshalJSON() }

// MarshalXML encodes req with its secrets redacted.
func (req Request) MarshalXML(e *xml.Encoder, s xml.StartElement) error {
	return req.view().MarshalXML(e, s)
}

// LogValue implements slog.LogValuer: req with its secrets redacted.
func (req Request) LogValue() slog.Value { return req.view().LogValue() }

func (a Answer) view() redact.View {
	return redact.View{Type: "client.Answer", Fields: []redact.Field{
		{Name: "Scheme", Value: a.Choice.Scheme},
		{Name: "Index", Value: a.Choice.Index},
		// The root value's own redacted text, so that every route takes it.
		{Name: "Credentials", Value: a.Credentials.String()},
		{Name: "Digest", Value: a.Digest},
	}}
}

// String describes a with its secrets redacted.
func (a Answer) String() string { return a.view().String() }

// Format implements fmt.Formatter: every verb prints a with its secrets
// redacted.
func (a Answer) Format(f fmt.State, verb rune) { a.view().Format(f, verb) }

// MarshalJSON encodes a with its secrets redacted.
func (a Answer) MarshalJSON() ([]byte, error) { return a.view().MarshalJSON() }

// MarshalXML encodes a with its secrets redacted.
func (a Answer) MarshalXML(e *xml.Encoder, s xml.StartElement) error {
	return a.view().MarshalXML(e, s)
}

// LogValue implements slog.LogValuer: a with its secrets redacted.
func (a Answer) LogValue() slog.Value { return a.view().LogValue() }

func (t *Transport) view() redact.View {
	return redact.View{Type: "client.Transport", Fields: []redact.Field{
		{Name: "Base", Value: fmt.Sprintf("%T", t.Base)},
		{Name: "Credentials", Value: t.Credentials},
		{Name: "Proxy", Value: t.Proxy},
		{Name: "MaxBody", Value: t.MaxBody},
	}}
}

// String describes t with its secrets redacted.
func (t *Transport) String() string { return t.view().String() }

// Format implements fmt.Formatter: every verb prints t with its secrets
// redacted.
func (t *Transport) Format(f fmt.State, verb rune) { t.view().Format(f, verb) }

// MarshalJSON encodes t with its secrets redacted.
func (t *Transport) MarshalJSON() ([]byte, error) { return t.view().MarshalJSON() }

// MarshalXML encodes t with its secrets redacted.
func (t *Transport) MarshalXML(e *xml.Encoder, s xml.StartElement) error {
	return t.view().MarshalXML(e, s)
}

// LogValue implements slog.LogValuer: t with its secrets redacted.
func (t *Transport) LogValue() slog.Value { return t.view().LogValue() }

func (r *registry) view() redact.View {
	return redact.View{Type: "client.registry", Fields: []redact.Field{
		{Name: "Credentials", Value: r.cr},
	}}
}

// The token source of Registry prints as its credentials, redacted; the
// tokens it keeps never print.
func (r *registry) String() string                { return r.view().String() }
func (r *registry) Format(f fmt.State, verb rune) { r.view().Format(f, verb) }
func (r *registry) MarshalJSON() ([]byte, error)  { return r.view().MarshalJSON() }
func (r *registry) MarshalXML(e *xml.Encoder, s xml.StartElement) error {
	return r.view().MarshalXML(e, s)
}
func (r *registry) LogValue() slog.Value { return r.view().LogValue() }
