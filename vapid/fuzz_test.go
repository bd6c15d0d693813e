package vapid_test

import (
	"errors"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/vapid"
)

// FuzzParseChallenge: no input panics, and every challenge the view
// accepts builds, encodes and reads back equal.
func FuzzParseChallenge(f *testing.F) {
	f.Add("vapid")
	f.Add(`VAPID realm="x"`)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, vapid.ParseChallenge, vapid.Challenge.Build)
	})
}

// FuzzParseCredentials covers ParseCredentials, ParseJWT, DecodeKey,
// Claims and Verify: no input panics, every value the view accepts builds,
// encodes and reads back equal, values given directly (where the root
// parser is not in the way) read back as given, and Verify of anything
// read either succeeds or fails with a vapid SchemeError.
func FuzzParseCredentials(f *testing.F) {
	jwt := rfcHeader + "." + rfcPayload + "." + testSig
	f.Add("vapid t="+jwt+", k="+testKey, jwt, testKey)
	f.Add("", "a.b.c\r\n", testKey+"=")
	f.Fuzz(func(t *testing.T, in, tv, kv string) {
		schemetest.CredentialsRoundTrip(t, in, vapid.ParseCredentials, vapid.Credentials.Build)
		c, err := vapid.ParseCredentials(httpauth.Credentials{Scheme: vapid.Scheme, Params: httpauth.Params{{Name: "t", Value: tv}, {Name: "k", Value: kv}}})
		if err != nil {
			return
		}
		if c.Token.Value() != tv {
			t.Fatalf("t %q read as %q", tv, c.Token.Value())
		}
		c.Token.Claims()
		err = c.Verify()
		var se *httpauth.SchemeError
		if err != nil && (!errors.As(err, &se) || se.Scheme != vapid.Scheme) {
			t.Fatalf("Verify error %v is not a vapid SchemeError", err)
		}
	})
}
