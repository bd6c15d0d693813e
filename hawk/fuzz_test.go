package hawk_test

import (
	"crypto/sha1"
	"crypto/sha256"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/hawk"
	"github.com/authwire/httpauth/internal/schemetest"
)

// Fuzz checks every Parse and Verify function of the package: no input
// panics, every value a view accepts builds, encodes and reads back equal
// (each input is tried as Authorization and as Server-Authorization: the
// scheme has no challenge of its own), and a value accepts Verify only with
// the MAC ComputeMAC makes.
func Fuzz(f *testing.F) {
	f.Add(readme)
	f.Add(`Hawk id=i, ts=0, nonce=n, hash="aGFzaA==", mac="bWFj", app=a, dlg=d`)
	f.Add(`Hawk mac="bWFj", hash="aGFzaA==", ext="response-specific"`)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.CredentialsRoundTrip(t, in, hawk.ParseCredentials, hawk.Credentials.Build)
		schemetest.CredentialsRoundTrip(t, in, hawk.ParseServerAuthorization, hawk.ServerAuthorization.Build)
		hc, err := httpauth.ParseCredentials(in)
		if err != nil {
			return
		}
		h := sha256.New
		if len(in)%2 == 1 {
			h = sha1.New
		}
		if a, err := hawk.ParseCredentials(hc); err == nil && a.Verify(h, readmeKey, readmeReq) == nil {
			if want, _ := a.ComputeMAC(h, readmeKey, readmeReq); a.MAC != want {
				t.Fatalf("Verify accepted a MAC that ComputeMAC does not make")
			}
		}
		if s, err := hawk.ParseServerAuthorization(hc); err == nil && s.Verify(h, readmeKey, readmeReq, readmeWant) == nil {
			if want, _ := s.ComputeMAC(h, readmeKey, readmeReq, readmeWant); s.MAC != want {
				t.Fatalf("Verify accepted a response MAC that ComputeMAC does not make")
			}
		}
	})
}
