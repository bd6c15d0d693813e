// Package header connects package httpauth to net/http's [http.Header].
//
// Reading gathers every field line of a name, whatever the case of the map
// key: the canonical key first (what net/http's server and client build),
// then any non-canonical spelling that was put in the map directly, in
// sorted key order, each key's lines in order. The lines are then parsed
// as one list (RFC 9110 section 5.3).
//
// Writing puts each challenge on its own field line (Add), because several
// challenges on one line "might not be interoperable" (RFC 9110 section
// 11.6.1), and sets credentials and Authentication-Info on exactly one line
// (Set). Values are encoded by httpauth's encoders, which refuse anything
// that could split a header; nothing is written when one is refused.
package header
