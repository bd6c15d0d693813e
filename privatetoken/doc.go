// Package privatetoken is a typed view of the PrivateToken HTTP
// authentication scheme (Privacy Pass, RFC 9577 section 2), built on the
// generic values of package httpauth.
//
// A server challenges with a TokenChallenge and the issuer's token key,
// both base64url, one challenge per acceptable issuer or token type:
//
//	WWW-Authenticate: PrivateToken challenge="abc...", token-key="123...",
//	                  PrivateToken challenge="def...", token-key="234..."
//
// and the client redeems a token:
//
//	Authorization: PrivateToken token="abc..."
//
// (RFC 9577 section 2.1 and 2.2, with placeholder values.)
// [ParseChallenge] requires challenge and token-key, reads the optional
// max-age and realm, and checks that challenge and token-key are base64url
// (padded or not; a padded value is quoted by httpauth's encoder, as RFC
// 9577 asks). [DecodeTokenChallenge] reads the TokenChallenge structure
// (section 2.1.1). [ParseCredentials] requires token; [TokenType] reads the
// first field of a decoded token. Build methods produce values for
// httpauth's encoder. Errors are [*Error] values, which name the parameter
// at fault and never quote its value.
//
// Not typed: the Token structure after its type (its lengths depend on the
// token type, RFC 9578) and the issuance protocols.
//
// [unverified] against the RFC text, from memory: that realm may be sent,
// that token-key is required, and that redemption_context is 0 or 32
// bytes.
package privatetoken
