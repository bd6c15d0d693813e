package schemetest

import (
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

// Printed returns v as every route to a log or a wire shows it: the fmt
// verbs %v %+v %#v %s %q %x %X %d, fmt of a pointer to v and of a struct
// holding v, encoding/json, encoding/xml, and slog's text and JSON
// handlers. A marshaling error fails the test.
func Printed(t testing.TB, v any) string {
	t.Helper()
	var b strings.Builder
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		fmt.Fprintf(&b, verb+"\n", v)
	}
	fmt.Fprintf(&b, "%v %+v\n", &v, struct{ V any }{v})
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal(%T): %v", v, err)
	}
	x, err := xml.Marshal(v)
	if err != nil {
		t.Fatalf("xml.Marshal(%T): %v", v, err)
	}
	b.Write(j)
	b.Write(x)
	slog.New(slog.NewTextHandler(&b, nil)).Info("m", "v", v)
	slog.New(slog.NewJSONHandler(&b, nil)).Info("m", "v", v)
	return b.String()
}

// Leaks returns the secrets that out shows, as they are or in hex.
func Leaks(out string, secrets ...string) []string {
	var found []string
	for _, s := range secrets {
		for _, form := range []string{s, hex.EncodeToString([]byte(s)), strings.ToUpper(hex.EncodeToString([]byte(s)))} {
			if strings.Contains(out, form) {
				found = append(found, form)
			}
		}
	}
	return found
}

// Redacted checks that v, on every route of Printed, shows none of the
// secrets (as they are or in hex) and every one of shown.
func Redacted(t testing.TB, v any, secrets []string, shown ...string) {
	t.Helper()
	out := Printed(t, v)
	if l := Leaks(out, secrets...); len(l) > 0 {
		t.Errorf("%T leaks %q:\n%s", v, l, out)
	}
	for _, s := range shown {
		if !strings.Contains(out, s) {
			t.Errorf("%T hides %q, which is not secret:\n%s", v, s, out)
		}
	}
}
