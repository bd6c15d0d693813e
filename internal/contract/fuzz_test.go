package contract_test

import (
	"go/ast"
	"strings"
	"testing"
)

// fuzzTargets returns the names of the fuzz targets (func FuzzX(*testing.F))
// among files.
func fuzzTargets(files []*ast.File) []string {
	var out []string
	for _, f := range files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Fuzz") {
				continue
			}
			if ps := fn.Type.Params.List; len(ps) == 1 {
				if star, ok := ps[0].Type.(*ast.StarExpr); ok {
					if sel, ok := star.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "F" {
						out = append(out, fn.Name.Name)
					}
				}
			}
		}
	}
	return out
}

// Every public package of the module reads input of its callers' peers
// (fields, credentials, requests) and promises not to panic on any of it,
// so every one has a fuzz target, which CI's fuzz smoke runs on every
// change; a new package without one fails here.
func TestEveryPackageIsFuzzed(t *testing.T) {
	for _, p := range packages(t) {
		if len(fuzzTargets(p.tests)) == 0 {
			t.Errorf("package %s (%s) has no fuzz target: every package that reads input has one", p.name, p.dir)
		}
	}
}

func TestFuzzTargetsFinds(t *testing.T) {
	src := `package x
import "testing"
func FuzzA(f *testing.F) {}
func FuzzB(t *testing.T) {}
func Fuzzy() {}
`
	if got := fuzzTargets(parseSource(t, src).files); len(got) != 1 || got[0] != "FuzzA" {
		t.Errorf("fuzzTargets = %v, want [FuzzA]", got)
	}
}
