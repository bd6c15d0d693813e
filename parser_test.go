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

// TestControlByteOffsets injects every byte value at every position of a
// few valid fields and requires, for a byte that may stand nowhere outside
// a quoted-string (a control character other than HTAB, or a byte of
// %x80-FF), an error at exactly that position whose reason names the
// byte's class. A byte of %x80-FF inside a quoted-string is obs-text and
// valid there; CTLs are valid nowhere.
func TestControlByteOffsets(t *testing.T) {
	templates := []struct {
		field string
		in    string
	}{
		{"challenge", `Digest realm="r", nonce="n", qop=auth, Basic realm=x, Negotiate abc==, Bearer`},
		{"challenge", `Basic abc=, X a = "b" ,c=d`},
		{"credentials", `Bearer SEKRITabc==`},
		{"credentials", `Digest username="a", response="b", nc=00000001`},
		{"params", `nextnonce="a", qop=auth,rspauth="x"`},
	}
	var p httpauth.Parser
	for _, tt := range templates {
		if _, err := parseAs(&p, tt.field, tt.in); err != nil {
			t.Fatalf("template %q: %v", tt.in, err)
		}
		// inQuotes[i]: position i is between the quotes of a
		// quoted-string of the template.
		inQuotes := make([]bool, len(tt.in)+1)
		open := false
		for i := 0; i < len(tt.in); i++ {
			if tt.in[i] == '"' {
				open = !open
				if !open {
					continue
				}
				inQuotes[i+1] = true
				continue
			}
			inQuotes[i+1] = open && inQuotes[i]
		}
		for pos := 0; pos <= len(tt.in); pos++ {
			for b := 0; b < 256; b++ {
				c := byte(b)
				ctl := c < 0x20 && c != '\t' || c == 0x7f
				if !ctl && c < 0x80 {
					continue
				}
				in := tt.in[:pos] + string([]byte{c}) + tt.in[pos:]
				_, err := parseAs(&p, tt.field, in)
				if c >= 0x80 && inQuotes[pos] {
					if err != nil {
						t.Errorf("%s %q: obs-text 0x%02x inside a quoted-string at %d: %v", tt.field, in, c, pos, err)
					}
					continue
				}
				var se *httpauth.SyntaxError
				class := "non-ASCII"
				if ctl {
					class = "control character"
				}
				if !errors.As(err, &se) || se.Offset != pos || !strings.Contains(se.Err.Error(), class) {
					t.Errorf("%s %q: byte 0x%02x at %d: error %v, want one at offset %d naming a %s", tt.field, in, c, pos, err, pos, class)
				}
			}
		}
	}
}
