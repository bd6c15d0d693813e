package bearer_test

import (
	"reflect"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bearer"
)

// FuzzParseChallenge: no panic; a challenge the builder accepts encodes
// to text that parses back to the same typed challenge; a value the
// builder refuses for its characters really holds one RFC 6750 excludes.
func FuzzParseChallenge(f *testing.F) {
	f.Add(`Bearer realm="example", error="invalid_token", error_description="The access token expired"`)
	f.Add(`DPoP algs="ES256 PS256", scope="", error_uri="https://x/y", resource_metadata="https://r/.well-known/oauth-protected-resource", foo=bar`)
	f.Add(`Bearer error_description="a\"b"`)
	f.Fuzz(func(t *testing.T, s string) {
		cs, _ := httpauth.ParseChallenges(s)
		for _, g := range cs {
			c, err := bearer.ParseChallenge(g)
			if err != nil {
				continue
			}
			g2, err := c.Challenge()
			if err != nil {
				continue
			}
			b, err := httpauth.AppendChallenge(nil, g2)
			if err != nil {
				t.Fatalf("builder accepted what the encoder refuses: %v", err)
			}
			g3, err := httpauth.ParseChallenge(string(b))
			if err != nil {
				t.Fatalf("%q does not parse: %v", b, err)
			}
			c2, err := bearer.ParseChallenge(g3)
			if err != nil || !reflect.DeepEqual(c, c2) {
				t.Fatalf("round trip through %q: %#v, %v, want %#v", b, c2, err, c)
			}
		}
	})
}
