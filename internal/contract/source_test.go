package contract_test

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// modulePath is the import path of the module whose packages are read.
const modulePath = "github.com/authwire/httpauth"

// pkg is one public package of the module, read from its source.
type pkg struct {
	dir   string // relative to the module root, with "/"; "." for the root
	name  string // package name, "httpauth" for the root
	files []*ast.File
	tests []*ast.File // _test.go files of the package and of its _test package
}

// top reports whether p is a directory right under the module root.
func (p *pkg) top() bool { return p.dir != "." && !strings.Contains(p.dir, "/") }

// importName returns the name under which file f imports path, or "" when
// it does not.
func importName(f *ast.File, path string) string {
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == path {
			if im.Name != nil {
				return im.Name.Name
			}
			return path[strings.LastIndexByte(path, '/')+1:]
		}
	}
	return ""
}

var (
	loadOnce sync.Once
	loaded   []*pkg
	loadErr  error
)

// packages returns the public packages of the module: every directory
// under its root with Go files for this platform, but internal/,
// testdata/, hidden directories, directories with their own go.mod
// (other modules) and main packages.
func packages(t *testing.T) []*pkg {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = load() })
	if loadErr != nil {
		t.Fatalf("reading the module's source: %v", loadErr)
	}
	if len(loaded) < 10 {
		t.Fatalf("found %d packages in the module; the walk is broken", len(loaded))
	}
	return loaded
}

func load() ([]*pkg, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	var out []*pkg
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		name := d.Name()
		if rel != "." {
			if name == "testdata" || name == "internal" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		bp, err := build.Default.ImportDir(path, 0)
		if err != nil {
			if _, none := err.(*build.NoGoError); none {
				return nil
			}
			return err
		}
		if bp.Name == "main" {
			return nil
		}
		p := &pkg{dir: rel, name: bp.Name}
		for _, list := range [][]string{bp.GoFiles, bp.TestGoFiles, bp.XTestGoFiles} {
			for _, fn := range list {
				f, err := parser.ParseFile(fset, filepath.Join(path, fn), nil, parser.SkipObjectResolution)
				if err != nil {
					return err
				}
				if strings.HasSuffix(fn, "_test.go") {
					p.tests = append(p.tests, f)
				} else {
					p.files = append(p.files, f)
				}
			}
		}
		out = append(out, p)
		return nil
	})
	slices.SortFunc(out, func(a, b *pkg) int { return strings.Compare(a.dir, b.dir) })
	return out, err
}

// moduleRoot returns the directory of the go.mod of modulePath, found
// upwards from the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(b), "module "+modulePath+"\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// decl is an exported declaration of a package: a function, a type, or a
// method of an exported type.
type decl struct {
	recv string // receiver type name for a method, "" otherwise
	name string
	fn   *ast.FuncDecl // nil for a type
	file *ast.File
}

// key returns the name Go gives examples of d: "F", "T" or "T_M".
func (d decl) key() string {
	if d.recv != "" {
		return d.recv + "_" + d.name
	}
	return d.name
}

// exported returns the exported functions, types and methods of exported
// types declared in p's non-test files.
func (p *pkg) exported() []decl {
	var out []decl
	for _, f := range p.files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				recv := ""
				if d.Recv != nil {
					recv = recvName(d.Recv.List[0].Type)
					if !ast.IsExported(recv) {
						continue
					}
				}
				out = append(out, decl{recv: recv, name: d.Name.Name, fn: d, file: f})
			case *ast.GenDecl:
				if d.Tok != token.TYPE {
					continue
				}
				for _, s := range d.Specs {
					if ts := s.(*ast.TypeSpec); ts.Name.IsExported() {
						out = append(out, decl{name: ts.Name.Name, file: f})
					}
				}
			}
		}
	}
	return out
}

// recvName returns the type name of a receiver: T for T, *T, T[P] and
// *T[P].
func recvName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// types returns the names of the exported types p declares.
func (p *pkg) types() []string {
	var out []string
	for _, d := range p.exported() {
		if d.fn == nil {
			out = append(out, d.name)
		}
	}
	return out
}

// parseSource returns the package of one source file, for the tests of
// the checks themselves.
func parseSource(t *testing.T, src string) *pkg {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("parsing %q: %v", src, err)
	}
	return &pkg{dir: "x", name: f.Name.Name, files: []*ast.File{f}}
}
