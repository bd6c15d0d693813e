//go:build unix

package httpauth_test

import (
	"syscall"
	"time"
)

// processCPUTime returns the user and system CPU time of the process so
// far, so that a benchmark can report work rather than wall-clock time,
// which other processes on a shared machine distort.
func processCPUTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
