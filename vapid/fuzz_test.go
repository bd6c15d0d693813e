package vapid_test

import (
	"testing"

	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/vapid"
)

// Fuzz checks that no input panics and that every value the view accepts
// builds, encodes and reads back equal. Each input is tried as a challenge
// and as credentials.
func Fuzz(f *testing.F) {
	f.Add("vapid")
	f.Add("vapid t=" + rfcHeader + "." + rfcPayload + "." + testSig + ", k=" + testKey)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, vapid.ParseChallenge, vapid.Challenge.Build)
		schemetest.CredentialsRoundTrip(t, in, vapid.ParseCredentials, vapid.Credentials.Build)
	})
}
