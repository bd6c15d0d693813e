// Package hoba is a typed view of the HOBA HTTP authentication scheme
// (HTTP Origin-Bound Authentication, RFC 7486 section 3), built on the
// generic values of package httpauth.
//
// A server challenges with a fresh challenge string and the number of
// seconds a response to it is accepted:
//
//	WWW-Authenticate: HOBA max-age="180", challenge="…"
//
// and the client answers with the signed result, four base64url strings
// joined by dots:
//
//	Authorization: HOBA result="kid.challenge.nonce.sig"
//
// [ParseChallenge] requires challenge and max-age (1*DIGIT) and reads the
// optional realm; [ParseCredentials] requires result and splits it into
// its four parts ([ParseResult]), each of which must be non-empty
// base64url without padding, in canonical form. [Challenge.Build] and
// [Credentials.Build] produce values for httpauth's encoder.
//
// # Contract
//
// The package follows the root package's "Scheme packages" section: every
// error is a *httpauth.SchemeError naming the parameter at fault; a value
// of another scheme wraps httpauth.ErrOtherScheme, a missing challenge,
// max-age or result httpauth.ErrMissingParam. Errors never quote a value.
//
// Not typed: the signature computation (RFC 7486 section 2, the
// to-be-signed blob) and the HOBA registration and logout URLs under
// .well-known/hoba.
//
// [unverified] points, checked against memory of RFC 7486 rather than its
// text: that max-age is required (MDN's example always sends it), that the
// challenge and every result part are base64url without padding, and that
// the nonce part may not be empty.
//
// # Secrets
//
// What a value prints under every fmt verb, encoding/json, encoding/xml
// and log/slog:
//
//	value         shown                         secret (prints [redacted] when set)
//	Challenge     all                           none: the server sends it to anyone
//	Result        KID, Challenge, Nonce         Signature
//	Credentials   its Result, as above          the Result's Signature
//
// So fmt.Sprint(Result{KID: "a2lk", Challenge: "MTIz", Nonce: "bm9u",
// Signature: "c2ln"}) is "{a2lk MTIz bm9u [redacted]}". [Result.Value]
// returns the wire form, signature included.
package hoba
