package gnap_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/gnap"
	"github.com/authwire/httpauth/internal/scheme"
	"github.com/authwire/httpauth/internal/schemetest"
)

// RFC 9635 section 7.2's example token.
const rfcToken = "OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0"

func TestCredentials(t *testing.T) {
	for _, in := range []string{"GNAP " + rfcToken, "gnap " + rfcToken} {
		c, err := schemetest.ViewCredentials(t, in, gnap.ParseCredentials)
		if err != nil || c.Token != rfcToken {
			t.Errorf("ParseCredentials(%q) = %v, %v", in, c.Token == rfcToken, err)
		}
	}
	hc, err := gnap.Credentials{Token: rfcToken}.Build()
	if err != nil {
		t.Fatal(err)
	}
	want := "GNAP " + rfcToken
	if b, err := httpauth.AppendCredentials(nil, hc); err != nil || string(b) != want {
		t.Errorf("credentials encode as %q, %v; want %q", b, err, want)
	}

	for _, tt := range []struct {
		in   string
		want error
	}{
		{"GNAP", scheme.MissingToken68},
		{"Bearer " + rfcToken, httpauth.ErrOtherScheme},
		{"GNAP token=" + rfcToken, scheme.NoParams},
	} {
		_, err := schemetest.ViewCredentials(t, tt.in, gnap.ParseCredentials)
		schemetest.CheckError(t, fmt.Sprintf("ParseCredentials(%q)", tt.in), err, "GNAP", "", tt.want, "")
		if err != nil && strings.Contains(err.Error(), rfcToken) {
			t.Errorf("error quotes the token: %v", err)
		}
	}
	_, err = gnap.ParseCredentials(httpauth.Credentials{Scheme: "GNAP", Token68: rfcToken + "\r\n"})
	schemetest.CheckError(t, "token with CR LF", err, "GNAP", "", scheme.NotToken68, "")
	_, err = gnap.Credentials{Token: "a b"}.Build()
	schemetest.CheckError(t, "Build(a b)", err, "GNAP", "", scheme.NotToken68, "")
	_, err = gnap.Credentials{}.Build()
	schemetest.CheckError(t, "Build of no token", err, "GNAP", "", scheme.MissingToken68, "")
}

// The forms the package documentation promises: the token prints as
// [redacted] when set and as nothing when not.
func TestRedactedForms(t *testing.T) {
	c := gnap.Credentials{Token: rfcToken}
	for _, tt := range []struct{ verb, want string }{
		{"%v", "{[redacted]}"},
		{"%s", "{[redacted]}"},
		{"%X", "{[redacted]}"},
		{"%+v", "{Token:[redacted]}"},
		{"%#v", `gnap.Credentials{Token:"[redacted]"}`},
	} {
		if got := fmt.Sprintf(tt.verb, c); got != tt.want {
			t.Errorf("Sprintf(%s) = %q, want %q", tt.verb, got, tt.want)
		}
	}
	if got := fmt.Sprint(gnap.Credentials{}); got != "{}" {
		t.Errorf("no token prints as %q, want {}", got)
	}
	j, err := json.Marshal(c)
	if want := `{"Token":"[redacted]"}`; err != nil || string(j) != want {
		t.Errorf("json = %s, %v; want %s", j, err, want)
	}
	x, err := xml.Marshal(c)
	if want := `<Credentials><Token>[redacted]</Token></Credentials>`; err != nil || string(x) != want {
		t.Errorf("xml = %s, %v; want %s", x, err, want)
	}
	if v := c.LogValue().String(); v != "[Token=[redacted]]" {
		t.Errorf("LogValue = %s", v)
	}
}

func TestChallenge(t *testing.T) {
	tests := []struct {
		in   string
		want gnap.Challenge
	}{
		// RFC 9635's RS-first example, with as_uri quoted (the RFC writes
		// it bare, which strict RFC 9110 parsing refuses).
		{`GNAP as_uri="https://as.example/tx", access=FWWIKYBQ6U56NL1`,
			gnap.Challenge{ASURI: "https://as.example/tx", Access: "FWWIKYBQ6U56NL1"}},
		{`gnap AS_URI="https://as.example/tx", referrer=x`, gnap.Challenge{ASURI: "https://as.example/tx"}},
	}
	for _, tt := range tests {
		got, err := schemetest.ViewChallenge(t, tt.in, gnap.ParseChallenge)
		if err != nil || got != tt.want {
			t.Errorf("ParseChallenge(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	if _, err := httpauth.ParseChallenge(`GNAP as_uri=https://as.example/tx, access=FWWIKYBQ6U56NL1`); err == nil {
		t.Errorf("strict parsing accepted the bare as_uri; update the package doc")
	}

	c, err := gnap.Challenge{ASURI: "https://as.example/tx", Access: "FWWIKYBQ6U56NL1"}.Build()
	if err != nil {
		t.Fatal(err)
	}
	want := `GNAP as_uri="https://as.example/tx", access=FWWIKYBQ6U56NL1`
	if b, err := httpauth.AppendChallenge(nil, c); err != nil || string(b) != want {
		t.Errorf("challenge encodes as %q, %v; want %q", b, err, want)
	}

	errs := []struct {
		in    string
		param string
		want  error
	}{
		{`Bearer realm="x"`, "", httpauth.ErrOtherScheme},
		{`GNAP abc`, "", scheme.NoToken68},
		{`GNAP access=x`, "as_uri", httpauth.ErrMissingParam},
		{`GNAP as_uri="/tx"`, "as_uri", nil},
		{`GNAP as_uri="https://"`, "as_uri", nil},
		{`GNAP as_uri="%zz"`, "as_uri", nil},
	}
	for _, tt := range errs {
		_, err := schemetest.ViewChallenge(t, tt.in, gnap.ParseChallenge)
		schemetest.CheckError(t, fmt.Sprintf("ParseChallenge(%q)", tt.in), err, "GNAP", tt.param, tt.want, "")
	}
	dup := httpauth.Challenge{Scheme: "GNAP", Params: httpauth.Params{{Name: "as_uri", Value: "https://a/"}, {Name: "AS_URI", Value: "https://b/"}}}
	_, err = gnap.ParseChallenge(dup)
	schemetest.CheckError(t, "duplicate as_uri", err, "GNAP", "as_uri", scheme.Duplicate, "")
	if _, err := (gnap.Challenge{ASURI: "https://as.example/\r\nx"}).Build(); err == nil {
		t.Errorf("Build accepted an as_uri with CRLF")
	}
	_, err = gnap.Challenge{ASURI: "https://as.example/tx", Access: "a\nb"}.Build()
	schemetest.CheckError(t, "Build with an access holding LF", err, "GNAP", "access", scheme.CTL, "")
}
