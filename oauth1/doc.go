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
// Two encodings are offered. [Credentials.Build] gives an
// httpauth.Credentials with percent-encoded values, which httpauth's
// encoder writes as tokens where it can (valid RFC 9110). RFC 5849 itself
// requires every value in double quotes, and servers rely on it, so
// [Credentials.Encode] writes that exact form, as in the example above.
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
// against replay. Errors are [*Error] values, which name the parameter at
// fault and never quote its value.
//
// [unverified], from memory of RFC 5849 rather than its text: that realm is
// not percent-encoded (this package passes it through as is) and the
// challenge form `WWW-Authenticate: OAuth realm="…"`.
package oauth1
