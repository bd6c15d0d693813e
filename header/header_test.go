package header_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/textproto"
	"reflect"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/header"
)

var allFields = []string{header.WWWAuthenticate, header.Authorization, header.AuthenticationInfo,
	header.ProxyAuthenticate, header.ProxyAuthorization, header.ProxyAuthenticationInfo}

// TestFieldsAreCanonicalKeys checks that every field name is the key
// http.Header stores, so that h[name] is the field net/http built.
func TestFieldsAreCanonicalKeys(t *testing.T) {
	rfc := []string{"WWW-Authenticate", "Authorization", "Authentication-Info",
		"Proxy-Authenticate", "Proxy-Authorization", "Proxy-Authentication-Info"}
	for i, f := range allFields {
		if c := textproto.CanonicalMIMEHeaderKey(f); c != f {
			t.Errorf("%q is not a canonical key (%q)", f, c)
		}
		h := http.Header{}
		h.Add(rfc[i], "x") // as a server or client writes it
		if got := h[f]; !reflect.DeepEqual(got, []string{"x"}) || len(h) != 1 {
			t.Errorf("h.Add(%q): h[%q] = %q, h = %v", rfc[i], f, got, h)
		}
	}
}

// TestProxyRoundTrip is a proxy that reads the challenges of each response
// and writes them back, changed, under the package's field name: the list
// must keep its length round after round, under one key.
func TestProxyRoundTrip(t *testing.T) {
	writers := map[string]func(h http.Header, cs []httpauth.Challenge) error{
		"h[name] = lines": func(h http.Header, cs []httpauth.Challenge) error {
			var lines []string
			for _, c := range cs {
				b, err := httpauth.AppendChallenge(nil, c)
				if err != nil {
					return err
				}
				lines = append(lines, string(b))
			}
			h[header.WWWAuthenticate] = lines
			return nil
		},
		"SetChallenges": func(h http.Header, cs []httpauth.Challenge) error {
			return header.SetChallenges(h, header.WWWAuthenticate, cs...)
		},
		"SetParam": func(h http.Header, cs []httpauth.Challenge) error {
			return header.SetParam(h, header.WWWAuthenticate, 1, "realm", cs[1].Realm())
		},
	}
	for name, write := range writers {
		h := http.Header{}
		h.Add("WWW-Authenticate", `Basic realm="upstream"`)
		h.Add("WWW-Authenticate", `Bearer realm="https://auth.example/token", service="registry"`)
		for round := range 100 {
			cs, err := header.Challenges(h, header.WWWAuthenticate)
			if err != nil || len(cs) != 2 {
				t.Fatalf("%s, round %d: %d challenges, %v (header %v)", name, round, len(cs), err, h)
			}
			cs[1].Params.Set("realm", "https://proxy.example/token")
			if err := write(h, cs); err != nil {
				t.Fatalf("%s, round %d: %v", name, round, err)
			}
			if len(h) != 1 || len(h[header.WWWAuthenticate]) != 2 {
				t.Fatalf("%s, round %d: header %q, want two lines under %q", name, round, h, header.WWWAuthenticate)
			}
		}
		// Re-encoding writes the field anew; an edit keeps the bytes it
		// does not change.
		want := `Bearer realm="https://proxy.example/token", service=registry`
		if name == "SetParam" {
			want = `Bearer realm="https://proxy.example/token", service="registry"`
		}
		if got := h[header.WWWAuthenticate][1]; got != want {
			t.Errorf("%s: the Bearer line is %q, want %q", name, got, want)
		}
	}
}

func TestValuesAllSpellings(t *testing.T) {
	h := http.Header{}
	h.Add("WWW-Authenticate", `Basic realm="a"`) // stored as Www-Authenticate
	h["WWW-Authenticate"] = []string{`Digest realm="b", nonce="n"`}
	h["www-authenticate"] = []string{`Bearer`}
	h["Authorization"] = []string{"Basic x"}
	want := []string{`Basic realm="a"`, `Digest realm="b", nonce="n"`, `Bearer`}
	for _, name := range []string{"www-authenticate", "WWW-Authenticate", header.WWWAuthenticate} {
		if got := header.Values(h, name); !reflect.DeepEqual(got, want) {
			t.Fatalf("Values(%q) = %q, want %q", name, got, want)
		}
	}
	cs, err := header.Challenges(h, header.WWWAuthenticate)
	if err != nil || len(cs) != 3 || !cs[0].Is("Basic") || !cs[1].Is("Digest") || !cs[2].Is("Bearer") {
		t.Fatalf("Challenges = %v, %v", cs, err)
	}
	// The map's own slice is not modified by gathering.
	if len(h["Www-Authenticate"]) != 1 {
		t.Fatalf("canonical slice changed: %q", h["Www-Authenticate"])
	}
	if got := header.Values(h, "X-Other"); got != nil {
		t.Errorf("Values of an absent field = %q, want nil", got)
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

func TestResponseChallenges(t *testing.T) {
	for _, tt := range []struct {
		status            int
		challenge, answer string
	}{
		{401, header.WWWAuthenticate, header.Authorization},
		{407, header.ProxyAuthenticate, header.ProxyAuthorization},
		{200, "", ""}, {403, "", ""}, {0, "", ""},
	} {
		if got := header.ChallengeField(tt.status); got != tt.challenge {
			t.Errorf("ChallengeField(%d) = %q, want %q", tt.status, got, tt.challenge)
		}
		if got := header.CredentialsField(tt.status); got != tt.answer {
			t.Errorf("CredentialsField(%d) = %q, want %q", tt.status, got, tt.answer)
		}
	}
	h := http.Header{}
	h.Add("WWW-Authenticate", `Basic realm="origin"`)
	h.Add("Proxy-Authenticate", `Basic realm="proxy"`)
	for _, tt := range []struct {
		status int
		realm  string // "" for no challenges
	}{{401, "origin"}, {407, "proxy"}, {200, ""}, {403, ""}} {
		cs, err := header.ResponseChallenges(&http.Response{StatusCode: tt.status, Header: h})
		switch {
		case err != nil:
			t.Errorf("%d: %v", tt.status, err)
		case tt.realm == "" && cs != nil:
			t.Errorf("%d: challenges %v, want none", tt.status, cs)
		case tt.realm != "" && (len(cs) != 1 || cs[0].Realm() != tt.realm):
			t.Errorf("%d: challenges %v, want Basic realm=%q", tt.status, cs, tt.realm)
		}
	}
	if cs, err := header.ResponseChallenges(nil); cs != nil || err != nil {
		t.Errorf("ResponseChallenges(nil) = %v, %v", cs, err)
	}
	bad := &http.Response{StatusCode: 401, Header: http.Header{"Www-Authenticate": {`Basic realm="a", JWT realm=gin jwt`}}}
	if cs, err := header.ResponseChallenges(bad); err == nil || len(cs) != 1 {
		t.Errorf("ResponseChallenges of a bad field = %v, %v, want Basic and an error", cs, err)
	}
}

func TestWrite(t *testing.T) {
	h := http.Header{}
	err := header.AddChallenges(h, "www-authenticate",
		httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "a"}}},
		httpauth.Challenge{Scheme: "Bearer"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := h["Www-Authenticate"], []string{`Basic realm="a"`, "Bearer"}; !reflect.DeepEqual(got, want) || len(h) != 1 {
		t.Fatalf("AddChallenges wrote %q, want %q (one per line, under the canonical key)", h, want)
	}
	if err := header.AddChallenges(h, header.WWWAuthenticate, httpauth.Challenge{Scheme: "Digest"}); err != nil {
		t.Fatal(err)
	}
	if got, want := h["Www-Authenticate"], []string{`Basic realm="a"`, "Bearer", "Digest"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("AddChallenges appended %q, want %q", got, want)
	}
	// One bad challenge: nothing is written.
	err = header.AddChallenges(h, header.WWWAuthenticate,
		httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "b"}}},
		httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "x\r\nSet-Cookie: a=b"}}})
	if !errors.Is(err, httpauth.ErrControl) || len(h["Www-Authenticate"]) != 3 {
		t.Fatalf("AddChallenges with CRLF: err=%v lines=%q", err, h["Www-Authenticate"])
	}
	// SetChallenges replaces every spelling.
	h["WWW-Authenticate"] = []string{"Old"}
	if err := header.SetChallenges(h, header.WWWAuthenticate, httpauth.Challenge{Scheme: "Negotiate"}, httpauth.Challenge{Scheme: "NTLM"}); err != nil {
		t.Fatal(err)
	}
	if got, want := h, (http.Header{"Www-Authenticate": {"Negotiate", "NTLM"}}); !reflect.DeepEqual(got, want) {
		t.Fatalf("SetChallenges left %q, want %q", got, want)
	}
	if err := header.SetChallenges(h, header.WWWAuthenticate, httpauth.Challenge{Scheme: "a b"}); !errors.Is(err, httpauth.ErrNotToken) || len(h["Www-Authenticate"]) != 2 {
		t.Fatalf("SetChallenges with a bad scheme: err=%v, header %q", err, h)
	}
	if err := header.SetChallenges(h, header.WWWAuthenticate); err != nil || len(h) != 0 {
		t.Fatalf("SetChallenges of none: err=%v, header %q, want the field removed", err, h)
	}

	h["authorization"] = []string{"old"}
	if err := header.SetCredentials(h, header.Authorization, httpauth.Credentials{Scheme: "Bearer", Token68: "abc"}); err != nil {
		t.Fatal(err)
	}
	if got, want := h, (http.Header{"Authorization": {"Bearer abc"}}); !reflect.DeepEqual(got, want) {
		t.Fatalf("SetCredentials left %q, want %q", got, want)
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
	want := `nextnonce="abc", qop=auth`
	if got := h.Get("Authentication-Info"); got != want {
		t.Fatalf("Authentication-Info = %q, want %q", got, want)
	}
	if err := header.SetParams(h, header.AuthenticationInfo, httpauth.Params{{Name: "a", Value: "\n"}}); err == nil || h.Get("Authentication-Info") != want {
		t.Fatalf("SetParams with LF: err=%v, left %q", err, h.Get("Authentication-Info"))
	}
}

func TestEdits(t *testing.T) {
	newHeader := func() http.Header {
		return http.Header{
			"Www-Authenticate": {`Basic realm="a"`, `Bearer realm="b",service="s", Negotiate`},
			"WWW-Authenticate": {`Digest realm="d", nonce="n"`}, // put in the map directly
		}
	}
	for _, tt := range []struct {
		name string
		edit func(h http.Header) error
		want http.Header
	}{
		{"set a value", func(h http.Header) error { return header.SetParam(h, header.WWWAuthenticate, 1, "realm", "x") },
			http.Header{"Www-Authenticate": {`Basic realm="a"`, `Bearer realm="x",service="s", Negotiate`}, "WWW-Authenticate": {`Digest realm="d", nonce="n"`}}},
		{"add a parameter", func(h http.Header) error { return header.SetParam(h, "www-authenticate", 2, "x", "1") },
			http.Header{"Www-Authenticate": {`Basic realm="a"`, `Bearer realm="b",service="s", Negotiate x=1`}, "WWW-Authenticate": {`Digest realm="d", nonce="n"`}}},
		{"set under another spelling", func(h http.Header) error { return header.SetParam(h, header.WWWAuthenticate, 3, "nonce", "m") },
			http.Header{"Www-Authenticate": {`Basic realm="a"`, `Bearer realm="b",service="s", Negotiate`}, "WWW-Authenticate": {`Digest realm="d", nonce="m"`}}},
		{"remove from a line", func(h http.Header) error { return header.RemoveChallenge(h, header.WWWAuthenticate, 2) },
			http.Header{"Www-Authenticate": {`Basic realm="a"`, `Bearer realm="b",service="s"`}, "WWW-Authenticate": {`Digest realm="d", nonce="n"`}}},
		{"remove a line", func(h http.Header) error { return header.RemoveChallenge(h, header.WWWAuthenticate, 0) },
			http.Header{"Www-Authenticate": {`Bearer realm="b",service="s", Negotiate`}, "WWW-Authenticate": {`Digest realm="d", nonce="n"`}}},
		{"remove the last line of a key", func(h http.Header) error { return header.RemoveChallenge(h, header.WWWAuthenticate, 3) },
			http.Header{"Www-Authenticate": {`Basic realm="a"`, `Bearer realm="b",service="s", Negotiate`}}},
	} {
		h := newHeader()
		if err := tt.edit(h); err != nil || !reflect.DeepEqual(h, tt.want) {
			t.Errorf("%s: err = %v, header\n%q\nwant\n%q", tt.name, err, h, tt.want)
		}
	}
	for _, tt := range []struct {
		name string
		edit func(h http.Header) error
		is   error
	}{
		{"CRLF", func(h http.Header) error { return header.SetParam(h, header.WWWAuthenticate, 1, "realm", "x\r\nA: b") }, httpauth.ErrControl},
		{"no such challenge", func(h http.Header) error { return header.SetParam(h, header.WWWAuthenticate, 4, "realm", "x") }, httpauth.ErrNoChallenge},
		{"remove, no such challenge", func(h http.Header) error { return header.RemoveChallenge(h, header.WWWAuthenticate, -1) }, httpauth.ErrNoChallenge},
		{"absent field", func(h http.Header) error { return header.RemoveChallenge(h, header.ProxyAuthenticate, 0) }, httpauth.ErrNoChallenge},
	} {
		h := newHeader()
		if err := tt.edit(h); !errors.Is(err, tt.is) || !reflect.DeepEqual(h, newHeader()) {
			t.Errorf("%s: err = %v, header %q; want %v and the header unchanged", tt.name, err, h, tt.is)
		}
	}
	// Removing every challenge removes the field.
	h := http.Header{"Www-Authenticate": {`Basic realm="a", Bearer`}}
	for range 2 {
		if err := header.RemoveChallenge(h, header.WWWAuthenticate, 0); err != nil {
			t.Fatal(err)
		}
	}
	if len(h) != 0 {
		t.Errorf("header after removing every challenge: %q, want empty", h)
	}
}

func TestAllocs(t *testing.T) {
	if raceEnabled || testing.CoverMode() != "" {
		t.Skip("allocation counts are inflated by the race detector and coverage")
	}
	lines := []string{`Basic realm="simple"`, `Bearer realm="https://auth.docker.io/token",service="registry.docker.io"`}
	h := http.Header{
		"Www-Authenticate":    lines,
		"Authorization":       {`Digest username="Mufasa", realm="r", nonce="n", uri="/", response="6629fae49393a05397450978507c4ef1"`},
		"Authentication-Info": {`nextnonce="abc", qop=auth`},
		"Content-Type":        {"text/plain"},
		"Date":                {"Sat, 29 Nov 2025 12:00:00 GMT"},
	}
	allocs := func(f func()) float64 { return testing.AllocsPerRun(200, f) }
	// Reading the lines allocates nothing, however the name is spelled.
	for _, name := range []string{header.WWWAuthenticate, "WWW-Authenticate", "www-authenticate", header.Authorization} {
		if got := allocs(func() { header.Values(h, name) }); got != 0 {
			t.Errorf("Values(h, %q): %v allocations, want 0", name, got)
		}
	}
	// Parsing them allocates what the httpauth functions allocate.
	for _, tt := range []struct {
		name      string
		got, want func()
	}{
		{"Challenges", func() { header.Challenges(h, "WWW-Authenticate") }, func() { httpauth.ParseChallenges(lines...) }},
		{"Credentials", func() { header.Credentials(h, header.Authorization) }, func() { httpauth.ParseCredentials(h["Authorization"][0]) }},
		{"Params", func() { header.Params(h, header.AuthenticationInfo) }, func() { httpauth.ParseParams(h["Authentication-Info"][0]) }},
	} {
		if got, want := allocs(tt.got), allocs(tt.want); got != want {
			t.Errorf("%s: %v allocations, httpauth's parse %v: want the same", tt.name, got, want)
		}
	}
	// A write of up to 16 lines and 1 KiB allocates twice: the string that
	// holds them and the field's slice; past that, once more for the
	// larger buffer.
	cs := []httpauth.Challenge{httpauth.MustParseChallenge(lines[0]), httpauth.MustParseChallenge(lines[1]), {Scheme: "Negotiate"}}
	cr := httpauth.MustParseCredentials(h["Authorization"][0])
	info := httpauth.Params{{Name: "nextnonce", Value: "abc"}, {Name: "qop", Value: "auth"}}
	var many []httpauth.Challenge
	for i := range 20 {
		many = append(many, httpauth.Challenge{Scheme: fmt.Sprintf("S%d", i)})
	}
	w := http.Header{}
	for _, tt := range []struct {
		name string
		want float64
		f    func() error
	}{
		{"AddChallenges, 3 lines", 2, func() error {
			delete(w, header.WWWAuthenticate)
			return header.AddChallenges(w, header.WWWAuthenticate, cs...)
		}},
		{"SetChallenges, 3 lines", 2, func() error { return header.SetChallenges(w, header.WWWAuthenticate, cs...) }},
		{"SetChallenges, 1 line", 2, func() error { return header.SetChallenges(w, header.WWWAuthenticate, cs[0]) }},
		{"SetChallenges, 20 lines", 3, func() error { return header.SetChallenges(w, header.WWWAuthenticate, many...) }},
		{"SetCredentials", 2, func() error { return header.SetCredentials(w, header.Authorization, cr) }},
		{"SetParams", 2, func() error { return header.SetParams(w, header.AuthenticationInfo, info) }},
	} {
		if got := allocs(func() {
			if err := tt.f(); err != nil {
				panic(err)
			}
		}); got != tt.want {
			t.Errorf("%s: %v allocations, want %v", tt.name, got, tt.want)
		}
	}
	// An edit allocates its one new line; a removal that empties a line
	// allocates nothing.
	store := make([]string, len(lines))
	reset := func() { copy(store, lines); w[header.WWWAuthenticate] = store[:len(lines)] }
	for _, tt := range []struct {
		name string
		want float64
		f    func() error
	}{
		{"SetParam", 1, func() error { return header.SetParam(w, header.WWWAuthenticate, 1, "service", "registry.internal") }},
		{"RemoveChallenge of a line", 0, func() error { return header.RemoveChallenge(w, header.WWWAuthenticate, 0) }},
	} {
		if got := allocs(func() {
			reset()
			if err := tt.f(); err != nil {
				panic(err)
			}
		}); got != tt.want {
			t.Errorf("%s: %v allocations, want %v", tt.name, got, tt.want)
		}
	}
	two := []string{`Basic realm="a", Bearer`}
	if got := allocs(func() {
		copy(store, two)
		w[header.WWWAuthenticate] = store[:1]
		if err := header.RemoveChallenge(w, header.WWWAuthenticate, 1); err != nil {
			panic(err)
		}
	}); got != 1 {
		t.Errorf("RemoveChallenge within a line: %v allocations, want 1", got)
	}
}
