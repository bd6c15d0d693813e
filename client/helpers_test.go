package client_test

import "github.com/authwire/httpauth"

// challengeOf parses one challenge for a test.
func challengeOf(line string) httpauth.Challenge { return httpauth.MustParseChallenge(line) }
