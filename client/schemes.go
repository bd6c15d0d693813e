package client

// The calls into packages basic and bearer, kept in this one file.

import (
	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/bearer"
)

// parseBasic reads a Basic challenge.
func parseBasic(g httpauth.Challenge) (basic.Challenge, bool) {
	c, err := basic.ParseChallenge(g)
	return c, err == nil
}

// answerBasic returns the Basic credentials answering c.
func answerBasic(c basic.Challenge, user, password string) (httpauth.Credentials, error) {
	cr, err := c.Respond(user, password)
	if err != nil {
		return httpauth.Credentials{}, err
	}
	return cr.Build()
}

// parseBearer reads a Bearer challenge (not DPoP, which needs a proof this
// package does not make).
func parseBearer(g httpauth.Challenge) (bearer.Challenge, bool) {
	if !g.Is(bearer.Scheme) {
		return bearer.Challenge{}, false
	}
	c, err := bearer.ParseChallenge(g)
	return c, err == nil
}

// answerBearer returns `Bearer <token>`; it refuses a token that is not a
// b64token.
func answerBearer(token string) (httpauth.Credentials, error) {
	return bearer.Credentials{Token: token}.Build()
}
