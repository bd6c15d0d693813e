// Package basic implements the "Basic" HTTP authentication scheme of
// RFC 7617 on top of the generic values of package httpauth.
//
// A server sends a [Challenge] (realm, and optionally charset="UTF-8") in
// WWW-Authenticate; a client answers with [Credentials]: the user-id and
// password joined by ":" and base64-encoded into a token68.
//
//	WWW-Authenticate: Basic realm="WallyWorld"
//	Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==
//
// # Rules enforced
//
// When encoding, a user-id holding ":" is refused (the first colon splits
// the pair, RFC 7617 section 2), and so is a control character (%x00-1F or
// %x7F) in the user-id or the password. When the challenge says
// charset="UTF-8", both must also be valid UTF-8. RFC 7617 section 2.1 asks
// clients to normalize them (PRECIS UsernameCasePreserved and OpaqueString,
// which imply Unicode NFC) first; this package does not normalize, so pass
// normalized strings. Without a charset the octets are sent as given, as
// net/http does.
//
// When decoding, the token68 must be standard base64 (RFC 4648 section 4,
// with padding) and the decoded text must hold a ":"; control characters in
// the result are refused. On every Authorization value that both accept,
// [ParseCredentials] agrees with net/http's Request.BasicAuth.
//
// # Servers
//
// [Credentials.Verify] compares a user-id and a password with expected ones
// in time that does not depend on where they differ (crypto/subtle, over
// SHA-256 digests so that the lengths do not leak either).
//
// [Credentials] never prints its password: String, GoString, Format and
// LogValue redact it.
package basic
