// Command harness turns a native Go fuzz target, which lives in a _test.go
// file with its helpers, into a package that go-118-fuzz-build can build
// for libFuzzer. It is run by build.sh on the build's copy of the sources,
// never on the repository.
//
//	harness -dir DIR -func FuzzX
//
// It parses the _test.go files of DIR (those the build would compile),
// finds FuzzX and every declaration of its test package that FuzzX needs,
// directly or through others, and writes them to one non-test file, whose
// "testing" go-118-fuzz-build replaces by its own package (testing.TB,
// which that package lacks, becomes an interface of the methods both its F
// and T have):
//
//   - for a target of the package itself (package p), DIR/zz_fuzzbuild.go;
//   - for a target of the external test package (package p_test),
//     DIR/zz_fuzzbuild/zz_fuzzbuild.go, a new package.
//
// For a target of the external test package, the test files of the
// package itself that do not import testing (export_test.go and the like,
// which the external test package sees in a test build) are copied as
// non-test files DIR/zz_fuzzbuild_NAME.go.
//
// It prints the import path suffix of the package to build ("" or
// "/zz_fuzzbuild") on the first line, then the files and directories it
// wrote, one per line, for build.sh to remove afterwards.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// tbName is the interface that stands for testing.TB.
const tbName = "fuzzbuildTB"

const tbDecl = `
// ` + tbName + ` stands for testing.TB, which go-118-fuzz-build's testing
// package lacks: the methods its F and T share.
type ` + tbName + ` = interface {
	Cleanup(func())
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Setenv(key, value string)
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
	TempDir() string
}
`

type decl struct {
	file *ast.File
	node ast.Decl
}

func main() {
	dir := flag.String("dir", ".", "the package directory")
	fn := flag.String("func", "", "the fuzz target")
	list := flag.Bool("list", false, "print the fuzz targets of the package's test files, one per line, and nothing else")
	flag.Parse()
	var err error
	if *list {
		err = listTargets(*dir)
	} else {
		err = run(*dir, *fn)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		os.Exit(1)
	}
}

// listTargets prints the fuzz targets of the test files of dir that the
// build would compile, as "go test -list '^Fuzz'" names them (a function
// FuzzXxx(*testing.F)), without compiling the test binary.
func listTargets(dir string) error {
	files, err := testFiles(token.NewFileSet(), dir, parser.SkipObjectResolution)
	if err != nil {
		return err
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && isFuzzTarget(fd) {
				fmt.Println(fd.Name.Name)
			}
		}
	}
	return nil
}

// testFiles parses the _test.go files of dir that the build would
// compile, in directory order.
func testFiles(fset *token.FileSet, dir string, mode parser.Mode) ([]*ast.File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, "_test.go") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, name); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, mode)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// isFuzzTarget reports whether fd is a fuzz target as go test finds them:
// FuzzXxx, where Xxx does not start with a lower-case letter, taking one
// *testing.F.
func isFuzzTarget(fd *ast.FuncDecl) bool {
	name := fd.Name.Name
	if fd.Recv != nil || !strings.HasPrefix(name, "Fuzz") {
		return false
	}
	if rest := name[len("Fuzz"):]; rest != "" && rest[0] >= 'a' && rest[0] <= 'z' {
		return false
	}
	params := fd.Type.Params.List
	if len(params) != 1 || len(params[0].Names) > 1 {
		return false
	}
	star, ok := params[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "F" {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "testing"
}

func run(dir, fn string) error {
	fset := token.NewFileSet()
	all, err := testFiles(fset, dir, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return err
	}
	// The test files of each package clause, as the build would select them.
	byPkg := map[string][]*ast.File{}
	for _, f := range all {
		byPkg[f.Name.Name] = append(byPkg[f.Name.Name], f)
	}
	var pkgName string
	for name, files := range byPkg {
		for _, f := range files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == fn {
					pkgName = name
				}
			}
		}
	}
	if pkgName == "" {
		return fmt.Errorf("no func %s in the test files of %s", fn, dir)
	}
	files := byPkg[pkgName]

	// Every top-level name of the test package, and the methods of each
	// type.
	names := map[string][]decl{}
	methods := map[string][]decl{}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv != nil {
					methods[recvType(d)] = append(methods[recvType(d)], decl{f, d})
				} else if d.Name.Name != "init" {
					names[d.Name.Name] = append(names[d.Name.Name], decl{f, d})
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						names[s.Name.Name] = append(names[s.Name.Name], decl{f, d})
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names[n.Name] = append(names[n.Name], decl{f, d})
						}
					}
				}
			}
		}
	}

	// What the target needs, transitively.
	keep := map[ast.Decl]bool{}
	var queue []decl
	need := func(name string) {
		for _, d := range names[name] {
			if !keep[d.node] {
				keep[d.node] = true
				queue = append(queue, d)
			}
		}
		for _, d := range methods[name] {
			if !keep[d.node] {
				keep[d.node] = true
				queue = append(queue, d)
			}
		}
	}
	need(fn)
	for len(queue) > 0 {
		d := queue[0]
		queue = queue[1:]
		ast.Inspect(d.node, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				ast.Inspect(n.X, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok {
						need(id.Name)
					}
					return true
				})
				return false // n.Sel names a field, method or imported name
			case *ast.Ident:
				need(n.Name)
			}
			return true
		})
	}

	external := strings.HasSuffix(pkgName, "_test")
	outDir, outPkg, suffix := dir, pkgName, ""
	if external {
		outDir, outPkg, suffix = filepath.Join(dir, "zz_fuzzbuild"), "zz_fuzzbuild", "/zz_fuzzbuild"
		if err := os.MkdirAll(outDir, 0o755); err != nil {
			return err
		}
	}
	sort.Slice(files, func(i, j int) bool { return fset.File(files[i].Pos()).Name() < fset.File(files[j].Pos()).Name() })
	var kept []keptDecl
	for _, f := range files {
		for _, d := range f.Decls {
			if keep[d] {
				kept = append(kept, keptDecl{f, d})
			}
		}
	}
	// One file: go-118-fuzz-build gives its testing package to the file
	// that holds the target, and to that file only.
	src, err := render(fset, kept, outPkg)
	if err != nil {
		return err
	}
	path := filepath.Join(outDir, "zz_fuzzbuild.go")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		return err
	}
	written := []string{path}
	if external {
		written = []string{outDir}
		// The external test package sees the declarations of the
		// package's own test files (export_test.go: test-only methods
		// and hooks). Those that do not import testing are copied as
		// non-test files of the package; others cannot be, as the
		// package itself cannot import go-118-fuzz-build's testing.
		exports, err := copyExports(fset, dir, byPkg[strings.TrimSuffix(pkgName, "_test")])
		if err != nil {
			return err
		}
		written = append(written, exports...)
	}
	fmt.Println(suffix)
	for _, w := range written {
		fmt.Println(w)
	}
	return nil
}

// copyExports writes each of files (test files of the package itself)
// that does not import "testing" to DIR/zz_fuzzbuild_NAME.go, as it is
// apart from its name, and returns the paths written.
func copyExports(fset *token.FileSet, dir string, files []*ast.File) ([]string, error) {
	var out []string
	for _, f := range files {
		usesTesting := false
		for _, im := range f.Imports {
			if path, _ := strconv.Unquote(im.Path.Value); path == "testing" {
				usesTesting = true
			}
		}
		if usesTesting {
			continue
		}
		src := fset.File(f.Pos()).Name()
		data, err := os.ReadFile(src)
		if err != nil {
			return nil, err
		}
		dst := filepath.Join(dir, "zz_fuzzbuild_"+strings.TrimSuffix(filepath.Base(src), "_test.go")+".go")
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return nil, err
		}
		out = append(out, dst)
	}
	return out, nil
}

func recvType(d *ast.FuncDecl) string {
	t := d.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if ix, ok := t.(*ast.IndexExpr); ok {
		t = ix.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// keptDecl is a declaration to copy and the file it comes from.
type keptDecl struct {
	file *ast.File
	node ast.Decl
}

// render writes decls as one file of package pkg, with the imports they
// use (unnamed where the name is the default, so that go-118-fuzz-build
// finds "testing") and testing.TB replaced by tbName.
func render(fset *token.FileSet, decls []keptDecl, pkg string) ([]byte, error) {
	// The path and explicit name of each import name used by the files.
	type imp struct{ path, name string }
	imports := map[string]imp{}
	for _, d := range decls {
		for _, im := range d.file.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			name := filepath.Base(path)
			if strings.HasPrefix(name, "v") && len(name) > 1 && strings.Trim(name[1:], "0123456789") == "" {
				name = filepath.Base(filepath.Dir(path)) // .../v2
			}
			explicit := ""
			if im.Name != nil && im.Name.Name != name {
				name, explicit = im.Name.Name, im.Name.Name
			}
			if _, ok := imports[name]; !ok {
				imports[name] = imp{path, explicit}
			}
		}
	}
	used := map[string]bool{}
	usesTB := false
	for _, kd := range decls {
		ast.Inspect(kd.node, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
				if id.Name == "testing" && sel.Sel.Name == "TB" {
					usesTB = true
				}
			}
			return true
		})
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by .clusterfuzzlite/harness for the fuzz build; DO NOT EDIT.\n\npackage %s\n\nimport (\n", pkg)
	var names []string
	for name := range used {
		if _, ok := imports[name]; ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		im := imports[name]
		if im.name != "" {
			fmt.Fprintf(&b, "\t%s %q\n", im.name, im.path)
		} else {
			fmt.Fprintf(&b, "\t%q\n", im.path)
		}
	}
	b.WriteString(")\n\n")
	for _, kd := range decls {
		replaceTB(reflect.ValueOf(kd.node))
		if err := format.Node(&b, fset, kd.node); err != nil {
			return nil, err
		}
		b.WriteString("\n\n")
	}
	if usesTB {
		b.WriteString(tbDecl)
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%v\n%s", err, b.Bytes())
	}
	return src, nil
}

var exprType = reflect.TypeFor[ast.Expr]()

// replaceTB replaces, in the syntax tree v, every testing.TB by tbName.
func replaceTB(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			replaceTB(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			replaceTB(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Field(i)
			if f.Type() == exprType && !f.IsNil() {
				if sel, ok := f.Interface().(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == "testing" && sel.Sel.Name == "TB" {
						f.Set(reflect.ValueOf(ast.NewIdent(tbName)))
						continue
					}
				}
			}
			if f.CanSet() || f.Kind() == reflect.Pointer || f.Kind() == reflect.Slice || f.Kind() == reflect.Interface {
				replaceTB(f)
			}
		}
	}
}
