package mutual_test

import (
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/mutual"
	"github.com/google/go-cmp/cmp"
)

// Messages in the shapes of RFC 8120 section 4, with values written for
// this test: base64 of "kc1", "ks1", "vkc" and "vks".
const (
	alg     = "iso-kam3-dl-2048-sha256"
	msgInit = `Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, auth-scope="example.com", realm="testrealm@example.com", reason=initial`
	msgKC1  = `Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="testrealm@example.com", user="alice", kc1="a2Mx"`
	msgKS1  = `Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="testrealm@example.com", sid=0a1b2c3d, ks1="a3Mx", nc-max=10, nc-window=16, time=600, path="/ /private"`
	msgVKC  = `Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="testrealm@example.com", sid=0a1b2c3d, nc=1, vkc="dmtj"`
	msgVKS  = `version=1, sid=0a1b2c3d, vks="dmtz"`
)

func TestChallenges(t *testing.T) {
	tests := []struct {
		in   string
		want mutual.Challenge
		kind mutual.Kind
	}{
		{msgInit, mutual.Challenge{Algorithm: alg, Validation: "host", Realm: "testrealm@example.com", Reason: "initial",
			Extra: httpauth.Params{{Name: "auth-scope", Value: "example.com"}}}, mutual.Init},
		{msgKS1, mutual.Challenge{Algorithm: alg, Validation: "host", Realm: "testrealm@example.com", SID: "0a1b2c3d", KS1: "a3Mx",
			NCMax: 10, HasNCMax: true, NCWindow: 16, HasNCWindow: true, Time: 600, HasTime: true, Path: "/ /private"}, mutual.KexS1},
		{`mutual VERSION=1, Algorithm=a, validation=tls-unique, reason=stale-session, sid=AB`,
			mutual.Challenge{Algorithm: "a", Validation: "tls-unique", Reason: "stale-session", SID: "AB"}, mutual.Init},
	}
	for _, tt := range tests {
		got, err := schemetest.ViewChallenge(t, tt.in, mutual.ParseChallenge)
		if err != nil {
			t.Errorf("ParseChallenge(%q): %v", tt.in, err)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("ParseChallenge(%q) (-want +got):\n%s", tt.in, d)
		}
		if got.Kind() != tt.kind {
			t.Errorf("ParseChallenge(%q).Kind() = %s, want %s", tt.in, got.Kind(), tt.kind)
		}
	}
	c, _ := mutual.ParseChallenge(httpauth.MustParseChallenge(msgKS1))
	if b, err := c.DecodeKS1(); err != nil || string(b) != "ks1" {
		t.Errorf("DecodeKS1 = %q, %v", b, err)
	}
}

func TestCredentials(t *testing.T) {
	tests := []struct {
		in   string
		want mutual.Credentials
		kind mutual.Kind
	}{
		{msgKC1, mutual.Credentials{Algorithm: alg, Validation: "host", Realm: "testrealm@example.com", User: "alice", KC1: "a2Mx"}, mutual.KexC1},
		{msgVKC, mutual.Credentials{Algorithm: alg, Validation: "host", Realm: "testrealm@example.com", SID: "0a1b2c3d", NC: 1, HasNC: true, VKC: "dmtj"}, mutual.VfyC},
	}
	for _, tt := range tests {
		got, err := schemetest.ViewCredentials(t, tt.in, mutual.ParseCredentials)
		if err != nil {
			t.Errorf("ParseCredentials(%q): %v", tt.in, err)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("ParseCredentials(%q) (-want +got):\n%s", tt.in, d)
		}
		if got.Kind() != tt.kind {
			t.Errorf("Kind() = %s, want %s", got.Kind(), tt.kind)
		}
	}
	c, _ := mutual.ParseCredentials(httpauth.MustParseCredentials(msgKC1))
	if b, err := c.DecodeKC1(); err != nil || string(b) != "kc1" {
		t.Errorf("DecodeKC1 = %q, %v", b, err)
	}
	c, _ = mutual.ParseCredentials(httpauth.MustParseCredentials(msgVKC))
	if b, err := c.DecodeVKC(); err != nil || string(b) != "vkc" {
		t.Errorf("DecodeVKC = %q, %v", b, err)
	}
}

func TestInfo(t *testing.T) {
	ps, err := httpauth.ParseParams(msgVKS)
	if err != nil {
		t.Fatal(err)
	}
	i, err := mutual.ParseInfo(ps)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(mutual.Info{SID: "0a1b2c3d", VKS: "dmtz"}, i); d != "" {
		t.Errorf("ParseInfo (-want +got):\n%s", d)
	}
	if b, err := i.DecodeVKS(); err != nil || string(b) != "vks" {
		t.Errorf("DecodeVKS = %q, %v", b, err)
	}
	out, err := i.Build()
	if err != nil {
		t.Fatal(err)
	}
	if b, err := httpauth.AppendParams(nil, out); err != nil || string(b) != `version=1, sid=0a1b2c3d, vks=dmtz` {
		t.Errorf("info encodes as %q, %v", b, err)
	}
	for _, bad := range []string{
		`version=1, sid=0a1b2c3d`,
		`version=1, vks="dmtz"`,
		`sid=0a1b2c3d, vks="dmtz"`,
		`version=1, sid=0a1b2c3d, vks="dmtz", reason=initial`,
		`version=1, sid=0a1b2c3d, vks="dmtz", ks1="a3Mx"`,
		`version=1, sid=0a1b2c3d, vks="dmtz", ks2="a3Mx"`,
	} {
		ps, err := httpauth.ParseParams(bad)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := mutual.ParseInfo(ps); err == nil {
			t.Errorf("ParseInfo(%q) succeeded", bad)
		}
	}
}

func TestErrors(t *testing.T) {
	const secret = "c2VjcmV0"
	base := `version=1, algorithm=a, validation=host`
	chErrs := []struct{ in, param string }{
		{`Basic realm="x"`, ""},
		{`Mutual ` + secret, ""},
		{`Mutual algorithm=a, validation=host, reason=initial`, "version"},
		{`Mutual version=2, algorithm=a, validation=host, reason=initial`, "version"},
		{`Mutual ` + base, ""}, // neither reason nor ks#
		{`Mutual ` + base + `, reason=initial, sid=00, ks1="` + secret + `"`, ""}, // both
		{`Mutual ` + base + `, reason=initial, sid=00, ks2="` + secret + `"`, ""}, // both, ks2
		{`Mutual ` + base + `, reason=initial, vks="` + secret + `"`, "vks"},
		{`Mutual ` + base + `, reason=initial, vkc="` + secret + `"`, ""},
		{`Mutual ` + base + `, reason=""`, "reason"},
		{`Mutual version=1, validation=host, reason=initial`, "algorithm"},
		{`Mutual version=1, algorithm=a, reason=initial`, "validation"},
		{`Mutual ` + base + `, ks1="` + secret + `"`, "sid"},
		{`Mutual ` + base + `, sid=0g, ks1="` + secret + `"`, "sid"},
		{`Mutual ` + base + `, sid=012, ks1="` + secret + `"`, "sid"},
		{`Mutual ` + base + `, sid=00, ks1="` + secret + `!"`, "ks1"},
		{`Mutual ` + base + `, sid=00, ks1="` + secret + `", nc-max=-1`, "nc-max"},
		{`Mutual ` + base + `, sid=00, ks1="` + secret + `", time=1e9`, "time"},
		{`Mutual ` + base + `, sid=00, ks1="` + secret + `", nc-window=""`, "nc-window"},
	}
	for _, tt := range chErrs {
		_, err := schemetest.ViewChallenge(t, tt.in, mutual.ParseChallenge)
		if e, ok := err.(*mutual.Error); !ok || e.Param != tt.param || strings.Contains(e.Error(), secret) {
			t.Errorf("ParseChallenge(%q) error = %v, want a *mutual.Error for %q", tt.in, err, tt.param)
		}
	}
	crErrs := []struct{ in, param string }{
		{`Bearer ` + secret, ""},
		{`Mutual ` + base + `, user=u`, ""}, // neither
		{`Mutual ` + base + `, user=u, kc1="` + secret + `", sid=00, nc=1, vkc="dmtj"`, ""}, // both
		{`Mutual ` + base + `, kc1="` + secret + `"`, "user"},
		{`Mutual ` + base + `, nc=1, vkc="` + secret + `"`, "sid"},
		{`Mutual ` + base + `, sid=00, vkc="` + secret + `"`, "nc"},
		{`Mutual ` + base + `, sid=00, nc=x, vkc="` + secret + `"`, "nc"},
		{`Mutual ` + base + `, user=u, kc1="` + secret + `", reason=initial`, ""},
		{`Mutual ` + base + `, user=u, kc1="` + secret + `", ks3="a3Mx"`, ""},
		{`Mutual version=1, algorithm=a, user=u, kc1="` + secret + `"`, "validation"},
	}
	for _, tt := range crErrs {
		_, err := schemetest.ViewCredentials(t, tt.in, mutual.ParseCredentials)
		if e, ok := err.(*mutual.Error); !ok || e.Param != tt.param || strings.Contains(e.Error(), secret) {
			t.Errorf("ParseCredentials(%q) error = %v, want a *mutual.Error for %q", tt.in, err, tt.param)
		}
	}
	dup := httpauth.Credentials{Scheme: "Mutual", Params: httpauth.Params{{Name: "version", Value: "1"}, {Name: "VERSION", Value: "1"}}}
	if _, err := mutual.ParseCredentials(dup); err == nil {
		t.Errorf("ParseCredentials accepted a duplicate version")
	}
}

func TestBuild(t *testing.T) {
	ch := mutual.Challenge{Algorithm: alg, Validation: "host", Realm: "testrealm@example.com", Reason: "initial",
		Extra: httpauth.Params{{Name: "auth-scope", Value: "example.com"}}}
	hc, err := ch.Build()
	if err != nil {
		t.Fatal(err)
	}
	// The generic encoder writes tokens bare; realm is always quoted.
	const wantInit = `Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="testrealm@example.com", reason=initial, auth-scope=example.com`
	if b, err := httpauth.AppendChallenge(nil, hc); err != nil || string(b) != wantInit {
		t.Errorf("challenge encodes as %q, %v;\nwant %q", b, err, wantInit)
	}

	ks := mutual.Challenge{Algorithm: alg, Validation: "host", Realm: "r", SID: "0a1b2c3d", KS1: "a3Mx",
		NCMax: 10, HasNCMax: true, NCWindow: 16, HasNCWindow: true, Time: 600, HasTime: true, Path: "/ /private"}
	hc, err = ks.Build()
	if err != nil {
		t.Fatal(err)
	}
	const wantKS1 = `Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="r", sid=0a1b2c3d, ks1=a3Mx, nc-max=10, nc-window=16, time=600, path="/ /private"`
	if b, err := httpauth.AppendChallenge(nil, hc); err != nil || string(b) != wantKS1 {
		t.Errorf("challenge encodes as %q, %v;\nwant %q", b, err, wantKS1)
	}

	cr := mutual.Credentials{Algorithm: alg, Validation: "host", Realm: "r", SID: "0a1b2c3d", NC: 1, HasNC: true, VKC: "dmtj"}
	hcr, err := cr.Build()
	if err != nil {
		t.Fatal(err)
	}
	const wantVKC = `Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="r", sid=0a1b2c3d, nc=1, vkc=dmtj`
	if b, err := httpauth.AppendCredentials(nil, hcr); err != nil || string(b) != wantVKC {
		t.Errorf("credentials encode as %q, %v;\nwant %q", b, err, wantVKC)
	}

	for name, bad := range map[string]mutual.Challenge{
		"reason and ks1":   {Algorithm: "a", Validation: "v", Reason: "initial", SID: "00", KS1: "a3Mx"},
		"neither":          {Algorithm: "a", Validation: "v"},
		"bad sid":          {Algorithm: "a", Validation: "v", SID: "xyz", KS1: "a3Mx"},
		"version in Extra": {Algorithm: "a", Validation: "v", Reason: "initial", Extra: httpauth.Params{{Name: "version", Value: "1"}}},
		"vkc in Extra":     {Algorithm: "a", Validation: "v", Reason: "initial", Extra: httpauth.Params{{Name: "vkc", Value: "dmtj"}}},
	} {
		if _, err := bad.Build(); err == nil {
			t.Errorf("%s: Build succeeded", name)
		}
	}
	for name, bad := range map[string]mutual.Credentials{
		"kc1 and vkc": {Algorithm: "a", Validation: "v", User: "u", KC1: "a2Mx", SID: "00", NC: 1, HasNC: true, VKC: "dmtj"},
		"no nc":       {Algorithm: "a", Validation: "v", SID: "00", VKC: "dmtj"},
		"bad kc1":     {Algorithm: "a", Validation: "v", User: "u", KC1: "a2M"},
	} {
		if _, err := bad.Build(); err == nil {
			t.Errorf("%s: Build succeeded", name)
		}
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if s := sprintf(verb, cr); strings.Contains(s, "dmtj") {
			t.Errorf("%s prints the verifier: %s", verb, s)
		}
	}
}
