//go:build !race

package httpauth_test

const raceEnabled = false
