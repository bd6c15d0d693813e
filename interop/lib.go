package main

// This file is the only one that calls the library's client and server
// APIs; the rows describe what they need in clientConfig and serverConfig.

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"net/url"

	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/header"
)

// clientConfig is what a row asks of the library's client.
type clientConfig struct {
	Login      *login   // credentials for the origins, or nil
	Origins    []string // where Login may be sent: scheme://host:port
	Proxy      *url.URL // the proxy for every request, or nil
	ProxyLogin *login   // credentials for the proxy, or nil
	Basic      bool     // Basic may be sent over cleartext http
	Roots      *x509.CertPool
}

type login struct{ User, Password string }

var (
	alice = &login{user, password}
	carol = &login{proxyUser, proxyPassword}
)

// libClient returns an http.Client whose transport is the library's.
func libClient(cfg clientConfig) *http.Client {
	base := &http.Transport{}
	if cfg.Proxy != nil {
		base.Proxy = http.ProxyURL(cfg.Proxy)
	}
	if cfg.Roots != nil {
		base.TLSClientConfig = &tls.Config{RootCAs: cfg.Roots}
	}
	t := &digest.Transport{Base: base}
	switch {
	case cfg.Login != nil:
		t.Username, t.Password = cfg.Login.User, cfg.Login.Password
	case cfg.ProxyLogin != nil:
		t.Username, t.Password = cfg.ProxyLogin.User, cfg.ProxyLogin.Password
	}
	return &http.Client{Transport: t}
}

// isRspauthError reports whether err is the client's refusal of a
// response whose rspauth does not prove the server knows the password.
func isRspauthError(err error) bool { return errors.Is(err, digest.ErrRspauth) }

// serverConfig is what a row asks of the library's server.
type serverConfig struct {
	Digest   []string // Digest algorithms offered, in order; nil: none (unless Default)
	QOP      []string // nil: the library's default
	Userhash bool
	Basic    bool // offer Basic too (after Digest)
	Default  bool // the library's default offer
}

// libServer returns the library's server as a handler in front of next,
// which receives the authenticated user name.
func libServer(cfg serverConfig, next func(http.ResponseWriter, *http.Request, string)) http.Handler {
	s := &digest.Server{
		Realm:    realms.Library,
		QOP:      cfg.QOP,
		Password: func(u string) (string, bool) { return password, u == user },
	}
	for _, name := range cfg.Digest {
		a, ok := digest.ParseAlgorithm(name)
		if !ok {
			panic("unknown algorithm " + name)
		}
		s.Algorithms = append(s.Algorithms, a)
	}
	if cfg.Userhash {
		s.Userhash = func(a digest.Algorithm, h string) (string, bool) {
			return user, h == digest.UserHash(a, user, realms.Library)
		}
	}
	offerDigest := cfg.Default || len(cfg.Digest) > 0
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, ok, err := header.Credentials(r.Header, header.Authorization); ok && err == nil && c.Is("Basic") && cfg.Basic {
			if b, err := basic.ParseCredentials(c); err == nil && b.Verify(user, password) {
				next(w, r, user)
				return
			}
		}
		stale := false
		if offerDigest {
			res, err := s.Authenticate(r, false)
			if err == nil {
				if res.Credentials.QOP == "auth" { // auth-int's rspauth covers the response body
					header.SetParams(w.Header(), header.AuthenticationInfo, res.AuthInfo(nil, "").Params())
				}
				next(w, r, res.Username)
				return
			}
			stale = errors.Is(err, digest.ErrStale)
			header.AddChallenges(w.Header(), header.WWWAuthenticate, s.Challenges(stale)...)
		}
		if cfg.Basic {
			header.AddChallenges(w.Header(), header.WWWAuthenticate, basic.Challenge{Realm: realms.Library}.Challenge())
		}
		http.Error(w, "401 Unauthorized", http.StatusUnauthorized)
	})
}
