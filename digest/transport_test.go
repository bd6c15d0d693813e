package digest_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/header"
)

var users = map[string]string{"Mufasa": "Circle of Life", "J\u00e4s\u00f8n Doe": "Secret, or not?"}

func lookup(u string) (string, bool) { p, ok := users[u]; return p, ok }

// echo answers with the user name and the request body, and counts the
// requests that reached it.
type echo struct {
	hits atomic.Int32
	last atomic.Value // digest.Credentials of the last request
}

func (e *echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e.hits.Add(1)
	if c, err := digest.ParseCredentials(httpauth.MustParseCredentials(r.Header.Get("Authorization"))); err == nil {
		e.last.Store(c)
	}
	u, _ := digest.User(r.Context())
	b, _ := io.ReadAll(r.Body)
	io.WriteString(w, u+"|"+string(b))
}

// counting wraps a handler and counts 401 answers.
func counting(h http.Handler, n *atomic.Int32) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code == http.StatusUnauthorized {
			n.Add(1)
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	})
}

func TestTransportDigest(t *testing.T) {
	tests := []struct {
		name    string
		algs    []digest.Algorithm
		qop     []string
		post    bool
		wantAlg digest.Algorithm
	}{
		{"MD5", []digest.Algorithm{digest.MD5}, nil, false, digest.MD5},
		{"SHA-256", []digest.Algorithm{digest.SHA256}, nil, false, digest.SHA256},
		{"SHA-256 preferred", []digest.Algorithm{digest.MD5, digest.SHA256}, nil, false, digest.SHA256},
		{"SHA-512-256", []digest.Algorithm{digest.SHA512_256}, nil, false, digest.SHA512_256},
		{"MD5-sess", []digest.Algorithm{digest.MD5Sess}, nil, false, digest.MD5Sess},
		{"SHA-256-sess", []digest.Algorithm{digest.SHA256Sess}, nil, true, digest.SHA256Sess},
		{"auth-int", []digest.Algorithm{digest.SHA256}, []string{"auth-int"}, true, digest.SHA256},
		{"auth-int MD5-sess", []digest.Algorithm{digest.MD5Sess}, []string{"auth-int"}, true, digest.MD5Sess},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var unauth atomic.Int32
			e := &echo{}
			s := &digest.Server{Realm: "http-auth@example.org", Algorithms: tt.algs, QOP: tt.qop, Password: lookup}
			ts := httptest.NewServer(counting(s.Wrap(e), &unauth))
			defer ts.Close()
			client := &http.Client{Transport: &digest.Transport{Username: "Mufasa", Password: "Circle of Life"}}
			for i := 0; i < 3; i++ {
				var resp *http.Response
				var err error
				if tt.post {
					resp, err = client.Post(ts.URL+"/dir/index.html?x=1", "text/plain", strings.NewReader("body-"+tt.name))
				} else {
					resp, err = client.Get(ts.URL + "/dir/index.html?x=1")
				}
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				want := "Mufasa|"
				if tt.post {
					want += "body-" + tt.name
				}
				if resp.StatusCode != 200 || string(b) != want {
					t.Fatalf("request %d: %s %q, want 200 %q", i, resp.Status, b, want)
				}
				c := e.last.Load().(digest.Credentials)
				wantQOP := "auth"
				if tt.qop != nil {
					wantQOP = tt.qop[0]
				}
				// nc is 1 every time: each response carries a nextnonce,
				// which Transport honours by starting the count again.
				if c.Algorithm != tt.wantAlg || c.QOP != wantQOP || c.NC != 1 {
					t.Fatalf("request %d used %v qop=%s nc=%d, want %v qop=%s", i, c.Algorithm, c.QOP, c.NC, tt.wantAlg, wantQOP)
				}
			}
			// One 401 for the first request; the next two went with
			// credentials straight away, using the nextnonce.
			if n := unauth.Load(); n != 1 {
				t.Errorf("server answered 401 %d times, want 1", n)
			}
		})
	}
}

func TestTransportWrongPassword(t *testing.T) {
	e := &echo{}
	s := &digest.Server{Realm: "r", Password: lookup}
	ts := httptest.NewServer(s.Wrap(e))
	defer ts.Close()
	client := &http.Client{Transport: &digest.Transport{Username: "Mufasa", Password: "Circle Of Life"}}
	resp, err := client.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 || e.hits.Load() != 0 {
		t.Fatalf("wrong password: %s, handler hits %d", resp.Status, e.hits.Load())
	}
}

func TestTransportNoReplay(t *testing.T) {
	s := &digest.Server{Realm: "r", Password: lookup}
	ts := httptest.NewServer(s.Wrap(&echo{}))
	defer ts.Close()
	req, _ := http.NewRequest("POST", ts.URL+"/", io.NopCloser(strings.NewReader("x")))
	if req.GetBody != nil {
		t.Fatal("test setup: GetBody is set")
	}
	resp, err := (&digest.Transport{Username: "Mufasa", Password: "Circle of Life"}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Fatalf("body without GetBody: %s, want the 401 back", resp.Status)
	}
}

func basicHandler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g, ok, err := header.Credentials(r.Header, header.Authorization); ok && err == nil {
			if c, err := basic.ParseCredentials(g); err == nil {
				if pw, known := users[c.UserID]; c.Verify(c.UserID, pw) == nil && known {
					next.ServeHTTP(w, r.WithContext(r.Context()))
					return
				}
			}
		}
		bc, _ := basic.Challenge{Realm: "WallyWorld", Charset: "UTF-8"}.Build()
		header.AddChallenges(w.Header(), header.WWWAuthenticate, bc)
		http.Error(w, "401 Unauthorized", http.StatusUnauthorized)
	})
}

func TestTransportBasic(t *testing.T) {
	e := &echo{}
	ts := httptest.NewServer(basicHandler(e))
	defer ts.Close()
	for _, tt := range []struct {
		user, pass string
		code       int
	}{{"J\u00e4s\u00f8n Doe", "Secret, or not?", 200}, {"Mufasa", "wrong", 401}} {
		client := &http.Client{Transport: &digest.Transport{Username: tt.user, Password: tt.pass}}
		resp, err := client.Post(ts.URL+"/", "text/plain", bytes.NewReader([]byte("hi")))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.code || (tt.code == 200 && string(b) != "|hi") {
			t.Errorf("Basic %s: %s %q, want %d", tt.user, resp.Status, b, tt.code)
		}
	}
}

// A proxy-style 407: the credentials go in Proxy-Authorization.
func TestTransportProxyAuth(t *testing.T) {
	s := &digest.Server{Realm: "proxy", Password: lookup}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := s.Authenticate(r, true); err != nil {
			header.AddChallenges(w.Header(), header.ProxyAuthenticate, s.Challenges(false)...)
			w.WriteHeader(http.StatusProxyAuthRequired)
			return
		}
		if r.Header.Get("Authorization") != "" {
			t.Error("credentials sent in Authorization for a 407")
		}
		io.WriteString(w, "ok")
	}))
	defer ts.Close()
	resp, err := (&http.Client{Transport: &digest.Transport{Username: "Mufasa", Password: "Circle of Life"}}).Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("407 flow: %s", resp.Status)
	}
}

// A server that does not know the password cannot pass rspauth.
func TestTransportBadRspauth(t *testing.T) {
	s := &digest.Server{Realm: "r", Password: func(u string) (string, bool) { return "Circle of Life", true }}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g, ok, _ := header.Credentials(r.Header, header.Authorization)
		if !ok {
			header.AddChallenges(w.Header(), header.WWWAuthenticate, s.Challenges(false)...)
			w.WriteHeader(401)
			return
		}
		c, _ := digest.ParseCredentials(g)
		// Accept anything and forge rspauth with a guessed password.
		info := c.AuthInfo(digest.HA1(c.Algorithm, c.Username, c.Realm, "guess"), nil, "")
		header.SetParams(w.Header(), header.AuthenticationInfo, info.Params())
	}))
	defer ts.Close()
	_, err := (&http.Client{Transport: &digest.Transport{Username: "Mufasa", Password: "Circle of Life"}}).Get(ts.URL + "/")
	if !errors.Is(err, digest.ErrRspauth) {
		t.Fatalf("forged rspauth: err = %v, want ErrRspauth", err)
	}
}

// Replaying an Authorization (same nonce and nc) is refused; an expired
// nonce gets stale=true.
func TestServerReplayAndStale(t *testing.T) {
	s := &digest.Server{Realm: "r", Password: lookup}
	h := s.Wrap(&echo{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/a", nil))
	cs, err := header.Challenges(rec.Header(), header.WWWAuthenticate)
	if err != nil || len(cs) != 2 {
		t.Fatalf("challenges %v, %v", cs, err)
	}
	ch, _ := digest.Select(cs)
	cr, _ := ch.Respond(digest.Input{Username: "Mufasa", Password: "Circle of Life", URI: "/a"})
	v, _ := cr.Encode()
	for i, want := range []int{200, 401} {
		req := httptest.NewRequest("GET", "/a", nil)
		req.Header.Set("Authorization", v)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Fatalf("attempt %d: %d, want %d", i, rec.Code, want)
		}
	}
	// Same credentials for another URI: refused.
	req := httptest.NewRequest("GET", "/b", nil)
	req.Header.Set("Authorization", v)
	if _, err := s.Authenticate(req, false); !errors.Is(err, digest.ErrDenied) {
		t.Fatalf("uri mismatch: %v", err)
	}

	old := &digest.Server{Realm: "r", Password: lookup, NonceLifetime: 1}
	cs = old.Challenges(false)
	ch, _ = digest.Select(cs)
	cr, _ = ch.Respond(digest.Input{Username: "Mufasa", Password: "Circle of Life", URI: "/a"})
	v, _ = cr.Encode()
	req = httptest.NewRequest("GET", "/a", nil)
	req.Header.Set("Authorization", v)
	rec = httptest.NewRecorder()
	old.Wrap(&echo{}).ServeHTTP(rec, req)
	cs, _ = header.Challenges(rec.Header(), header.WWWAuthenticate)
	if c, ok := digest.Select(cs); rec.Code != 401 || !ok || !c.Stale {
		t.Fatalf("expired nonce: %d, stale=%v", rec.Code, c.Stale)
	}
}

func TestServerUserhash(t *testing.T) {
	s := &digest.Server{Realm: "api@example.org", Algorithms: []digest.Algorithm{digest.SHA512_256}, Password: lookup,
		Userhash: func(alg digest.Algorithm, h string) (string, bool) {
			for u := range users {
				if digest.UserHash(alg, u, "api@example.org") == h {
					return u, true
				}
			}
			return "", false
		}}
	e := &echo{}
	ts := httptest.NewServer(s.Wrap(e))
	defer ts.Close()
	resp, err := (&http.Client{Transport: &digest.Transport{Username: "J\u00e4s\u00f8n Doe", Password: "Secret, or not?"}}).Get(ts.URL + "/doe.json")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(b) != "J\u00e4s\u00f8n Doe|" {
		t.Fatalf("userhash: %s %q", resp.Status, b)
	}
}

// Without nextnonce, Transport reuses the nonce and counts nc up; the
// server's replay check accepts each new count.
func TestTransportCountsNC(t *testing.T) {
	s := &digest.Server{Realm: "r", Password: lookup}
	var ncs []uint32
	var unauth int
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res, err := s.Authenticate(r, false)
		if err != nil {
			unauth++
			header.AddChallenges(w.Header(), header.WWWAuthenticate, s.Challenges(false)...)
			w.WriteHeader(401)
			return
		}
		ncs = append(ncs, res.Credentials.NC)
	}))
	defer ts.Close()
	client := &http.Client{Transport: &digest.Transport{Username: "Mufasa", Password: "Circle of Life"}}
	for i := 0; i < 3; i++ {
		resp, err := client.Get(ts.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("request %d: %s", i, resp.Status)
		}
	}
	if unauth != 1 || len(ncs) != 3 || ncs[0] != 1 || ncs[1] != 2 || ncs[2] != 3 {
		t.Fatalf("401s = %d, nc sequence %v, want 1 and [1 2 3]", unauth, ncs)
	}
}

// Concurrent requests through one Transport all succeed: a count that
// arrives out of order is refused by the server's replay check, and the
// one retry answers the fresh challenge.
func TestTransportConcurrent(t *testing.T) {
	s := &digest.Server{Realm: "r", Password: lookup}
	ts := httptest.NewServer(s.Wrap(&echo{}))
	defer ts.Close()
	client := &http.Client{Transport: &digest.Transport{Username: "Mufasa", Password: "Circle of Life"}}
	errs := make(chan error, 64)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 8; i++ {
				resp, err := client.Post(ts.URL+"/p", "text/plain", strings.NewReader("x"))
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						err = errors.New(resp.Status)
					}
				}
				errs <- err
			}
		}()
	}
	for i := 0; i < 64; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// Each nonce count is accepted once, in any order within 64 of the
// highest seen; a count seen before, or too far behind, is a replay.
func TestServerReplayWindow(t *testing.T) {
	s := &digest.Server{Realm: "r", Password: lookup}
	ch, _ := digest.Select(s.Challenges(false))
	try := func(nc uint32) int {
		cr, _ := ch.Respond(digest.Input{Username: "Mufasa", Password: "Circle of Life", URI: "/", NC: nc})
		v, _ := cr.Encode()
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Authorization", v)
		if _, err := s.Authenticate(req, false); err != nil {
			return 401
		}
		return 200
	}
	for _, step := range []struct {
		nc   uint32
		want int
	}{{3, 200}, {1, 200}, {2, 200}, {2, 401}, {3, 401}, {70, 200}, {6, 401}, {7, 200}, {7, 401}, {71, 200}, {70, 401}} {
		if got := try(step.nc); got != step.want {
			t.Errorf("nc=%d: %d, want %d", step.nc, got, step.want)
		}
	}
}
