package vapid

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"encoding/json"
	"math/big"

	"github.com/authwire/httpauth/internal/scheme"
)

// Verify checks the JWT's ES256 signature (RFC 7518 section 3.4) with the
// key of the k parameter: the JOSE header must say "alg":"ES256", and the
// signature must be 64 bytes (R then S) and valid for header.payload. A
// signature that does not verify gives an error wrapping
// httpauth.ErrVerification; any other error is a malformed value. It does
// not check the claims (aud, exp), which the caller compares with the
// push resource and the clock (RFC 8292 section 2), nor that k is the key
// the push subscription was made with.
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
		return scheme.Err(Scheme, "t", errAlg)
	}
	if _, err := c.Token.DecodePayload(); err != nil {
		return err
	}
	sig, err := c.Token.DecodeSignature()
	if err != nil {
		return err
	}
	if len(sig) != 64 {
		return scheme.Err(Scheme, "t", errSigSize)
	}
	// checkKey made sure that Key is 0x04, X and Y, a point on P-256.
	pub := &ecdsa.PublicKey{
		Curve: elliptic.P256(),
		X:     new(big.Int).SetBytes(c.Key[1:33]),
		Y:     new(big.Int).SetBytes(c.Key[33:65]),
	}
	sum := sha256.Sum256([]byte(c.Token.SigningInput()))
	r := new(big.Int).SetBytes(sig[:32])
	s := new(big.Int).SetBytes(sig[32:])
	if !ecdsa.Verify(pub, sum[:], r, s) {
		return scheme.Failed(Scheme, "t", errSigInvalid)
	}
	return nil
}
