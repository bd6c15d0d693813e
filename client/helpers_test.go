package client_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/client"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/header"
	"github.com/authwire/httpauth/server"
)

const (
	user     = "Mufasa"
	password = "Circle of Life"
)

func lookup(_ context.Context, u string) (string, bool) { return password, u == user }

// recorder is a handler that answers with the user name and request
// body, and records every request it saw (after authentication, if it sits
// behind a middleware).
type recorder struct {
	mu   sync.Mutex
	reqs []*http.Request
	hits atomic.Int32
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec.hits.Add(1)
	b, _ := io.ReadAll(r.Body)
	rec.mu.Lock()
	rec.reqs = append(rec.reqs, r)
	rec.mu.Unlock()
	id, _ := server.User(r.Context())
	io.WriteString(w, id.User+"|"+string(b))
}

// last returns the last request seen.
func (rec *recorder) last() *http.Request {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.reqs) == 0 {
		return nil
	}
	return rec.reqs[len(rec.reqs)-1]
}

// codes counts the status codes a handler answers with.
type codes struct {
	mu sync.Mutex
	n  map[int]int
}

func (c *codes) count(code int) int { c.mu.Lock(); defer c.mu.Unlock(); return c.n[code] }

func (c *codes) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, code: 200}
		h.ServeHTTP(sw, r)
		c.mu.Lock()
		if c.n == nil {
			c.n = map[int]int{}
		}
		c.n[sw.code]++
		c.mu.Unlock()
	})
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) { w.code = code; w.ResponseWriter.WriteHeader(code) }

// Hijack lets the proxy below take CONNECT connections through the
// counting wrapper.
func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return w.ResponseWriter.(http.Hijacker).Hijack()
}

// origin starts a test server (TLS when tls is set) and returns it with
// the counts of its answers.
func origin(t *testing.T, h http.Handler, tls bool) (*httptest.Server, *codes) {
	t.Helper()
	c := &codes{}
	var ts *httptest.Server
	if tls {
		ts = httptest.NewTLSServer(c.wrap(h))
	} else {
		ts = httptest.NewServer(c.wrap(h))
	}
	t.Cleanup(ts.Close)
	return ts, c
}

// forward is a forward proxy for tests: absolute-form requests are sent on
// (without Proxy-Authorization, which is for the proxy), CONNECT is
// tunnelled. In front of it, auth asks for proxy authentication.
func forward(t *testing.T, auth *server.Auth) (*httptest.Server, *codes) {
	t.Helper()
	fwd := &http.Transport{}
	t.Cleanup(fwd.CloseIdleConnections)
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodConnect {
			dst, err := net.Dial("tcp", r.Host)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
			conn, rw, err := w.(http.Hijacker).Hijack()
			if err != nil {
				dst.Close()
				return
			}
			rw.WriteString("HTTP/1.1 200 Connection established\r\n")
			w.Header().Write(rw)
			rw.WriteString("\r\n")
			rw.Flush()
			go func() { io.Copy(dst, rw); dst.Close() }()
			go func() { io.Copy(conn, dst); conn.Close() }()
			return
		}
		out := r.Clone(r.Context())
		out.RequestURI = ""
		out.Header.Del("Proxy-Authorization")
		resp, err := fwd.RoundTrip(out)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body)
	})
	return origin(t, auth.Wrap(inner), false)
}

// base returns an http.Transport that trusts the test servers' TLS
// certificates and goes through proxy (if not nil).
func base(ts *httptest.Server, proxy *httptest.Server) *http.Transport {
	b := &http.Transport{}
	if ts != nil && ts.TLS != nil {
		b.TLSClientConfig = &tls.Config{RootCAs: ts.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs}
	}
	if proxy != nil {
		u, _ := url.Parse(proxy.URL)
		b.Proxy = http.ProxyURL(u)
	}
	return b
}

// login is Mufasa's credentials for the origins given.
func login(origins ...string) client.Credentials {
	return client.Credentials{Origins: origins, Username: user, Password: password}
}

// get sends a GET with c and returns the status and body.
func get(t *testing.T, c *http.Client, u string) (int, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// digestOf returns the Digest credentials in the field of r.
func digestOf(t *testing.T, r *http.Request, field string) digest.Credentials {
	t.Helper()
	g, ok, err := header.Credentials(r.Header, field)
	if !ok || err != nil {
		t.Fatalf("%s: %v %v", field, ok, err)
	}
	c, err := digest.ParseCredentials(g)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// challengeOf parses one challenge for a test.
func challengeOf(line string) httpauth.Challenge { return httpauth.MustParseChallenge(line) }
