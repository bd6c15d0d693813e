package basic_test

import (
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/internal/scheme"
	"github.com/authwire/httpauth/internal/schemetest"
)

// parseAuthorization reads an Authorization value as a server does.
func parseAuthorization(v string) (basic.Credentials, error) {
	c, err := httpauth.ParseCredentials(v)
	if err != nil {
		return basic.Credentials{}, err
	}
	return basic.ParseCredentials(c)
}

// encode builds c and returns its Authorization value.
func encode(t testing.TB, c basic.Credentials) string {
	t.Helper()
	hc, err := c.Build()
	if err != nil {
		t.Fatalf("Build(%v): %v", c, err)
	}
	v, err := hc.Encode()
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return v
}

// RFC 7617 section 2: Aladdin / open sesame.
func TestRFC7617Example(t *testing.T) {
	const want = "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
	if got := encode(t, basic.Credentials{UserID: "Aladdin", Password: "open sesame"}); got != want {
		t.Fatalf("encoded = %q, want %q", got, want)
	}
	back, err := parseAuthorization(want)
	if err != nil || back.UserID != "Aladdin" || back.Password != "open sesame" {
		t.Fatalf("ParseCredentials = %q %q, %v", back.UserID, back.Password, err)
	}
}

// RFC 7617 section 2.1: test / 123£ with charset="UTF-8".
func TestRFC7617UTF8Example(t *testing.T) {
	ch, err := schemetest.ViewChallenge(t, `Basic realm="foo", charset="UTF-8"`, basic.ParseChallenge)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Realm != "foo" || !ch.UTF8() {
		t.Fatalf("ParseChallenge = %+v", ch)
	}
	cr, err := ch.Respond("test", "123\u00a3")
	if err != nil {
		t.Fatal(err)
	}
	if got := encode(t, cr); got != "Basic dGVzdDoxMjPCow==" {
		t.Fatalf("encoded = %q, want Basic dGVzdDoxMjPCow==", got)
	}
	_, err = ch.Respond("test", "123\xa3")
	schemetest.CheckError(t, "Latin-1 password with charset=UTF-8", err, "Basic", "", basic.ErrUTF8, "")
	// Without a charset the octets are sent as given.
	cr, err = basic.Challenge{Realm: "foo"}.Respond("test", "123\xa3")
	if err != nil || encode(t, cr) != "Basic dGVzdDoxMjOj" {
		t.Fatalf("Respond without charset = %v, %v", cr, err)
	}
}

func TestParseChallenge(t *testing.T) {
	tests := []struct {
		in   string
		want basic.Challenge
	}{
		{`Basic realm="WallyWorld"`, basic.Challenge{Realm: "WallyWorld"}},
		{`basic REALM=x, charset=utf-8, foo=bar`, basic.Challenge{Realm: "x", Charset: "utf-8"}},
		{`Basic realm=""`, basic.Challenge{}},
	}
	for _, tt := range tests {
		got, err := schemetest.ViewChallenge(t, tt.in, basic.ParseChallenge)
		if err != nil || got != tt.want {
			t.Errorf("ParseChallenge(%q) = %+v, %v, want %+v", tt.in, got, err, tt.want)
		}
	}
	errs := []struct {
		in    string
		param string
		want  error
	}{
		{`Basic`, "realm", httpauth.ErrMissingParam},
		{`Basic charset=UTF-8`, "realm", httpauth.ErrMissingParam},
		{`Basic realm="a", charset="ISO-8859-1"`, "charset", nil},
		{`Basic abc=`, "", scheme.NoToken68},
		{`Bearer realm="a"`, "", httpauth.ErrOtherScheme},
		{`Basicx realm="a"`, "", httpauth.ErrOtherScheme},
	}
	for _, tt := range errs {
		_, err := schemetest.ViewChallenge(t, tt.in, basic.ParseChallenge)
		schemetest.CheckError(t, fmt.Sprintf("ParseChallenge(%q)", tt.in), err, "Basic", tt.param, tt.want, "")
	}
	// Values built by hand: a duplicate (the root parser refuses one) and
	// a realm that could split a header.
	dup := httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "a"}, {Name: "Realm", Value: "b"}}}
	_, err := basic.ParseChallenge(dup)
	schemetest.CheckError(t, "duplicate realm", err, "Basic", "realm", scheme.Duplicate, "")
	crlf := httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "a\r\nSet-Cookie: x"}}}
	if _, err := basic.ParseChallenge(crlf); err == nil {
		t.Errorf("ParseChallenge accepted a realm with CR LF")
	}
}

func TestChallengeBuild(t *testing.T) {
	for _, tt := range []struct {
		c    basic.Challenge
		want string
	}{
		{basic.Challenge{Realm: "WallyWorld"}, `Basic realm="WallyWorld"`},
		{basic.Challenge{Realm: "foo", Charset: "UTF-8"}, `Basic realm="foo", charset=UTF-8`},
		{basic.Challenge{}, `Basic realm=""`},
	} {
		g, err := tt.c.Build()
		if err != nil {
			t.Errorf("Build(%+v): %v", tt.c, err)
			continue
		}
		if s := g.String(); s != tt.want {
			t.Errorf("Build(%+v) encodes as %q, want %q", tt.c, s, tt.want)
		}
	}
	for _, c := range []basic.Challenge{{Realm: "a\nb"}, {Realm: "a\x00"}, {Realm: "a", Charset: "latin1"}} {
		var se *httpauth.SchemeError
		if _, err := c.Build(); !errors.As(err, &se) || se.Scheme != "Basic" {
			t.Errorf("Build(%+v) err = %v, want a Basic SchemeError", c, err)
		}
	}
}

func TestBuildRefuses(t *testing.T) {
	tests := []struct {
		user, pass string
		want       error
	}{
		{"a:b", "x", basic.ErrColon},
		{"a\x00", "x", basic.ErrCTL},
		{"a", "x\r\ny", basic.ErrCTL},
		{"a", "x\x7f", basic.ErrCTL},
		{"a\tb", "x", basic.ErrCTL},
	}
	for _, tt := range tests {
		c := basic.Credentials{UserID: tt.user, Password: tt.pass}
		_, err := c.Build()
		schemetest.CheckError(t, fmt.Sprintf("Build(%q, %q)", tt.user, tt.pass), err, "Basic", "", tt.want, "")
		_, err = basic.Challenge{}.Respond(tt.user, tt.pass)
		schemetest.CheckError(t, fmt.Sprintf("Respond(%q, %q)", tt.user, tt.pass), err, "Basic", "", tt.want, "")
	}
	// A colon in the password is fine: only the first colon splits.
	if got := encode(t, basic.Credentials{UserID: "a", Password: "b:c"}); got != "Basic YTpiOmM=" {
		t.Errorf("encoded (a, b:c) = %q, want Basic YTpiOmM=", got)
	}
}

func TestParseCredentialsRefuses(t *testing.T) {
	for _, tt := range []struct {
		in   httpauth.Credentials
		want error
	}{
		{httpauth.Credentials{Scheme: "Basic", Token68: "YWJj"}, nil},
		{httpauth.Credentials{Scheme: "Basic", Token68: "YTpi-w=="}, scheme.NotBase64},
		{httpauth.Credentials{Scheme: "Basic", Token68: "YTpiAA=="}, basic.ErrCTL}, // "a:b\x00"
		{httpauth.Credentials{Scheme: "Basic", Token68: "YQo6Yg=="}, basic.ErrCTL}, // "a\n:b"
		{httpauth.Credentials{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "x"}}}, scheme.NoParams},
		{httpauth.Credentials{Scheme: "Digest", Token68: "YTpi"}, httpauth.ErrOtherScheme},
		{httpauth.Credentials{Scheme: "Basic"}, scheme.MissingToken68},
	} {
		_, err := basic.ParseCredentials(tt.in)
		schemetest.CheckError(t, fmt.Sprintf("ParseCredentials(%s %q)", tt.in.Scheme, tt.in.Token68), err, "Basic", "", tt.want, "")
	}
}

// Base64 is decoded strictly: only the canonical encoding of a pair is
// read, so two different texts never give the same user-id and password.
func TestParseCredentialsStrictBase64(t *testing.T) {
	if c, err := basic.ParseCredentials(httpauth.Credentials{Scheme: "Basic", Token68: "YTpiYw=="}); err != nil || c.UserID != "a" || c.Password != "bc" {
		t.Fatalf("YTpiYw== = %q %q, %v; want a bc", c.UserID, c.Password, err)
	}
	for _, tok := range []string{
		"YTpiYx==",       // a:bc with non-zero pad bits
		"YTpiYw",         // unpadded
		"YTpiYw=",        // short padding
		"YTpi\r\nYw==",   // line break, which encoding/base64 skips
		"YTpiYw==\n",     // trailing LF
		"YTpi\nYw==",     // LF alone
		"YTpi\rYw==",     // CR alone
		"Y T p i Y w==",  // spaces
		"YTpiYw==YTpiYw", // data after the padding
	} {
		_, err := basic.ParseCredentials(httpauth.Credentials{Scheme: "Basic", Token68: tok})
		schemetest.CheckError(t, fmt.Sprintf("ParseCredentials(%q)", tok), err, "Basic", "", scheme.NotBase64, "")
	}
}

// Every text of the form "YTpi" + 2 or 3 base64 characters + padding (the
// pair "a:b" followed by one or two bytes) is read exactly when it is the
// canonical encoding of its bytes and they hold no control character; and
// what is read builds back to the same text.
func TestParseCredentialsEveryPadding(t *testing.T) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	check := func(tok string) {
		raw, err := base64.StdEncoding.DecodeString(tok)
		want := err == nil && base64.StdEncoding.EncodeToString(raw) == tok && !strings.ContainsFunc(string(raw), func(r rune) bool { return r < 0x20 || r == 0x7f })
		c, err := basic.ParseCredentials(httpauth.Credentials{Scheme: "Basic", Token68: tok})
		if (err == nil) != want {
			t.Fatalf("ParseCredentials(%q) err = %v, want accepted = %v", tok, err, want)
		}
		if err == nil {
			if hc, err := c.Build(); err != nil || hc.Token68 != tok {
				t.Fatalf("ParseCredentials(%q) builds back to %q, %v", tok, hc.Token68, err)
			}
		}
	}
	for i := range len(alphabet) {
		for j := range len(alphabet) {
			check("YTpi" + alphabet[i:i+1] + alphabet[j:j+1] + "==")
			for k := range len(alphabet) {
				check("YTpi" + alphabet[i:i+1] + alphabet[j:j+1] + alphabet[k:k+1] + "=")
			}
		}
	}
}

func TestVerify(t *testing.T) {
	c := basic.Credentials{UserID: "Aladdin", Password: "open sesame"}
	if err := c.Verify("Aladdin", "open sesame"); err != nil {
		t.Errorf("Verify with the right pair = %v", err)
	}
	for _, p := range [][2]string{{"aladdin", "open sesame"}, {"Aladdin", "open sesame "}, {"Aladdin", ""}, {"", ""}, {"Aladdin:open", "sesame"}} {
		err := c.Verify(p[0], p[1])
		schemetest.CheckError(t, fmt.Sprintf("Verify(%q, %q)", p[0], p[1]), err, "Basic", "", httpauth.ErrVerification, "")
		if err != nil && (strings.Contains(err.Error(), "sesame") || strings.Contains(err.Error(), "laddin")) {
			t.Errorf("Verify error quotes a part: %v", err)
		}
	}
}

// The forms the package documentation promises: the user-id stays
// visible, the password prints as [redacted] when set and as nothing when
// not.
func TestRedactedForms(t *testing.T) {
	c := basic.Credentials{UserID: "Aladdin", Password: "open sesame"}
	for _, tt := range []struct{ verb, want string }{
		{"%v", "{Aladdin [redacted]}"},
		{"%s", "{Aladdin [redacted]}"},
		{"%x", "{Aladdin [redacted]}"},
		{"%+v", "{UserID:Aladdin Password:[redacted]}"},
		{"%#v", `basic.Credentials{UserID:"Aladdin", Password:"[redacted]"}`},
		{"%q", `"{Aladdin [redacted]}"`},
	} {
		if got := fmt.Sprintf(tt.verb, c); got != tt.want {
			t.Errorf("Sprintf(%s) = %q, want %q", tt.verb, got, tt.want)
		}
	}
	if got := (basic.Credentials{UserID: "u"}).String(); got != "{u }" {
		t.Errorf("String without a password = %q, want %q", got, "{u }")
	}
	j, err := json.Marshal(c)
	if want := `{"UserID":"Aladdin","Password":"[redacted]"}`; err != nil || string(j) != want {
		t.Errorf("json = %s, %v; want %s", j, err, want)
	}
	x, err := xml.Marshal(c)
	if want := `<Credentials><UserID>Aladdin</UserID><Password>[redacted]</Password></Credentials>`; err != nil || string(x) != want {
		t.Errorf("xml = %s, %v; want %s", x, err, want)
	}
	if v := c.LogValue().String(); v != "[UserID=Aladdin Password=[redacted]]" {
		t.Errorf("LogValue = %s", v)
	}
}

// netHTTPBasic returns what net/http's Request.BasicAuth reads from an
// Authorization value.
func netHTTPBasic(value string) (user, pass string, ok bool) {
	r := &http.Request{Header: http.Header{"Authorization": {value}}}
	return r.BasicAuth()
}

// netHTTPSet returns the Authorization value net/http's SetBasicAuth writes.
func netHTTPSet(user, pass string) string {
	r := &http.Request{Header: http.Header{}}
	r.SetBasicAuth(user, pass)
	return r.Header.Get("Authorization")
}

// checkAgainstNetHTTP asserts that, when both net/http and this package
// accept the value, they read the same user-id and password, and that
// when this package accepts it, building gives back the token68 it read,
// which is also what SetBasicAuth writes for the same pair.
func checkAgainstNetHTTP(t *testing.T, value string) (both bool) {
	t.Helper()
	nu, np, nok := netHTTPBasic(value)
	hc, err := httpauth.ParseCredentials(value)
	if err != nil {
		return false
	}
	c, err := basic.ParseCredentials(hc)
	if err != nil {
		return false
	}
	back, err := c.Build()
	if err != nil {
		if !strings.Contains(c.UserID, ":") {
			t.Fatalf("value %q: Build of what was read: %v", value, err)
		}
	} else if back.Token68 != hc.Token68 {
		t.Fatalf("value %q: read, then built as %q: not the canonical encoding", value, back.Token68)
	} else if set := netHTTPSet(c.UserID, c.Password); "Basic "+back.Token68 != set {
		t.Fatalf("pair (%q, %q): basic writes %q, SetBasicAuth writes %q", c.UserID, c.Password, back.Token68, set)
	}
	if !nok {
		return false
	}
	if c.UserID != nu || c.Password != np {
		t.Fatalf("value %q: basic = (%q, %q), net/http = (%q, %q)", value, c.UserID, c.Password, nu, np)
	}
	return true
}

var netHTTPCases = []string{
	"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
	"basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
	"BASIC QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
	"Basic  QWxhZGRpbjpvcGVuIHNlc2FtZQ==", // two spaces: only basic accepts
	"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ",    // unpadded: both refuse
	"Basic Og==",                          // ":" empty pair
	"Basic YTpiOmM=",                      // a / b:c
	"Basic dGVzdDoxMjPCow==",              // UTF-8
	"Basic dGVzdDoxMjOj",                  // Latin-1 octet
	"Basic YTpiAA==",                      // NUL in password: net/http only
	"Basic YWJj",                          // no colon: both refuse
	"Basic YTpiYx==",                      // non-canonical pad bits: net/http only
	"Basic YTpi,",
	"Basic YTpi ",
	"Bearer YTpi",
}

func TestAgreesWithNetHTTP(t *testing.T) {
	both := 0
	for _, v := range netHTTPCases {
		if checkAgainstNetHTTP(t, v) {
			both++
		}
	}
	// Aladdin (3 spellings of the scheme), Og==, a:b:c, UTF-8, Latin-1:
	// the table must exercise the comparison, not skip it.
	if both < 7 {
		t.Errorf("only %d table values accepted by both sides, want at least 7", both)
	}
	// And in the other direction: what SetBasicAuth writes, basic reads
	// back, for pairs basic accepts.
	for _, p := range [][2]string{{"Aladdin", "open sesame"}, {"", ""}, {"a", "b:c"}, {"Jäsøn", "pä ss"}, {"u", `"\`}} {
		c, err := parseAuthorization(netHTTPSet(p[0], p[1]))
		if err != nil || c.UserID != p[0] || c.Password != p[1] {
			t.Errorf("ParseCredentials(SetBasicAuth(%q, %q)) = %v, %v", p[0], p[1], c, err)
		}
	}
}
