package basic_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
)

// RFC 7617 section 2: Aladdin / open sesame.
func TestRFC7617Example(t *testing.T) {
	c, err := basic.Credentials{UserID: "Aladdin", Password: "open sesame"}.Credentials()
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Encode()
	if want := "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="; err != nil || got != want {
		t.Fatalf("Encode = %q, %v, want %q", got, err, want)
	}
	back, err := basic.ParseAuthorization("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
	if err != nil || back.UserID != "Aladdin" || back.Password != "open sesame" {
		t.Fatalf("ParseAuthorization = %#v, %v", back, err)
	}
}

// RFC 7617 section 2.1: test / 123£ with charset="UTF-8".
func TestRFC7617UTF8Example(t *testing.T) {
	ch, err := basic.ParseChallenge(httpauth.MustParseChallenge(`Basic realm="foo", charset="UTF-8"`))
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
	if cr.Token68 != "dGVzdDoxMjPCow==" {
		t.Fatalf("token68 = %q, want dGVzdDoxMjPCow==", cr.Token68)
	}
	if _, err := ch.Respond("test", "123\xa3"); !errors.Is(err, basic.ErrUTF8) {
		t.Fatalf("Latin-1 password with charset=UTF-8: err = %v, want ErrUTF8", err)
	}
	// Without a charset the octets are sent as given.
	cr, err = basic.Challenge{Realm: "foo"}.Respond("test", "123\xa3")
	if err != nil || cr.Token68 != "dGVzdDoxMjOj" {
		t.Fatalf("Respond without charset = %q, %v", cr.Token68, err)
	}
}

func TestChallenge(t *testing.T) {
	tests := []struct {
		in, wantErr string
		want        basic.Challenge
	}{
		{in: `Basic realm="WallyWorld"`, want: basic.Challenge{Realm: "WallyWorld"}},
		{in: `basic REALM=x, charset=utf-8, foo=bar`, want: basic.Challenge{Realm: "x", Charset: "utf-8"}},
		{in: `Basic`, wantErr: "no realm"},
		{in: `Basic realm="a", charset="ISO-8859-1"`, wantErr: "charset"},
		{in: `Basic abc=`, wantErr: "token68"},
		{in: `Bearer realm="a"`, wantErr: "not the Basic"},
	}
	for _, tt := range tests {
		got, err := basic.ParseChallenge(httpauth.MustParseChallenge(tt.in))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseChallenge(%q) err = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseChallenge(%q) = %+v, %v, want %+v", tt.in, got, err, tt.want)
		}
	}
	b, err := httpauth.AppendChallenge(nil, basic.Challenge{Realm: "foo", Charset: "UTF-8"}.Challenge())
	if want := `Basic realm="foo", charset=UTF-8`; err != nil || string(b) != want {
		t.Errorf("AppendChallenge = %q, %v, want %q", b, err, want)
	}
}

func TestEncodeRefuses(t *testing.T) {
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
		if _, err := (basic.Credentials{UserID: tt.user, Password: tt.pass}).Token68(); !errors.Is(err, tt.want) {
			t.Errorf("Token68(%q, %q) err = %v, want %v", tt.user, tt.pass, err, tt.want)
		}
	}
	// A colon in the password is fine: only the first colon splits.
	tok, err := basic.Credentials{UserID: "a", Password: "b:c"}.Token68()
	if err != nil || tok != "YTpiOmM=" {
		t.Errorf("Token68(a, b:c) = %q, %v, want YTpiOmM=", tok, err)
	}
}

func TestDecodeRefuses(t *testing.T) {
	for _, in := range []string{
		"Basic YWJj",     // "abc": no colon
		"Basic YTpi-w==", // not standard base64
		"Basic YTpiAA==", // "a:b\x00"
		"Basic YQo6Yg==", // "a\n:b"
		"Basic realm=x",  // params, not token68
		"Digest YTpi",    // wrong scheme
		"Basic",          // nothing
	} {
		if c, err := basic.ParseAuthorization(in); err == nil {
			t.Errorf("ParseAuthorization(%q) = %v, want an error", in, c)
		}
	}
}

func TestVerify(t *testing.T) {
	c := basic.Credentials{UserID: "Aladdin", Password: "open sesame"}
	if !c.Verify("Aladdin", "open sesame") {
		t.Error("Verify with the right pair = false")
	}
	for _, p := range [][2]string{{"aladdin", "open sesame"}, {"Aladdin", "open sesame "}, {"Aladdin", ""}, {"", ""}} {
		if c.Verify(p[0], p[1]) {
			t.Errorf("Verify(%q, %q) = true", p[0], p[1])
		}
	}
}

func TestRedacted(t *testing.T) {
	c := basic.Credentials{UserID: "Aladdin", Password: "open sesame"}
	var sb strings.Builder
	for _, f := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		fmt.Fprintf(&sb, f+"\n", c)
	}
	slog.New(slog.NewTextHandler(&sb, nil)).Info("login", "cred", c)
	slog.New(slog.NewJSONHandler(&sb, nil)).Info("login", "cred", c)
	if out := sb.String(); strings.Contains(out, "sesame") || !strings.Contains(out, "Aladdin") {
		t.Fatalf("printed credentials leak or lose the user-id:\n%s", out)
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
// when this package accepts it, re-encoding gives what SetBasicAuth writes
// for the same pair (up to base64 padding bits, hence the decode).
func checkAgainstNetHTTP(t *testing.T, value string) (both bool) {
	t.Helper()
	nu, np, nok := netHTTPBasic(value)
	c, err := basic.ParseAuthorization(value)
	if err != nil || !nok {
		return false
	}
	if c.UserID != nu || c.Password != np {
		t.Fatalf("value %q: basic = (%q, %q), net/http = (%q, %q)", value, c.UserID, c.Password, nu, np)
	}
	cr, err := c.Credentials()
	if err != nil {
		if strings.Contains(c.UserID, ":") {
			t.Fatalf("value %q: decoded user-id has a colon", value)
		}
		return true
	}
	enc, err := cr.Encode()
	if err != nil {
		t.Fatalf("value %q: re-encode: %v", value, err)
	}
	if set := netHTTPSet(c.UserID, c.Password); enc != set {
		t.Fatalf("pair (%q, %q): basic writes %q, SetBasicAuth writes %q", c.UserID, c.Password, enc, set)
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
	"Basic QR==",                          // non-canonical padding bits
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
		v := netHTTPSet(p[0], p[1])
		c, err := basic.ParseAuthorization(v)
		if err != nil || c.UserID != p[0] || c.Password != p[1] {
			t.Errorf("ParseAuthorization(SetBasicAuth(%q, %q)) = %v, %v", p[0], p[1], c, err)
		}
	}
}

func FuzzBasicAgainstNetHTTP(f *testing.F) {
	for _, v := range netHTTPCases {
		f.Add(v, "", "")
	}
	f.Add("", "Aladdin", "open sesame")
	f.Add("", "a:b", "c")
	f.Fuzz(func(t *testing.T, value, user, pass string) {
		checkAgainstNetHTTP(t, value)
		// Pair direction: if basic encodes the pair, net/http reads the
		// same pair back from it, and SetBasicAuth wrote the same value.
		cr, err := basic.Credentials{UserID: user, Password: pass}.Credentials()
		if err != nil {
			return
		}
		enc, err := cr.Encode()
		if err != nil {
			t.Fatalf("Encode: %v", err)
		}
		if set := netHTTPSet(user, pass); set != enc {
			t.Fatalf("basic writes %q, SetBasicAuth writes %q", enc, set)
		}
		if u, p, ok := netHTTPBasic(enc); !ok || u != user || p != pass {
			t.Fatalf("net/http reads (%q, %q, %v) from %q", u, p, ok, enc)
		}
	})
}
