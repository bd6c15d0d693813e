package mutual_test

import (
	"testing"

	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/mutual"
)

// Fuzz checks ParseChallenge, ParseCredentials and ParseInfo: no input
// panics, and every value a view accepts builds, encodes and reads back
// equal. Each input is tried as a challenge, as credentials and as an
// Authentication-Info list.
func Fuzz(f *testing.F) {
	f.Add(msgInit)
	f.Add(msgKS1)
	f.Add(msgKC1)
	f.Add(msgVKC)
	f.Add(msgVKS)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, mutual.ParseChallenge, mutual.Challenge.Build)
		schemetest.CredentialsRoundTrip(t, in, mutual.ParseCredentials, mutual.Credentials.Build)
		schemetest.InfoRoundTrip(t, in, mutual.ParseInfo, mutual.Info.Build)
	})
}
