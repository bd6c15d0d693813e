package server_test

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/server"
)

// curlStatus runs curl against url with the given auth flags and returns
// the final HTTP status code it saw.
func curlStatus(t *testing.T, url string, args ...string) string {
	t.Helper()
	path, err := exec.LookPath("curl")
	if err != nil {
		t.Skip("curl not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	args = append([]string{"-s", "-o", "/dev/null", "-w", "%{http_code}", "--noproxy", "*"}, args...)
	out, err := exec.CommandContext(ctx, path, append(args, url)...).Output()
	if err != nil {
		t.Fatalf("curl %q: %v", args, err)
	}
	return strings.TrimSpace(string(out))
}

func TestCurlDigest(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl not installed")
	}
	for _, tt := range []struct {
		name string
		alg  digest.Algorithm
		hash bool
	}{
		{"MD5", digest.MD5, false},
		{"SHA-256", digest.SHA256, false},
		{"MD5-sess", digest.MD5Sess, false},
		{"SHA-256-sess", digest.SHA256Sess, false},
		{"SHA-256 userhash", digest.SHA256, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &server.Auth{Realm: "http-auth@example.org", Offers: []server.Offer{server.Digest(tt.alg)}, Password: lookup}
			if tt.hash {
				a.Userhash = func(_ context.Context, alg digest.Algorithm, h string) (string, bool) {
					return "Mufasa", digest.UserHash(alg, "Mufasa", a.Realm) == h
				}
			}
			e := &echo{}
			ts := newServer(t, a.Wrap(e))
			if got := curlStatus(t, ts.URL+"/dir/index.html?a=b", "--digest", "-u", "Mufasa:Circle of Life"); got != "200" {
				t.Fatalf("curl --digest with the right password: status %s, want 200", got)
			}
			c := e.credentials()
			if c.Algorithm != tt.alg || c.Userhash != tt.hash || c.QOP != "auth" {
				t.Errorf("curl sent algorithm=%v userhash=%v qop=%s, want %v %v auth", c.Algorithm, c.Userhash, c.QOP, tt.alg, tt.hash)
			}
			if got := curlStatus(t, ts.URL+"/dir/index.html", "--digest", "-u", "Mufasa:Circle Of Life"); got != "401" {
				t.Errorf("curl --digest with a wrong password: status %s, want 401", got)
			}
		})
	}
}

func TestCurlBasic(t *testing.T) {
	a := &server.Auth{Realm: "WallyWorld", Offers: []server.Offer{server.Basic}, Password: lookup}
	ts := newServer(t, a.Wrap(&echo{}))
	if got := curlStatus(t, ts.URL+"/", "--basic", "-u", "Mufasa:Circle of Life"); got != "200" {
		t.Errorf("curl --basic with the right password: status %s, want 200", got)
	}
	if got := curlStatus(t, ts.URL+"/", "--basic", "-u", "Mufasa:nope"); got != "401" {
		t.Errorf("curl --basic with a wrong password: status %s, want 401", got)
	}
	// --anyauth picks the strongest offered: Digest over Basic.
	a = &server.Auth{Realm: "WallyWorld", Offers: []server.Offer{server.Basic, server.DigestMD5}, Password: lookup}
	e := &echo{}
	ts = newServer(t, a.Wrap(e))
	if got := curlStatus(t, ts.URL+"/", "--anyauth", "-u", "Mufasa:Circle of Life"); got != "200" {
		t.Errorf("curl --anyauth: status %s, want 200", got)
	}
	if id := e.identity(); id.Scheme != digest.Scheme {
		t.Errorf("curl --anyauth answered with %s, want Digest", id.Scheme)
	}
}
