package vapid_test

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/schemetest"
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

	// A changed payload, another key and a changed signature are
	// well-formed but wrong: ErrVerification.
	wrong := func(what string, c vapid.Credentials) {
		t.Helper()
		err := c.Verify()
		schemetest.CheckError(t, what, err, "vapid", "t", httpauth.ErrVerification, "")
	}
	bad := parsed
	bad.Token.Payload = "eyJhdWQiOiJodHRwczovL2V2aWwuZXhhbXBsZSJ9" // {"aud":"https://evil.example"}
	wrong("changed payload", bad)
	other := signed(t, rfcHeader, rfcPayload)
	bad = parsed
	bad.Key = other.Key
	wrong("another key", bad)
	bad = parsed
	sig, _ := parsed.Token.DecodeSignature()
	sig[10] ^= 1
	bad.Token.Signature = base64.RawURLEncoding.EncodeToString(sig)
	wrong("changed signature", bad)
	// The tests' fixed key is a valid point, but the filler signature
	// does not verify.
	fixed, _ := vapid.DecodeKey(testKey)
	if _, err := ecdh.P256().NewPublicKey(fixed); err != nil {
		t.Fatal(err)
	}
	wrong("filler signature", vapid.Credentials{Token: vapid.JWT{Header: rfcHeader, Payload: rfcPayload, Signature: testSig}, Key: fixed})

	// A header with another alg, a short signature, no key and a
	// segment that is not base64url are malformed: not ErrVerification.
	malformed := func(what string, c vapid.Credentials, param string) {
		t.Helper()
		err := c.Verify()
		schemetest.CheckError(t, what, err, "vapid", param, nil, "")
		if errors.Is(err, httpauth.ErrVerification) {
			t.Errorf("%s: err = %v wraps ErrVerification, want a malformed-value error", what, err)
		}
	}
	hs := signed(t, "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9", rfcPayload) // {"typ":"JWT","alg":"HS256"}
	malformed("alg HS256", hs, "t")
	bad = parsed
	bad.Token.Signature = "c2ln"
	malformed("3-byte signature", bad, "t")
	bad = parsed
	bad.Key = nil
	malformed("no key", bad, "k")
	bad = parsed
	bad.Token.Payload = "e30="
	malformed("padded payload", bad, "t")
	bad = parsed
	bad.Token.Header = "bm90IGpzb24" // "not json"
	malformed("header not JSON", bad, "t")
}
