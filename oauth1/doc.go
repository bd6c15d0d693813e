// Package oauth1 is a typed view of the OAuth HTTP authentication scheme
// of OAuth 1.0 (RFC 5849 section 3.5.1), built on the generic values of
// package httpauth.
//
// A client sends its protocol parameters in the Authorization field, each
// value percent-encoded (RFC 5849 section 3.6) and quoted. RFC 5849
// section 3.5.1's example, on one line:
//
//	Authorization: OAuth realm="Example", oauth_consumer_key="0685bd9184jfhq22", oauth_token="ad180jjd733klru7", oauth_signature_method="HMAC-SHA1", oauth_signature="wOJIO9A2W5mFwDgiDvZbTSMK%2FPY%3D", oauth_timestamp="137131200", oauth_nonce="4572616e48616d6d65724c61686176", oauth_version="1.0"
//
// [ParseCredentials] reads the oauth_* parameters and percent-decodes
// their values; it requires oauth_consumer_key, oauth_signature_method and
// oauth_signature, and oauth_timestamp (a positive integer) and
// oauth_nonce unless the method is PLAINTEXT (RFC 5849 section 3.1);
// oauth_version, when sent, must be "1.0". Other oauth_* parameters are
// kept, decoded, in Extra; parameters without the prefix, but realm, are
// ignored.
//
// [Credentials.Build] gives an httpauth.Credentials with percent-encoded
// values. httpauth's encoder writes every value of OAuth credentials in
// double quotes, as RFC 5849 requires and servers rely on, so
// [httpauth.Credentials.Encode] of the result is the form of the example
// above.
//
// [PercentEncode] and [PercentDecode] implement section 3.6: every byte
// but ALPHA, DIGIT and "-._~" is encoded, with uppercase hex. Decoding
// accepts lowercase hex too, but refuses a byte that should have been
// encoded, a malformed escape, and a result that is not UTF-8.
//
// [BaseString] builds the signature base string (section 3.4.1),
// [SignHMACSHA1] and [SignPlaintext] sign it (sections 3.4.2 and 3.4.4), and
// [Credentials.Verify] checks a request's signature in constant time; the
// tests reproduce the base strings and signatures of RFC 5849 sections 1.2
// and 3.4.1.1. Not done here: RSA-SHA1, and the timestamp and nonce checks
// against replay.
//
// [unverified], from memory of RFC 5849 rather than its text: that realm is
// not percent-encoded (this package passes it through as is) and the
// challenge form `WWW-Authenticate: OAuth realm="…"`.
//
// # Errors
//
// Every error is a [*httpauth.SchemeError] naming the parameter at fault
// (as this package spells it, never as the input does) and never quoting a
// value. Credentials of another scheme wrap [httpauth.ErrOtherScheme], a
// missing required parameter [httpauth.ErrMissingParam], and a signature
// that does not match [httpauth.ErrVerification].
//
// # Secrets
//
// [Credentials] never print what lets someone act as the client: they mask
// it under every fmt verb, in encoding/json, encoding/xml and log/slog, and
// show the rest.
//
//	value                        printed as
//	oauth_signature              [redacted] (with PLAINTEXT it is the secrets themselves)
//	oauth_token, oauth_verifier  [redacted]
//	Extra                        [redacted]: other oauth_* parameters may hold anything
//	everything else              shown: realm, consumer key, method, timestamp, nonce, version, callback
//
// A [Challenge] holds no secret.
package oauth1
