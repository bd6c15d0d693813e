package schemetest

import (
	"encoding/hex"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Redacted checks that v shows none of the secrets (as they are or in
// hex) on any route of [Routes], for v itself, a pointer to it and a
// struct holding it in a field, and that its routes show, between them,
// every one of shown.
func Redacted(t testing.TB, v any, secrets []string, shown ...string) {
	t.Helper()
	var needles []string
	for _, s := range secrets {
		h := hex.EncodeToString([]byte(s))
		needles = append(needles, s, h, strings.ToUpper(h))
	}
	// A pointer to v's own type: &v would be an *any, which fmt prints
	// as an address, never reaching v's methods.
	ptr := reflect.New(reflect.TypeOf(v))
	ptr.Elem().Set(reflect.ValueOf(v))
	var all strings.Builder
	for form, w := range map[string]any{"value": v, "pointer": ptr.Interface(), "struct": struct{ V any }{v}} {
		rs := Routes(w)
		for _, route := range slices.Sorted(maps.Keys(rs)) {
			out := rs[route]
			all.WriteString(out)
			for _, n := range needles {
				if strings.Contains(out, n) {
					t.Errorf("%T, %s, %s leaks %q: %s", v, form, route, n, out)
				}
			}
		}
	}
	for _, s := range shown {
		if !strings.Contains(all.String(), s) {
			t.Errorf("%T hides %q, which is not secret: %s", v, s, all.String())
		}
	}
}
