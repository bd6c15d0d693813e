package gnap_test

import (
	"testing"

	"github.com/authwire/httpauth/gnap"
	"github.com/authwire/httpauth/internal/schemetest"
)

// Fuzz checks that no input panics and that every value the view accepts
// builds, encodes and reads back equal. Each input is tried as a challenge
// and as credentials.
func Fuzz(f *testing.F) {
	f.Add(`GNAP as_uri="https://as.example/tx", access=FWWIKYBQ6U56NL1`)
	f.Add("GNAP " + rfcToken)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, gnap.ParseChallenge, gnap.Challenge.Build)
		schemetest.CredentialsRoundTrip(t, in, gnap.ParseCredentials, gnap.Credentials.Build)
	})
}
