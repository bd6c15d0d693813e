// Package negotiate is a typed view of the Negotiate (RFC 4559) and NTLM
// HTTP authentication schemes, built on the generic values of package
// httpauth.
//
// Both schemes carry one opaque token68: base64 of a GSS-API token
// (usually SPNEGO, RFC 4178) for Negotiate, of an NTLM message
// ([MS-NLMP]) for NTLM. The first challenge a server sends has no data:
//
//	WWW-Authenticate: Negotiate
//	Authorization: Negotiate a87421000492aa874209af8bc028
//	WWW-Authenticate: Negotiate 749efa7b23409c20b92356
//
// (RFC 4559 section 5). The last line is sent on a successful response to
// finish mutual authentication.
//
// RFC 4559 section 4 writes the data as a list (`1#gssapi-data`); in
// practice every implementation sends exactly one token68, and so does this
// package. The IANA registry notes that Negotiate is connection-oriented,
// against HTTP semantics: a client must keep the whole exchange on one
// connection.
//
// NTLM is not in the IANA registry; its HTTP binding ([MS-NTHT]) uses the
// same shape as Negotiate. [MessageType] reads the type of an NTLM message
// (NEGOTIATE 1, CHALLENGE 2, AUTHENTICATE 3) from the decoded token, which
// also tells a raw NTLM token apart from SPNEGO under the Negotiate scheme.
//
// # Contract
//
// The package follows the root package's "Scheme packages" section:
// [ParseChallenge] and [ParseCredentials] check the scheme name (ASCII
// case-insensitively) and the token68, [Challenge.Build] and
// [Credentials.Build] produce values for httpauth's encoder, and
// DecodeToken decodes the base64. Every error is a *httpauth.SchemeError
// reported under the value's scheme (Negotiate or NTLM); a value of
// another scheme wraps httpauth.ErrOtherScheme. Errors never quote the
// token.
//
// # Secrets
//
// What a value prints under every fmt verb, encoding/json, encoding/xml
// and log/slog:
//
//	value         shown     secret (prints [redacted] when set)
//	Challenge     all       none: the server sends it to anyone
//	Credentials   Scheme    Token
//
// So fmt.Sprint(Credentials{Scheme: "NTLM", Token: "TlRMTVNTUAABAAAA"})
// is "{NTLM [redacted]}".
package negotiate
