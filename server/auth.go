package server

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/header"
)

// Offer is one challenge the middleware offers: a scheme, and for Digest
// its algorithm.
type Offer struct {
	Scheme    string           // digest.Scheme, basic.Scheme or bearer.Scheme
	Algorithm digest.Algorithm // for Digest
}

// The offers of every scheme this package verifies.
var (
	DigestSHA512_256 = Offer{Scheme: digest.Scheme, Algorithm: digest.SHA512_256}
	DigestSHA256     = Offer{Scheme: digest.Scheme, Algorithm: digest.SHA256}
	DigestMD5        = Offer{Scheme: digest.Scheme, Algorithm: digest.MD5}
	Basic            = Offer{Scheme: basic.Scheme}
	Bearer           = Offer{Scheme: bearer.Scheme}
)

// Digest returns the offer of a Digest challenge with alg (for the -sess
// variants and Unspecified, which the variables above do not name).
func Digest(alg digest.Algorithm) Offer { return Offer{Scheme: digest.Scheme, Algorithm: alg} }

// Auth is a middleware that offers several challenges at once, in the
// order of Offers (the preferred first, RFC 7616 section 3.7), and
// authenticates whichever one the client answers: Digest through a
// [digest.Server] it makes (nonces bound to their algorithm, replays
// refused), Basic and Bearer through the callbacks. The credential source
// is the caller's: Password serves Digest and Basic alike.
//
// An Auth must not be copied after first use; it is safe for concurrent
// use. Its fields must not change after first use.
type Auth struct {
	// Realm names the protection space in every challenge.
	Realm string
	// Offers are the challenges sent, in this order. Default:
	// DigestSHA256, DigestMD5.
	Offers []Offer
	// Password returns the password of a user; it serves Digest and
	// Basic. A Basic offer needs it; a Digest offer needs it or HA1.
	Password func(ctx context.Context, user string) (password string, ok bool)
	// HA1 returns H(user:realm:password) for alg (see digest.HA1), for a
	// server that does not keep passwords; Digest uses it instead of
	// Password when it is set.
	HA1 func(ctx context.Context, alg digest.Algorithm, user string) (ha1 string, ok bool)
	// Userhash, when set, offers userhash=true in the Digest challenges
	// and maps a received userhash to the user name.
	Userhash func(ctx context.Context, alg digest.Algorithm, userhash string) (user string, ok bool)
	// Token verifies a Bearer token and returns its user; a Bearer offer
	// needs it.
	Token func(ctx context.Context, token string) (user string, ok bool)
	// Proxy makes the middleware a proxy's: it reads Proxy-Authorization
	// and answers 407 with Proxy-Authenticate, and Digest's
	// Authentication-Info goes in Proxy-Authentication-Info.
	Proxy bool
	// QOP, NonceLifetime, MaxNonces and MaxBody configure the Digest
	// offers, as the fields of digest.Server of the same names do.
	QOP           []string
	NonceLifetime time.Duration
	MaxNonces     int
	MaxBody       int64

	once   sync.Once
	err    error
	digest *digest.Server
}

// Identity is who a request was authenticated as.
type Identity struct {
	User   string
	Scheme string // the scheme the client answered with
}

type identityKey struct{}

// User returns the identity that [Auth.Wrap] authenticated the request
// of ctx as.
func User(ctx context.Context) (Identity, bool) {
	id, ok := ctx.Value(identityKey{}).(Identity)
	return id, ok
}

// Errors of Authenticate; the schemes' errors come as they are (a failed
// verification wraps httpauth.ErrVerification, a stale Digest nonce
// digest.ErrStale).
var (
	// ErrNoCredentials: the request carries no credentials of an offered
	// scheme.
	ErrNoCredentials = errors.New("server: no credentials of an offered scheme")
	// ErrConfig: the Auth cannot serve its Offers (an unknown scheme, or
	// a callback the offer needs is nil).
	ErrConfig = errors.New("server: Auth misconfigured: an offer is of an unknown scheme or lacks its callback")
)

func (a *Auth) offers() []Offer {
	if len(a.Offers) > 0 {
		return a.Offers
	}
	return []Offer{DigestSHA256, DigestMD5}
}

func (a *Auth) init() error {
	a.once.Do(func() {
		var algs []digest.Algorithm
		for _, o := range a.offers() {
			switch o.Scheme {
			case digest.Scheme:
				if a.Password == nil && a.HA1 == nil {
					a.err = ErrConfig
				}
				algs = append(algs, o.Algorithm)
			case basic.Scheme:
				if a.Password == nil {
					a.err = ErrConfig
				}
			case bearer.Scheme:
				if a.Token == nil {
					a.err = ErrConfig
				}
			default:
				a.err = ErrConfig
			}
		}
		if len(algs) > 0 {
			a.digest = &digest.Server{
				Realm: a.Realm, Algorithms: algs, QOP: a.QOP,
				Password: a.Password, HA1: a.HA1, Userhash: a.Userhash,
				NonceLifetime: a.NonceLifetime, MaxNonces: a.MaxNonces, MaxBody: a.MaxBody,
			}
		}
	})
	return a.err
}

// offered returns the offer of scheme, if any.
func (a *Auth) offered(scheme string) bool {
	for _, o := range a.offers() {
		if httpauth.EqualFold(o.Scheme, scheme) {
			return true
		}
	}
	return false
}

// Authenticate checks the credentials of r against the offers. A request
// without credentials of an offered scheme is [ErrNoCredentials]; wrong
// credentials give an error wrapping httpauth.ErrVerification; any other
// error is a malformed request.
func (a *Auth) Authenticate(r *http.Request) (Identity, error) {
	id, _, err := a.authenticate(r)
	return id, err
}

func (a *Auth) authenticate(r *http.Request) (Identity, *digest.Result, error) {
	if err := a.init(); err != nil {
		return Identity{}, nil, err
	}
	field := header.Authorization
	if a.Proxy {
		field = header.ProxyAuthorization
	}
	g, ok, err := header.Credentials(r.Header, field)
	if !ok {
		return Identity{}, nil, ErrNoCredentials
	}
	if err != nil {
		return Identity{}, nil, err
	}
	if !a.offered(g.Scheme) {
		return Identity{}, nil, ErrNoCredentials
	}
	ctx := r.Context()
	switch {
	case g.Is(digest.Scheme):
		c, err := digest.ParseCredentials(g)
		if err != nil {
			return Identity{}, nil, err
		}
		res, err := a.digest.Verify(r, c)
		if err != nil {
			return Identity{}, nil, err
		}
		return Identity{User: res.Username, Scheme: digest.Scheme}, &res, nil
	case g.Is(basic.Scheme):
		user, err := verifyBasic(ctx, g, a.Password)
		return Identity{User: user, Scheme: basic.Scheme}, nil, err
	default:
		user, err := verifyBearer(ctx, g, a.Token)
		return Identity{User: user, Scheme: bearer.Scheme}, nil, err
	}
}

// Wrap returns a handler that serves next only to requests that
// Authenticate accepts, with their [Identity] in the context ([User]).
// Otherwise it answers 401 (407 for a proxy) with every offered challenge,
// Digest ones marked stale=true after an expired nonce and a Bearer one
// with error="invalid_token" after a refused token; a malformed request
// gets 400, and a misconfigured Auth 500. After a Digest success it sends
// Authentication-Info with a nextnonce bound to the algorithm used, and
// with rspauth for qop=auth (for auth-int rspauth would cover the response
// body, which Wrap does not buffer).
func (a *Auth) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, res, err := a.authenticate(r)
		if err == nil {
			if res != nil {
				info := a.digest.Info(*res, nil)
				if res.Credentials.QOP != "auth" {
					info = digest.Info{NextNonce: info.NextNonce}
				}
				if ps, err := info.Build(); err == nil {
					field := header.AuthenticationInfo
					if a.Proxy {
						field = header.ProxyAuthenticationInfo
					}
					header.SetParams(w.Header(), field, ps)
				}
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), identityKey{}, id)))
			return
		}
		switch {
		case errors.Is(err, ErrConfig):
			http.Error(w, "500 Internal Server Error", http.StatusInternalServerError)
		case errors.Is(err, ErrNoCredentials), errors.Is(err, httpauth.ErrVerification):
			a.challenge(w, errors.Is(err, digest.ErrStale), id.Scheme == bearer.Scheme)
		default:
			http.Error(w, "400 Bad Request", http.StatusBadRequest)
		}
	})
}

// challenge answers 401 (407) with every offer.
func (a *Auth) challenge(w http.ResponseWriter, stale, invalidToken bool) {
	cs := make([]httpauth.Challenge, 0, len(a.offers()))
	for _, o := range a.offers() {
		var c httpauth.Challenge
		var err error
		switch o.Scheme {
		case digest.Scheme:
			c, err = a.digest.Challenge(o.Algorithm, stale)
		case basic.Scheme:
			c, err = basicChallenge(a.Realm)
		case bearer.Scheme:
			c, err = bearerChallenge(a.Realm, invalidToken)
		}
		if err != nil {
			http.Error(w, "500 Internal Server Error", http.StatusInternalServerError)
			return
		}
		cs = append(cs, c)
	}
	field, code := header.WWWAuthenticate, http.StatusUnauthorized
	if a.Proxy {
		field, code = header.ProxyAuthenticate, http.StatusProxyAuthRequired
	}
	if err := header.AddChallenges(w.Header(), field, cs...); err != nil {
		http.Error(w, "500 Internal Server Error", http.StatusInternalServerError)
		return
	}
	http.Error(w, http.StatusText(code), code)
}
