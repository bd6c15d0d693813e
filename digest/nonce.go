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

// nonceKey names a nonce in the replay store: its MAC, which only the
// server could have made, so that no client chooses the keys of the map.
type nonceKey [16]byte

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
// returns the time it was issued and its key in the replay store.
func openNonce(key *[32]byte, n string, alg Algorithm) (issued int64, k nonceKey, ok bool) {
	var b [nonceRaw]byte
	if base64.RawURLEncoding.DecodedLen(len(n)) != nonceRaw {
		return 0, k, false
	}
	if _, err := base64.RawURLEncoding.Decode(b[:], []byte(n)); err != nil {
		return 0, k, false
	}
	m := hmac.New(sha256.New, key[:])
	m.Write(b[:nonceSigned])
	if !hmac.Equal(m.Sum(nil)[:16], b[nonceSigned:]) || b[8] != byte(alg.family()) {
		return 0, k, false
	}
	copy(k[:], b[nonceSigned:])
	return int64(binary.BigEndian.Uint64(b[:8])), k, true
}

// verdict is what the replay store says of a nonce count.
type verdict uint8

const (
	fresh   verdict = iota // first use of this count: accept
	replay                 // seen before, or too far behind: refuse
	evicted                // the nonce left the store: answer stale
)

// nonceStore remembers the nonce counts used with each nonce, to refuse
// replays (RFC 7616 section 3.4 has servers detect them by the count).
//
// Entries are kept in order of first use in a queue; an index maps a nonce
// to its entry. An entry leaves only from the head: when its nonce has
// expired, or when the store holds max entries and a new one arrives. Each
// entry is appended once and removed once, and the queue is compacted only
// when at least half of it is dead, so a request costs O(1) amortized; the
// index never holds more than max entries and the queue never more than
// 2*max+64, whatever the request rate.
//
// Forgetting a nonce must not let its counts be replayed: floor is the
// latest issue time of any entry removed so far, and a nonce issued at or
// before floor that is not in the store is refused as stale (the client
// gets a fresh nonce), never accepted. Since entries are queued by first
// use, a nonce issued before floor but never used yet is refused too; that
// costs its client one more challenge, and only once the store is full or
// nonces expire.
type nonceStore struct {
	max   int
	index map[nonceKey]uint64 // sequence number of the entry
	queue []nonceEntry        // queue[i] has sequence base+i; queue[:head] are gone
	head  int
	base  uint64
	floor int64
	moved int // entries copied by compaction, for the tests of the cost
}

type nonceEntry struct {
	key    nonceKey
	issued int64  // Unix ns
	max    uint32 // highest count seen
	window uint64 // bit i: count max-i was seen
}

// use records count nc for the nonce k issued at issued, at time now (Unix
// ns), with nonces living lifetime ns.
//
// Since concurrent requests from one client may arrive out of order, each
// count is accepted once, in any order, within a window of 64 below the
// highest seen (as IPsec's anti-replay window does).
func (s *nonceStore) use(k nonceKey, issued, now, lifetime int64, nc uint32) verdict {
	if s.index == nil {
		s.index = make(map[nonceKey]uint64)
	}
	for s.head < len(s.queue) && s.queue[s.head].issued <= now-lifetime {
		s.pop()
	}
	if seq, ok := s.index[k]; ok {
		e := &s.queue[seq-s.base]
		switch {
		case nc > e.max:
			if d := nc - e.max; d >= 64 {
				e.window = 1
			} else {
				e.window = e.window<<d | 1
			}
			e.max = nc
		default:
			d := e.max - nc
			if d >= 64 || e.window&(1<<d) != 0 {
				return replay
			}
			e.window |= 1 << d
		}
		return fresh
	}
	if issued <= s.floor {
		return evicted
	}
	if len(s.index) >= s.max {
		s.pop()
	}
	s.index[k] = s.base + uint64(len(s.queue))
	s.queue = append(s.queue, nonceEntry{key: k, issued: issued, max: nc, window: 1})
	return fresh
}

// pop removes the entry at the head of the queue.
func (s *nonceStore) pop() {
	e := &s.queue[s.head]
	delete(s.index, e.key)
	if e.issued > s.floor {
		s.floor = e.issued
	}
	s.head++
	if s.head == len(s.queue) {
		s.base += uint64(s.head)
		s.queue, s.head = s.queue[:0], 0
	} else if s.head >= 64 && 2*s.head >= len(s.queue) {
		n := copy(s.queue, s.queue[s.head:])
		s.moved += n
		s.base += uint64(s.head)
		s.queue, s.head = s.queue[:n], 0
	}
}

// len returns the number of nonces in the store.
func (s *nonceStore) len() int { return len(s.index) }
