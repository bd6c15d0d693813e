// Package digest implements the "Digest" HTTP authentication scheme of
// RFC 7616 on top of the generic values of package httpauth, following
// the scheme-package contract of the root package: typed [Challenge],
// [Credentials] and [Info] (Authentication-Info) read by [ParseChallenge],
// [ParseCredentials] and [ParseInfo] and written back by their Build
// methods; the client computation ([Challenge.Respond], checked by
// [Credentials.VerifyInfo]); and the server side ([Credentials.Verify],
// [Server]). Package client answers Digest challenges in an
// http.RoundTripper; package server offers them in a middleware.
//
// # Algorithms
//
// MD5, SHA-256 and SHA-512-256, each also as -sess (RFC 7616 section
// 3.4.2), with qop "auth" and "auth-int" (RFC 7616 section 3.4.3); a
// challenge without qop is answered the RFC 2069 way for old servers, but
// [Server] never accepts such an answer. [Select] picks, among several
// Digest challenges, the one with the strongest hash (SHA-512-256, then
// SHA-256, then MD5), the first listed on a tie.
//
// SHA-512-256 is FIPS 180-4 SHA-512/256 (crypto/sha512.New512_256), the
// function RFC 7616 names: it has its own initial hash values and is not
// SHA-512 cut short. The example of RFC 7616 section 3.9.2 does not match
// it: its printed userhash (488869477bf2…a254ec) and
// response (ae66e67d6b42…7a79dd) are what SHA-512 truncated to 256 bits
// gives (erratum 4897, status Reported). This package follows the
// normative text; with the section 3.9.2 inputs it computes userhash
// 793263caab…9b0b and response 3798d4131c…68a5. The tests check both
// readings.
//
// # Wire format
//
// Parameters are quoted exactly as RFC 7616 lists them: in challenges
// realm, domain, nonce, opaque and qop are quoted, stale, algorithm,
// charset and userhash are tokens; in credentials username, realm, uri,
// nonce, cnonce, response and opaque are quoted, algorithm, qop, nc and
// userhash are tokens (nc is 8 lowercase hex digits); in
// Authentication-Info nextnonce, rspauth and cnonce are quoted. The
// quoting itself is done by httpauth's encoder.
//
// The user name is sent as username; as username* holding an RFC 8187
// ext-value (RFC 7616 section 3.4.4) only when the plain form cannot carry
// it (non-ASCII bytes):
//
//	username*=UTF-8''J%C3%A4s%C3%B8n%20Doe
//
// or hashed when the challenge says userhash=true. Receiving both username
// and username* is an error, and so is a user name that holds a control
// character, sent plain or decoded from username*: it never reaches a
// [Server]'s callbacks.
//
// # Errors
//
// Every error is a [*httpauth.SchemeError] naming the parameter at fault
// and never quoting a value. Credentials that are well-formed but wrong
// wrap [httpauth.ErrVerification]; a value of another scheme wraps
// [httpauth.ErrOtherScheme]; a missing parameter wraps
// [httpauth.ErrMissingParam]; [ErrAlgorithm], [ErrQOP], [ErrNoCredentials]
// and [ErrStale] are the conditions of this scheme a caller branches on.
//
// # Secrets
//
// These values are secret; every type holding one prints it as
// "[redacted]" (or as empty when unset) under every fmt verb,
// encoding/json, encoding/xml and log/slog, and no error quotes it:
//
//	Credentials  Response, CNonce, Extra (parameters this package does not know),
//	             and the session H(A1) kept by Challenge.Respond
//	Input        Password, CNonce, Body
//	Info         Rspauth, CNonce
//	Result       the H(A1) of the user (Credentials print as above)
//	*Server      its nonce key (only its settings print)
//
// What stays visible, so that logs remain useful: user names, realm, uri,
// algorithm, nonce, nextnonce, nc, qop, opaque, userhash.
//
// # Server-side security
//
// Responses and rspauth are compared in constant time (crypto/subtle).
// [Server] issues stateless nonces (timestamp, algorithm, random bytes,
// HMAC-SHA-256 under a per-Server random key): a nonce is accepted only
// with the algorithm of the challenge it came in, so a client cannot answer
// a SHA-256 challenge's nonce with MD5. It refuses a nonce count it has
// already seen for a nonce, answers an expired nonce with [ErrStale], and
// remembers counts in a store that costs O(1) amortized per request and
// holds at most [Server].MaxNonces nonces at any request rate.
package digest
