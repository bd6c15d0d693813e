// Package header connects package httpauth to net/http's [http.Header].
//
// The field name constants are the keys http.Header stores
// ("Www-Authenticate"), so that h[header.WWWAuthenticate] reads and writes
// the one key net/http uses. Reading gathers every field line of a name,
// whatever the case of the map key: the canonical key first (what
// net/http's server and client build), then any other spelling put in the
// map directly, in sorted key order, each key's lines in order. The lines
// are then parsed as one list (RFC 9110 section 5.3). Reading the lines
// ([Values]) allocates nothing; parsing them allocates what the httpauth
// parse functions allocate, and nothing more.
//
// Writing puts each challenge on its own field line ([AddChallenges],
// [SetChallenges]), because several challenges on one line "might not be
// interoperable" (RFC 9110 section 11.6.1), and sets credentials and
// Authentication-Info on exactly one line ([SetCredentials], [SetParams]),
// always under the canonical key. Values are encoded by httpauth's
// encoders, which refuse anything that could split a header; nothing is
// written when one is refused. A write of up to 16 lines and 1 KiB
// allocates twice: one string that holds them and the field's slice.
//
// A proxy edits a received field with [SetParam] and [RemoveChallenge],
// which change one parameter or remove one challenge and leave every other
// byte as received. A client reads the challenges of a response with
// [ResponseChallenges] (401: WWW-Authenticate, 407: Proxy-Authenticate)
// and answers in the field [CredentialsField] names.
package header
