package scram_test

import (
	"crypto/sha256"
	"testing"

	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/scram"
)

// Fuzz checks that no input panics and that every value the view accepts
// builds, encodes and reads back equal. Each input is tried as a challenge
// and as credentials.
func Fuzz(f *testing.F) {
	f.Add(`SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data="` + serverFirst + `"`)
	f.Add(`SCRAM-SHA-1 realm="r", sr=abc, ttl=300`)
	f.Add(`SCRAM-SHA-256 realm="testrealm@example.com", data=` + clientFirst)
	f.Fuzz(func(t *testing.T, in string) {
		schemetest.ChallengeRoundTrip(t, in, scram.ParseChallenge, scram.Challenge.Build)
		schemetest.CredentialsRoundTrip(t, in, scram.ParseCredentials, scram.Credentials.Build)
		fuzzMechanism(t, in)
	})
}

// fuzzMechanism feeds in to the SCRAM message parsers and checks; they must
// not panic, and a random client-final must not verify.
func fuzzMechanism(t *testing.T, in string) {
	scram.ParseAttrs(in)
	scram.ParseClientFirst(in)
	keys, err := scram.NewKeys(sha256.New, "pencil", []byte("salt"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := scram.VerifyClientFinal(sha256.New, keys, "n=user,r=x", "r=xy,s=c2FsdA==,i=1", in); err == nil {
		t.Fatalf("a fuzzed client-final verified")
	}
	c := scram.Client{Hash: sha256.New, User: "user", Password: "pencil", Nonce: "x", MaxIterations: 64}
	if _, err := c.First(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Final(in); err == nil {
		c.Verify(in)
	}
}
