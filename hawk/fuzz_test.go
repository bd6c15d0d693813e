package hawk_test

import (
	"testing"

	"github.com/authwire/httpauth/hawk"
	"github.com/authwire/httpauth/internal/schemetest"
)

// Fuzz checks that no input panics and that every value the view accepts
// builds, encodes and reads back equal. Each input is tried as credentials:
// the scheme has no challenge of its own.
func Fuzz(f *testing.F) {
	f.Add(readme)
	f.Add(`Hawk id=i, ts=0, nonce=n, hash="aGFzaA==", mac="bWFj", app=a, dlg=d`)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.CredentialsRoundTrip(t, in, hawk.ParseAuthorization, hawk.Authorization.Build)
	})
}
