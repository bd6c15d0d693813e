package client_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/client"
	"github.com/authwire/httpauth/header"
)

// tokenServer is a registry's token endpoint: it grants the scopes asked
// for, and records each request.
type tokenServer struct {
	mu     sync.Mutex
	tokens map[string][]string // token -> scopes granted
	asks   []*http.Request
}

func (s *tokenServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tokens == nil {
		s.tokens = map[string][]string{}
	}
	s.asks = append(s.asks, r)
	if r.URL.Query().Get("service") != "registry.test" {
		http.Error(w, "unknown service", 400)
		return
	}
	tok := fmt.Sprintf("tok%d", len(s.tokens)+1)
	s.tokens[tok] = r.URL.Query()["scope"]
	json.NewEncoder(w).Encode(map[string]any{"access_token": tok, "expires_in": 300})
}

func (s *tokenServer) granted(tok string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokens[tok]
}

func (s *tokenServer) requests() []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.asks)
}

// registry asks for a token with scopes a and b, in two challenges.
func registry(t *testing.T, realm string, ts *tokenServer) *httptest.Server {
	need := []string{"repository:a:pull", "repository:b:push"}
	srv, _ := origin(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g, ok, err := header.Credentials(r.Header, header.Authorization); ok && err == nil && g.Is("Bearer") {
			if got := ts.granted(g.Token68); len(got) > 0 && !slices.ContainsFunc(need, func(s string) bool { return !slices.Contains(got, s) }) {
				w.Write([]byte("ok"))
				return
			}
		}
		for _, s := range need {
			w.Header().Add("WWW-Authenticate", fmt.Sprintf(`Bearer realm=%q,service="registry.test",scope=%q`, realm, s))
		}
		w.WriteHeader(401)
	}), false)
	return srv
}

func TestRegistry(t *testing.T) {
	for _, bound := range []bool{true, false} {
		ts := &tokenServer{}
		auth, _ := origin(t, ts, false)
		reg := registry(t, auth.URL+"/token", ts)
		cr := client.Credentials{Origins: []string{reg.URL}, Username: user, Password: password, Cleartext: true}
		if bound {
			cr.Origins = append(cr.Origins, auth.URL)
		}
		cr.Token = client.Registry(nil, cr)
		c := &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{cr}}}
		for i := range 2 {
			if code, body := get(t, c, reg.URL+"/v2/a/manifests/latest"); code != 200 || body != "ok" {
				t.Fatalf("bound=%v, request %d: %d %q", bound, i, code, body)
			}
		}
		asks := ts.requests()
		if len(asks) != 1 {
			t.Fatalf("bound=%v: %d token requests, want 1 (then kept)", bound, len(asks))
		}
		q := asks[0].URL.Query()
		if got := q["scope"]; !slices.Equal(got, []string{"repository:a:pull", "repository:b:push"}) {
			t.Errorf("bound=%v: scopes asked %q, want both challenges' scopes", bound, got)
		}
		v := asks[0].Header.Get("Authorization")
		if bound {
			g, err := httpauth.ParseCredentials(v)
			b, err2 := basic.ParseCredentials(g)
			if err != nil || err2 != nil || b.UserID != user || b.Password != password {
				t.Errorf("bound token endpoint: Authorization %q", v)
			}
		} else if v != "" {
			t.Errorf("unbound token endpoint received Authorization %q", v)
		}
	}
}

// Over cleartext, the password goes to the token endpoint only when
// allowed; a realm that is not a URL is an error; a token endpoint that
// does not grant is an error.
func TestRegistryErrors(t *testing.T) {
	ts := &tokenServer{}
	auth, _ := origin(t, ts, false)
	cr := client.Credentials{Origins: []string{auth.URL}, Username: user, Password: password}
	src := client.Registry(nil, cr)
	ctx := context.Background()
	if _, err := src.Token(ctx, bearer.Challenge{Realm: auth.URL + "/token", Extra: httpauth.Params{{Name: "service", Value: "registry.test"}}}); err != nil {
		t.Fatal(err)
	}
	if v := ts.requests()[0].Header.Get("Authorization"); v != "" {
		t.Errorf("password sent over cleartext without Cleartext: %q", v)
	}
	for _, realm := range []string{"registry", "/token", "ftp://x/token", ""} {
		if _, err := src.Token(ctx, bearer.Challenge{Realm: realm}); err == nil || !strings.Contains(err.Error(), "realm") {
			t.Errorf("realm %q: %v", realm, err)
		}
	}
	if _, err := src.Token(ctx, bearer.Challenge{Realm: auth.URL + "/token"}); err == nil || !strings.Contains(err.Error(), "400") {
		t.Errorf("token endpoint answering 400: %v", err)
	}
	empty, _ := origin(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"token":""}`)) }), false)
	if _, err := client.Registry(nil, cr).Token(ctx, bearer.Challenge{Realm: empty.URL}); err == nil {
		t.Error("an answer without a token was accepted")
	}
	notJSON, _ := origin(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`<html>`)) }), false)
	if _, err := client.Registry(nil, cr).Token(ctx, bearer.Challenge{Realm: notJSON.URL}); err == nil {
		t.Error("an answer that is not JSON was accepted")
	}
	// Through a Transport, the token source's error is the request's.
	reg := registry(t, "not a URL", ts)
	rcr := client.Credentials{Origins: []string{reg.URL}, Cleartext: true}
	rcr.Token = client.Registry(nil, rcr)
	_, err := (&http.Client{Transport: &client.Transport{Credentials: []client.Credentials{rcr}}}).Get(reg.URL + "/")
	if err == nil || !strings.Contains(err.Error(), "realm") {
		t.Errorf("registry with a bad realm: %v", err)
	}
}
