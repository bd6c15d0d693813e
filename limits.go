package httpauth

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
