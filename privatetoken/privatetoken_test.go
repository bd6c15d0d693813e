package privatetoken_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/privatetoken"
	"github.com/google/go-cmp/cmp"
)

// A TokenChallenge written by hand: token_type 2, issuer_name
// "issuer.example", no redemption_context, origin_info "origin.example".
const (
	tcBytes = "\x00\x02\x00\x0eissuer.example\x00\x00\x0eorigin.example"
	tcB64   = "AAIADmlzc3Vlci5leGFtcGxlAAAOb3JpZ2luLmV4YW1wbGU="
	keyB64  = "cHVibGljIGtleQ==" // "public key"
	// token_type 2 and 32 bytes of 'N' (the nonce), truncated.
	tokenB64 = "AAJOTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTg=="
)

func TestParseChallenges(t *testing.T) {
	// RFC 9577 section 2.1's two-challenge example, with real base64url
	// in place of its placeholders "abc...", "123...", "def...", "234...".
	in := `PrivateToken challenge="` + tcB64 + `", token-key="` + keyB64 + `", ` +
		`PrivateToken challenge=AAIADmlzc3Vlci5leGFtcGxlAAAA, token-key=cHVibGljIGtleTI, max-age="10", realm="r"`
	cs, err := httpauth.ParseChallenges(in)
	if err != nil {
		t.Fatalf("httpauth.ParseChallenges: %v", err)
	}
	var got []privatetoken.Challenge
	for _, c := range cs {
		v, err := privatetoken.ParseChallenge(c)
		if err != nil {
			t.Fatalf("ParseChallenge(%v): %v", c, err)
		}
		got = append(got, v)
	}
	want := []privatetoken.Challenge{
		{Challenge: tcB64, TokenKey: keyB64},
		{Challenge: "AAIADmlzc3Vlci5leGFtcGxlAAAA", TokenKey: "cHVibGljIGtleTI", MaxAge: 10, HasMaxAge: true, Realm: "r"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("challenges (-want +got):\n%s", d)
	}

	raw, err := got[0].DecodeChallenge()
	if err != nil || string(raw) != tcBytes {
		t.Fatalf("DecodeChallenge = %q, %v; want %q", raw, err, tcBytes)
	}
	tc, err := privatetoken.DecodeTokenChallenge(raw)
	if err != nil {
		t.Fatal(err)
	}
	wantTC := privatetoken.TokenChallenge{TokenType: 2, IssuerName: "issuer.example", OriginInfo: "origin.example"}
	if d := cmp.Diff(wantTC, tc); d != "" {
		t.Errorf("TokenChallenge (-want +got):\n%s", d)
	}
	if k, err := got[0].DecodeTokenKey(); err != nil || string(k) != "public key" {
		t.Errorf("DecodeTokenKey = %q, %v", k, err)
	}
	// "AAIADmlzc3Vlci5leGFtcGxlAAAA" is type 2, issuer "issuer.example",
	// empty context and empty origin_info.
	raw2, _ := got[1].DecodeChallenge()
	if tc2, err := privatetoken.DecodeTokenChallenge(raw2); err != nil || tc2.OriginInfo != "" || tc2.IssuerName != "issuer.example" {
		t.Errorf("second TokenChallenge = %+v, %v", tc2, err)
	}
}

func TestRFCPlaceholders(t *testing.T) {
	// The RFC's literal example parses generically; its placeholders are
	// not base64url, so the typed view refuses them, naming the parameter.
	cs, err := httpauth.ParseChallenges(`PrivateToken challenge="abc...", token-key="123...", PrivateToken challenge="def...", token-key="234..."`)
	if err != nil || len(cs) != 2 {
		t.Fatalf("httpauth.ParseChallenges = %d challenges, %v", len(cs), err)
	}
	_, err = privatetoken.ParseChallenge(cs[0])
	schemetest.CheckError(t, "ParseChallenge(placeholders)", err, "PrivateToken", "challenge", nil, "abc")
}

func TestParseChallengeErrors(t *testing.T) {
	tests := []struct {
		in    string
		param string
		want  error
	}{
		{`Basic realm="x"`, "", httpauth.ErrOtherScheme},
		{`PrivateToken abc`, "", scheme.NoToken68},
		{`PrivateToken token-key=` + "cHVi", "challenge", httpauth.ErrMissingParam},
		{`PrivateToken challenge=cHVi`, "token-key", httpauth.ErrMissingParam},
		{`PrivateToken challenge=cHVi, token-key="cHV+"`, "token-key", nil},
		{`PrivateToken challenge=cHVi, token-key="cHVj"`, "", nil}, // accepted
		{`PrivateToken challenge="", token-key=cHVi`, "challenge", nil},
		{`PrivateToken challenge=cHVj, token-key=cHVi`, "", nil},            // accepted
		{`PrivateToken challenge=cHV, token-key=cHVi`, "challenge", nil},    // "cHV": non-zero pad bits
		{`PrivateToken challenge=cHVi, token-key="cHV="`, "token-key", nil}, // the same, padded
		{`PrivateToken challenge=cHVi, token-key=cHVi, max-age=-1`, "max-age", scheme.NotDigits},
		{`PrivateToken challenge=cHVi, token-key=cHVi, max-age=1e3`, "max-age", scheme.NotDigits},
		{`PrivateToken challenge=cHVi, token-key=cHVi, max-age=12345678901234567890`, "max-age", scheme.NotDigits},
	}
	for _, tt := range tests {
		_, err := schemetest.ViewChallenge(t, tt.in, privatetoken.ParseChallenge)
		if tt.param == "" && tt.want == nil {
			if err != nil {
				t.Errorf("ParseChallenge(%q): %v", tt.in, err)
			}
			continue
		}
		schemetest.CheckError(t, fmt.Sprintf("ParseChallenge(%q)", tt.in), err, "PrivateToken", tt.param, tt.want, "")
	}
	dup := httpauth.Challenge{Scheme: "PrivateToken", Params: httpauth.Params{{Name: "challenge", Value: "cHVi"}, {Name: "token-key", Value: "cHVi"}, {Name: "Token-Key", Value: "cHVi"}}}
	_, err := privatetoken.ParseChallenge(dup)
	schemetest.CheckError(t, "duplicate token-key", err, "PrivateToken", "token-key", scheme.Duplicate, "")
	crlf := httpauth.Challenge{Scheme: "PrivateToken", Params: httpauth.Params{{Name: "challenge", Value: "cHVi\r\ncHVi"}, {Name: "token-key", Value: "cHVi"}}}
	_, err = privatetoken.ParseChallenge(crlf)
	schemetest.CheckError(t, "challenge with CR LF", err, "PrivateToken", "challenge", nil, "")
	realm := httpauth.Challenge{Scheme: "PrivateToken", Params: httpauth.Params{{Name: "challenge", Value: "cHVi"}, {Name: "token-key", Value: "cHVi"}, {Name: "realm", Value: "a\x00"}}}
	_, err = privatetoken.ParseChallenge(realm)
	schemetest.CheckError(t, "realm with NUL", err, "PrivateToken", "realm", scheme.CTL, "")
}

func TestDecodeTokenChallengeErrors(t *testing.T) {
	for _, in := range []string{
		"",
		"\x00",
		"\x00\x02\x00",
		"\x00\x02\x00\x00\x00\x00\x00",       // empty issuer_name
		"\x00\x02\x00\x05abc",                // truncated issuer
		"\x00\x02\x00\x01a\x05hello\x00\x00", // context of 5 bytes
		"\x00\x02\x00\x01a\x00",              // no origin_info length
		"\x00\x02\x00\x01a\x00\x00\x03ab",    // origin_info short
		"\x00\x02\x00\x01a\x00\x00\x01ab",    // trailing byte
		"\x00\x02\x00\x01a\x20" + strings.Repeat("x", 31), // context truncated
	} {
		_, err := privatetoken.DecodeTokenChallenge([]byte(in))
		schemetest.CheckError(t, fmt.Sprintf("DecodeTokenChallenge(%q)", in), err, "PrivateToken", "challenge", nil, "")
	}
	ctx := bytes.Repeat([]byte{7}, 32)
	tc := privatetoken.TokenChallenge{TokenType: 1, IssuerName: "i", RedemptionContext: ctx, OriginInfo: "a.example,b.example"}
	b, err := tc.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	want := "\x00\x01\x00\x01i\x20" + string(ctx) + "\x00\x13a.example,b.example"
	if string(b) != want {
		t.Errorf("Marshal = %q, want %q", b, want)
	}
	back, err := privatetoken.DecodeTokenChallenge(b)
	if err != nil || cmp.Diff(tc, back) != "" {
		t.Errorf("round trip = %+v, %v", back, err)
	}
	for _, tc := range []privatetoken.TokenChallenge{
		{IssuerName: ""},
		{IssuerName: "i", RedemptionContext: []byte{1}},
		{IssuerName: strings.Repeat("i", 1<<16)},
		{IssuerName: "i", OriginInfo: strings.Repeat("o", 1<<16)},
	} {
		_, err := tc.Marshal()
		schemetest.CheckError(t, "Marshal", err, "PrivateToken", "challenge", nil, "")
	}
}

func TestCredentials(t *testing.T) {
	in := `PrivateToken token="` + tokenB64 + `"`
	c, err := schemetest.ViewCredentials(t, in, privatetoken.ParseCredentials)
	if err != nil {
		t.Fatal(err)
	}
	if c.Token != tokenB64 {
		t.Errorf("Token = %q", c.Token)
	}
	raw, err := c.DecodeToken()
	if err != nil {
		t.Fatal(err)
	}
	if typ, ok := privatetoken.TokenType(raw); !ok || typ != privatetoken.TypeBlindRSA {
		t.Errorf("TokenType = %d, %v; want 2", typ, ok)
	}
	if _, ok := privatetoken.TokenType([]byte{1}); ok {
		t.Errorf("TokenType of one byte succeeded")
	}

	hb, err := c.Build()
	if err != nil {
		t.Fatal(err)
	}
	if b, err := httpauth.AppendCredentials(nil, hb); err != nil || string(b) != in {
		t.Errorf("credentials encode as %q, %v; want %q", b, err, in)
	}

	const secret = "c2VjcmV0"
	for _, tt := range []struct {
		in    string
		param string
		want  error
	}{
		{"PrivateToken", "token", httpauth.ErrMissingParam},
		{"PrivateToken " + secret, "", scheme.NoToken68},
		{"Bearer " + secret, "", httpauth.ErrOtherScheme},
		{`PrivateToken token="` + secret + `+"`, "token", nil},
		{`PrivateToken token="` + secret + `cHV"`, "token", nil}, // non-zero pad bits
		{`PrivateToken token=""`, "token", nil},
	} {
		_, err := schemetest.ViewCredentials(t, tt.in, privatetoken.ParseCredentials)
		schemetest.CheckError(t, fmt.Sprintf("ParseCredentials(%q)", tt.in), err, "PrivateToken", tt.param, tt.want, secret)
	}
	_, err = privatetoken.ParseCredentials(httpauth.Credentials{Scheme: "PrivateToken", Params: httpauth.Params{{Name: "token", Value: secret + "\n"}}})
	schemetest.CheckError(t, "token with LF", err, "PrivateToken", "token", nil, secret)
	_, err = privatetoken.Credentials{Token: "a b"}.Build()
	schemetest.CheckError(t, "Build(a b)", err, "PrivateToken", "token", nil, "")
}

// The forms the package documentation promises: the token prints as
// [redacted] when set.
func TestRedactedForms(t *testing.T) {
	c := privatetoken.Credentials{Token: tokenB64}
	for _, tt := range []struct{ verb, want string }{
		{"%v", "{[redacted]}"},
		{"%q", `"{[redacted]}"`},
		{"%+v", "{Token:[redacted]}"},
		{"%#v", `privatetoken.Credentials{Token:"[redacted]"}`},
	} {
		if got := fmt.Sprintf(tt.verb, c); got != tt.want {
			t.Errorf("Sprintf(%s) = %q, want %q", tt.verb, got, tt.want)
		}
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

func TestBuildChallenge(t *testing.T) {
	c := privatetoken.Challenge{Challenge: tcB64, TokenKey: "cHVibGljIGtleTI", MaxAge: 10, HasMaxAge: true, Realm: "r"}
	hc, err := c.Build()
	if err != nil {
		t.Fatal(err)
	}
	// Padded base64url is not a token: quoted. Unpadded is sent as a token.
	want := `PrivateToken challenge="` + tcB64 + `", token-key=cHVibGljIGtleTI, max-age=10, realm="r"`
	if b, err := httpauth.AppendChallenge(nil, hc); err != nil || string(b) != want {
		t.Errorf("challenge encodes as %q, %v; want %q", b, err, want)
	}
	_, err = privatetoken.Challenge{Challenge: tcB64}.Build()
	schemetest.CheckError(t, "Build without token-key", err, "PrivateToken", "token-key", nil, "")
	_, err = privatetoken.Challenge{Challenge: tcB64, TokenKey: keyB64, MaxAge: -1, HasMaxAge: true}.Build()
	schemetest.CheckError(t, "Build with a negative max-age", err, "PrivateToken", "max-age", nil, "")
	_, err = privatetoken.Challenge{Challenge: tcB64, TokenKey: keyB64, Realm: "a\nb"}.Build()
	schemetest.CheckError(t, "Build with a realm holding LF", err, "PrivateToken", "realm", scheme.CTL, "")
}
