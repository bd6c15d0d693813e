package hawk_test

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/hawk"
	"github.com/authwire/httpauth/internal/scheme"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/google/go-cmp/cmp"
)

// The README's example (GRAMMAR.md section 4).
const readme = `Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="`

var readmeWant = hawk.Credentials{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", Ext: "some-app-ext-data", MAC: "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="}

func TestParseCredentials(t *testing.T) {
	tests := []struct {
		in   string
		want hawk.Credentials
	}{
		{readme, readmeWant},
		// Token values, other case and order, unknown ignored, all
		// optional parameters.
		{`hawk MAC="bWFj", Dlg=d, app=a, ext="a b, c=d", hash="aGFzaA==", nonce=n, ts=0, id=i, x=y`,
			hawk.Credentials{ID: "i", TS: 0, Nonce: "n", Hash: "aGFzaA==", Ext: "a b, c=d", MAC: "bWFj", App: "a", Dlg: "d"}},
	}
	for _, tt := range tests {
		got, err := schemetest.ViewCredentials(t, tt.in, hawk.ParseCredentials)
		if err != nil {
			t.Errorf("ParseCredentials(%q): %v", tt.in, err)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("ParseCredentials(%q) (-want +got):\n%s", tt.in, d)
		}
	}
}

func TestParseCredentialsErrors(t *testing.T) {
	const secret = "c2VjcmV0"
	tests := []struct {
		in, param string
		want      error
	}{
		{"Bearer " + secret, "", httpauth.ErrOtherScheme},
		{"Hawk " + secret, "", scheme.NoToken68},
		{`Hawk ts=1, nonce=n, mac=` + secret, "id", httpauth.ErrMissingParam},
		{`Hawk id=i, nonce=n, mac=` + secret, "ts", httpauth.ErrMissingParam},
		{`Hawk id=i, ts=1, mac=` + secret, "nonce", httpauth.ErrMissingParam},
		{`Hawk id=i, ts=1, nonce=n`, "mac", httpauth.ErrMissingParam},
		{`Hawk id=i, ts="-1", nonce=n, mac=` + secret, "ts", nil},
		{`Hawk id=i, ts="1.5", nonce=n, mac=` + secret, "ts", nil},
		{`Hawk id=i, ts="", nonce=n, mac=` + secret, "ts", nil},
		{`Hawk id=i, ts=1, nonce=n, mac="` + secret + `!"`, "mac", nil},
		{`Hawk id=i, ts=1, nonce=n, mac="YWJ="`, "mac", nil}, // pad bits not zero
		{`Hawk id=i, ts=1, nonce=n, mac="YWJj", hash="` + secret + `="`, "hash", nil},
		{`Hawk id=i, ts=1, nonce=n, mac="YWJj", ext="` + secret + `\""`, "ext", nil},
		{`Hawk id=i, ts=1, nonce=n, mac="YWJj", ext="` + secret + `\\"`, "ext", nil},
		{`Hawk id=i, ts=1, nonce=n, mac="YWJj", ext="` + secret + "\t\"", "ext", nil},
		{`Hawk id=i, ts=1, nonce=n, mac="YWJj", dlg="` + secret + `"`, "dlg", nil},
	}
	for _, tt := range tests {
		_, err := schemetest.ViewCredentials(t, tt.in, hawk.ParseCredentials)
		schemetest.CheckError(t, "ParseCredentials("+tt.in+")", err, hawk.Scheme, tt.param, tt.want, secret)
	}
	dup := httpauth.Credentials{Scheme: "Hawk", Params: httpauth.Params{{Name: "mac", Value: "YWJj"}, {Name: "MAC", Value: "YWJj"}}}
	_, err := hawk.ParseCredentials(dup)
	schemetest.CheckError(t, "ParseCredentials(duplicate mac)", err, hawk.Scheme, "mac", scheme.Duplicate, "")
}

// A dlg without app is not covered by the MAC, so adding one to a valid
// header would pass as authenticated: it is refused when parsing, building
// and verifying.
func TestDlgWithoutApp(t *testing.T) {
	forged := readme + `, dlg="attacker-app"`
	_, err := schemetest.ViewCredentials(t, forged, hawk.ParseCredentials)
	schemetest.CheckError(t, "ParseCredentials(valid header + dlg)", err, hawk.Scheme, "dlg", nil, "")

	a := readmeWant
	a.Dlg = "attacker-app"
	if _, err := a.Build(); err == nil {
		t.Errorf("Build accepted dlg without app")
	}
	if err := a.Verify(sha256.New, readmeKey, readmeReq); err == nil {
		t.Errorf("Verify accepted a valid MAC with dlg added")
	}
	// With app, both are covered: adding dlg changes the MAC.
	a.App = "app"
	a.Dlg = ""
	m, err := a.ComputeMAC(sha256.New, readmeKey, readmeReq)
	if err != nil {
		t.Fatal(err)
	}
	a.MAC, a.Dlg = m, "attacker-app"
	if err := a.Verify(sha256.New, readmeKey, readmeReq); !errors.Is(err, httpauth.ErrVerification) {
		t.Errorf("Verify with app and an added dlg = %v, want ErrVerification", err)
	}
}

// httpauth's encoder writes every value of what Build returns in double
// quotes, as Hawk implementations expect.
func TestBuildEncoding(t *testing.T) {
	for _, tt := range []struct {
		a    hawk.Credentials
		want string
	}{
		{readmeWant, readme},
		{hawk.Credentials{ID: "i", TS: 7, Nonce: "n", Hash: "aGFzaA==", Ext: "e x", MAC: "bWFj", App: "a", Dlg: "d"},
			`Hawk id="i", ts="7", nonce="n", hash="aGFzaA==", ext="e x", mac="bWFj", app="a", dlg="d"`},
	} {
		hc, err := tt.a.Build()
		if err != nil {
			t.Fatal(err)
		}
		if got, err := hc.Encode(); err != nil || got != tt.want {
			t.Errorf("encoding = %q, %v;\nwant %q", got, err, tt.want)
		}
	}

	for _, tt := range []struct {
		name  string
		a     hawk.Credentials
		param string
	}{
		{"no id", hawk.Credentials{TS: 1, Nonce: "n", MAC: "bWFj"}, "id"},
		{"quote in ext", hawk.Credentials{ID: "i", TS: 1, Nonce: "n", MAC: "bWFj", Ext: `a"b`}, "ext"},
		{"CRLF in id", hawk.Credentials{ID: "i\r\nX: y", TS: 1, Nonce: "n", MAC: "bWFj"}, "id"},
		{"bad mac", hawk.Credentials{ID: "i", TS: 1, Nonce: "n", MAC: "bWF"}, "mac"},
		{"negative ts", hawk.Credentials{ID: "i", TS: -1, Nonce: "n", MAC: "bWFj"}, "ts"},
		{"dlg without app", hawk.Credentials{ID: "i", TS: 1, Nonce: "n", MAC: "bWFj", Dlg: "d"}, "dlg"},
	} {
		_, err := tt.a.Build()
		schemetest.CheckError(t, tt.name+": Build", err, hawk.Scheme, tt.param, nil, "")
	}
}

func TestServerAuthorization(t *testing.T) {
	// Values written for this test (base64 of "mac" and "hash").
	const in = `Hawk mac="bWFj", hash="aGFzaA==", ext="response-specific"`
	s, err := schemetest.ViewCredentials(t, in, hawk.ParseServerAuthorization)
	want := hawk.ServerAuthorization{MAC: "bWFj", Hash: "aGFzaA==", Ext: "response-specific"}
	if err != nil || s != want {
		t.Errorf("ParseServerAuthorization = %+v, %v", s, err)
	}
	for _, tt := range []struct {
		s    hawk.ServerAuthorization
		want string
	}{
		{s, in},
		{hawk.ServerAuthorization{MAC: "bWFj"}, `Hawk mac="bWFj"`},
	} {
		b, err := tt.s.Build()
		if err != nil {
			t.Fatal(err)
		}
		if got, err := b.Encode(); err != nil || got != tt.want {
			t.Errorf("encoding = %q, %v; want %q", got, err, tt.want)
		}
	}
	for _, tt := range []struct {
		in, param string
		want      error
	}{
		{`Hawk hash="aGFzaA=="`, "mac", httpauth.ErrMissingParam},
		{`Hawk mac="bW"`, "mac", nil},
		{`Basic bWFj`, "", httpauth.ErrOtherScheme},
		{`Hawk mac=bWFj, ext="a\"b"`, "ext", nil},
	} {
		_, err := schemetest.ViewCredentials(t, tt.in, hawk.ParseServerAuthorization)
		schemetest.CheckError(t, "ParseServerAuthorization("+tt.in+")", err, hawk.Scheme, tt.param, tt.want, "")
	}
}

// The MAC and the application data print masked; the rest stays visible.
func TestRedaction(t *testing.T) {
	a := readmeWant
	a.App, a.Dlg = "app", "dlg"
	for _, tt := range []struct {
		v    any
		want string
	}{
		{a, "{ID:dh37fgj492je TS:1353832234 Nonce:j4h3g2 Hash: Ext:[redacted] MAC:[redacted] App:app Dlg:dlg}"},
		{hawk.ServerAuthorization{MAC: "bWFj", Hash: "aGFzaA=="}, "{MAC:[redacted] Hash:aGFzaA== Ext:}"},
	} {
		if got := fmt.Sprintf("%+v", tt.v); got != tt.want {
			t.Errorf("%%+v = %s, want %s", got, tt.want)
		}
	}
}
