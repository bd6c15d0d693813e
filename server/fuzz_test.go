package server_test

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/server"
)

// FuzzAuthenticate feeds Auth.Authenticate any Authorization value, for an
// origin and for a proxy: it never panics; it accepts only a known user
// with that user's secret (the one Basic value and the one Bearer token
// that prove it); and no error quotes the password or the token.
func FuzzAuthenticate(f *testing.F) {
	const token = "tok-Mufasa-7f3a9c"
	good := "Basic " + base64.StdEncoding.EncodeToString([]byte("Mufasa:Circle of Life"))
	for _, v := range []string{
		good, "Bearer " + token, "Basic " + base64.StdEncoding.EncodeToString([]byte("Mufasa:wrong")),
		`Digest username="Mufasa", realm="r", nonce="n", uri="/", response="00", qop=auth, nc=00000001, cnonce="c"`,
		`Digest username*=UTF-8''a%0D%0Ab, realm="r", nonce="n", uri="/", response="00"`,
		"Bearer", "Basic", "Negotiate YII=", "", ",", `Basic realm="x"`, "Basic Og==",
	} {
		f.Add(v, false)
		f.Add(v, true)
	}
	f.Fuzz(func(t *testing.T, v string, proxy bool) {
		a := &server.Auth{
			Realm:    "r",
			Offers:   []server.Offer{server.DigestSHA256, server.DigestMD5, server.Basic, server.Bearer},
			Password: lookup,
			Token: func(_ context.Context, tok string) (string, bool) {
				return "Mufasa", tok == token
			},
			Proxy: proxy,
		}
		r := httptest.NewRequest("GET", "/", nil)
		field := "Authorization"
		if proxy {
			field = "Proxy-Authorization"
		}
		r.Header[field] = []string{v}
		id, err := a.Authenticate(r)
		if err == nil {
			c, perr := httpauth.ParseCredentials(v)
			switch {
			case perr != nil:
				t.Fatalf("%q does not parse (%v) but authenticated as %+v", v, perr, id)
			case c.Is("Basic") && id.Scheme == "Basic":
				b, _ := base64.StdEncoding.DecodeString(c.Token68)
				if user, pw, _ := strings.Cut(string(b), ":"); users[user] != pw || user != id.User {
					t.Fatalf("%q authenticated as %+v with another user's or a wrong password", v, id)
				}
			case c.Is("Bearer") && id.Scheme == "Bearer":
				if c.Token68 != token || id.User != "Mufasa" {
					t.Fatalf("%q authenticated as %+v with a wrong token", v, id)
				}
			default:
				// Digest: a random value cannot hold a response for a nonce
				// this Auth issued, since it issued none.
				t.Fatalf("%q authenticated as %+v", v, id)
			}
			return
		}
		for _, secret := range []string{"Circle of Life", token} {
			if strings.Contains(err.Error(), secret) {
				t.Fatalf("error %q quotes a secret", err)
			}
		}
		var se *httpauth.SyntaxError
		var sch *httpauth.SchemeError
		if !errors.As(err, &se) && !errors.As(err, &sch) && !errors.Is(err, server.ErrNoCredentials) &&
			!errors.Is(err, digest.ErrStale) && !errors.Is(err, httpauth.ErrVerification) {
			t.Fatalf("%q: error %v (%T) is none of the documented kinds", v, err, err)
		}
	})
}
