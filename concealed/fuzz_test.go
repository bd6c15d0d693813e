package concealed_test

import (
	"testing"

	"github.com/authwire/httpauth/concealed"
	"github.com/authwire/httpauth/internal/schemetest"
)

// Fuzz checks ParseCredentials: no input panics, and every value it
// accepts builds, encodes and reads back equal. Each input is tried as
// credentials: the scheme has no challenge of its own.
func Fuzz(f *testing.F) {
	f.Add(rfcExample)
	f.Add(`concealed P="cHJvb2Y=", V=dmVyaWZpY2F0aW9u_zE2Qg, S="2055", A=AQ, K=AA, x=1`)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.CredentialsRoundTrip(t, in, concealed.ParseCredentials, concealed.Credentials.Build)
	})
}
