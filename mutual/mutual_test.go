package mutual_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
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
	bad2param := map[string]string{
		`version=1, sid=0a1b2c3d`:                             "vks",
		`version=1, vks="dmtz"`:                               "sid",
		`sid=0a1b2c3d, vks="dmtz"`:                            "version",
		`version=1, sid=0a1b2c3d, vks="dmtz", reason=initial`: "",
		`version=1, sid=0a1b2c3d, vks="dmtz", ks1="a3Mx"`:     "",
		`version=1, sid=0a1b2c3d, vks="dmtz", ks2="a3Mx"`:     "",
	}
	for bad := range bad2param {
		ps, err := httpauth.ParseParams(bad)
		if err != nil {
			t.Fatal(err)
		}
		_, err = mutual.ParseInfo(ps)
		checkErr(t, "ParseInfo("+bad+")", err, bad2param[bad], nil, "dmtz")
	}
}

func checkErr(t *testing.T, call string, err error, param string, want error, secret string) {
	t.Helper()
	schemetest.CheckError(t, call, err, mutual.Scheme, param, want, secret)
}

func TestErrors(t *testing.T) {
	const secret = "c2VjcmV0"
	base := `version=1, algorithm=a, validation=host`
	chErrs := []struct {
		in, param string
		want      error
	}{
		{`Basic realm="x"`, "", httpauth.ErrOtherScheme},
		{`Mutual ` + secret, "", scheme.NoToken68},
		{`Mutual algorithm=a, validation=host, reason=initial`, "version", httpauth.ErrMissingParam},
		{`Mutual version=2, algorithm=a, validation=host, reason=initial`, "version", nil},
		{`Mutual ` + base, "", nil},                                                    // neither reason nor ks#
		{`Mutual ` + base + `, reason=initial, sid=00, ks1="` + secret + `"`, "", nil}, // both
		{`Mutual ` + base + `, reason=initial, sid=00, ks2="` + secret + `"`, "", nil}, // both, ks2
		{`Mutual ` + base + `, reason=initial, vks="` + secret + `"`, "vks", nil},
		{`Mutual ` + base + `, reason=initial, vkc="` + secret + `"`, "", nil},
		{`Mutual ` + base + `, reason=""`, "reason", scheme.Empty},
		{`Mutual version=1, validation=host, reason=initial`, "algorithm", httpauth.ErrMissingParam},
		{`Mutual version=1, algorithm=a, reason=initial`, "validation", httpauth.ErrMissingParam},
		{`Mutual ` + base + `, ks1="` + secret + `"`, "sid", httpauth.ErrMissingParam},
		{`Mutual ` + base + `, sid=0g, ks1="` + secret + `"`, "sid", nil},
		{`Mutual ` + base + `, sid=012, ks1="` + secret + `"`, "sid", nil},
		{`Mutual ` + base + `, sid=00, ks1="` + secret + `!"`, "ks1", nil},
		{`Mutual ` + base + `, sid=00, ks1="YWJ="`, "ks1", nil}, // pad bits not zero
		{`Mutual ` + base + `, sid=00, ks1="` + secret + `", nc-max=-1`, "nc-max", scheme.NotDigits},
		{`Mutual ` + base + `, sid=00, ks1="` + secret + `", time=1e9`, "time", scheme.NotDigits},
		{`Mutual ` + base + `, sid=00, ks1="` + secret + `", time=99999999999999999999`, "time", scheme.NotDigits},
		{`Mutual ` + base + `, sid=00, ks1="` + secret + `", nc-window=""`, "nc-window", scheme.NotDigits},
		// An untyped parameter named with "*" takes only an ext-value.
		{`Mutual ` + base + `, reason=initial, x*="` + secret + `"`, "", httpauth.ErrExtValue},
	}
	for _, tt := range chErrs {
		_, err := schemetest.ViewChallenge(t, tt.in, mutual.ParseChallenge)
		checkErr(t, "ParseChallenge("+tt.in+")", err, tt.param, tt.want, secret)
	}
	crErrs := []struct {
		in, param string
		want      error
	}{
		{`Bearer ` + secret, "", httpauth.ErrOtherScheme},
		{`Mutual ` + base + `, user=u`, "", nil},                                                 // neither
		{`Mutual ` + base + `, user=u, kc1="` + secret + `", sid=00, nc=1, vkc="dmtj"`, "", nil}, // both
		{`Mutual ` + base + `, kc1="` + secret + `"`, "user", httpauth.ErrMissingParam},
		{`Mutual ` + base + `, nc=1, vkc="` + secret + `"`, "sid", httpauth.ErrMissingParam},
		{`Mutual ` + base + `, sid=00, vkc="` + secret + `"`, "nc", httpauth.ErrMissingParam},
		{`Mutual ` + base + `, sid=00, nc=x, vkc="` + secret + `"`, "nc", scheme.NotDigits},
		{`Mutual ` + base + `, user=u, kc1="` + secret + `", reason=initial`, "", nil},
		{`Mutual ` + base + `, user=u, kc1="` + secret + `", ks3="a3Mx"`, "", nil},
		{`Mutual version=1, algorithm=a, user=u, kc1="` + secret + `"`, "validation", httpauth.ErrMissingParam},
	}
	for _, tt := range crErrs {
		_, err := schemetest.ViewCredentials(t, tt.in, mutual.ParseCredentials)
		checkErr(t, "ParseCredentials("+tt.in+")", err, tt.param, tt.want, secret)
	}
	// Duplicates, which only a value built by hand can hold, are named
	// when the scheme knows the name, and never with the input's name.
	for _, tt := range []struct {
		ps    httpauth.Params
		param string
	}{
		{httpauth.Params{{Name: "version", Value: "1"}, {Name: "VERSION", Value: "1"}}, "version"},
		{httpauth.Params{{Name: "version", Value: "1"}, {Name: secret, Value: "1"}, {Name: secret, Value: "2"}}, ""},
	} {
		_, err := mutual.ParseCredentials(httpauth.Credentials{Scheme: "Mutual", Params: tt.ps})
		checkErr(t, "ParseCredentials(duplicate)", err, tt.param, scheme.Duplicate, secret)
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
}

// The verifiers print masked, and what helps to debug stays visible. The
// contract tests check every route for the secrets; these pin the forms.
func TestRedaction(t *testing.T) {
	cr := mutual.Credentials{Algorithm: alg, Validation: "host", Realm: "r", SID: "0a1b", NC: 1, HasNC: true, VKC: "dmtj",
		Extra: httpauth.Params{{Name: "x", Value: "y"}}}
	info := mutual.Info{SID: "0a1b", VKS: "dmtz"}
	for _, tt := range []struct {
		got, want string
	}{
		{fmt.Sprintf("%v", cr), "{iso-kam3-dl-2048-sha256 host r  0a1b  [redacted] 1 true [redacted]}"},
		{fmt.Sprintf("%+v", info), "{SID:0a1b VKS:[redacted] Extra:}"},
		{fmt.Sprintf("%#v", info), `mutual.Info{SID:"0a1b", VKS:"[redacted]", Extra:""}`},
		{mustJSON(t, cr), `{"Algorithm":"iso-kam3-dl-2048-sha256","Validation":"host","Realm":"r","User":"","SID":"0a1b","KC1":"","VKC":"[redacted]","NC":1,"HasNC":true,"Extra":"[redacted]"}`},
	} {
		if tt.got != tt.want {
			t.Errorf("printed %s, want %s", tt.got, tt.want)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
