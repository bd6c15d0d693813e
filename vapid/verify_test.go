package vapid_test

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/vapid"
)

// signed returns vapid credentials for header and payload, signed with a
// fresh P-256 key.
func signed(t *testing.T, header, payload string) vapid.Credentials {
	t.Helper()
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ek, err := priv.ECDH()
	if err != nil {
		t.Fatal(err)
	}
	input := header + "." + payload
	sum := sha256.Sum256([]byte(input))
	r, s, err := ecdsa.Sign(rand.Reader, priv, sum[:])
	if err != nil {
		t.Fatal(err)
	}
	sig := make([]byte, 64)
	r.FillBytes(sig[:32])
	s.FillBytes(sig[32:])
	return vapid.Credentials{
		Token: vapid.JWT{Header: header, Payload: payload, Signature: base64.RawURLEncoding.EncodeToString(sig)},
		Key:   ek.PublicKey().Bytes(),
	}
}

func TestVerify(t *testing.T) {
	c := signed(t, rfcHeader, rfcPayload)
	// Through the header and back, then verify.
	hc, err := c.Build()
	if err != nil {
		t.Fatal(err)
	}
	v, err := httpauth.AppendCredentials(nil, hc)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := vapid.ParseCredentials(httpauth.MustParseCredentials(string(v)))
	if err != nil {
		t.Fatal(err)
	}
	if err := parsed.Verify(); err != nil {
		t.Errorf("Verify of a valid signature: %v", err)
	}

	// A changed payload, another key, a header with another alg, and a
	// short signature all fail.
	bad := parsed
	bad.Token.Payload = "eyJhdWQiOiJodHRwczovL2V2aWwuZXhhbXBsZSJ9" // {"aud":"https://evil.example"}
	if err := bad.Verify(); err == nil {
		t.Errorf("Verify accepted a changed payload")
	}
	other := signed(t, rfcHeader, rfcPayload)
	bad = parsed
	bad.Key = other.Key
	if err := bad.Verify(); err == nil {
		t.Errorf("Verify accepted another key")
	}
	hs := signed(t, "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9", rfcPayload) // {"typ":"JWT","alg":"HS256"}
	if err := hs.Verify(); err == nil {
		t.Errorf("Verify accepted alg HS256")
	}
	bad = parsed
	bad.Token.Signature = "c2ln"
	if err := bad.Verify(); err == nil {
		t.Errorf("Verify accepted a 3-byte signature")
	}
	bad = parsed
	bad.Key = nil
	if err := bad.Verify(); err == nil {
		t.Errorf("Verify accepted no key")
	}
	// The key of the tests' fixed credentials is a valid point, but the
	// filler signature does not verify.
	fixed, _ := vapid.DecodeKey(testKey)
	if _, err := ecdh.P256().NewPublicKey(fixed); err != nil {
		t.Fatal(err)
	}
	if err := (vapid.Credentials{Token: vapid.JWT{Header: rfcHeader, Payload: rfcPayload, Signature: testSig}, Key: fixed}).Verify(); err == nil {
		t.Errorf("Verify accepted the filler signature")
	}
}
