package client_test

import (
	"context"
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
