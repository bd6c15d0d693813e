package digest

import (
	"encoding/hex"
	"hash"
)

// hasher computes H over the concatenation of its arguments, as lowercase
// hex (RFC 7616 section 3.4). It is a function value so that the tests can
// substitute the truncated SHA-512 that reproduces the values printed in
// RFC 7616 section 3.9.2 (erratum 4897).
type hasher func() hash.Hash

func (h hasher) sum(parts ...string) string {
	d := h()
	for _, p := range parts {
		d.Write([]byte(p))
	}
	return hex.EncodeToString(d.Sum(nil))
}

// sessionHA1 returns H(A1) (RFC 7616 section 3.4.2) from H(user:realm:password):
// unchanged for the plain algorithms, and for -sess
// H( H(user:realm:password) ":" nonce ":" cnonce ).
func (h hasher) sessionHA1(alg Algorithm, ha1, nonce, cnonce string) string {
	if alg.Session() {
		return h.sum(ha1, ":", nonce, ":", cnonce)
	}
	return ha1
}

// ha2 returns H(A2) (RFC 7616 section 3.4.3): A2 = method ":" uri, or for
// auth-int method ":" uri ":" H(body). For rspauth method is "".
func (h hasher) ha2(qop, method, uri string, body []byte) string {
	if qop == "auth-int" {
		return h.sum(method, ":", uri, ":", h.sum(string(body)))
	}
	return h.sum(method, ":", uri)
}

// response returns KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2))
// (RFC 7616 section 3.4.1), or, without qop (RFC 2069, kept by RFC 2617
// for compatibility), KD(H(A1), nonce ":" H(A2)).
func (h hasher) response(ha1, nonce, nc, cnonce, qop, ha2 string) string {
	if qop == "" {
		return h.sum(ha1, ":", nonce, ":", ha2)
	}
	return h.sum(ha1, ":", nonce, ":", nc, ":", cnonce, ":", qop, ":", ha2)
}
