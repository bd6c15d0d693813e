//go:build !unix

package httpauth_test

import "time"

// processCPUTime is not available here; BenchmarkLinear then reports only
// wall-clock time.
func processCPUTime() (time.Duration, bool) { return 0, false }
