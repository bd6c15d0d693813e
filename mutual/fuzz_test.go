package mutual_test

import (
	"testing"

	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/mutual"
)

// Fuzz checks that no input panics and that every value the view accepts
// builds, encodes and reads back equal. Each input is tried as a challenge
// and as credentials.
func Fuzz(f *testing.F) {
	f.Add(msgInit)
	f.Add(msgKS1)
	f.Add(msgKC1)
	f.Add(msgVKC)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, mutual.ParseChallenge, mutual.Challenge.Build)
		schemetest.CredentialsRoundTrip(t, in, mutual.ParseCredentials, mutual.Credentials.Build)
	})
}
