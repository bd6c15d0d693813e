package privatetoken_test

import (
	"bytes"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/privatetoken"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzParseChallenge covers ParseChallenge and DecodeTokenChallenge: no
// input panics, every challenge the view accepts builds, encodes and reads
// back equal, and a TokenChallenge that decodes marshals back to the same
// bytes.
func FuzzParseChallenge(f *testing.F) {
	f.Add(`PrivateToken challenge="`+tcB64+`", token-key="`+keyB64+`", max-age=10, realm="r"`, []byte(tcBytes))
	f.Add(`PrivateToken challenge="abc...", token-key="123..."`, []byte("\x00\x01\x00\x01i\x20"+string(bytes.Repeat([]byte{7}, 32))+"\x00\x00"))
	f.Fuzz(func(t *testing.T, in string, raw []byte) {
		schemetest.ChallengeRoundTrip(t, in, privatetoken.ParseChallenge, privatetoken.Challenge.Build)
		tc, err := privatetoken.DecodeTokenChallenge(raw)
		if err != nil {
			return
		}
		b, err := tc.Marshal()
		if err != nil || !bytes.Equal(b, raw) {
			t.Fatalf("DecodeTokenChallenge(%q) = %+v, which marshals to %q, %v", raw, tc, b, err)
		}
		back, err := privatetoken.DecodeTokenChallenge(b)
		if err != nil || !cmp.Equal(back, tc, cmpopts.EquateEmpty()) {
			t.Fatalf("TokenChallenge round trip: %+v, %v; want %+v", back, err, tc)
		}
	})
}

// FuzzParseCredentials covers ParseCredentials, DecodeToken and TokenType:
// no input panics, and every value the view accepts builds, encodes and
// reads back equal, with a token that decodes.
func FuzzParseCredentials(f *testing.F) {
	f.Add(`PrivateToken token="` + tokenB64 + `"`)
	f.Add(`PrivateToken token=AAJOTk5O, x=y`)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.CredentialsRoundTrip(t, in, privatetoken.ParseCredentials, privatetoken.Credentials.Build)
		hc, err := httpauth.ParseCredentials(in)
		if err != nil {
			return
		}
		c, err := privatetoken.ParseCredentials(hc)
		if err != nil {
			return
		}
		b, err := c.DecodeToken()
		if err != nil {
			t.Fatalf("DecodeToken of an accepted token: %v", err)
		}
		privatetoken.TokenType(b)
	})
}
