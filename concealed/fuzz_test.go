package concealed_test

import (
	"testing"

	"github.com/authwire/httpauth/concealed"
	"github.com/authwire/httpauth/internal/schemetest"
)

// Fuzz checks that no input panics and that every value the view accepts
// builds, encodes and reads back equal. Each input is tried as credentials:
// the scheme has no challenge of its own.
func Fuzz(f *testing.F) {
	f.Add(rfcExample)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.CredentialsRoundTrip(t, in, concealed.ParseCredentials, concealed.Credentials.Build)
	})
}
