package digest_test

import (
	"reflect"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
)

// FuzzParseCredentials: whatever the generic parser accepts, the typed
// parser does not panic, and typed credentials it accepts encode to a
// value that parses back to the same credentials.
func FuzzParseCredentials(f *testing.F) {
	f.Add(`Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`)
	f.Add(`Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="r", nonce="n", uri="/", response="x", userhash=false, foo=bar`)
	f.Add(`Digest username="u", realm="r", nonce="n", uri="/", response="x", cnonce="c", algorithm=md5-SESS`)
	f.Fuzz(func(t *testing.T, s string) {
		g, err := httpauth.ParseCredentials(s)
		if err != nil {
			return
		}
		c, err := digest.ParseCredentials(g)
		if err != nil {
			return
		}
		v, err := c.Encode()
		if err != nil {
			return // e.g. obs-text in a value, which the encoder refuses
		}
		g2, err := httpauth.ParseCredentials(v)
		if err != nil {
			t.Fatalf("re-encoded %q does not parse: %v", v, err)
		}
		c2, err := digest.ParseCredentials(g2)
		if err != nil {
			t.Fatalf("re-encoded %q: %v", v, err)
		}
		if !reflect.DeepEqual(c, c2) {
			t.Fatalf("round trip through %q:\n got %#v\nwant %#v", v, fields(c2), fields(c))
		}
	})
}

// FuzzParseChallenge: the same property for challenges.
func FuzzParseChallenge(f *testing.F) {
	f.Add(`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`)
	f.Add(`Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, nonce="5TsQ", opaque="HRPC", charset=UTF-8, userhash=true, stale=TRUE, domain="/a  /b", x=y`)
	f.Fuzz(func(t *testing.T, s string) {
		cs, _ := httpauth.ParseChallenges(s)
		digest.Select(cs)
		for _, g := range cs {
			c, err := digest.ParseChallenge(g)
			if err != nil {
				continue
			}
			b, err := httpauth.AppendChallenge(nil, c.Challenge())
			if err != nil {
				continue
			}
			g2, err := httpauth.ParseChallenge(string(b))
			if err != nil {
				t.Fatalf("re-encoded %q does not parse: %v", b, err)
			}
			c2, err := digest.ParseChallenge(g2)
			if err != nil || !reflect.DeepEqual(c, c2) {
				t.Fatalf("round trip through %q: %+v, %v, want %+v", b, c2, err, c)
			}
		}
	})
}

// fields shows every field, the response included, for a test failure.
func fields(c digest.Credentials) []any {
	return []any{c.Username, c.Realm, c.URI, c.Algorithm, c.Nonce, c.NC, c.CNonce, c.QOP, c.Response, c.Opaque, c.Userhash, c.Extra}
}
