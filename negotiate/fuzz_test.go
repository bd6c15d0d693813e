package negotiate_test

import (
	"testing"

	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/negotiate"
)

// Fuzz checks that no input panics and that every value the view accepts
// builds, encodes and reads back equal. Each input is tried as a challenge
// and as credentials.
func Fuzz(f *testing.F) {
	f.Add(rfcChallenge1)
	f.Add(rfcChallenge2)
	f.Add("NTLM TlRMTVNTUAACAAAA")
	f.Add(rfcCreds)
	f.Add("NTLM TlRMTVNTUAABAAAA")
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, negotiate.ParseChallenge, negotiate.Challenge.Build)
		schemetest.CredentialsRoundTrip(t, in, negotiate.ParseCredentials, negotiate.Credentials.Build)
	})
}
