package httpauth_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"unsafe"
	"weak"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
)

// noLimits parses edited fields without limits: an edit may make a line
// longer than the default limit, and checks of edits compare values.
var noLimits = httpauth.Limits{MaxLineBytes: -1, MaxChallenges: -1, MaxParams: -1, MaxEmptyElements: -1}

// setParamTests: lines, challenge i, name and value; the line that changes
// and its new content.
var setParamTests = []struct {
	name       string
	lines      []string
	i          int
	param, val string
	line       int
	want       string
}{
	{"a quoted token stays quoted",
		[]string{`Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"`},
		0, "service", "registry.internal",
		0, `Bearer realm="https://auth.docker.io/token",service="registry.internal",scope="repository:library/alpine:pull"`},
	{"a token stays a token", []string{`Basic realm="a", charset=UTF-8`}, 0, "CHARSET", "utf-8", 0, `Basic realm="a", charset=utf-8`},
	{"a token becomes quoted when it must", []string{`Basic realm="a", charset=UTF-8`}, 0, "charset", "UTF 8", 0, `Basic realm="a", charset="UTF 8"`},
	{"the scheme's rule quotes", []string{`Bearer scope=read`}, 0, "scope", "write", 0, `Bearer scope="write"`},
	{"escapes", []string{`Newauth realm="apps", title="x"`}, 0, "title", `Login to "apps" \o/`, 0, `Newauth realm="apps", title="Login to \"apps\" \\o/"`},
	{"spaces around = and the case of the name are kept", []string{`basic   REALM = "a" ,charset=x`}, 0, "realm", "b", 0, `basic   REALM = "b" ,charset=x`},
	{"the second challenge of a line",
		[]string{`Basic realm="a", Bearer realm="a", scope="s", Digest realm="a", nonce="n"`},
		1, "realm", "b", 0, `Basic realm="a", Bearer realm="b", scope="s", Digest realm="a", nonce="n"`},
	{"a later line", []string{`Basic realm="a"`, `Bearer realm="a"`, `Digest realm="a", nonce="n"`}, 2, "nonce", "m", 2, `Digest realm="a", nonce="m"`},
	{"a parameter on the line after its scheme", []string{`Basic realm="a"`, ` charset=x `}, 0, "charset", "y", 1, ` charset=y `},
	{"a value holding a quoted-pair", []string{`X a="\"q\"", b=1`}, 0, "a", "r", 0, `X a="r", b=1`},
	{"an ext-value", []string{`X title*=UTF-8''a`}, 0, "title*", "UTF-8''J%C3%A4s", 0, `X title*=UTF-8''J%C3%A4s`},
	{"added after the last parameter", []string{`Bearer realm="a", scope="s", Basic realm="b"`}, 0, "error", "invalid_token", 0, `Bearer realm="a", scope="s", error="invalid_token", Basic realm="b"`},
	{"added on the line of the last parameter", []string{`Bearer realm="a",`, `scope="s"`, `Basic`}, 0, "x", "1", 1, `scope="s", x=1`},
	{"added to a bare scheme", []string{`Bearer, Basic realm="x"`}, 0, "error", "invalid_token", 0, `Bearer error="invalid_token", Basic realm="x"`},
	{"added to a bare scheme followed by a space", []string{`Negotiate , Basic realm="x"`}, 0, "x", "1", 0, `Negotiate x=1 , Basic realm="x"`},
	{"added to the last challenge", []string{`Basic realm="x", Bearer`}, 1, "realm", "y", 0, `Basic realm="x", Bearer realm="y"`},
}

func TestEditorSetParam(t *testing.T) {
	var ed httpauth.Editor
	for _, tt := range setParamTests {
		dst := []byte("prefix:")
		got, line, err := ed.AppendSetParam(dst, tt.lines, tt.i, tt.param, tt.val)
		if err != nil || line != tt.line || string(got) != "prefix:"+tt.want {
			t.Errorf("%s: AppendSetParam(%q, %d, %q, %q) = %q, %d, %v, want %q, %d", tt.name, tt.lines, tt.i, tt.param, tt.val, got, line, err, "prefix:"+tt.want, tt.line)
			continue
		}
		checkSetParam(t, tt.lines, tt.i, tt.param, tt.val, line, string(got[len("prefix:"):]))
	}
}

// checkSetParam checks that the field with line changed to out parses to
// the challenges of lines with parameter name of challenge i set to value.
func checkSetParam(t *testing.T, lines []string, i int, name, value string, line int, out string) {
	t.Helper()
	p := httpauth.Parser{Limits: noLimits}
	want, err := p.ParseChallenges(nil, lines...)
	if err != nil {
		t.Fatalf("the original %q does not parse: %v", lines, err)
	}
	want[i].Params = append(httpauth.Params(nil), want[i].Params...)
	want[i].Params.Set(name, value)
	checkEdited(t, lines, line, out, want)
}

// checkEdited checks that lines with line replaced by out parse strictly
// to want.
func checkEdited(t *testing.T, lines []string, line int, out string, want []httpauth.Challenge) {
	t.Helper()
	edited := append([]string(nil), lines...)
	edited[line] = out
	p := httpauth.Parser{Limits: noLimits}
	got, err := p.ParseChallenges(nil, edited...)
	if err != nil {
		t.Fatalf("edited field %q does not parse: %v", edited, err)
	}
	if diff := cmp.Diff(want, got, equateEmptyParams); diff != "" {
		t.Fatalf("edited field %q of %q (-want +got):\n%s", edited, lines, diff)
	}
}

func TestEditorSetParamRefusals(t *testing.T) {
	var ed httpauth.Editor
	var se *httpauth.SyntaxError
	for _, tt := range []struct {
		name       string
		lines      []string
		i          int
		param, val string
		is         error // the error, or what it wraps
		as         any   // or its type
	}{
		{"CRLF in the value", []string{`Basic realm="a"`}, 0, "realm", "x\r\nSet-Cookie: a=b", httpauth.ErrControl, nil},
		{"CRLF in a new value", []string{`Basic realm="a"`}, 0, "title", "x\nX: y", httpauth.ErrControl, nil},
		{"NUL", []string{`Basic realm="a"`}, 0, "realm", "\x00", httpauth.ErrControl, nil},
		{"non-ASCII", []string{`Basic realm="a"`}, 0, "realm", "caf\u00e9", httpauth.ErrNonASCII, nil},
		{"not an ext-value", []string{`X t*=UTF-8''a`}, 0, "t*", "x y", httpauth.ErrExtValue, nil},
		{"a name that is not a token", []string{`Basic realm="a"`}, 0, "a b", "x", httpauth.ErrNotToken, nil},
		{"a name that is not a token, beside a token68", []string{`Negotiate abc`}, 0, "a\r\nb", "x", httpauth.ErrNotToken, nil},
		{"an empty name", []string{`Basic realm="a"`}, 0, "", "x", httpauth.ErrNotToken, nil},
		{"a parameter beside a token68", []string{`Negotiate YIIBdg==`}, 0, "realm", "x", httpauth.ErrToken68WithParams, nil},
		{"no such challenge", []string{`Basic realm="a"`}, 1, "realm", "x", httpauth.ErrNoChallenge, nil},
		{"a negative index", []string{`Basic realm="a"`}, -1, "realm", "x", httpauth.ErrNoChallenge, nil},
		{"an empty field", []string{``}, 0, "realm", "x", httpauth.ErrNoChallenge, nil},
		{"no field", nil, 0, "realm", "x", httpauth.ErrNoChallenge, nil},
		{"a field that does not parse", []string{`Basic realm="a`}, 0, "realm", "x", nil, &se},
		{"a field that parses only leniently", []string{`AWS4-HMAC-SHA256 Credential=AK/2015/us/iam/aws4_request`}, 0, "Credential", "x", nil, &se},
		{"an error after the challenge", []string{`Basic realm="a", JWT realm=gin jwt`}, 0, "realm", "x", nil, &se},
	} {
		got, line, err := ed.AppendSetParam([]byte("prefix:"), tt.lines, tt.i, tt.param, tt.val)
		switch {
		case tt.is != nil && !errors.Is(err, tt.is):
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.is)
		case tt.as != nil && !errors.As(err, tt.as):
			t.Errorf("%s: err = %v, want a %T", tt.name, err, tt.as)
		}
		if string(got) != "prefix:" || line != -1 {
			t.Errorf("%s: wrote %q (line %d) on error, want dst unchanged and -1", tt.name, got, line)
		}
		if err != nil && strings.Contains(err.Error(), "Set-Cookie") {
			t.Errorf("%s: the error quotes the value: %v", tt.name, err)
		}
		var ee *httpauth.EncodeError
		if errors.As(err, &ee) && ee.Index < 0 && !errors.Is(err, httpauth.ErrToken68WithParams) {
			t.Errorf("%s: %v: Index %d, want the index of the parameter", tt.name, err, ee.Index)
		}
	}
}

var removeTests = []struct {
	name  string
	lines []string
	i     int
	line  int
	want  string
}{
	{"the first of three", []string{`Basic realm="a", Bearer realm="b", Digest nonce="n"`}, 0, 0, `Bearer realm="b", Digest nonce="n"`},
	{"the middle one", []string{`Basic realm="a", Bearer realm="b", scope="s", Digest nonce="n"`}, 1, 0, `Basic realm="a", Digest nonce="n"`},
	{"the last one", []string{`Basic realm="a", Bearer realm="b"`}, 1, 0, `Basic realm="a"`},
	{"the only one", []string{`Basic realm="a"`}, 0, 0, ``},
	{"spaces around are kept", []string{`  Basic realm="a"  `}, 0, 0, `    `},
	{"odd separators are kept", []string{`Basic realm="a" ,Bearer ,  ,Digest`}, 1, 0, `Basic realm="a" ,  ,Digest`},
	{"odd separators after the first", []string{` , Basic realm="a" ,Bearer ,  ,Digest`}, 0, 0, ` , Bearer ,  ,Digest`},
	{"a token68", []string{`Negotiate YIIBdg==, Basic realm="a"`}, 0, 0, `Basic realm="a"`},
	{"a token68 last", []string{`Basic realm="a", Negotiate YIIBdg==`}, 1, 0, `Basic realm="a"`},
	{"a bare scheme", []string{`Basic realm="a", Bearer, Negotiate`}, 1, 0, `Basic realm="a", Negotiate`},
	{"a line of its own", []string{`Basic realm="a"`, `Bearer realm="b"`, `Digest nonce="n"`}, 1, 1, ``},
	{"first on a later line", []string{`Basic realm="a"`, `Bearer realm="b", Digest nonce="n"`}, 1, 1, `Digest nonce="n"`},
	{"after a challenge that ends a line", []string{`Basic realm="a",`, `Bearer realm="b"`}, 1, 1, ``},
}

func TestEditorRemoveChallenge(t *testing.T) {
	var ed httpauth.Editor
	for _, tt := range removeTests {
		got, line, err := ed.AppendRemoveChallenge([]byte("prefix:"), tt.lines, tt.i)
		if err != nil || line != tt.line || string(got) != "prefix:"+tt.want {
			t.Errorf("%s: AppendRemoveChallenge(%q, %d) = %q, %d, %v, want %q, %d", tt.name, tt.lines, tt.i, got, line, err, "prefix:"+tt.want, tt.line)
			continue
		}
		checkRemoved(t, tt.lines, tt.i, line, string(got[len("prefix:"):]))
	}
	for _, tt := range []struct {
		lines []string
		i     int
		is    error
	}{
		{[]string{`Basic realm="a"`, `charset=x`}, 0, httpauth.ErrChallengeSpansLines},
		{[]string{`Basic realm="a", Bearer realm="b",`, `scope="s"`}, 1, httpauth.ErrChallengeSpansLines},
		{[]string{`Basic realm="a"`}, 1, httpauth.ErrNoChallenge},
		{[]string{`Basic realm="a`}, 0, nil},
	} {
		got, line, err := ed.AppendRemoveChallenge([]byte("prefix:"), tt.lines, tt.i)
		var se *httpauth.SyntaxError
		if tt.is != nil && !errors.Is(err, tt.is) || tt.is == nil && !errors.As(err, &se) || string(got) != "prefix:" || line != -1 {
			t.Errorf("AppendRemoveChallenge(%q, %d) = %q, %d, %v, want dst unchanged, -1 and %v", tt.lines, tt.i, got, line, err, tt.is)
		}
	}
}

// checkRemoved checks that out is the line of lines with one contiguous
// run of bytes removed, and that the field then parses to the challenges
// of lines without challenge i.
func checkRemoved(t *testing.T, lines []string, i, line int, out string) {
	t.Helper()
	in := lines[line]
	d := len(in) - len(out)
	p := 0
	for p < len(out) && in[p] == out[p] {
		p++
	}
	if d <= 0 || in[p+d:] != out[p:] {
		t.Fatalf("removal from %q gave %q: not one run of bytes removed", in, out)
	}
	parser := httpauth.Parser{Limits: noLimits}
	want, err := parser.ParseChallenges(nil, lines...)
	if err != nil {
		t.Fatalf("the original %q does not parse: %v", lines, err)
	}
	want = append(want[:i:i], want[i+1:]...)
	checkEdited(t, lines, line, out, want)
}

func TestEditorAllocs(t *testing.T) {
	skipIfAllocsInflated(t)
	lines := []string{
		`Basic realm="a", charset=UTF-8`,
		`Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"`,
	}
	escaped := []string{`Newauth realm="apps", type=1, title="Login to \"apps\""`, `Basic realm="x"`}
	var ed httpauth.Editor
	buf := make([]byte, 0, 256)
	for _, tt := range []struct {
		name string
		want float64
		f    func() ([]byte, int, error)
	}{
		{"set", 0, func() ([]byte, int, error) {
			return ed.AppendSetParam(buf[:0], lines, 1, "service", "registry.internal")
		}},
		{"add", 0, func() ([]byte, int, error) { return ed.AppendSetParam(buf[:0], lines, 1, "error", "invalid_token") }},
		{"remove", 0, func() ([]byte, int, error) { return ed.AppendRemoveChallenge(buf[:0], lines, 1) }},
		{"set, one escaped value", 1, func() ([]byte, int, error) { return ed.AppendSetParam(buf[:0], escaped, 1, "realm", "y") }},
	} {
		if _, _, err := tt.f(); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := testing.AllocsPerRun(100, func() {
			var err error
			if buf, _, err = tt.f(); err != nil {
				panic(err)
			}
		})
		if got != tt.want {
			t.Errorf("Editor %s: %v allocations, want %v", tt.name, got, tt.want)
		}
	}
}

// TestEditorKeepsNothing checks that an Editor holds no reference to the
// field after a call: its line can be collected.
func TestEditorKeepsNothing(t *testing.T) {
	var ed httpauth.Editor
	for _, edit := range []func(lines []string){
		func(lines []string) { ed.AppendSetParam(nil, lines, 1, "realm", "c") },
		func(lines []string) { ed.AppendRemoveChallenge(nil, lines, 0) },
		func(lines []string) { ed.AppendSetParam(nil, lines, 0, "realm", "c\n") }, // an error
	} {
		line := strings.Repeat("x", 10) + ` realm="a", Basic realm="b", x=1`
		line = strings.Clone(line) // on the heap, of its own
		wp := weak.Make(unsafe.StringData(line))
		edit([]string{line})
		line = ""
		runtime.GC()
		runtime.GC()
		if wp.Value() != nil {
			t.Errorf("the Editor keeps the field alive after the call")
		}
	}
}

// FuzzEditSetParam checks AppendSetParam on any field: it never panics;
// on error it writes nothing; on success the field, with the one line
// changed, parses to the original with that one parameter set.
func FuzzEditSetParam(f *testing.F) {
	for _, tt := range setParamTests {
		f.Add(strings.Join(tt.lines, "\n"), tt.i, tt.param, tt.val)
	}
	f.Add(`Basic realm="a", Bearer realm="b"`, 1, "realm", "x\r\ny")
	f.Add("Negotiate YII=", 0, "realm", "x")
	f.Fuzz(func(t *testing.T, field string, i int, name, value string) {
		lines := strings.Split(field, "\n")
		ed := httpauth.Editor{Limits: noLimits}
		out, line, err := ed.AppendSetParam([]byte("prefix:"), lines, i, name, value)
		if err != nil {
			if string(out) != "prefix:" || line != -1 {
				t.Fatalf("error %v, but wrote %q (line %d)", err, out, line)
			}
			checkEditError(t, err)
			return
		}
		checkSetParam(t, lines, i, name, value, line, string(out[len("prefix:"):]))
	})
}

// FuzzEditRemoveChallenge checks AppendRemoveChallenge on any field as
// FuzzEditSetParam does, and that the changed line is the original one
// with one run of bytes removed.
func FuzzEditRemoveChallenge(f *testing.F) {
	for _, tt := range removeTests {
		f.Add(strings.Join(tt.lines, "\n"), tt.i)
	}
	f.Fuzz(func(t *testing.T, field string, i int) {
		lines := strings.Split(field, "\n")
		ed := httpauth.Editor{Limits: noLimits}
		out, line, err := ed.AppendRemoveChallenge([]byte("prefix:"), lines, i)
		if err != nil {
			if string(out) != "prefix:" || line != -1 {
				t.Fatalf("error %v, but wrote %q (line %d)", err, out, line)
			}
			checkEditError(t, err)
			return
		}
		checkRemoved(t, lines, i, line, string(out[len("prefix:"):]))
	})
}

// checkEditError fails unless err is one an edit documents: a syntax error
// of the field, a refused value or name, or a challenge that is missing or
// spans lines.
func checkEditError(t *testing.T, err error) {
	t.Helper()
	var se *httpauth.SyntaxError
	var ee *httpauth.EncodeError
	if !errors.As(err, &se) && !errors.As(err, &ee) && !errors.Is(err, httpauth.ErrNoChallenge) && !errors.Is(err, httpauth.ErrChallengeSpansLines) {
		t.Fatalf("unexpected error %T: %v", err, err)
	}
}
