// Package httpauth parses and writes the HTTP authentication fields of
// RFC 9110 section 11: WWW-Authenticate and Proxy-Authenticate
// (challenges), Authorization and Proxy-Authorization (credentials), and
// Authentication-Info and Proxy-Authentication-Info (parameter lists).
//
// It is written for HTTP clients that answer 401 and 407 responses, for
// servers and middleware that read Authorization, for proxies and gateways
// that parse these fields on every request, and for fuzzing campaigns: it
// is correct on every input, does not allocate on its hot path, never
// panics, and never writes a header that could split a response or prints a
// password into a log.
//
//	cs, err := httpauth.ParseChallenges(resp.Header.Values("Www-Authenticate")...)
//	c, err := httpauth.ParseCredentials(req.Header.Get("Authorization"))
//	b, err := httpauth.AppendChallenge(nil, httpauth.Challenge{Scheme: "Basic",
//		Params: httpauth.Params{{Name: "realm", Value: "simple"}}})
//
// Scheme packages under this module (basic, bearer, digest, ...) build typed
// views on these values; this package never imports them.
//
// # Grammar
//
// The fields follow RFC 9110 sections 5.6 and 11:
//
//	WWW-Authenticate    = #challenge
//	Authorization       = credentials
//	Authentication-Info = #auth-param
//	challenge     = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//	credentials   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//	auth-scheme   = token
//	auth-param    = token BWS "=" BWS ( token / quoted-string )
//	token68       = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
//	token         = 1*tchar
//	quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
//	quoted-pair   = "\" ( HTAB / SP / VCHAR / obs-text )
//
// Where the RFC leaves a choice, the parser decides as follows.
//
//   - Several field lines are one list, parsed as if joined by ", " (the
//     joined string is never built); errors name the line and the byte
//     offset in it ([SyntaxError]).
//   - Inside a list, an element "token BWS =" is a parameter of the current
//     challenge; any other token starts a new challenge. So
//     `Basic realm="a", Bearer, Digest nonce="x"` is three challenges.
//   - After the scheme and its space, text that is a token68 up to the next
//     comma is a token68 (`Basic abc=`, `Negotiate YII==`); otherwise it
//     is a parameter list (`Basic abc=def`). A token68 is never followed by
//     parameters.
//   - Empty list elements are skipped (`Basic , realm="x"` is Basic with a
//     realm), up to a limit; `Basic, realm="x"` is an error: the comma
//     closed the challenge.
//   - Schemes and parameter names compare ASCII case-insensitively
//     ([EqualFold]) and are kept as written. A name twice in one challenge
//     is an error ([ErrDuplicateParam]).
//   - A quoted-string value is returned without its quotes and
//     quoted-pairs, HTTP's way: `"a\nb"` is "anb". Control characters other
//     than HTAB are errors anywhere; bytes %x80-FF only inside
//     quoted-strings.
//   - An empty field is no challenges and no error; an empty Authorization
//     value is an error ([ErrEmpty]). Authorization holds exactly one
//     credentials value.
//   - Leading and trailing whitespace of a line is ignored; between the
//     scheme and its data at least one SP is required; BWS around "=" is
//     accepted.
//   - On an error, [ParseChallenges] returns the challenges completed before
//     it, so a client can still answer the one it understands.
//   - An error's offset is the first byte that cannot continue the field;
//     a control character, or a byte of %x80-FF outside a quoted-string, is
//     reported where it stands, with its class as the reason, also when the
//     parser read it ahead to tell a token68 from a parameter or a
//     parameter from a new scheme.
//
// # Strict and lenient mode
//
// Parsing is strict by default: what RFC 9110 does not allow is a
// [*SyntaxError]. A [Parser] with Lenient set reads what real servers and
// clients send instead, recovers what the sender meant, and reports each
// deviation as a [Warning] with line, offset, kind and message: unquoted
// values with delimiters or spaces (AWS Signature V4's
// `Credential=AK/20130524/...`, `JWT realm=gin jwt`), `;` or HTAB after the
// scheme, a comma right after the scheme, duplicate parameters (the first
// wins), a missing comma between parameters, an unterminated quoted-string
// at the end of the line, obs-fold (a line break followed by whitespace)
// read as one space, and a malformed challenge, which is skipped so that
// parsing goes on with the next one. Recovery keeps what is complete: a
// malformed parameter is skipped alone, the challenge keeps the parameters
// before and after it (`Bearer realm="https://auth.example/token",service=`
// is Bearer with its realm); a token68 followed or preceded by parameters
// stays a token68, never a parameter named after it; credentials whose
// data is neither a token68 nor a parameter list (`SharedKey
// account:signature`) are read whole as an opaque value in Token68, which
// the encoder refuses since it is not a token68. Strict mode does none of
// this: a challenge cut at a fault may miss what its sender meant, so only
// the challenges complete before an error are returned with it. Each
// recovery has a [WarningKind],
// documented with an example; a Parser whose Allow field holds a set of
// kinds ([Kinds]) makes those recoveries only and reports the other
// deviations as strict mode does. Recovery runs only where the strict
// grammar fails: an input strict mode accepts is read the same, without
// warnings. Limits are never relaxed, credentials are never skipped (which
// part of a malformed Authorization value a server uses is how smuggled
// credentials get through), and warnings are bounded by
// Limits.MaxWarnings.
//
// # Encoding
//
// [AppendChallenge], [AppendCredentials] and [AppendParams] write the
// canonical form: the scheme, one SP, then the token68 or the parameters
// joined by ", ", each value as a token when it is one and as a
// quoted-string otherwise (escaping only `"` and `\`). Realm and the
// parameters that scheme specifications require quoted are always quoted
// ([DefaultQuote]); an [Encoder] takes other rules through its Quote hook.
// They refuse, and write nothing, a scheme or name that is not a token, a
// malformed token68, and any value holding CR, LF, NUL or another control
// character: nothing they write can split a header. Each refusal is an
// [*EncodeError] naming the parameter (never its value) and a reason that
// errors.Is matches ([ErrControl], [ErrNonASCII], ...). Non-ASCII values
// are refused too unless [Encoder.AllowObsText] is set; send them as RFC
// 8187 ext-values ([ExtParam], [EncodeExtValue], [DecodeExtValue]). A
// parameter whose name ends in "*" takes only a valid ext-value, written
// unquoted.
//
// A proxy that changes a received WWW-Authenticate field uses an [Editor]:
// it sets one parameter or removes one challenge and leaves every other
// byte of the field as it was, where parsing and encoding would write the
// whole field anew.
//
// Whatever the encoder accepts parses back to the same value. The encoding
// of anything strict parsing accepts is a fixed point of parse-then-encode,
// except for a "*" parameter whose value is not an ext-value (strict
// parsing accepts any value there; the encoder refuses it with
// [ErrExtValue]). Since strict parsing accepts obs-text inside
// quoted-strings, that second property holds with AllowObsText set, which
// is how the fuzz targets and the command-line tool's canon encode.
//
// # Allocation
//
// The [Lexer] never allocates. A reused [Parser] appending into reused
// destinations ([Parser.ParseChallenges], [Parser.ParseCredentials],
// [Parser.ParseParams]) allocates nothing, except one string for each
// quoted value that holds a quoted-pair (or, in lenient mode, an obs-fold).
// [ParseChallenges] allocates once whatever the number of challenges and
// parameters the default [Limits] allow (they share one block; twice past
// them), [ParseCredentials] once for
// parameters and never for a token68, [ParseParams] once, none of them when
// there is nothing to return, plus the same per-escape strings. The
// encoders allocate nothing when dst has room. Strings in parse results are
// substrings of the input, so they keep it alive; copy them (strings.Clone)
// to keep a small part of a large input. TestNoAllocs pins each of these
// counts exactly.
//
// Most fields are read by a fast path that handles their common shapes
// (schemes, token68, "name=value" parameters, ", " separators, several
// lines) in one loop and hands anything else to the full grammar; the two
// give the same results (FuzzFastPath).
//
// # Limits
//
// Every parse is bounded by [Limits], checked before the work they bound:
// 16 KiB per field line, 64 challenges per field, 256 parameters per
// challenge and 16 empty list elements in a row by default. Passing one is
// an error wrapping [ErrLimit], never a silent truncation. A lenient parse
// keeps at most 64 warnings by default and ends the list with one of kind
// [WarnDropped] that counts the others. Parsing is linear in the input: no
// byte is looked at more than a small constant number of times.
//
// # Scheme packages
//
// Each scheme package (basic, bearer, digest, negotiate, hoba, mutual,
// scram, vapid, oauth1, privatetoken, concealed, gnap, hawk, aws4) has the
// same shape, built on the values of this package:
//
//   - Scheme is the auth-scheme name as registered (const Scheme = "Digest").
//
//   - ParseChallenge(httpauth.Challenge) (Challenge, error),
//     ParseCredentials(httpauth.Credentials) (Credentials, error) and, where
//     the scheme defines Authentication-Info, ParseInfo(httpauth.Params)
//     (Info, error) read the typed value from a parsed one.
//
//   - Challenge.Build() (httpauth.Challenge, error), Credentials.Build()
//     (httpauth.Credentials, error) and Info.Build() (httpauth.Params, error)
//     turn a typed value back into one this package encodes; they check what
//     the scheme requires and report what they refuse.
//
//   - Verify functions and methods return nil or an error; credentials that
//     are well-formed but wrong wrap [ErrVerification].
//
//   - Every error is a [*SchemeError] naming the parameter at fault.
//
// A value of another scheme wraps [ErrOtherScheme], so a client tries each
// challenge in turn:
//
//	for _, c := range challenges {
//		d, err := digest.ParseChallenge(c)
//		if errors.Is(err, httpauth.ErrOtherScheme) {
//			continue
//		}
//		...
//	}
//
// A test of the module (internal/contract) holds every scheme package to
// this shape, so that a new one cannot drift.
//
// # Secrets
//
// A [Credentials] value prints its scheme and what is not secret, with
// "[redacted]" in place of the rest, on every route to a log: String,
// GoString, every fmt verb, encoding/json, encoding/xml and log/slog (text
// and JSON handlers). A token68 is always secret. The parameters below are
// shown by name, with their value or "[redacted]"; any other parameter,
// and every parameter of a scheme not listed, prints as "[redacted]", name
// included, because a value that is not a token68 (`Bearer
// sk_live_51Hx=Qq9`) parses as a parameter named after the start of the
// secret. What is shown names who asks and how (user names, key and
// session identifiers, nonces, algorithms); what is hidden proves it or
// grants access (tokens, signatures, MACs, verifiers, the data of a
// handshake). Schemes and names compare ASCII case-insensitively.
//
//	scheme            value shown                              value hidden
//	Digest            username username* realm uri algorithm   response cnonce
//	                  qop nc nonce opaque userhash
//	OAuth             realm oauth_consumer_key                 oauth_token oauth_signature
//	                  oauth_signature_method oauth_timestamp   oauth_verifier oauth_body_hash
//	                  oauth_nonce oauth_version oauth_callback oauth_session_handle
//	Hawk              id ts nonce hash app dlg                 mac ext
//	AWS4-HMAC-SHA256  Credential SignedHeaders                 Signature
//	Mutual            version algorithm validation auth-scope  vkc
//	                  realm user sid kc1 nc
//	SCRAM-SHA-1,      realm sid sr ttl                         data
//	SCRAM-SHA-256
//	vapid             k                                        t
//	Concealed         k a s                                    p v
//	HOBA                                                       result
//	PrivateToken                                               token
//
// The scheme is shown when it is a token, except an unknown scheme with
// nothing after it: a bare secret in an Authorization field parses as
// one. Basic, Bearer, DPoP, GNAP, Negotiate and NTLM credentials are a
// token68 and define no parameter.
//
// The other packages of the module keep the same promise for every
// exported type that holds a secret (passwords, tokens, proofs, keys,
// clients and servers): each documents what it shows and what it hides,
// and a test of the module (internal/contract) enumerates every exported
// type of every package, plants a secret in each secret field and checks
// every route above, so that a new type cannot forget.
//
// Secrets also go only where they were meant to: package client sends
// credentials only to the origins (scheme, host and port) or proxies they
// were given for, never after a redirect elsewhere, answers Basic only when
// nothing stronger is offered, and sends a password or token over
// cleartext http only when the caller allows it.
//
// Errors carry offsets and reasons, never the input: a [*SyntaxError]
// never quotes it, and the [*EncodeError] of credentials names a
// parameter only if the table shows it. Two fmt verbs print a value from
// its fields without calling any of its methods, so they are outside this
// promise: %p on a value that is not a pointer, and %w outside
// fmt.Errorf; go vet reports both.
package httpauth
