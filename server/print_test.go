package server_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/server"
)

// An Auth that has served requests prints its settings only, on every
// route.
func TestAuthPrintsSettings(t *testing.T) {
	const pw = "PasswordPlanted"
	a := &server.Auth{Realm: "RealmShown", Offers: []server.Offer{server.DigestSHA256, server.Basic},
		Password: func(context.Context, string) (string, bool) { return pw, true }}
	a.Wrap(&echo{}).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	schemetest.Redacted(t, a, []string{pw}, "RealmShown", "Digest SHA-256", "Basic")
}
