package client

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sync"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/header"
)

// Transport is an http.RoundTripper that answers the challenges of
// origin servers (401, WWW-Authenticate) and of proxies (407,
// Proxy-Authenticate) with the strongest scheme its credentials allow (see
// [Choose]), on the same request: a proxy's 407 and then the origin's 401
// are both answered before the response is returned.
//
// Credentials go only where they were given for: origin credentials only
// to the origins listed in their Origins (scheme, host and port), so that a
// redirect to another host, or from https to http, never receives them;
// proxy credentials only to the proxies listed in theirs, in
// Proxy-Authorization, never to an origin. A 401 or 407 from anywhere else
// is returned as it is.
//
// An http target through an authenticating proxy is answered in the
// request itself, Digest's uri being the absolute-form request-target the
// client sends, in the proxy's answer and in the origin's (RFC 7616
// section 3.4: the proxy rewrites the request line, the uri keeps what was
// sent; Apache and squid accept it); an https target through one is
// answered in its CONNECT, through net/http's GetProxyConnectHeader and
// OnProxyConnectResponse hooks (Digest's uri is then host:port). Proxy
// sessions are kept per proxy, so two targets through one proxy cost one
// 407.
//
// After a success the Transport keeps the answered challenge per origin
// (and per proxy) and sends the next requests there with credentials
// straight away: Digest with the nonce count counted up under concurrent
// requests, Bearer and Basic with the same value. A nextnonce in
// Authentication-Info (or Proxy-Authentication-Info) replaces the nonce; a
// Digest challenge with stale=true after our answer is answered once more.
// When the server sends rspauth for qop=auth, the Transport checks it in
// constant time and fails the request with an error wrapping
// httpauth.ErrVerification if it does not match (for auth-int rspauth
// covers the response body, which the Transport does not buffer, and is
// not checked).
//
// A request body is sent again through Request.GetBody; a request that has
// to be sent again but whose body cannot be rewound fails with
// [ErrBodyNotRewindable], never with an empty body. For qop=auth-int the
// body is read into memory (at most MaxBody bytes), hashed, and exactly
// those bytes are sent.
//
// A Transport must not be copied after first use; it is safe for
// concurrent use. Its fields must not change after first use.
type Transport struct {
	// Base sends the requests: http.DefaultTransport when nil. When Base
	// (or http.DefaultTransport) is an *http.Transport, the Transport
	// sends through a clone of it, with CONNECT hooks added (its own
	// hooks, if any, still run), and asks its Proxy function which proxy
	// a request goes through. Proxy authentication needs this: with any
	// other RoundTripper, 407 responses are returned as they are. Do not
	// put a user name in the proxy URL: net/http would send it as Basic
	// itself.
	Base http.RoundTripper
	// Credentials answer origin servers, each only for its Origins. Two
	// entries may not list the same origin.
	Credentials []Credentials
	// Proxy answers proxies, each only for the proxy URLs in its Origins.
	Proxy []Credentials
	// MaxBody bounds the request body read into memory for Digest
	// qop=auth-int. Default: 1 MiB.
	MaxBody int64

	once sync.Once
	st   *state // behind a pointer: fmt never reaches the sessions
}

// ErrBodyNotRewindable is returned when a request must be sent again
// (to answer a challenge) but its body cannot be read again: it has no
// Request.GetBody.
var ErrBodyNotRewindable = errors.New("client: the request must be sent again to answer a challenge, but its body cannot be rewound (no Request.GetBody)")

var (
	errBodyTooLarge = errors.New("client: request body longer than Transport.MaxBody, needed in memory for Digest qop=auth-int")
	errTwice        = errors.New("client: two entries of Credentials list the same origin")
)

// state is what a Transport makes on first use.
type state struct {
	err      error
	base     http.RoundTripper
	proxyFor func(*http.Request) (*url.URL, error)
	origins  map[string]*Credentials
	proxies  map[string]*Credentials
	maxBody  int64

	mu       sync.Mutex
	sessions map[key]*session
	connect  map[string]*session // per proxy: opened by a CONNECT's 407, until a CONNECT succeeds
	sent     map[string]sent     // per Proxy-Authorization value of a CONNECT in flight
}

// key names a session: an origin, or a proxy.
type key struct {
	proxy  bool
	origin string
}

// session is an answered challenge, reused for the next requests.
type session struct {
	cr     *Credentials
	choice Choice
	nc     uint32                // Digest's last nonce count
	value  *httpauth.Credentials // Basic and Bearer: the value sent
}

// sent is what one request carried for one role.
type sent struct {
	s *session
	a Answer
}

func (t *Transport) state() *state {
	t.once.Do(func() { t.st = t.newState() })
	return t.st
}

func (t *Transport) newState() *state {
	st := &state{
		origins:  map[string]*Credentials{},
		proxies:  map[string]*Credentials{},
		sessions: map[key]*session{},
		connect:  map[string]*session{},
		sent:     map[string]sent{},
		maxBody:  t.MaxBody,
	}
	if st.maxBody <= 0 {
		st.maxBody = 1 << 20
	}
	bind := func(to map[string]*Credentials, list []Credentials) error {
		for i := range list {
			cr := list[i]
			cr.Origins = slices.Clone(cr.Origins)
			for _, s := range cr.Origins {
				o, err := parseOrigin(s)
				if err != nil {
					return err
				}
				if to[o] != nil {
					return errTwice
				}
				to[o] = &cr
			}
		}
		return nil
	}
	if err := bind(st.origins, t.Credentials); err != nil {
		st.err = err
		return st
	}
	if err := bind(st.proxies, t.Proxy); err != nil {
		st.err = err
		return st
	}
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	if ht, ok := base.(*http.Transport); ok {
		ht = ht.Clone()
		st.proxyFor = ht.Proxy
		st.hook(ht)
		base = ht
	}
	st.base = base
	return st
}

// CloseIdleConnections closes the idle connections of the transport the
// requests go through.
func (t *Transport) CloseIdleConnections() {
	if c, ok := t.state().base.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

// RoundTrip implements http.RoundTripper. It does not modify req, and it
// closes req's body, also on errors.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	st := t.state()
	x := &exchange{st: st, req: req, ctx: req.Context()}
	resp, err := x.roundTrip()
	if err != nil && !x.bodyUsed && req.Body != nil {
		req.Body.Close()
	}
	return resp, err
}

// role says whose challenge is answered: the origin's or the proxy's.
type role int

const (
	originRole role = iota
	proxyRole
)

// The fields of each role.
var (
	challengeField = [2]string{header.WWWAuthenticate, header.ProxyAuthenticate}
	answerField    = [2]string{header.Authorization, header.ProxyAuthorization}
	infoField      = [2]string{header.AuthenticationInfo, header.ProxyAuthenticationInfo}
	challengeCode  = [2]int{http.StatusUnauthorized, http.StatusProxyAuthRequired}
	whoProves      = [2]string{"the server", "the proxy"}
)

// exchange is one call of RoundTrip.
type exchange struct {
	st    *state
	req   *http.Request
	ctx   context.Context
	proxy *url.URL // the proxy req goes through, or nil

	keys    [2]key
	creds   [2]*Credentials // bound credentials, or nil
	pending [2]*session     // opened by a challenge of this exchange
	fresh   [2]int          // challenges of this exchange answered
	sent    [2]*sent        // what the last attempt carried

	bodyUsed bool   // req.Body was handed on (or read)
	buf      []byte // the body, when read into memory
	haveBuf  bool
}

// maxAttempts bounds the requests one RoundTrip sends: the first, two
// answers per role, two CONNECT answers.
const maxAttempts = 7

func (x *exchange) roundTrip() (*http.Response, error) {
	if x.st.err != nil {
		return nil, x.st.err
	}
	if x.st.proxyFor != nil {
		p, err := x.st.proxyFor(x.req)
		if err != nil {
			return nil, err
		}
		x.proxy = p
	}
	if o, ok := origin(x.req.URL); ok {
		x.keys[originRole] = key{false, o}
		x.creds[originRole] = x.st.origins[o]
	}
	// An https target through a proxy is tunnelled: the proxy is answered
	// in the CONNECT, and a 407 inside the tunnel comes from the origin.
	if x.proxy != nil && x.req.URL.Scheme == "http" {
		if o, ok := origin(x.proxy); ok {
			x.keys[proxyRole] = key{true, o}
			x.creds[proxyRole] = x.st.proxies[o]
		}
	}
	connectRetries := 0
	for attempt := 0; attempt < maxAttempts; attempt++ {
		r, err := x.request(attempt)
		if err != nil {
			return nil, err
		}
		resp, err := x.st.base.RoundTrip(r)
		if err != nil {
			var retry *connectRetry
			if errors.As(err, &retry) && connectRetries < 2 {
				connectRetries++
				if !x.rewindable() {
					return nil, ErrBodyNotRewindable
				}
				continue
			}
			return nil, err
		}
		again, err := x.handle(resp)
		if err != nil || again {
			drain(resp)
		}
		if err != nil {
			return nil, err
		}
		if !again {
			return resp, nil
		}
	}
	return nil, errors.New("client: too many authentication round trips")
}

// drain reads a little of a response that is not returned, so that its
// connection can be reused, and closes it.
func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
}

// handle judges a response: it checks and keeps what each role accepted,
// and reports whether a challenge was taken up (send again).
func (x *exchange) handle(resp *http.Response) (again bool, err error) {
	for _, r := range [...]role{proxyRole, originRole} {
		if resp.StatusCode != challengeCode[r] {
			if err := x.accepted(r, resp); err != nil {
				return false, err
			}
			continue
		}
		if x.creds[r] == nil {
			return false, nil
		}
		return x.challenged(r, resp)
	}
	return false, nil
}

// accepted checks the Authentication-Info of a role whose answer was not
// refused, and keeps its session.
func (x *exchange) accepted(r role, resp *http.Response) error {
	sn := x.sent[r]
	if sn == nil {
		return nil
	}
	x.sent[r] = nil
	if err := x.st.check(sn, resp.Header, infoField[r]); err != nil {
		x.st.forget(x.keys[r], sn.s)
		return fmt.Errorf("client: %s did not prove that it knows the password: %w", whoProves[r], err)
	}
	x.st.commit(x.keys[r], sn.s)
	return nil
}

// challenged takes up a 401 or 407 for which the role has credentials.
func (x *exchange) challenged(r role, resp *http.Response) (bool, error) {
	prev := x.sent[r]
	x.sent[r] = nil
	cs, _ := header.Challenges(resp.Header, challengeField[r]) // what parsed before an error
	ch, err := Choose(cs, *x.creds[r], x.secure(r))
	retry := err == nil && (x.fresh[r] == 0 ||
		x.fresh[r] == 1 && ch.Scheme == digest.Scheme && ch.Digest.Stale)
	if !retry {
		if prev != nil {
			x.st.forget(x.keys[r], prev.s) // refused: do not send it again
		}
		return false, nil
	}
	if !x.rewindable() {
		return false, ErrBodyNotRewindable
	}
	x.fresh[r]++
	x.pending[r] = &session{cr: x.creds[r], choice: ch}
	return true, nil
}

// request builds the request of one attempt: a clone of req with the
// answers of each role and the body.
func (x *exchange) request(attempt int) (*http.Request, error) {
	r := x.req.Clone(x.ctx)
	for _, ro := range [...]role{proxyRole, originRole} {
		if x.creds[ro] == nil {
			continue
		}
		s := x.pending[ro]
		if s == nil {
			if s = x.st.cached(x.keys[ro]); s == nil || r.Header.Get(answerField[ro]) != "" {
				continue
			}
		}
		req := Request{Method: r.Method, URI: x.uri(ro, r), Secure: x.secure(ro)}
		if x.st.peek(s).needsBody("") {
			b, err := x.body()
			if err != nil {
				return nil, err
			}
			req.Body = b
		}
		a, err := x.st.answer(x.ctx, s, req)
		if err != nil {
			return nil, err
		}
		v, err := encode(a)
		if err != nil {
			return nil, err
		}
		r.Header.Set(answerField[ro], v)
		x.sent[ro] = &sent{s: s, a: a}
	}
	switch {
	case x.haveBuf:
		r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(x.buf)), int64(len(x.buf))
		buf := x.buf
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(buf)), nil }
	case attempt == 0:
		r.Body = x.req.Body
		x.bodyUsed = true
	default:
		b, err := x.rewind()
		if err != nil {
			return nil, err
		}
		r.Body = b
	}
	return r, nil
}

func noBody(b io.ReadCloser) bool { return b == nil || b == http.NoBody }

// rewindable reports whether the body can be sent again.
func (x *exchange) rewindable() bool {
	return noBody(x.req.Body) || x.haveBuf || x.req.GetBody != nil
}

// rewind returns the body to send again.
func (x *exchange) rewind() (io.ReadCloser, error) {
	switch {
	case noBody(x.req.Body):
		return x.req.Body, nil
	case x.req.GetBody != nil:
		b, err := x.req.GetBody()
		if err != nil {
			return nil, fmt.Errorf("client: Request.GetBody: %w", err)
		}
		return b, nil
	}
	return nil, ErrBodyNotRewindable
}

// body reads the request body into memory, once, for auth-int: the bytes
// hashed are the bytes sent.
func (x *exchange) body() ([]byte, error) {
	if x.haveBuf {
		return x.buf, nil
	}
	var src io.ReadCloser
	switch {
	case noBody(x.req.Body):
		x.haveBuf = true
		return nil, nil
	case !x.bodyUsed:
		src, x.bodyUsed = x.req.Body, true
	default:
		var err error
		if src, err = x.rewind(); err != nil {
			return nil, err
		}
	}
	b, err := io.ReadAll(io.LimitReader(src, x.st.maxBody+1))
	src.Close()
	if err != nil {
		return nil, fmt.Errorf("client: reading the request body: %w", err)
	}
	if int64(len(b)) > x.st.maxBody {
		return nil, errBodyTooLarge
	}
	x.buf, x.haveBuf = b, true
	return b, nil
}

// uri returns Digest's uri: the request-target as this client sends it
// (RFC 7616 section 3.4: "duplicated here because proxies are allowed to
// change the Request-Line in transit"). Through a proxy, an http request
// goes out in absolute-form, and both the proxy's and the origin's answers
// carry that form, even though the proxy rewrites the request line to the
// origin-form before the origin sees it; inside a CONNECT tunnel (https)
// the request line is the origin-form.
func (x *exchange) uri(r role, req *http.Request) string {
	if r == proxyRole || x.proxy != nil && req.URL.Scheme == "http" {
		host := req.Host
		if host == "" {
			host = req.URL.Host
		}
		return req.URL.Scheme + "://" + host + req.URL.RequestURI()
	}
	return req.URL.RequestURI()
}

// secure reports whether what goes to a role travels over TLS.
func (x *exchange) secure(r role) bool {
	if r == proxyRole {
		return x.proxy.Scheme == "https"
	}
	return x.req.URL.Scheme == "https"
}

// encode returns the field value of an answer. What a Digest answer
// echoes from the challenge (realm, nonce, opaque) goes back as the server
// sent it, obs-text included; the encoder still refuses anything that
// could split a header.
func encode(a Answer) (string, error) {
	b, err := httpauth.Encoder{AllowObsText: true}.AppendCredentials(nil, a.Credentials)
	return string(b), err
}

// cached returns the session kept for k, or nil.
func (st *state) cached(k key) *session {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.sessions[k]
}

// commit keeps s as the session of k.
func (st *state) commit(k key, s *session) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.sessions[k] = s
}

// forget drops s if it is the session of k.
func (st *state) forget(k key, s *session) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.sessions[k] == s {
		delete(st.sessions, k)
	}
}

// peek returns the challenge s answers.
func (st *state) peek(s *session) Choice {
	st.mu.Lock()
	defer st.mu.Unlock()
	return s.choice
}

// answer computes s's next answer: Digest with the next nonce count, Basic
// and Bearer with the value of the first answer.
func (st *state) answer(ctx context.Context, s *session, req Request) (Answer, error) {
	st.mu.Lock()
	s.nc++
	ch, nc, value := s.choice, s.nc, s.value
	st.mu.Unlock()
	if value != nil {
		return Answer{Choice: ch, Credentials: *value}, nil
	}
	req.NC = nc
	a, err := ch.Respond(ctx, *s.cr, req)
	if err != nil {
		return Answer{}, err
	}
	if ch.Scheme != digest.Scheme {
		st.mu.Lock()
		s.value = &a.Credentials
		st.mu.Unlock()
	}
	return a, nil
}

// check reads the Authentication-Info field named field after an accepted
// Digest answer: it verifies rspauth (qop=auth) and takes a nextnonce. A
// field that is absent or does not parse is not checked: it proves
// nothing either way.
func (st *state) check(sn *sent, h http.Header, field string) error {
	if sn.a.Choice.Scheme != digest.Scheme {
		return nil
	}
	ps, err := header.Params(h, field)
	if err != nil || len(ps) == 0 {
		return nil
	}
	info, err := digest.ParseInfo(ps)
	if err != nil {
		return nil
	}
	if sn.a.Digest.QOP == "auth" {
		if err := sn.a.Digest.VerifyInfo(info, nil); err != nil {
			return err
		}
	}
	if info.NextNonce != "" {
		st.mu.Lock()
		s := sn.s
		s.choice.Digest.Nonce, s.choice.Digest.Stale, s.nc = info.NextNonce, false, 0
		st.mu.Unlock()
	}
	return nil
}
