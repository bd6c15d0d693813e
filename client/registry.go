package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/header"
)

// Registry returns a [TokenSource] for the token flow of container
// registries (the Docker and OCI distribution token authentication): a
// challenge such as
//
//	Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:app:pull"
//
// is answered by asking the realm URL for a token
// (GET realm?service=...&scope=...&scope=..., one scope parameter per
// scope of the challenge, which Choose merges from every Bearer challenge
// with the same realm and service), reading "token" or "access_token" from
// the JSON answer, and keeping it for its expires_in (60 seconds when
// absent) for the same realm, service and scopes.
//
// rt sends the token requests (http.DefaultTransport when nil); they are
// not redirected. The user name and password of cr go to the token
// endpoint, with Basic, only when the realm's origin is one of cr.Origins
// and the realm is https (or cr allows Cleartext); otherwise the token is
// asked for anonymously, which is how public repositories are read. A
// challenge whose realm is not an absolute http or https URL is an error.
func Registry(rt http.RoundTripper, cr Credentials) TokenSource {
	if rt == nil {
		rt = http.DefaultTransport
	}
	cr.Token = nil
	r := &registry{rt: rt, cr: cr, tokens: map[string]token{}}
	for _, s := range cr.Origins {
		if o, err := parseOrigin(s); err == nil {
			r.origins = append(r.origins, o)
		}
	}
	return r
}

type registry struct {
	rt      http.RoundTripper
	cr      Credentials
	origins []string

	mu     sync.Mutex
	tokens map[string]token // by realm, service and scopes
}

type token struct {
	value   string
	expires time.Time
}

// maxTokens bounds the tokens a registry source keeps.
const maxTokens = 1024

var (
	errRealm      = errors.New("client: the Bearer challenge's realm is not an http or https URL, as the registry token flow needs")
	errTokenReply = errors.New("client: the token endpoint's answer holds no token")
)

// Token implements TokenSource.
func (r *registry) Token(ctx context.Context, c bearer.Challenge) (string, error) {
	realm, err := url.Parse(c.Realm)
	if err != nil || !realm.IsAbs() || realm.Host == "" || (realm.Scheme != "https" && realm.Scheme != "http") {
		return "", errRealm
	}
	service, _ := c.Extra.Get("service")
	scopes := slices.Clone(c.Scope)
	slices.Sort(scopes)
	k := c.Realm + "\x00" + service + "\x00" + strings.Join(scopes, " ")
	r.mu.Lock()
	if t, ok := r.tokens[k]; ok && time.Now().Before(t.expires) {
		r.mu.Unlock()
		return t.value, nil
	}
	r.mu.Unlock()

	q := realm.Query()
	if service != "" {
		q.Set("service", service)
	}
	for _, s := range c.Scope {
		q.Add("scope", s)
	}
	realm.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, realm.String(), nil)
	if err != nil {
		return "", err
	}
	o, _ := origin(realm)
	if slices.Contains(r.origins, o) && r.cr.hasPassword() && (realm.Scheme == "https" || r.cr.Cleartext) {
		g, err := answerBasic(basic.Challenge{}, r.cr.Username, r.cr.Password)
		if err != nil {
			return "", err
		}
		v, err := g.Encode()
		if err != nil {
			return "", err
		}
		req.Header.Set(header.Authorization, v)
	}
	resp, err := r.rt.RoundTrip(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("client: the token endpoint answered %d", resp.StatusCode)
	}
	var body struct {
		Token       string `json:"token"`
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&body); err != nil {
		return "", errTokenReply
	}
	v := body.Token
	if v == "" {
		v = body.AccessToken
	}
	if v == "" {
		return "", errTokenReply
	}
	life := time.Duration(body.ExpiresIn) * time.Second
	if body.ExpiresIn <= 0 || body.ExpiresIn > 1<<30 {
		life = 60 * time.Second
	}
	r.mu.Lock()
	if len(r.tokens) >= maxTokens {
		clear(r.tokens)
	}
	r.tokens[k] = token{value: v, expires: time.Now().Add(life)}
	r.mu.Unlock()
	return v, nil
}
