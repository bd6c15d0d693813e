package server_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/header"
	"github.com/authwire/httpauth/server"
)

var users = map[string]string{"Mufasa": "Circle of Life", "J\u00e4s\u00f8n Doe": "Secret, or not?"}

func lookup(_ context.Context, u string) (string, bool) { p, ok := users[u]; return p, ok }

// echo records the identity and the Digest credentials of the requests it
// serves, and answers with the user name.
type echo struct {
	mu   sync.Mutex
	id   server.Identity
	cred digest.Credentials
	hits int
}

func (e *echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id, ok := server.User(r.Context())
	if !ok {
		panic("no identity in the context")
	}
	e.mu.Lock()
	e.id, e.hits = id, e.hits+1
	if g, ok, err := header.Credentials(r.Header, header.Authorization); ok && err == nil {
		if c, err := digest.ParseCredentials(g); err == nil {
			e.cred = c
		}
	}
	e.mu.Unlock()
	io.WriteString(w, id.User)
}

func (e *echo) identity() server.Identity       { e.mu.Lock(); defer e.mu.Unlock(); return e.id }
func (e *echo) credentials() digest.Credentials { e.mu.Lock(); defer e.mu.Unlock(); return e.cred }

func newServer(t *testing.T, h http.Handler) *httptest.Server {
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// serve runs one request through h with the Authorization value v ("" for
// none).
func serve(h http.Handler, target, v string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("GET", target, nil)
	if v != "" {
		r.Header.Set("Authorization", v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// challenges returns the challenges of a recorded 401 or 407.
func challenges(t *testing.T, w *httptest.ResponseRecorder, field string) []httpauth.Challenge {
	t.Helper()
	cs, err := header.Challenges(w.Header(), field)
	if err != nil {
		t.Fatalf("%s does not parse: %v", field, err)
	}
	return cs
}

// answerDigest answers the Digest challenge cs[i] for target.
func answerDigest(t *testing.T, g httpauth.Challenge, in digest.Input) (digest.Credentials, string) {
	t.Helper()
	c, err := digest.ParseChallenge(g)
	if err != nil {
		t.Fatal(err)
	}
	cr, err := c.Respond(in)
	if err != nil {
		t.Fatal(err)
	}
	b, err := cr.Build()
	if err != nil {
		t.Fatal(err)
	}
	v, err := b.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return cr, v
}

var mufasa = digest.Input{Username: "Mufasa", Password: "Circle of Life", URI: "/"}

// One 401 offers Digest SHA-256, Digest MD5 and Basic, in that order, and
// an answer to any of them is accepted; a wrong one is not.
func TestAuthOffersSeveral(t *testing.T) {
	e := &echo{}
	a := &server.Auth{Realm: "r", Offers: []server.Offer{server.DigestSHA256, server.DigestMD5, server.Basic}, Password: lookup}
	h := a.Wrap(e)
	w := serve(h, "/", "")
	cs := challenges(t, w, header.WWWAuthenticate)
	if w.Code != 401 || len(cs) != 3 {
		t.Fatalf("%d with %d challenges, want 401 with 3", w.Code, len(cs))
	}
	for i, want := range []string{"SHA-256", "MD5"} {
		if v, _ := cs[i].Params.Get("algorithm"); !cs[i].Is("Digest") || v != want {
			t.Errorf("challenge %d = %v, want Digest %s", i, cs[i], want)
		}
	}
	if b, err := basic.ParseChallenge(cs[2]); err != nil || b.Realm != "r" || !b.UTF8() {
		t.Errorf("challenge 2 = %v, want Basic realm=r charset=UTF-8", cs[2])
	}
	for i := range 2 {
		_, v := answerDigest(t, cs[i], mufasa)
		if w := serve(h, "/", v); w.Code != 200 || w.Body.String() != "Mufasa" || e.identity().Scheme != "Digest" {
			t.Errorf("Digest %d: %d %q %v", i, w.Code, w.Body, e.identity())
		}
	}
	g, _ := basic.Credentials{UserID: "J\u00e4s\u00f8n Doe", Password: "Secret, or not?"}.Build()
	v, _ := g.Encode()
	if w := serve(h, "/", v); w.Code != 200 || e.identity() != (server.Identity{User: "J\u00e4s\u00f8n Doe", Scheme: "Basic"}) {
		t.Errorf("Basic: %d %v", w.Code, e.identity())
	}
	g, _ = basic.Credentials{UserID: "Mufasa", Password: "wrong"}.Build()
	v, _ = g.Encode()
	if w := serve(h, "/", v); w.Code != 401 || len(challenges(t, w, header.WWWAuthenticate)) != 3 {
		t.Errorf("wrong Basic password: %d", w.Code)
	}
	g, _ = basic.Credentials{UserID: "nobody", Password: ""}.Build()
	v, _ = g.Encode()
	if w := serve(h, "/", v); w.Code != 401 {
		t.Errorf("unknown Basic user: %d", w.Code)
	}
	in := mufasa
	in.Password = "wrong"
	_, v = answerDigest(t, cs[0], in)
	if w := serve(h, "/", v); w.Code != 401 {
		t.Errorf("wrong Digest password: %d", w.Code)
	}
	// A scheme not offered is as no credentials.
	if w := serve(h, "/", "Bearer abc"); w.Code != 401 || len(challenges(t, w, header.WWWAuthenticate)) != 3 {
		t.Errorf("Bearer not offered: %d", w.Code)
	}
	if e.hits != 3 {
		t.Errorf("next served %d requests, want 3", e.hits)
	}
}

// The nonce of the SHA-256 challenge answered with MD5 is refused, though
// MD5 is offered too.
func TestAuthNonceBoundToAlgorithm(t *testing.T) {
	a := &server.Auth{Realm: "r", Password: lookup} // default: SHA-256, MD5
	h := a.Wrap(&echo{})
	cs := challenges(t, serve(h, "/", ""), header.WWWAuthenticate)
	sha, _ := digest.ParseChallenge(cs[0])
	if sha.Algorithm != digest.SHA256 {
		t.Fatalf("first challenge %v, want SHA-256", sha.Algorithm)
	}
	sha.Algorithm = digest.MD5
	g, _ := sha.Build()
	_, v := answerDigest(t, g, mufasa)
	if w := serve(h, "/", v); w.Code != 401 {
		t.Fatalf("SHA-256 nonce answered with MD5: %d, want 401", w.Code)
	}
}

// Authentication-Info carries an rspauth the client can check and a
// nextnonce it can use.
func TestAuthInfo(t *testing.T) {
	for _, proxy := range []bool{false, true} {
		a := &server.Auth{Realm: "r", Offers: []server.Offer{server.Digest(digest.SHA256Sess)}, Password: lookup, Proxy: proxy}
		h := a.Wrap(&echo{})
		field, code, authz, info := header.WWWAuthenticate, 401, "Authorization", header.AuthenticationInfo
		if proxy {
			field, code, authz, info = header.ProxyAuthenticate, 407, "Proxy-Authorization", header.ProxyAuthenticationInfo
		}
		r := httptest.NewRequest("GET", "/", nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != code {
			t.Fatalf("proxy=%v: %d, want %d", proxy, w.Code, code)
		}
		cr, v := answerDigest(t, challenges(t, w, field)[0], mufasa)
		r = httptest.NewRequest("GET", "/", nil)
		r.Header.Set(authz, v)
		w = httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			t.Fatalf("proxy=%v: %d", proxy, w.Code)
		}
		ps, err := header.Params(w.Header(), info)
		if err != nil || len(ps) == 0 {
			t.Fatalf("proxy=%v: %s = %v, %v", proxy, info, ps, err)
		}
		got, err := digest.ParseInfo(ps)
		if err != nil {
			t.Fatal(err)
		}
		if err := cr.VerifyInfo(got, nil); err != nil || got.Rspauth == "" || got.NextNonce == "" {
			t.Errorf("proxy=%v: %+v, %v", proxy, got, err)
		}
	}
}

// An expired nonce gets Digest challenges with stale=true.
func TestAuthStale(t *testing.T) {
	a := &server.Auth{Realm: "r", Offers: []server.Offer{server.DigestSHA256, server.Basic}, Password: lookup, NonceLifetime: time.Nanosecond}
	h := a.Wrap(&echo{})
	cs := challenges(t, serve(h, "/", ""), header.WWWAuthenticate)
	_, v := answerDigest(t, cs[0], mufasa)
	time.Sleep(time.Millisecond)
	w := serve(h, "/", v)
	cs = challenges(t, w, header.WWWAuthenticate)
	c, err := digest.ParseChallenge(cs[0])
	if w.Code != 401 || err != nil || !c.Stale || len(cs) != 2 {
		t.Fatalf("expired nonce: %d %v", w.Code, cs)
	}
}

func TestAuthBearer(t *testing.T) {
	a := &server.Auth{Realm: "api", Offers: []server.Offer{server.Bearer},
		Token: func(_ context.Context, tok string) (string, bool) { return "svc", tok == "good-token" }}
	e := &echo{}
	h := a.Wrap(e)
	if w := serve(h, "/", "Bearer good-token"); w.Code != 200 || e.identity() != (server.Identity{User: "svc", Scheme: "Bearer"}) {
		t.Errorf("good token: %d %v", w.Code, e.identity())
	}
	w := serve(h, "/", "Bearer bad-token")
	cs := challenges(t, w, header.WWWAuthenticate)
	b, err := bearer.ParseChallenge(cs[0])
	if w.Code != 401 || err != nil || b.Error != bearer.InvalidToken || b.Realm != "api" {
		t.Errorf("bad token: %d %+v", w.Code, b)
	}
	w = serve(h, "/", "")
	b, _ = bearer.ParseChallenge(challenges(t, w, header.WWWAuthenticate)[0])
	if w.Code != 401 || b.Error != "" {
		t.Errorf("no token: %d %+v", w.Code, b)
	}
}

// Malformed credentials are a 400; a user name with control characters
// never reaches the password source.
func TestAuthMalformed(t *testing.T) {
	var seen []string
	a := &server.Auth{Realm: "r", Offers: []server.Offer{server.DigestSHA256, server.Basic},
		Password: func(_ context.Context, u string) (string, bool) { seen = append(seen, u); return "p", true }}
	h := a.Wrap(&echo{})
	cs := challenges(t, serve(h, "/", ""), header.WWWAuthenticate)
	_, v := answerDigest(t, cs[0], digest.Input{Username: "admin", Password: "p", URI: "/"})
	v = strings.Replace(v, `username="admin"`, `username*=UTF-8''admin%0D%0AX-Log-Injected%3A%20yes%00`, 1)
	for _, bad := range []string{v, "Digest realm=r", "Basic !!!", "Basic YWRtaW4NCjpw", `Digest ,, =`} {
		if w := serve(h, "/", bad); w.Code != 400 {
			t.Errorf("%s: %d, want 400", bad, w.Code)
		}
	}
	if len(seen) != 0 {
		t.Errorf("the password source saw %q", seen)
	}
}

func TestAuthConfig(t *testing.T) {
	for _, a := range []*server.Auth{
		{Realm: "r"}, // Digest without Password or HA1
		{Realm: "r", Offers: []server.Offer{server.Basic}, HA1: func(context.Context, digest.Algorithm, string) (string, bool) { return "", false }},
		{Realm: "r", Offers: []server.Offer{server.Bearer}, Password: lookup},
		{Realm: "r", Offers: []server.Offer{{Scheme: "Negotiate"}}, Password: lookup},
	} {
		if w := serve(a.Wrap(&echo{}), "/", ""); w.Code != 500 {
			t.Errorf("%+v: %d, want 500", a.Offers, w.Code)
		}
		if _, err := a.Authenticate(httptest.NewRequest("GET", "/", nil)); !errors.Is(err, server.ErrConfig) {
			t.Errorf("%+v: %v, want ErrConfig", a.Offers, err)
		}
	}
}
