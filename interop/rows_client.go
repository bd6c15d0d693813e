package main

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// clientRows are the rows where the library is the client.
func clientRows() []row {
	return []row{
		// Apache httpd: mod_auth_digest (MD5 only), mod_auth_basic, and
		// mod_proxy as a forward proxy.
		{"apache", asClient, "Digest MD5, session kept for the next request", func(r *R) {
			t := r.Tap(port(r.setup.Ports.Apache))
			c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}})
			r.Expect(c, "GET", t.URL("/digest/"), "", "apache digest ok")
			r.Expect(c, "GET", t.URL("/digest/"), "", "apache digest ok")
			r.WantAlgorithm("Authorization", "MD5")
			r.WantChallenges(1)
			r.WantRspauth()
		}},
		{"apache", asClient, "Digest MD5, tampered rspauth refused", func(r *R) {
			t := r.Tap(port(r.setup.Ports.Apache))
			c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}})
			status, _, err := r.Fetch(c, "GET", t.URL("/tampered/"), "")
			switch {
			case err == nil:
				r.Fail("status %d: the client accepted a response whose rspauth was rewritten", status)
			case !isRspauthError(err):
				r.Fail("the client failed for another reason: %v", err)
			default:
				r.Note("the client refused the 200: %v", unwrapURLError(err))
			}
			r.WantRspauth()
		}},
		{"apache", asClient, "Digest MD5, 1-second nonce lifetime (stale=true)", func(r *R) {
			t := r.Tap(port(r.setup.Ports.Apache))
			c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}})
			r.Expect(c, "GET", t.URL("/short/"), "", "apache short ok")
			sleep(r, 2100*time.Millisecond) // past the lifetime, whatever Apache's rounding
			r.Expect(c, "GET", t.URL("/short/"), "", "apache short ok")
			if !r.SawParam("WWW-Authenticate", "stale", "true") {
				r.Fail("no challenge with stale=true: the second request did not reuse the expired nonce")
			}
		}},
		{"apache", asClient, "Digest MD5, 20 requests 8 in parallel", func(r *R) {
			t := r.Tap(port(r.setup.Ports.Apache))
			c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}})
			parallel(r, 20, 8, func() { r.Expect(c, "GET", t.URL("/digest/"), "", "apache digest ok") })
			r.WantDistinctNC("Authorization")
			if n := r.Count(401); n > 8 {
				r.Fail("%d challenges for 20 requests: the session is not reused", n)
			} else {
				r.Note("at most 8 challenges (one per request in the first parallel wave)")
			}
		}},
		{"apache", asClient, "Basic (cleartext allowed)", func(r *R) {
			t := r.Tap(port(r.setup.Ports.Apache))
			c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}, Basic: true})
			r.Expect(c, "GET", t.URL("/basic/"), "", "apache basic ok")
		}},
		{"apache", asClient, "forward proxy, Digest proxy authentication", func(r *R) {
			t := r.Tap(port(r.setup.Ports.ApacheProxy))
			c := libClient(clientConfig{Proxy: mustURL(t.URL("")), ProxyLogin: carol})
			r.Expect(c, "GET", fmt.Sprintf("http://%s/public/", port(r.setup.Ports.Apache)), "", "apache public ok")
			r.Expect(c, "GET", fmt.Sprintf("http://%s/public/", port(r.setup.Ports.Apache)), "", "apache public ok")
			r.WantAlgorithm("Proxy-Authorization", "MD5")
			r.NoteURI("Proxy-Authorization")
			r.WantStatus(407, 1)
		}},
		{"apache", asClient, "forward proxy Digest and origin Digest on one request", func(r *R) {
			t := r.Tap(port(r.setup.Ports.ApacheProxy))
			origin := "http://" + port(r.setup.Ports.Apache)
			c := libClient(clientConfig{Proxy: mustURL(t.URL("")), ProxyLogin: carol, Login: alice, Origins: []string{origin}})
			r.Expect(c, "GET", origin+"/digest/", "", "apache digest ok")
			r.Expect(c, "GET", origin+"/digest/", "", "apache digest ok")
			r.NoteURI("Proxy-Authorization")
			r.NoteURI("Authorization")
			r.WantStatus(407, 1)
			r.WantStatus(401, 1)
		}},

		// lighttpd: mod_auth with one challenge per algorithm.
		lighttpdRow("MD5", "/md5/", "MD5"),
		lighttpdRow("SHA-256", "/sha256/", "SHA-256"),
		lighttpdRow("SHA-512-256", "/sha512-256/", "SHA-512-256"),
		lighttpdRow("SHA-256|MD5 (two challenges: SHA-256 chosen)", "/sha256-md5/", "SHA-256"),
		{"lighttpd", asClient, "userhash (SHA-256)", func(r *R) {
			t := r.Tap(port(r.setup.Ports.Lighttpd))
			c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}})
			r.Expect(c, "GET", t.URL("/userhash/"), "", "lighttpd userhash ok")
			if !r.SawParam("Authorization", "userhash", "true") {
				r.Fail("the client did not send userhash=true")
			}
		}},
		{"lighttpd", asClient, "Basic (cleartext allowed)", func(r *R) {
			t := r.Tap(port(r.setup.Ports.Lighttpd))
			c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}, Basic: true})
			r.Expect(c, "GET", t.URL("/basic/"), "", "lighttpd basic ok")
		}},

		// node http-auth: MD5, MD5-sess, RFC 2069 without qop, Basic,
		// and proxy mode.
		nodeRow("Digest MD5", "/md5/", "MD5"),
		nodeRow("Digest MD5-sess", "/md5-sess/", "MD5-sess"),
		{"http-auth", asClient, "Digest without qop (RFC 2069)", func(r *R) {
			t := r.Tap(port(r.setup.Ports.Node))
			c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}})
			r.Expect(c, "GET", t.URL("/noqop/"), "", "node noqop ok "+user)
			if r.HasParam("Authorization", "qop") {
				r.Fail("the client sent a qop to a challenge that offered none")
			}
		}},
		{"http-auth", asClient, "Digest MD5, POST body replayed", func(r *R) {
			t := r.Tap(port(r.setup.Ports.Node))
			c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}})
			body := postBody()
			r.Expect(c, "POST", t.URL("/post/"), body, "node post ok "+user+" "+lenSHA(body))
			if r.Count(401) != 1 {
				r.Fail("want one 401 (the body was sent twice: before and after the challenge)")
			}
		}},
		{"http-auth", asClient, "Basic (cleartext allowed)", func(r *R) {
			t := r.Tap(port(r.setup.Ports.Node))
			c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}, Basic: true})
			r.Expect(c, "GET", t.URL("/basic/"), "", "node basic ok "+user)
		}},
		{"http-auth", asClient, "proxy mode: Digest 407", func(r *R) {
			t := r.Tap(port(r.setup.Ports.Node))
			c := libClient(clientConfig{Proxy: mustURL(t.URL("")), ProxyLogin: carol})
			// The http-auth server answers for any target without
			// forwarding; the port is never connected to.
			r.Expect(c, "GET", "http://127.0.0.1:9/target", "", "node proxy ok "+proxyUser)
			r.WantAlgorithm("Proxy-Authorization", "MD5")
			r.NoteURI("Proxy-Authorization")
		}},

		// squid 5: Digest and Basic proxy authentication, http targets
		// (absolute-form) and https targets (CONNECT).
		squidRow("Digest", false),
		squidRow("Digest", true),
		squidRow("Basic", false),
		squidRow("Basic", true),
		{"squid", asClient, "Digest proxy, two target hosts: one 407", func(r *R) {
			t := r.Tap(port(r.setup.Ports.SquidDigest))
			c := libClient(clientConfig{Proxy: mustURL(t.URL("")), ProxyLogin: carol})
			a, b := r.PlainOrigin("origin a"), r.PlainOrigin("origin b")
			r.Expect(c, "GET", "http://"+a+"/", "", "origin a ok")
			r.Expect(c, "GET", "http://"+b+"/", "", "origin b ok")
			r.WantStatus(407, 1)
		}},
		{"squid", asClient, "Digest proxy and Apache Digest origin on one request (http)", func(r *R) {
			t := r.Tap(port(r.setup.Ports.SquidDigest))
			origin := "http://" + port(r.setup.Ports.Apache)
			c := libClient(clientConfig{Proxy: mustURL(t.URL("")), ProxyLogin: carol, Login: alice, Origins: []string{origin}})
			target := origin + "/digest/"
			r.Expect(c, "GET", target, "", "apache digest ok")
			r.Expect(c, "GET", target, "", "apache digest ok")
			r.WantStatus(407, 1)
			r.WantStatus(401, 1)
			r.NoteURI("Authorization")
		}},
		{"squid", asClient, "Digest proxy and library Digest origin on one request (https)", func(r *R) {
			t := r.Tap(port(r.setup.Ports.SquidDigest))
			origin, roots := r.TLSOrigin(serverConfig{Digest: []string{"SHA-256"}})
			c := libClient(clientConfig{Proxy: mustURL(t.URL("")), ProxyLogin: carol, Login: alice, Origins: []string{origin}, Roots: roots})
			r.Expect(c, "GET", origin+"/", "", okBody(user, nil, "GET"))
			r.Expect(c, "GET", origin+"/", "", okBody(user, nil, "GET"))
			r.WantStatus(407, 1)
			r.WantStatus(401, 1)
		}},
	}
}

func lighttpdRow(variant, path, alg string) row {
	return row{"lighttpd", asClient, variant, func(r *R) {
		t := r.Tap(port(r.setup.Ports.Lighttpd))
		c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}})
		r.Expect(c, "GET", t.URL(path), "", "lighttpd "+strings.Trim(path, "/")+" ok")
		r.WantAlgorithm("Authorization", alg)
	}}
}

func nodeRow(variant, path, alg string) row {
	return row{"http-auth", asClient, variant, func(r *R) {
		t := r.Tap(port(r.setup.Ports.Node))
		c := libClient(clientConfig{Login: alice, Origins: []string{t.URL("")}})
		r.Expect(c, "GET", t.URL(path), "", "node "+strings.Trim(path, "/")+" ok "+user)
		r.Expect(c, "GET", t.URL(path), "", "node "+strings.Trim(path, "/")+" ok "+user)
		r.WantAlgorithm("Authorization", alg)
	}}
}

func squidRow(scheme string, https bool) row {
	variant := scheme + " proxy authentication, http target"
	if https {
		variant = scheme + " proxy authentication, https target (CONNECT)"
	}
	return row{"squid", asClient, variant, func(r *R) {
		p := r.setup.Ports.SquidDigest
		if scheme == "Basic" {
			p = r.setup.Ports.SquidBasic
		}
		t := r.Tap(port(p))
		cfg := clientConfig{Proxy: mustURL(t.URL("")), ProxyLogin: carol, Basic: scheme == "Basic"}
		target, want := fmt.Sprintf("http://%s/public/", port(r.setup.Ports.Apache)), "apache public ok"
		if https {
			target, cfg.Roots = r.TLSOrigin(serverConfig{})
			target += "/"
			want = "tls origin ok"
		}
		c := libClient(cfg)
		r.Expect(c, "GET", target, "", want)
		r.Expect(c, "GET", target, "", want)
		if scheme == "Digest" {
			r.NoteURI("Proxy-Authorization")
		}
		if !https {
			r.WantStatus(407, 1)
		}
	}}
}

// WantAlgorithm records a failure unless every Digest value of the field
// on the wire names algorithm alg.
func (r *R) WantAlgorithm(fieldName, alg string) {
	vs := r.ParamValues(fieldName, "algorithm")
	if len(vs) == 0 {
		r.Fail("no %s with an algorithm on the wire", fieldName)
	}
	for _, v := range vs {
		if !strings.EqualFold(v, alg) {
			r.Fail("%s used algorithm=%s, want %s", fieldName, v, alg)
			return
		}
	}
}

// WantChallenges records a failure unless the wire holds exactly n
// responses with WWW-Authenticate.
func (r *R) WantChallenges(n int) {
	got := 0
	for _, e := range r.rec.exchanges() {
		if e.get("WWW-Authenticate") != nil {
			got++
		}
	}
	if got != n {
		r.Fail("%d responses with WWW-Authenticate, want %d", got, n)
	}
}

// WantStatus records a failure unless n responses on the wire had status.
func (r *R) WantStatus(status, n int) {
	if got := r.Count(status); got != n {
		r.Fail("%d responses with status %d, want %d", got, status, n)
	}
}

// Count returns the number of exchanges that ended with status.
func (r *R) Count(status int) int {
	n := 0
	for _, e := range r.rec.exchanges() {
		if e.Status == status {
			n++
		}
	}
	return n
}

// WantRspauth records a failure unless a 2xx response carried an
// Authentication-Info with rspauth (so that the client had one to check).
func (r *R) WantRspauth() {
	for _, e := range r.rec.exchanges() {
		if e.Status/100 == 2 && r.paramIn(e, "Authentication-Info", "rspauth") != "" {
			return
		}
	}
	r.Fail("no Authentication-Info with rspauth on the wire")
}

// ParamValues returns the values of a parameter in every value of the
// field on the wire (strictly parsed), in order.
func (r *R) ParamValues(fieldName, param string) []string {
	var out []string
	for _, e := range r.rec.exchanges() {
		if v := r.paramIn(e, fieldName, param); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// HasParam reports whether any value of the field carries the parameter.
func (r *R) HasParam(fieldName, param string) bool { return len(r.ParamValues(fieldName, param)) > 0 }

// SawParam reports whether a value of the field had param=value.
func (r *R) SawParam(fieldName, param, value string) bool {
	for _, v := range r.ParamValues(fieldName, param) {
		if strings.EqualFold(v, value) {
			return true
		}
	}
	return false
}

func (r *R) paramIn(e exchange, fieldName, param string) string {
	lines := e.get(fieldName)
	if lines == nil {
		return ""
	}
	p := parseStrict(field{Name: canonicalField(fieldName), Lines: lines})
	switch {
	case p.Err != nil:
		return ""
	case p.Credentials != nil:
		v, _ := p.Credentials.Params.Get(param)
		return v
	case p.Params != nil:
		v, _ := p.Params.Get(param)
		return v
	}
	for _, c := range p.Challenges {
		if v, ok := c.Params.Get(param); ok {
			return v
		}
	}
	return ""
}

// WantDistinctNC records a failure if a nonce count was sent twice with
// the same nonce in the field (a server that checks counts would refuse
// the second).
func (r *R) WantDistinctNC(fieldName string) {
	seen := map[[2]string]bool{}
	for _, e := range r.rec.exchanges() {
		nonce, nc := r.paramIn(e, fieldName, "nonce"), r.paramIn(e, fieldName, "nc")
		if nc == "" {
			continue
		}
		if seen[[2]string{nonce, nc}] {
			r.Fail("nc=%s sent twice with one nonce", nc)
			return
		}
		seen[[2]string{nonce, nc}] = true
	}
	r.Note("%d nonce counts, none sent twice with one nonce", len(seen))
}

// canonicalField returns the name of an authentication field as
// requestFields and responseFields spell it.
func canonicalField(name string) string {
	for _, n := range append(requestFields, responseFields...) {
		if strings.EqualFold(n, name) {
			return n
		}
	}
	return name
}

// NoteURI notes the form of the Digest uri the client sent in the field,
// beside the request-target of the same request.
func (r *R) NoteURI(fieldName string) {
	for _, e := range r.rec.exchanges() {
		if uri := r.paramIn(e, fieldName, "uri"); uri != "" {
			form := "the request-target as sent"
			if uri != e.Target {
				form = fmt.Sprintf("not the request-target %q", e.Target)
			}
			r.Note("%s uri=%q (%s)", fieldName, uri, form)
			return
		}
	}
}

// PlainOrigin starts an http origin without authentication that answers
// "NAME ok", and returns its host:port.
func (r *R) PlainOrigin(name string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(fmt.Sprintf("listen: %v", err))
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, name+" ok\n")
	}), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	r.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// TLSOrigin starts an https origin on 127.0.0.1: with the library's
// server in front when cfg offers something, else answering "tls origin
// ok". Its exchanges are recorded inside the tunnel. It returns the
// origin's URL and the pool that trusts its certificate.
func (r *R) TLSOrigin(cfg serverConfig) (string, *x509.CertPool) {
	var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "tls origin ok\n")
	})
	if cfg.Default || len(cfg.Digest) > 0 || cfg.Basic {
		h = libServer(cfg, func(w http.ResponseWriter, req *http.Request, u string) {
			body, _ := io.ReadAll(io.LimitReader(req.Body, maxBody))
			io.WriteString(w, okBody(u, body, req.Method))
		})
	}
	srv := httptest.NewTLSServer(recordHandler(&r.rec, h))
	r.Cleanup(srv.Close)
	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate())
	return srv.URL, roots
}

// parallel runs f n times, at most k at a time.
func parallel(r *R, n, k int, f func()) {
	sem := make(chan struct{}, k)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f()
		}()
	}
	wg.Wait()
}

func sleep(r *R, d time.Duration) {
	select {
	case <-time.After(d):
	case <-r.ctx.Done():
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// postBody is the body of the POST rows: 1 KiB, so that it cannot pass
// unnoticed if a retry drops or truncates it.
func postBody() string {
	return "payload=" + strings.Repeat("interop-", 127)
}

// lenSHA is "LEN SHA256HEX" of body, as the servers echo it.
func lenSHA(body string) string {
	h := sha256.Sum256([]byte(body))
	return fmt.Sprintf("%d %s", len(body), hex.EncodeToString(h[:]))
}
