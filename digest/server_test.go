package digest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/header"
)

var users = map[string]string{"Mufasa": "Circle of Life", "J\u00e4s\u00f8n Doe": "Secret, or not?"}

func lookup(_ context.Context, u string) (string, bool) { p, ok := users[u]; return p, ok }

// request returns a GET for uri carrying the Authorization that in
// computes for c.
func request(t *testing.T, c digest.Challenge, in digest.Input) *http.Request {
	t.Helper()
	cr, err := c.Respond(in)
	if err != nil {
		t.Fatal(err)
	}
	method := in.Method
	if method == "" {
		method = "GET"
	}
	var body io.Reader
	if in.Body != nil {
		body = strings.NewReader(string(in.Body))
	}
	r := httptest.NewRequest(method, in.URI, body)
	r.Header.Set("Authorization", encode(t, cr))
	return r
}

var mufasa = digest.Input{Username: "Mufasa", Password: "Circle of Life", URI: "/a"}

// A nonce is accepted only with the algorithm of the challenge it was
// issued in: the SHA-256 challenge's nonce answered with MD5 is refused,
// although MD5 is offered too.
func TestServerNonceBoundToAlgorithm(t *testing.T) {
	s := &digest.Server{Realm: "r", Algorithms: []digest.Algorithm{digest.SHA256, digest.MD5, digest.MD5Sess}, Password: lookup}
	sha := mustChallenge(t, s, digest.SHA256)
	md := mustChallenge(t, s, digest.MD5)
	nc := uint32(1)
	for _, tt := range []struct {
		name  string
		nonce string
		alg   digest.Algorithm
		ok    bool
	}{
		{"SHA-256 nonce, SHA-256", sha.Nonce, digest.SHA256, true},
		{"SHA-256 nonce, MD5", sha.Nonce, digest.MD5, false},
		{"SHA-256 nonce, no algorithm (MD5)", sha.Nonce, digest.Unspecified, false},
		{"MD5 nonce, MD5", md.Nonce, digest.MD5, true},
		{"MD5 nonce, no algorithm (MD5)", md.Nonce, digest.Unspecified, true},
		{"MD5 nonce, SHA-256", md.Nonce, digest.SHA256, false},
		{"MD5 nonce, MD5-sess", md.Nonce, digest.MD5Sess, false},
	} {
		c := digest.Challenge{Realm: "r", Nonce: tt.nonce, Algorithm: tt.alg, QOP: []string{"auth"}}
		in := mufasa
		in.NC = nc
		nc++
		res, err := s.Authenticate(request(t, c, in), false)
		switch {
		case tt.ok && (err != nil || res.Username != "Mufasa"):
			t.Errorf("%s: %v, want accepted", tt.name, err)
		case !tt.ok:
			schemeErr(t, tt.name, err, "nonce", httpauth.ErrVerification)
		}
	}
	// A nonce not made by this server, or altered, is refused the same way.
	other := mustChallenge(t, &digest.Server{Realm: "r"}, digest.SHA256)
	altered := sha
	altered.Nonce = sha.Nonce[:10] + strings.Map(func(r rune) rune { return r ^ 1 }, sha.Nonce[10:11]) + sha.Nonce[11:]
	for name, c := range map[string]digest.Challenge{"another server's nonce": other, "altered nonce": altered} {
		_, err := s.Authenticate(request(t, c, mufasa), false)
		schemeErr(t, name, err, "nonce", httpauth.ErrVerification)
	}
}

// Replaying an Authorization (same nonce and nc) is refused; an expired
// nonce is ErrStale, for the right password only.
func TestServerReplayAndStale(t *testing.T) {
	s := &digest.Server{Realm: "r", Password: lookup}
	cs, err := s.Challenges(false)
	if err != nil || len(cs) != 2 {
		t.Fatalf("Challenges = %v, %v, want SHA-256 and MD5", cs, err)
	}
	ch, _ := digest.Select(cs)
	cr, _ := ch.Respond(mufasa)
	v := encode(t, cr)
	for i, want := range []error{nil, httpauth.ErrVerification} {
		req := httptest.NewRequest("GET", "/a", nil)
		req.Header.Set("Authorization", v)
		_, err := s.Authenticate(req, false)
		if want == nil && err != nil {
			t.Fatalf("attempt %d: %v", i, err)
		}
		if want != nil {
			schemeErr(t, "replay", err, "nc", want)
		}
	}
	// Same credentials for another URI, realm, or through the other field.
	req := httptest.NewRequest("GET", "/b", nil)
	req.Header.Set("Authorization", v)
	_, err = s.Authenticate(req, false)
	schemeErr(t, "uri mismatch", err, "uri", httpauth.ErrVerification)
	_, err = s.Authenticate(httptest.NewRequest("GET", "/a", nil), true)
	schemeErr(t, "no Proxy-Authorization", err, "", digest.ErrNoCredentials)

	old := &digest.Server{Realm: "r", Password: lookup, NonceLifetime: time.Nanosecond}
	c := mustChallenge(t, old, digest.SHA256)
	time.Sleep(time.Millisecond)
	_, err = old.Authenticate(request(t, c, mufasa), false)
	schemeErr(t, "expired nonce", err, "nonce", digest.ErrStale)
	if !errors.Is(err, httpauth.ErrVerification) {
		t.Errorf("ErrStale does not wrap ErrVerification: %v", err)
	}
	wrong := mufasa
	wrong.Password = "guess"
	_, err = old.Authenticate(request(t, c, wrong), false)
	schemeErr(t, "expired nonce, wrong password", err, "response", httpauth.ErrVerification)
	if errors.Is(err, digest.ErrStale) {
		t.Error("a wrong password is told its nonce is stale")
	}
	sc, err := old.Challenge(digest.SHA256, true)
	if err != nil || sc.Params.Has("stale") == false {
		t.Errorf("Challenge(stale) = %v, %v", sc, err)
	}
}

// Each nonce count is accepted once, in any order within 64 of the
// highest seen; a count seen before, or too far behind, is a replay.
func TestServerReplayWindow(t *testing.T) {
	s := &digest.Server{Realm: "r", Password: lookup}
	ch := mustChallenge(t, s, digest.SHA256)
	try := func(nc uint32) bool {
		in := mufasa
		in.NC = nc
		_, err := s.Authenticate(request(t, ch, in), false)
		return err == nil
	}
	for _, step := range []struct {
		nc uint32
		ok bool
	}{{3, true}, {1, true}, {2, true}, {2, false}, {3, false}, {70, true}, {6, false}, {7, true}, {7, false}, {71, true}, {70, false}} {
		if got := try(step.nc); got != step.ok {
			t.Errorf("nc=%d: accepted %v, want %v", step.nc, got, step.ok)
		}
	}
}

func TestServerUserhash(t *testing.T) {
	var calls atomic.Int32
	s := &digest.Server{Realm: "api@example.org", Algorithms: []digest.Algorithm{digest.SHA512_256}, Password: lookup,
		Userhash: func(_ context.Context, alg digest.Algorithm, h string) (string, bool) {
			calls.Add(1)
			for u := range users {
				if digest.UserHash(alg, u, "api@example.org") == h {
					return u, true
				}
			}
			return "", false
		}}
	ch := mustChallenge(t, s, digest.SHA512_256)
	if !ch.Userhash {
		t.Fatal("the challenge does not offer userhash")
	}
	in := digest.Input{Username: "J\u00e4s\u00f8n Doe", Password: "Secret, or not?", URI: "/doe.json"}
	res, err := s.Authenticate(request(t, ch, in), false)
	if err != nil || res.Username != in.Username || !res.Credentials.Userhash {
		t.Fatalf("userhash: %+v, %v", res, err)
	}
	in.Password = "wrong"
	_, err = s.Authenticate(request(t, ch, in), false)
	schemeErr(t, "userhash, wrong password", err, "response", httpauth.ErrVerification)
	// A server without Userhash refuses hashed names.
	plain := &digest.Server{Realm: "r", Password: lookup}
	c := mustChallenge(t, plain, digest.SHA256)
	c.Userhash = true
	_, err = plain.Authenticate(request(t, c, mufasa), false)
	schemeErr(t, "userhash not offered", err, "userhash", httpauth.ErrVerification)
}

// A user name holding a control character never reaches a callback:
// not from username*, not from a hand-made Credentials, not from what a
// Userhash callback returns.
func TestServerUsernameCTL(t *testing.T) {
	var seen []string
	record := func(u string) { seen = append(seen, u) }
	s := &digest.Server{Realm: "r",
		Password: func(_ context.Context, u string) (string, bool) { record(u); return "p", true },
		Userhash: func(_ context.Context, _ digest.Algorithm, h string) (string, bool) {
			record(h)
			return "admin\r\nX-Injected: yes", true
		},
	}
	ch := mustChallenge(t, s, digest.SHA256)
	cr, err := ch.Respond(digest.Input{Username: "admin", Password: "p", URI: "/"})
	if err != nil {
		t.Fatal(err)
	}
	// username*=UTF-8''admin%0D%0AX-Log-Injected%3A%20yes%00, on the wire:
	// written by hand, since the encoder refuses an ext-value that decodes
	// to control characters.
	g, err := cr.Build()
	if err != nil {
		t.Fatal(err)
	}
	g.Params = g.Params[1:]
	rest, err := g.Encode()
	if err != nil {
		t.Fatal(err)
	}
	v := "Digest username*=UTF-8''admin%0D%0AX-Log-Injected%3A%20yes%00, " + strings.TrimPrefix(rest, "Digest ")
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Authorization", v)
	_, err = s.Authenticate(req, false)
	schemeErr(t, "username* with CTLs", err, "username*", nil)

	for _, name := range []string{"admin\r\nX: y", "a\tb", "a\x00"} {
		bad := cr
		bad.Username = name
		_, err := s.Verify(httptest.NewRequest("GET", "/", nil), bad)
		schemeErr(t, "hand-made credentials with CTLs", err, "username", nil)
	}
	// The Userhash callback sees the hash (hex), and the name it returns
	// with CTLs is not passed on to Password.
	hashed := ch
	hashed.Userhash = true
	_, err = s.Authenticate(request(t, hashed, digest.Input{Username: "admin", Password: "p", URI: "/"}), false)
	schemeErr(t, "Userhash returns CTLs", err, "response", httpauth.ErrVerification)
	for _, u := range seen {
		if strings.ContainsAny(u, "\r\n\t\x00") {
			t.Errorf("a callback received %q", u)
		}
	}
	if len(seen) != 1 {
		t.Errorf("callbacks saw %q, want only the userhash", seen)
	}
}

// The uri may name the request-target in the other form when a proxy
// rewrote the request line (RFC 9112 section 3.2), never another resource.
func TestServerURIForms(t *testing.T) {
	s := &digest.Server{Realm: "r", Password: lookup}
	for _, tt := range []struct {
		target, host, uri string
		ok                bool
	}{
		{"/a?x=1", "example.com", "/a?x=1", true},
		{"/a?x=1", "example.com", "http://example.com/a?x=1", true},
		{"/a?x=1", "example.com", "HTTP://EXAMPLE.COM/a?x=1", true},
		{"/", "example.com", "http://example.com", true},
		{"/?q", "example.com", "http://example.com?q", true},
		{"http://example.com/a", "example.com", "/a", true},
		{"http://example.com/a", "example.com", "http://example.com/a", true},
		{"/a?x=1", "example.com", "http://evil.example/a?x=1", false},
		{"/a?x=1", "example.com", "/a?x=2", false},
		{"/a", "example.com", "ftp://example.com/a", false},
		{"http://example.com/a", "example.com", "/b", false},
		{"http://example.com/a", "example.com", "http://example.com/b", false},
	} {
		c := mustChallenge(t, s, digest.SHA256)
		in := mufasa
		in.URI = tt.uri
		r := request(t, c, in)
		r.RequestURI, r.Host = tt.target, tt.host
		_, err := s.Authenticate(r, false)
		if tt.ok && err != nil {
			t.Errorf("target %s, uri %s: %v, want accepted", tt.target, tt.uri, err)
		}
		if !tt.ok {
			schemeErr(t, "target "+tt.target+", uri "+tt.uri, err, "uri", httpauth.ErrVerification)
		}
	}
}

// auth-int: the body is read within MaxBody, checked, and put back.
func TestServerAuthInt(t *testing.T) {
	s := &digest.Server{Realm: "r", QOP: []string{"auth-int"}, Password: lookup, MaxBody: 8}
	in := mufasa
	in.Method, in.Body = "POST", []byte("12345678")
	r := request(t, mustChallenge(t, s, digest.SHA256), in)
	if _, err := s.Authenticate(r, false); err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(r.Body); string(b) != "12345678" {
		t.Errorf("body after Authenticate = %q", b)
	}
	in.Body = []byte("123456789")
	_, err := s.Authenticate(request(t, mustChallenge(t, s, digest.SHA256), in), false)
	schemeErr(t, "body over MaxBody", err, "", nil)
	// The body sent differs from the one hashed.
	r = request(t, mustChallenge(t, s, digest.SHA256), in)
	r.Body = io.NopCloser(strings.NewReader("1234"))
	_, err = s.Authenticate(r, false)
	schemeErr(t, "another body", err, "response", httpauth.ErrVerification)
}

func TestServerAuthenticateErrors(t *testing.T) {
	s := &digest.Server{Realm: "r", Password: lookup}
	for _, tt := range []struct {
		value string
		param string
		want  error
	}{
		{"Basic YTpi", "", httpauth.ErrOtherScheme},
		{`Digest username="u"`, "realm", httpauth.ErrMissingParam},
		{"Digest ,,, =", "", nil}, // syntax error, wrapped
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Authorization", tt.value)
		_, err := s.Authenticate(r, false)
		schemeErr(t, tt.value, err, tt.param, tt.want)
		if errors.Is(err, httpauth.ErrVerification) {
			t.Errorf("%s: a malformed value is reported as a failed verification", tt.value)
		}
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", "Digest ,,, =")
	_, err := s.Authenticate(r, false)
	var se *httpauth.SyntaxError
	if !errors.As(err, &se) {
		t.Errorf("syntax error not wrapped: %v", err)
	}
	r = httptest.NewRequest("GET", "/", nil)
	r.Header.Add("Authorization", "Digest a=b")
	r.Header.Add("Authorization", "Digest a=b")
	_, err = s.Authenticate(r, false)
	if !errors.Is(err, header.ErrMultipleCredentials) {
		t.Errorf("two Authorization lines: %v", err)
	}
	// Realm, algorithm and qop must be the offered ones.
	base := mustChallenge(t, s, digest.SHA256)
	for name, mod := range map[string]func(*digest.Challenge){
		"realm":     func(c *digest.Challenge) { c.Realm = "other" },
		"algorithm": func(c *digest.Challenge) { c.Algorithm = digest.SHA512_256 },
		"qop":       func(c *digest.Challenge) { c.QOP = []string{"auth-int"} },
	} {
		c := base
		mod(&c)
		_, err := s.Authenticate(request(t, c, mufasa), false)
		schemeErr(t, name, err, name, httpauth.ErrVerification)
	}
	// RFC 2069 answers (no qop) are refused.
	c := base
	c.QOP = nil
	_, err = s.Authenticate(request(t, c, mufasa), false)
	schemeErr(t, "no qop", err, "qop", httpauth.ErrVerification)
	// No credential source: nobody is accepted.
	_, err = (&digest.Server{Realm: "r"}).Authenticate(request(t, mustChallenge(t, &digest.Server{Realm: "r"}, digest.SHA256), mufasa), false)
	if !errors.Is(err, httpauth.ErrVerification) {
		t.Errorf("Server without Password or HA1: %v", err)
	}
	if _, err := s.Challenge(99, false); !errors.Is(err, digest.ErrAlgorithm) {
		t.Errorf("Challenge(99): %v", err)
	}
	if _, err := (&digest.Server{Algorithms: []digest.Algorithm{99}}).Challenges(false); !errors.Is(err, digest.ErrAlgorithm) {
		t.Errorf("Challenges with algorithm 99: %v", err)
	}
}

// HA1 callbacks instead of passwords, and Info with a nextnonce bound to
// the algorithm of the accepted credentials.
func TestServerHA1AndInfo(t *testing.T) {
	s := &digest.Server{Realm: "r", Algorithms: []digest.Algorithm{digest.SHA256Sess},
		HA1: func(_ context.Context, alg digest.Algorithm, u string) (string, bool) {
			p, ok := users[u]
			return digest.HA1(alg, u, "r", p), ok
		}}
	ch := mustChallenge(t, s, digest.SHA256Sess)
	cr, err := ch.Respond(mufasa)
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest("GET", "/a", nil)
	r.Header.Set("Authorization", encode(t, cr))
	res, err := s.Authenticate(r, false)
	if err != nil {
		t.Fatal(err)
	}
	info := s.Info(res, nil)
	if err := cr.VerifyInfo(info, nil); err != nil {
		t.Fatalf("client checks the server's rspauth: %v", err)
	}
	// The nextnonce works with the same algorithm, and only with it.
	next := ch
	next.Nonce = info.NextNonce
	if _, err := s.Authenticate(request(t, next, mufasa), false); err != nil {
		t.Errorf("nextnonce: %v", err)
	}
	next.Algorithm = digest.SHA256
	s.Algorithms = append(s.Algorithms, digest.SHA256)
	_, err = s.Authenticate(request(t, next, mufasa), false)
	schemeErr(t, "nextnonce with another algorithm", err, "nonce", httpauth.ErrVerification)
}
