package httpauth_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
)

type encodeTest struct {
	name string
	c    httpauth.Challenge
	want string // "" when refused
}

// encodeErr is an expected *EncodeError.
type encodeErr struct {
	param         string
	index, offset int
	is            error
}

type encodeRefusal struct {
	name string
	c    httpauth.Challenge
	want encodeErr
}

var encodeTests = []encodeTest{
	// Canonical form: scheme, one SP, token68 or params joined by ", ".
	{"scheme only", ch("Basic"), "Basic"},
	{"token68", ch68("Negotiate", "YIIBdg=="), "Negotiate YIIBdg=="},
	{"token68 chars", ch68("Bearer", "a-._~+/Z9=="), "Bearer a-._~+/Z9=="},
	{"params", ch("Newauth", "realm", "apps", "type", "1", "title", `Login to "apps"`), `Newauth realm="apps", type=1, title="Login to \"apps\""`},
	{"scheme kept as written", ch("bAsIc", "realm", "x"), `bAsIc realm="x"`},

	// Token when the value is a non-empty token, else a quoted-string.
	{"token value", ch("Foo", "a", "b"), "Foo a=b"},
	{"every tchar", ch("Foo", "a", "!#$%&'*+-.^_`|~09azAZ"), "Foo a=!#$%&'*+-.^_`|~09azAZ"},
	{"empty value", ch("Foo", "a", ""), `Foo a=""`},
	{"space", ch("Foo", "a", "b c"), `Foo a="b c"`},
	{"delimiters", ch("Foo", "a", `(),/:;<=>?@[]{}`), `Foo a="(),/:;<=>?@[]{}"`},
	{"htab", ch("Foo", "a", "b\tc"), "Foo a=\"b\tc\""},
	{"padding", ch("Foo", "a", "YII="), `Foo a="YII="`},

	// Escaping writes \" and \\ only.
	{"quote", ch("Foo", "a", `say "hi"`), `Foo a="say \"hi\""`},
	{"backslash", ch("Foo", "a", `C:\dir`), `Foo a="C:\\dir"`},
	{"backslash n is not a newline", ch("Foo", "a", `a\nb`), `Foo a="a\\nb"`},
	{"only quote", ch("Foo", "a", `"`), `Foo a="\""`},

	// realm is always quoted (RFC 9110 11.5), whatever the scheme or case.
	{"realm token", ch("Basic", "realm", "x"), `Basic realm="x"`},
	{"realm upper", ch("Basic", "REALM", "x"), `Basic REALM="x"`},
	{"realm unknown scheme", ch("X-Foo", "Realm", "x"), `X-Foo Realm="x"`},
	{"realm empty", ch("Basic", "realm", ""), `Basic realm=""`},

	// Digest challenge (RFC 7616 3.3): realm, domain, nonce, opaque, qop
	// quoted; stale, algorithm (and charset, userhash) tokens.
	{"digest challenge", ch("Digest", "realm", "r", "domain", "d", "nonce", "n", "opaque", "o", "qop", "auth", "stale", "false", "algorithm", "MD5", "charset", "UTF-8", "userhash", "true"),
		`Digest realm="r", domain="d", nonce="n", opaque="o", qop="auth", stale=false, algorithm=MD5, charset=UTF-8, userhash=true`},
	{"digest scheme case", ch("DIGEST", "NONCE", "n", "Qop", "auth"), `DIGEST NONCE="n", Qop="auth"`},
	{"nonce outside digest", ch("Foo", "nonce", "n", "qop", "auth"), `Foo nonce=n, qop=auth`},

	// Bearer and DPoP (RFC 6750 3, RFC 9449 7.1).
	{"bearer", ch("Bearer", "realm", "example", "scope", "openid", "error", "invalid_token", "error_description", "expired", "error_uri", "x"),
		`Bearer realm="example", scope="openid", error="invalid_token", error_description="expired", error_uri="x"`},
	{"dpop algs", ch("DPoP", "algs", "ES256"), `DPoP algs="ES256"`},
	{"bearer other param", ch("Bearer", "resource_metadata", "abc"), `Bearer resource_metadata=abc`},
}

// Refusals: nothing written, an *EncodeError naming the parameter (never
// quoting the value), its index, the offset of the refused byte in the
// string at fault, and the reason.
var encodeRefusals = []encodeRefusal{
	{"zero challenge", httpauth.Challenge{}, encodeErr{"", -1, -1, httpauth.ErrNotToken}},
	{"empty scheme with params", httpauth.Challenge{Params: ps("a", "b")}, encodeErr{"", -1, -1, httpauth.ErrNotToken}},
	{"scheme with space", ch("Ba sic"), encodeErr{"", -1, 2, httpauth.ErrNotToken}},
	{"scheme with slash", ch("Basic/1"), encodeErr{"", -1, 5, httpauth.ErrNotToken}},
	{"scheme with CRLF", ch("Basic\r\nSet-Cookie: a=b"), encodeErr{"", -1, 5, httpauth.ErrNotToken}},
	{"scheme non-ASCII", ch("B\xe4sic"), encodeErr{"", -1, 1, httpauth.ErrNotToken}},
	{"scheme quoted", ch(`"Basic"`), encodeErr{"", -1, 0, httpauth.ErrNotToken}},
	{"name empty", ch("Foo", "", "b"), encodeErr{"", 0, -1, httpauth.ErrNotToken}},
	{"name with space", ch("Foo", "a b", "c"), encodeErr{"", 0, 1, httpauth.ErrNotToken}},
	{"name with =", ch("Foo", "a=", "c"), encodeErr{"", 0, 1, httpauth.ErrNotToken}},
	{"name with CR", ch("Foo", "x", "1", "a\r", "c"), encodeErr{"", 1, 1, httpauth.ErrNotToken}},
	{"name non-ASCII", ch("Foo", "\u212a", "c"), encodeErr{"", 0, 0, httpauth.ErrNotToken}},
	{"token68 with space", ch68("Foo", "a b"), encodeErr{"", -1, 1, httpauth.ErrNotToken68}},
	{"token68 padding first", ch68("Foo", "=abc"), encodeErr{"", -1, 0, httpauth.ErrNotToken68}},
	{"token68 padding inside", ch68("Foo", "a=b"), encodeErr{"", -1, 2, httpauth.ErrNotToken68}},
	{"token68 only padding", ch68("Foo", "=="), encodeErr{"", -1, 0, httpauth.ErrNotToken68}},
	{"token68 CRLF", ch68("Foo", "abc\r\nX-Evil: 1"), encodeErr{"", -1, 3, httpauth.ErrNotToken68}},
	{"token68 colon", ch68("Foo", "user:pass"), encodeErr{"", -1, 4, httpauth.ErrNotToken68}},
	{"token68 and params", httpauth.Challenge{Scheme: "Foo", Token68: "abc", Params: ps("a", "b")}, encodeErr{"", -1, -1, httpauth.ErrToken68WithParams}},
	{"value CR", ch("Basic", "realm", "a\rb"), encodeErr{"realm", 0, 1, httpauth.ErrControl}},
	{"value LF", ch("Basic", "realm", "a\nb"), encodeErr{"realm", 0, 1, httpauth.ErrControl}},
	{"value CRLF header", ch("Basic", "realm", "x\r\nSet-Cookie: s=1"), encodeErr{"realm", 0, 1, httpauth.ErrControl}},
	{"value NUL", ch("Basic", "realm", "a\x00b"), encodeErr{"realm", 0, 1, httpauth.ErrControl}},
	{"value SOH", ch("Basic", "realm", "a\x01b"), encodeErr{"realm", 0, 1, httpauth.ErrControl}},
	{"value ESC", ch("Basic", "realm", "ab\x1b"), encodeErr{"realm", 0, 2, httpauth.ErrControl}},
	{"value DEL", ch("Basic", "realm", "a\x7fb"), encodeErr{"realm", 0, 1, httpauth.ErrControl}},
	{"value CTL in token-able param", ch("Foo", "a", "b\x00"), encodeErr{"a", 0, 1, httpauth.ErrControl}},
	{"value CTL in second param", ch("Foo", "a", "ok", "b", "x\ny"), encodeErr{"b", 1, 1, httpauth.ErrControl}},
	{"value non-ASCII", ch("Basic", "realm", "caf\u00e9"), encodeErr{"realm", 0, 3, httpauth.ErrNonASCII}},
	{"value Latin-1", ch("Basic", "realm", "caf\xe9"), encodeErr{"realm", 0, 3, httpauth.ErrNonASCII}},
	{"duplicate", ch("Basic", "realm", "a", "realm", "b"), encodeErr{"realm", 1, -1, httpauth.ErrDuplicateParam}},
	{"duplicate case", ch("Basic", "realm", "a", "charset", "x", "REALM", "b"), encodeErr{"REALM", 2, -1, httpauth.ErrDuplicateParam}},
}

func TestAppendChallenge(t *testing.T) {
	for _, tt := range encodeTests {
		prefix := []byte("WWW-Authenticate: ")
		got, err := httpauth.AppendChallenge(prefix, tt.c)
		if err != nil || string(got) != string(prefix)+tt.want {
			t.Errorf("%s: AppendChallenge(%q, %#v) = %q, %v, want %q", tt.name, prefix, tt.c, got, err, string(prefix)+tt.want)
			continue
		}
		if !tt.c.IsValid() {
			t.Errorf("%s: %#v.IsValid() = false, want true", tt.name, tt.c)
		}
		if s := tt.c.String(); s != tt.want {
			t.Errorf("%s: %#v.String() = %q, want %q", tt.name, tt.c, s, tt.want)
		}
		mt, err := tt.c.MarshalText()
		at, err2 := tt.c.AppendText(nil)
		if err != nil || err2 != nil || string(mt) != tt.want || string(at) != tt.want {
			t.Errorf("%s: MarshalText() = %q, %v; AppendText(nil) = %q, %v; want %q", tt.name, mt, err, at, err2, tt.want)
		}
		// Round trip: what the encoder writes parses back to the value.
		back, err := httpauth.ParseChallenge(tt.want)
		if err != nil || !cmp.Equal(back, tt.c, equateEmptyParams) {
			t.Errorf("%s: ParseChallenge(%q) = %#v, %v, want %#v", tt.name, tt.want, back, err, tt.c)
		}
	}
}

func TestAppendChallengeRefusals(t *testing.T) {
	for _, tt := range encodeRefusals {
		prefix := []byte("WWW-Authenticate: ")
		got, err := httpauth.AppendChallenge(prefix, tt.c)
		checkEncodeErr(t, tt.name, err, tt.want)
		if string(got) != string(prefix) {
			t.Errorf("%s: AppendChallenge(%q, %#v) = %q on error, want dst unchanged", tt.name, prefix, tt.c, got)
		}
		if tt.c.IsValid() {
			t.Errorf("%s: %#v.IsValid() = true, want false", tt.name, tt.c)
		}
		if s := tt.c.String(); !strings.HasPrefix(s, "!") {
			t.Errorf("%s: %#v.String() = %q, want a description starting with !", tt.name, tt.c, s)
		}
		if b, err := tt.c.MarshalText(); err == nil {
			t.Errorf("%s: %#v.MarshalText() = %q, nil, want an error", tt.name, tt.c, b)
		}
	}
}

// checkEncodeErr checks that err is an *EncodeError as want describes,
// matched by ErrEncode and by its reason.
func checkEncodeErr(t *testing.T, name string, err error, want encodeErr) {
	t.Helper()
	var ee *httpauth.EncodeError
	if !errors.As(err, &ee) || !errors.Is(err, httpauth.ErrEncode) || !errors.Is(err, want.is) {
		t.Errorf("%s: error = %v, want an *EncodeError wrapping %v", name, err, want.is)
		return
	}
	if ee.Param != want.param || ee.Index != want.index || ee.Offset != want.offset {
		t.Errorf("%s: EncodeError{Param: %q, Index: %d, Offset: %d}, want {%q, %d, %d}", name, ee.Param, ee.Index, ee.Offset, want.param, want.index, want.offset)
	}
}

func TestEncodeErrorMessage(t *testing.T) {
	for _, tt := range []struct {
		c    httpauth.Challenge
		want string
	}{
		{ch("Ba sic"), "httpauth: cannot encode scheme: not a token"},
		{ch68("Foo", "a b"), "httpauth: cannot encode token68: not a token68"},
		{httpauth.Challenge{Scheme: "Foo", Token68: "abc", Params: ps("a", "b")}, "httpauth: cannot encode token68: token68 and params cannot both be sent"},
		{ch("Foo", "a", "1", "b c", "2"), "httpauth: cannot encode parameter 1: not a token"},
		{ch("Basic", "realm", "x\r\ny"), "httpauth: cannot encode realm: control character (CR, LF, NUL and other CTLs but HTAB are refused)"},
		{ch("Basic", "realm", "\xe9"), "httpauth: cannot encode realm: non-ASCII byte (send it as an RFC 8187 ext-value, see ExtParam)"},
		{ch("Basic", "realm", "a", "Realm", "b"), "httpauth: cannot encode Realm: duplicate parameter"},
	} {
		_, err := httpauth.AppendChallenge(nil, tt.c)
		if err == nil || err.Error() != tt.want {
			t.Errorf("AppendChallenge(%#v) error = %v, want %q", tt.c, err, tt.want)
		}
	}
}

// TestEncodeNeverSplits checks that no output of the encoders holds CR, LF
// or NUL, whatever the input, and that refusals never quote the value.
func TestEncodeNeverSplits(t *testing.T) {
	evil := []string{"\r", "\n", "\x00", "a\r\nb", "\r\n\r\n<html>", "x\x00y", "\x85", "\u2028"}
	for _, e := range evil {
		for _, enc := range []httpauth.Encoder{{}, {AllowObsText: true}} {
			cs := []httpauth.Challenge{
				ch(e), ch("Basic", e, "v"), ch("Basic", "realm", e), ch("Basic", "realm", "secret"+e),
				ch68("Basic", e), ch68("Basic", "abc"+e),
			}
			for _, c := range cs {
				b, err := enc.AppendChallenge(nil, c)
				if bytes.ContainsAny(b, "\r\n\x00") {
					t.Errorf("Encoder%+v.AppendChallenge(%#v) = %q, holds CR, LF or NUL", enc, c, b)
				}
				if err != nil && strings.Contains(err.Error(), "secret") {
					t.Errorf("Encoder%+v.AppendChallenge(%#v) error %q quotes the value", enc, c, err)
				}
				b, err = enc.AppendCredentials(nil, httpauth.Credentials(c))
				if bytes.ContainsAny(b, "\r\n\x00") {
					t.Errorf("Encoder%+v.AppendCredentials(%#v) = %q, holds CR, LF or NUL", enc, c, b)
				}
				if err != nil && strings.Contains(err.Error(), "secret") {
					t.Errorf("Encoder%+v.AppendCredentials error %q quotes the value", enc, err)
				}
				b, _ = enc.AppendParams(nil, c.Params)
				if bytes.ContainsAny(b, "\r\n\x00") {
					t.Errorf("Encoder%+v.AppendParams(%v) = %q, holds CR, LF or NUL", enc, c.Params, b)
				}
			}
		}
	}
}

func TestEncoderAllowObsText(t *testing.T) {
	tests := []struct {
		c    httpauth.Challenge
		want string
	}{
		{ch("Basic", "realm", "caf\u00e9"), "Basic realm=\"caf\u00e9\""},
		{ch("Basic", "realm", "caf\xe9"), "Basic realm=\"caf\xe9\""},
		{ch("Foo", "a", "\xff"), "Foo a=\"\xff\""},             // never a token: obs-text is not tchar
		{ch("Foo", "a", "\"\xe9\\"), "Foo a=\"\\\"\xe9\\\\\""}, // still escapes only " and \
	}
	enc := httpauth.Encoder{AllowObsText: true}
	for _, tt := range tests {
		if _, err := httpauth.AppendChallenge(nil, tt.c); err == nil {
			t.Errorf("AppendChallenge(%#v) accepted non-ASCII without AllowObsText", tt.c)
		}
		got, err := enc.AppendChallenge(nil, tt.c)
		if err != nil || string(got) != tt.want {
			t.Errorf("Encoder{AllowObsText: true}.AppendChallenge(%#v) = %q, %v, want %q", tt.c, got, err, tt.want)
			continue
		}
		back, err := httpauth.ParseChallenge(string(got))
		if err != nil || !cmp.Equal(back, tt.c, equateEmptyParams) {
			t.Errorf("ParseChallenge(%q) = %#v, %v, want %#v", got, back, err, tt.c)
		}
	}
	// Obs-text does not lift the other refusals.
	for _, c := range []httpauth.Challenge{ch("B\xe4sic"), ch("Foo", "\xe9", "x"), ch68("Foo", "\xe9"), ch("Foo", "a", "\xe9\r\n")} {
		if b, err := enc.AppendChallenge(nil, c); err == nil {
			t.Errorf("Encoder{AllowObsText: true}.AppendChallenge(%#v) = %q, want an error", c, b)
		}
	}
}

func TestAppendCredentials(t *testing.T) {
	tests := []struct {
		c    httpauth.Credentials
		want string
	}{
		{cred68("Basic", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="},
		{cred("Basic"), "Basic"},
		// RFC 7616 3.4: username, realm, nonce, uri, response, cnonce,
		// opaque quoted; algorithm, qop, nc, userhash tokens.
		{cred("Digest", "username", "Mufasa", "realm", "r", "uri", "/dir/index.html", "algorithm", "MD5", "nonce", "n", "nc", "00000001", "cnonce", "c", "qop", "auth", "response", "8ca523f5e9506fed4657c9700eebdbec", "opaque", "o", "userhash", "false"),
			`Digest username="Mufasa", realm="r", uri="/dir/index.html", algorithm=MD5, nonce="n", nc=00000001, cnonce="c", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="o", userhash=false`},
		// username* is an ext-value: a token, never quoted (RFC 8187 3.2).
		{cred("Digest", "username*", "UTF-8''J%C3%A4s%C3%B8n%20Doe", "realm", "api@example.org"),
			`Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="api@example.org"`},
		// OAuth 1.0 and Hawk servers accept only quoted values.
		{cred("Hawk", "id", "dh37fgj492je", "mac", "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="), `Hawk id="dh37fgj492je", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="`},
		{cred("OAuth", "realm", "Example", "oauth_version", "1.0"), `OAuth realm="Example", oauth_version="1.0"`},
	}
	for _, tt := range tests {
		got, err := httpauth.AppendCredentials([]byte("x:"), tt.c)
		if err != nil || string(got) != "x:"+tt.want {
			t.Errorf("AppendCredentials(%q, %+v) = %q, %v, want %q", "x:", plain(tt.c), got, err, "x:"+tt.want)
		}
		if s, err := tt.c.Encode(); err != nil || s != tt.want {
			t.Errorf("%+v.Encode() = %q, %v, want %q", plain(tt.c), s, err, tt.want)
		}
		if !tt.c.IsValid() {
			t.Errorf("%+v.IsValid() = false, want true", plain(tt.c))
		}
		back, err := httpauth.ParseCredentials(tt.want)
		if err != nil || !cmp.Equal(plain(back), plain(tt.c), equateEmptyParams) {
			t.Errorf("ParseCredentials(%q) = %+v, %v, want %+v", tt.want, plain(back), err, plain(tt.c))
		}
	}
	for _, c := range []httpauth.Credentials{{}, cred68("Basic", "a b"), {Scheme: "Basic", Token68: "abc", Params: ps("a", "b")}, cred("Digest", "username", "a\r\nb"), cred("Digest", "a", "1", "A", "2")} {
		got, err := httpauth.AppendCredentials([]byte("x:"), c)
		if !errors.Is(err, httpauth.ErrEncode) || string(got) != "x:" {
			t.Errorf("AppendCredentials(%q, %+v) = %q, %v, want %q and an *EncodeError", "x:", plain(c), got, err, "x:")
		}
		if s, err := c.Encode(); err == nil || s != "" {
			t.Errorf("%+v.Encode() = %q, %v, want \"\" and an error", plain(c), s, err)
		}
		if c.IsValid() {
			t.Errorf("%+v.IsValid() = true, want false", plain(c))
		}
	}
}

func TestAppendParams(t *testing.T) {
	tests := []struct {
		ps   httpauth.Params
		want string
		err  bool
	}{
		{nil, "", false},
		{ps("a", "b"), "a=b", false},
		// RFC 7616 3.5: nextnonce, rspauth, cnonce quoted; qop, nc tokens.
		{ps("nextnonce", "abc", "qop", "auth", "rspauth", "def", "cnonce", "c", "nc", "00000001"), `nextnonce="abc", qop=auth, rspauth="def", cnonce="c", nc=00000001`, false},
		{ps("NextNonce", "abc"), `NextNonce="abc"`, false},
		{ps("realm", "r"), `realm="r"`, false},
		{ps("sid", "x", "data", "YWJj="), `sid=x, data="YWJj="`, false},
		{ps("a", "b", "A", "c"), "", true},
		{ps("a b", "c"), "", true},
		{ps("a", "b\r\nX: y"), "", true},
		{ps("a", "b", "c", "\x00"), "", true},
		{ps("a", "caf\u00e9"), "", true},
	}
	for _, tt := range tests {
		got, err := httpauth.AppendParams([]byte("x:"), tt.ps)
		if tt.err {
			if !errors.Is(err, httpauth.ErrEncode) || string(got) != "x:" {
				t.Errorf("AppendParams(%q, %v) = %q, %v, want %q and an *EncodeError", "x:", tt.ps, got, err, "x:")
			}
			continue
		}
		if err != nil || string(got) != "x:"+tt.want {
			t.Errorf("AppendParams(%q, %v) = %q, %v, want %q", "x:", tt.ps, got, err, "x:"+tt.want)
			continue
		}
		back, err := httpauth.ParseParams(tt.want)
		if err != nil || !cmp.Equal(back, tt.ps, equateEmptyParams) {
			t.Errorf("ParseParams(%q) = %v, %v, want %v", tt.want, back, err, tt.ps)
		}
	}
}

func TestEncoderQuote(t *testing.T) {
	// A rule for another scheme, falling back to the default table.
	enc := httpauth.Encoder{Quote: func(f httpauth.Field, scheme, name string) bool {
		if f == httpauth.FieldCredentials && httpauth.EqualFold(scheme, "Custom") && httpauth.EqualFold(name, "id") {
			return true
		}
		return httpauth.DefaultQuote(f, scheme, name)
	}}
	cr := cred("custom", "ID", "abc", "n", "1", "realm", "r")
	if got, err := enc.AppendCredentials(nil, cr); err != nil || string(got) != `custom ID="abc", n=1, realm="r"` {
		t.Errorf("custom rule: AppendCredentials = %q, %v", got, err)
	}
	if got, err := enc.AppendChallenge(nil, ch("Custom", "id", "abc")); err != nil || string(got) != `Custom id=abc` {
		t.Errorf("custom rule, challenge: AppendChallenge = %q, %v (the rule is for credentials)", got, err)
	}
	if got, err := enc.AppendChallenge(nil, ch("Digest", "nonce", "n")); err != nil || string(got) != `Digest nonce="n"` {
		t.Errorf("custom rule falls back: AppendChallenge = %q, %v", got, err)
	}
	// The hook sees the kind of field, the scheme as written, and "" as
	// the scheme of an Authentication-Info list.
	type call struct {
		f            httpauth.Field
		scheme, name string
	}
	var calls []call
	rec := httpauth.Encoder{Quote: func(f httpauth.Field, scheme, name string) bool {
		calls = append(calls, call{f, scheme, name})
		return false
	}}
	rec.AppendChallenge(nil, ch("bAsIc", "realm", "r"))
	rec.AppendCredentials(nil, cred("X", "a", "b c", "b", "v"))
	rec.AppendParams(nil, ps("nextnonce", "n"))
	want := []call{
		{httpauth.FieldChallenge, "bAsIc", "realm"},
		// "b c" is not a token: quoted without asking.
		{httpauth.FieldCredentials, "X", "b"},
		{httpauth.FieldInfo, "", "nextnonce"},
	}
	if !cmp.Equal(calls, want, cmp.AllowUnexported(call{})) {
		t.Errorf("Quote calls = %+v, want %+v", calls, want)
	}
	// A rule that quotes nothing writes realm as a token: the caller
	// decides; the value still parses back.
	if got, err := rec.AppendChallenge(nil, ch("Basic", "realm", "r")); err != nil || string(got) != "Basic realm=r" {
		t.Errorf("no quoting: AppendChallenge = %q, %v", got, err)
	}
	// No rule makes a non-token a token.
	always := httpauth.Encoder{Quote: func(httpauth.Field, string, string) bool { return false }}
	if got, err := always.AppendChallenge(nil, ch("X", "a", "b c")); err != nil || string(got) != `X a="b c"` {
		t.Errorf("AppendChallenge = %q, %v, want the non-token quoted", got, err)
	}
}

func TestDefaultQuote(t *testing.T) {
	const (
		C = httpauth.FieldChallenge
		R = httpauth.FieldCredentials
		I = httpauth.FieldInfo
	)
	for _, tt := range []struct {
		f            httpauth.Field
		scheme, name string
		want         bool
	}{
		{C, "Basic", "realm", true}, {R, "X", "REALM", true}, {I, "", "Realm", true},
		{C, "Basic", "charset", false},
		{C, "Digest", "domain", true}, {C, "digest", "NONCE", true}, {C, "Digest", "opaque", true}, {C, "Digest", "qop", true},
		{C, "Digest", "algorithm", false}, {C, "Digest", "stale", false}, {C, "Digest", "userhash", false},
		{R, "Digest", "username", true}, {R, "Digest", "nonce", true}, {R, "Digest", "uri", true},
		{R, "Digest", "response", true}, {R, "Digest", "cnonce", true}, {R, "Digest", "opaque", true},
		{R, "Digest", "qop", false}, {R, "Digest", "nc", false}, {R, "Digest", "algorithm", false}, {R, "Digest", "username*", false},
		{I, "", "nextnonce", true}, {I, "", "rspauth", true}, {I, "", "cnonce", true}, {I, "", "qop", false}, {I, "", "nc", false},
		{C, "Bearer", "scope", true}, {C, "Bearer", "error", true}, {C, "Bearer", "error_description", true},
		{C, "Bearer", "error_uri", true}, {C, "DPoP", "algs", true}, {C, "Bearer", "resource_metadata", false},
		{R, "OAuth", "oauth_version", true}, {R, "hawk", "ts", true}, {C, "OAuth", "x", false},
		{C, "Foo", "nonce", false}, {R, "Bearer", "scope", false},
	} {
		if got := httpauth.DefaultQuote(tt.f, tt.scheme, tt.name); got != tt.want {
			t.Errorf("DefaultQuote(%v, %q, %q) = %v, want %v", tt.f, tt.scheme, tt.name, got, tt.want)
		}
	}
}

// skipIfExtValue skips a fuzz input whose parsed value has a "*"
// parameter that is not an RFC 8187 ext-value: strict parsing accepts any
// token or quoted-string there, the encoder refuses it (ErrExtValue).
func skipIfExtValue(t *testing.T, err error) {
	t.Helper()
	if errors.Is(err, httpauth.ErrExtValue) {
		t.Skip("a * parameter whose value is not an ext-value: the encoder refuses it")
	}
}

// TestEncodeExtValueParams checks that a parameter whose name ends in "*"
// takes only a valid RFC 8187 ext-value, written as a token whatever the
// quoting rule says.
func TestEncodeExtValueParams(t *testing.T) {
	quoteAll := httpauth.Encoder{Quote: func(httpauth.Field, string, string) bool { return true }}
	for _, tt := range []struct {
		enc  httpauth.Encoder
		c    httpauth.Credentials
		want string
	}{
		{httpauth.Encoder{}, cred("Digest", "username*", "UTF-8''J%C3%A4s%C3%B8n%20Doe"), `Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe`},
		{httpauth.Encoder{}, cred("OAuth", "title*", "UTF-8'en'caf%C3%A9"), `OAuth title*=UTF-8'en'caf%C3%A9`}, // OAuth quotes every other value
		{quoteAll, cred("X", "a*", "iso-8859-1''%E9", "b", "c"), `X a*=iso-8859-1''%E9, b="c"`},
		{httpauth.Encoder{}, cred("X", "a*", "UTF-8''"), `X a*=UTF-8''`},
	} {
		got, err := tt.enc.AppendCredentials(nil, tt.c)
		if err != nil || string(got) != tt.want {
			t.Errorf("AppendCredentials(%+v) = %q, %v, want %q", plain(tt.c), got, err, tt.want)
			continue
		}
		back, err := httpauth.ParseCredentials(string(got))
		if err != nil || !cmp.Equal(plain(back), plain(tt.c)) {
			t.Errorf("ParseCredentials(%q) = %+v, %v, want %+v", got, plain(back), err, plain(tt.c))
		}
	}
	for _, tt := range []struct {
		name, value string
		offset      int
	}{
		{"username*", "J\u00e4s\u00f8n", 7},                      // raw UTF-8 and no quote: at the end
		{"username*", "Mufasa", 6},                               // no charset
		{"username*", `"UTF-8''abc"`, 0},                         // the quoted form is not allowed
		{"username*", "UTF-8''a b", 8},                           // SP
		{"username*", "UTF-8''admin%0D%0AX-Injected%3A%201", 12}, // decodes to CR LF
		{"username*", "UTF-8''%FF", 7},                           // not UTF-8
		{"x*", "KOI8-R''abc", 0},                                 // charset
		{"*", "", 0},                                             // the empty value is not an ext-value either
	} {
		// Credentials name only the parameters their scheme defines
		// (x* could be the start of a secret).
		credParam := ""
		if tt.name == "username*" {
			credParam = tt.name
		}
		for _, f := range []struct {
			param  string
			encode func([]byte) ([]byte, error)
		}{
			{credParam, func(b []byte) ([]byte, error) {
				return httpauth.AppendCredentials(b, cred("Digest", "realm", "r", tt.name, tt.value))
			}},
			{tt.name, func(b []byte) ([]byte, error) {
				return httpauth.AppendChallenge(b, ch("Digest", "realm", "r", tt.name, tt.value))
			}},
			{tt.name, func(b []byte) ([]byte, error) { return httpauth.AppendParams(b, ps("realm", "r", tt.name, tt.value)) }},
		} {
			got, err := f.encode([]byte("x:"))
			checkEncodeErr(t, fmt.Sprintf("%s=%q", tt.name, tt.value), err, encodeErr{f.param, 1, tt.offset, httpauth.ErrExtValue})
			if string(got) != "x:" {
				t.Errorf("%s=%q: wrote %q, want nothing", tt.name, tt.value, got)
			}
		}
	}
}

func TestEncodeAllocs(t *testing.T) {
	skipIfAllocsInflated(t)
	for _, tt := range []struct {
		n    int
		want float64
	}{{2, 0}, {9, 0}, {httpauth.DefaultMaxParams, 0}, {httpauth.DefaultMaxParams + 1, 1}} {
		c := httpauth.Challenge{Scheme: "X"}
		for i := range tt.n {
			c.Params = append(c.Params, httpauth.Param{Name: fmt.Sprintf("n%d", i), Value: "v w"})
		}
		buf := make([]byte, 0, 16*tt.n)
		got := testing.AllocsPerRun(100, func() { buf = must(httpauth.AppendChallenge(buf[:0], c)) })
		if got != tt.want {
			t.Errorf("AppendChallenge with %d params: %v allocations, want %v", tt.n, got, tt.want)
		}
	}
}

// skipIfAllocsInflated skips an allocation test where the race detector or
// coverage instrumentation add allocations of their own.
func skipIfAllocsInflated(t *testing.T) {
	t.Helper()
	if raceEnabled || testing.CoverMode() != "" {
		t.Skip("allocation counts are inflated by the race detector and coverage")
	}
}
