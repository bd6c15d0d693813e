package httpauth_test

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"
	"unsafe"
	"weak"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
)

func TestParseChallenge(t *testing.T) {
	c, err := httpauth.ParseChallenge(`Basic realm="x"`)
	if err != nil || !cmp.Equal(c, ch("Basic", "realm", "x")) {
		t.Errorf("ParseChallenge(%q) = %v, %v, want %v", `Basic realm="x"`, c, err, ch("Basic", "realm", "x"))
	}
	for _, in := range []string{``, `, ,`, `Basic, Bearer`, `Basic realm="x", Bearer`, `Basic realm="x`} {
		c, err := httpauth.ParseChallenge(in)
		var se *httpauth.SyntaxError
		if !errors.As(err, &se) || !cmp.Equal(c, httpauth.Challenge{}, equateEmptyParams) {
			t.Errorf("ParseChallenge(%q) = %v, %v, want the zero Challenge and a *SyntaxError", in, c, err)
		}
	}
	var c2 httpauth.Challenge
	if err := c2.UnmarshalText([]byte(`Negotiate YII=`)); err != nil || !cmp.Equal(c2, ch68("Negotiate", "YII="), equateEmptyParams) {
		t.Errorf("UnmarshalText(%q) = %v, %v", `Negotiate YII=`, c2, err)
	}
	if got := httpauth.MustParseChallenge(`Bearer`); got.Scheme != "Bearer" {
		t.Errorf("MustParseChallenge(%q) = %v", `Bearer`, got)
	}
	defer func() {
		if recover() == nil {
			t.Errorf("MustParseChallenge(%q) did not panic", `Basic, x`)
		}
	}()
	httpauth.MustParseChallenge(`Basic, x`)
}

// TestToken68CredentialsFastPath covers the inputs at the edge of the
// "scheme SP token68" fast path of ParseCredentials: each must give what
// the grammar gives (written by hand here), limits included, and a call
// that takes the fast path must not leave the previous call's warnings.
func TestToken68CredentialsFastPath(t *testing.T) {
	tests := []struct {
		in      string
		want    httpauth.Credentials
		wantOff int // -1: no error
	}{
		{"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", httpauth.Credentials{Scheme: "Basic", Token68: "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}, -1},
		{"Bearer a.b-c_d~e+f/g", httpauth.Credentials{Scheme: "Bearer", Token68: "a.b-c_d~e+f/g"}, -1},
		{"X a=", httpauth.Credentials{Scheme: "X", Token68: "a="}, -1},
		{"X  abc", httpauth.Credentials{Scheme: "X", Token68: "abc"}, -1}, // 1*SP
		{"X abc ", httpauth.Credentials{Scheme: "X", Token68: "abc"}, -1}, // trailing OWS
		{" X abc", httpauth.Credentials{Scheme: "X", Token68: "abc"}, -1}, // leading OWS
		{"X abc=d", httpauth.Credentials{Scheme: "X", Params: httpauth.Params{{Name: "abc", Value: "d"}}}, -1},
		{"X =abc", httpauth.Credentials{}, 0},    // "X =" is a parameter (BWS)
		{"X a==b", httpauth.Credentials{}, 4},    // neither token68 nor param
		{"X\tabc", httpauth.Credentials{}, 1},    // HTAB after the scheme
		{"X abc,", httpauth.Credentials{}, 5},    // a comma after a token68
		{"X ab\x00c", httpauth.Credentials{}, 4}, // NUL
	}
	var p httpauth.Parser
	for _, tt := range tests {
		for _, lenient := range []bool{false, true} {
			p.Lenient = lenient
			got, err := p.ParseCredentials(nil, tt.in)
			var se *httpauth.SyntaxError
			switch {
			case tt.wantOff < 0 && err != nil:
				t.Errorf("ParseCredentials(%q) (lenient %v) error %v", tt.in, lenient, err)
			case tt.wantOff >= 0 && !lenient && (!errors.As(err, &se) || se.Offset != tt.wantOff):
				t.Errorf("ParseCredentials(%q) error %v, want one at offset %d", tt.in, err, tt.wantOff)
			}
			if tt.wantOff >= 0 {
				continue // lenient mode may recover: testdata/lenient covers that
			}
			if err == nil && !cmp.Equal(got, tt.want, equateEmpty) {
				t.Errorf("ParseCredentials(%q) (lenient %v) = %#v, want %#v", tt.in, lenient, got.GoString(), tt.want.GoString())
			}
		}
	}

	// The line limit holds on the fast path too.
	p = httpauth.Parser{Limits: httpauth.Limits{MaxLineBytes: 8}}
	if _, err := p.ParseCredentials(nil, "Basic abc"); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("9 bytes with MaxLineBytes 8: error %v, want ErrLimit", err)
	}
	if _, err := p.ParseCredentials(nil, "Basic ab"); err != nil {
		t.Errorf("8 bytes with MaxLineBytes 8: error %v", err)
	}

	// Warnings belong to the last call.
	p = httpauth.Parser{Lenient: true}
	if _, err := p.ParseCredentials(nil, "Basic;abc"); err != nil || len(p.Warnings()) != 1 {
		t.Fatalf("lenient Basic;abc: %v, %d warnings; want 1", err, len(p.Warnings()))
	}
	if _, err := p.ParseCredentials(nil, "Basic abc"); err != nil || len(p.Warnings()) != 0 {
		t.Errorf("Basic abc after a warning: %v, %d warnings; want none", err, len(p.Warnings()))
	}
}

// TestPoolReleasesInput checks that the convenience functions, which parse
// into pooled scratch space, leave nothing of their input referenced from
// the pool, on success and on every error path: one garbage collection
// after the call (the pool keeps its objects for one more), the input is
// gone. A Digest response left in the pool would stay in memory as long as
// the process runs quietly.
func TestPoolReleasesInput(t *testing.T) {
	// Each parse first gives the pooled scratch space room for several
	// challenges and params, which the call under test then writes into.
	parsers := map[string]func(string){
		"ParseChallenges": func(s string) {
			httpauth.ParseChallenges(`Digest a=1, b=2, c=3, d=4, Basic realm=x, Bearer y=1`)
			httpauth.ParseChallenges(s)
		},
		"ParseCredentials": func(s string) {
			httpauth.ParseCredentials(`Digest a=1, b=2, c=3, d=4`)
			httpauth.ParseCredentials(s)
		},
		"ParseParams": func(s string) {
			httpauth.ParseParams(`a=1, b=2, c=3, d=4`)
			httpauth.ParseParams(s)
		},
	}
	inputs := []string{
		`Digest username="u", response="SECRETSECRETSECRET", uri="/x"`, // valid
		`Digest username="u", response="SECRETSECRETSECRET", uri=`,     // error after params
		`Digest username="u", response="SECRETSECRETSECRET", uri="/x", Basic realm=, x`,
		`Basic realm="x", Digest nonce="SECRETSECRETSECRET", qop=`,
		`username="u", response="SECRETSECRETSECRET", uri=`,
		`response="SECRETSECRETSECRET", response="again"`, // duplicate
		`Bearer SECRETSECRETSECRET==`,
		`Bearer SECRETSECRETSECRET== x`,
	}
	for name, parse := range parsers {
		for _, in := range inputs {
			if alive := parseAndForget(parse, in); alive() {
				t.Errorf("%s(%q): the input is still reachable after the call and a garbage collection", name, in)
			}
		}
	}
}

// parseAndForget copies in to memory of its own, parses it with parse,
// keeps no reference to it and returns a function that reports, after one
// garbage collection, whether that memory is still reachable.
func parseAndForget(parse func(string), in string) func() bool {
	b := []byte(in)
	wp := weak.Make(&b[0])
	parse(unsafe.String(&b[0], len(b)))
	return func() bool {
		runtime.GC()
		return wp.Value() != nil
	}
}

// TestParserSharedPanics shares one Parser between two goroutines, which
// the documentation forbids, and requires the misuse to fail loudly: a
// panic with the documented message, rather than wrong results. The race
// detector reports the misuse itself, so the test is skipped under it.
func TestParserSharedPanics(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector reports a shared Parser as a data race")
	}
	var p httpauth.Parser
	const rounds = 2_000_000
	in := `Digest realm="a", nonce="b", qop="auth", opaque="c", algorithm=MD5`
	panics := make(chan any, 2)
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics <- recover() }()
			var dst []httpauth.Challenge
			for i := 0; i < rounds; i++ {
				dst, _ = p.ParseChallenges(dst[:0], in)
			}
		}()
	}
	wg.Wait()
	close(panics)
	seen := false
	for r := range panics {
		if r == nil {
			continue
		}
		err, ok := r.(error)
		if !ok || !strings.Contains(err.Error(), "used by two goroutines at once") {
			t.Fatalf("a shared Parser panicked with %v, want the documented message", r)
		}
		seen = true
	}
	if !seen {
		t.Fatalf("two goroutines made %d calls each on one Parser and neither panicked", rounds)
	}
}

func TestUnquote(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		err    bool
		offset int
	}{
		{`""`, "", false, 0},
		{`"abc"`, "abc", false, 0},
		{"\"a b\tc\"", "a b\tc", false, 0},
		{`"a b\tc"`, "a btc", false, 0}, // \t is the quoted-pair of t
		{`"a\"b"`, `a"b`, false, 0},
		{`"a\\b"`, `a\b`, false, 0},
		{`"a\nb"`, "anb", false, 0},     // not a newline (decision 11)
		{`"\r\n"`, "rn", false, 0},      // idem
		{`"\x41"`, "x41", false, 0},     // no Go hex escapes
		{`"\u00e9"`, "u00e9", false, 0}, // no Go unicode escapes
		{"\"\\\xe9\"", "\xe9", false, 0},
		{"\"\xe9t\xe9\"", "\xe9t\xe9", false, 0},
		{`"a,b=c"`, "a,b=c", false, 0},
		{``, "", true, 0},
		{`abc`, "", true, 0},
		{`'abc'`, "", true, 0},
		{`"abc`, "", true, 0},
		{`"abc\"`, "", true, 0},
		{`"abc\`, "", true, 0},
		{`"abc"d`, "", true, 5},
		{`"a" `, "", true, 3},
		{"\"a\x00\"", "", true, 2},
		{"\"a\r\n\"", "", true, 2},
		{"\"a\x7f\"", "", true, 2},
		{"\"a\\\x01\"", "", true, 3},
	}
	for _, tt := range tests {
		got, err := httpauth.Unquote(tt.in)
		if tt.err {
			var se *httpauth.SyntaxError
			if !errors.As(err, &se) || se.Offset != tt.offset {
				t.Errorf("Unquote(%q) = %q, %v, want a *SyntaxError at offset %d", tt.in, got, err, tt.offset)
			}
		} else if err != nil || got != tt.want {
			t.Errorf("Unquote(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
		}

		dst := []byte("prefix:")
		gotB, err := httpauth.AppendUnquote(dst, tt.in)
		switch {
		case tt.err:
			var se *httpauth.SyntaxError
			if !errors.As(err, &se) || se.Offset != tt.offset || string(gotB) != "prefix:" {
				t.Errorf("AppendUnquote(%q, %q) = %q, %v, want %q and a *SyntaxError at offset %d", dst, tt.in, gotB, err, "prefix:", tt.offset)
			}
		case err != nil || string(gotB) != "prefix:"+tt.want:
			t.Errorf("AppendUnquote(%q, %q) = %q, %v, want %q", dst, tt.in, gotB, err, "prefix:"+tt.want)
		}
	}
}
