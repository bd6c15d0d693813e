package vapid

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"encoding/json"
	"math/big"
)

// Verify checks the JWT's ES256 signature (RFC 7518 section 3.4) with the
// key of the k parameter: the JOSE header must say "alg":"ES256", and the
// signature must be 64 bytes (R then S) and valid for header.payload. It
// does not check the claims (aud, exp), which the caller compares with the
// push resource and the clock (RFC 8292 section 2).
func (c Credentials) Verify() error {
	if err := checkKey(c.Key); err != nil {
		return err
	}
	h, err := c.Token.DecodeHeader()
	if err != nil {
		return err
	}
	var hdr struct {
		Alg string `json:"alg"`
	}
	if err := json.Unmarshal(h, &hdr); err != nil || hdr.Alg != "ES256" {
		return &Error{Param: "t", Reason: `JWT header is not a JSON object with "alg":"ES256"`}
	}
	sig, err := c.Token.DecodeSignature()
	if err != nil {
		return err
	}
	if len(sig) != 64 {
		return &Error{Param: "t", Reason: "ES256 signature is not 64 bytes"}
	}
	pub := ecdsa.PublicKey{
		Curve: elliptic.P256(),
		X:     new(big.Int).SetBytes(c.Key[1:33]),
		Y:     new(big.Int).SetBytes(c.Key[33:65]),
	}
	sum := sha256.Sum256([]byte(c.Token.SigningInput()))
	r := new(big.Int).SetBytes(sig[:32])
	s := new(big.Int).SetBytes(sig[32:])
	if !ecdsa.Verify(&pub, sum[:], r, s) {
		return &Error{Param: "t", Reason: "ES256 signature does not verify with k"}
	}
	return nil
}
