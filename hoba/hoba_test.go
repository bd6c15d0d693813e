package hoba_test

import (
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/hoba"
	"github.com/authwire/httpauth/internal/schemetest"
)

func TestParseChallenge(t *testing.T) {
	tests := []struct {
		in   string
		want hoba.Challenge
	}{
		// The shape of MDN's example (max-age first, quoted).
		{`HOBA max-age="180", challenge="MTIzNDU2Nzg"`, hoba.Challenge{Challenge: "MTIzNDU2Nzg", MaxAge: 180}},
		{`hoba challenge=abc_-D, max-age=0, realm="photos"`, hoba.Challenge{Challenge: "abc_-D", MaxAge: 0, Realm: "photos"}},
		{`HOBA challenge=abcd, max-age=60, foo=bar`, hoba.Challenge{Challenge: "abcd", MaxAge: 60}},
	}
	for _, tt := range tests {
		got, err := schemetest.ViewChallenge(t, tt.in, hoba.ParseChallenge)
		if err != nil {
			t.Errorf("ParseChallenge(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseChallenge(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseChallengeErrors(t *testing.T) {
	tests := []struct{ in, param string }{
		{`Basic realm="x"`, ""},
		{`HOBA abcd`, ""},
		{`HOBA max-age=10`, "challenge"},
		{`HOBA challenge=abcd`, "max-age"},
		{`HOBA challenge=abcd, max-age=-1`, "max-age"},
		{`HOBA challenge=abcd, max-age=1e3`, "max-age"},
		{`HOBA challenge=abcd, max-age=99999999999999999999`, "max-age"},
		{`HOBA challenge="a.b", max-age=1`, "challenge"},
		{`HOBA challenge="abcd=", max-age=1`, "challenge"},
		{`HOBA challenge="", max-age=1`, "challenge"},
	}
	for _, tt := range tests {
		_, err := schemetest.ViewChallenge(t, tt.in, hoba.ParseChallenge)
		e, ok := err.(*hoba.Error)
		if !ok || e.Param != tt.param {
			t.Errorf("ParseChallenge(%q) error = %v, want a *hoba.Error for %q", tt.in, err, tt.param)
		}
	}
	dup := httpauth.Challenge{Scheme: "HOBA", Params: httpauth.Params{
		{Name: "challenge", Value: "abcd"}, {Name: "max-age", Value: "1"}, {Name: "Challenge", Value: "efgh"}}}
	if _, err := hoba.ParseChallenge(dup); err == nil {
		t.Errorf("ParseChallenge accepted a duplicate challenge parameter")
	}
}

func TestParseCredentials(t *testing.T) {
	tests := []struct {
		in   string
		want hoba.Result
	}{
		{`HOBA result="a2lk.MTIzNDU2Nzg.bm9uY2U.c2lnbmF0dXJl"`,
			hoba.Result{KID: "a2lk", Challenge: "MTIzNDU2Nzg", Nonce: "bm9uY2U", Signature: "c2lnbmF0dXJl"}},
		{`hoba result=k-_1.cc.n_.s-`, hoba.Result{KID: "k-_1", Challenge: "cc", Nonce: "n_", Signature: "s-"}},
	}
	for _, tt := range tests {
		got, err := schemetest.ViewCredentials(t, tt.in, hoba.ParseCredentials)
		if err != nil {
			t.Errorf("ParseCredentials(%q): %v", tt.in, err)
			continue
		}
		if got.Result != tt.want {
			t.Errorf("ParseCredentials(%q) = %+v, want %+v", tt.in, got.Result, tt.want)
		}
	}
	r := hoba.Result{Signature: "c2lnbmF0dXJl"}
	if sig, err := r.DecodeSignature(); err != nil || string(sig) != "signature" {
		t.Errorf("DecodeSignature = %q, %v; want \"signature\"", sig, err)
	}
}

func TestParseCredentialsErrors(t *testing.T) {
	const secret = "c2VjcmV0"
	for _, in := range []string{
		`HOBA kid=a`,
		`HOBA ` + secret,
		`Basic ` + secret,
		`HOBA result="a.b.c"`,
		`HOBA result="a.b.c.d.` + secret + `"`,
		`HOBA result="a..c.` + secret + `"`,
		`HOBA result="a.b.c.` + secret + `="`,
		`HOBA result="a.b.c.` + secret + `+"`,
		`HOBA result="a.b.c.` + secret + `x"`, // 9 characters: not base64
	} {
		_, err := schemetest.ViewCredentials(t, in, hoba.ParseCredentials)
		if err == nil {
			t.Errorf("ParseCredentials(%q) succeeded, want an error", in)
			continue
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("ParseCredentials(%q) error quotes the value: %v", in, err)
		}
	}
}

func TestBuild(t *testing.T) {
	ch := hoba.Challenge{Challenge: "MTIzNDU2Nzg", MaxAge: 180, Realm: "photos"}
	hc, err := ch.Build()
	if err != nil {
		t.Fatal(err)
	}
	const wantCh = `HOBA challenge=MTIzNDU2Nzg, max-age=180, realm="photos"`
	if b, err := httpauth.AppendChallenge(nil, hc); err != nil || string(b) != wantCh {
		t.Errorf("challenge encodes as %q, %v; want %q", b, err, wantCh)
	}

	cr := hoba.Credentials{Result: hoba.Result{KID: "a2lk", Challenge: "MTIzNDU2Nzg", Nonce: "bm9uY2U", Signature: "c2lnbmF0dXJl"}}
	hcr, err := cr.Build()
	if err != nil {
		t.Fatal(err)
	}
	// The result is a token, so the encoder sends it unquoted.
	const wantCr = `HOBA result=a2lk.MTIzNDU2Nzg.bm9uY2U.c2lnbmF0dXJl`
	if b, err := httpauth.AppendCredentials(nil, hcr); err != nil || string(b) != wantCr {
		t.Errorf("credentials encode as %q, %v; want %q", b, err, wantCr)
	}

	if _, err := (hoba.Challenge{Challenge: "a\r\nb", MaxAge: 1}).Build(); err == nil {
		t.Errorf("Build accepted a challenge with CRLF")
	}
	if _, err := (hoba.Challenge{Challenge: "abcd", MaxAge: -5}).Build(); err == nil {
		t.Errorf("Build accepted a negative max-age")
	}
	if _, err := (hoba.Credentials{Result: hoba.Result{KID: "a.b", Challenge: "c", Nonce: "d", Signature: "e"}}).Build(); err == nil {
		t.Errorf("Build accepted a kid with a dot")
	}
}

func TestFormatRedacts(t *testing.T) {
	cr := hoba.Credentials{Result: hoba.Result{KID: "a2lk", Challenge: "MTIz", Nonce: "bm9u", Signature: "c2VjcmV0"}}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if s := sprintf(verb, cr); strings.Contains(s, "c2VjcmV0") {
			t.Errorf("%s prints the signature: %s", verb, s)
		}
	}
}
