package digest

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/header"
)

// Transport is an http.RoundTripper that answers Digest and Basic
// challenges. When a response is 401 (WWW-Authenticate) or 407
// (Proxy-Authenticate), it picks the strongest Digest challenge it
// supports (see [Select]), or else a Basic one, and sends the request once
// more with credentials. A request body is replayed through
// Request.GetBody; a request with a body and no GetBody is not retried
// (the 401 is returned as is). qop=auth-int is used only when the
// challenge offers no auth, and reads the body through GetBody too.
//
// After a success it keeps the Digest challenge per host and sends the
// next requests to that host with credentials straight away, counting nc
// up; a nextnonce in Authentication-Info replaces the nonce (nc starts
// again at 1). When the server sends rspauth for qop=auth, Transport checks
// it in constant time and fails the request with [ErrRspauth] if it does
// not match.
type Transport struct {
	// Base does the requests; http.DefaultTransport when nil.
	Base     http.RoundTripper
	Username string
	Password string

	mu    sync.Mutex
	cache map[string]*session
}

// session is what Transport remembers about a host.
type session struct {
	proxy bool
	ch    Challenge
	nc    uint32
}

func (t *Transport) base() http.RoundTripper {
	if t.Base != nil {
		return t.Base
	}
	return http.DefaultTransport
}

// RoundTrip implements http.RoundTripper. It does not modify req.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	key := req.URL.Scheme + "://" + req.URL.Host
	first := req
	var sent *Credentials
	if s, ok := t.next(key); ok {
		r, cr, err := t.authorize(req, s.proxy, s.ch, s.nc)
		if err == nil {
			first, sent = r, &cr
			if req.Body != nil {
				req.Body.Close() // the clone carries a body from GetBody
			}
		}
	}
	resp, err := t.base().RoundTrip(first)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusProxyAuthRequired {
		return t.finish(key, resp, sent, nil)
	}
	proxy := resp.StatusCode == http.StatusProxyAuthRequired
	name := header.WWWAuthenticate
	if proxy {
		name = header.ProxyAuthenticate
	}
	cs, _ := header.Challenges(resp.Header, name) // answer what parsed before an error
	var second *http.Request
	var cr *Credentials
	var pending *session // cached only once the server accepts it
	if ch, ok := Select(cs); ok {
		r, c, err := t.authorize(req, proxy, ch, 1)
		if err != nil {
			return resp, nil
		}
		pending = &session{proxy: proxy, ch: ch, nc: 1}
		second, cr = r, &c
	} else if b, ok := selectBasic(cs); ok {
		bc, err := b.Respond(t.Username, t.Password)
		if err != nil {
			return resp, nil
		}
		g, err := bc.Build()
		if err != nil {
			return resp, nil
		}
		r, err := cloneWithBody(req)
		if err != nil {
			return resp, nil
		}
		if err := header.SetCredentials(r.Header, credName(proxy), g); err != nil {
			return resp, nil
		}
		second = r
	} else {
		return resp, nil
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	resp.Body.Close()
	resp, err = t.base().RoundTrip(second)
	if err != nil {
		return nil, err
	}
	return t.finish(key, resp, cr, pending)
}

func credName(proxy bool) string {
	if proxy {
		return header.ProxyAuthorization
	}
	return header.Authorization
}

func infoName(proxy bool) string {
	if proxy {
		return header.ProxyAuthenticationInfo
	}
	return header.AuthenticationInfo
}

func selectBasic(cs []httpauth.Challenge) (basic.Challenge, bool) {
	for _, c := range cs {
		if b, err := basic.ParseChallenge(c); err == nil {
			return b, true
		}
	}
	return basic.Challenge{}, false
}

// next returns the cached session for key with its nonce count advanced.
func (t *Transport) next(key string) (session, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	s, ok := t.cache[key]
	if !ok {
		return session{}, false
	}
	s.nc++
	return *s, true
}

func (t *Transport) store(key string, s *session) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cache == nil {
		t.cache = make(map[string]*session)
	}
	t.cache[key] = s
}

// finish checks Authentication-Info after a Digest exchange: rspauth (for
// qop=auth) and nextnonce. A refused request drops the cached session;
// an accepted one caches pending, the session of a fresh challenge (not
// before, so that concurrent requests do not use its nonce counts ahead of
// the request that opened it).
func (t *Transport) finish(key string, resp *http.Response, cr *Credentials, pending *session) (*http.Response, error) {
	if cr == nil {
		return resp, nil
	}
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusProxyAuthRequired {
		t.mu.Lock()
		delete(t.cache, key)
		t.mu.Unlock()
		return resp, nil
	}
	var s *session
	if pending != nil {
		t.store(key, pending)
		s = pending
	} else {
		t.mu.Lock()
		s = t.cache[key]
		t.mu.Unlock()
	}
	proxy := s != nil && s.proxy
	ps, err := header.Params(resp.Header, infoName(proxy))
	if err != nil || len(ps) == 0 {
		return resp, nil
	}
	info, err := ParseAuthInfo(ps)
	if err != nil {
		return resp, nil
	}
	if cr.QOP == "auth" {
		if err := cr.CheckAuthInfo(info); err != nil {
			resp.Body.Close()
			return nil, err
		}
	}
	if info.NextNonce != "" && s != nil {
		t.mu.Lock()
		s.ch.Nonce, s.nc, s.ch.Stale = info.NextNonce, 0, false
		t.mu.Unlock()
	}
	return resp, nil
}

// authorize returns a clone of req carrying Digest credentials for ch.
func (t *Transport) authorize(req *http.Request, proxy bool, ch Challenge, nc uint32) (*http.Request, Credentials, error) {
	r, err := cloneWithBody(req)
	if err != nil {
		return nil, Credentials{}, err
	}
	in := Input{Username: t.Username, Password: t.Password, Method: req.Method, URI: req.URL.RequestURI(), NC: nc}
	if !ch.Offers("auth") && ch.Offers("auth-int") {
		in.QOP = "auth-int"
		if req.Body != nil && req.Body != http.NoBody {
			rc, err := req.GetBody()
			if err != nil {
				return nil, Credentials{}, err
			}
			in.Body, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, Credentials{}, err
			}
		}
	}
	cr, err := ch.Respond(in)
	if err != nil {
		return nil, Credentials{}, err
	}
	g, err := cr.Credentials()
	if err != nil {
		return nil, Credentials{}, err
	}
	if err := header.SetCredentials(r.Header, credName(proxy), g); err != nil {
		return nil, Credentials{}, err
	}
	return r, cr, nil
}

var errNoReplay = errors.New("digest: request body cannot be replayed (no GetBody)")

// cloneWithBody clones req with a fresh body from GetBody.
func cloneWithBody(req *http.Request) (*http.Request, error) {
	r := req.Clone(req.Context())
	if req.Body == nil || req.Body == http.NoBody {
		return r, nil
	}
	if req.GetBody == nil {
		return nil, errNoReplay
	}
	b, err := req.GetBody()
	if err != nil {
		return nil, fmt.Errorf("digest: GetBody: %w", err)
	}
	r.Body = b
	return r, nil
}

// String describes t without its password.
func (t *Transport) String() string {
	return "digest.Transport{Username:" + strconv.Quote(t.Username) + ", Password:[redacted]}"
}

// Format implements fmt.Formatter: every verb prints [Transport.String].
func (t *Transport) Format(f fmt.State, verb rune) { fmt.Fprint(f, t.String()) }
