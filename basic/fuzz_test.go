package basic_test

import (
	"errors"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/internal/schemetest"
)

// FuzzParseChallenge: no input panics, and every challenge the view
// accepts builds, encodes and reads back equal.
func FuzzParseChallenge(f *testing.F) {
	f.Add(`Basic realm="WallyWorld"`)
	f.Add(`basic REALM=x, charset=utf-8, foo=bar`)
	f.Add(`Basic realm="a", charset="ISO-8859-1"`)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, basic.ParseChallenge, basic.Challenge.Build)
	})
}

// FuzzParseCredentials covers ParseCredentials, Build and Verify: no input
// panics; a value read from an Authorization field is read as net/http
// reads it and builds back to the same token68; a token68 given directly
// (where the root parser is not in the way) is read only in its canonical
// form; and Verify accepts exactly the pair that was read.
func FuzzParseCredentials(f *testing.F) {
	for _, v := range netHTTPCases {
		f.Add(v, "", "")
	}
	f.Add("", "Aladdin", "open sesame")
	f.Add("YTpi\r\nYw==", "a", "bc")
	f.Fuzz(func(t *testing.T, value, user, pass string) {
		checkAgainstNetHTTP(t, value)

		c, err := basic.ParseCredentials(httpauth.Credentials{Scheme: basic.Scheme, Token68: value})
		if err == nil {
			back, err := c.Build()
			if err == nil && back.Token68 != value {
				t.Fatalf("token68 %q read, then built as %q", value, back.Token68)
			}
			if err := c.Verify(c.UserID, c.Password); err != nil {
				t.Fatalf("Verify of the pair read: %v", err)
			}
			if err := c.Verify(user, pass); (err == nil) != (user == c.UserID && pass == c.Password) {
				t.Fatalf("Verify(%q, %q) of (%q, %q) = %v", user, pass, c.UserID, c.Password, err)
			} else if err != nil && !errors.Is(err, httpauth.ErrVerification) {
				t.Fatalf("Verify error %v does not wrap ErrVerification", err)
			}
		}

		// Pair direction: if basic builds the pair, net/http reads the
		// same pair back from it, and SetBasicAuth wrote the same value.
		hc, err := basic.Credentials{UserID: user, Password: pass}.Build()
		if err != nil {
			return
		}
		enc, err := hc.Encode()
		if err != nil {
			t.Fatalf("Encode: %v", err)
		}
		if set := netHTTPSet(user, pass); set != enc {
			t.Fatalf("basic writes %q, SetBasicAuth writes %q", enc, set)
		}
		if u, p, ok := netHTTPBasic(enc); !ok || u != user || p != pass {
			t.Fatalf("net/http reads (%q, %q, %v) from %q", u, p, ok, enc)
		}
	})
}
