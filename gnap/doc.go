// Package gnap is a typed view of the GNAP HTTP authentication scheme
// (Grant Negotiation and Authorization Protocol, RFC 9635), built on the
// generic values of package httpauth.
//
// A client presents a GNAP access token as a token68 (RFC 9635 section
// 7.2):
//
//	Authorization: GNAP OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0
//
// Key-bound tokens also need a proof of possession (for example HTTP
// Message Signatures) in other header fields; that is outside this
// package.
//
// A resource server that wants a token tells the client where its
// authorization server's grant endpoint is (RS-first discovery):
//
//	WWW-Authenticate: GNAP as_uri="https://as.example/tx", access=FWWIKYBQ6U56NL1
//
// as_uri is required and must be an absolute URI; access, an opaque access
// reference the client can pass on to the AS, is optional. RFC 9635's own
// example writes as_uri unquoted, which RFC 9110 does not allow (":" and
// "/" are not token characters): a strict parser rejects it, httpauth's
// lenient mode reads it with a warning, and [Challenge.Build] writes it
// quoted.
//
// [unverified], from memory of RFC 9635 rather than its text: the name of
// the access parameter and the section that defines the challenge (the
// IANA registry points at section 7.2). A "referrer" parameter is not
// typed: this package could not confirm that RFC 9635 defines one, and
// unknown parameters are ignored.
//
// # Contract
//
// The package follows the root package's "Scheme packages" section:
// [ParseChallenge] and [ParseCredentials] read typed values from parsed
// ones, [Challenge.Build] and [Credentials.Build] write them back, and
// every error is a *httpauth.SchemeError naming the parameter at fault: a
// value of another scheme wraps httpauth.ErrOtherScheme, a missing as_uri
// httpauth.ErrMissingParam. Errors never quote a value.
//
// # Secrets
//
// What a value prints under every fmt verb, encoding/json, encoding/xml
// and log/slog:
//
//	value         shown     secret (prints [redacted] when set)
//	Challenge     all       none: the access reference names the access wanted, it grants none
//	Credentials   nothing   Token
//
// So fmt.Sprint(Credentials{Token: "OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0"})
// is "{[redacted]}".
package gnap
