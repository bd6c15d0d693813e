package httpauth_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Table tests for the grammar decisions 1-12 of DESIGN.md. Expected values
// are written by hand from the RFC 9110 grammar, not copied from the code.

// ch builds a challenge from a scheme and name, value pairs.
func ch(scheme string, kv ...string) httpauth.Challenge {
	return httpauth.Challenge{Scheme: scheme, Params: ps(kv...)}
}

// ch68 builds a challenge with a token68.
func ch68(scheme, token68 string) httpauth.Challenge {
	return httpauth.Challenge{Scheme: scheme, Token68: token68}
}

// ps builds params from name, value pairs.
func ps(kv ...string) httpauth.Params {
	if len(kv)%2 != 0 {
		panic("ps: odd number of arguments")
	}
	var out httpauth.Params
	for i := 0; i < len(kv); i += 2 {
		out = append(out, httpauth.Param{Name: kv[i], Value: kv[i+1]})
	}
	return out
}

// equateEmptyParams makes nil and empty Params (and challenge slices) equal:
// whether an empty list is nil is not part of the contract.
var equateEmptyParams = cmpopts.EquateEmpty()

// errCase is the expected error of a table row: a *SyntaxError at Line and
// Offset, wrapping is (if set).
type errCase struct {
	line, offset int
	is           error
}

// wantErr builds the expected error of a row.
func wantErr(line, offset int) *errCase { return &errCase{line: line, offset: offset} }

// wantErrIs builds the expected error of a row that wraps a sentinel.
func wantErrIs(line, offset int, is error) *errCase {
	return &errCase{line: line, offset: offset, is: is}
}

// checkErr reports whether err matches want, and describes the mismatch.
func checkErr(err error, want *errCase) (ok bool, why string) {
	if want == nil {
		if err != nil {
			return false, "unexpected error " + err.Error()
		}
		return true, ""
	}
	if err == nil {
		return false, "no error"
	}
	var se *httpauth.SyntaxError
	if !errors.As(err, &se) {
		return false, "error is not a *SyntaxError: " + err.Error()
	}
	if se.Line != want.line || se.Offset != want.offset {
		return false, "error " + err.Error() + " at the wrong place"
	}
	if want.is != nil && !errors.Is(err, want.is) {
		return false, "error " + err.Error() + " does not wrap " + want.is.Error()
	}
	return true, ""
}

type challengeTest struct {
	decision string // the DESIGN.md decision the row checks
	lines    []string
	want     []httpauth.Challenge // on error: the challenges returned with it
	err      *errCase
}

var challengeTests = []challengeTest{
	// 1. Several field lines are one list; errors name the line.
	{"1", []string{`Basic realm="a"`, `Bearer realm="b"`}, []httpauth.Challenge{ch("Basic", "realm", "a"), ch("Bearer", "realm", "b")}, nil},
	{"1", []string{`Digest realm="a"`, `nonce="n"`}, []httpauth.Challenge{ch("Digest", "realm", "a", "nonce", "n")}, nil},
	{"1", []string{`Basic`, `realm="a"`}, []httpauth.Challenge{ch("Basic")}, wantErr(1, 0)}, // like "Basic, realm=..." (decision 4); Basic alone is complete
	{"1", []string{`Basic realm="a"`, ``, `  `, `Bearer`}, []httpauth.Challenge{ch("Basic", "realm", "a"), ch("Bearer")}, nil},
	{"1", []string{`Basic realm="a"`, `Bearer realm="b`}, []httpauth.Challenge{ch("Basic", "realm", "a")}, wantErr(1, 13)},
	{"1", []string{`Basic realm="a"`, `Bearer`, `Digest nonce=a/b`}, []httpauth.Challenge{ch("Basic", "realm", "a"), ch("Bearer")}, wantErr(2, 14)},
	{"1", []string{`Negotiate abc==`, `realm="x"`}, []httpauth.Challenge{ch68("Negotiate", "abc==")}, wantErr(1, 0)}, // a token68 challenge is complete

	// 2. "token BWS =" is a param of the current challenge; any other
	// token starts a new challenge.
	{"2", []string{`Basic realm="a", Bearer realm="b"`}, []httpauth.Challenge{ch("Basic", "realm", "a"), ch("Bearer", "realm", "b")}, nil},
	{"2", []string{`Basic realm="a", Foo =bar`}, []httpauth.Challenge{ch("Basic", "realm", "a", "Foo", "bar")}, nil},
	{"2", []string{`Basic realm="a", Foo = "bar"`}, []httpauth.Challenge{ch("Basic", "realm", "a", "Foo", "bar")}, nil},
	{"2", []string{`Basic realm="a", Bearer, Digest nonce="x"`}, []httpauth.Challenge{ch("Basic", "realm", "a"), ch("Bearer"), ch("Digest", "nonce", "x")}, nil},
	{"2", []string{`Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple"`}, []httpauth.Challenge{ch("Newauth", "realm", "apps", "type", "1", "title", `Login to "apps"`), ch("Basic", "realm", "simple")}, nil},
	{"2", []string{`realm="x"`}, nil, wantErr(0, 0)},
	{"2", []string{`Foo =`}, nil, wantErr(0, 0)},
	{"2", []string{`Basic;realm="x"`}, nil, wantErr(0, 5)},
	{"2", []string{`Basic realm="x" y`}, nil, wantErr(0, 16)},

	// 3. token68 versus params.
	{"3", []string{`Basic abc=`}, []httpauth.Challenge{ch68("Basic", "abc=")}, nil},
	{"3", []string{`Basic realm=`}, []httpauth.Challenge{ch68("Basic", "realm=")}, nil},
	{"3", []string{`Negotiate YII==`}, []httpauth.Challenge{ch68("Negotiate", "YII==")}, nil},
	{"3", []string{`Negotiate YIIBdg==`}, []httpauth.Challenge{ch68("Negotiate", "YIIBdg==")}, nil},
	{"3", []string{`Basic abc=def`}, []httpauth.Challenge{ch("Basic", "abc", "def")}, nil},
	{"3", []string{`Basic abc = def`}, []httpauth.Challenge{ch("Basic", "abc", "def")}, nil},
	{"3", []string{`Foo a==`}, []httpauth.Challenge{ch68("Foo", "a==")}, nil},
	{"3", []string{`Foo a==b`}, nil, wantErr(0, 6)},
	{"3", []string{`Foo abc`}, []httpauth.Challenge{ch68("Foo", "abc")}, nil},
	{"3", []string{`Foo a/b+c~d.e_f-g==`}, []httpauth.Challenge{ch68("Foo", "a/b+c~d.e_f-g==")}, nil},
	{"3", []string{`Negotiate abc=  , Basic realm="x"`}, []httpauth.Challenge{ch68("Negotiate", "abc="), ch("Basic", "realm", "x")}, nil},
	{"3", []string{`Basic abc=, realm="x"`}, []httpauth.Challenge{ch68("Basic", "abc=")}, wantErr(0, 12)},
	{"3", []string{`Basic abc def`}, nil, wantErr(0, 10)},
	{"3", []string{`Basic "abc"`}, nil, wantErr(0, 6)},
	{"3", []string{`Basic =abc`}, nil, wantErr(0, 0)}, // "token BWS =" is a param (decision 2), with no challenge

	// 4. Empty elements are skipped, also right after the scheme's space.
	{"4", []string{`, ,A, ,B,`}, []httpauth.Challenge{ch("A"), ch("B")}, nil},
	{"4", []string{`Basic , realm="x"`}, []httpauth.Challenge{ch("Basic", "realm", "x")}, nil},
	{"4", []string{`Scheme ,realm=x`}, []httpauth.Challenge{ch("Scheme", "realm", "x")}, nil},
	{"4", []string{`Basic realm="x" , , charset=UTF-8 ,`}, []httpauth.Challenge{ch("Basic", "realm", "x", "charset", "UTF-8")}, nil},
	{"4", []string{`Basic, realm="x"`}, []httpauth.Challenge{ch("Basic")}, wantErr(0, 7)},
	{"4", []string{`Basic ,`}, []httpauth.Challenge{ch("Basic")}, nil},

	// 5. Case is kept as written.
	{"5", []string{`BASIC REALM="x"`}, []httpauth.Challenge{ch("BASIC", "REALM", "x")}, nil},
	{"5", []string{`bAsIc rEaLm=X`}, []httpauth.Challenge{ch("bAsIc", "rEaLm", "X")}, nil},

	// 6. Duplicate names in one challenge are an error.
	{"6", []string{`Basic realm="a", realm="b"`}, nil, wantErrIs(0, 17, httpauth.ErrDuplicateParam)},
	{"6", []string{`Basic realm="a", REALM="b"`}, nil, wantErrIs(0, 17, httpauth.ErrDuplicateParam)},
	{"6", []string{`Basic realm="a", Digest nonce="1", Nonce="2"`}, []httpauth.Challenge{ch("Basic", "realm", "a")}, wantErrIs(0, 35, httpauth.ErrDuplicateParam)},
	{"6", []string{`Digest realm="a"`, `realm="b"`}, nil, wantErrIs(1, 0, httpauth.ErrDuplicateParam)},
	{"6", []string{`Basic realm="a", Bearer realm="a"`}, []httpauth.Challenge{ch("Basic", "realm", "a"), ch("Bearer", "realm", "a")}, nil},

	// 7. Values: tokens as is, quoted-strings unescaped; CTLs are errors
	// anywhere; obs-text only inside quoted-strings.
	{"7", []string{`Foo a=b, c="d e", f=""`}, []httpauth.Challenge{ch("Foo", "a", "b", "c", "d e", "f", "")}, nil},
	{"7", []string{`Foo a="x, y=z"`}, []httpauth.Challenge{ch("Foo", "a", "x, y=z")}, nil},
	{"7", []string{"Foo a=\"\xe9t\xe9\""}, []httpauth.Challenge{ch("Foo", "a", "\xe9t\xe9")}, nil},
	{"7", []string{"Foo a=\"tab\there\""}, []httpauth.Challenge{ch("Foo", "a", "tab\there")}, nil},
	{"7", []string{"Foo a=\"x\x00\""}, nil, wantErr(0, 8)},
	{"7", []string{"Foo a=\"x\r\ny\""}, nil, wantErr(0, 8)},
	{"7", []string{"Foo a=\"x\x7f\""}, nil, wantErr(0, 8)},
	{"7", []string{"Foo a=\"x\\\x00\""}, nil, wantErr(0, 9)},
	{"7", []string{"Fo\x00o a=b"}, nil, wantErr(0, 2)},
	{"7", []string{"Foo a=b\x01"}, nil, wantErr(0, 7)},
	{"7", []string{"Foo a=\xe9"}, nil, wantErr(0, 6)},
	{"7", []string{"Foo \xe9=b"}, nil, wantErr(0, 4)},
	{"7", []string{`Foo a="x`}, nil, wantErr(0, 6)},
	{"7", []string{`Foo a="x\"`}, nil, wantErr(0, 6)},
	{"7", []string{`Foo a="x\`}, nil, wantErr(0, 6)},
	{"7", []string{`Foo a=`}, []httpauth.Challenge{ch68("Foo", "a=")}, nil}, // decision 3: a token68
	{"7", []string{`Basic realm="x", charset=`}, nil, wantErr(0, 25)},
	{"7", []string{`Foo a=b/c`}, nil, wantErr(0, 7)},

	// 8. An empty field gives no challenges and no error.
	{"8", nil, nil, nil},
	{"8", []string{""}, nil, nil},
	{"8", []string{" , ,\t, "}, nil, nil},
	{"8", []string{"", ","}, nil, nil},

	// 9. Whitespace: line OWS ignored, 1*SP after the scheme (not HTAB),
	// BWS around "=".
	{"9", []string{"  \tBasic realm=\"x\"\t  "}, []httpauth.Challenge{ch("Basic", "realm", "x")}, nil},
	{"9", []string{`Basic    realm="x"`}, []httpauth.Challenge{ch("Basic", "realm", "x")}, nil},
	{"9", []string{"Basic\trealm=\"x\""}, nil, wantErr(0, 5)},
	{"9", []string{"Basic\tabc=="}, nil, wantErr(0, 5)},
	{"9", []string{"Basic realm\t=\t\"x\""}, []httpauth.Challenge{ch("Basic", "realm", "x")}, nil},
	{"9", []string{"Basic realm=\"x\"\t,\tcharset=UTF-8"}, []httpauth.Challenge{ch("Basic", "realm", "x", "charset", "UTF-8")}, nil},
	{"9", []string{"Basic\t"}, []httpauth.Challenge{ch("Basic")}, nil}, // trailing OWS of the line is not part of the value

	// 11. Quoted-pair is HTTP's: \x is the octet x.
	{"11", []string{`Bearer realm="a\nb"`}, []httpauth.Challenge{ch("Bearer", "realm", "anb")}, nil},
	{"11", []string{`Foo a="\t\r\0\x41"`}, []httpauth.Challenge{ch("Foo", "a", "tr0x41")}, nil},
	{"11", []string{`Foo a="a\\b\"c"`}, []httpauth.Challenge{ch("Foo", "a", `a\b"c`)}, nil},
	{"11", []string{`Foo a="\ "`}, []httpauth.Challenge{ch("Foo", "a", " ")}, nil},
	{"11", []string{"Foo a=\"\\\xe9\""}, []httpauth.Challenge{ch("Foo", "a", "\xe9")}, nil},

	// 12. The challenges completed before an error are returned with it.
	{"12", []string{`Basic realm="x", JWT realm=gin jwt`}, []httpauth.Challenge{ch("Basic", "realm", "x")}, wantErr(0, 31)},
	{"12", []string{`Basic realm="x", Bearer, Foo a==b`}, []httpauth.Challenge{ch("Basic", "realm", "x"), ch("Bearer")}, wantErr(0, 31)},
	{"12", []string{`Negotiate abc=, Basic realm="x`}, []httpauth.Challenge{ch68("Negotiate", "abc=")}, wantErr(0, 28)},
	{"12", []string{`Basic realm="x", charset=`}, nil, wantErr(0, 25)},
	// A challenge that cannot take params (a token68, a scheme alone) is
	// complete at its comma; one with params only when the next starts.
	{"12", []string{`Negotiate abc, =x`}, []httpauth.Challenge{ch68("Negotiate", "abc")}, wantErr(0, 15)},
	{"12", []string{`Basic realm="x", Bearer, "bad"`}, []httpauth.Challenge{ch("Basic", "realm", "x"), ch("Bearer")}, wantErr(0, 25)},
	{"12", []string{`Basic realm="x", "bad"`}, nil, wantErr(0, 17)},
}

func TestParseChallenges(t *testing.T) {
	for _, tt := range challengeTests {
		got, err := httpauth.ParseChallenges(tt.lines...)
		if ok, why := checkErr(err, tt.err); !ok {
			t.Errorf("decision %s: ParseChallenges(%q) = %v, %v: %s", tt.decision, tt.lines, got, err, why)
			continue
		}
		if !cmp.Equal(got, tt.want, equateEmptyParams) {
			t.Errorf("decision %s: ParseChallenges(%q) = %v, want %v", tt.decision, tt.lines, got, tt.want)
		}
		if err != nil {
			continue
		}
		// The same through a reused Parser and a dst with old contents.
		var p httpauth.Parser
		dst := []httpauth.Challenge{ch("Old", "a", "1", "b", "2", "c", "3"), ch("Old2", "x", "y")}
		got2, err := p.ParseChallenges(dst[:0], tt.lines...)
		if err != nil || !cmp.Equal(got2, tt.want, equateEmptyParams) {
			t.Errorf("decision %s: (*Parser).ParseChallenges(dst[:0], %q) = %v, %v, want %v", tt.decision, tt.lines, got2, err, tt.want)
		}
	}
}

func TestParseChallengesErrorNeverQuotesInput(t *testing.T) {
	_, err := httpauth.ParseChallenges(`Basic realm="s3cr3t`)
	if err == nil || strings.Contains(err.Error(), "s3cr3t") {
		t.Errorf("ParseChallenges error = %v, want an error that does not quote the input", err)
	}
}

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

type credentialsTest struct {
	decision string
	in       string
	want     httpauth.Credentials
	err      *errCase
}

func cred(scheme string, kv ...string) httpauth.Credentials {
	return httpauth.Credentials{Scheme: scheme, Params: ps(kv...)}
}

func cred68(scheme, token68 string) httpauth.Credentials {
	return httpauth.Credentials{Scheme: scheme, Token68: token68}
}

var credentialsTests = []credentialsTest{
	{"3", `Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==`, cred68("Basic", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="), nil},
	{"3", `Bearer mF_9.B5f-4.1JqM`, cred68("Bearer", "mF_9.B5f-4.1JqM"), nil},
	{"3", `Basic abc=def`, cred("Basic", "abc", "def"), nil},
	{"3", `Basic`, cred("Basic"), nil},
	{"3", `Digest username="Mufasa", realm="http-auth@example.org", nc=00000001, qop=auth`, cred("Digest", "username", "Mufasa", "realm", "http-auth@example.org", "nc", "00000001", "qop", "auth"), nil},
	{"4", `Digest , username="a" ,, realm="r",`, cred("Digest", "username", "a", "realm", "r"), nil},
	{"5", `DIGEST USERNAME="a"`, cred("DIGEST", "USERNAME", "a"), nil},
	{"6", `Digest username="a", Username="b"`, httpauth.Credentials{}, wantErrIs(0, 21, httpauth.ErrDuplicateParam)},
	{"7", "Basic a\x00", httpauth.Credentials{}, wantErr(0, 7)},
	{"8", ``, httpauth.Credentials{}, wantErrIs(0, 0, httpauth.ErrEmpty)},
	{"8", `  `, httpauth.Credentials{}, wantErrIs(0, 0, httpauth.ErrEmpty)},
	{"8", ` , , `, httpauth.Credentials{}, wantErrIs(0, 0, httpauth.ErrEmpty)},
	{"9", "Basic\tabc", httpauth.Credentials{}, wantErr(0, 5)},
	{"9", `  Basic abc  `, cred68("Basic", "abc"), nil},
	{"10", `Basic abc, Bearer def`, httpauth.Credentials{}, wantErr(0, 9)},
	{"10", `Basic abc,`, httpauth.Credentials{}, wantErr(0, 9)},
	{"10", `Digest username="a", Basic abc`, httpauth.Credentials{}, wantErr(0, 21)},
	{"10", `Digest username="a", Basic`, httpauth.Credentials{}, wantErr(0, 21)},
	{"10", `Basic, Bearer`, httpauth.Credentials{}, wantErr(0, 5)},
	{"10", `Basic,`, httpauth.Credentials{}, wantErr(0, 5)}, // Authorization is not a list
	{"11", `Foo a="x\yz"`, cred("Foo", "a", "xyz"), nil},
	{"7", `AWS4-HMAC-SHA256 Credential=AKID/2015, Signature=abc`, httpauth.Credentials{}, wantErr(0, 32)},
}

func TestParseCredentials(t *testing.T) {
	for _, tt := range credentialsTests {
		got, err := httpauth.ParseCredentials(tt.in)
		if ok, why := checkErr(err, tt.err); !ok {
			t.Errorf("decision %s: ParseCredentials(%q) = %#v, %v: %s", tt.decision, tt.in, got, err, why)
			continue
		}
		if !cmp.Equal(plain(got), plain(tt.want), equateEmptyParams) {
			t.Errorf("decision %s: ParseCredentials(%q) = %+v, want %+v", tt.decision, tt.in, plain(got), plain(tt.want))
		}
		var p httpauth.Parser
		got2, err2 := p.ParseCredentials(ps("old", "1", "old2", "2")[:0], tt.in)
		if !cmp.Equal(plain(got2), plain(got), equateEmptyParams) || (err == nil) != (err2 == nil) {
			t.Errorf("decision %s: (*Parser).ParseCredentials(dst, %q) = %+v, %v, want %+v, %v", tt.decision, tt.in, plain(got2), err2, plain(got), err)
		}
	}
	if got := httpauth.MustParseCredentials(`Basic abc`); got.Token68 != "abc" {
		t.Errorf("MustParseCredentials(%q).Token68 = %q, want %q", `Basic abc`, got.Token68, "abc")
	}
}

// plain strips the redacting methods of Credentials so that test failures
// show the values.
func plain(c httpauth.Credentials) plainCredentials {
	return plainCredentials{Scheme: c.Scheme, Token68: c.Token68, Params: c.Params}
}

type paramsTest struct {
	decision string
	lines    []string
	want     httpauth.Params
	err      *errCase
}

var paramsTests = []paramsTest{
	{"1", []string{`nextnonce="abc", qop=auth`, `rspauth="def"`}, ps("nextnonce", "abc", "qop", "auth", "rspauth", "def"), nil},
	{"1", []string{`a=1`, `a=2`}, nil, wantErrIs(1, 0, httpauth.ErrDuplicateParam)},
	{"4", []string{`, ,a=1, ,b="2",`}, ps("a", "1", "b", "2"), nil},
	{"6", []string{`a=1, A=2`}, nil, wantErrIs(0, 5, httpauth.ErrDuplicateParam)},
	{"7", []string{`a="x\"y"`}, ps("a", `x"y`), nil},
	{"7", []string{`a=`}, nil, wantErr(0, 2)},
	{"7", []string{`a`}, nil, wantErr(0, 1)},
	{"7", []string{`a b=c`}, nil, wantErr(0, 2)},
	{"7", []string{`a=="x"`}, nil, wantErr(0, 2)},
	{"7", []string{`abc==`}, nil, wantErr(0, 4)},
	{"7", []string{`"a"=b`}, nil, wantErr(0, 0)},
	{"8", nil, nil, nil},
	{"8", []string{``}, nil, nil},
	{"8", []string{` , `}, nil, nil},
	{"9", []string{"\ta \t= \"b\" "}, ps("a", "b"), nil},
}

func TestParseParams(t *testing.T) {
	for _, tt := range paramsTests {
		got, err := httpauth.ParseParams(tt.lines...)
		if ok, why := checkErr(err, tt.err); !ok {
			t.Errorf("decision %s: ParseParams(%q) = %v, %v: %s", tt.decision, tt.lines, got, err, why)
			continue
		}
		if !cmp.Equal(got, tt.want, equateEmptyParams) {
			t.Errorf("decision %s: ParseParams(%q) = %v, want %v", tt.decision, tt.lines, got, tt.want)
		}
		var p httpauth.Parser
		prefix := ps("keep", "me")
		got2, err2 := p.ParseParams(prefix, tt.lines...)
		want2 := append(ps("keep", "me"), tt.want...)
		if !cmp.Equal(got2, want2, equateEmptyParams) || (err == nil) != (err2 == nil) {
			t.Errorf("decision %s: (*Parser).ParseParams(%v, %q) = %v, %v, want %v", tt.decision, prefix, tt.lines, got2, err2, want2)
		}
	}
}

// TestParserReuse checks that a Parser reused with dst[:0] gives the same
// results as fresh calls, and that the old contents of dst do not leak into
// the new results.
func TestParserReuse(t *testing.T) {
	inputs := [][]string{
		{`Digest realm="a", nonce="b", qop="auth", opaque="c"`, `Basic realm="x"`},
		{`Bearer`},
		{`Negotiate YII=, Basic realm="y", charset=UTF-8`},
		{`Basic realm="only"`},
		{``},
		{`Basic realm="z", Bearer realm="b`}, // error: partial result
		{`A a=1, B b=2, C c=3, D d=4`},
		{`Bearer realm="esc\"aped"`},
	}
	var p httpauth.Parser
	var dst []httpauth.Challenge
	for round := 0; round < 2; round++ {
		for _, lines := range inputs {
			want, wantErr := httpauth.ParseChallenges(lines...)
			var err error
			dst, err = p.ParseChallenges(dst[:0], lines...)
			if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
				t.Errorf("(*Parser).ParseChallenges(dst[:0], %q) error = %v, want %v", lines, err, wantErr)
			}
			if !cmp.Equal(dst, want, equateEmptyParams) {
				t.Errorf("(*Parser).ParseChallenges(dst[:0], %q) = %v, want %v", lines, dst, want)
			}
		}
	}

	// Appending keeps what dst holds.
	first := []httpauth.Challenge{ch("First", "a", "b")}
	got, err := p.ParseChallenges(first, `Basic realm="x"`, `Bearer`)
	want := []httpauth.Challenge{ch("First", "a", "b"), ch("Basic", "realm", "x"), ch("Bearer")}
	if err != nil || !cmp.Equal(got, want, equateEmptyParams) {
		t.Errorf("(*Parser).ParseChallenges(%v, ...) = %v, %v, want %v", first, got, err, want)
	}

	// Credentials and params through the same Parser, between challenges.
	c, err := p.ParseCredentials(nil, `Digest username="u", response="r"`)
	if err != nil || !cmp.Equal(plain(c), plain(cred("Digest", "username", "u", "response", "r")), equateEmptyParams) {
		t.Errorf("(*Parser).ParseCredentials after challenges = %+v, %v", plain(c), err)
	}
	pl, err := p.ParseParams(nil, `nextnonce="n"`)
	if err != nil || !cmp.Equal(pl, ps("nextnonce", "n")) {
		t.Errorf("(*Parser).ParseParams after credentials = %v, %v", pl, err)
	}
}

// lineOf returns `Basic realm="xxx..."` of exactly n bytes (n >= 14).
func lineOf(n int) string {
	return `Basic realm="` + strings.Repeat("x", n-14) + `"`
}

// challengesLine returns n challenges "S0, S1, ..." on one line, and the
// offset of the last one.
func challengesLine(n int) (string, int) {
	var b strings.Builder
	last := 0
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		last = b.Len()
		b.WriteString("S")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(string(rune('a' + i%26)))
	}
	return b.String(), last
}

// paramsLine returns "p0=v, p1=v, ..." with n distinct names, and the
// offset of the last name.
func paramsLine(n int) (string, int) {
	var b strings.Builder
	last := 0
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		last = b.Len()
		b.WriteString("p")
		for v := i; ; v /= 10 {
			b.WriteByte(byte('0' + v%10))
			if v < 10 {
				break
			}
		}
		b.WriteString("=v")
	}
	return b.String(), last
}

func TestLimits(t *testing.T) {
	type limitTest struct {
		name   string
		limits httpauth.Limits
		lines  []string
		n      int      // challenges expected (also on error: decision 12)
		err    *errCase // wraps ErrLimit
	}
	var tests []limitTest

	// Bytes per field line: exactly at the bound passes, one more fails at
	// the offset of the bound.
	tests = append(tests,
		limitTest{"line default at", httpauth.Limits{}, []string{lineOf(httpauth.DefaultMaxLineBytes)}, 1, nil},
		limitTest{"line default past", httpauth.Limits{}, []string{lineOf(httpauth.DefaultMaxLineBytes + 1)}, 0, wantErrIs(0, httpauth.DefaultMaxLineBytes, httpauth.ErrLimit)},
		limitTest{"line default past second line", httpauth.Limits{}, []string{`Bearer`, lineOf(httpauth.DefaultMaxLineBytes + 1)}, 1, wantErrIs(1, httpauth.DefaultMaxLineBytes, httpauth.ErrLimit)},
		limitTest{"line 20 at", httpauth.Limits{MaxLineBytes: 20}, []string{lineOf(20)}, 1, nil},
		limitTest{"line 20 past", httpauth.Limits{MaxLineBytes: 20}, []string{lineOf(21)}, 0, wantErrIs(0, 20, httpauth.ErrLimit)},
		limitTest{"line unlimited", httpauth.Limits{MaxLineBytes: -1}, []string{lineOf(100000)}, 1, nil},
	)

	// Challenges per field (all lines together).
	at, _ := challengesLine(httpauth.DefaultMaxChallenges)
	past, lastOff := challengesLine(httpauth.DefaultMaxChallenges + 1)
	three, off3 := challengesLine(3)
	many, _ := challengesLine(1000)
	tests = append(tests,
		limitTest{"challenges default at", httpauth.Limits{}, []string{at}, httpauth.DefaultMaxChallenges, nil},
		limitTest{"challenges default past", httpauth.Limits{}, []string{past}, httpauth.DefaultMaxChallenges, wantErrIs(0, lastOff, httpauth.ErrLimit)},
		limitTest{"challenges 2 at", httpauth.Limits{MaxChallenges: 2}, []string{`A, B`}, 2, nil},
		limitTest{"challenges 2 past", httpauth.Limits{MaxChallenges: 2}, []string{three}, 2, wantErrIs(0, off3, httpauth.ErrLimit)},
		limitTest{"challenges 2 past across lines", httpauth.Limits{MaxChallenges: 2}, []string{`A`, `B`, `C`}, 2, wantErrIs(2, 0, httpauth.ErrLimit)},
		limitTest{"challenges unlimited", httpauth.Limits{MaxChallenges: -1}, []string{many}, 1000, nil},
	)

	// Params per challenge.
	pAt, _ := paramsLine(httpauth.DefaultMaxParams)
	pPast, pLast := paramsLine(httpauth.DefaultMaxParams + 1)
	pMany, _ := paramsLine(2000)
	tests = append(tests,
		limitTest{"params default at", httpauth.Limits{}, []string{"X " + pAt}, 1, nil},
		limitTest{"params default past", httpauth.Limits{}, []string{"X " + pPast}, 0, wantErrIs(0, 2+pLast, httpauth.ErrLimit)},
		limitTest{"params 2 at", httpauth.Limits{MaxParams: 2}, []string{`X a=1, b=2, Y c=3, d=4`}, 2, nil},
		limitTest{"params 2 past", httpauth.Limits{MaxParams: 2}, []string{`X a=1, b=2, Y c=3, d=4, e=5`}, 1, wantErrIs(0, 24, httpauth.ErrLimit)},
		limitTest{"params unlimited", httpauth.Limits{MaxParams: -1, MaxLineBytes: -1}, []string{"X " + pMany}, 1, nil},
	)

	// Empty list elements in a row: k commas between two elements are k-1
	// empty elements.
	commas := func(k int) string { return "A" + strings.Repeat(",", k) + "B" }
	tests = append(tests,
		limitTest{"empty default at", httpauth.Limits{}, []string{commas(httpauth.DefaultMaxEmptyElements + 1)}, 2, nil},
		limitTest{"empty default past", httpauth.Limits{}, []string{commas(httpauth.DefaultMaxEmptyElements + 2)}, 1, wantErrIs(0, 1+httpauth.DefaultMaxEmptyElements+1, httpauth.ErrLimit)},
		limitTest{"empty default past with spaces", httpauth.Limits{}, []string{"A" + strings.Repeat(" ,", 18) + " B"}, 0, wantErrIs(0, 36, httpauth.ErrLimit)},
		limitTest{"empty 1 at", httpauth.Limits{MaxEmptyElements: 1}, []string{`A,,B`}, 2, nil},
		limitTest{"empty 1 past", httpauth.Limits{MaxEmptyElements: 1}, []string{`A,,,B`}, 1, wantErrIs(0, 3, httpauth.ErrLimit)},
		limitTest{"64 commas", httpauth.Limits{}, []string{strings.Repeat(",", 64)}, 0, wantErrIs(0, 16, httpauth.ErrLimit)},
		limitTest{"empty leading at", httpauth.Limits{}, []string{strings.Repeat(",", 16) + "A"}, 1, nil},
		limitTest{"empty leading past", httpauth.Limits{}, []string{strings.Repeat(",", 17) + "A"}, 0, wantErrIs(0, 16, httpauth.ErrLimit)},
		limitTest{"empty trailing at", httpauth.Limits{}, []string{"A" + strings.Repeat(",", 16)}, 1, nil},
		limitTest{"empty trailing past", httpauth.Limits{}, []string{"A" + strings.Repeat(",", 17)}, 1, wantErrIs(0, 18, httpauth.ErrLimit)},
	)

	for _, tt := range tests {
		p := httpauth.Parser{Limits: tt.limits}
		got, err := p.ParseChallenges(nil, tt.lines...)
		if ok, why := checkErr(err, tt.err); !ok {
			t.Errorf("%s: (*Parser{Limits: %+v}).ParseChallenges = %d challenges, %v: %s", tt.name, tt.limits, len(got), err, why)
			continue
		}
		if len(got) != tt.n {
			t.Errorf("%s: (*Parser{Limits: %+v}).ParseChallenges = %d challenges, want %d", tt.name, tt.limits, len(got), tt.n)
		}
		if err != nil {
			var le *httpauth.LimitError
			if !errors.As(err, &le) || le.Limit <= 0 {
				t.Errorf("%s: error %v does not hold a *LimitError with its limit", tt.name, err)
			}
		}
	}

	// The package-level functions use the defaults.
	if _, err := httpauth.ParseChallenges(lineOf(httpauth.DefaultMaxLineBytes + 1)); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("ParseChallenges(<%d bytes>) error = %v, want ErrLimit", httpauth.DefaultMaxLineBytes+1, err)
	}
	if _, err := httpauth.ParseParams(pPast); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("ParseParams(<%d params>) error = %v, want ErrLimit", httpauth.DefaultMaxParams+1, err)
	}
	if _, err := httpauth.ParseParams(pAt); err != nil {
		t.Errorf("ParseParams(<%d params>) error = %v, want nil", httpauth.DefaultMaxParams, err)
	}
	if _, err := httpauth.ParseCredentials("X " + pPast); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("ParseCredentials(<%d params>) error = %v, want ErrLimit", httpauth.DefaultMaxParams+1, err)
	}
	if _, err := httpauth.ParseCredentials("Basic " + strings.Repeat("a", httpauth.DefaultMaxLineBytes)); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("ParseCredentials(<%d bytes>) error = %v, want ErrLimit", httpauth.DefaultMaxLineBytes+6, err)
	}
}

// TestLimitsUnlimitedEmptyElements checks that a negative MaxEmptyElements
// means no limit, as the Limits documentation says.
func TestLimitsUnlimitedEmptyElements(t *testing.T) {
	for _, lines := range [][]string{{`A, B`}, {"A" + strings.Repeat(",", 5000) + "B"}} {
		p := httpauth.Parser{Limits: httpauth.Limits{MaxEmptyElements: -1}}
		got, err := p.ParseChallenges(nil, lines...)
		if err != nil || len(got) != 2 {
			t.Errorf("(*Parser{MaxEmptyElements: -1}).ParseChallenges(%.20q...) = %v, %v, want 2 challenges", lines[0], got, err)
		}
	}
	p := httpauth.Parser{Limits: httpauth.Limits{MaxEmptyElements: -1}}
	if got, err := p.ParseParams(nil, `a=1, b=2`); err != nil || len(got) != 2 {
		t.Errorf("(*Parser{MaxEmptyElements: -1}).ParseParams(%q) = %v, %v, want 2 params", `a=1, b=2`, got, err)
	}
}

// TestLimitsEmptyLines checks that empty field lines count as empty list
// elements for MaxEmptyElements: several lines are one list as if joined by
// ", " (decision 1), so 17 empty lines between two challenges are 17 empty
// elements in a row.
func TestLimitsEmptyLines(t *testing.T) {
	at := []string{"A"}
	for i := 0; i < httpauth.DefaultMaxEmptyElements; i++ {
		at = append(at, "")
	}
	at = append(at, "B")
	if cs, err := httpauth.ParseChallenges(at...); err != nil || len(cs) != 2 {
		t.Errorf("ParseChallenges(A, 16 empty lines, B) = %v, %v, want 2 challenges", cs, err)
	}
	past := append([]string{"A", ""}, at[1:]...)
	if cs, err := httpauth.ParseChallenges(past...); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("ParseChallenges(A, 17 empty lines, B) = %v, %v, want ErrLimit", cs, err)
	}
}

func TestParamsGet(t *testing.T) {
	list := ps("Realm", "r", "charset", "UTF-8", "empty", "")
	tests := []struct {
		name  string
		value string
		ok    bool
	}{
		{"realm", "r", true},
		{"REALM", "r", true},
		{"Realm", "r", true},
		{"CharSet", "UTF-8", true},
		{"empty", "", true},
		{"missing", "", false},
		{"realm ", "", false},
		{"rea", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		v, ok := list.Get(tt.name)
		if v != tt.value || ok != tt.ok {
			t.Errorf("Params.Get(%q) = %q, %v, want %q, %v", tt.name, v, ok, tt.value, tt.ok)
		}
		if has := list.Has(tt.name); has != tt.ok {
			t.Errorf("Params.Has(%q) = %v, want %v", tt.name, has, tt.ok)
		}
	}
	if v, ok := httpauth.Params(nil).Get("realm"); v != "" || ok {
		t.Errorf("Params(nil).Get(%q) = %q, %v, want \"\", false", "realm", v, ok)
	}
	c := ch("BASIC", "REALM", "x")
	if !c.Is("basic") || c.Is("bearer") || c.Realm() != "x" {
		t.Errorf("Challenge %v: Is(basic) = %v, Is(bearer) = %v, Realm() = %q", c, c.Is("basic"), c.Is("bearer"), c.Realm())
	}
	if r := ch("Basic").Realm(); r != "" {
		t.Errorf("Challenge without realm: Realm() = %q, want \"\"", r)
	}
	if cr := cred("DIGEST"); !cr.Is("digest") || cr.Is("basic") {
		t.Errorf("Credentials.Is: %v", cr)
	}
}

func TestEqualFold(t *testing.T) {
	tests := []struct {
		s, t string
		want bool
	}{
		{"", "", true},
		{"basic", "BASIC", true},
		{"Basic", "bAsIc", true},
		{"realm", "realm", true},
		{"SCRAM-SHA-256", "scram-sha-256", true},
		{"basic", "basic ", false},
		{"basic", "basid", false},
		{"k", "\u212a", false},  // KELVIN SIGN: Unicode folding would say true
		{"K", "\u212a", false},  // idem
		{"kk", "\u212a", false}, // not even by length
		{"s", "\u017f", false},  // LATIN SMALL LETTER LONG S
		{"[", "{", false},       // 0x5B and 0x7B differ by 0x20 but are not letters
		{"@", "`", false},
		{"^", "~", false},
		{"\xe9", "\xc9", false}, // Latin-1 é, É: not ASCII letters
		{"a", "A", true},
		{"z", "Z", true},
	}
	for _, tt := range tests {
		if got := httpauth.EqualFold(tt.s, tt.t); got != tt.want {
			t.Errorf("EqualFold(%q, %q) = %v, want %v", tt.s, tt.t, got, tt.want)
		}
		if got := httpauth.EqualFold(tt.t, tt.s); got != tt.want {
			t.Errorf("EqualFold(%q, %q) = %v, want %v", tt.t, tt.s, got, tt.want)
		}
	}
	// A param name with the Kelvin sign is not "k".
	if v, ok := ps("\u212a", "1").Get("k"); ok {
		t.Errorf("Params{\u212a=1}.Get(%q) = %q, true, want not found", "k", v)
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

func TestIsToken(t *testing.T) {
	tests := []struct {
		in             string
		token, token68 bool
	}{
		{"", false, false},
		{"abc", true, true},
		{"ABC-123._~", true, true},
		{"!#$%&'*+-.^_`|~", true, false},
		{"a+b/c", false, true}, // / is not tchar
		{"abc=", false, true},  // = is not tchar; padding is token68
		{"abc==", false, true},
		{"=", false, false}, // token68 needs one character before the padding
		{"==abc", false, false},
		{"a=b", false, false}, // padding only at the end
		{"a b", false, false},
		{"a\tb", false, false},
		{`"a"`, false, false},
		{"a,b", false, false},
		{"a;b", false, false},
		{"a:b", false, false}, // RFC 8959 erratum 6440: ":" is not token68
		{"a@b", false, false},
		{"\xe9", false, false},
		{"a\x00", false, false},
		{"a\x7f", false, false},
		{"YIIBdg==", false, true},
		{"mF_9.B5f-4.1JqM", true, true},
		{"a*b", true, false}, // * is tchar, not token68
	}
	for _, tt := range tests {
		if got := httpauth.IsToken(tt.in); got != tt.token {
			t.Errorf("IsToken(%q) = %v, want %v", tt.in, got, tt.token)
		}
		if got := httpauth.IsToken68(tt.in); got != tt.token68 {
			t.Errorf("IsToken68(%q) = %v, want %v", tt.in, got, tt.token68)
		}
	}
}

func TestLexer(t *testing.T) {
	type tok struct {
		kind httpauth.Kind
		text string
		off  int
	}
	tests := []struct {
		in      string
		want    []tok
		errOff  int // -1: no error
		escaped []bool
	}{
		{``, nil, -1, nil},
		{`Basic realm="a, b"`, []tok{{'a', "Basic", 0}, {' ', " ", 5}, {'a', "realm", 6}, {'=', "=", 11}, {'"', `"a, b"`, 12}}, -1, nil},
		{"a \t,\t=", []tok{{'a', "a", 0}, {' ', " \t", 1}, {',', ",", 3}, {' ', "\t", 4}, {'=', "=", 5}}, -1, nil},
		{`a/b;c:d@e?f(g)h<i>j[k]l{m}n\`, []tok{
			{'a', "a", 0}, {'/', "/", 1}, {'a', "b", 2}, {';', ";", 3}, {'a', "c", 4}, {':', ":", 5}, {'a', "d", 6},
			{'@', "@", 7}, {'a', "e", 8}, {'?', "?", 9}, {'a', "f", 10}, {'(', "(", 11}, {'a', "g", 12}, {')', ")", 13},
			{'a', "h", 14}, {'<', "<", 15}, {'a', "i", 16}, {'>', ">", 17}, {'a', "j", 18}, {'[', "[", 19}, {'a', "k", 20},
			{']', "]", 21}, {'a', "l", 22}, {'{', "{", 23}, {'a', "m", 24}, {'}', "}", 25}, {'a', "n", 26}, {'\\', `\`, 27},
		}, -1, nil},
		{`"a\"b" "c"`, []tok{{'"', `"a\"b"`, 0}, {' ', " ", 6}, {'"', `"c"`, 7}}, -1, []bool{true, false, false}},
		{"\"\xe9\"", []tok{{'"', "\"\xe9\"", 0}}, -1, nil},
		{`a "b`, []tok{{'a', "a", 0}, {' ', " ", 1}}, 2, nil},
		{"ab\x00", []tok{{'a', "ab", 0}}, 2, nil},
		{"ab\r\n", []tok{{'a', "ab", 0}}, 2, nil},
		{"a\xe9", []tok{{'a', "a", 0}}, 1, nil},
		{"\"a\x01\"", nil, 2, nil},
		{"\"a\\\x7f\"", nil, 3, nil},
	}
	for _, tt := range tests {
		var lx httpauth.Lexer
		lx.Reset("stale state")
		lx.Next()
		lx.Reset(tt.in)
		var got []tok
		var esc []bool
		for lx.Next() {
			got = append(got, tok{lx.Kind(), lx.Text(), lx.Offset()})
			esc = append(esc, lx.Escaped())
		}
		if lx.Kind() != httpauth.KindInvalid {
			t.Errorf("Lexer(%q): Kind() after the last token = %v, want invalid", tt.in, lx.Kind())
		}
		if !cmp.Equal(got, tt.want, cmp.AllowUnexported(tok{}), equateEmptyParams) {
			t.Errorf("Lexer(%q) tokens = %v, want %v", tt.in, got, tt.want)
		}
		err := lx.Err()
		var se *httpauth.SyntaxError
		switch {
		case tt.errOff < 0 && err != nil:
			t.Errorf("Lexer(%q).Err() = %v, want nil", tt.in, err)
		case tt.errOff >= 0 && (!errors.As(err, &se) || se.Offset != tt.errOff):
			t.Errorf("Lexer(%q).Err() = %v, want a *SyntaxError at offset %d", tt.in, err, tt.errOff)
		}
		if tt.escaped != nil && !cmp.Equal(esc, tt.escaped) {
			t.Errorf("Lexer(%q) Escaped() = %v, want %v", tt.in, esc, tt.escaped)
		}
		if lx.Next() {
			t.Errorf("Lexer(%q): Next() after the end = true", tt.in)
		}
	}

	kinds := map[httpauth.Kind]string{
		httpauth.KindInvalid: "invalid", httpauth.KindToken: "token", httpauth.KindQuoted: "quoted-string",
		httpauth.KindSpace: "space", httpauth.KindEquals: `"="`, httpauth.KindComma: `","`, httpauth.Kind('/'): `"/"`,
	}
	for k, want := range kinds {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", byte(k), got, want)
		}
	}
}
