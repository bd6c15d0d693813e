package client

import (
	"context"
	"errors"
	"slices"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/digest"
)

// Credentials are what a client can answer challenges with, and where it
// may send them. Password and Token are secret and never print.
type Credentials struct {
	// Origins are where these credentials may be sent, each written
	// scheme://host[:port] ("https://api.example.com",
	// "http://127.0.0.1:8080"); the port defaults to the scheme's. For
	// [Transport].Proxy they are the proxy URLs. A challenge from any
	// other origin is never answered. [Choose] and [Respond] do not read
	// them: binding is the job of whoever sends the request.
	Origins []string
	// Username and Password answer Digest and Basic challenges; they are
	// unused when both are empty.
	Username string
	Password string
	// Token, when set, answers Bearer challenges (see [Registry] for the
	// token flow of container registries).
	Token TokenSource
	// Cleartext allows the Basic password and Bearer tokens to be sent
	// over cleartext http (to an http origin, or to an http proxy). Digest
	// never sends the password and needs no such permission.
	Cleartext bool
}

func (cr Credentials) hasPassword() bool { return cr.Username != "" || cr.Password != "" }

// A TokenSource returns the access token that answers a Bearer challenge.
// The challenge it is given carries the scopes of every Bearer challenge
// of the response that names the same realm and service.
type TokenSource interface {
	Token(ctx context.Context, c bearer.Challenge) (string, error)
}

// TokenFunc is a function used as a [TokenSource].
type TokenFunc func(ctx context.Context, c bearer.Challenge) (string, error)

// Token returns f(ctx, c).
func (f TokenFunc) Token(ctx context.Context, c bearer.Challenge) (string, error) { return f(ctx, c) }

// Request describes the request that credentials go with.
type Request struct {
	Method string // "GET" when empty
	// URI is the request-target as sent (Digest's uri): "/path?query" to
	// an origin, the absolute URI through an http proxy, host:port for
	// CONNECT.
	URI string
	// Body is the request body; Digest hashes it for qop=auth-int.
	Body []byte
	// Secure reports whether the credentials travel over TLS (https, or
	// an https proxy); when it is false, Basic and Bearer are answered
	// only if the Credentials allow Cleartext.
	Secure bool
	// CNonce, NC and QOP are Digest's (see digest.Input): a random cnonce,
	// count 1 and qop auth when offered (else auth-int) by default.
	CNonce string
	NC     uint32
	QOP    string
}

// Choice is the challenge chosen to answer.
type Choice struct {
	Index  int    // position in the challenges given to Choose
	Scheme string // digest.Scheme, basic.Scheme or bearer.Scheme
	// The challenge, typed; only the field of Scheme is set. The Bearer
	// challenge carries the scopes of every Bearer challenge with the same
	// realm and service, merged.
	Digest digest.Challenge
	Basic  basic.Challenge
	Bearer bearer.Challenge
}

// ErrNoChallenge is wrapped by the error [Choose] returns when no challenge
// can be answered with the credentials given; the error says why.
var ErrNoChallenge = errors.New("client: no challenge can be answered")

// noChallenge is a constant reason wrapping ErrNoChallenge.
type noChallenge string

func (e noChallenge) Error() string { return ErrNoChallenge.Error() + ": " + string(e) }
func (e noChallenge) Unwrap() error { return ErrNoChallenge }

const (
	errNoneKnown       noChallenge = "none is Digest with a known algorithm and qop, Bearer or Basic"
	errNothingToAnswer noChallenge = "the credentials hold no password and no token source"
	errCleartextBasic  noChallenge = "only Basic is offered, over cleartext (set Credentials.Cleartext to send the password)"
	errCleartextBearer noChallenge = "Bearer is offered over cleartext (set Credentials.Cleartext to send the token)"
)

// Choose picks, among the challenges cs of a 401 or 407 response, the one
// cr answers most strongly, in this order:
//
//   - Bearer, when cr has a Token and the request is Secure or cr allows
//     Cleartext (a token proves without revealing the password);
//   - Digest with the strongest algorithm this module computes (RFC 7616
//     section 3.7: SHA-512-256, then SHA-256, then MD5, -sess counting as
//     its hash; the first listed on a tie), when cr has a password;
//   - Basic, last, only when nothing above can be answered, and over
//     cleartext only when cr allows Cleartext.
//
// Challenges of other schemes, malformed ones, Digest challenges with an
// unknown algorithm or qop, and DPoP are skipped. When none is left the
// error wraps [ErrNoChallenge] and says why. Choose does not read
// cr.Origins: a caller that sends requests binds credentials to origins
// (as [Transport] does) before asking.
func Choose(cs []httpauth.Challenge, cr Credentials, secure bool) (Choice, error) {
	var why error = errNoneKnown
	if cr.Token != nil {
		for i, g := range cs {
			b, ok := parseBearer(g)
			if !ok {
				continue
			}
			if !secure && !cr.Cleartext {
				why = errCleartextBearer
				break
			}
			return Choice{Index: i, Scheme: bearer.Scheme, Bearer: mergeScopes(b, cs[i+1:])}, nil
		}
	}
	if !cr.hasPassword() {
		if cr.Token == nil {
			return Choice{}, errNothingToAnswer
		}
		return Choice{}, why
	}
	if d, i := digest.Select(cs); i >= 0 {
		return Choice{Index: i, Scheme: digest.Scheme, Digest: d}, nil
	}
	for i, g := range cs {
		b, ok := parseBasic(g)
		if !ok {
			continue
		}
		if !secure && !cr.Cleartext {
			if why == errNoneKnown {
				why = errCleartextBasic
			}
			break
		}
		return Choice{Index: i, Scheme: basic.Scheme, Basic: b}, nil
	}
	return Choice{}, why
}

// mergeScopes adds to b the scopes of the Bearer challenges in rest that
// name the same realm and service, each scope once, in order.
func mergeScopes(b bearer.Challenge, rest []httpauth.Challenge) bearer.Challenge {
	service, _ := b.Extra.Get("service")
	for _, g := range rest {
		o, ok := parseBearer(g)
		if !ok || o.Realm != b.Realm {
			continue
		}
		if s, _ := o.Extra.Get("service"); s != service {
			continue
		}
		for _, s := range o.Scope {
			if !slices.Contains(b.Scope, s) {
				b.Scope = append(slices.Clip(b.Scope), s)
			}
		}
	}
	return b
}

// Answer is the credentials answering a challenge. Credentials (the
// value for Authorization or Proxy-Authorization) and Digest print
// redacted.
type Answer struct {
	Choice      Choice
	Credentials httpauth.Credentials
	// Digest is set for a Digest answer: it keeps what checking the
	// server's rspauth needs (digest.Credentials.VerifyInfo).
	Digest digest.Credentials
}

// Respond computes the credentials that answer c for req. A Bearer answer
// asks cr.Token for the token.
func (c Choice) Respond(ctx context.Context, cr Credentials, req Request) (Answer, error) {
	a := Answer{Choice: c}
	var err error
	switch c.Scheme {
	case digest.Scheme:
		a.Digest, err = c.Digest.Respond(digest.Input{
			Username: cr.Username, Password: cr.Password, Method: req.Method, URI: req.URI,
			Body: req.Body, CNonce: req.CNonce, NC: req.NC, QOP: req.QOP,
		})
		if err == nil {
			a.Credentials, err = a.Digest.Build()
		}
	case basic.Scheme:
		a.Credentials, err = answerBasic(c.Basic, cr.Username, cr.Password)
	case bearer.Scheme:
		if cr.Token == nil {
			return Answer{}, errNoToken
		}
		var tok string
		if tok, err = cr.Token.Token(ctx, c.Bearer); err == nil {
			a.Credentials, err = answerBearer(tok)
		}
	default:
		return Answer{}, errNoScheme
	}
	if err != nil {
		return Answer{}, err
	}
	return a, nil
}

var (
	errNoToken  = errors.New("client: Bearer chosen but the credentials have no token source")
	errNoScheme = errors.New("client: Choice has no scheme (use Choose)")
)

// Respond chooses among cs the challenge cr answers most strongly (see
// [Choose]) and computes its credentials for req: the one call a program
// that is not an http.Client needs, such as a command-line tool printing
// an Authorization value.
func Respond(ctx context.Context, cs []httpauth.Challenge, cr Credentials, req Request) (Answer, error) {
	c, err := Choose(cs, cr, req.Secure)
	if err != nil {
		return Answer{}, err
	}
	return c.Respond(ctx, cr, req)
}

// needsBody reports whether answering c needs the request body: Digest
// with qop auth-int and not auth.
func (c Choice) needsBody(qop string) bool {
	if c.Scheme != digest.Scheme {
		return false
	}
	if qop != "" {
		return httpauth.EqualFold(qop, "auth-int")
	}
	return !c.Digest.Offers("auth") && c.Digest.Offers("auth-int")
}
