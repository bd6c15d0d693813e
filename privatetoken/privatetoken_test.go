package privatetoken_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
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
	if e, ok := err.(*privatetoken.Error); !ok || e.Param != "challenge" {
		t.Errorf("ParseChallenge(placeholders) error = %v, want one for challenge", err)
	}
}

func TestParseChallengeErrors(t *testing.T) {
	tests := []struct{ in, param string }{
		{`Basic realm="x"`, ""},
		{`PrivateToken abc`, ""},
		{`PrivateToken token-key=` + "cHVi", "challenge"},
		{`PrivateToken challenge=cHVi`, "token-key"},
		{`PrivateToken challenge=cHVi, token-key="cHV+"`, "token-key"},
		{`PrivateToken challenge="", token-key=cHVi`, "challenge"},
		{`PrivateToken challenge=cHVi, token-key=cHVi, max-age=-1`, "max-age"},
		{`PrivateToken challenge=cHVi, token-key=cHVi, max-age=1234567890123456789`, "max-age"},
	}
	for _, tt := range tests {
		_, err := schemetest.ViewChallenge(t, tt.in, privatetoken.ParseChallenge)
		if e, ok := err.(*privatetoken.Error); !ok || e.Param != tt.param {
			t.Errorf("ParseChallenge(%q) error = %v, want a *privatetoken.Error for %q", tt.in, err, tt.param)
		}
	}
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
		if tc, err := privatetoken.DecodeTokenChallenge([]byte(in)); err == nil {
			t.Errorf("DecodeTokenChallenge(%q) = %+v, want an error", in, tc)
		}
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
	if _, err := (privatetoken.TokenChallenge{IssuerName: ""}).Marshal(); err == nil {
		t.Errorf("Marshal accepted an empty issuer")
	}
	if _, err := (privatetoken.TokenChallenge{IssuerName: "i", RedemptionContext: []byte{1}}).Marshal(); err == nil {
		t.Errorf("Marshal accepted a 1-byte context")
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
	for _, bad := range []string{
		"PrivateToken",
		"PrivateToken " + secret,
		"Bearer " + secret,
		`PrivateToken token="` + secret + `+"`,
		`PrivateToken token=""`,
	} {
		_, err := schemetest.ViewCredentials(t, bad, privatetoken.ParseCredentials)
		if err == nil {
			t.Errorf("ParseCredentials(%q) succeeded", bad)
		} else if strings.Contains(err.Error(), secret) {
			t.Errorf("error quotes the token: %v", err)
		}
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if s := sprintf(verb, privatetoken.Credentials{Token: secret}); strings.Contains(s, secret) {
			t.Errorf("%s prints the token: %s", verb, s)
		}
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
	if got := privatetoken.Encode([]byte(tcBytes)); got != tcB64 {
		t.Errorf("Encode = %q, want %q", got, tcB64)
	}
	if _, err := (privatetoken.Challenge{Challenge: tcB64}).Build(); err == nil {
		t.Errorf("Build accepted a challenge without token-key")
	}
	if _, err := (privatetoken.Challenge{Challenge: tcB64, TokenKey: keyB64, MaxAge: -1, HasMaxAge: true}).Build(); err == nil {
		t.Errorf("Build accepted a negative max-age")
	}
}
