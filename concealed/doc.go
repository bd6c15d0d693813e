// Package concealed is a typed view of the Concealed HTTP authentication
// scheme (RFC 9729), built on the generic values of package httpauth.
//
// A client proves possession of a key without being prompted, and without
// revealing to a party that cannot check the proof that it authenticated.
// The Authorization value carries five parameters. RFC 9729's example,
// lines unwrapped, with its proof left out:
//
//	Authorization: Concealed k=YmFzZW1lbnQ, a=VGhpcyBpcyBh-HB1YmxpYyBrZXkgaW4gdXNl_GhlcmU, s=2055, v=dmVyaWZpY2F0aW9u_zE2Qg, p=…
//
// The parameters:
//
//   - k: key ID, a byte sequence naming the client's key;
//   - a: the public key the server checks the proof with, encoded as the
//     signature scheme defines;
//   - s: the signature scheme, an integer 0 to 65535 from the IANA TLS
//     SignatureScheme registry (2055 = 0x0807 is ed25519);
//   - v: verification bytes taken from the TLS key exporter output;
//   - p: the proof, a signature over data that includes the exporter
//     output.
//
// All five are required. The byte sequences are base64url, sent without
// padding: [ParseCredentials] decodes them padded or not, accepting only
// the one canonical encoding of the bytes, and [Credentials.Build] encodes
// them unpadded. Unknown parameters are ignored.
//
// Not done here: computing or checking the proof (the key exporter label
// and context and the signed data of RFC 9729 section 3), the
// Concealed-Auth-Export field for reverse proxies, and any challenge.
//
// [unverified], from memory of RFC 9729 rather than its text: the exact
// parameter descriptions above; that v is 16 bytes (not enforced here); the
// p value of the RFC's example, which is why the tests use their own; and
// whether the scheme defines a challenge at all (this package types none).
//
// # Errors
//
// Every error is a [*httpauth.SchemeError] naming the parameter at fault
// and never quoting a value. Credentials of another scheme wrap
// [httpauth.ErrOtherScheme], and a missing parameter
// [httpauth.ErrMissingParam].
//
// # Secrets
//
// [Credentials] mask the proof and the verification bytes (taken from the
// TLS key exporter) under every fmt verb, in encoding/json, encoding/xml
// and log/slog, and show the rest.
//
//	value                printed as
//	p, v                 [redacted] when set, empty when absent
//	k, a, s              shown: the key ID, the public key, the signature scheme
package concealed
