package digest_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/authwire/httpauth/digest"
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
		algs []digest.Algorithm
		hash bool
	}{
		{"MD5", []digest.Algorithm{digest.MD5}, false},
		{"SHA-256", []digest.Algorithm{digest.SHA256}, false},
		{"MD5-sess", []digest.Algorithm{digest.MD5Sess}, false},
		{"SHA-256-sess", []digest.Algorithm{digest.SHA256Sess}, false},
		{"SHA-256 userhash", []digest.Algorithm{digest.SHA256}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &digest.Server{Realm: "http-auth@example.org", Algorithms: tt.algs, Password: lookup}
			if tt.hash {
				s.Userhash = func(alg digest.Algorithm, h string) (string, bool) {
					if digest.UserHash(alg, "Mufasa", s.Realm) == h {
						return "Mufasa", true
					}
					return "", false
				}
			}
			e := &echo{}
			ts := httptest.NewServer(s.Wrap(e))
			defer ts.Close()
			if got := curlStatus(t, ts.URL+"/dir/index.html?a=b", "--digest", "-u", "Mufasa:Circle of Life"); got != "200" {
				t.Fatalf("curl --digest with the right password: status %s, want 200", got)
			}
			c := e.last.Load().(digest.Credentials)
			if c.Algorithm != tt.algs[0] || c.Userhash != tt.hash || c.QOP != "auth" {
				t.Errorf("curl sent algorithm=%v userhash=%v qop=%s, want %v %v auth", c.Algorithm, c.Userhash, c.QOP, tt.algs[0], tt.hash)
			}
			if got := curlStatus(t, ts.URL+"/dir/index.html", "--digest", "-u", "Mufasa:Circle Of Life"); got != "401" {
				t.Errorf("curl --digest with a wrong password: status %s, want 401", got)
			}
		})
	}
}

func TestCurlBasic(t *testing.T) {
	ts := httptest.NewServer(basicHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})))
	defer ts.Close()
	if got := curlStatus(t, ts.URL+"/", "--basic", "-u", "Mufasa:Circle of Life"); got != "200" {
		t.Errorf("curl --basic with the right password: status %s, want 200", got)
	}
	if got := curlStatus(t, ts.URL+"/", "--basic", "-u", "Mufasa:nope"); got != "401" {
		t.Errorf("curl --basic with a wrong password: status %s, want 401", got)
	}
}
