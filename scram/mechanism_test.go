package scram_test

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"hash"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/scram"
)

// The example exchanges of RFC 5802 section 5 (SCRAM-SHA-1) and RFC 7677
// section 3 (SCRAM-SHA-256): user "user", password "pencil".
var vectors = []struct {
	name                                                            string
	h                                                               func() hash.Hash
	clientNonce, clientFirst, serverFirst, clientFinal, serverFinal string
}{
	{"RFC 5802", sha1.New, "fyko+d2lbbFgONRv9qkxdawL",
		"n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
		"r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
		"c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
		"v=rmF9pqV8S7suAoZWja4dJRkFsKQ="},
	{"RFC 7677", sha256.New, "rOprNGfwEbeRWgbNEkqO",
		"n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
		"r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
		"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
		"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="},
}

func TestClientVectors(t *testing.T) {
	for _, v := range vectors {
		c := scram.Client{Hash: v.h, User: "user", Password: "pencil", Nonce: v.clientNonce}
		first, err := c.First()
		if err != nil || first != v.clientFirst {
			t.Errorf("%s: First = %q, %v; want %q", v.name, first, err, v.clientFirst)
		}
		final, err := c.Final(v.serverFirst)
		if err != nil || final != v.clientFinal {
			t.Errorf("%s: Final = %q, %v; want %q", v.name, final, err, v.clientFinal)
		}
		if err := c.Verify(v.serverFinal); err != nil {
			t.Errorf("%s: Verify: %v", v.name, err)
		}
		if err := c.Verify("v=AAAA"); err == nil {
			t.Errorf("%s: Verify accepted a wrong server signature", v.name)
		}
		if err := c.Verify("e=invalid-proof"); err == nil {
			t.Errorf("%s: Verify accepted a server error", v.name)
		}
	}
}

func TestServerVectors(t *testing.T) {
	for _, v := range vectors {
		user, nonce, bare, err := scram.ParseClientFirst(v.clientFirst)
		if err != nil || user != "user" || nonce != v.clientNonce || bare != v.clientFirst[3:] {
			t.Errorf("%s: ParseClientFirst = %q, %q, %q, %v", v.name, user, nonce, bare, err)
		}
		sfa, _ := scram.ParseAttrs(v.serverFirst)
		salt, _ := base64.StdEncoding.DecodeString(sfa[1].Value)
		keys, err := scram.NewKeys(v.h, "pencil", salt, 4096)
		if err != nil {
			t.Fatal(err)
		}
		if got := scram.ServerFirst(keys, sfa[0].Value); got != v.serverFirst {
			t.Errorf("%s: ServerFirst = %q, want %q", v.name, got, v.serverFirst)
		}
		final, err := scram.VerifyClientFinal(v.h, keys, bare, v.serverFirst, v.clientFinal)
		if err != nil || final != v.serverFinal {
			t.Errorf("%s: VerifyClientFinal = %q, %v; want %q", v.name, final, err, v.serverFinal)
		}
		wrong, _ := scram.NewKeys(v.h, "pencil2", salt, 4096)
		if _, err := scram.VerifyClientFinal(v.h, wrong, bare, v.serverFirst, v.clientFinal); err == nil {
			t.Errorf("%s: VerifyClientFinal accepted another password", v.name)
		}
		if _, err := scram.VerifyClientFinal(v.h, keys, bare, v.serverFirst, "c=biws,r=other,p=AAAA"); err == nil {
			t.Errorf("%s: VerifyClientFinal accepted another nonce", v.name)
		}
		if _, err := scram.VerifyClientFinal(v.h, keys, bare, v.serverFirst, "c=cD10bHMtdW5pcXVlLCw=,r=x"); err == nil {
			t.Errorf("%s: VerifyClientFinal accepted no proof / channel binding", v.name)
		}
	}
}

func TestMechanismErrors(t *testing.T) {
	c := scram.Client{Hash: sha256.New, User: "a,b=c", Password: "p", Nonce: "abc"}
	if _, err := c.Final("r=abcd,s=c2FsdA==,i=1"); err == nil {
		t.Errorf("Final before First succeeded")
	}
	first, _ := c.First()
	if first != "n,,n=a=2Cb=3Dc,r=abc" {
		t.Errorf("First = %q (user name escaping)", first)
	}
	user, _, _, err := scram.ParseClientFirst(first)
	if err != nil || user != "a,b=c" {
		t.Errorf("ParseClientFirst = %q, %v", user, err)
	}
	for _, sf := range []string{
		"r=abc,s=c2FsdA==,i=1",        // nonce not extended
		"r=xyzd,s=c2FsdA==,i=1",       // other nonce
		"r=abcd,s=!!,i=1",             // bad salt
		"r=abcd,s=c2FsdA==,i=0",       // bad count
		"r=abcd,s=c2FsdA==",           // no count
		"m=ext,r=abcd,s=c2FsdA==,i=1", // mandatory extension
		"garbage",
	} {
		if _, err := c.Final(sf); err == nil {
			t.Errorf("Final(%q) succeeded", sf)
		}
	}
	for _, cf := range []string{"p=tls-unique,,n=u,r=x", "n,,r=x,n=u", "n,,n=a=2,r=x", "n,,n=u,r=", "n,a=x,n=u,r=x"} {
		if _, _, _, err := scram.ParseClientFirst(cf); err == nil {
			t.Errorf("ParseClientFirst(%q) succeeded", cf)
		}
	}
	if _, err := (&scram.Client{Hash: sha256.New, Nonce: "a,b"}).First(); err == nil {
		t.Errorf("First accepted a nonce with a comma")
	}
}

// An exchange over HTTP fields, built and parsed with this package and
// httpauth, with the RFC 7677 values.
func TestHTTPExchange(t *testing.T) {
	v := vectors[1]
	b64 := base64.StdEncoding.EncodeToString
	c := scram.Client{Hash: sha256.New, User: "user", Password: "pencil", Nonce: v.clientNonce}
	first, _ := c.First()
	cr, _ := scram.Credentials{Realm: "testrealm@example.com", Data: b64([]byte(first))}.Build()
	authz, err := cr.Encode()
	if err != nil {
		t.Fatal(err)
	}

	// Server: read client-first, answer with server-first.
	got, err := scram.ParseCredentials(httpauth.MustParseCredentials(authz))
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := got.DecodeData()
	_, _, bare, err := scram.ParseClientFirst(string(msg))
	if err != nil {
		t.Fatal(err)
	}
	ch, _ := scram.Challenge{SID: "AAAABBBBCCCCDDDD", Data: b64([]byte(v.serverFirst))}.Build()

	// Client: read server-first, send client-final.
	view, err := scram.ParseChallenge(httpauth.MustParseChallenge(ch.String()))
	if err != nil {
		t.Fatal(err)
	}
	sf, _ := view.DecodeData()
	final, err := c.Final(string(sf))
	if err != nil {
		t.Fatal(err)
	}
	cr, _ = scram.Credentials{SID: view.SID, Data: b64([]byte(final))}.Build()
	authz, _ = cr.Encode()

	// Server: verify, answer in Authentication-Info.
	got, _ = scram.ParseCredentials(httpauth.MustParseCredentials(authz))
	msg, _ = got.DecodeData()
	salt, _ := base64.StdEncoding.DecodeString("W22ZaJ0SNY7soEsUEjb6gQ==")
	keys, _ := scram.NewKeys(sha256.New, "pencil", salt, 4096)
	sfinal, err := scram.VerifyClientFinal(sha256.New, keys, bare, v.serverFirst, string(msg))
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := scram.Info{SID: got.SID, Data: b64([]byte(sfinal))}.Build()
	info, _ := httpauth.AppendParams(nil, ps)

	// Client: check the server.
	ips, err := httpauth.ParseParams(string(info))
	if err != nil {
		t.Fatal(err)
	}
	in, err := scram.ParseInfo(ips)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := in.DecodeData()
	if err := c.Verify(string(d)); err != nil {
		t.Errorf("client Verify: %v", err)
	}
}

// VerifyClientFinal with a hash other than the one the stored keys were
// made with (a server that picks the hash from the client's scheme name
// reaches this) is an error, not an index out of range.
func TestVerifyClientFinalOtherHash(t *testing.T) {
	for _, tt := range []struct {
		name    string
		keyHash func() hash.Hash
		v       int // the vector whose messages are sent
		h       func() hash.Hash
	}{
		{"SHA-256 keys, SHA-1 hash", sha256.New, 1, sha1.New},
		{"SHA-1 keys, SHA-256 hash", sha1.New, 0, sha256.New},
	} {
		v := vectors[tt.v]
		sfa, _ := scram.ParseAttrs(v.serverFirst)
		salt, _ := base64.StdEncoding.DecodeString(sfa[1].Value)
		keys, err := scram.NewKeys(tt.keyHash, "pencil", salt, 4096)
		if err != nil {
			t.Fatal(err)
		}
		_, err = scram.VerifyClientFinal(tt.h, keys, v.clientFirst[3:], v.serverFirst, v.clientFinal)
		var se *httpauth.SchemeError
		if !errors.As(err, &se) || errors.Is(err, httpauth.ErrVerification) {
			t.Errorf("%s: VerifyClientFinal error = %v, want a SchemeError about the keys", tt.name, err)
		}
	}
}

// No hash constructor makes a function of the mechanism panic: a nil one,
// one that returns nil, and one that returns the same value twice (which
// crypto/hmac refuses with a panic) are errors.
func TestBadHash(t *testing.T) {
	shared := sha256.New()
	keys, _ := scram.NewKeys(sha256.New, "pencil", []byte("salt"), 1)
	v := vectors[1]
	for name, h := range map[string]func() hash.Hash{
		"nil":      nil,
		"nil hash": func() hash.Hash { return nil },
		"shared":   func() hash.Hash { return shared },
	} {
		if _, err := scram.NewKeys(h, "pencil", []byte("salt"), 1); err == nil {
			t.Errorf("%s: NewKeys succeeded", name)
		}
		if _, err := scram.VerifyClientFinal(h, keys, v.clientFirst[3:], v.serverFirst, v.clientFinal); err == nil {
			t.Errorf("%s: VerifyClientFinal succeeded", name)
		}
		c := scram.Client{Hash: h, User: "user", Password: "pencil", Nonce: v.clientNonce}
		c.First()
		if _, err := c.Final(v.serverFirst); err == nil {
			t.Errorf("%s: Final succeeded", name)
		}
		if err := c.Verify(v.serverFinal); err == nil {
			t.Errorf("%s: Verify succeeded", name)
		}
	}
}

// A proof, nonce or server signature that does not match is a failed
// verification; a malformed message is not.
func TestVerificationErrors(t *testing.T) {
	v := vectors[1]
	sfa, _ := scram.ParseAttrs(v.serverFirst)
	salt, _ := base64.StdEncoding.DecodeString(sfa[1].Value)
	keys, _ := scram.NewKeys(sha256.New, "pencil", salt, 4096)
	wrong, _ := scram.NewKeys(sha256.New, "pencil2", salt, 4096)
	bare := v.clientFirst[3:]
	otherNonce := "c=biws,r=rOprNGfwEbeRWgbNEkqOother,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
	for _, tt := range []struct {
		name     string
		keys     scram.Keys
		final    string
		verified bool // the error wraps ErrVerification
	}{
		{"wrong password", wrong, v.clientFinal, true},
		{"other nonce", keys, otherNonce, true},
		{"no proof", keys, "c=biws,r=x", false},
		{"channel binding", keys, "c=cD10bHMtdW5pcXVlLCw=,r=x,p=AAAA", false},
		{"short proof", keys, "c=biws,r=" + sfa[0].Value + ",p=AAAA", false},
	} {
		_, err := scram.VerifyClientFinal(sha256.New, tt.keys, bare, v.serverFirst, tt.final)
		var se *httpauth.SchemeError
		if !errors.As(err, &se) || se.Scheme != scram.SHA256 || errors.Is(err, httpauth.ErrVerification) != tt.verified {
			t.Errorf("%s: VerifyClientFinal error = %v, want a SCRAM-SHA-256 error wrapping ErrVerification: %v", tt.name, err, tt.verified)
		}
	}

	c := scram.Client{Hash: sha1.New, User: "user", Password: "pencil", Nonce: vectors[0].clientNonce}
	c.First()
	if _, err := c.Final(vectors[0].serverFirst); err != nil {
		t.Fatal(err)
	}
	err := c.Verify("v=rmF9pqV8S7suAoZWja4dJRkFsKR=")
	schemetest.CheckError(t, "Client.Verify(another signature)", err, scram.SHA1, "data", httpauth.ErrVerification, "")
	if err := c.Verify("e=invalid-proof"); errors.Is(err, httpauth.ErrVerification) {
		t.Errorf("Client.Verify(e=) = %v, a failed verification rather than the server's error", err)
	}
}
