package contract_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/aws4"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/concealed"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/gnap"
	"github.com/authwire/httpauth/hawk"
	"github.com/authwire/httpauth/hoba"
	"github.com/authwire/httpauth/mutual"
	"github.com/authwire/httpauth/negotiate"
	"github.com/authwire/httpauth/oauth1"
	"github.com/authwire/httpauth/privatetoken"
	"github.com/authwire/httpauth/scram"
	"github.com/authwire/httpauth/vapid"
)

// notSchemes are the top-level directories of the module that are not
// scheme packages. Every other top-level package is one.
var notSchemes = []string{
	"cmd", "internal", "bench", "header", "client", "server", "fuzzgen",
	"interop", "conformance", "testdata", "fuzz",
}

// schemePackages returns the scheme packages of the module.
func schemePackages(t *testing.T) []*pkg {
	var out []*pkg
	for _, p := range packages(t) {
		if p.top() && !slices.Contains(notSchemes, p.dir) {
			out = append(out, p)
		}
	}
	return out
}

// parsers are the Parse functions of one scheme package, each reduced to
// its error.
type parsers struct {
	scheme      string // the package's Scheme constant
	challenge   func(httpauth.Challenge) error
	credentials func(httpauth.Credentials) error
	info        func(httpauth.Params) error
	// others read another message of the scheme from generic credentials
	// (Hawk's Server-Authorization).
	others map[string]func(httpauth.Credentials) error
}

// errOf drops the value of a Parse function's result.
func errOf[G, V any](f func(G) (V, error)) func(G) error {
	return func(g G) error {
		_, err := f(g)
		return err
	}
}

// schemes maps each scheme package (by directory) to its Parse functions.
// A scheme package that is missing fails TestSchemeTable.
var schemes = map[string]parsers{
	"aws4":      {scheme: aws4.Scheme, credentials: errOf(aws4.ParseCredentials)},
	"basic":     {scheme: basic.Scheme, challenge: errOf(basic.ParseChallenge), credentials: errOf(basic.ParseCredentials)},
	"bearer":    {scheme: bearer.Scheme, challenge: errOf(bearer.ParseChallenge), credentials: errOf(bearer.ParseCredentials)},
	"concealed": {scheme: concealed.Scheme, credentials: errOf(concealed.ParseCredentials)},
	"digest":    {scheme: digest.Scheme, challenge: errOf(digest.ParseChallenge), credentials: errOf(digest.ParseCredentials)},
	"gnap":      {scheme: gnap.Scheme, challenge: errOf(gnap.ParseChallenge), credentials: errOf(gnap.ParseCredentials)},
	"hawk": {scheme: hawk.Scheme, credentials: errOf(hawk.ParseCredentials),
		others: map[string]func(httpauth.Credentials) error{"ParseServerAuthorization": errOf(hawk.ParseServerAuthorization)}},
	"hoba":   {scheme: hoba.Scheme, challenge: errOf(hoba.ParseChallenge), credentials: errOf(hoba.ParseCredentials)},
	"mutual": {scheme: mutual.Scheme, challenge: errOf(mutual.ParseChallenge), credentials: errOf(mutual.ParseCredentials), info: errOf(mutual.ParseInfo)},
	"negotiate": {scheme: negotiate.Scheme, challenge: errOf(negotiate.ParseChallenge),
		credentials: errOf(negotiate.ParseCredentials)},
	"oauth1":       {scheme: oauth1.Scheme, challenge: errOf(oauth1.ParseChallenge), credentials: errOf(oauth1.ParseCredentials)},
	"privatetoken": {scheme: privatetoken.Scheme, challenge: errOf(privatetoken.ParseChallenge), credentials: errOf(privatetoken.ParseCredentials)},
	"scram":        {scheme: scram.Scheme, challenge: errOf(scram.ParseChallenge), credentials: errOf(scram.ParseCredentials), info: errOf(scram.ParseInfo)},
	"vapid":        {scheme: vapid.Scheme, challenge: errOf(vapid.ParseChallenge), credentials: errOf(vapid.ParseCredentials)},
}

// The table lists every scheme package and nothing else, and each entry
// has the Parse functions its package declares.
func TestSchemeTable(t *testing.T) {
	found := map[string]bool{}
	for _, p := range schemePackages(t) {
		found[p.dir] = true
		e, ok := schemes[p.dir]
		if !ok {
			t.Errorf("scheme package %s is not in the table of contract_test.go: add its Parse functions (or add it to notSchemes if it is not a scheme package)", p.dir)
			continue
		}
		funcs := map[string]bool{}
		for _, d := range p.exported() {
			if d.recv == "" && d.fn != nil {
				funcs[d.name] = true
			}
		}
		for name, listed := range map[string]bool{
			"ParseChallenge": e.challenge != nil, "ParseCredentials": e.credentials != nil, "ParseInfo": e.info != nil,
		} {
			if funcs[name] != listed {
				t.Errorf("%s: declares %s: %v, listed in the table: %v", p.dir, name, funcs[name], listed)
			}
		}
	}
	for dir := range schemes {
		if !found[dir] {
			t.Errorf("the table lists %s, which is not a scheme package of the module", dir)
		}
	}
}

// A challenge or credentials of another scheme, or with no scheme, is an
// error that wraps httpauth.ErrOtherScheme and reads as a SchemeError of
// the package's scheme, whatever it holds: a client tries each challenge
// of a 401 in turn and relies on it.
func TestOtherScheme(t *testing.T) {
	var names []string
	for _, e := range schemes {
		names = append(names, e.scheme)
	}
	slices.Sort(names)
	names = append(names, "X-Other", "")
	params := httpauth.Params{{Name: "realm", Value: "r"}, {Name: "data", Value: "YWJj"}}
	for _, dir := range slices.Sorted(maps.Keys(schemes)) {
		e := schemes[dir]
		// One report per function: the first value it fails on, and how
		// many it fails on.
		failures := map[string][]string{}
		check := func(call string, c httpauth.Credentials, err error) {
			var se *httpauth.SchemeError
			if !errors.Is(err, httpauth.ErrOtherScheme) || !errors.As(err, &se) || se.Scheme != e.scheme || se.Param != "" {
				failures[call] = append(failures[call], fmt.Sprintf("scheme %q, token68 %q, %d params: %v (%T)", c.Scheme, c.Token68, len(c.Params), err, err))
			}
		}
		for _, name := range names {
			if name == e.scheme {
				continue
			}
			for _, c := range []httpauth.Credentials{
				{Scheme: name, Params: params}, {Scheme: name, Token68: "YWJj"}, {Scheme: name},
			} {
				if e.challenge != nil {
					check("ParseChallenge", c, e.challenge(httpauth.Challenge(c)))
				}
				check("ParseCredentials", c, e.credentials(c))
				for call, f := range e.others {
					check(call, c, f(c))
				}
			}
		}
		for call, fs := range failures {
			t.Errorf("%s.%s fails on %d values of another scheme, want a %s SchemeError wrapping ErrOtherScheme; first: %s",
				dir, call, len(fs), e.scheme, fs[0])
		}
	}
}

// The static rules of the contract, checked on the source of every scheme
// package.
func TestContractShapes(t *testing.T) {
	for _, p := range schemePackages(t) {
		for _, problem := range contractProblems(p) {
			t.Errorf("%s: %s", p.dir, problem)
		}
	}
}

// contractProblems returns what p's source does against the contract.
func contractProblems(p *pkg) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }

	// Names declared at the top level, and the methods of each type.
	consts, vars, funcs := map[string]bool{}, map[string]bool{}, map[string]*decl{}
	methods := map[string]map[string]*decl{}
	typeNames := map[string]bool{}
	for _, f := range p.files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if d.Tok == token.CONST {
								consts[n.Name] = true
							} else {
								vars[n.Name] = true
							}
						}
					case *ast.TypeSpec:
						typeNames[s.Name.Name] = true
					}
				}
			case *ast.FuncDecl:
				dd := &decl{name: d.Name.Name, fn: d, file: f}
				if d.Recv == nil {
					funcs[d.Name.Name] = dd
					continue
				}
				dd.recv = recvName(d.Recv.List[0].Type)
				if methods[dd.recv] == nil {
					methods[dd.recv] = map[string]*decl{}
				}
				methods[dd.recv][d.Name.Name] = dd
			}
		}
	}

	if !consts["Scheme"] {
		bad("declares no const Scheme")
	}
	if typeNames["Error"] {
		bad("declares its own Error type; report errors as *httpauth.SchemeError (internal/scheme)")
	}
	if vars["ErrScheme"] || consts["ErrScheme"] {
		bad("declares ErrScheme; a value of another scheme wraps httpauth.ErrOtherScheme")
	}
	for _, name := range []string{"checkScheme", "dupCheck"} {
		if funcs[name] != nil {
			bad("declares %s, a copy of what internal/scheme does", name)
		}
	}
	if funcs["ParseCredentials"] == nil {
		bad("declares no ParseCredentials")
	}

	// The root type each kind of value is read from and built to.
	root := map[string]string{"Challenge": "httpauth.Challenge", "Credentials": "httpauth.Credentials", "Info": "httpauth.Params"}
	for typ, from := range root {
		if typeNames[typ] {
			want := fmt.Sprintf("func Parse%s(%s) (%s, error)", typ, from, typ)
			if f := funcs["Parse"+typ]; f == nil || signature(f) != want {
				bad("type %s needs %s", typ, want)
			}
		}
	}
	hasBuild := map[string]bool{}
	for recv, ms := range methods {
		if b := ms["Build"]; b != nil {
			hasBuild[recv] = true
			if sig := signature(b); !strings.HasPrefix(sig, "func Build() (httpauth.") || !strings.HasSuffix(sig, ", error)") {
				bad("%s.Build is %s, want func Build() (httpauth.Challenge, httpauth.Credentials or httpauth.Params, error)", recv, sig)
			}
		}
	}
	for typ := range root {
		if typeNames[typ] && !hasBuild[typ] {
			bad("type %s has no Build method", typ)
		}
	}

	for name, f := range funcs {
		if !ast.IsExported(name) {
			continue
		}
		params, results := fields(f.fn.Type.Params, f.file), fields(f.fn.Type.Results, f.file)
		// A function that reads a root value is named after what it
		// reads and returns a value that builds back.
		if len(params) == 1 && slices.Contains([]string{"httpauth.Challenge", "httpauth.Credentials", "httpauth.Params"}, params[0]) {
			switch {
			case params[0] == "httpauth.Params" && name != "ParseInfo":
				bad("%s reads an Authentication-Info list: name it ParseInfo", name)
			case !strings.HasPrefix(name, "Parse"):
				bad("%s reads a %s: name it Parse...", name, params[0])
			case len(results) != 2 || results[1] != "error" || !hasBuild[results[0]]:
				bad("%s returns %v, want a value with a Build method and an error", name, results)
			}
		}
		// The one string-taking parser of a typed value has one name.
		if strings.HasPrefix(name, "Parse") && len(params) == 1 && params[0] == "string" &&
			len(results) == 2 && hasBuild[results[0]] && name != "ParseFieldValue" {
			bad("%s parses a field value string into a %s: name it ParseFieldValue, or parse the root value with ParseCredentials", name, results[0])
		}
	}

	for recv, ms := range methods {
		for name, m := range ms {
			if !ast.IsExported(name) {
				continue
			}
			params, results := fields(m.fn.Type.Params, m.file), fields(m.fn.Type.Results, m.file)
			if hasBuild[recv] && name == "Encode" {
				bad("%s.Encode: writing a header value is httpauth.Credentials.Encode's job", recv)
			}
			if hasBuild[recv] && len(params) == 0 && slices.Equal(results, []string{"[]byte", "error"}) &&
				!strings.HasPrefix(name, "Decode") && !standard(name) {
				bad("%s.%s decodes a payload: name it Decode...", recv, name)
			}
		}
	}

	// Verify functions and methods report with an error, never a bool.
	check := func(what string, d *decl) {
		results := fields(d.fn.Type.Results, d.file)
		if len(results) == 0 || results[len(results)-1] != "error" || slices.Contains(results, "bool") {
			bad("%s returns %v; a Verify returns an error (nil when verified)", what, results)
		}
	}
	for name, f := range funcs {
		if strings.HasPrefix(name, "Verify") {
			check(name, f)
		}
	}
	for recv, ms := range methods {
		for name, m := range ms {
			if strings.HasPrefix(name, "Verify") && ast.IsExported(recv) {
				check(recv+"."+name, m)
			}
		}
	}
	slices.Sort(out)
	return out
}

// signature returns d as "func Name(T, ...) (R, ...)", each type as
// typeString writes it.
func signature(d *decl) string {
	s := "func " + d.name + "(" + strings.Join(fields(d.fn.Type.Params, d.file), ", ") + ")"
	switch rs := fields(d.fn.Type.Results, d.file); len(rs) {
	case 0:
	case 1:
		s += " " + rs[0]
	default:
		s += " (" + strings.Join(rs, ", ") + ")"
	}
	return s
}

// fields returns the type of each entry of a parameter or result list,
// repeated for each name it declares.
func fields(l *ast.FieldList, f *ast.File) []string {
	if l == nil {
		return nil
	}
	var out []string
	for _, fl := range l.List {
		n := max(len(fl.Names), 1)
		for range n {
			out = append(out, typeString(fl.Type, f))
		}
	}
	return out
}

// typeString writes a type expression, the root package as "httpauth"
// whatever name f imports it under.
func typeString(e ast.Expr, f *ast.File) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.StarExpr:
		return "*" + typeString(x.X, f)
	case *ast.ArrayType:
		if x.Len == nil {
			return "[]" + typeString(x.Elt, f)
		}
		return "[...]" + typeString(x.Elt, f)
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			if id.Name == importName(f, modulePath) {
				return "httpauth." + x.Sel.Name
			}
			return id.Name + "." + x.Sel.Name
		}
	case *ast.Ellipsis:
		return "..." + typeString(x.Elt, f)
	case *ast.FuncType:
		return "func"
	case *ast.MapType:
		return "map[" + typeString(x.Key, f) + "]" + typeString(x.Value, f)
	case *ast.InterfaceType:
		return "interface"
	case *ast.ChanType:
		return "chan " + typeString(x.Value, f)
	}
	return "?"
}

// The checks above find what they look for: each of these sources breaks
// one rule, and a source that follows them all passes.
func TestContractProblemsFinds(t *testing.T) {
	const good = `package x
import "github.com/authwire/httpauth"
const Scheme = "X"
type Challenge struct{}
func ParseChallenge(c httpauth.Challenge) (Challenge, error) { return Challenge{}, nil }
func (Challenge) Build() (httpauth.Challenge, error) { return httpauth.Challenge{}, nil }
type Credentials struct{}
func ParseCredentials(c httpauth.Credentials) (Credentials, error) { return Credentials{}, nil }
func ParseFieldValue(v string) (Credentials, error) { return Credentials{}, nil }
func (Credentials) Build() (httpauth.Credentials, error) { return httpauth.Credentials{}, nil }
func (Credentials) DecodeToken() ([]byte, error) { return nil, nil }
func (Credentials) Verify(key []byte) error { return nil }
func VerifyThing(a, b string) (string, error) { return "", nil }
`
	for _, tt := range []struct{ edit, old, new, want string }{
		{"follows every rule", "", "", ""},
		{"no Scheme", `const Scheme = "X"`, ``, "no const Scheme"},
		{"own Error type", `type Challenge struct{}`, `type Challenge struct{}; type Error struct{}`, "own Error type"},
		{"ErrScheme", `type Challenge struct{}`, `type Challenge struct{}; var ErrScheme error`, "declares ErrScheme"},
		{"checkScheme", `type Challenge struct{}`, `type Challenge struct{}; func checkScheme() {}`, "declares checkScheme"},
		{"ParseChallenge of another shape", `func ParseChallenge(c httpauth.Challenge) (Challenge, error)`, `func ParseChallenge(c string) (Challenge, error)`, "type Challenge needs"},
		{"no Build", `func (Challenge) Build() (httpauth.Challenge, error) { return httpauth.Challenge{}, nil }`, ``, "type Challenge has no Build"},
		{"Build without error", `func (Challenge) Build() (httpauth.Challenge, error) { return httpauth.Challenge{}, nil }`, `func (Challenge) Build() httpauth.Challenge { return httpauth.Challenge{} }`, "Challenge.Build is"},
		{"ParseAuthInfo", `type Challenge struct{}`, `type Challenge struct{}; type AuthInfo struct{}; func ParseAuthInfo(ps httpauth.Params) (AuthInfo, error)`, "name it ParseInfo"},
		{"string parser", `func ParseFieldValue(v string)`, `func ParseAuthorization(v string)`, "name it ParseFieldValue"},
		{"Encode", `type Credentials struct{}`, `type Credentials struct{}; func (Credentials) Encode() (string, error)`, "Credentials.Encode"},
		{"Data", `DecodeToken()`, `Data()`, "name it Decode"},
		{"Verify bool", `Verify(key []byte) error`, `Verify(key []byte) bool`, "Credentials.Verify returns [bool]"},
		{"Verify two results", `func VerifyThing(a, b string) (string, error)`, `func VerifyThing(a, b string) (bool, error)`, "VerifyThing returns [bool error]"},
	} {
		src := good
		if !strings.Contains(src, tt.old) {
			t.Fatalf("%s: the source has no %q", tt.edit, tt.old)
		}
		src = strings.Replace(src, tt.old, tt.new, 1)
		p := parseSource(t, src)
		got := strings.Join(contractProblems(p), "\n")
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("%s: problems %q, want one containing %q", tt.edit, got, tt.want)
		}
	}
}
