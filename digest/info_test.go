package digest_test

import (
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
)

func TestInfo(t *testing.T) {
	ch, _ := digest.ParseChallenge(httpauth.MustParseChallenge(rfc7616Challenges[0]))
	cr, err := ch.Respond(rfc7616Input)
	if err != nil {
		t.Fatal(err)
	}
	ha1 := digest.HA1(digest.SHA256, "Mufasa", "http-auth@example.org", "Circle of Life")
	info := cr.Info(ha1, nil, "next")
	ps, err := info.Build()
	if err != nil {
		t.Fatal(err)
	}
	b, err := httpauth.AppendParams(nil, ps)
	if err != nil {
		t.Fatal(err)
	}
	// rspauth, nextnonce and cnonce quoted; qop and nc tokens (RFC 7616 section 3.5).
	if !strings.HasPrefix(string(b), `nextnonce="next", qop=auth, rspauth="`) || !strings.HasSuffix(string(b), `", cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", nc=00000001`) {
		t.Fatalf("Authentication-Info = %s", b)
	}
	ps, _ = httpauth.ParseParams(string(b))
	got, err := digest.ParseInfo(ps)
	if err != nil || got != info {
		t.Fatalf("ParseInfo = %+v, %v, want %+v", got, err, info)
	}
	if err := cr.VerifyInfo(got, nil); err != nil {
		t.Fatalf("VerifyInfo: %v", err)
	}
	// rspauth differs from response: A2 has no method.
	if info.Rspauth == cr.Response {
		t.Fatal("rspauth equals response")
	}
	// A server that does not know the password cannot forge rspauth.
	forged := cr.Info(digest.HA1(digest.SHA256, "Mufasa", "http-auth@example.org", "guess"), nil, "")
	schemeErr(t, "forged rspauth", cr.VerifyInfo(forged, nil), "rspauth", httpauth.ErrVerification)
	// Nor can it replay the rspauth of another exchange.
	other := got
	other.CNonce = "another"
	schemeErr(t, "rspauth for another cnonce", cr.VerifyInfo(other, nil), "rspauth", httpauth.ErrVerification)
	other = got
	other.NC = 2
	schemeErr(t, "rspauth for another nc", cr.VerifyInfo(other, nil), "rspauth", httpauth.ErrVerification)
	// No rspauth: nothing to check (RFC 7616 makes it optional).
	if err := cr.VerifyInfo(digest.Info{NextNonce: "n"}, nil); err != nil {
		t.Fatalf("Info without rspauth: %v", err)
	}
	// Parsed credentials have no H(A1) to check with.
	err = digest.Credentials{}.VerifyInfo(info, nil)
	schemeErr(t, "parsed credentials", err, "rspauth", nil)
	if err != nil && strings.Contains(err.Error(), "verification") {
		t.Errorf("credentials without H(A1) is a misuse, not a failed verification: %v", err)
	}
}

// auth-int: rspauth covers the response body.
func TestInfoAuthInt(t *testing.T) {
	ch := digest.Challenge{Realm: "r", Nonce: "n", QOP: []string{"auth-int"}, Algorithm: digest.SHA512_256Sess}
	cr, err := ch.Respond(digest.Input{Username: "u", Password: "p", URI: "/", Body: []byte("req")})
	if err != nil {
		t.Fatal(err)
	}
	info := cr.Info(digest.HA1(digest.SHA512_256Sess, "u", "r", "p"), []byte("resp"), "")
	if err := cr.VerifyInfo(info, []byte("resp")); err != nil {
		t.Fatalf("auth-int rspauth over the response body: %v", err)
	}
	schemeErr(t, "auth-int rspauth over another body", cr.VerifyInfo(info, []byte("resP")), "rspauth", httpauth.ErrVerification)
}
