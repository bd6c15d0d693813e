package hoba_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/hoba"
	"github.com/authwire/httpauth/internal/scheme"
	"github.com/authwire/httpauth/internal/schemetest"
)

func TestParseChallenge(t *testing.T) {
	tests := []struct {
		in   string
		want hoba.Challenge
	}{
		// The shape of MDN's example (max-age first, quoted).
		{`HOBA max-age="180", challenge="MTIzNDU2Nzg"`, hoba.Challenge{Challenge: "MTIzNDU2Nzg", MaxAge: 180}},
		{`hoba challenge=abc_-A, max-age=0, realm="photos"`, hoba.Challenge{Challenge: "abc_-A", MaxAge: 0, Realm: "photos"}},
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
	tests := []struct {
		in    string
		param string
		want  error
	}{
		{`Basic realm="x"`, "", httpauth.ErrOtherScheme},
		{`HOBA abcd`, "", scheme.NoToken68},
		{`HOBA max-age=10`, "challenge", httpauth.ErrMissingParam},
		{`HOBA challenge=abcd`, "max-age", httpauth.ErrMissingParam},
		{`HOBA challenge=abcd, max-age=-1`, "max-age", scheme.NotDigits},
		{`HOBA challenge=abcd, max-age=1e3`, "max-age", scheme.NotDigits},
		{`HOBA challenge=abcd, max-age=""`, "max-age", scheme.NotDigits},
		{`HOBA challenge=abcd, max-age=99999999999999999999`, "max-age", scheme.NotDigits},
		{`HOBA challenge="a.b", max-age=1`, "challenge", nil},
		{`HOBA challenge="abcd=", max-age=1`, "challenge", nil},
		{`HOBA challenge="", max-age=1`, "challenge", nil},
		{`HOBA challenge="abF", max-age=1`, "challenge", nil}, // non-zero pad bits
	}
	for _, tt := range tests {
		_, err := schemetest.ViewChallenge(t, tt.in, hoba.ParseChallenge)
		schemetest.CheckError(t, fmt.Sprintf("ParseChallenge(%q)", tt.in), err, "HOBA", tt.param, tt.want, "")
	}
	dup := httpauth.Challenge{Scheme: "HOBA", Params: httpauth.Params{
		{Name: "challenge", Value: "abcd"}, {Name: "max-age", Value: "1"}, {Name: "Challenge", Value: "efgh"}}}
	_, err := hoba.ParseChallenge(dup)
	schemetest.CheckError(t, "duplicate challenge", err, "HOBA", "challenge", scheme.Duplicate, "")
	dupRealm := httpauth.Challenge{Scheme: "HOBA", Params: httpauth.Params{
		{Name: "challenge", Value: "abcd"}, {Name: "max-age", Value: "1"}, {Name: "realm", Value: "a"}, {Name: "REALM", Value: "b"}}}
	_, err = hoba.ParseChallenge(dupRealm)
	schemetest.CheckError(t, "duplicate realm", err, "HOBA", "realm", scheme.Duplicate, "")
}

func TestParseCredentials(t *testing.T) {
	tests := []struct {
		in   string
		want hoba.Result
	}{
		{`HOBA result="a2lk.MTIzNDU2Nzg.bm9uY2U.c2lnbmF0dXJl"`,
			hoba.Result{KID: "a2lk", Challenge: "MTIzNDU2Nzg", Nonce: "bm9uY2U", Signature: "c2lnbmF0dXJl"}},
		{`hoba result=k-_1.cA.nw.sw`, hoba.Result{KID: "k-_1", Challenge: "cA", Nonce: "nw", Signature: "sw"}},
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
	for _, tt := range []struct {
		in    string
		param string
		want  error
	}{
		{`HOBA kid=a`, "result", httpauth.ErrMissingParam},
		{`HOBA ` + secret, "", scheme.NoToken68},
		{`Basic ` + secret, "", httpauth.ErrOtherScheme},
		{`HOBA result="a.b.c"`, "result", nil},
		{`HOBA result="a.b.c.d.` + secret + `"`, "result", nil},
		{`HOBA result="a..c.` + secret + `"`, "result", nil},
		{`HOBA result="a.b.c.` + secret + `="`, "result", nil},
		{`HOBA result="a.b.c.` + secret + `+"`, "result", nil},
		{`HOBA result="a.b.c.` + secret + `x"`, "result", nil},   // 9 characters: not base64
		{`HOBA result="a.b.c.` + secret + `cHV"`, "result", nil}, // non-zero pad bits
	} {
		_, err := schemetest.ViewCredentials(t, tt.in, hoba.ParseCredentials)
		schemetest.CheckError(t, fmt.Sprintf("ParseCredentials(%q)", tt.in), err, "HOBA", tt.param, tt.want, "")
		if err != nil && strings.Contains(err.Error(), secret) {
			t.Errorf("ParseCredentials(%q) error quotes the value: %v", tt.in, err)
		}
	}
	// A line break, which encoding/base64 skips, in a value built by hand.
	_, err := hoba.ParseCredentials(httpauth.Credentials{Scheme: "HOBA", Params: httpauth.Params{{Name: "result", Value: "a.b.c.c2Vj\r\ncmV0"}}})
	schemetest.CheckError(t, "result with CR LF", err, "HOBA", "result", nil, "")
	// The error says which part is wrong.
	_, err = hoba.ParseResult("a2lk.MTIz.bm9=.c2ln")
	if err == nil || !strings.Contains(err.Error(), "nonce part") {
		t.Errorf("ParseResult with a bad nonce: err = %v", err)
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

	for _, tt := range []struct {
		c     hoba.Challenge
		param string
	}{
		{hoba.Challenge{Challenge: "a\r\nb", MaxAge: 1}, "challenge"},
		{hoba.Challenge{Challenge: "abcd", MaxAge: -5}, "max-age"},
		{hoba.Challenge{Challenge: "abcd", Realm: "a\x00"}, "realm"},
	} {
		_, err := tt.c.Build()
		schemetest.CheckError(t, fmt.Sprintf("Build(%+v)", tt.c), err, "HOBA", tt.param, nil, "")
	}
	_, err = hoba.Credentials{Result: hoba.Result{KID: "a.b", Challenge: "c", Nonce: "d", Signature: "e"}}.Build()
	schemetest.CheckError(t, "Build with a kid holding a dot", err, "HOBA", "result", nil, "")
}

// The forms the package documentation promises: kid, challenge and nonce
// stay visible, the signature prints as [redacted] when set.
func TestRedactedForms(t *testing.T) {
	r := hoba.Result{KID: "a2lk", Challenge: "MTIz", Nonce: "bm9u", Signature: "c2VjcmV0"}
	c := hoba.Credentials{Result: r}
	for _, tt := range []struct {
		verb string
		v    any
		want string
	}{
		{"%v", r, "{a2lk MTIz bm9u [redacted]}"},
		{"%s", r, "{a2lk MTIz bm9u [redacted]}"},
		{"%+v", r, "{KID:a2lk Challenge:MTIz Nonce:bm9u Signature:[redacted]}"},
		{"%#v", r, `hoba.Result{KID:"a2lk", Challenge:"MTIz", Nonce:"bm9u", Signature:"[redacted]"}`},
		{"%v", c, "{{a2lk MTIz bm9u [redacted]}}"},
		{"%x", c, "{{a2lk MTIz bm9u [redacted]}}"},
		{"%#v", c, `hoba.Credentials{Result:hoba.Result{KID:"a2lk", Challenge:"MTIz", Nonce:"bm9u", Signature:"[redacted]"}}`},
	} {
		if got := fmt.Sprintf(tt.verb, tt.v); got != tt.want {
			t.Errorf("Sprintf(%s, %T) = %q, want %q", tt.verb, tt.v, got, tt.want)
		}
	}
	j, err := json.Marshal(c)
	if want := `{"Result":{"KID":"a2lk","Challenge":"MTIz","Nonce":"bm9u","Signature":"[redacted]"}}`; err != nil || string(j) != want {
		t.Errorf("json = %s, %v; want %s", j, err, want)
	}
	x, err := xml.Marshal(c)
	if want := `<Credentials><Result><KID>a2lk</KID><Challenge>MTIz</Challenge><Nonce>bm9u</Nonce><Signature>[redacted]</Signature></Result></Credentials>`; err != nil || string(x) != want {
		t.Errorf("xml = %s, %v; want %s", x, err, want)
	}
	if v := r.LogValue().String(); v != "[KID=a2lk Challenge=MTIz Nonce=bm9u Signature=[redacted]]" {
		t.Errorf("LogValue = %s", v)
	}
	if r.Value() != "a2lk.MTIz.bm9u.c2VjcmV0" {
		t.Errorf("Value = %q", r.Value())
	}
}
