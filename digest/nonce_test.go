package digest

import (
	"context"
	"encoding/binary"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/authwire/httpauth"
)

func key(i uint64) nonceKey {
	var k nonceKey
	binary.BigEndian.PutUint64(k[:], i)
	return k
}

// The store never holds more than max nonces, its queue never more than
// 2*max+64 slots, compaction copies fewer entries than were inserted (so
// the cost per request is O(1) amortized), and a nonce it forgot is never
// accepted again.
func TestNonceStoreBounded(t *testing.T) {
	const max, n = 100, 10000
	const life = int64(time.Hour)
	s := nonceStore{max: max}
	for i := uint64(1); i <= n; i++ {
		if v := s.use(key(i), int64(i), int64(i), life, 1); v != fresh {
			t.Fatalf("insert %d: verdict %d", i, v)
		}
		if s.len() > max || len(s.queue)-s.head != s.len() || len(s.queue) > 2*max+64 {
			t.Fatalf("after %d inserts: %d nonces, queue %d (head %d)", i, s.len(), len(s.queue), s.head)
		}
	}
	if s.moved > n {
		t.Errorf("compaction copied %d entries for %d inserts", s.moved, n)
	}
	// A forgotten nonce, whatever its count, is stale; a kept one counts on.
	for _, nc := range []uint32{1, 2, 1000} {
		if v := s.use(key(1), 1, n, life, nc); v != evicted {
			t.Errorf("forgotten nonce, nc %d: verdict %d, want evicted", nc, v)
		}
	}
	if v := s.use(key(n), n, n, life, 1); v != replay {
		t.Errorf("kept nonce, same count: verdict %d, want replay", v)
	}
	if v := s.use(key(n), n, n, life, 2); v != fresh {
		t.Errorf("kept nonce, next count: verdict %d, want fresh", v)
	}
	// A nonce issued before the newest forgotten one, never used, is stale
	// too: it cannot be told from a forgotten one.
	if v := s.use(key(n+1), n-max-1, n, life, 1); v != evicted {
		t.Errorf("old unused nonce: verdict %d, want evicted", v)
	}
	// Expired nonces leave as time passes, without a full store.
	s = nonceStore{max: max}
	for i := uint64(1); i <= 50; i++ {
		s.use(key(i), int64(i), int64(i), 100, 1)
	}
	s.use(key(1000), 1000, 1000, 100, 1)
	if s.len() != 1 {
		t.Errorf("after expiry: %d nonces, want 1", s.len())
	}
}

// The server forgets nonces beyond MaxNonces and answers them stale.
func TestServerMaxNonces(t *testing.T) {
	s := &Server{Realm: "r", MaxNonces: 3, Password: func(context.Context, string) (string, bool) { return "p", true }}
	auth := func(c Challenge, nc uint32) error {
		cr, err := c.Respond(Input{Username: "u", Password: "p", URI: "/", NC: nc})
		if err != nil {
			t.Fatal(err)
		}
		g, _ := cr.Build()
		v, _ := g.Encode()
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Authorization", v)
		_, err = s.Authenticate(r, false)
		return err
	}
	var cs []Challenge
	for range 5 {
		g, _ := s.Challenge(SHA256, false)
		c, _ := ParseChallenge(g)
		cs = append(cs, c)
		time.Sleep(time.Microsecond) // distinct issue times
	}
	for i, c := range cs {
		if err := auth(c, 1); err != nil {
			t.Fatalf("nonce %d: %v", i, err)
		}
	}
	if n := s.st.store.len(); n != 3 {
		t.Fatalf("store holds %d nonces, want 3", n)
	}
	if err := auth(cs[0], 2); !isStale(err) {
		t.Errorf("forgotten nonce: %v, want ErrStale", err)
	}
	if err := auth(cs[4], 2); err != nil {
		t.Errorf("kept nonce, next count: %v", err)
	}
}

func isStale(err error) bool {
	se, ok := err.(*httpauth.SchemeError)
	return ok && se.Err == ErrStale
}

var sizes = []int{1e3, 1e4, 1e5, 1e6}

func sizeName(n int) string {
	switch {
	case n >= 1e6:
		return fmt.Sprintf("%dM", n/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%dk", n/1e3)
	}
	return fmt.Sprint(n)
}

// BenchmarkNonceStore: one request with a new nonce into a full store of
// n nonces (which forgets the oldest). The cost per request stays flat
// from 1k to 1M stored nonces. The store is filled, then run through 2n
// more requests before the timing starts, so that its queue has reached
// the size it keeps.
func BenchmarkNonceStore(b *testing.B) {
	for _, n := range sizes {
		b.Run("entries="+sizeName(n), func(b *testing.B) {
			s := nonceStore{max: n}
			life := int64(time.Hour)
			i := uint64(0)
			for ; i < uint64(3*n); i++ {
				s.use(key(i), int64(i), int64(i), life, 1)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				i++
				s.use(key(i), int64(i), int64(i), life, 1)
			}
			if s.len() != n {
				b.Fatalf("store holds %d, want %d", s.len(), n)
			}
		})
	}
}

// BenchmarkAuthenticate: a whole Authenticate with a new nonce, with n
// nonces already stored.
func BenchmarkAuthenticate(b *testing.B) {
	for _, n := range []int{1e3, 1e6} {
		b.Run("stored="+sizeName(n), func(b *testing.B) {
			s := &Server{Realm: "r", MaxNonces: n, Password: func(context.Context, string) (string, bool) { return "p", true }}
			st := s.state()
			now := time.Now().UnixNano()
			for i := uint64(0); i < uint64(n); i++ {
				st.store.use(key(i), now-int64(n)+int64(i), now, int64(time.Hour), 1)
			}
			const batch = 1024
			reqs := make([]*http.Request, 0, batch)
			fill := func() {
				reqs = reqs[:0]
				for range batch {
					g, _ := s.Challenge(SHA256, false)
					c, _ := ParseChallenge(g)
					cr, _ := c.Respond(Input{Username: "u", Password: "p", URI: "/"})
					cg, _ := cr.Build()
					v, _ := cg.Encode()
					r := httptest.NewRequest("GET", "/", nil)
					r.Header.Set("Authorization", v)
					reqs = append(reqs, r)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%batch == 0 {
					b.StopTimer()
					fill()
					b.StartTimer()
				}
				if _, err := s.Authenticate(reqs[i%batch], false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
