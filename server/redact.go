package server

import (
	"encoding/xml"
	"fmt"
	"log/slog"

	"github.com/authwire/httpauth/internal/redact"
)

// An Auth prints as its settings, through internal/redact like the types
// that hold secrets: the callbacks and the nonce key of its Digest
// verifier never print, and encoding/json and encoding/xml do not stop at
// its func fields.

func (a *Auth) view() redact.View {
	offers := make([]string, len(a.offers()))
	for i, o := range a.offers() {
		offers[i] = o.Scheme
		if o.Algorithm != 0 {
			offers[i] += " " + o.Algorithm.String()
		}
	}
	return redact.View{Type: "server.Auth", Fields: []redact.Field{
		{Name: "Realm", Value: a.Realm},
		{Name: "Offers", Value: offers},
		{Name: "Proxy", Value: a.Proxy},
		{Name: "QOP", Value: a.QOP},
		{Name: "NonceLifetime", Value: a.NonceLifetime},
		{Name: "MaxNonces", Value: a.MaxNonces},
		{Name: "MaxBody", Value: a.MaxBody},
	}}
}

// String describes a by its settings.
func (a *Auth) String() string { return a.view().String() }

// Format implements fmt.Formatter: every verb prints a by its settings.
func (a *Auth) Format(f fmt.State, verb rune) { a.view().Format(f, verb) }

// MarshalJSON encodes a by its settings.
func (a *Auth) MarshalJSON() ([]byte, error) { return a.view().MarshalJSON() }

// MarshalXML encodes a by its settings.
func (a *Auth) MarshalXML(e *xml.Encoder, s xml.StartElement) error {
	return a.view().MarshalXML(e, s)
}

// LogValue implements slog.LogValuer: a by its settings.
func (a *Auth) LogValue() slog.Value { return a.view().LogValue() }
