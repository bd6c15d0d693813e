package hoba_test

import (
	"testing"

	"github.com/authwire/httpauth/hoba"
	"github.com/authwire/httpauth/internal/schemetest"
)

// Fuzz checks that no input panics and that every value the view accepts
// builds, encodes and reads back equal. Each input is tried as a challenge
// and as credentials.
func Fuzz(f *testing.F) {
	f.Add(`HOBA max-age="180", challenge="MTIzNDU2Nzg"`)
	f.Add(`hoba challenge=abc_-D, max-age=0, realm="photos"`)
	f.Add(`HOBA result="a2lk.MTIzNDU2Nzg.bm9uY2U.c2lnbmF0dXJl"`)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, hoba.ParseChallenge, hoba.Challenge.Build)
		schemetest.CredentialsRoundTrip(t, in, hoba.ParseCredentials, hoba.Credentials.Build)
	})
}
