package scram_test

import (
	"crypto/sha1"
	"crypto/sha256"
	"hash"
	"testing"

	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/scram"
)

// Fuzz checks every Parse and Verify function of the package: no input
// panics, every value a view accepts builds, encodes and reads back equal
// (each input is tried as a challenge, as credentials and as an
// Authentication-Info list), and no fuzzed client-final or server-final
// verifies.
func Fuzz(f *testing.F) {
	f.Add(`SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data="` + serverFirst + `"`)
	f.Add(`SCRAM-SHA-1 realm="r", sr=abc, ttl=300`)
	f.Add(`SCRAM-SHA-256 realm="testrealm@example.com", data=` + clientFirst)
	f.Add(`sid=AAAABBBBCCCCDDDD, data="` + serverFinal + `"`)
	for _, v := range vectors {
		f.Add(v.clientFirst)
		f.Add(v.clientFinal)
		f.Add(v.serverFinal)
	}
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, scram.ParseChallenge, scram.Challenge.Build)
		schemetest.CredentialsRoundTrip(t, in, scram.ParseCredentials, scram.Credentials.Build)
		schemetest.InfoRoundTrip(t, in, scram.ParseInfo, scram.Info.Build)
		fuzzMechanism(t, in)
	})
}

// fuzzKeys are stored keys made with SHA-1 and SHA-256, for the salt
// "salt" and one iteration.
var fuzzKeys = func() [2]scram.Keys {
	var ks [2]scram.Keys
	for i, h := range []func() hash.Hash{sha1.New, sha256.New} {
		k, err := scram.NewKeys(h, "pencil", []byte("salt"), 1)
		if err != nil {
			panic(err)
		}
		ks[i] = k
	}
	return ks
}()

// fuzzMechanism feeds in to the SCRAM message parsers and checks, with
// either hash against keys made with either (a server that picks the hash
// from the client's scheme name can mismatch them); none may panic and a
// fuzzed client-final or server-final must not verify.
func fuzzMechanism(t *testing.T, in string) {
	scram.ParseAttrs(in)
	scram.ParseClientFirst(in)
	hashes := []func() hash.Hash{sha1.New, sha256.New}
	for _, h := range hashes {
		for _, keys := range fuzzKeys {
			if _, err := scram.VerifyClientFinal(h, keys, "n=user,r=x", "r=xy,s=c2FsdA==,i=1", in); err == nil {
				t.Fatalf("a fuzzed client-final verified")
			}
		}
	}
	c := scram.Client{Hash: hashes[len(in)%2], User: "user", Password: "pencil", Nonce: "x", MaxIterations: 64}
	if _, err := c.First(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Final(in); err == nil {
		if c.Verify(in) == nil {
			t.Fatalf("a fuzzed server-final verified")
		}
	}
}
