package hoba_test

import (
	"testing"

	"github.com/authwire/httpauth/hoba"
	"github.com/authwire/httpauth/internal/schemetest"
)

// FuzzParseChallenge: no input panics, and every challenge the view
// accepts builds, encodes and reads back equal.
func FuzzParseChallenge(f *testing.F) {
	f.Add(`HOBA max-age="180", challenge="MTIzNDU2Nzg"`)
	f.Add(`hoba challenge=abc_-A, max-age=0, realm="photos"`)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, hoba.ParseChallenge, hoba.Challenge.Build)
	})
}

// FuzzParseCredentials covers ParseCredentials and ParseResult: no input
// panics, every value the view accepts builds, encodes and reads back
// equal, and a result value given directly (where the root parser is not
// in the way) that ParseResult reads gives back that value and a
// signature that decodes.
func FuzzParseCredentials(f *testing.F) {
	f.Add(`HOBA result="a2lk.MTIzNDU2Nzg.bm9uY2U.c2lnbmF0dXJl"`)
	f.Add(`hoba result=k-_1.cA.nw.sw, x=y`)
	f.Add("a2lk.MTIz.bm9u.c2ln\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.CredentialsRoundTrip(t, in, hoba.ParseCredentials, hoba.Credentials.Build)
		r, err := hoba.ParseResult(in)
		if err != nil {
			return
		}
		if r.Value() != in {
			t.Fatalf("ParseResult(%q).Value() = %q", in, r.Value())
		}
		if _, err := r.DecodeSignature(); err != nil {
			t.Fatalf("DecodeSignature of an accepted result: %v", err)
		}
	})
}
