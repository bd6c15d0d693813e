package digest

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/header"
)

// Server verifies Digest credentials on the server side and issues the
// challenges. Its nonces are stateless (a timestamp and random bytes
// signed with HMAC-SHA-256), and it remembers the nonce counts used with
// each live nonce to refuse replays. A Server must not be copied after
// first use; its methods are safe for concurrent use.
type Server struct {
	// Realm is sent in every challenge and required in credentials.
	Realm string
	// Algorithms are offered one challenge each, in this order (RFC 7616
	// section 3.7: the preferred first). Default: SHA-256, MD5.
	Algorithms []Algorithm
	// QOP is the list of qop values offered. Default: auth.
	QOP []string
	// Password returns the password of a user. Exactly one of Password
	// and HA1 must be set.
	Password func(username string) (password string, ok bool)
	// HA1 returns the stored H(username:realm:password) of a user for
	// alg's hash (see the HA1 function), for servers that do not keep
	// passwords.
	HA1 func(alg Algorithm, username string) (ha1 string, ok bool)
	// Userhash, when set, is offered in the challenges (userhash=true)
	// and maps a received userhash back to the user name.
	Userhash func(alg Algorithm, userhash string) (username string, ok bool)
	// NonceLifetime bounds the age of a nonce; older ones get a challenge
	// with stale=true. Default: 5 minutes.
	NonceLifetime time.Duration
	// MaxBody bounds the request body read for auth-int. Default: 1 MiB.
	MaxBody int64

	once sync.Once
	key  [32]byte
	mu   sync.Mutex
	seen map[string]seenNonce
}

// seenNonce is the replay window of one nonce: the highest count seen,
// and a bit per count below it (bit i: count max-i was seen).
type seenNonce struct {
	max     uint32
	window  uint64
	expires time.Time
}

// Errors returned by [Server.Authenticate].
var (
	ErrNoCredentials = errors.New("digest: no Digest credentials")
	ErrStale         = errors.New("digest: nonce expired")
	ErrDenied        = errors.New("digest: credentials rejected")
)

func (s *Server) init() {
	s.once.Do(func() {
		rand.Read(s.key[:])
		s.seen = make(map[string]seenNonce)
	})
}

func (s *Server) lifetime() time.Duration {
	if s.NonceLifetime > 0 {
		return s.NonceLifetime
	}
	return 5 * time.Minute
}

// nonce returns base64url(time || random || HMAC(key, time || random)[:16]).
func (s *Server) nonce() string {
	s.init()
	var b [8 + 16 + 16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(time.Now().UnixNano()))
	rand.Read(b[8:24])
	m := hmac.New(sha256.New, s.key[:])
	m.Write(b[:24])
	copy(b[24:], m.Sum(nil))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// checkNonce reports whether n was issued by s, and whether it is still
// fresh.
func (s *Server) checkNonce(n string) (issued time.Time, ok, fresh bool) {
	s.init()
	b, err := base64.RawURLEncoding.DecodeString(n)
	if err != nil || len(b) != 40 {
		return time.Time{}, false, false
	}
	m := hmac.New(sha256.New, s.key[:])
	m.Write(b[:24])
	if !hmac.Equal(m.Sum(nil)[:16], b[24:]) {
		return time.Time{}, false, false
	}
	issued = time.Unix(0, int64(binary.BigEndian.Uint64(b[:8])))
	return issued, true, time.Since(issued) < s.lifetime()
}

// useNC records nc for nonce and reports whether it was not seen before.
// RFC 7616 section 3.4 has servers detect replays by the nonce count;
// since concurrent requests from one client may arrive out of order, each
// count is accepted once, in any order, within a window of 64 below the
// highest seen (as IPsec's anti-replay window does).
func (s *Server) useNC(nonce string, nc uint32, expires time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if len(s.seen) > 4096 {
		for k, v := range s.seen {
			if now.After(v.expires) {
				delete(s.seen, k)
			}
		}
	}
	v, ok := s.seen[nonce]
	switch {
	case !ok:
		v = seenNonce{max: nc, window: 1, expires: expires}
	case nc > v.max:
		if d := nc - v.max; d >= 64 {
			v.window = 1
		} else {
			v.window = v.window<<d | 1
		}
		v.max = nc
	default:
		d := v.max - nc
		if d >= 64 || v.window&(1<<d) != 0 {
			return false
		}
		v.window |= 1 << d
	}
	s.seen[nonce] = v
	return true
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

// Challenges returns a fresh challenge per algorithm, each with its own
// nonce. stale marks them as answering an expired nonce.
func (s *Server) Challenges(stale bool) []httpauth.Challenge {
	out := make([]httpauth.Challenge, 0, len(s.algorithms()))
	for _, a := range s.algorithms() {
		c := Challenge{Realm: s.Realm, QOP: s.qops(), Algorithm: a, Nonce: s.nonce(), Stale: stale, Charset: "UTF-8", Userhash: s.Userhash != nil}
		out = append(out, c.Challenge())
	}
	return out
}

// Result is what Authenticate learned from an accepted request.
type Result struct {
	Username    string
	Credentials Credentials
	ha1         string
}

// AuthInfo returns the Authentication-Info for the accepted request, with
// rspauth computed over body (the response body, used with auth-int) and
// nextnonce when non-empty.
func (r Result) AuthInfo(body []byte, nextnonce string) AuthInfo {
	return r.Credentials.AuthInfo(r.ha1, body, nextnonce)
}

// Authenticate checks the Authorization field of r (Proxy-Authorization
// when proxy is true). It accepts credentials whose realm, algorithm, qop
// and uri match what s offered and r carries, whose nonce s issued and is
// fresh, whose nonce count was not seen before, and whose response is the
// one expected (compared in constant time). For auth-int it reads the
// body (at most MaxBody) and puts it back into r.Body.
//
// Errors: [ErrNoCredentials] (no Digest credentials), [ErrStale] (answer
// with Challenges(true)), [ErrDenied] or a parse error.
func (s *Server) Authenticate(r *http.Request, proxy bool) (Result, error) {
	name := header.Authorization
	if proxy {
		name = header.ProxyAuthorization
	}
	g, ok, err := header.Credentials(r.Header, name)
	if !ok {
		return Result{}, ErrNoCredentials
	}
	if err != nil {
		return Result{}, err
	}
	if !g.Is(Scheme) {
		return Result{}, ErrNoCredentials
	}
	c, err := ParseCredentials(g)
	if err != nil {
		return Result{}, err
	}
	if c.Realm != s.Realm || c.URI != requestURI(r) || !s.offersAlg(c.Algorithm) || !s.offersQOP(c.QOP) {
		return Result{}, ErrDenied
	}
	issued, ok, fresh := s.checkNonce(c.Nonce)
	if !ok {
		return Result{}, ErrDenied
	}
	user := c.Username
	if c.Userhash {
		if s.Userhash == nil {
			return Result{}, ErrDenied
		}
		if user, ok = s.Userhash(c.Algorithm, c.Username); !ok {
			return Result{}, ErrDenied
		}
	}
	var ha1 string
	switch {
	case s.HA1 != nil:
		ha1, ok = s.HA1(c.Algorithm, user)
	case s.Password != nil:
		var pw string
		if pw, ok = s.Password(user); ok {
			ha1 = HA1(c.Algorithm, user, c.Realm, pw)
		}
	}
	if !ok {
		// Spend the same work as a known user before refusing.
		ha1 = HA1(c.Algorithm, user, c.Realm, "")
	}
	var body []byte
	if c.QOP == "auth-int" && r.Body != nil {
		max := s.MaxBody
		if max <= 0 {
			max = 1 << 20
		}
		body, err = io.ReadAll(io.LimitReader(r.Body, max+1))
		r.Body.Close()
		if err != nil || int64(len(body)) > max {
			return Result{}, ErrDenied
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	if !c.VerifyHA1(ha1, r.Method, body) || !ok {
		return Result{}, ErrDenied
	}
	if !fresh {
		return Result{}, ErrStale
	}
	if c.QOP != "" && !s.useNC(c.Nonce, c.NC, issued.Add(s.lifetime())) {
		return Result{}, ErrDenied
	}
	return Result{Username: user, Credentials: c, ha1: ha1}, nil
}

func requestURI(r *http.Request) string {
	if r.RequestURI != "" {
		return r.RequestURI
	}
	return r.URL.RequestURI()
}

func (s *Server) offersAlg(a Algorithm) bool {
	for _, x := range s.algorithms() {
		if x == a || (a == Unspecified && x == MD5) {
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

// Wrap returns a handler that serves next only to requests that
// Authenticate accepts, and otherwise answers 401 with the challenges
// (stale=true after an expired nonce). On success it sends
// Authentication-Info with a nextnonce, and with rspauth for qop=auth
// (for auth-int rspauth covers the response body, which Wrap does not
// buffer). The user name is available to next through [User].
func (s *Server) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res, err := s.Authenticate(r, false)
		if err != nil {
			header.AddChallenges(w.Header(), header.WWWAuthenticate, s.Challenges(errors.Is(err, ErrStale))...)
			http.Error(w, "401 Unauthorized", http.StatusUnauthorized)
			return
		}
		info := AuthInfo{NextNonce: s.nonce()}
		if res.Credentials.QOP == "auth" {
			info = res.AuthInfo(nil, info.NextNonce)
		}
		header.SetParams(w.Header(), header.AuthenticationInfo, info.Params())
		next.ServeHTTP(w, r.WithContext(withUser(r.Context(), res.Username)))
	})
}

// String describes r without H(A1) or the response.
func (r Result) String() string { return "digest.Result{Username:" + strconv.Quote(r.Username) + "}" }

// Format implements fmt.Formatter: every verb prints [Result.String], so
// the stored H(A1), a password equivalent, is never printed.
func (r Result) Format(f fmt.State, verb rune) { fmt.Fprint(f, r.String()) }
