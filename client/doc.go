// Package client answers HTTP authentication challenges: it chooses, among
// the challenges of a 401 or 407 response, the one its credentials answer
// most strongly, and computes the credentials ([Choose], [Respond]).
//
// # Choosing
//
// [Choose] ranks what the caller can answer: Bearer with a token source,
// then Digest by the strength of its algorithm (RFC 7616 section 3.7:
// SHA-512-256, SHA-256, MD5), then Basic, last, only when nothing
// stronger can be answered and, over cleartext http, only when the
// [Credentials] allow Cleartext. [Respond] chooses and answers in one call,
// for a program that prints or sends an Authorization value itself:
//
//	a, err := client.Respond(ctx, challenges, client.Credentials{Username: "u", Password: "p"},
//		client.Request{Method: "GET", URI: "/dir/index.html", Secure: true})
//	value, err := a.Credentials.Encode()
//
// # Secrets
//
// Passwords, tokens, token sources, request bodies and cnonces are
// secret: [Credentials], [Request] and [Answer] print them as
// "[redacted]" (or empty when unset) under every fmt verb, encoding/json,
// encoding/xml and log/slog, and no error of this package quotes them.
// Origins, user names, schemes and the values of challenges stay visible.
//
// [Credentials].Origins name the origins (scheme, host, port) the
// credentials may be sent to; Choose does not read them: whoever sends the
// request binds credentials to origins first.
package client
