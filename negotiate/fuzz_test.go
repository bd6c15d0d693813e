package negotiate_test

import (
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/negotiate"
)

// FuzzParseChallenge: no input panics, every challenge the view accepts
// builds, encodes and reads back equal, and decoding its token neither
// panics nor returns data with an error.
func FuzzParseChallenge(f *testing.F) {
	f.Add(rfcChallenge1)
	f.Add(rfcChallenge2)
	f.Add("NTLM TlRMTVNTUAACAAAA")
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, negotiate.ParseChallenge, negotiate.Challenge.Build)
		c, err := negotiate.ParseChallenge(httpauth.Challenge{Scheme: negotiate.Scheme, Token68: in})
		if err == nil {
			if b, err := c.DecodeToken(); err != nil && b != nil {
				t.Fatalf("DecodeToken(%q) = %q with error %v", in, b, err)
			}
		}
	})
}

// FuzzParseCredentials: as FuzzParseChallenge for credentials, and
// MessageType reads any decoded token without panicking.
func FuzzParseCredentials(f *testing.F) {
	f.Add(rfcCreds)
	f.Add("NTLM TlRMTVNTUAABAAAA")
	f.Add("Negotiate TlRMTVNTUAADAAAA")
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.CredentialsRoundTrip(t, in, negotiate.ParseCredentials, negotiate.Credentials.Build)
		c, err := negotiate.ParseCredentials(httpauth.Credentials{Scheme: negotiate.SchemeNTLM, Token68: in})
		if err != nil {
			return
		}
		b, err := c.DecodeToken()
		if err != nil {
			return
		}
		if typ, ok := negotiate.MessageType(b); !ok && typ != 0 {
			t.Fatalf("MessageType(%q) = %d, false", b, typ)
		}
	})
}
