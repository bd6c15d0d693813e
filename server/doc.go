// Package server is an HTTP middleware that asks for authentication: it
// offers several challenges at once (for example Digest SHA-256, Digest
// MD5 and Basic, in that order of preference), authenticates whichever one
// the client answers against one credential source, and hands the
// authenticated [Identity] to the next handler.
//
//	auth := &server.Auth{
//		Realm:    "example",
//		Offers:   []server.Offer{server.DigestSHA256, server.DigestMD5, server.Basic},
//		Password: func(ctx context.Context, user string) (string, bool) { ... },
//	}
//	http.Handle("/", auth.Wrap(handler))
//
// Digest is verified by a [digest.Server]: its nonces are bound to the
// algorithm of the challenge they came in and its replay store is bounded.
// Basic sends the password as it is: offer it over TLS only.
// Nothing of this package holds a secret beyond the callbacks it is given.
package server
