package gnap_test

import (
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/gnap"
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

	for _, in := range []string{"GNAP", "Bearer " + rfcToken, "GNAP token=" + rfcToken} {
		_, err := schemetest.ViewCredentials(t, in, gnap.ParseCredentials)
		if err == nil {
			t.Errorf("ParseCredentials(%q) succeeded", in)
		} else if strings.Contains(err.Error(), rfcToken) {
			t.Errorf("error quotes the token: %v", err)
		}
	}
	if _, err := (gnap.Credentials{Token: "a b"}).Build(); err == nil {
		t.Errorf("Build accepted a token with a space")
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if s := sprintf(verb, gnap.Credentials{Token: rfcToken}); strings.Contains(s, rfcToken) {
			t.Errorf("%s prints the token: %s", verb, s)
		}
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

	errs := []struct{ in, param string }{
		{`Bearer realm="x"`, ""},
		{`GNAP abc`, ""},
		{`GNAP access=x`, "as_uri"},
		{`GNAP as_uri="/tx"`, "as_uri"},
		{`GNAP as_uri="https://"`, "as_uri"},
		{`GNAP as_uri="%zz"`, "as_uri"},
	}
	for _, tt := range errs {
		_, err := schemetest.ViewChallenge(t, tt.in, gnap.ParseChallenge)
		if e, ok := err.(*gnap.Error); !ok || e.Param != tt.param {
			t.Errorf("ParseChallenge(%q) error = %v, want a *gnap.Error for %q", tt.in, err, tt.param)
		}
	}
	if _, err := (gnap.Challenge{ASURI: "https://as.example/\r\nx"}).Build(); err == nil {
		t.Errorf("Build accepted an as_uri with CRLF")
	}
}
