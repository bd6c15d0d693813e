// Package redact prints values that hold secrets without the secrets, on
// every route a value takes to a log or a wire: fmt (every verb),
// encoding/json, encoding/xml and log/slog (text and JSON handlers).
//
// A type that holds a secret describes itself as a [View] (its fields,
// the secret ones marked) and delegates to this package:
//
//	func (c Credentials) view() redact.View {
//		return redact.View{Type: "basic.Credentials", Fields: []redact.Field{
//			{Name: "UserID", Value: c.UserID},
//			{Name: "Password", Value: c.Password, Secret: true},
//		}}
//	}
//	func (c Credentials) String() string                 { return c.view().String() }
//	func (c Credentials) Format(f fmt.State, verb rune)  { c.view().Format(f, verb) }
//	func (c Credentials) MarshalJSON() ([]byte, error)   { return c.view().MarshalJSON() }
//	func (c Credentials) MarshalXML(e *xml.Encoder, s xml.StartElement) error { return c.view().MarshalXML(e, s) }
//	func (c Credentials) LogValue() slog.Value           { return c.view().LogValue() }
//
// A secret field prints as [Mask] when it is set and as its empty form when
// it is not, so that a log still tells a missing password from a wrong one.
// Other fields print as fmt, encoding/json, encoding/xml and slog print
// them, through their own methods: a field that holds another redacting
// type stays redacted.
package redact

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log/slog"
	"reflect"
	"strconv"
	"strings"
)

// Mask is what a set secret prints as, everywhere.
const Mask = "[redacted]"

// Field is one field of a value, as it may be printed.
type Field struct {
	Name   string
	Value  any
	Secret bool // print Mask (or the empty form) instead of Value
}

// View is the printable form of a value that holds secrets.
type View struct {
	Type   string // the Go type as %#v names it: "basic.Credentials"
	Fields []Field
}

// set reports whether f's value is not the zero value of its type (an empty
// string, a nil or empty slice, ...).
func (f Field) set() bool {
	if f.Value == nil {
		return false
	}
	v := reflect.ValueOf(f.Value)
	switch v.Kind() {
	case reflect.Slice, reflect.Map, reflect.String, reflect.Array:
		return v.Len() > 0
	}
	return !v.IsZero()
}

// shown returns what f prints as: Mask for a set secret, "" for an unset
// one, the value itself otherwise.
func (f Field) shown() any {
	if !f.Secret {
		return f.Value
	}
	if f.set() {
		return Mask
	}
	return ""
}

// String returns the %v form: {value value ...}, secrets masked.
func (v View) String() string { return v.text(false, false) }

// text writes the struct-like form of v: plus adds the field names (%+v),
// sharp is Go syntax (%#v).
func (v View) text(plus, sharp bool) string {
	var b strings.Builder
	if sharp {
		b.WriteString(v.Type)
	}
	b.WriteByte('{')
	for i, f := range v.Fields {
		if i > 0 {
			if sharp {
				b.WriteString(", ")
			} else {
				b.WriteByte(' ')
			}
		}
		if plus || sharp {
			b.WriteString(f.Name)
			b.WriteByte(':')
		}
		switch {
		case sharp && f.Secret:
			b.WriteString(strconv.Quote(f.shown().(string)))
		case sharp:
			fmt.Fprintf(&b, "%#v", f.Value)
		case plus:
			fmt.Fprintf(&b, "%+v", f.shown())
		default:
			fmt.Fprintf(&b, "%v", f.shown())
		}
	}
	b.WriteByte('}')
	return b.String()
}

// Format implements fmt.Formatter for the type that v describes: %#v in Go
// syntax, %+v with field names, %q quoted, and every other verb (%v, %s,
// %x, %d, ...) as %v, so that no verb prints a secret in any encoding.
func (v View) Format(f fmt.State, verb rune) {
	var s string
	switch {
	case verb == 'v' && f.Flag('#'):
		s = v.text(false, true)
	case verb == 'v' && f.Flag('+'):
		s = v.text(true, false)
	case verb == 'q':
		s = strconv.Quote(v.String())
	default:
		s = v.String()
	}
	f.Write([]byte(s))
}

// MarshalJSON returns a JSON object of the fields, secrets masked.
func (v View) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, f := range v.Fields {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(f.Name)
		if err != nil {
			return nil, err
		}
		val, err := json.Marshal(f.shown())
		if err != nil {
			return nil, err
		}
		b = append(b, k...)
		b = append(b, ':')
		b = append(b, val...)
	}
	return append(b, '}'), nil
}

// MarshalXML writes an element named by start (or after the type) with one
// child element per field, secrets masked.
func (v View) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if start.Name.Local == "" {
		start.Name.Local = v.Type[strings.LastIndexByte(v.Type, '.')+1:]
	}
	start.Attr = nil
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	for _, f := range v.Fields {
		if err := e.EncodeElement(f.shown(), xml.StartElement{Name: xml.Name{Local: f.Name}}); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

// LogValue returns a slog group of the fields, secrets masked.
func (v View) LogValue() slog.Value {
	attrs := make([]slog.Attr, len(v.Fields))
	for i, f := range v.Fields {
		attrs[i] = slog.Any(f.Name, f.shown())
	}
	return slog.GroupValue(attrs...)
}
