package digest

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
)

// A server nonce is base64url (no padding) of 40 bytes:
//
//	issued (8, Unix ns, big endian) | algorithm (1) | random (15) | MAC (16)
//
// where MAC is HMAC-SHA-256 under the Server's key over the first 24 bytes,
// cut to 16. The algorithm byte binds the nonce to the challenge it was
// issued in: credentials that answer it with another algorithm are refused.
const (
	nonceRaw    = 40
	nonceSigned = 24
)

// makeNonce returns a fresh nonce issued at now (Unix ns) for alg.
func makeNonce(key *[32]byte, now int64, alg Algorithm) string {
	var b [nonceRaw]byte
	binary.BigEndian.PutUint64(b[:8], uint64(now))
	b[8] = byte(alg.family())
	rand.Read(b[9:nonceSigned])
	m := hmac.New(sha256.New, key[:])
	m.Write(b[:nonceSigned])
	copy(b[nonceSigned:], m.Sum(nil))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// openNonce checks that n was made by makeNonce under key for alg, and
// returns the time it was issued.
func openNonce(key *[32]byte, n string, alg Algorithm) (issued int64, ok bool) {
	var b [nonceRaw]byte
	if base64.RawURLEncoding.DecodedLen(len(n)) != nonceRaw {
		return 0, false
	}
	if _, err := base64.RawURLEncoding.Decode(b[:], []byte(n)); err != nil {
		return 0, false
	}
	m := hmac.New(sha256.New, key[:])
	m.Write(b[:nonceSigned])
	if !hmac.Equal(m.Sum(nil)[:16], b[nonceSigned:]) || b[8] != byte(alg.family()) {
		return 0, false
	}
	return int64(binary.BigEndian.Uint64(b[:8])), true
}

// nonceStore remembers the nonce counts used with each live nonce, to
// refuse replays (RFC 7616 section 3.4 has servers detect them by the
// count).
type nonceStore struct {
	seen map[string]seenNonce
}

// seenNonce is the replay window of one nonce: the highest count seen,
// and a bit per count below it (bit i: count max-i was seen).
type seenNonce struct {
	max     uint32
	window  uint64
	expires int64
}

// use records count nc for nonce, at time now (Unix ns), with nonces
// living lifetime ns, and reports whether the count was not seen before.
//
// Since concurrent requests from one client may arrive out of order, each
// count is accepted once, in any order, within a window of 64 below the
// highest seen (as IPsec's anti-replay window does).
func (s *nonceStore) use(nonce string, issued, now, lifetime int64, nc uint32) bool {
	if s.seen == nil {
		s.seen = make(map[string]seenNonce)
	}
	if len(s.seen) > 4096 {
		for k, v := range s.seen {
			if now > v.expires {
				delete(s.seen, k)
			}
		}
	}
	v, ok := s.seen[nonce]
	switch {
	case !ok:
		v = seenNonce{max: nc, window: 1, expires: issued + lifetime}
	case nc > v.max:
		if d := nc - v.max; d >= 64 {
			v.window = 1
		} else {
			v.window = v.window<<d | 1
		}
		v.max = nc
	default:
		d := v.max - nc
		if d >= 64 || v.window&(1<<d) != 0 {
			return false
		}
		v.window |= 1 << d
	}
	s.seen[nonce] = v
	return true
}
