package client_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/client"
	"github.com/authwire/httpauth/digest"
)

var static = client.TokenFunc(func(context.Context, bearer.Challenge) (string, error) { return "tok", nil })

func TestChoose(t *testing.T) {
	const (
		basicC  = `Basic realm="r"`
		md5     = `Digest realm="r", nonce="1", algorithm=MD5, qop="auth"`
		sha256  = `Digest realm="r", nonce="2", algorithm=SHA-256, qop="auth"`
		sha512  = `Digest realm="r", nonce="3", algorithm=SHA-512-256-sess, qop="auth"`
		unknown = `Digest realm="r", nonce="4", algorithm=SHA-3, qop="auth"`
		conf    = `Digest realm="r", nonce="5", qop="auth-conf"`
		bearerC = `Bearer realm="r", scope="a"`
		dpop    = `DPoP algs="ES256"`
	)
	pw := client.Credentials{Username: "u", Password: "p"}
	pwClear := client.Credentials{Username: "u", Password: "p", Cleartext: true}
	tok := client.Credentials{Token: static}
	both := client.Credentials{Username: "u", Password: "p", Token: static}
	for _, tt := range []struct {
		name   string
		lines  []string
		cr     client.Credentials
		secure bool
		scheme string
		index  int
		why    string // part of the error, when none
	}{
		{"strongest Digest", []string{basicC, md5, sha512, sha256}, pw, false, "Digest", 2, ""},
		{"first on a tie", []string{sha256, `Digest realm="r", nonce="9", algorithm=SHA-256-sess`}, pw, false, "Digest", 0, ""},
		{"Digest over Basic, https", []string{basicC, md5}, pw, true, "Digest", 1, ""},
		{"Basic when Digest is unknown, https", []string{unknown, conf, basicC}, pw, true, "Basic", 2, ""},
		{"Basic over http refused", []string{basicC}, pw, false, "", 0, "only Basic is offered, over cleartext"},
		{"Basic over http allowed", []string{basicC}, pwClear, false, "Basic", 0, ""},
		{"Digest over http", []string{md5, basicC}, pw, false, "Digest", 0, ""},
		{"Bearer first", []string{sha512, bearerC}, both, true, "Bearer", 1, ""},
		{"Bearer over http refused, Digest instead", []string{bearerC, md5}, both, false, "Digest", 1, ""},
		{"Bearer over http refused", []string{bearerC}, tok, false, "", 0, "Bearer is offered over cleartext"},
		{"Bearer over http allowed", []string{bearerC}, client.Credentials{Token: static, Cleartext: true}, false, "Bearer", 0, ""},
		{"no token source", []string{bearerC}, pw, true, "", 0, "none is Digest"},
		{"DPoP is not Bearer", []string{dpop}, both, true, "", 0, "none is Digest"},
		{"nothing to answer with", []string{md5}, client.Credentials{}, true, "", 0, "no password and no token"},
		{"token only, Digest offered", []string{md5}, tok, true, "", 0, "none is Digest"},
		{"no challenges", nil, pw, true, "", 0, "none is Digest"},
	} {
		var cs []httpauth.Challenge
		for _, l := range tt.lines {
			cs = append(cs, challengeOf(l))
		}
		c, err := client.Choose(cs, tt.cr, tt.secure)
		if tt.scheme == "" {
			if !errors.Is(err, client.ErrNoChallenge) || !strings.Contains(err.Error(), tt.why) {
				t.Errorf("%s: Choose = %+v, %v, want ErrNoChallenge (%s)", tt.name, c, err, tt.why)
			}
			continue
		}
		if err != nil || c.Scheme != tt.scheme || c.Index != tt.index {
			t.Errorf("%s: Choose = %s at %d, %v, want %s at %d", tt.name, c.Scheme, c.Index, err, tt.scheme, tt.index)
		}
	}
}

// The scopes of Bearer challenges with the same realm and service are
// merged, each once; others are left out.
func TestChooseMergesScopes(t *testing.T) {
	cs, err := httpauth.ParseChallenges(
		`Bearer realm="https://auth/token", service="reg", scope="repository:a:pull"`,
		`Bearer realm="https://auth/token", service="reg", scope="repository:b:pull repository:a:pull"`,
		`Bearer realm="https://auth/token", service="other", scope="repository:c:pull"`,
		`Bearer realm="https://elsewhere/token", service="reg", scope="repository:d:pull"`,
	)
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.Choose(cs, client.Credentials{Token: static}, true)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Bearer.Scope, " "); got != "repository:a:pull repository:b:pull" {
		t.Errorf("merged scope = %q", got)
	}
	// The challenges given are not modified.
	if s, _ := cs[0].Params.Get("scope"); s != "repository:a:pull" {
		t.Errorf("first challenge changed: %v", cs[0])
	}
}

// Respond answers what Choose picks, for a program without an
// http.Client: the RFC 7616 section 3.9.1 SHA-256 answer.
func TestRespond(t *testing.T) {
	cs, _ := httpauth.ParseChallenges(
		`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
		`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
		`Basic realm="x"`)
	a, err := client.Respond(context.Background(), cs, client.Credentials{Username: "Mufasa", Password: "Circle of Life"},
		client.Request{Method: "GET", URI: "/dir/index.html", CNonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Choice.Index != 1 || a.Digest.Response != "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1" {
		t.Errorf("Respond chose %d, response %s", a.Choice.Index, a.Digest.Response)
	}
	if r, _ := a.Credentials.Params.Get("response"); r != a.Digest.Response {
		t.Errorf("Credentials and Digest disagree: %s", r)
	}
	// Basic, https: the password encoded.
	a, err = client.Respond(context.Background(), cs[2:], client.Credentials{Username: "Aladdin", Password: "open sesame"}, client.Request{Secure: true})
	if v, _ := a.Credentials.Encode(); err != nil || v != "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==" {
		t.Errorf("Basic: %s, %v", v, err)
	}
	// Basic refuses a user-id with a colon.
	_, err = client.Respond(context.Background(), cs[2:], client.Credentials{Username: "a:b", Password: "p"}, client.Request{Secure: true})
	if err == nil {
		t.Error("Basic with a colon in the user-id answered")
	}
	// Bearer: the token source's error, and a token that is not a b64token.
	boom := errors.New("no token today")
	bc := []httpauth.Challenge{challengeOf(`Bearer realm="r"`)}
	_, err = client.Respond(context.Background(), bc, client.Credentials{Token: client.TokenFunc(func(context.Context, bearer.Challenge) (string, error) { return "", boom })}, client.Request{Secure: true})
	if !errors.Is(err, boom) {
		t.Errorf("token source error: %v", err)
	}
	_, err = client.Respond(context.Background(), bc, client.Credentials{Token: client.TokenFunc(func(context.Context, bearer.Challenge) (string, error) { return "a b", nil })}, client.Request{Secure: true})
	if err == nil {
		t.Error("a token with a space was sent")
	}
	// A zero Choice has no scheme.
	if _, err := (client.Choice{}).Respond(context.Background(), client.Credentials{}, client.Request{}); err == nil {
		t.Error("zero Choice answered")
	}
	if _, err := (client.Choice{Scheme: "Bearer"}).Respond(context.Background(), client.Credentials{}, client.Request{}); err == nil {
		t.Error("Bearer answered without a token source")
	}
	// The Digest qop, cnonce and count are the caller's when given.
	a, err = client.Respond(context.Background(), cs[:1], client.Credentials{Username: "u", Password: "p"},
		client.Request{Method: "POST", URI: "/x", Body: []byte("b"), QOP: "auth-int", NC: 7, CNonce: "c"})
	if err != nil || a.Digest.QOP != "auth-int" || a.Digest.NC != 7 || a.Digest.CNonce != "c" || a.Digest.Algorithm != digest.MD5 {
		t.Errorf("Digest knobs: %+v, %v", a.Digest, err)
	}
}
