//go:build !race

package header_test

const raceEnabled = false
