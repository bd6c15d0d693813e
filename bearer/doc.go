// Package bearer implements the "Bearer" HTTP authentication scheme of
// RFC 6750, the "DPoP" scheme of RFC 9449 section 7.1, and the
// resource_metadata parameter that RFC 9728 section 5.1 adds to both.
//
// Credentials are a single b64token (RFC 6750 section 2.1), which has the
// syntax of token68:
//
//	b64token    = 1*( ALPHA / DIGIT /
//	                  "-" / "." / "_" / "~" / "+" / "/" ) *"="
//	credentials = "Bearer" 1*SP b64token
//
// A [Challenge] types the attributes of RFC 6750 section 3 (realm, scope,
// error, error_description, error_uri), those of RFC 9449 (algs and the
// error codes use_dpop_nonce and invalid_dpop_proof) and RFC 9728's
// resource_metadata. Unknown attributes are kept in Challenge.Extra.
//
// # Character rules
//
// RFC 6750 section 3 restricts the attribute values:
//
//	scope             = scope-token *( SP scope-token )
//	scope-token       = 1*( %x21 / %x23-5B / %x5D-7E )
//	error             = 1*( %x20-21 / %x23-5B / %x5D-7E )
//	error_description = 1*( %x20-21 / %x23-5B / %x5D-7E )
//	error_uri         = URI-reference, in %x21 / %x23-5B / %x5D-7E
//
// so `"` and `\` never occur, nor anything outside printable ASCII.
// [Challenge.Build] refuses values that break these rules; algs tokens and
// resource_metadata follow the scope-token and error_uri rules. Parsing
// is liberal: [ParseChallenge] keeps what the generic parser accepted, and
// building a received challenge tells whether it follows the rules.
//
// # Contract
//
// The package follows the root package's "Scheme packages" section:
// [ParseChallenge] and [ParseCredentials] read typed values from parsed
// ones, [Challenge.Build] and [Credentials.Build] write them back, and
// every error is a *httpauth.SchemeError, reported under the scheme of the
// value (Bearer or DPoP). A value of another scheme wraps
// httpauth.ErrOtherScheme; a builder's refusal of a character wraps
// [ErrCharset] and names the attribute. Errors never quote a value.
//
// # Secrets
//
// What a value prints under every fmt verb, encoding/json, encoding/xml
// and log/slog:
//
//	value         shown     secret (prints [redacted] when set)
//	Challenge     all       none
//	Credentials   Scheme    Token
//
// So fmt.Sprint(Credentials{Scheme: "Bearer", Token: "mF_9.B5f-4.1JqM"})
// is "{Bearer [redacted]}".
package bearer
