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
// (padded or not, in canonical form; a padded value is quoted by
// httpauth's encoder, as RFC 9577 asks). [DecodeTokenChallenge] reads the
// TokenChallenge structure (section 2.1.1). [ParseCredentials] requires
// token; [TokenType] reads the first field of a decoded token. Build
// methods produce values for httpauth's encoder; base64.URLEncoding
// encodes the values they take.
//
// # Contract
//
// The package follows the root package's "Scheme packages" section: every
// error is a *httpauth.SchemeError naming the parameter at fault; a value
// of another scheme wraps httpauth.ErrOtherScheme, a missing challenge,
// token-key or token httpauth.ErrMissingParam. Errors never quote a
// value.
//
// Not typed: the Token structure after its type (its lengths depend on the
// token type, RFC 9578) and the issuance protocols.
//
// [unverified] against the RFC text, from memory: that realm may be sent,
// that token-key is required, and that redemption_context is 0 or 32
// bytes.
//
// # Secrets
//
// What a value prints under every fmt verb, encoding/json, encoding/xml
// and log/slog:
//
//	value            shown     secret (prints [redacted] when set)
//	Challenge        all       none: the server sends it to anyone
//	TokenChallenge   all       none: it travels in the challenge
//	Credentials      nothing   Token
//
// So fmt.Sprint(Credentials{Token: "AAJOTk5O"}) is "{[redacted]}".
package privatetoken
