package fuzzgen

import "math/rand/v2"

// A source makes every choice of a Generator.
type source interface {
	// intn returns a number in [0, n), n > 0.
	intn(n int) int
}

// byteSource draws each choice from the bytes of a fuzzer's input, one or
// more bytes per choice. When the bytes run out every choice is 0, which
// the generator reads as the simplest option, so that a short input gives
// a short value and the fuzzer's mutations of a byte change one choice.
type byteSource struct {
	data []byte
	i    int
}

func (s *byteSource) next() uint32 {
	if s.i >= len(s.data) {
		return 0
	}
	c := s.data[s.i]
	s.i++
	return uint32(c)
}

func (s *byteSource) intn(n int) int {
	if n <= 1 {
		return 0
	}
	v := s.next()
	if n > 1<<8 {
		v = v<<8 | s.next()
	}
	if n > 1<<16 {
		v = v<<8 | s.next()
		v = v<<8 | s.next()
	}
	return int(v % uint32(n))
}

// randSource draws each choice from a PCG generator.
type randSource struct{ r *rand.Rand }

func (s randSource) intn(n int) int {
	if n <= 1 {
		return 0
	}
	return s.r.IntN(n)
}
