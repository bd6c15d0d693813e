package httpauth

import "strconv"

// Warning describes one deviation from the strict grammar that a lenient
// [Parser] recovered from. Line and Offset locate it as in [SyntaxError];
// Message says, for a person, what was wrong and what was read instead. Like
// errors, warnings never quote the input.
type Warning struct {
	Kind    WarningKind
	Line    int
	Offset  int
	Message string // Kind.String(), a constant
	// Err is, for a skipped challenge or parameter, the syntax error that
	// strict mode reports there (a constant, like Message); nil otherwise.
	Err error
}

// Warnings returns the warnings of the last call of p, in input order: at
// most Limits.MaxWarnings, then, if more were found, one of kind
// WarnDropped. The slice is owned by p and valid until its next call. It
// is empty in strict mode.
func (p *Parser) Warnings() []Warning { return p.warns }

// warn records a warning, keeping the list in (line, offset) order: a
// warning about an earlier byte may be found after one about a later byte.
// Past Limits.MaxWarnings, warnings are only counted (see WarnDropped).
func (p *Parser) warn(st *state, off int, k WarningKind) { p.warnErr(st, off, k, nil) }

func (p *Parser) warnErr(st *state, off int, k WarningKind, err error) {
	if len(p.warns) >= st.lim.MaxWarnings {
		if st.dropped == 0 {
			st.dropLn, st.dropOff = st.ln, off
		}
		st.dropped++
		return
	}
	w := Warning{Kind: k, Line: st.ln, Offset: off, Message: k.String(), Err: err}
	p.warns = append(p.warns, w)
	j := len(p.warns) - 1
	for j > 0 && p.warns[j-1].Line == w.Line && p.warns[j-1].Offset > off {
		p.warns[j] = p.warns[j-1]
		j--
	}
	p.warns[j] = w
}

// endWarnings adds, when warnings were dropped, the WarnDropped warning
// that ends the list, where the first dropped one was (or after the last
// one kept, to keep the list in order).
func (p *Parser) endWarnings(st *state) {
	if st.dropped == 0 {
		return
	}
	w := Warning{Kind: WarnDropped, Line: st.dropLn, Offset: st.dropOff, Message: WarnDropped.String(), Err: droppedWarnings(st.dropped)}
	if n := len(p.warns); n > 0 {
		if last := p.warns[n-1]; last.Line > w.Line || (last.Line == w.Line && last.Offset > w.Offset) {
			w.Line, w.Offset = last.Line, last.Offset
		}
	}
	p.warns = append(p.warns, w)
}

// droppedWarnings is the Err of a WarnDropped warning: how many warnings
// were dropped. It wraps ErrLimit.
type droppedWarnings int

func (n droppedWarnings) Error() string {
	return strconv.Itoa(int(n)) + " more dropped (Limits.MaxWarnings)"
}

func (droppedWarnings) Unwrap() error { return ErrLimit }

// WarningKind names a deviation from RFC 9110 that a [Parser] can recover
// from, and the recovery. Each kind has one constant message
// ([WarningKind.String]): recovering never allocates. Each constant's
// documentation shows a field value with the deviation and what is read.
type WarningKind uint8

// The recoveries of lenient mode, one kind each.
const (
	// WarnObsFold: a line break followed by whitespace (obs-fold, RFC 9112
	// section 5.2) where OWS may stand or inside a quoted-string, read as
	// one SP: "Digest realm=\"x\",\r\n nonce=\"y\"" is Digest with realm
	// and nonce, and "realm=\"a\r\n b\"" has the value "a b".
	WarnObsFold WarningKind = iota + 1
	// WarnTabAfterScheme: HTAB between the auth-scheme and its data, read
	// as a space: "Basic\trealm=\"x\"" is Basic with realm x.
	WarnTabAfterScheme
	// WarnSemicolonAfterScheme: ";" right after the auth-scheme, read as a
	// space: `Basic; realm="x"` is Basic with realm x.
	WarnSemicolonAfterScheme
	// WarnCommaAfterScheme: "," right after the auth-scheme; the
	// parameters after it belong to that challenge: `Basic, realm="x"` is
	// Basic with realm x (strictly, the comma closes Basic).
	WarnCommaAfterScheme
	// WarnUnterminatedQuote: a quoted-string that runs to the end of the
	// line, closed there: `Basic realm="x` has the realm x.
	WarnUnterminatedQuote
	// WarnLooseValue: an unquoted value holding characters outside token,
	// read up to the next "," or space: AWS Signature V4's
	// `Credential=AKID/20150830/us-east-1/iam/aws4_request` has that
	// value.
	WarnLooseValue
	// WarnSpaceInValue: an unquoted value holding spaces, read up to the
	// next ",": `JWT realm=gin jwt` has the realm "gin jwt".
	WarnSpaceInValue
	// WarnMissingComma: no "," between two parameters: `a=1 b=2` is two
	// parameters.
	WarnMissingComma
	// WarnMissingCommaScheme: no "," before a new challenge:
	// `Basic realm="x" Bearer realm="y"` is two challenges.
	WarnMissingCommaScheme
	// WarnSemicolonSeparator: ";" between parameters, read as ",":
	// `Basic realm="x"; charset=UTF-8` has realm and charset.
	WarnSemicolonSeparator
	// WarnDuplicateParam: a parameter name that occurred before in the
	// same challenge or list (ASCII case-insensitively), dropped: the first
	// one wins, `realm="a", realm="b"` is realm a. Credentials keep
	// rejecting duplicates.
	WarnDuplicateParam
	// WarnSingleQuotes: an unquoted value in single quotes, read without
	// them: `Basic realm='Secure Area'` has the realm "Secure Area". It
	// comes with WarnSpaceInValue when the value holds a space.
	WarnSingleQuotes
	// WarnSkippedChallenge: a malformed challenge (its scheme, or data
	// after it that is neither a token68 nor a parameter list), skipped
	// with the parameters that follow it up to the next auth-scheme:
	// `Basic realm="x", Foo bar baz, Bearer` is Basic and Bearer. Err is
	// the syntax error strict mode reports there.
	WarnSkippedChallenge
	// WarnSkippedParam: a malformed parameter of a challenge or an
	// Authentication-Info list, or text where a comma must be, skipped up
	// to the next comma; the parameters before and after it are kept:
	// `Bearer realm="https://auth.example/token",service=` is Bearer with
	// its realm, `qop=auth, =x, nc=00000001` is qop and nc. Err is the
	// syntax error strict mode reports there.
	WarnSkippedParam
	// WarnStrayParam: parameters after a token68, skipped (a token68
	// stands alone): `Negotiate abc=, realm="x", Basic` and
	// `Basic 2932ff== realm="x"` keep their token68.
	WarnStrayParam
	// WarnOpaqueCredentials: credentials whose data is neither a token68
	// nor a parameter list, the shape of shared-key and legacy signature
	// schemes: `SharedKey account:c2lnbmF0dXJl` is read with Token68
	// "account:c2lnbmF0dXJl", the data as written up to the end of the
	// value. It is not a token68, so the encoder refuses it: the value can
	// be read, checked by its scheme's code, not re-encoded.
	WarnOpaqueCredentials
	// WarnDropped: more deviations than Limits.MaxWarnings; this warning
	// ends the list, where the first dropped one was, and its Err (which
	// wraps ErrLimit) says how many were dropped. It is not a recovery:
	// Parser.Allow does not need it.
	WarnDropped
)

var warningText = [...]string{
	WarnObsFold:              "obs-fold (line break followed by whitespace) inside the field, read as one space",
	WarnTabAfterScheme:       "HTAB between auth-scheme and its data, read as a space (RFC 9110 requires SP)",
	WarnSemicolonAfterScheme: "';' after the auth-scheme, read as a space",
	WarnCommaAfterScheme:     "',' right after the auth-scheme: the parameter is read as part of that challenge",
	WarnUnterminatedQuote:    "unterminated quoted-string, closed at the end of the line",
	WarnLooseValue:           "unquoted value holds characters outside token, read up to the next ',' or space (it should be a quoted-string)",
	WarnSpaceInValue:         "unquoted value holds spaces, read up to the next ',' (it should be a quoted-string)",
	WarnMissingComma:         "missing ',' between parameters",
	WarnMissingCommaScheme:   "missing ',' before a new challenge",
	WarnSemicolonSeparator:   "';' between parameters, read as ','",
	WarnDuplicateParam:       "duplicate parameter name, ignored (the first one wins; RFC 9110 section 11.2)",
	WarnSingleQuotes:         "single-quoted value, read without the quotes (HTTP quotes with '\"')",
	WarnSkippedChallenge:     "malformed challenge skipped",
	WarnSkippedParam:         "malformed parameter skipped",
	WarnStrayParam:           "parameter after a token68 skipped (a token68 stands alone)",
	WarnOpaqueCredentials:    "credentials data is neither a token68 nor parameters, read whole as an opaque value",
	WarnDropped:              "more warnings than the limit: the rest are dropped",
}

// String returns the kind's message, a constant.
func (k WarningKind) String() string {
	if int(k) < len(warningText) && warningText[k] != "" {
		return warningText[k]
	}
	return "unknown warning"
}

// WarningKinds is a set of warning kinds: the recoveries a [Parser] that
// is not Lenient may make (its Allow field). The zero set allows none.
type WarningKinds uint64

// Kinds returns the set of the given kinds.
func Kinds(kinds ...WarningKind) WarningKinds {
	var s WarningKinds
	for _, k := range kinds {
		s |= 1 << k
	}
	return s
}

// Has reports whether s holds k.
func (s WarningKinds) Has(k WarningKind) bool { return k < 64 && s&(1<<k) != 0 }
