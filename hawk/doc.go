// Package hawk is a typed view of the Hawk HTTP authentication scheme,
// built on the generic values of package httpauth. Hawk is not an RFC and
// not in the IANA registry; this package follows the hueniverse/hawk
// README (the scheme's specification).
//
// A client signs a request with a MAC over its method, URI, host, port, a
// timestamp, a nonce and optionally a payload hash:
//
//	Authorization: Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="
//
// and the server may authenticate its response the same way:
//
//	Server-Authorization: Hawk mac="…", hash="…", ext="…"
//
// [ParseCredentials] requires id, ts (an integer), nonce and mac, and
// reads hash, ext, app and dlg; [ParseServerAuthorization] requires mac and
// reads hash and ext. mac and hash must be padded standard base64 in its
// one canonical form. Other parameters are ignored. Values must be
// printable ASCII without `"` and `\` (the set the reference
// implementation accepts).
//
// dlg (the application that delegated access) is refused without app: the
// normalized string covers app and dlg only together, so a dlg sent alone
// would not be authenticated and anyone could add one to a valid header.
//
// Build gives the generic value; httpauth's encoder writes every Hawk
// value in double quotes, as Hawk implementations expect, so
// [httpauth.Credentials.Encode] of it is the header above.
//
// [Credentials.ComputeMAC] and [Credentials.Verify] compute and check (in
// constant time) the request MAC over the normalized string
// "hawk.1.header\n…", [ServerAuthorization.ComputeMAC] and
// [ServerAuthorization.Verify] the response MAC, and [PayloadHash] the
// hash parameter; the README's MAC and payload examples are the tests.
// Not done here: the replay checks (clock skew and nonce cache), bewit
// (URL) authorization, and the WWW-Authenticate challenge with ts and tsm.
//
// [unverified]: the exact list and order of Server-Authorization
// parameters (mac, hash, ext) comes from memory of the reference
// implementation.
//
// # Errors
//
// Every error is a [*httpauth.SchemeError] naming the parameter at fault
// and never quoting a value. A value of another scheme wraps
// [httpauth.ErrOtherScheme], a missing required parameter
// [httpauth.ErrMissingParam], and a MAC that does not match
// [httpauth.ErrVerification]. The functions that take a hash constructor
// refuse one that is nil, returns nil or returns the same value twice
// (crypto/hmac panics on it).
//
// # Secrets
//
// [Credentials] and [ServerAuthorization] mask the MAC and the application
// data under every fmt verb, in encoding/json, encoding/xml and log/slog,
// and show the rest.
//
//	value            printed as
//	mac              [redacted] when set, empty when absent
//	ext              [redacted]: application data may hold anything
//	everything else  shown: id, ts, nonce, hash, app, dlg
//
// A [Request] holds no secret.
package hawk
