// Package mutual is a typed view of the Mutual HTTP authentication scheme
// (Mutual Authentication Protocol for HTTP, RFC 8120, Experimental), built
// on the generic values of package httpauth.
//
// Mutual runs a password-authenticated key exchange (the algorithms are in
// RFC 8121, named like iso-kam3-dl-2048-sha256) over these messages:
//
//	401-INIT    WWW-Authenticate: Mutual version=1, algorithm=…, validation=…, realm="…", reason=initial
//	req-KEX-C1  Authorization: Mutual version=1, algorithm=…, validation=…, realm="…", user="…", kc1="…"
//	401-KEX-S1  WWW-Authenticate: Mutual version=1, algorithm=…, validation=…, realm="…", sid=…, ks1="…", nc-max=…, nc-window=…, time=…, path="…"
//	req-VFY-C   Authorization: Mutual version=1, algorithm=…, validation=…, realm="…", sid=…, nc=…, vkc="…"
//	200-VFY-S   Authentication-Info: version=1, sid=…, vks="…"
//
// Each parameter occurs at most once and unknown ones are ignored (kept in
// Extra). In responses, reason, ks# (ks1, ks2, …) and vks are mutually
// exclusive; in requests, kc# and vkc are. This package enforces those
// rules: a [Challenge] has exactly one of reason and ks#, [Credentials]
// exactly one of kc# and vkc, and an [Info] has vks and neither of the
// others. The [Challenge.Kind] and [Credentials.Kind] methods name the
// message.
//
// Values are checked by type: version must be 1; nc, nc-max, nc-window and
// time are non-negative decimal integers; sid is hex with an even number
// of digits; kc1, ks1, vkc and vks are padded standard base64 in its one
// canonical form (zero pad bits, no line breaks; the Decode* methods
// return the bytes). Also required: algorithm and validation in challenges and
// credentials, user with kc1, sid with ks1, vkc and vks, and nc with vkc.
//
// Not done here: the key exchange and verifier computations (RFC 8121) and
// the Optional-WWW-Authenticate field (RFC 8053).
//
// [unverified], from memory of RFC 8120 rather than its text: the
// parameter list (this package reads version, algorithm, validation,
// realm, user, sid, nc, nc-max, nc-window, time, path and reason, ks#,
// vks, kc#, vkc; auth-scope, which the RFC may also define, is kept in
// Extra); which
// parameters each message requires (the requirements above are the
// minimum this package enforces); whether 200-VFY-S carries version; and
// the case of sid's hex digits (both cases are accepted).
//
// # Errors
//
// Every error is a [*httpauth.SchemeError] naming the parameter at fault
// (as this package spells it, never as the input does) and never quoting a
// value. A challenge or credentials of another scheme wraps
// [httpauth.ErrOtherScheme], and a missing required parameter
// [httpauth.ErrMissingParam].
//
// # Secrets
//
// The verifiers prove knowledge of the password, so they never print:
// [Credentials] and [Info] mask them under every fmt verb, in
// encoding/json, encoding/xml and log/slog. What helps to debug an
// exchange stays visible.
//
//	value                       printed as
//	vkc, vks                    [redacted] when set, empty when absent
//	Extra (Credentials, Info)   [redacted] when set: unknown parameters may hold anything
//	kc1, ks1                    shown: public key-exchange values
//	all other values            shown: algorithm, validation, realm, user, sid, nc, ...
//
// A [Challenge] holds no secret and prints as a plain struct.
package mutual
