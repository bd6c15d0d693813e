package digest_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/internal/schemetest"
)

// Every type of this package that holds a secret hides it on every route,
// and shows what is not secret.
func TestSecretsNeverPrinted(t *testing.T) {
	const (
		pw     = "PasswordPlanted"
		cnonce = "CnoncePlanted"
		body   = "BodyPlanted"
		extra  = "ExtraPlanted"
	)
	ch := digest.Challenge{Realm: "RealmShown", Nonce: "NonceShown", QOP: []string{"auth"}, Algorithm: digest.SHA256}
	in := digest.Input{Username: "UserShown", Password: pw, URI: "/UriShown", CNonce: cnonce, Body: []byte(body)}
	cr, err := ch.Respond(in)
	if err != nil {
		t.Fatal(err)
	}
	cr.Extra = httpauth.Params{{Name: "x", Value: extra}}
	ha1 := digest.HA1(digest.SHA256, "UserShown", "RealmShown", pw)
	info := cr.Info(ha1, nil, "NextShown")

	srv := &digest.Server{Realm: "RealmShown", Password: func(context.Context, string) (string, bool) { return pw, true }}
	g, err := mustChallenge(t, srv, digest.SHA256).Respond(digest.Input{Username: "UserShown", Password: pw, URI: "/", CNonce: cnonce})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/", nil)
	res, err := srv.Verify(req, g)
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{pw, cnonce, body, extra, cr.Response, ha1, info.Rspauth, g.Response, digest.HA1(digest.SHA256, "UserShown", "RealmShown", pw)}
	for _, tt := range []struct {
		v     any
		shown []string
	}{
		{cr, []string{"UserShown", "RealmShown", "/UriShown", "SHA-256", "NonceShown"}},
		{in, []string{"UserShown", "/UriShown"}},
		{info, []string{"NextShown"}},
		{res, []string{"UserShown", "RealmShown"}},
		{srv, []string{"RealmShown"}},
	} {
		if tt.v != any(srv) {
			tt.shown = append(tt.shown, "[redacted]")
		}
		schemetest.Redacted(t, tt.v, secrets, tt.shown...)
	}
	// A Server printed by value, as a field of another struct would be,
	// does not reach the key either: it sits behind a pointer.
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%+v", struct{ S *digest.Server }{srv})
	if strings.Contains(buf.String(), "key") {
		t.Errorf("Server in a struct: %s", buf.String())
	}
}

// mustChallenge returns a fresh challenge of srv for alg.
func mustChallenge(t *testing.T, srv *digest.Server, alg digest.Algorithm) digest.Challenge {
	t.Helper()
	g, err := srv.Challenge(alg, false)
	if err != nil {
		t.Fatal(err)
	}
	c, err := digest.ParseChallenge(g)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
