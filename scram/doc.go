// Package scram is a typed view of the SCRAM-SHA-1 and SCRAM-SHA-256 HTTP
// authentication schemes (RFC 7804), built on the generic values of
// package httpauth.
//
// SCRAM (RFC 5802) runs over HTTP as a series of 401 responses and
// retried requests; each step carries one SCRAM message, base64-encoded,
// in the data parameter, and the server names the exchange with sid. RFC
// 7804 section 5's example, each value on one line:
//
//	WWW-Authenticate: SCRAM-SHA-256 realm="testrealm@example.com"
//	Authorization: SCRAM-SHA-256 realm="testrealm@example.com", data=biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8K
//	WWW-Authenticate: SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data=cj1yT3ByTkdm…
//	Authorization: SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data=Yz1iaXdzLHI9…
//	Authentication-Info: sid=AAAABBBBCCCCDDDD, data=dj02cnJpVFJC…
//
// The RFC writes padded base64 (ending in "=") unquoted, which RFC 9110
// does not allow: a strict parser rejects those lines, httpauth's lenient
// mode reads them with a warning, and httpauth's encoder quotes such
// values.
//
// [ParseChallenge] reads realm, data, sid and the reauthentication
// parameters sr (server nonce) and ttl (seconds); none is required, since
// the first challenge may carry only a realm. [ParseCredentials] and
// [ParseInfo] (Authentication-Info) require data. data must be standard
// base64, padded or not, in its one canonical form (zero pad bits, no line
// breaks); DecodeData returns the SCRAM message. Unknown parameters are
// ignored. Build methods produce values for httpauth's encoder.
//
// The mechanism itself (RFC 5802) is here too, without channel binding:
// [Client] builds the client messages and checks the server signature,
// [ParseClientFirst], [ServerFirst], [NewKeys] and [VerifyClientFinal] are
// the server side, and [ParseAttrs] splits a message into its attributes.
// The RFC 5802 (SHA-1) and RFC 7677 (SHA-256) example exchanges are the
// tests. The functions that take a hash constructor check it first: one
// that is nil, returns nil or returns the same value twice is an error,
// and so are stored keys made with another hash than the one given to
// VerifyClientFinal. Not done here: channel binding (SCRAM-SHA-256-PLUS), SASLprep of
// passwords (callers normalize non-ASCII passwords first), and the sid
// bookkeeping of RFC 7804's reauthentication.
//
// [unverified], from memory of RFC 7804 rather than its text: the names
// and meaning of sr and ttl (section 5.1, one round trip
// reauthentication); the example values above decode to the RFC 7677
// SCRAM-SHA-256 messages (each with a trailing newline, as printed).
//
// # Errors
//
// Every error is a [*httpauth.SchemeError] naming the scheme (SCRAM-SHA-1
// or SCRAM-SHA-256: the one matched, or for the mechanism the one whose
// hash has the size given) and the parameter at fault, never quoting a
// value. A value of another scheme wraps [httpauth.ErrOtherScheme], a
// missing data [httpauth.ErrMissingParam], and a client proof, nonce or
// server signature that does not match [httpauth.ErrVerification].
//
// # Secrets
//
// The client proof and the server signature allow offline guessing of the
// password, and the stored keys stand in for it, so none of them prints:
// the types below mask them under every fmt verb, in encoding/json,
// encoding/xml and log/slog, and show the rest.
//
//	value                            printed as
//	Credentials.Data, Info.Data      [redacted] when set, empty when absent
//	Client.Password                  [redacted]; the keys a Client derives are not printed
//	Keys.StoredKey, Keys.ServerKey   [redacted]
//	Attr.Value of p= and v=          [redacted]; other attributes shown
//	everything else                  shown: scheme, realm, sid, user, nonce, salt, iterations
//
// A [Challenge] holds no secret (its data is the server-first message: a
// nonce, the salt and the iteration count) and prints as a plain struct.
package scram
