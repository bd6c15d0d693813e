package httpauth

import "hash/maphash"

// The duplicate-name checks of the parser (hasParam) and of the encoder
// (firstDuplicate): RFC 9110 section 11.2 forbids a parameter name twice in
// one challenge or credentials, compared ASCII case-insensitively. Both
// compare pairs while a list is short and use a hash table past that, with
// one hash, foldHash, seeded per process, so that the check stays linear in
// the input whatever names an attacker chooses.

// hasParam reports whether the current challenge (or list) has a parameter
// named name, ASCII case-insensitively (RFC 9110 section 11.2). Short lists
// are searched; past dupScan params a hash index keeps the check linear in
// the number of params, however high MaxParams is set and whatever the
// names: the hash is seeded per process (hash/maphash), so no set of names
// chosen in advance shares its buckets.
func (p *Parser) hasParam(name string, st *state) bool {
	list := (*p.list(st))[st.p0:]
	if len(list) < dupScan {
		return list.Has(name)
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

// firstDuplicate returns the index of the first parameter of ps whose name
// equals an earlier one ASCII case-insensitively, or -1. Its cost is linear
// in the length of the names, whatever they are: a short list compares the
// pairs, a longer one fills a hash table keyed by foldHash, which no set of
// names can be chosen to collide in. It
// allocates only for lists longer than maxStackDup.
func firstDuplicate(ps Params) int {
	if len(ps) <= 8 {
		for i := 1; i < len(ps); i++ {
			for k := 0; k < i; k++ {
				if EqualFold(ps[k].Name, ps[i].Name) {
					return i
				}
			}
		}
		return -1
	}
	// Open addressing with linear probing, at most half full; a slot
	// holds a parameter index + 1, 0 when empty.
	size := 32
	for size < 2*len(ps) {
		size <<= 1
	}
	var stack [2 * maxStackDup]int32
	var slots []int32
	if size <= len(stack) {
		slots = stack[:size]
	} else {
		slots = make([]int32, size)
	}
	mask := uint64(size - 1)
	for i := range ps {
		name := ps[i].Name
		for h := foldHash(name) & mask; ; h = (h + 1) & mask {
			if dupProbeHook != nil {
				dupProbeHook()
			}
			k := slots[h]
			if k == 0 {
				slots[h] = int32(i + 1)
				break
			}
			if EqualFold(ps[k-1].Name, name) {
				return i
			}
		}
	}
	return -1
}

// dupProbeHook, when a test sets it, is called for every slot that
// firstDuplicate looks at in its table: the work that must stay linear.
var dupProbeHook func()

// maxStackDup is the longest list whose duplicate check needs no
// allocation: the parser's default limit of parameters.
const maxStackDup = DefaultMaxParams
