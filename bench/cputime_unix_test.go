//go:build unix

package bench

import (
	"syscall"
	"time"
)

// processCPUTime is the user+system CPU time of the whole process (the
// garbage collector's workers included). A loaded machine inflates it far
// less than the wall clock: time spent waiting for a core is not counted.
func processCPUTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
