package main

// This file is the only one that calls the library's client and server
// APIs; the rows describe what they need in clientConfig and serverConfig.

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/client"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/server"
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

// libClient returns an http.Client whose transport is the library's
// client.Transport: Login bound to Origins, ProxyLogin to the proxy.
func libClient(cfg clientConfig) *http.Client {
	base := &http.Transport{}
	if cfg.Proxy != nil {
		base.Proxy = http.ProxyURL(cfg.Proxy)
	}
	if cfg.Roots != nil {
		base.TLSClientConfig = &tls.Config{RootCAs: cfg.Roots}
	}
	t := &client.Transport{Base: base}
	if cfg.Login != nil {
		t.Credentials = []client.Credentials{{
			Origins: cfg.Origins, Username: cfg.Login.User, Password: cfg.Login.Password, Cleartext: cfg.Basic,
		}}
	}
	if cfg.ProxyLogin != nil {
		t.Proxy = []client.Credentials{{
			Origins: []string{cfg.Proxy.String()}, Username: cfg.ProxyLogin.User, Password: cfg.ProxyLogin.Password, Cleartext: cfg.Basic,
		}}
	}
	return &http.Client{Transport: t}
}

// isRspauthError reports whether err is the client's refusal of a
// response whose rspauth does not prove that the server knows the
// password.
func isRspauthError(err error) bool { return errors.Is(err, httpauth.ErrVerification) }

// serverConfig is what a row asks of the library's server.
type serverConfig struct {
	Digest   []string // Digest algorithms offered, in order
	QOP      []string // nil: the library's default
	Userhash bool
	Basic    bool // offer Basic too (after Digest)
	Default  bool // the library's default offer (Digest and Basic unset)
	Proxy    bool // a proxy's: Proxy-Authorization, 407, carol in realms.LibraryProxy
}

// libServer returns the library's middleware, server.Auth, in front of
// next, which receives the authenticated user name.
func libServer(cfg serverConfig, next func(http.ResponseWriter, *http.Request, string)) http.Handler {
	a := &server.Auth{
		Realm: realms.Library,
		QOP:   cfg.QOP,
		Password: func(_ context.Context, u string) (string, bool) {
			return password, u == user
		},
	}
	if cfg.Proxy {
		a.Realm, a.Proxy = realms.LibraryProxy, true
		a.Password = func(_ context.Context, u string) (string, bool) {
			return proxyPassword, u == proxyUser
		}
	}
	for _, name := range cfg.Digest {
		alg, ok := digest.ParseAlgorithm(name)
		if !ok {
			panic(fmt.Sprintf("unknown algorithm %q", name))
		}
		a.Offers = append(a.Offers, server.Digest(alg))
	}
	if cfg.Basic {
		a.Offers = append(a.Offers, server.Basic)
	}
	if cfg.Userhash {
		a.Userhash = func(_ context.Context, alg digest.Algorithm, h string) (string, bool) {
			return user, h == digest.UserHash(alg, user, a.Realm)
		}
	}
	return a.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, _ := server.User(r.Context())
		next(w, r, id.User)
	}))
}
