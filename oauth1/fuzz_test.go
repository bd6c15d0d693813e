package oauth1_test

import (
	"testing"

	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/oauth1"
)

// Fuzz checks that no input panics and that every value the view accepts
// builds, encodes and reads back equal. Each input is tried as a challenge
// and as credentials.
func Fuzz(f *testing.F) {
	f.Add(`OAuth realm="Photos"`)
	f.Add(rfc351)
	f.Add(`oauth oauth_consumer_key=key, oauth_token="", oauth_signature_method=PLAINTEXT, oauth_signature="a%26b", oauth_x="a%20b"`)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, oauth1.ParseChallenge, oauth1.Challenge.Build)
		schemetest.CredentialsRoundTrip(t, in, oauth1.ParseCredentials, oauth1.Credentials.Build)
	})
}
