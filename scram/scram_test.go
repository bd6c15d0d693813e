package scram_test

import (
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/scram"
	"github.com/google/go-cmp/cmp"
)

// RFC 7804 section 5's example values. The padded ones are quoted below,
// as RFC 9110 requires; the RFC prints them bare.
const (
	clientFirst = "biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8K"
	serverFirst = "cj1yT3ByTkdmd0ViZVJXZ2JORWtxTyVodllEcFdVYTJSYVRDQWZ1eEZJbGopaE5sRiRrMCxzPVcyMlphSjBTTlk3c29Fc1VFamI2Z1FBPT0saT00MDk2Cg=="
	clientFinal = "Yz1iaXdzLHI9ck9wck5HZndFYmVSV2diTkVrcU8laHZZRHBXVWEyUmFUQ0FmdXhGSWxqKWhObEYkazAscD1kSFpiZS9Rb2pMNlVFaHJLRHFHaEpQVUhtRFFIdFY0QWxKZDZFaE9Oa2tnPQo="
	serverFinal = "dj02cnJpVFJCaTIzV3BSUi93dHVwK21NaFVaVW4vZEI1bkxUSlJzamw5NUc0PQo="

	// The same messages decoded, written out by hand (SCRAM messages of
	// RFC 7677's example, each followed by a newline as the RFC prints).
	clientFirstMsg = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO\n"
	serverFirstMsg = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQA==,i=4096\n"
	clientFinalMsg = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHZbe/QojL6UEhrKDqGhJPUHmDQHtV4AlJd6EhONkkg=\n"
	serverFinalMsg = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=\n"
)

func TestRFCExchange(t *testing.T) {
	// 1. The challenges, from a field that also offers Digest.
	cs, err := httpauth.ParseChallenges(
		`Digest realm="realm1@example.com", Digest realm="realm2@example.com", Digest realm="realm3@example.com", SCRAM-SHA-256 realm="realm3@example.com", SCRAM-SHA-256 realm="testrealm@example.com"`)
	if err != nil {
		t.Fatal(err)
	}
	var got []scram.Challenge
	for _, c := range cs {
		if v, err := scram.ParseChallenge(c); err == nil {
			got = append(got, v)
		}
	}
	want := []scram.Challenge{
		{Scheme: "SCRAM-SHA-256", Realm: "realm3@example.com"},
		{Scheme: "SCRAM-SHA-256", Realm: "testrealm@example.com"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("challenges (-want +got):\n%s", d)
	}

	// 2. client-first.
	cr := parseCreds(t, `SCRAM-SHA-256 realm="testrealm@example.com", data=`+clientFirst)
	if d := cmp.Diff(scram.Credentials{Scheme: "SCRAM-SHA-256", Realm: "testrealm@example.com", Data: clientFirst}, cr); d != "" {
		t.Errorf("client-first (-want +got):\n%s", d)
	}
	checkDecoded(t, "client-first", cr.DecodeData, clientFirstMsg)

	// 3. server-first.
	ch, err := schemetest.ViewChallenge(t, `SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data="`+serverFirst+`"`, scram.ParseChallenge)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(scram.Challenge{Scheme: "SCRAM-SHA-256", SID: "AAAABBBBCCCCDDDD", Data: serverFirst}, ch); d != "" {
		t.Errorf("server-first (-want +got):\n%s", d)
	}
	checkDecoded(t, "server-first", ch.DecodeData, serverFirstMsg)

	// 4. client-final.
	cr = parseCreds(t, `SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data="`+clientFinal+`"`)
	if d := cmp.Diff(scram.Credentials{Scheme: "SCRAM-SHA-256", SID: "AAAABBBBCCCCDDDD", Data: clientFinal}, cr); d != "" {
		t.Errorf("client-final (-want +got):\n%s", d)
	}
	checkDecoded(t, "client-final", cr.DecodeData, clientFinalMsg)

	// 5. server-final in Authentication-Info.
	ps, err := httpauth.ParseParams(`sid=AAAABBBBCCCCDDDD, data="` + serverFinal + `"`)
	if err != nil {
		t.Fatal(err)
	}
	info, err := scram.ParseInfo(ps)
	if err != nil {
		t.Fatal(err)
	}
	if info != (scram.Info{SID: "AAAABBBBCCCCDDDD", Data: serverFinal}) {
		t.Errorf("info = %+v", info)
	}
	checkDecoded(t, "server-final", info.DecodeData, serverFinalMsg)

	// The RFC's bare padded value is not RFC 9110 syntax.
	if _, err := httpauth.ParseParams(`sid=AAAABBBBCCCCDDDD, data=` + serverFinal); err == nil {
		t.Errorf("strict parsing accepted bare padded base64; update the package doc")
	}
}

func parseCreds(t *testing.T, in string) scram.Credentials {
	t.Helper()
	c, err := schemetest.ViewCredentials(t, in, scram.ParseCredentials)
	if err != nil {
		t.Fatalf("ParseCredentials(%q): %v", in, err)
	}
	return c
}

func checkDecoded(t *testing.T, step string, decode func() ([]byte, error), want string) {
	t.Helper()
	got, err := decode()
	if err != nil || string(got) != want {
		t.Errorf("%s DecodeData = %q, %v; want %q", step, got, err, want)
	}
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name string
		got  func() ([]byte, error)
		want string
	}{
		{"first challenge", func() ([]byte, error) {
			c, err := scram.Challenge{Realm: "testrealm@example.com"}.Build()
			if err != nil {
				return nil, err
			}
			return httpauth.AppendChallenge(nil, c)
		}, `SCRAM-SHA-256 realm="testrealm@example.com"`},
		{"server-first", func() ([]byte, error) {
			c, err := scram.Challenge{Scheme: "SCRAM-SHA-256", SID: "AAAABBBBCCCCDDDD", Data: serverFirst}.Build()
			if err != nil {
				return nil, err
			}
			return httpauth.AppendChallenge(nil, c)
		}, `SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data="` + serverFirst + `"`},
		{"reauthentication", func() ([]byte, error) {
			c, err := scram.Challenge{Scheme: "SCRAM-SHA-1", Realm: "r", SR: "c2VydmVyIG5vbmNl", TTL: 300, HasTTL: true}.Build()
			if err != nil {
				return nil, err
			}
			return httpauth.AppendChallenge(nil, c)
		}, `SCRAM-SHA-1 realm="r", sr=c2VydmVyIG5vbmNl, ttl=300`},
		{"client-first", func() ([]byte, error) {
			c, err := scram.Credentials{Realm: "testrealm@example.com", Data: clientFirst}.Build()
			if err != nil {
				return nil, err
			}
			return httpauth.AppendCredentials(nil, c)
		}, `SCRAM-SHA-256 realm="testrealm@example.com", data=` + clientFirst},
		{"client-final", func() ([]byte, error) {
			c, err := scram.Credentials{SID: "AAAABBBBCCCCDDDD", Data: clientFinal}.Build()
			if err != nil {
				return nil, err
			}
			return httpauth.AppendCredentials(nil, c)
		}, `SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data="` + clientFinal + `"`},
		{"server-final", func() ([]byte, error) {
			ps, err := scram.Info{SID: "AAAABBBBCCCCDDDD", Data: serverFinal}.Build()
			if err != nil {
				return nil, err
			}
			return httpauth.AppendParams(nil, ps)
		}, `sid=AAAABBBBCCCCDDDD, data="` + serverFinal + `"`},
	}
	for _, tt := range tests {
		b, err := tt.got()
		if err != nil || string(b) != tt.want {
			t.Errorf("%s encodes as %q, %v; want %q", tt.name, b, err, tt.want)
		}
	}

	if _, err := (scram.Credentials{Realm: "r"}).Build(); err == nil {
		t.Errorf("Build accepted credentials without data")
	}
	if _, err := (scram.Credentials{Scheme: "SCRAM-SHA-512", Data: clientFirst}).Build(); err == nil {
		t.Errorf("Build accepted an unknown scheme")
	}
	if _, err := (scram.Challenge{Data: "not base64!"}).Build(); err == nil {
		t.Errorf("Build accepted data that is not base64")
	}
	if _, err := (scram.Info{}).Build(); err == nil {
		t.Errorf("Build accepted Authentication-Info without data")
	}
}

func TestErrors(t *testing.T) {
	const secret = "c2VjcmV0"
	chErrs := []struct {
		in, scheme, param string
		want              error
	}{
		{`Basic realm="x"`, scram.SHA256, "", httpauth.ErrOtherScheme},
		{`SCRAM-SHA-512 realm="x"`, scram.SHA256, "", httpauth.ErrOtherScheme},
		{`SCRAM-SHA-1 ` + secret, scram.SHA1, "", scheme.NoToken68},
		{`SCRAM-SHA-1 data="` + secret + `!"`, scram.SHA1, "data", nil},
		{`SCRAM-SHA-1 data="YWJ="`, scram.SHA1, "data", nil}, // pad bits not zero
		{`SCRAM-SHA-1 data=""`, scram.SHA1, "data", scheme.Empty},
		{`SCRAM-SHA-1 sr=abc, ttl=-5`, scram.SHA1, "ttl", scheme.NotDigits},
		{`SCRAM-SHA-1 sr=abc, ttl=1h`, scram.SHA1, "ttl", scheme.NotDigits},
		{`SCRAM-SHA-1 sr=abc, ttl=""`, scram.SHA1, "ttl", scheme.NotDigits},
	}
	for _, tt := range chErrs {
		_, err := schemetest.ViewChallenge(t, tt.in, scram.ParseChallenge)
		schemetest.CheckError(t, "ParseChallenge("+tt.in+")", err, tt.scheme, tt.param, tt.want, secret)
	}
	crErrs := []struct {
		in, scheme, param string
		want              error
	}{
		{`Bearer ` + secret, scram.SHA256, "", httpauth.ErrOtherScheme},
		{`scram-sha-256 realm="x"`, scram.SHA256, "data", httpauth.ErrMissingParam},
		{`SCRAM-SHA-256 data="` + secret + `="`, scram.SHA256, "data", nil},
	}
	for _, tt := range crErrs {
		_, err := schemetest.ViewCredentials(t, tt.in, scram.ParseCredentials)
		schemetest.CheckError(t, "ParseCredentials("+tt.in+")", err, tt.scheme, tt.param, tt.want, secret)
	}
	_, err := scram.ParseInfo(httpauth.Params{{Name: "sid", Value: "x"}})
	schemetest.CheckError(t, "ParseInfo(sid only)", err, scram.Scheme, "data", httpauth.ErrMissingParam, "")
	dup := httpauth.Params{{Name: "data", Value: secret}, {Name: "DATA", Value: secret}}
	_, err = scram.ParseInfo(dup)
	schemetest.CheckError(t, "ParseInfo(duplicate data)", err, scram.Scheme, "data", scheme.Duplicate, secret)
	_, err = scram.ParseCredentials(httpauth.Credentials{Scheme: "SCRAM-SHA-1", Params: httpauth.Params{{Name: "data", Value: "Yw\r\n=="}}})
	schemetest.CheckError(t, "ParseCredentials(CR LF in data)", err, scram.SHA1, "data", nil, "")
}

// Data prints masked in credentials and Authentication-Info, where it
// carries the proof and the signature; the rest stays visible.
func TestRedaction(t *testing.T) {
	for _, tt := range []struct {
		v    any
		want string
	}{
		{scram.Credentials{Scheme: scram.SHA1, Realm: "r", SID: "s", Data: clientFinal}, "{SCRAM-SHA-1 r [redacted] s}"},
		{scram.Info{SID: "s", Data: serverFinal}, "{s [redacted]}"},
		{scram.Keys{Salt: []byte{1, 2}, Iterations: 4096, StoredKey: []byte{3}, ServerKey: []byte{4}}, "{[1 2] 4096 [redacted] [redacted]}"},
		{scram.Attr{Name: 'p', Value: "dHZb"}, "{p [redacted]}"},
		{scram.Attr{Name: 'r', Value: "nonce"}, "{r nonce}"},
		{&scram.Client{User: "user", Password: "pencil", Nonce: "n", MaxIterations: 10}, "{user [redacted] n 10}"},
		{scram.Client{User: "user"}, "{user   0}"},
	} {
		if got := fmt.Sprintf("%v", tt.v); got != tt.want {
			t.Errorf("%%v of %T = %s, want %s", tt.v, got, tt.want)
		}
	}
	// The keys the client derives from the password are not printed
	// either: only the listed fields are.
	c := scram.Client{Hash: sha256.New, User: "user", Password: "pencil", Nonce: vectors[1].clientNonce}
	c.First()
	c.Final(vectors[1].serverFirst)
	if got, want := fmt.Sprintf("%+v", c), "{User:user Password:[redacted] Nonce:rOprNGfwEbeRWgbNEkqO MaxIterations:0}"; got != want {
		t.Errorf("%%+v of a Client after Final = %s, want %s", got, want)
	}
}
