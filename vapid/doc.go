// Package vapid is a typed view of the vapid HTTP authentication scheme
// (Voluntary Application Server Identification for Web Push, RFC 8292
// section 3), built on the generic values of package httpauth.
//
// An application server identifies itself to a push service with a signed
// JWT and its public key:
//
//	Authorization: vapid t=eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NiJ9.eyJhdWQiOi…, k=BA1Hxzyi…
//
// [ParseCredentials] requires both parameters. t is split into its three
// base64url segments (header, payload, signature) by [ParseJWT]; k must
// decode (base64url) to an uncompressed P-256 public key: 65 bytes
// starting with 0x04, and a point on the curve ([DecodeKey]). Base64url
// must be canonical (zero pad bits, no line breaks). Other parameters,
// realm included, are ignored, as RFC 8292 says. [Credentials.Build]
// produces the value for httpauth's encoder.
//
// The challenge is the bare scheme name (`WWW-Authenticate: vapid`);
// [ParseChallenge] only checks the scheme. RFC 8292 forbids the scheme in
// Proxy-Authenticate and Proxy-Authorization.
//
// [Credentials.Verify] checks the JWT's ES256 signature with the key. Not
// done here: checking the claims against the push resource and the clock;
// [JWT.Claims] reads aud, exp and sub for that.
//
// # Contract
//
// The package follows the root package's "Scheme packages" section: every
// error is a *httpauth.SchemeError naming the parameter at fault (t or
// k); a value of another scheme wraps httpauth.ErrOtherScheme, a missing
// t or k httpauth.ErrMissingParam, and a signature that does not verify
// httpauth.ErrVerification. Errors never quote a value.
//
// # Secrets
//
// What a value prints under every fmt verb, encoding/json, encoding/xml
// and log/slog:
//
//	value         shown                              secret (prints [redacted] when set)
//	Challenge     all (it has no fields)             none
//	Claims        all                                none
//	JWT           Header, Payload                    Signature
//	Credentials   its Token, as above; Key as k      the Token's Signature
//
// The header and payload stay visible so that a log shows the claims; a
// JWT without its signature authorizes nothing. [JWT.Value] returns the
// wire form, signature included.
package vapid
