// Package client answers HTTP authentication challenges: it chooses, among
// the challenges of a 401 or 407 response, the one its credentials answer
// most strongly, computes the credentials ([Choose], [Respond]), and does
// both inside an http.RoundTripper ([Transport]) for origin servers and
// proxies.
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
// # Where credentials go
//
// [Credentials] name the origins (scheme, host, port) they may be sent to.
// [Transport] answers a challenge only from one of those origins, or, for
// proxy credentials, from one of the proxies named; a 401 after a redirect
// to another host, or from http after https, is returned unanswered. Basic
// sends the password and Bearer the token in a form anyone on the path can
// read and use: over cleartext they are sent only with Cleartext set.
//
// # Bearer
//
// A [TokenSource] supplies the token for a Bearer challenge; [Registry] is
// the one for the token flow of container registries (realm, service and
// scope lead to a token endpoint, then the request is sent again with the
// token), with the scopes of several challenges merged.
//
// # Secrets
//
// Passwords, tokens, token sources, request bodies and cnonces are
// secret: [Credentials], [Request], [Answer] and [*Transport] print them as
// "[redacted]" (or empty when unset) under every fmt verb, encoding/json,
// encoding/xml and log/slog, and no error of this package quotes them.
// Origins, user names, schemes and the values of challenges stay visible.
package client
