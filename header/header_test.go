package header_test

import (
	"errors"
	"net/http"
	"reflect"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/header"
)

func TestValuesAllSpellings(t *testing.T) {
	h := http.Header{}
	h.Add("WWW-Authenticate", `Basic realm="a"`) // stored as Www-Authenticate
	h["WWW-Authenticate"] = []string{`Digest realm="b", nonce="n"`}
	h["www-authenticate"] = []string{`Bearer`}
	want := []string{`Basic realm="a"`, `Digest realm="b", nonce="n"`, `Bearer`}
	if got := header.Values(h, "www-authenticate"); !reflect.DeepEqual(got, want) {
		t.Fatalf("Values = %q, want %q", got, want)
	}
	cs, err := header.Challenges(h, header.WWWAuthenticate)
	if err != nil || len(cs) != 3 || !cs[0].Is("Basic") || !cs[1].Is("Digest") || !cs[2].Is("Bearer") {
		t.Fatalf("Challenges = %v, %v", cs, err)
	}
	// The map's own slice is not modified by gathering.
	if len(h["Www-Authenticate"]) != 1 {
		t.Fatalf("canonical slice changed: %q", h["Www-Authenticate"])
	}
}

func TestChallengesKeepsGoodOnError(t *testing.T) {
	h := http.Header{}
	h.Add("Www-Authenticate", `Basic realm="a"`)
	h.Add("Www-Authenticate", `JWT realm=gin jwt`)
	cs, err := header.Challenges(h, header.WWWAuthenticate)
	var se *httpauth.SyntaxError
	if !errors.As(err, &se) || se.Line != 1 || len(cs) != 1 || !cs[0].Is("Basic") {
		t.Fatalf("Challenges = %v, %v; want Basic and a SyntaxError on line 1", cs, err)
	}
	if cs, err := header.Challenges(http.Header{}, header.WWWAuthenticate); cs != nil || err != nil {
		t.Fatalf("absent field: %v, %v", cs, err)
	}
}

func TestCredentials(t *testing.T) {
	h := http.Header{}
	if _, ok, err := header.Credentials(h, header.Authorization); ok || err != nil {
		t.Fatalf("absent: ok=%v err=%v", ok, err)
	}
	h["authorization"] = []string{"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}
	c, ok, err := header.Credentials(h, header.Authorization)
	if !ok || err != nil || c.Token68 != "QWxhZGRpbjpvcGVuIHNlc2FtZQ==" {
		t.Fatalf("lower-case key: %v, %v, %v", c, ok, err)
	}
	h.Add("Authorization", "Bearer x")
	if _, _, err := header.Credentials(h, header.Authorization); !errors.Is(err, header.ErrMultipleCredentials) {
		t.Fatalf("two lines: err = %v", err)
	}
}

func TestWrite(t *testing.T) {
	h := http.Header{}
	err := header.AddChallenges(h, header.WWWAuthenticate,
		httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "a"}}},
		httpauth.Challenge{Scheme: "Bearer"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := h["Www-Authenticate"], []string{`Basic realm="a"`, "Bearer"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("AddChallenges wrote %q, want %q (one per line)", got, want)
	}
	// One bad challenge: nothing is written.
	err = header.AddChallenges(h, header.WWWAuthenticate,
		httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "b"}}},
		httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "x\r\nSet-Cookie: a=b"}}})
	if !errors.Is(err, httpauth.ErrEncode) || len(h["Www-Authenticate"]) != 2 {
		t.Fatalf("AddChallenges with CRLF: err=%v lines=%q", err, h["Www-Authenticate"])
	}

	h["authorization"] = []string{"old"}
	if err := header.SetCredentials(h, header.Authorization, httpauth.Credentials{Scheme: "Bearer", Token68: "abc"}); err != nil {
		t.Fatal(err)
	}
	if got := header.Values(h, header.Authorization); !reflect.DeepEqual(got, []string{"Bearer abc"}) {
		t.Fatalf("SetCredentials left %q", got)
	}
	if err := header.SetCredentials(h, header.Authorization, httpauth.Credentials{Scheme: "Bearer", Token68: "a b"}); err == nil {
		t.Fatal("SetCredentials accepted a bad token68")
	}
	if got := h.Get("Authorization"); got != "Bearer abc" {
		t.Fatalf("failed SetCredentials changed the header: %q", got)
	}

	if err := header.SetParams(h, header.AuthenticationInfo, httpauth.Params{{Name: "nextnonce", Value: "abc"}, {Name: "qop", Value: "auth"}}); err != nil {
		t.Fatal(err)
	}
	ps, err := header.Params(h, header.AuthenticationInfo)
	if err != nil || !reflect.DeepEqual(ps, httpauth.Params{{Name: "nextnonce", Value: "abc"}, {Name: "qop", Value: "auth"}}) {
		t.Fatalf("Params = %v, %v (raw %q)", ps, err, h.Get("Authentication-Info"))
	}
	if got, want := h.Get("Authentication-Info"), `nextnonce="abc", qop=auth`; got != want {
		t.Fatalf("Authentication-Info = %q, want %q", got, want)
	}
}
