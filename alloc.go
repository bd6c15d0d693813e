package httpauth

// The one allocation of ParseChallenges holds the challenges and all their
// parameters: a struct of two arrays, of the smallest of these sizes that
// fits (at most four times what is needed, and within the default limits:
// 64 challenges, 64 x 256 parameters). Each size is a pair of named array
// types so that a generic function can slice them.

type cs1 [1]Challenge

func (a *cs1) slice(n int) []Challenge { return a[:n:n] }

type cs2 [2]Challenge

func (a *cs2) slice(n int) []Challenge { return a[:n:n] }

type cs4 [4]Challenge

func (a *cs4) slice(n int) []Challenge { return a[:n:n] }

type cs8 [8]Challenge

func (a *cs8) slice(n int) []Challenge { return a[:n:n] }

type cs16 [16]Challenge

func (a *cs16) slice(n int) []Challenge { return a[:n:n] }

type cs32 [32]Challenge

func (a *cs32) slice(n int) []Challenge { return a[:n:n] }

type cs64 [64]Challenge

func (a *cs64) slice(n int) []Challenge { return a[:n:n] }

type ps0 [0]Param

func (a *ps0) slice(n int) []Param { return a[:n:n] }

type ps4 [4]Param

func (a *ps4) slice(n int) []Param { return a[:n:n] }

type ps16 [16]Param

func (a *ps16) slice(n int) []Param { return a[:n:n] }

type ps64 [64]Param

func (a *ps64) slice(n int) []Param { return a[:n:n] }

type ps256 [256]Param

func (a *ps256) slice(n int) []Param { return a[:n:n] }

type ps1024 [1024]Param

func (a *ps1024) slice(n int) []Param { return a[:n:n] }

type ps4096 [4096]Param

func (a *ps4096) slice(n int) []Param { return a[:n:n] }

type ps16384 [16384]Param

func (a *ps16384) slice(n int) []Param { return a[:n:n] }

// carve allocates a block of C challenges and P params once and returns
// the first k and n of them.
func carve[C any, PC interface {
	*C
	slice(int) []Challenge
}, P any, PP interface {
	*P
	slice(int) []Param
}](k, n int) ([]Challenge, []Param) {
	b := new(struct {
		c C
		p P
	})
	return PC(&b.c).slice(k), PP(&b.p).slice(n)
}

// carvers[i][j] allocates ckSizes[i] challenges and cnSizes[j] params.
var carvers = [7][8]func(k, n int) ([]Challenge, []Param){
	{carve[cs1, *cs1, ps0, *ps0], carve[cs1, *cs1, ps4, *ps4], carve[cs1, *cs1, ps16, *ps16], carve[cs1, *cs1, ps64, *ps64], carve[cs1, *cs1, ps256, *ps256], carve[cs1, *cs1, ps1024, *ps1024], carve[cs1, *cs1, ps4096, *ps4096], carve[cs1, *cs1, ps16384, *ps16384]},
	{carve[cs2, *cs2, ps0, *ps0], carve[cs2, *cs2, ps4, *ps4], carve[cs2, *cs2, ps16, *ps16], carve[cs2, *cs2, ps64, *ps64], carve[cs2, *cs2, ps256, *ps256], carve[cs2, *cs2, ps1024, *ps1024], carve[cs2, *cs2, ps4096, *ps4096], carve[cs2, *cs2, ps16384, *ps16384]},
	{carve[cs4, *cs4, ps0, *ps0], carve[cs4, *cs4, ps4, *ps4], carve[cs4, *cs4, ps16, *ps16], carve[cs4, *cs4, ps64, *ps64], carve[cs4, *cs4, ps256, *ps256], carve[cs4, *cs4, ps1024, *ps1024], carve[cs4, *cs4, ps4096, *ps4096], carve[cs4, *cs4, ps16384, *ps16384]},
	{carve[cs8, *cs8, ps0, *ps0], carve[cs8, *cs8, ps4, *ps4], carve[cs8, *cs8, ps16, *ps16], carve[cs8, *cs8, ps64, *ps64], carve[cs8, *cs8, ps256, *ps256], carve[cs8, *cs8, ps1024, *ps1024], carve[cs8, *cs8, ps4096, *ps4096], carve[cs8, *cs8, ps16384, *ps16384]},
	{carve[cs16, *cs16, ps0, *ps0], carve[cs16, *cs16, ps4, *ps4], carve[cs16, *cs16, ps16, *ps16], carve[cs16, *cs16, ps64, *ps64], carve[cs16, *cs16, ps256, *ps256], carve[cs16, *cs16, ps1024, *ps1024], carve[cs16, *cs16, ps4096, *ps4096], carve[cs16, *cs16, ps16384, *ps16384]},
	{carve[cs32, *cs32, ps0, *ps0], carve[cs32, *cs32, ps4, *ps4], carve[cs32, *cs32, ps16, *ps16], carve[cs32, *cs32, ps64, *ps64], carve[cs32, *cs32, ps256, *ps256], carve[cs32, *cs32, ps1024, *ps1024], carve[cs32, *cs32, ps4096, *ps4096], carve[cs32, *cs32, ps16384, *ps16384]},
	{carve[cs64, *cs64, ps0, *ps0], carve[cs64, *cs64, ps4, *ps4], carve[cs64, *cs64, ps16, *ps16], carve[cs64, *cs64, ps64, *ps64], carve[cs64, *cs64, ps256, *ps256], carve[cs64, *cs64, ps1024, *ps1024], carve[cs64, *cs64, ps4096, *ps4096], carve[cs64, *cs64, ps16384, *ps16384]},
}

var (
	ckSizes = [...]int{1, 2, 4, 8, 16, 32, 64}
	cnSizes = [...]int{0, 4, 16, 64, 256, 1024, 4096, 16384}
)

// carveFor returns k challenges and n params from one allocation, or from
// two when they pass the largest sizes (limits above the defaults).
func carveFor(k, n int) ([]Challenge, []Param) {
	i, j := 0, 0
	for i < len(ckSizes) && ckSizes[i] < k {
		i++
	}
	for j < len(cnSizes) && cnSizes[j] < n {
		j++
	}
	if i == len(ckSizes) || j == len(cnSizes) {
		return make([]Challenge, k), make([]Param, n)
	}
	return carvers[i][j](k, n)
}
