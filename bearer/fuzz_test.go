package bearer_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/internal/schemetest"
)

// FuzzParseChallenge: no input panics; a challenge the builder accepts
// encodes to text that parses back to the same typed challenge; a value
// the builder refuses gets a Bearer or DPoP SchemeError.
func FuzzParseChallenge(f *testing.F) {
	f.Add(`Bearer realm="example", error="invalid_token", error_description="The access token expired"`)
	f.Add(`DPoP algs="ES256 PS256", scope="", error_uri="https://x/y", resource_metadata="https://r/.well-known/oauth-protected-resource", foo=bar`)
	f.Add(`Bearer error_description="a\"b"`)
	f.Add(`Bearer title*=UTF-8''caf%C3%A9, Bearer realm=x, dpop`)
	f.Fuzz(func(t *testing.T, s string) {
		cs, _ := httpauth.ParseChallenges(s)
		for _, g := range cs {
			c, err := bearer.ParseChallenge(g)
			if err != nil {
				continue
			}
			g2, err := c.Build()
			if err != nil {
				var se *httpauth.SchemeError
				if !errors.As(err, &se) || se.Scheme != c.Scheme {
					t.Fatalf("Build error %v is not a %s SchemeError", err, c.Scheme)
				}
				continue
			}
			b, err := httpauth.Encoder{AllowObsText: true}.AppendChallenge(nil, g2)
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

// FuzzParseCredentials: no input panics, every value the view accepts
// builds, encodes and reads back equal, and a token given directly (where
// the root parser is not in the way) is read exactly when it is a
// token68.
func FuzzParseCredentials(f *testing.F) {
	f.Add("Bearer mF_9.B5f-4.1JqM")
	f.Add("DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU")
	f.Add("bearer a\r\nb")
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.CredentialsRoundTrip(t, in, bearer.ParseCredentials, bearer.Credentials.Build)
		c, err := bearer.ParseCredentials(httpauth.Credentials{Scheme: "Bearer", Token68: in})
		if (err == nil) != httpauth.IsToken68(in) {
			t.Fatalf("token %q: err = %v", in, err)
		}
		if err == nil && c.Token != in {
			t.Fatalf("token %q read as %q", in, c.Token)
		}
	})
}
