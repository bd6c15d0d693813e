package gnap_test

import (
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/gnap"
	"github.com/authwire/httpauth/internal/schemetest"
)

// FuzzParseChallenge: no input panics, and every challenge the view
// accepts builds, encodes and reads back equal, also when its values are
// given directly (where the root parser is not in the way).
func FuzzParseChallenge(f *testing.F) {
	f.Add(`GNAP as_uri="https://as.example/tx", access=FWWIKYBQ6U56NL1`, "", "")
	f.Add("", "https://as.example/\r\n", "x")
	f.Fuzz(func(t *testing.T, in, asURI, access string) {
		schemetest.ChallengeRoundTrip(t, in, gnap.ParseChallenge, gnap.Challenge.Build)
		c, err := gnap.ParseChallenge(httpauth.Challenge{Scheme: gnap.Scheme, Params: httpauth.Params{{Name: "as_uri", Value: asURI}, {Name: "access", Value: access}}})
		if err != nil {
			return
		}
		if _, err := c.Build(); err != nil {
			t.Fatalf("Build of %+v, which ParseChallenge accepted: %v", c, err)
		}
	})
}

// FuzzParseCredentials: no input panics, and every value the view accepts
// builds, encodes and reads back equal.
func FuzzParseCredentials(f *testing.F) {
	f.Add("GNAP " + rfcToken)
	f.Add("gnap a=")
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.CredentialsRoundTrip(t, in, gnap.ParseCredentials, gnap.Credentials.Build)
	})
}
