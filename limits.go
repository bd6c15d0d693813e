package httpauth

import "hash/maphash"

// Default limits; see [Limits].
const (
	DefaultMaxLineBytes     = 16 << 10 // bytes per field line
	DefaultMaxChallenges    = 64       // challenges per field
	DefaultMaxParams        = 256      // params per challenge, credentials or list
	DefaultMaxEmptyElements = 16       // empty list elements in a row
	DefaultMaxWarnings      = 64       // warnings kept per call (lenient mode)
)

// Limits bounds the work of one parse call. Each limit is checked before the
// work it bounds, and passing one is a [*SyntaxError] wrapping [ErrLimit]
// (never a silent truncation), except MaxWarnings: past it a lenient parse
// goes on, counts the warnings it drops and ends the list with one of kind
// [WarnDropped]. A zero field means the default; a negative field means no
// limit.
type Limits struct {
	MaxLineBytes     int // bytes in one field line; default 16 KiB
	MaxChallenges    int // challenges in one field (all lines together); default 64
	MaxParams        int // params in one challenge, credentials or list; default 256
	MaxEmptyElements int // empty list elements in a row (", ,"); default 16
	MaxWarnings      int // warnings kept by one lenient call; default 64
}

func pick(v, def int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return int(^uint(0) >> 1)
	}
	return v
}

func (l Limits) resolve() Limits {
	return Limits{
		MaxLineBytes:     pick(l.MaxLineBytes, DefaultMaxLineBytes),
		MaxChallenges:    pick(l.MaxChallenges, DefaultMaxChallenges),
		MaxParams:        pick(l.MaxParams, DefaultMaxParams),
		MaxEmptyElements: pick(l.MaxEmptyElements, DefaultMaxEmptyElements),
		MaxWarnings:      pick(l.MaxWarnings, DefaultMaxWarnings),
	}
}

// hasParam reports whether the current challenge (or list) has a parameter
// named name, ASCII case-insensitively (RFC 9110 section 11.2). Short lists
// are searched; past dupScan params a hash index keeps the check linear in
// the number of params, however high MaxParams is set and whatever the
// names: the hash is seeded per process (hash/maphash), so no set of names
// chosen in advance shares its buckets.
func (p *Parser) hasParam(name string, st *state) bool {
	list := (*p.list(st))[st.p0:]
	if len(list) < dupScan {
		for k := range list {
			if EqualFold(list[k].Name, name) {
				return true
			}
		}
		return false
	}
	if p.epoch == 0 {
		p.epoch = 1
	}
	if len(p.idx) < 2*len(list)+2 {
		// At most half full. Growing re-enters the list: amortized
		// constant time per parameter.
		n := 64
		for n < 4*len(list) {
			n *= 2
		}
		p.idx = make([]uint64, n)
		p.idxN = 0
	}
	mask := uint64(len(p.idx) - 1)
	tag := uint64(p.epoch) << 32
	for ; p.idxN < len(list); p.idxN++ {
		h := foldHash(list[p.idxN].Name) & mask
		for p.idx[h]&^0xFFFFFFFF == tag {
			p.probes++
			h = (h + 1) & mask
		}
		p.idx[h] = tag | uint64(p.idxN+1)
	}
	for h := foldHash(name) & mask; p.idx[h]&^0xFFFFFFFF == tag; h = (h + 1) & mask {
		p.probes++
		if EqualFold(list[uint32(p.idx[h])-1].Name, name) {
			return true
		}
	}
	return false
}

// dupScan is the number of params up to which duplicates are found by a
// plain scan.
const dupScan = 16

// resetIndex empties the duplicate index for a new parameter list, in
// constant time: the slots of an older epoch are empty.
func (p *Parser) resetIndex() {
	if p.idxN == 0 {
		return
	}
	p.idxN = 0
	p.epoch++
	if p.epoch == 0 {
		clear(p.idx)
		p.epoch = 1
	}
}

// dupSeed seeds the duplicate index's hash, once per process.
var dupSeed = maphash.MakeSeed()

// foldHash hashes the ASCII-lowercased bytes of s with dupSeed, so that
// names equal under EqualFold hash alike.
func foldHash(s string) uint64 {
	var buf [64]byte
	if len(s) <= len(buf) {
		return maphash.Bytes(dupSeed, lowerASCII(buf[:len(s)], s))
	}
	var h maphash.Hash
	h.SetSeed(dupSeed)
	for len(s) > 0 {
		n := copy(buf[:], s)
		h.Write(lowerASCII(buf[:n], s[:n]))
		s = s[n:]
	}
	return h.Sum64()
}

// lowerASCII writes s into dst (of the same length) with A-Z lowercased.
func lowerASCII(dst []byte, s string) []byte {
	for i := range dst {
		c := s[i]
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
	return dst
}
