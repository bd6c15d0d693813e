// Package fuzzgen generates values of the HTTP authentication fields of
// RFC 9110 section 11 (WWW-Authenticate, Authorization,
// Authentication-Info and their Proxy- twins), each with an oracle: what a
// strict RFC 9110 parser must return for it. It is for fuzzing other
// software, HTTP servers, proxies and clients whose authentication
// parsing is hand-written, so that a campaign can assert results, not
// only watch for crashes.
//
// A [Generator] draws every choice from a source: the bytes of a fuzzer's
// input ([FromBytes]), so that it can be the body of another module's
// f.Fuzz or of a libFuzzer harness, or a seeded pseudo-random sequence
// ([New]) for repeatable batches. The same source gives the same cases.
//
//	func FuzzMyParser(f *testing.F) {
//		f.Fuzz(func(t *testing.T, data []byte) {
//			c := fuzzgen.FromBytes(data).Next()
//			got, err := myparser.Parse(c.Lines)
//			if c.Err != nil && err == nil {
//				t.Fatalf("%q: accepted, a strict parser rejects it at offset %d", c.Lines, c.Err.Offset)
//			}
//			...
//		})
//	}
//
// # Modes
//
// [Valid] values cover the whole grammar: several challenges and field
// lines, token68, quoted-strings with every kind of quoted-pair and
// obs-text, BWS around "=", OWS, empty list elements, RFC 8187
// ext-values, schemes and names in any case, and the default limits of
// [httpauth.Limits] reached exactly.
//
// [NearValid] values hold exactly one deviation of a kind that real
// senders make: one per [httpauth.WarningKind] that a lenient
// [httpauth.Parser] recovers from (an obs-fold, HTAB or ";" after the
// scheme, a missing comma, an unquoted value with a space, a duplicate, a
// malformed challenge between good ones, a malformed parameter inside a
// challenge, credentials whose data is neither a token68 nor parameters,
// ...), and for [httpauth.WarnDropped] more such deviations than the
// parser keeps warnings for. Running them through a target maps its
// leniency kind by kind.
//
// [Hostile] values are built to break parsers: every control character
// and every byte %x80-FF at any position (outside quoted-strings, where
// obs-text is allowed), header-splitting CR LF sequences, each default
// limit passed by one, long runs of backslashes, quotes and commas,
// quoted-strings left open or closed by an escaped quote, duplicate
// parameters, and elements where the grammar has no room for them.
//
// # The oracle
//
// The oracle is computed from what the generator built (the values it
// chose, the place where it put the fault), never by running a parser.
// This package's tests hold httpauth's parser to it on every mode, field
// and deviation, and a fuzz target does so on whatever the fuzzer finds.
//
// What it promises, for the default limits:
//
//   - A Valid case is accepted by a strict parser that follows RFC 9110
//     and the rulings of httpauth's package documentation (token68 against
//     parameters, empty elements, several lines as one list), with
//     exactly the values of the case: schemes and names as written,
//     values without their quotes and quoted-pairs, in order.
//   - A Hostile or NearValid case is rejected by such a parser. Err is
//     where httpauth reports the first error: the line, and the byte
//     offset where the text stops matching the grammar, which is the
//     offending byte except where the grammar has already read the text
//     before it as something else (a token68 that turns out to be a
//     parameter name, a name that turns out to be a second credentials, a
//     parameter with no value, HTAB after a scheme); a control character
//     or a byte %x80-FF outside a quoted-string is reported at its own
//     offset. Err also gives the class of error (syntax, limit,
//     duplicate, empty).
//   - A NearValid case is accepted by httpauth's lenient Parser, with
//     warnings of exactly the kinds of Warnings, in order.
//
// What it does not promise:
//
//   - Another parser's error offsets. A parser may rightly reject a value
//     and point elsewhere; compare offsets only with parsers that follow
//     httpauth's convention.
//   - The challenges a parser returns together with an error (httpauth
//     returns those complete before it; the oracle says nothing about
//     them), nor the values a lenient parser recovers.
//   - Anything about a scheme's own rules: a Basic token68 that is not
//     base64, a Digest challenge without a nonce are valid RFC 9110
//     values, and the oracle says so.
//   - That a lenient parser is wrong: a near-valid value is one a strict
//     parser must reject; accepting it is a choice, which the deviation's
//     name documents.
//   - The same cases from the same seed after the generator changes.
//
// # Golden cases
//
// [Golden] returns the project's hand-written cases (each a file of the
// repository's testdata, whose expected result was written and reviewed
// by hand from the RFCs) in the same shape, for seed corpora and
// conformance runs.
package fuzzgen
