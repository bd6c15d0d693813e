package httpauth

// CountDupProbes returns the number of hash-table slots the encoder's
// duplicate check looks at while f runs.
func CountDupProbes(f func()) int {
	n := 0
	dupProbeHook = func() { n++ }
	defer func() { dupProbeHook = nil }()
	f()
	return n
}
