package client_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/client"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/header"
	"github.com/authwire/httpauth/server"
)

// Digest against the server middleware: every algorithm, auth-int with a
// body; one 401 for the first request, then credentials straight away with
// the nextnonce the server sends.
func TestTransportDigest(t *testing.T) {
	tests := []struct {
		name string
		alg  digest.Algorithm
		qop  []string
		post bool
	}{
		{"MD5", digest.MD5, nil, false},
		{"SHA-256", digest.SHA256, nil, false},
		{"SHA-512-256", digest.SHA512_256, nil, false},
		{"MD5-sess", digest.MD5Sess, nil, false},
		{"SHA-256-sess POST", digest.SHA256Sess, nil, true},
		{"auth-int", digest.SHA256, []string{"auth-int"}, true},
		{"auth-int MD5-sess", digest.MD5Sess, []string{"auth-int"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			a := &server.Auth{Realm: "r", Offers: []server.Offer{server.Digest(tt.alg)}, QOP: tt.qop, Password: lookup}
			ts, n := origin(t, a.Wrap(rec), false)
			c := &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{login(ts.URL)}}}
			for i := range 3 {
				var resp *http.Response
				var err error
				body := fmt.Sprintf("body %d", i)
				if tt.post {
					resp, err = c.Post(ts.URL+"/dir/index.html?x=1", "text/plain", strings.NewReader(body))
				} else {
					resp, err = c.Get(ts.URL + "/dir/index.html?x=1")
				}
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				want := user + "|"
				if tt.post {
					want += body
				}
				if resp.StatusCode != 200 || string(b) != want {
					t.Fatalf("request %d: %s %q, want 200 %q", i, resp.Status, b, want)
				}
				cr := digestOf(t, rec.last(), "Authorization")
				wantQOP := "auth"
				if tt.qop != nil {
					wantQOP = tt.qop[0]
				}
				// nc is 1 every time: each response carries a nextnonce.
				if cr.Algorithm != tt.alg || cr.QOP != wantQOP || cr.NC != 1 || cr.URI != "/dir/index.html?x=1" {
					t.Fatalf("request %d sent %v qop=%s nc=%d uri=%s", i, cr.Algorithm, cr.QOP, cr.NC, cr.URI)
				}
			}
			if got := n.count(401); got != 1 {
				t.Errorf("the server answered 401 %d times, want 1", got)
			}
		})
	}
}

// Without nextnonce, the nonce is reused with the count going up; a
// wrong password gets the 401 back, reaches nothing and is not kept.
func TestTransportCountsNC(t *testing.T) {
	s := &digest.Server{Realm: "r", Password: lookup}
	var ncs []uint32
	rec := &recorder{}
	ts, n := origin(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res, err := s.Authenticate(r, false)
		if err != nil {
			cs, _ := s.Challenges(false)
			header.AddChallenges(w.Header(), header.WWWAuthenticate, cs...)
			w.WriteHeader(401)
			return
		}
		ncs = append(ncs, res.Credentials.NC)
		rec.ServeHTTP(w, r)
	}), false)
	c := &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{login(ts.URL)}}}
	for i := range 3 {
		if code, _ := get(t, c, ts.URL+"/"); code != 200 {
			t.Fatalf("request %d: %d", i, code)
		}
	}
	if n.count(401) != 1 || fmt.Sprint(ncs) != "[1 2 3]" {
		t.Fatalf("401s = %d, nc sequence %v, want 1 and [1 2 3]", n.count(401), ncs)
	}
	wrong := login(ts.URL)
	wrong.Password = "Circle Of Life"
	c = &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{wrong}}}
	for i := range 2 {
		if code, _ := get(t, c, ts.URL+"/"); code != 401 {
			t.Fatalf("wrong password, request %d: %d", i, code)
		}
	}
	// Each attempt: one unanswered request, one answer refused; nothing
	// is sent straight away the second time.
	if got := n.count(401); got != 1+4 || rec.hits.Load() != 3 {
		t.Errorf("401s = %d, handler hits %d, want 5 and 3", got, rec.hits.Load())
	}
}

// Concurrent requests through one Transport all succeed, with nonce
// counts out of order and nextnonces replacing nonces under them.
func TestTransportConcurrent(t *testing.T) {
	for _, next := range []bool{true, false} {
		s := &digest.Server{Realm: "r", Password: lookup}
		ts, _ := origin(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			res, err := s.Authenticate(r, false)
			if err != nil {
				cs, _ := s.Challenges(errors.Is(err, digest.ErrStale))
				header.AddChallenges(w.Header(), header.WWWAuthenticate, cs...)
				w.WriteHeader(401)
				return
			}
			if next {
				ps, _ := s.Info(res, nil).Build()
				header.SetParams(w.Header(), header.AuthenticationInfo, ps)
			}
			io.Copy(io.Discard, r.Body)
		}), false)
		c := &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{login(ts.URL)}}}
		errs := make(chan error, 64)
		for range 8 {
			go func() {
				for range 8 {
					resp, err := c.Post(ts.URL+"/p", "text/plain", strings.NewReader("x"))
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
		for range 64 {
			if err := <-errs; err != nil {
				t.Errorf("nextnonce=%v: %v", next, err)
			}
		}
	}
}

// An expired nonce (stale=true) is answered once more with the fresh one.
func TestTransportStale(t *testing.T) {
	a := &server.Auth{Realm: "r", Password: lookup, NonceLifetime: 50 * time.Millisecond}
	ts, n := origin(t, a.Wrap(&recorder{}), false)
	c := &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{login(ts.URL)}}}
	for i := range 3 {
		if code, _ := get(t, c, ts.URL+"/"); code != 200 {
			t.Fatalf("request %d: %d", i, code)
		}
		time.Sleep(60 * time.Millisecond)
	}
	// The first request: one 401. Each next one: its nonce expired, one
	// stale 401, answered.
	if got := n.count(401); got != 3 {
		t.Errorf("401s = %d, want 3", got)
	}
}

// A body that cannot be rewound is an error, not an empty body; GetBody
// rewinds; auth-int hashes exactly the bytes sent.
func TestTransportBodies(t *testing.T) {
	rec := &recorder{}
	a := &server.Auth{Realm: "r", Offers: []server.Offer{server.DigestSHA256}, Password: lookup}
	ts, _ := origin(t, a.Wrap(rec), false)
	tr := &client.Transport{Credentials: []client.Credentials{login(ts.URL)}}

	body := &closeCounter{Reader: strings.NewReader("x")}
	req, _ := http.NewRequest("POST", ts.URL+"/", body)
	if req.GetBody != nil {
		t.Fatal("test setup: GetBody is set")
	}
	if _, err := tr.RoundTrip(req); !errors.Is(err, client.ErrBodyNotRewindable) {
		t.Fatalf("body without GetBody: err = %v, want ErrBodyNotRewindable", err)
	}
	if body.closed.Load() == 0 {
		t.Error("the request body was not closed")
	}
	req, _ = http.NewRequest("POST", ts.URL+"/", strings.NewReader("rewound"))
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != user+"|rewound" {
		t.Fatalf("rewound body: %q", b)
	}

	// auth-int: GetBody gives another body each time; what is hashed is
	// what is sent, so the server verifies it.
	ai := &server.Auth{Realm: "r", Offers: []server.Offer{server.DigestSHA256}, QOP: []string{"auth-int"}, Password: lookup}
	ts2, _ := origin(t, ai.Wrap(rec), false)
	tr2 := &client.Transport{Credentials: []client.Credentials{login(ts2.URL)}, MaxBody: 16}
	var calls atomic.Int32
	req, _ = http.NewRequest("POST", ts2.URL+"/", strings.NewReader("first"))
	req.GetBody = func() (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(fmt.Sprint("call ", calls.Add(1)))), nil
	}
	resp, err = tr2.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(b) != user+"|call 1" {
		t.Fatalf("auth-int with a changing body: %d %q", resp.StatusCode, b)
	}
	// With the session kept, a body without GetBody goes with auth-int at
	// once: read, hashed, sent.
	req, _ = http.NewRequest("POST", ts2.URL+"/", io.NopCloser(strings.NewReader("once")))
	resp, err = tr2.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(b) != user+"|once" {
		t.Fatalf("auth-int without GetBody: %d %q", resp.StatusCode, b)
	}
	req, _ = http.NewRequest("POST", ts2.URL+"/", strings.NewReader("seventeen bytes!!"))
	if _, err := tr2.RoundTrip(req); err == nil || !strings.Contains(err.Error(), "MaxBody") {
		t.Fatalf("auth-int body over MaxBody: %v", err)
	}
}

type closeCounter struct {
	io.Reader
	closed atomic.Int32
}

func (c *closeCounter) Close() error { c.closed.Add(1); return nil }

// forger challenges with Digest, accepts any answer, and forges rspauth
// with a guessed password: as an origin, or as a proxy.
func forger(proxy bool) http.Handler {
	s := &digest.Server{Realm: "r", Password: lookup}
	ask, answer, info, code := header.WWWAuthenticate, header.Authorization, header.AuthenticationInfo, 401
	if proxy {
		ask, answer, info, code = header.ProxyAuthenticate, header.ProxyAuthorization, header.ProxyAuthenticationInfo, 407
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g, ok, _ := header.Credentials(r.Header, answer)
		if !ok {
			cs, _ := s.Challenges(false)
			header.AddChallenges(w.Header(), ask, cs...)
			w.WriteHeader(code)
			return
		}
		c, _ := digest.ParseCredentials(g)
		ps, _ := c.Info(digest.HA1(c.Algorithm, c.Username, c.Realm, "guess"), nil, "").Build()
		header.SetParams(w.Header(), info, ps)
	})
}

// A server that does not know the password cannot pass rspauth.
func TestTransportBadRspauth(t *testing.T) {
	ts, _ := origin(t, forger(false), false)
	_, err := (&http.Client{Transport: &client.Transport{Credentials: []client.Credentials{login(ts.URL)}}}).Get(ts.URL + "/")
	if !errors.Is(err, httpauth.ErrVerification) || !strings.Contains(err.Error(), "server did not prove") {
		t.Fatalf("forged rspauth: err = %v, want ErrVerification", err)
	}
}

// Credentials go only to the origins they were given for.
func TestTransportOriginBinding(t *testing.T) {
	// Any Authorization that reaches the other host is recorded.
	var leaked atomic.Value
	leaked.Store("")
	other, _ := origin(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if v := r.Header.Get("Authorization"); v != "" {
			leaked.Store(v)
		}
		w.Header().Add("WWW-Authenticate", `Basic realm="x"`)
		w.Header().Add("WWW-Authenticate", `Digest realm="x", nonce="n", qop="auth"`)
		w.WriteHeader(401)
	}), false)
	a := &server.Auth{Realm: "r", Password: lookup}
	home, _ := origin(t, a.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/elsewhere", http.StatusFound)
	})), false)
	c := &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{login(home.URL)}}}
	if code, _ := get(t, c, home.URL+"/"); code != 401 {
		t.Errorf("redirect to another host: %d, want its 401 unanswered", code)
	}
	if v := leaked.Load().(string); v != "" {
		t.Errorf("the other host received %q", v)
	}
	// Another host name for the same address, or the same host and port
	// with another scheme: other origins.
	for _, bound := range []string{
		strings.Replace(other.URL, "127.0.0.1", "localhost", 1),
		strings.Replace(other.URL, "http://", "https://", 1),
	} {
		c = &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{login(bound)}}}
		if code, _ := get(t, c, other.URL+"/"); code != 401 {
			t.Errorf("credentials for %s, request to %s: %d", bound, other.URL, code)
		}
		if v := leaked.Load().(string); v != "" {
			t.Errorf("credentials for %s reached %s: %q", bound, other.URL, v)
		}
	}
	// The same origin written otherwise is the same origin.
	c = &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{login(strings.Replace(other.URL, "http://", "HTTP://", 1) + "/")}}}
	get(t, c, other.URL+"/")
	if v := leaked.Load().(string); !strings.HasPrefix(v, "Digest ") {
		t.Errorf("credentials for the same origin written otherwise: %q sent", v)
	}
}

// Basic: only when nothing stronger is offered, over cleartext only when
// allowed, over TLS by default.
func TestTransportBasicPolicy(t *testing.T) {
	var got atomic.Value
	got.Store("")
	handler := func(offers ...server.Offer) http.Handler {
		a := &server.Auth{Realm: "r", Offers: offers, Password: lookup}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if g, ok, _ := header.Credentials(r.Header, header.Authorization); ok {
				got.Store(g.Scheme)
			}
			a.Wrap(&recorder{}).ServeHTTP(w, r)
		})
	}
	for _, tt := range []struct {
		name      string
		offers    []server.Offer
		tls       bool
		cleartext bool
		code      int
		scheme    string
	}{
		{"Basic only, http", []server.Offer{server.Basic}, false, false, 401, ""},
		{"Basic only, http, allowed", []server.Offer{server.Basic}, false, true, 200, "Basic"},
		{"Basic only, https", []server.Offer{server.Basic}, true, false, 200, "Basic"},
		{"Basic first, Digest too", []server.Offer{server.Basic, server.DigestMD5}, false, true, 200, "Digest"},
		{"Basic first, Digest too, https", []server.Offer{server.Basic, server.DigestSHA256}, true, false, 200, "Digest"},
	} {
		got.Store("")
		ts, _ := origin(t, handler(tt.offers...), tt.tls)
		cr := login(ts.URL)
		cr.Cleartext = tt.cleartext
		c := &http.Client{Transport: &client.Transport{Base: base(ts, nil), Credentials: []client.Credentials{cr}}}
		if code, _ := get(t, c, ts.URL+"/"); code != tt.code || got.Load() != tt.scheme {
			t.Errorf("%s: %d with %q, want %d with %q", tt.name, code, got.Load(), tt.code, tt.scheme)
		}
	}
}

// Misconfigured credentials fail every request with a clear error that
// does not quote the entry.
func TestTransportConfigErrors(t *testing.T) {
	for _, tr := range []*client.Transport{
		{Credentials: []client.Credentials{login("https://user:s3cret@example.com")}},
		{Credentials: []client.Credentials{login("ftp://example.com")}},
		{Credentials: []client.Credentials{login("https://example.com/path")}},
		{Proxy: []client.Credentials{login("example.com")}},
		{Credentials: []client.Credentials{login("https://example.com"), login("https://EXAMPLE.com:443/")}},
	} {
		body := &closeCounter{Reader: strings.NewReader("x")}
		req, _ := http.NewRequest("POST", "http://127.0.0.1:1/", body)
		_, err := tr.RoundTrip(req)
		if err == nil || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("%v: err = %v", tr.Credentials, err)
		}
		if body.closed.Load() == 0 {
			t.Errorf("%v: body not closed", tr.Credentials)
		}
	}
}

// A 407 from an origin (no proxy configured, or inside a CONNECT tunnel)
// is never answered with proxy credentials.
func TestTransportNo407FromOrigin(t *testing.T) {
	var leaked atomic.Value
	leaked.Store("")
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if v := r.Header.Get("Proxy-Authorization"); v != "" {
			leaked.Store(v)
		}
		w.Header().Set("Proxy-Authenticate", `Digest realm="p", nonce="n", qop="auth"`)
		w.WriteHeader(407)
	})
	for _, tls := range []bool{false, true} {
		ts, _ := origin(t, h, tls)
		tr := &client.Transport{Base: base(ts, nil), Proxy: []client.Credentials{login(ts.URL)}, Credentials: []client.Credentials{login(ts.URL)}}
		if code, _ := get(t, &http.Client{Transport: tr}, ts.URL+"/"); code != 407 {
			t.Errorf("tls=%v: %d", tls, code)
		}
	}
	if v := leaked.Load().(string); v != "" {
		t.Errorf("an origin received Proxy-Authorization %q", v)
	}
}

// Through an authenticating proxy to an authenticating origin, http: the
// 407 and the 401 are answered on one request; the proxy session is kept
// per proxy, so a second target through it costs no 407; both answers
// carry the absolute-form uri the client sends; Proxy-Authorization never
// reaches an origin.
func TestTransportProxyHTTP(t *testing.T) {
	pa := &server.Auth{Realm: "proxy", Proxy: true, Offers: []server.Offer{server.DigestSHA256}, Password: lookup}
	proxy, pn := forward(t, pa)
	oa := &server.Auth{Realm: "origin", Password: lookup}
	rec := &recorder{}
	o1, on1 := origin(t, oa.Wrap(rec), false)
	o2, on2 := origin(t, (&server.Auth{Realm: "origin2", Password: lookup}).Wrap(rec), false)
	tr := &client.Transport{
		Base:        base(nil, proxy),
		Credentials: []client.Credentials{login(o1.URL, o2.URL)},
		Proxy:       []client.Credentials{login(proxy.URL)},
	}
	c := &http.Client{Transport: tr}
	for i, u := range []string{o1.URL + "/a?b", o1.URL + "/c", o2.URL + "/d"} {
		if code, body := get(t, c, u); code != 200 || body != user+"|" {
			t.Fatalf("request %d: %d %q", i, code, body)
		}
		if v := rec.last().Header.Get("Proxy-Authorization"); v != "" {
			t.Fatalf("the origin received Proxy-Authorization %q", v)
		}
		// The origin's answer carries the request-target as the client
		// sent it, in absolute-form, though the proxy rewrote the
		// request line (RFC 7616 section 3.4).
		g, err := httpauth.ParseCredentials(rec.last().Header.Get("Authorization"))
		if err != nil {
			t.Fatal(err)
		}
		if d, err := digest.ParseCredentials(g); err != nil || d.URI != u {
			t.Fatalf("request %d: the origin's Digest uri = %q, %v, want %q", i, d.URI, err, u)
		}
	}
	if pn.count(407) != 1 || on1.count(401) != 1 || on2.count(401) != 1 {
		t.Errorf("407s = %d, 401s = %d and %d, want 1, 1, 1", pn.count(407), on1.count(401), on2.count(401))
	}
}

// https through an authenticating proxy: the CONNECT is answered (uri
// host:port), then the origin inside the tunnel; one 407 for two
// requests, the tunnel being reused or a new CONNECT carrying credentials
// straight away.
func TestTransportProxyConnect(t *testing.T) {
	for _, offer := range []server.Offer{server.DigestSHA256, server.Basic} {
		pa := &server.Auth{Realm: "proxy", Proxy: true, Offers: []server.Offer{offer}, Password: lookup}
		proxy, pn := forward(t, pa)
		rec := &recorder{}
		ts, on := origin(t, (&server.Auth{Realm: "origin", Password: lookup}).Wrap(rec), true)
		pcr := login(proxy.URL)
		pcr.Cleartext = true // Basic to an http proxy
		tr := &client.Transport{
			Base:        base(ts, proxy),
			Credentials: []client.Credentials{login(ts.URL)},
			Proxy:       []client.Credentials{pcr},
		}
		c := &http.Client{Transport: tr}
		for i := range 2 {
			if code, body := get(t, c, ts.URL+"/s"); code != 200 || body != user+"|" {
				t.Fatalf("%s: request %d: %d %q", offer.Scheme, i, code, body)
			}
		}
		tr.CloseIdleConnections() // the next request needs a new CONNECT
		if code, _ := get(t, c, ts.URL+"/s"); code != 200 {
			t.Fatalf("%s: request after a new CONNECT: %d", offer.Scheme, code)
		}
		if pn.count(407) != 1 || on.count(401) != 1 {
			t.Errorf("%s: 407s = %d, 401s = %d, want 1 and 1", offer.Scheme, pn.count(407), on.count(401))
		}
		if v := rec.last().Header.Get("Proxy-Authorization"); v != "" {
			t.Errorf("the origin received Proxy-Authorization %q", v)
		}
	}
}

// A proxy that refuses our answer: the request fails (CONNECT) or the 407
// comes back (http); a forged Proxy-Authentication-Info fails the request.
func TestTransportProxyRefusedAndForged(t *testing.T) {
	pa := &server.Auth{Realm: "proxy", Proxy: true, Password: lookup}
	proxy, _ := forward(t, pa)
	ts, _ := origin(t, &recorder{}, true)
	plain, _ := origin(t, &recorder{}, false)
	wrong := login(proxy.URL)
	wrong.Password = "nope"
	tr := &client.Transport{Base: base(ts, proxy), Proxy: []client.Credentials{wrong}}
	if _, err := (&http.Client{Transport: tr}).Get(ts.URL + "/"); err == nil {
		t.Error("CONNECT with a wrong password succeeded")
	}
	if code, _ := get(t, &http.Client{Transport: tr}, plain.URL+"/"); code != 407 {
		t.Errorf("http through the proxy with a wrong password: %d", code)
	}

	// A proxy that accepts anything and forges rspauth.
	fp, _ := origin(t, forger(true), false)
	tr = &client.Transport{Base: base(nil, fp), Proxy: []client.Credentials{login(fp.URL)}}
	_, err := (&http.Client{Transport: tr}).Get(plain.URL + "/")
	if !errors.Is(err, httpauth.ErrVerification) || !strings.Contains(err.Error(), "proxy did not prove") {
		t.Errorf("forged Proxy-Authentication-Info: %v", err)
	}
}

// Bearer with a caller's token source: asked once, the token reused while
// the server accepts it, asked again when refused.
func TestTransportBearerTokenSource(t *testing.T) {
	var valid atomic.Value
	valid.Store("t1")
	a := &server.Auth{Realm: "api", Offers: []server.Offer{server.Bearer},
		Token: func(_ context.Context, tok string) (string, bool) { return "svc", tok == valid.Load().(string) }}
	ts, n := origin(t, a.Wrap(&recorder{}), true)
	var asked atomic.Int32
	src := client.TokenFunc(func(_ context.Context, c bearer.Challenge) (string, error) {
		asked.Add(1)
		return valid.Load().(string), nil
	})
	tr := &client.Transport{Base: base(ts, nil), Credentials: []client.Credentials{{Origins: []string{ts.URL}, Token: src}}}
	c := &http.Client{Transport: tr}
	for range 2 {
		if code, body := get(t, c, ts.URL+"/"); code != 200 || body != "svc|" {
			t.Fatalf("%d %q", code, body)
		}
	}
	valid.Store("t2")
	if code, _ := get(t, c, ts.URL+"/"); code != 200 {
		t.Fatalf("after the token changed: %d", code)
	}
	if asked.Load() != 2 || n.count(401) != 2 {
		t.Errorf("token asked %d times, 401s %d, want 2 and 2", asked.Load(), n.count(401))
	}
	// Over cleartext the token is not sent unless allowed.
	plain, _ := origin(t, a.Wrap(&recorder{}), false)
	tr = &client.Transport{Credentials: []client.Credentials{{Origins: []string{plain.URL}, Token: src}}}
	if code, _ := get(t, &http.Client{Transport: tr}, plain.URL+"/"); code != 401 {
		t.Errorf("Bearer over http: %d, want 401", code)
	}
}

// The RoundTrip contract: req is not modified.
func TestTransportDoesNotModifyRequest(t *testing.T) {
	a := &server.Auth{Realm: "r", Password: lookup}
	ts, _ := origin(t, a.Wrap(&recorder{}), false)
	tr := &client.Transport{Credentials: []client.Credentials{login(ts.URL)}}
	req, _ := http.NewRequest("PUT", ts.URL+"/x", bytes.NewReader([]byte("b")))
	req.Header.Set("X-Test", "1")
	before := fmt.Sprint(req.Header, req.URL, req.ContentLength)
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if after := fmt.Sprint(req.Header, req.URL, req.ContentLength); after != before || resp.StatusCode != 200 {
		t.Errorf("request changed: %s -> %s (%d)", before, after, resp.StatusCode)
	}
}

// A realm with bytes beyond ASCII (obs-text, as some servers send UTF-8)
// is echoed as received.
func TestTransportObsTextRealm(t *testing.T) {
	const realm = "Zugang gesch\u00fctzt"
	ts, _ := origin(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g, ok, err := header.Credentials(r.Header, header.Authorization)
		if ok && err == nil {
			if c, err := digest.ParseCredentials(g); err == nil && c.Realm == realm && c.Verify(user, password, "GET", nil) == nil {
				return
			}
		}
		w.Header().Set("WWW-Authenticate", `Digest realm="`+realm+`", nonce="n", qop="auth"`)
		w.WriteHeader(401)
	}), false)
	c := &http.Client{Transport: &client.Transport{Credentials: []client.Credentials{login(ts.URL)}}}
	if code, _ := get(t, c, ts.URL+"/"); code != 200 {
		t.Errorf("obs-text realm: %d", code)
	}
}
