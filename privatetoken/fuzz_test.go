package privatetoken_test

import (
	"testing"

	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/privatetoken"
)

// Fuzz checks that no input panics and that every value the view accepts
// builds, encodes and reads back equal. Each input is tried as a challenge
// and as credentials.
func Fuzz(f *testing.F) {
	f.Add(`PrivateToken challenge="` + tcB64 + `", token-key="` + keyB64 + `", max-age=10, realm="r"`)
	f.Add(`PrivateToken token="` + tokenB64 + `"`)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, privatetoken.ParseChallenge, privatetoken.Challenge.Build)
		schemetest.CredentialsRoundTrip(t, in, privatetoken.ParseCredentials, privatetoken.Credentials.Build)
	})
}
