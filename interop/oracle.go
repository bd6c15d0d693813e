package main

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"
)

// This file computes Digest responses from RFC 7616 section 3.4 on its
// own, without package digest, to check every Digest response seen on the
// wire and, when a server refuses one, to find which computation the
// client did instead (another hash, an empty body for auth-int, ...).

// digestHash is one of the hash functions a client might have used.
type digestHash struct {
	name string // as the algorithm parameter spells it
	new  func() hash.Hash
}

var digestHashes = []digestHash{
	{"MD5", md5.New},
	{"SHA-256", sha256.New},
	{"SHA-512-256", sha512.New512_256},
	// Not an algorithm: SHA-512 cut to 256 bits, what the example of RFC
	// 7616 section 3.9.2 printed (erratum 4897).
	{"SHA-512 truncated to 256 bits", newSHA512Truncated},
}

type truncated struct{ hash.Hash }

func (t truncated) Sum(b []byte) []byte { return t.Hash.Sum(b)[:len(b)+32] }
func (t truncated) Size() int           { return 32 }

func newSHA512Truncated() hash.Hash { return truncated{sha512.New()} }

func hashByName(alg string) (digestHash, bool) {
	base := strings.TrimSuffix(strings.ToUpper(alg), "-SESS")
	if base == "" {
		base = "MD5" // RFC 7616 section 3.3: absent means MD5
	}
	for _, h := range digestHashes[:3] {
		if h.name == base {
			return h, true
		}
	}
	return digestHash{}, false
}

func (h digestHash) sum(parts ...string) string {
	d := h.new()
	for _, p := range parts {
		d.Write([]byte(p))
	}
	return hex.EncodeToString(d.Sum(nil))
}

// digestAnswer is what a Digest response depends on.
type digestAnswer struct {
	Username, Realm, Password string // the real user name, not a userhash
	Algorithm                 string
	Nonce, CNonce, NC, QOP    string
	Method, URI               string
	Body                      []byte
}

// response computes KD(H(A1), ...) of RFC 7616 section 3.4.1 with h, as a
// -sess algorithm when sess, with body as the entity body for auth-int;
// without qop, the RFC 2069 form.
func (a digestAnswer) response(h digestHash, sess bool, body []byte) string {
	ha1 := h.sum(a.Username, ":", a.Realm, ":", a.Password)
	if sess {
		ha1 = h.sum(ha1, ":", a.Nonce, ":", a.CNonce)
	}
	a2 := a.Method + ":" + a.URI
	if strings.EqualFold(a.QOP, "auth-int") {
		a2 += ":" + h.sum(string(body))
	}
	ha2 := h.sum(a2)
	if a.QOP == "" {
		return h.sum(ha1, ":", a.Nonce, ":", ha2)
	}
	return h.sum(ha1, ":", a.Nonce, ":", a.NC, ":", a.CNonce, ":", a.QOP, ":", ha2)
}

func (a digestAnswer) sess() bool { return strings.HasSuffix(strings.ToLower(a.Algorithm), "-sess") }

// expected returns the response RFC 7616 gives for a, or ok false for an
// algorithm it does not define.
func (a digestAnswer) expected() (string, bool) {
	h, ok := hashByName(a.Algorithm)
	if !ok {
		return "", false
	}
	return a.response(h, a.sess(), a.Body), true
}

// explain looks for the computation that gives got when the RFC one does
// not: another hash, the other session mode, or an empty body for
// auth-int. It returns a sentence naming it, or "" when none matches.
func (a digestAnswer) explain(got string) string {
	got = strings.ToLower(got)
	declared := a.Algorithm
	if declared == "" {
		declared = "MD5 (no algorithm parameter)"
	}
	bodies := [][]byte{a.Body}
	if strings.EqualFold(a.QOP, "auth-int") && len(a.Body) > 0 {
		bodies = append(bodies, nil)
	}
	for _, h := range digestHashes {
		for _, sess := range []bool{a.sess(), !a.sess()} {
			for i, body := range bodies {
				if a.response(h, sess, body) != got {
					continue
				}
				var what []string
				if want, _ := hashByName(a.Algorithm); h.name != want.name {
					what = append(what, "hashed with "+h.name+" for algorithm="+declared)
				}
				if sess != a.sess() {
					what = append(what, fmt.Sprintf("computed H(A1) with sess=%v for algorithm=%s", sess, declared))
				}
				if i == 1 {
					what = append(what, fmt.Sprintf("hashed an empty body for qop=auth-int (the request carried %d bytes)", len(a.Body)))
				}
				return strings.Join(what, ", and ")
			}
		}
	}
	return ""
}
