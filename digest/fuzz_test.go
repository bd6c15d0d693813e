package digest_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/internal/schemetest"
)

var credentialSeeds = []string{
	`Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
	`Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="r", nonce="n", uri="/", response="x", userhash=false, foo=bar`,
	`Digest username="u", realm="r", nonce="n", uri="/", response="x", cnonce="c", algorithm=md5-SESS`,
	`Digest username*=UTF-8''admin%0D%0AX%00, realm="r", nonce="n", uri="/", response="x"`,
	okCreds,
}

// FuzzParseCredentials: whatever the root parser accepts, the typed parser
// does not panic, and credentials it accepts build, encode and parse back
// to the same value.
func FuzzParseCredentials(f *testing.F) {
	for _, s := range credentialSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		schemetest.CredentialsRoundTrip(t, s, digest.ParseCredentials, digest.Credentials.Build)
		if g, err := httpauth.ParseCredentials(s); err == nil {
			if c, err := digest.ParseCredentials(g); err == nil && hasCTL(c.Username) {
				t.Fatalf("ParseCredentials(%q) returned a user name with a control character", s)
			}
		}
	})
}

func hasCTL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	return false
}

// FuzzParseChallenge: the same property for challenges, and Select never
// picks one that ParseChallenge refuses.
func FuzzParseChallenge(f *testing.F) {
	for _, s := range rfc7616Challenges {
		f.Add(s)
	}
	f.Add(`Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, nonce="5TsQ", opaque="HRPC", charset=UTF-8, userhash=true, stale=TRUE, domain="/a  /b", x=y`)
	f.Add(`Basic realm="x", Digest realm="a", nonce="1", qop="auth-conf"`)
	f.Fuzz(func(t *testing.T, s string) {
		schemetest.ChallengeRoundTrip(t, s, digest.ParseChallenge, digest.Challenge.Build)
		cs, _ := httpauth.ParseChallenges(s)
		if c, at := digest.Select(cs); at >= 0 {
			if _, err := digest.ParseChallenge(cs[at]); err != nil {
				t.Fatalf("Select chose %q, which does not parse: %v", cs[at], err)
			}
			if _, err := c.Respond(digest.Input{Username: "u", Password: "p", URI: "/"}); err != nil {
				t.Fatalf("Select chose %q, which Respond refuses: %v", cs[at], err)
			}
		}
	})
}

// FuzzParseInfo: Authentication-Info parses without panicking, and what
// parses builds, encodes and parses back to the same value.
func FuzzParseInfo(f *testing.F) {
	f.Add(`nextnonce="next", qop=auth, rspauth="abc", cnonce="c", nc=0000000A, x=y`)
	f.Add(`rspauth="6629fae49393a05397450978507c4ef1", nc=00000001`)
	f.Fuzz(func(t *testing.T, s string) {
		schemetest.InfoRoundTrip(t, s, digest.ParseInfo, digest.Info.Build)
	})
}

// FuzzVerify: Verify, VerifyHA1 and VerifyInfo never panic on parsed
// credentials, and answers made by Respond verify with their password and
// fail with another.
func FuzzVerify(f *testing.F) {
	for _, s := range credentialSeeds {
		f.Add(s, "Circle of Life", "GET", []byte("body"))
	}
	f.Fuzz(func(t *testing.T, s, password, method string, body []byte) {
		if g, err := httpauth.ParseCredentials(s); err == nil {
			if c, err := digest.ParseCredentials(g); err == nil {
				c.Verify(c.Username, password, method, body)
				c.VerifyHA1(password, method, body)
				c.VerifyInfo(digest.Info{Rspauth: password}, body)
			}
		}
		ch := digest.Challenge{Realm: "r", Nonce: "n", QOP: []string{"auth-int"}, Algorithm: digest.SHA256Sess}
		cr, err := ch.Respond(digest.Input{Username: "u", Password: password, Method: method, URI: "/", Body: body})
		if err != nil {
			t.Fatal(err)
		}
		if method == "" {
			method = "GET"
		}
		if err := cr.Verify("u", password, method, body); err != nil {
			t.Fatalf("Respond's answer does not verify: %v", err)
		}
		if err := cr.Verify("u", password+"x", method, body); !errors.Is(err, httpauth.ErrVerification) {
			t.Fatalf("another password verifies: %v", err)
		}
		info := cr.Info(digest.HA1(ch.Algorithm, "u", "r", password), body, "")
		if err := cr.VerifyInfo(info, body); err != nil {
			t.Fatalf("the server's rspauth does not verify: %v", err)
		}
	})
}

// FuzzServerAuthenticate: no Authorization value makes Authenticate panic
// or accept, since no input can hold a nonce this server issued.
func FuzzServerAuthenticate(f *testing.F) {
	for _, s := range credentialSeeds {
		f.Add(s, "/dir/index.html")
	}
	s := &digest.Server{Realm: "http-auth@example.org", QOP: []string{"auth", "auth-int"},
		Algorithms: []digest.Algorithm{digest.SHA256, digest.MD5, digest.MD5Sess},
		Password:   func(context.Context, string) (string, bool) { return "Circle of Life", true },
		Userhash:   func(context.Context, digest.Algorithm, string) (string, bool) { return "Mufasa", true },
	}
	f.Fuzz(func(t *testing.T, v, uri string) {
		r := httptest.NewRequest("POST", "/dir/index.html", nil)
		r.RequestURI = uri
		r.Header.Set("Authorization", v)
		if res, err := s.Authenticate(r, false); err == nil {
			t.Fatalf("Authenticate accepted %q: %v", v, res)
		}
	})
}
