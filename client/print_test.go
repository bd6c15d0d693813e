package client_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/client"
	"github.com/authwire/httpauth/internal/schemetest"
)

// Every type of this package that holds a secret hides it on every route,
// also after use (sessions, kept tokens), and shows what is not secret.
func TestSecretsNeverPrinted(t *testing.T) {
	const (
		pw     = "PasswordPlanted"
		tok    = "TokenPlanted"
		body   = "BodyPlanted"
		cnonce = "CnoncePlanted"
	)
	src := client.TokenFunc(func(context.Context, bearer.Challenge) (string, error) { return tok, nil })
	cr := client.Credentials{Origins: []string{"https://shown.example"}, Username: "UserShown", Password: pw, Token: src}
	req := client.Request{Method: "POST", URI: "/UriShown", Body: []byte(body), CNonce: cnonce}

	cs, _ := httpauth.ParseChallenges(`Digest realm="RealmShown", nonce="n", qop="auth"`)
	digestAnswer, err := client.Respond(context.Background(), cs, cr, req)
	if err != nil {
		t.Fatal(err)
	}
	cs, _ = httpauth.ParseChallenges(`Bearer realm="RealmShown"`)
	bearerAnswer, err := client.Respond(context.Background(), cs, cr, client.Request{Secure: true})
	if err != nil {
		t.Fatal(err)
	}
	cs, _ = httpauth.ParseChallenges(`Basic realm="RealmShown"`)
	basicAnswer, err := client.Respond(context.Background(), cs, client.Credentials{Username: "UserShown", Password: pw}, client.Request{Secure: true})
	if err != nil {
		t.Fatal(err)
	}
	basicValue, _ := basicAnswer.Credentials.Encode()

	// A Transport that has kept a session and a Registry source that has
	// kept a token.
	ts, _ := origin(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.Header().Set("WWW-Authenticate", `Basic realm="RealmShown"`)
			w.WriteHeader(401)
		}
	}), true)
	tr := &client.Transport{Base: base(ts, nil), Credentials: []client.Credentials{{Origins: []string{ts.URL}, Username: "UserShown", Password: pw}}}
	if code, _ := get(t, &http.Client{Transport: tr}, ts.URL); code != 200 {
		t.Fatalf("setup: %d", code)
	}
	tokens, _ := origin(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"token":"` + tok + `"}`))
	}), false)
	reg := client.Registry(nil, client.Credentials{Origins: []string{tokens.URL}, Username: "UserShown", Password: pw, Cleartext: true})
	if got, err := reg.Token(context.Background(), bearer.Challenge{Realm: tokens.URL}); err != nil || got != tok {
		t.Fatalf("setup: %q, %v", got, err)
	}

	secrets := []string{pw, tok, body, cnonce, digestAnswer.Digest.Response, basicValue[len("Basic "):]}
	for _, tt := range []struct {
		v     any
		shown []string
	}{
		{cr, []string{"UserShown", "https://shown.example"}},
		{req, []string{"POST", "/UriShown"}},
		{digestAnswer, []string{"Digest", "UserShown", "RealmShown"}},
		{bearerAnswer, []string{"Bearer"}},
		{basicAnswer, []string{"Basic"}},
		{tr, []string{"UserShown"}},
		{reg, []string{"UserShown"}},
	} {
		schemetest.Redacted(t, tt.v, secrets, tt.shown...)
	}
}
