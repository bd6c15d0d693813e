package contract_test

import (
	"go/ast"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// standardMethods are the methods that implement a standard interface:
// they need no example of their own. Names ending in "*" are prefixes.
var standardMethods = []string{
	"String", "Format", "GoString", "Error", "Unwrap", "Is", "As",
	"Marshal*", "Unmarshal*", "AppendText", "AppendBinary", "LogValue",
	"RoundTrip", "ServeHTTP",
}

func standard(method string) bool {
	for _, s := range standardMethods {
		if s == method || strings.HasSuffix(s, "*") && strings.HasPrefix(method, s[:len(s)-1]) {
			return true
		}
	}
	return false
}

// exampleKeys returns what the Example functions of files document: "" for
// the package, "F", "T" or "T_M" (Go's naming, an optional lower-case
// _suffix dropped).
func exampleKeys(files []*ast.File) map[string]bool {
	keys := map[string]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Example") {
				continue
			}
			name := strings.TrimPrefix(fn.Name.Name, "Example")
			if name != "" && name[0] != '_' {
				name = "_" + name
			}
			// name is now "", "_F", "_T", "_T_M", each with an optional
			// "_suffix" that starts with a lower-case letter.
			parts := strings.Split(name, "_")[1:]
			if n := len(parts); n > 0 {
				if r, _ := utf8.DecodeRuneInString(parts[n-1]); unicode.IsLower(r) {
					parts = parts[:n-1]
				}
			}
			keys[strings.Join(parts, "_")] = true
		}
	}
	return keys
}

func TestExampleKeys(t *testing.T) {
	src := []string{"Example", "Example_second", "ExampleF", "ExampleF_twice", "ExampleT_M", "ExampleT_M_again", "Examplex"}
	var decls []ast.Decl
	for _, n := range src {
		decls = append(decls, &ast.FuncDecl{Name: ast.NewIdent(n)})
	}
	got := exampleKeys([]*ast.File{{Decls: decls}})
	for _, want := range []string{"", "F", "T_M"} {
		if !got[want] {
			t.Errorf("exampleKeys(%v) lacks %q: %v", src, want, got)
		}
	}
	if len(got) != 3 {
		t.Errorf("exampleKeys(%v) = %v, want 3 keys", src, got)
	}
}

// Every exported function, type and method of every package has an
// example, but methods that implement a standard interface.
func TestEveryEntryPointHasAnExample(t *testing.T) {
	for _, p := range packages(t) {
		have := exampleKeys(p.tests)
		var missing []string
		for _, d := range p.exported() {
			if d.recv != "" && standard(d.name) {
				continue
			}
			if !have[d.key()] {
				missing = append(missing, "Example"+d.key())
			}
		}
		if len(missing) > 0 {
			t.Errorf("package %s (%s) has no %s", p.name, p.dir, strings.Join(missing, ", "))
		}
	}
}
