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
// [ParseChallenge] requires challenge and max-age (a non-negative integer)
// and reads the optional realm; [ParseCredentials] requires result and
// splits it into its four parts, each of which must be non-empty base64url
// without padding. Build methods produce values for httpauth's encoder.
// Errors are [*Error] values; they name the parameter at fault and never
// quote its value.
//
// Not typed: the signature computation (RFC 7486 section 2, the
// to-be-signed blob) and the HOBA registration and logout URLs under
// .well-known/hoba.
//
// [unverified] points, checked against memory of RFC 7486 rather than its
// text: that max-age is required (MDN's example always sends it), that the
// challenge and every result part are base64url without padding, and that
// the nonce part may not be empty.
package hoba
