// Package basic implements the "Basic" HTTP authentication scheme of
// RFC 7617 on top of the generic values of package httpauth, following the
// contract of the root package's "Scheme packages" section.
//
// A server sends a [Challenge] (realm, and optionally charset="UTF-8") in
// WWW-Authenticate; a client answers with [Credentials]: the user-id and
// password joined by ":" and base64-encoded into a token68.
//
//	WWW-Authenticate: Basic realm="WallyWorld"
//	Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==
//
// [ParseChallenge] and [ParseCredentials] read the typed values from
// parsed ones, [Challenge.Build] and [Credentials.Build] write them back,
// [Challenge.Respond] answers a challenge and [Credentials.Verify] checks
// a pair. Every error is a *httpauth.SchemeError; a value of another
// scheme wraps httpauth.ErrOtherScheme, and [ErrColon], [ErrCTL] and
// [ErrUTF8] name what a caller may branch on. Errors never quote the
// credentials.
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
// When decoding, the token68 must be the canonical standard base64 of its
// bytes (RFC 4648 sections 3.5 and 4: with padding, zero pad bits, no line
// breaks), so that `YTpiYw==` is read and `YTpiYx==`, which lax decoders
// read as the same pair, is refused; the decoded text must hold a ":", and
// control characters in it are refused. On every Authorization value that
// both accept, [ParseCredentials] agrees with net/http's
// Request.BasicAuth.
//
// # Servers
//
// [Credentials.Verify] compares a user-id and a password with expected
// ones in time that does not depend on where they differ (crypto/subtle,
// over SHA-256 digests so that the lengths do not leak either).
//
// # Secrets
//
// What a value prints under every fmt verb, encoding/json, encoding/xml
// and log/slog:
//
//	value                 shown     secret (prints [redacted] when set)
//	Challenge             all       none
//	Credentials           UserID    Password
//
// So fmt.Sprint(Credentials{UserID: "Aladdin", Password: "open sesame"})
// is "{Aladdin [redacted]}".
package basic
