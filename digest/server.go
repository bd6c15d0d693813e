package digest

import (
	"bytes"
	"context"
	"crypto/rand"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/header"
	"github.com/authwire/httpauth/internal/scheme"
)

// Server verifies Digest credentials on the server side and issues the
// challenges. Its nonces are stateless (a timestamp, the algorithm of the
// challenge and random bytes, signed with HMAC-SHA-256 under a random key
// made for each Server), and it remembers the nonce counts used with each
// live nonce to refuse replays, in a store of bounded size. The middleware
// of package server offers its challenges next to Basic and Bearer ones.
//
// A Server must not be copied after first use; its methods are safe for
// concurrent use.
type Server struct {
	// Realm is sent in every challenge and required in credentials.
	Realm string
	// Algorithms are offered one challenge each by [Server.Challenges], in
	// this order (RFC 7616 section 3.7: the preferred first). Default:
	// SHA-256, MD5.
	Algorithms []Algorithm
	// QOP is the list of qop values offered. Default: auth.
	QOP []string
	// Password returns the password of a user. Exactly one of Password
	// and HA1 must be set.
	Password func(ctx context.Context, username string) (password string, ok bool)
	// HA1 returns the stored H(username:realm:password) of a user for
	// alg's hash (see the HA1 function), for servers that do not keep
	// passwords.
	HA1 func(ctx context.Context, alg Algorithm, username string) (ha1 string, ok bool)
	// Userhash, when set, is offered in the challenges (userhash=true)
	// and maps a received userhash back to the user name.
	Userhash func(ctx context.Context, alg Algorithm, userhash string) (username string, ok bool)
	// NonceLifetime bounds the age of a nonce; older ones are refused
	// with [ErrStale]. Default: 5 minutes.
	NonceLifetime time.Duration
	// MaxBody bounds the request body read for auth-int. Default: 1 MiB.
	MaxBody int64
	// MaxNonces bounds the number of nonces whose counts the Server
	// remembers. When it is reached, the nonce first used longest ago is
	// forgotten and answered with [ErrStale] from then on, so that its
	// client gets a fresh nonce; a forgotten nonce is never accepted
	// again. Default: 65536 (a few MiB).
	MaxNonces int

	once sync.Once
	st   *serverState // behind a pointer: fmt never reaches the key
}

// serverState is what a Server makes on first use.
type serverState struct {
	key   [32]byte
	mu    sync.Mutex
	store nonceStore
}

func (s *Server) state() *serverState {
	s.once.Do(func() {
		st := &serverState{}
		rand.Read(st.key[:])
		st.store.max = s.MaxNonces
		if st.store.max <= 0 {
			st.store.max = 1 << 16
		}
		s.st = st
	})
	return s.st
}

func (s *Server) lifetime() time.Duration {
	if s.NonceLifetime > 0 {
		return s.NonceLifetime
	}
	return 5 * time.Minute
}

func (s *Server) algorithms() []Algorithm {
	if len(s.Algorithms) > 0 {
		return s.Algorithms
	}
	return []Algorithm{SHA256, MD5}
}

func (s *Server) qops() []string {
	if len(s.QOP) > 0 {
		return s.QOP
	}
	return []string{"auth"}
}

// Challenge returns a challenge for alg with a fresh nonce bound to alg;
// stale marks it as the answer to an expired nonce. It is an error for an
// Algorithm that is not one of the constants.
func (s *Server) Challenge(alg Algorithm, stale bool) (httpauth.Challenge, error) {
	if !alg.valid() {
		return httpauth.Challenge{}, fail("algorithm", ErrAlgorithm)
	}
	c := Challenge{
		Realm: s.Realm, QOP: s.qops(), Algorithm: alg, Stale: stale, Charset: "UTF-8",
		Nonce: makeNonce(&s.state().key, time.Now().UnixNano(), alg), Userhash: s.Userhash != nil,
	}
	return c.Build()
}

// Challenges returns one challenge per algorithm of s.Algorithms, in that
// order, each with its own nonce (see [Server.Challenge]).
func (s *Server) Challenges(stale bool) ([]httpauth.Challenge, error) {
	out := make([]httpauth.Challenge, 0, len(s.algorithms()))
	for _, a := range s.algorithms() {
		c, err := s.Challenge(a, stale)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// Result is what the Server learned from an accepted request. The H(A1)
// it keeps, for rspauth, is secret and never prints.
type Result struct {
	Username    string // the user name, also when the client sent a userhash
	Credentials Credentials
	ha1         string
}

// Info returns the Authentication-Info for an accepted request: rspauth
// computed over body (the response body that will be sent; it matters for
// qop=auth-int only) and a nextnonce bound to the algorithm res used.
func (s *Server) Info(res Result, body []byte) Info {
	next := makeNonce(&s.state().key, time.Now().UnixNano(), res.Credentials.Algorithm)
	return res.Credentials.Info(res.ha1, body, next)
}

// Authenticate reads the Authorization field of r (Proxy-Authorization
// when proxy is true) and checks it with [Server.Verify]. A request without
// the field is [ErrNoCredentials]; a field that does not parse, or parses
// as another scheme ([httpauth.ErrOtherScheme]) or as malformed Digest
// credentials, is an error that does not wrap [httpauth.ErrVerification].
func (s *Server) Authenticate(r *http.Request, proxy bool) (Result, error) {
	name := header.Authorization
	if proxy {
		name = header.ProxyAuthorization
	}
	g, ok, err := header.Credentials(r.Header, name)
	if !ok {
		return Result{}, fail("", ErrNoCredentials)
	}
	if err != nil {
		return Result{}, fail("", err)
	}
	c, err := ParseCredentials(g)
	if err != nil {
		return Result{}, err
	}
	return s.Verify(r, c)
}

// Verify checks credentials received with r. It accepts them when their
// realm is s.Realm, their uri designates r's request-target (as sent, or
// the same resource in absolute-form or origin-form, since a proxy may
// rewrite the request line), their algorithm and qop are offered, their
// nonce was issued by s for that very algorithm, their response is the one
// expected (compared in constant time), the nonce is fresh and the nonce
// count was not used before. The user name (or the name a userhash maps
// to) reaches the callbacks only after the nonce has passed, and never
// holds a control character. For auth-int it reads the body (at most
// MaxBody) and puts it back into r.Body.
//
// Wrong credentials give an error wrapping [httpauth.ErrVerification]; an
// expired nonce gives [ErrStale] (which wraps it too): answer with
// challenges marked stale.
func (s *Server) Verify(r *http.Request, c Credentials) (Result, error) {
	st := s.state()
	if c.Realm != s.Realm {
		return Result{}, fail("realm", refusedMismatch)
	}
	if !sameResource(c.URI, r) {
		return Result{}, fail("uri", refusedMismatch)
	}
	if !s.offersAlg(c.Algorithm) {
		return Result{}, fail("algorithm", refusedNotOffered)
	}
	if !s.offersQOP(c.QOP) {
		return Result{}, fail("qop", refusedNotOffered)
	}
	now := time.Now().UnixNano()
	issued, key, ok := openNonce(&st.key, c.Nonce, c.Algorithm)
	if !ok {
		return Result{}, fail("nonce", refusedNotIssued)
	}
	if scheme.HasCTL(c.Username) {
		return Result{}, fail("username", reasonNameCTL)
	}
	ctx := r.Context()
	user, known := c.Username, true
	if c.Userhash {
		if s.Userhash == nil {
			return Result{}, fail("userhash", refusedNotOffered)
		}
		user, known = s.Userhash(ctx, c.Algorithm, c.Username)
		if scheme.HasCTL(user) {
			user, known = "", false
		}
	}
	var ha1 string
	switch {
	case !known:
	case s.HA1 != nil:
		ha1, known = s.HA1(ctx, c.Algorithm, user)
	case s.Password != nil:
		var pw string
		if pw, known = s.Password(ctx, user); known {
			ha1 = HA1(c.Algorithm, user, c.Realm, pw)
		}
	default:
		known = false
	}
	if !known {
		// Spend the same work as for a known user before refusing.
		ha1 = HA1(c.Algorithm, user, c.Realm, "")
	}
	body, err := s.authIntBody(r, c.QOP)
	if err != nil {
		return Result{}, err
	}
	if err := c.VerifyHA1(ha1, r.Method, body); err != nil || !known {
		return Result{}, denied("response")
	}
	if now-issued >= int64(s.lifetime()) {
		return Result{}, fail("nonce", ErrStale)
	}
	st.mu.Lock()
	v := st.store.use(key, issued, now, int64(s.lifetime()), c.NC)
	st.mu.Unlock()
	switch v {
	case replay:
		return Result{}, fail("nc", refusedReplay)
	case evicted:
		return Result{}, fail("nonce", ErrStale)
	}
	return Result{Username: user, Credentials: c, ha1: ha1}, nil
}

// authIntBody reads r's body for qop=auth-int, at most MaxBody bytes, and
// puts it back into r.Body.
func (s *Server) authIntBody(r *http.Request, qop string) ([]byte, error) {
	if qop != "auth-int" || r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	limit := s.MaxBody
	if limit <= 0 {
		limit = 1 << 20
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	r.Body.Close()
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil {
		return nil, fail("", reasonBodyRead)
	}
	if int64(len(body)) > limit {
		return nil, fail("", reasonBodyTooLong)
	}
	return body, nil
}

// sameResource reports whether the uri of credentials designates the
// request-target of r: the same text, or (when a proxy rewrote the request
// line between absolute-form and origin-form, RFC 9112 section 3.2) the
// same path and query, with the same host when uri names one.
func sameResource(uri string, r *http.Request) bool {
	target := r.RequestURI
	if target == "" {
		target = r.URL.RequestURI() // a request made in-process
	}
	if uri == target {
		return true
	}
	uh, up, uabs := splitAbsolute(uri)
	_, tp, tabs := splitAbsolute(target)
	switch {
	case uabs && !tabs:
		return up == tp && httpauth.EqualFold(uh, r.Host)
	case tabs && !uabs:
		return up == tp
	}
	return false
}

// splitAbsolute splits an http or https URI in absolute-form into its
// authority and the rest as origin-form ("/" when the path is empty). abs
// is false for any other form.
func splitAbsolute(s string) (host, rest string, abs bool) {
	i := strings.Index(s, "://")
	if i < 0 || !(httpauth.EqualFold(s[:i], "http") || httpauth.EqualFold(s[:i], "https")) {
		return "", s, false
	}
	hp := s[i+3:]
	j := strings.IndexAny(hp, "/?")
	if j < 0 {
		return hp, "/", true
	}
	if hp[j] == '?' {
		return hp[:j], "/" + hp[j:], true
	}
	return hp[:j], hp[j:], true
}

func (s *Server) offersAlg(a Algorithm) bool {
	for _, x := range s.algorithms() {
		if x.family() == a.family() {
			return true
		}
	}
	return false
}

func (s *Server) offersQOP(q string) bool {
	if q == "" {
		return false // RFC 7616 requires qop; RFC 2069 answers are refused
	}
	for _, x := range s.qops() {
		if httpauth.EqualFold(x, q) {
			return true
		}
	}
	return false
}
