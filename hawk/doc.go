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
// [ParseAuthorization] requires id, ts (an integer), nonce and mac, and
// reads hash, ext, app and dlg; [ParseServerAuthorization] requires mac and
// reads hash and ext. mac and hash must be standard base64. Other
// parameters are ignored. Values must be printable ASCII without `"` and
// `\` (the set the reference implementation accepts).
//
// Hawk implementations expect every value in double quotes, which
// httpauth's generic encoder does not do for token values: use
// [Authorization.Encode] and [ServerAuthorization.Encode] to write a
// header; Build gives the generic value (valid RFC 9110, but quoted only
// where needed).
//
// [Authorization.ComputeMAC] and [Authorization.VerifyMAC] compute and
// check (in constant time) the request MAC over the normalized string
// "hawk.1.header\n…", [ServerAuthorization.ComputeMAC] and VerifyMAC the
// response MAC, and [PayloadHash] the hash parameter; the README's MAC and
// payload examples are the tests. Not done here: the replay checks (clock
// skew and nonce cache), bewit (URL) authorization, and the
// WWW-Authenticate challenge with ts and tsm. Errors are [*Error] values,
// which name the parameter at fault and never quote its value.
//
// [unverified]: the exact list and order of Server-Authorization
// parameters (mac, hash, ext) comes from memory of the reference
// implementation.
package hawk
