package vapid_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
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
	tests := []struct {
		in    string
		param string
		want  error
	}{
		{"Bearer " + testSig, "", httpauth.ErrOtherScheme},
		{"vapid " + testSig, "", scheme.NoToken68},
		{"vapid k=" + testKey, "t", httpauth.ErrMissingParam},
		{"vapid t=" + jwt, "k", httpauth.ErrMissingParam},
		{"vapid t=" + rfcHeader + "." + rfcPayload + ", k=" + testKey, "t", nil},
		{"vapid t=" + jwt + ".x, k=" + testKey, "t", nil},
		{"vapid t=" + rfcHeader + ".." + testSig + ", k=" + testKey, "t", nil},
		{`vapid t="` + rfcHeader + "+." + rfcPayload + "." + testSig + `", k=` + testKey, "t", nil},
		{"vapid t=" + rfcHeader + "." + rfcPayload + "." + testSig[:len(testSig)-1] + "B, k=" + testKey, "t", nil}, // non-zero pad bits
		{"vapid t=" + jwt + ", k=" + compressed, "k", nil},
		{"vapid t=" + jwt + ", k=" + offCurve, "k", nil},
		{"vapid t=" + jwt + `, k="` + testKey + `+"`, "k", scheme.NotBase64URL},
		{"vapid t=" + jwt + ", k=" + testKey[:len(testKey)-1] + "V", "k", scheme.NotBase64URL}, // non-zero pad bits
		{"vapid t=" + jwt + ", k=" + strings.Replace(testKey, "BM", "BQ", 1), "k", nil},        // 0x05 prefix
	}
	for _, tt := range tests {
		_, err := schemetest.ViewCredentials(t, tt.in, vapid.ParseCredentials)
		schemetest.CheckError(t, fmt.Sprintf("ParseCredentials(%q)", tt.in), err, "vapid", tt.param, tt.want, "")
		if err != nil && (strings.Contains(err.Error(), testSig) || strings.Contains(err.Error(), rfcPayload)) {
			t.Errorf("error quotes the token: %v", err)
		}
	}
	dup := httpauth.Credentials{Scheme: "vapid", Params: httpauth.Params{{Name: "t", Value: jwt}, {Name: "k", Value: testKey}, {Name: "T", Value: jwt}}}
	_, err := vapid.ParseCredentials(dup)
	schemetest.CheckError(t, "duplicate t", err, "vapid", "t", scheme.Duplicate, "")
	// A line break, which encoding/base64 skips, in values built by hand.
	crlfT := httpauth.Credentials{Scheme: "vapid", Params: httpauth.Params{{Name: "t", Value: rfcHeader + "\r\n." + rfcPayload + "." + testSig}, {Name: "k", Value: testKey}}}
	_, err = vapid.ParseCredentials(crlfT)
	schemetest.CheckError(t, "t with CR LF", err, "vapid", "t", nil, "")
	crlfK := httpauth.Credentials{Scheme: "vapid", Params: httpauth.Params{{Name: "t", Value: jwt}, {Name: "k", Value: testKey[:10] + "\n" + testKey[10:]}}}
	_, err = vapid.ParseCredentials(crlfK)
	schemetest.CheckError(t, "k with LF", err, "vapid", "k", scheme.NotBase64URL, "")
}

func TestChallenge(t *testing.T) {
	for _, in := range []string{"vapid", "VAPID", `vapid realm="x"`} {
		if _, err := vapid.ParseChallenge(httpauth.MustParseChallenge(in)); err != nil {
			t.Errorf("ParseChallenge(%q): %v", in, err)
		}
	}
	_, err := vapid.ParseChallenge(httpauth.MustParseChallenge("WebPush"))
	schemetest.CheckError(t, "ParseChallenge(WebPush)", err, "vapid", "", httpauth.ErrOtherScheme, "")
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
	_, err = bad.Build()
	schemetest.CheckError(t, "Build with a 33-byte key", err, "vapid", "k", nil, "")
	bad = c
	bad.Token.Payload = "a\r\nb"
	_, err = bad.Build()
	schemetest.CheckError(t, "Build with a payload holding CR LF", err, "vapid", "t", nil, "")
}

// The forms the package documentation promises: the JWT's header and
// payload and the key stay visible, the signature prints as [redacted].
func TestRedactedForms(t *testing.T) {
	key, _ := hex.DecodeString(testKeyHex)
	j := vapid.JWT{Header: "aGVhZA", Payload: "cGF5", Signature: testSig}
	c := vapid.Credentials{Token: j, Key: key}
	for _, tt := range []struct {
		verb string
		v    any
		want string
	}{
		{"%v", j, "{aGVhZA cGF5 [redacted]}"},
		{"%+v", j, "{Header:aGVhZA Payload:cGF5 Signature:[redacted]}"},
		{"%#v", j, `vapid.JWT{Header:"aGVhZA", Payload:"cGF5", Signature:"[redacted]"}`},
		{"%v", c, "{{aGVhZA cGF5 [redacted]} " + testKey + "}"},
		{"%d", c, "{{aGVhZA cGF5 [redacted]} " + testKey + "}"},
		{"%+v", c, "{Token:{Header:aGVhZA Payload:cGF5 Signature:[redacted]} Key:" + testKey + "}"},
	} {
		if got := fmt.Sprintf(tt.verb, tt.v); got != tt.want {
			t.Errorf("Sprintf(%s, %T) = %q, want %q", tt.verb, tt.v, got, tt.want)
		}
	}
	js, err := json.Marshal(c)
	if want := `{"Token":{"Header":"aGVhZA","Payload":"cGF5","Signature":"[redacted]"},"Key":"` + testKey + `"}`; err != nil || string(js) != want {
		t.Errorf("json = %s, %v; want %s", js, err, want)
	}
	x, err := xml.Marshal(c)
	if want := `<Credentials><Token><Header>aGVhZA</Header><Payload>cGF5</Payload><Signature>[redacted]</Signature></Token><Key>` + testKey + `</Key></Credentials>`; err != nil || string(x) != want {
		t.Errorf("xml = %s, %v; want %s", x, err, want)
	}
	if v := j.LogValue().String(); v != "[Header=aGVhZA Payload=cGF5 Signature=[redacted]]" {
		t.Errorf("LogValue = %s", v)
	}
	if got := fmt.Sprint(vapid.Credentials{}); got != "{{  } }" {
		t.Errorf("zero credentials print as %q", got)
	}
	if j.Value() != "aGVhZA.cGF5."+testSig {
		t.Errorf("Value = %q", j.Value())
	}
}
