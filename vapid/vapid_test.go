package vapid_test

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/vapid"
)

// The JWT header and payload segments of RFC 8292's example (section 2.4
// and 3.1 [unverified section numbers]). The signature and key below are
// not the RFC's: the signature is 86 filler characters (64 bytes) and the
// key a P-256 public key generated once for this test, since the RFC's
// values could not be checked here.
const (
	rfcHeader  = "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NiJ9"
	rfcPayload = "eyJhdWQiOiJodHRwczovL3B1c2guZXhhbXBsZS5uZXQiLCJleHAiOjE0NTM1MjM3NjgsInN1YiI6Im1haWx0bzpwdXNoQGV4YW1wbGUuY29tIn0"
	testKey    = "BMzy0u9d0KO-gD3mE4wvIQ0AE_PzUKWKRdFEXrCUM1xh7U6Ek67gyj0sh-smp07NcPC7ga9bwJmj40jB4sTOH7U"
	testKeyHex = "04ccf2d2ef5dd0a3be803de6138c2f210d0013f3f350a58a45d1445eb094335c61ed4e8493aee0ca3d2c87eb26a74ecd70f0bb81af5bc099a3e348c1e2c4ce1fb5"
)

var testSig = strings.Repeat("s1g-", 21) + "AA"

func TestParseCredentials(t *testing.T) {
	in := "vapid t=" + rfcHeader + "." + rfcPayload + "." + testSig + ", k=" + testKey
	hc, err := httpauth.ParseCredentials(in)
	if err != nil {
		t.Fatalf("httpauth.ParseCredentials: %v", err)
	}
	c, err := vapid.ParseCredentials(hc)
	if err != nil {
		t.Fatalf("ParseCredentials: %v", err)
	}
	if c.Token.Header != rfcHeader || c.Token.Payload != rfcPayload || c.Token.Signature != testSig {
		t.Errorf("token segments = %q, %q, %q", c.Token.Header, c.Token.Payload, c.Token.Signature)
	}
	if got := hex.EncodeToString(c.Key); got != testKeyHex {
		t.Errorf("Key = %s, want %s", got, testKeyHex)
	}
	h, err := c.Token.DecodeHeader()
	if want := `{"typ":"JWT","alg":"ES256"}`; err != nil || string(h) != want {
		t.Errorf("DecodeHeader = %s, %v; want %s", h, err, want)
	}
	p, err := c.Token.DecodePayload()
	if want := `{"aud":"https://push.example.net","exp":1453523768,"sub":"mailto:push@example.com"}`; err != nil || string(p) != want {
		t.Errorf("DecodePayload = %s, %v; want %s", p, err, want)
	}
	cl, err := c.Token.Claims()
	if want := (vapid.Claims{Aud: "https://push.example.net", Exp: 1453523768, Sub: "mailto:push@example.com"}); err != nil || cl != want {
		t.Errorf("Claims = %+v, %v; want %+v", cl, err, want)
	}
	if s, err := c.Token.DecodeSignature(); err != nil || len(s) != 64 {
		t.Errorf("DecodeSignature = %d bytes, %v; want 64", len(s), err)
	}
	if got, want := c.Token.SigningInput(), rfcHeader+"."+rfcPayload; got != want {
		t.Errorf("SigningInput = %q, want %q", got, want)
	}

	// Scheme and names are case-insensitive; realm and unknown params are
	// ignored; a quoted, padded k is accepted.
	in2 := `VAPID realm="push", K="` + testKey + `=", T=` + rfcHeader + "." + rfcPayload + "." + testSig + ", x=y"
	hc, err = httpauth.ParseCredentials(in2)
	if err != nil {
		t.Fatalf("httpauth.ParseCredentials: %v", err)
	}
	c2, err := vapid.ParseCredentials(hc)
	if err != nil {
		t.Fatalf("ParseCredentials(variant): %v", err)
	}
	if !bytes.Equal(c2.Key, c.Key) || c2.Token != c.Token {
		t.Errorf("variant differs: %+v", c2.Token)
	}
}

func TestParseCredentialsErrors(t *testing.T) {
	jwt := rfcHeader + "." + rfcPayload + "." + testSig
	// A point that is not on the curve: the generated key with its last
	// byte changed.
	offCurve := testKey[:len(testKey)-2] + "AA"
	compressed := "Asz50u9d0KO-gD3mE4wvIQ0AE_PzUKWKRdFEXrCUM1xh" // 33 bytes, 0x02 prefix
	tests := []struct{ in, param string }{
		{"Bearer " + testSig, ""},
		{"vapid " + testSig, ""},
		{"vapid k=" + testKey, "t"},
		{"vapid t=" + jwt, "k"},
		{"vapid t=" + rfcHeader + "." + rfcPayload + ", k=" + testKey, "t"},
		{"vapid t=" + jwt + ".x, k=" + testKey, "t"},
		{"vapid t=" + rfcHeader + ".." + testSig + ", k=" + testKey, "t"},
		{`vapid t="` + rfcHeader + "+." + rfcPayload + "." + testSig + `", k=` + testKey, "t"},
		{"vapid t=" + jwt + ", k=" + compressed, "k"},
		{"vapid t=" + jwt + ", k=" + offCurve, "k"},
		{"vapid t=" + jwt + `, k="` + testKey + `+"`, "k"},
		{"vapid t=" + jwt + ", k=" + strings.Replace(testKey, "BM", "BQ", 1), "k"}, // 0x05 prefix
	}
	for _, tt := range tests {
		_, err := schemetest.ViewCredentials(t, tt.in, vapid.ParseCredentials)
		e, ok := err.(*vapid.Error)
		if !ok || e.Param != tt.param {
			t.Errorf("ParseCredentials(%q) error = %v, want a *vapid.Error for %q", tt.in, err, tt.param)
			continue
		}
		if strings.Contains(e.Error(), testSig) || strings.Contains(e.Error(), rfcPayload) {
			t.Errorf("error quotes the token: %v", e)
		}
	}
	dup := httpauth.Credentials{Scheme: "vapid", Params: httpauth.Params{{Name: "t", Value: jwt}, {Name: "k", Value: testKey}, {Name: "T", Value: jwt}}}
	if _, err := vapid.ParseCredentials(dup); err == nil {
		t.Errorf("ParseCredentials accepted a duplicate t")
	}
}

func TestChallenge(t *testing.T) {
	for _, in := range []string{"vapid", "VAPID", `vapid realm="x"`} {
		if _, err := vapid.ParseChallenge(httpauth.MustParseChallenge(in)); err != nil {
			t.Errorf("ParseChallenge(%q): %v", in, err)
		}
	}
	if _, err := vapid.ParseChallenge(httpauth.MustParseChallenge("WebPush")); err == nil {
		t.Errorf("ParseChallenge(WebPush) succeeded")
	}
	c, _ := vapid.Challenge{}.Build()
	if b, err := httpauth.AppendChallenge(nil, c); err != nil || string(b) != "vapid" {
		t.Errorf("challenge encodes as %q, %v; want \"vapid\"", b, err)
	}
}

func TestBuild(t *testing.T) {
	key, _ := hex.DecodeString(testKeyHex)
	c := vapid.Credentials{Token: vapid.JWT{Header: rfcHeader, Payload: rfcPayload, Signature: testSig}, Key: key}
	hc, err := c.Build()
	if err != nil {
		t.Fatal(err)
	}
	want := "vapid t=" + rfcHeader + "." + rfcPayload + "." + testSig + ", k=" + testKey
	if b, err := httpauth.AppendCredentials(nil, hc); err != nil || string(b) != want {
		t.Errorf("credentials encode as %q, %v; want %q", b, err, want)
	}
	bad := c
	bad.Key = key[:33]
	if _, err := bad.Build(); err == nil {
		t.Errorf("Build accepted a 33-byte key")
	}
	bad = c
	bad.Token.Payload = "a\r\nb"
	if _, err := bad.Build(); err == nil {
		t.Errorf("Build accepted a payload segment with CRLF")
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if s := sprintf(verb, c); strings.Contains(s, testSig) || strings.Contains(s, rfcPayload) {
			t.Errorf("%s prints the token: %s", verb, s)
		}
	}
}
