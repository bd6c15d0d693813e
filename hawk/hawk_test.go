package hawk_test

import (
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/hawk"
	"github.com/authwire/httpauth/internal/schemetest"
)

// The README's example (GRAMMAR.md section 4).
const readme = `Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="`

var readmeWant = hawk.Authorization{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", Ext: "some-app-ext-data", MAC: "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="}

func TestParseAuthorization(t *testing.T) {
	tests := []struct {
		in   string
		want hawk.Authorization
	}{
		{readme, readmeWant},
		// Token values, other case and order, unknown ignored, all
		// optional parameters.
		{`hawk MAC="bWFj", Dlg=d, app=a, ext="a b, c=d", hash="aGFzaA==", nonce=n, ts=0, id=i, x=y`,
			hawk.Authorization{ID: "i", TS: 0, Nonce: "n", Hash: "aGFzaA==", Ext: "a b, c=d", MAC: "bWFj", App: "a", Dlg: "d"}},
	}
	for _, tt := range tests {
		got, err := schemetest.ViewCredentials(t, tt.in, hawk.ParseAuthorization)
		if err != nil {
			t.Errorf("ParseAuthorization(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseAuthorization(%q) = %v, want %v", tt.in, got.ID, tt.want.ID)
		}
	}
}

func TestParseAuthorizationErrors(t *testing.T) {
	const secret = "c2VjcmV0"
	tests := []struct{ in, param string }{
		{"Bearer " + secret, ""},
		{"Hawk " + secret, ""},
		{`Hawk ts=1, nonce=n, mac=` + secret, "id"},
		{`Hawk id=i, nonce=n, mac=` + secret, "ts"},
		{`Hawk id=i, ts=1, mac=` + secret, "nonce"},
		{`Hawk id=i, ts=1, nonce=n`, "mac"},
		{`Hawk id=i, ts="-1", nonce=n, mac=` + secret, "ts"},
		{`Hawk id=i, ts="1.5", nonce=n, mac=` + secret, "ts"},
		{`Hawk id=i, ts="", nonce=n, mac=` + secret, "ts"},
		{`Hawk id=i, ts=1, nonce=n, mac="` + secret + `!"`, "mac"},
		{`Hawk id=i, ts=1, nonce=n, mac="YWJj", hash="` + secret + `="`, "hash"},
		{`Hawk id=i, ts=1, nonce=n, mac="YWJj", ext="` + secret + `\""`, "ext"},
		{`Hawk id=i, ts=1, nonce=n, mac="YWJj", ext="` + secret + `\\"`, "ext"},
		{`Hawk id=i, ts=1, nonce=n, mac="YWJj", ext="` + secret + "\t\"", "ext"},
	}
	for _, tt := range tests {
		_, err := schemetest.ViewCredentials(t, tt.in, hawk.ParseAuthorization)
		e, ok := err.(*hawk.Error)
		if !ok || e.Param != tt.param {
			t.Errorf("ParseAuthorization(%q) error = %v, want a *hawk.Error for %q", tt.in, err, tt.param)
			continue
		}
		if strings.Contains(e.Error(), secret) {
			t.Errorf("error quotes the value: %v", e)
		}
	}
	dup := httpauth.Credentials{Scheme: "Hawk", Params: httpauth.Params{{Name: "mac", Value: "YWJj"}, {Name: "MAC", Value: "YWJj"}}}
	if _, err := hawk.ParseAuthorization(dup); err == nil {
		t.Errorf("ParseAuthorization accepted a duplicate mac")
	}
}

func TestEncodeAuthorization(t *testing.T) {
	got, err := readmeWant.Encode()
	if err != nil || got != readme {
		t.Errorf("Encode = %q, %v;\nwant %q", got, err, readme)
	}
	hc, err := readmeWant.Build()
	if err != nil {
		t.Fatal(err)
	}
	// The generic encoder quotes only the mac (padded base64 is not a
	// token).
	const wantGeneric = `Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="`
	if b, err := httpauth.AppendCredentials(nil, hc); err != nil || string(b) != wantGeneric {
		t.Errorf("generic encoding = %q, %v;\nwant %q", b, err, wantGeneric)
	}

	full := hawk.Authorization{ID: "i", TS: 7, Nonce: "n", Hash: "aGFzaA==", Ext: "e x", MAC: "bWFj", App: "a", Dlg: "d"}
	const wantFull = `Hawk id="i", ts="7", nonce="n", hash="aGFzaA==", ext="e x", mac="bWFj", app="a", dlg="d"`
	if got, err := full.Encode(); err != nil || got != wantFull {
		t.Errorf("Encode = %q, %v;\nwant %q", got, err, wantFull)
	}

	for name, bad := range map[string]hawk.Authorization{
		"no id":        {TS: 1, Nonce: "n", MAC: "bWFj"},
		"quote in ext": {ID: "i", TS: 1, Nonce: "n", MAC: "bWFj", Ext: `a"b`},
		"CRLF in id":   {ID: "i\r\nX: y", TS: 1, Nonce: "n", MAC: "bWFj"},
		"bad mac":      {ID: "i", TS: 1, Nonce: "n", MAC: "bWF"},
		"negative ts":  {ID: "i", TS: -1, Nonce: "n", MAC: "bWFj"},
	} {
		if got, err := bad.Encode(); err == nil {
			t.Errorf("%s: Encode = %q, want an error", name, got)
		}
		if _, err := bad.Build(); err == nil {
			t.Errorf("%s: Build succeeded", name)
		}
	}
}

func TestServerAuthorization(t *testing.T) {
	// Values written for this test (base64 of "mac" and "hash").
	const in = `Hawk mac="bWFj", hash="aGFzaA==", ext="response-specific"`
	s, err := schemetest.ViewCredentials(t, in, hawk.ParseServerAuthorization)
	want := hawk.ServerAuthorization{MAC: "bWFj", Hash: "aGFzaA==", Ext: "response-specific"}
	if err != nil || s != want {
		t.Errorf("ParseServerAuthorization = %v, %v", s.Ext, err)
	}
	if got, err := s.Encode(); err != nil || got != in {
		t.Errorf("Encode = %q, %v; want %q", got, err, in)
	}
	b, err := s.Build()
	if err != nil {
		t.Fatal(err)
	}
	const wantGeneric = `Hawk mac="bWFj", hash="aGFzaA==", ext="response-specific"`
	if got, err := httpauth.AppendCredentials(nil, b); err != nil || string(got) != wantGeneric {
		t.Errorf("generic encoding = %q, %v; want %q", got, err, wantGeneric)
	}
	only := hawk.ServerAuthorization{MAC: "bWFj"}
	if got, err := only.Encode(); err != nil || got != `Hawk mac="bWFj"` {
		t.Errorf("Encode(mac only) = %q, %v", got, err)
	}
	for _, bad := range []string{`Hawk hash="aGFzaA=="`, `Hawk mac="bW"`, `Basic bWFj`, `Hawk mac=bWFj, ext="a\"b"`} {
		hc, err := httpauth.ParseCredentials(bad)
		if err != nil {
			t.Fatalf("httpauth.ParseCredentials(%q): %v", bad, err)
		}
		if _, err := hawk.ParseServerAuthorization(hc); err == nil {
			t.Errorf("ParseServerAuthorization(%q) succeeded", bad)
		}
	}
}

func TestFormatRedacts(t *testing.T) {
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if s := sprintf(verb, readmeWant); strings.Contains(s, "6R4rV5iE") || strings.Contains(s, "dh37fgj492je") {
			t.Errorf("%s prints a secret: %s", verb, s)
		}
		if s := sprintf(verb, hawk.ServerAuthorization{MAC: "bWFj"}); strings.Contains(s, "bWFj") {
			t.Errorf("%s prints the mac: %s", verb, s)
		}
	}
}
