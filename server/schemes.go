package server

// The calls into packages basic and bearer, kept in this one file.

import (
	"context"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/internal/scheme"
)

// verifyBasic checks Basic credentials against the password source. The
// password is compared in constant time, and a user the source does not
// know costs the same comparison.
func verifyBasic(ctx context.Context, g httpauth.Credentials, password func(context.Context, string) (string, bool)) (string, error) {
	c, err := basic.ParseCredentials(g)
	if err != nil {
		return "", err
	}
	pw, known := password(ctx, c.UserID)
	if c.Verify(c.UserID, pw) != nil || !known {
		return "", scheme.Err(basic.Scheme, "", httpauth.ErrVerification)
	}
	return c.UserID, nil
}

// verifyBearer checks a Bearer token with the token source.
func verifyBearer(ctx context.Context, g httpauth.Credentials, check func(context.Context, string) (string, bool)) (string, error) {
	c, err := bearer.ParseCredentials(g)
	if err != nil {
		return "", err
	}
	user, ok := check(ctx, c.Token)
	if !ok {
		return "", scheme.Err(bearer.Scheme, "", httpauth.ErrVerification)
	}
	return user, nil
}

// basicChallenge is the Basic challenge of realm, asking for UTF-8 (RFC
// 7617 section 2.1).
func basicChallenge(realm string) (httpauth.Challenge, error) {
	return basic.Challenge{Realm: realm, Charset: "UTF-8"}.Build()
}

// bearerChallenge is the Bearer challenge of realm, with
// error="invalid_token" after a refused token (RFC 6750 section 3.1).
func bearerChallenge(realm string, invalid bool) (httpauth.Challenge, error) {
	c := bearer.Challenge{Realm: realm}
	if invalid {
		c.Error = bearer.InvalidToken
	}
	return c.Build()
}
