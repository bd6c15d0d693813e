package client_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/client"
	"github.com/authwire/httpauth/digest"
)

var challengeSeeds = []string{
	`Basic realm="r", Digest realm="r", nonce="1", algorithm=MD5, qop="auth", Digest realm="r", nonce="2", algorithm=SHA-256, qop="auth-int"`,
	`Bearer realm="https://auth/token", service="reg", scope="repository:a:pull", Bearer realm="https://auth/token", service="reg", scope="b"`,
	`Digest realm="r", nonce="1", algorithm=SHA-3, Basic realm="x", charset="UTF-8"`,
	`Digest realm="r", nonce="1", stale=true, qop="auth-conf", DPoP algs="ES256"`,
}

// FuzzChoose: whatever the challenges, Choose does not panic, picks a
// challenge of the scheme it says, never Basic when a Digest challenge can
// be answered, never Basic or Bearer over cleartext unless allowed; and
// what it picks, Respond answers.
func FuzzChoose(f *testing.F) {
	for _, s := range challengeSeeds {
		for _, flags := range []uint8{0, 1, 2, 3, 7} {
			f.Add(s, flags)
		}
	}
	f.Fuzz(func(t *testing.T, line string, flags uint8) {
		cs, _ := httpauth.ParseChallenges(line)
		cr := client.Credentials{Username: "u", Password: "p", Cleartext: flags&1 != 0}
		if flags&2 != 0 {
			cr.Token = static
		}
		secure := flags&4 != 0
		c, err := client.Choose(cs, cr, secure)
		if err != nil {
			return
		}
		if c.Index < 0 || c.Index >= len(cs) || !cs[c.Index].Is(c.Scheme) {
			t.Fatalf("Choose(%q) = %s at %d", line, c.Scheme, c.Index)
		}
		switch c.Scheme {
		case "Basic":
			if _, at := digest.Select(cs); at >= 0 {
				t.Fatalf("Choose(%q) = Basic though Digest at %d can be answered", line, at)
			}
			fallthrough
		case "Bearer":
			if !secure && !cr.Cleartext {
				t.Fatalf("Choose(%q) = %s over cleartext", line, c.Scheme)
			}
		}
		a, err := c.Respond(context.Background(), cr, client.Request{URI: "/", Secure: secure})
		if err != nil {
			t.Fatalf("Choose(%q) picked %s, which Respond refuses: %v", line, c.Scheme, err)
		}
		if _, err := (httpauth.Encoder{AllowObsText: true}).AppendCredentials(nil, a.Credentials); err != nil {
			t.Fatalf("the answer to %q does not encode: %v", line, err)
		}
	})
}

// fake is a RoundTripper that challenges with the fuzzed lines until
// credentials come, then answers 200 with the fuzzed Authentication-Info;
// it records what was sent.
type fake struct {
	challenge, info string
	sent            []string
}

func (f *fake) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	h := http.Header{}
	v := r.Header.Get("Authorization")
	f.sent = append(f.sent, v)
	code := 401
	if v != "" {
		code = 200
		h.Set("Authentication-Info", f.info)
	} else {
		h.Set("WWW-Authenticate", f.challenge)
	}
	return &http.Response{StatusCode: code, Header: h, Body: io.NopCloser(strings.NewReader("")), Request: r}, nil
}

// FuzzTransport: whatever the server's challenges and Authentication-Info,
// RoundTrip does not panic, sends a bounded number of requests, and never
// sends Basic over cleartext.
func FuzzTransport(f *testing.F) {
	for _, s := range challengeSeeds {
		f.Add(s, `nextnonce="n2", qop=auth, rspauth="00", nc=00000001`)
	}
	f.Fuzz(func(t *testing.T, challenge, info string) {
		fk := &fake{challenge: challenge, info: info}
		tr := &client.Transport{Base: fk, Credentials: []client.Credentials{{Origins: []string{"http://a.test"}, Username: "u", Password: "p", Token: static}}}
		for range 2 {
			req, _ := http.NewRequest("POST", "http://a.test/x", strings.NewReader("body"))
			resp, err := tr.RoundTrip(req)
			if err == nil {
				resp.Body.Close()
			}
		}
		if len(fk.sent) > 14 {
			t.Fatalf("%d requests for 2 round trips", len(fk.sent))
		}
		for _, v := range fk.sent {
			if strings.HasPrefix(v, "Basic ") || strings.HasPrefix(v, "Bearer ") {
				t.Fatalf("sent %q over cleartext", v)
			}
		}
	})
}
