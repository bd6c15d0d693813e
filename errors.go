package httpauth

import (
	"errors"
	"strconv"
)

// SyntaxError reports a field line that does not match the grammar, or that
// passes one of the [Limits].
//
// Line is the 0-based index of the field line among the lines given to the
// parse call (always 0 for a single value), and Offset is the 0-based byte
// offset in that line where the problem was found. Err describes the problem;
// errors.Is(err, [ErrLimit]) and errors.Is(err, [ErrDuplicateParam]) match
// the conditions callers commonly branch on.
//
// The message never quotes the input: a SyntaxError built from an
// Authorization value does not carry the credentials into a log.
type SyntaxError struct {
	Line   int
	Offset int
	Err    error
}

func (e *SyntaxError) Error() string {
	b := make([]byte, 0, 64)
	b = append(b, "httpauth: line "...)
	b = strconv.AppendInt(b, int64(e.Line), 10)
	b = append(b, ", offset "...)
	b = strconv.AppendInt(b, int64(e.Offset), 10)
	b = append(b, ": "...)
	if e.Err != nil {
		b = append(b, e.Err.Error()...)
	} else {
		b = append(b, "syntax error"...)
	}
	return string(b)
}

// Unwrap returns e.Err.
func (e *SyntaxError) Unwrap() error { return e.Err }

var (
	// ErrLimit is wrapped by the errors returned when an input passes one
	// of the [Limits]. Nothing is truncated silently.
	ErrLimit = errors.New("limit exceeded")

	// ErrDuplicateParam is wrapped by the error returned when a parameter
	// name occurs twice (ASCII case-insensitively) in one challenge,
	// credentials or parameter list (RFC 9110 section 11.2).
	ErrDuplicateParam = errors.New("duplicate parameter")

	// ErrEmpty is wrapped by the error returned by ParseCredentials for an
	// empty value (or one of only whitespace and commas).
	ErrEmpty = errors.New("empty credentials")
)

// reason is a static description of a syntax error. It is a distinct type so
// that the parser's error values are comparable constants and cost nothing
// until an error is returned.
type reason string

func (r reason) Error() string { return string(r) }

const (
	errCTL             reason = "control character"
	errNonASCII        reason = "non-ASCII byte outside a quoted-string"
	errUnterminated    reason = "unterminated quoted-string"
	errCTLInQuoted     reason = "control character in quoted-string"
	errBadQuotedPair   reason = "invalid quoted-pair"
	errExpectScheme    reason = "expected an auth-scheme token"
	errExpectParamName reason = "expected a parameter name"
	errExpectEquals    reason = "expected '=' after parameter name"
	errExpectValue     reason = "expected a token or quoted-string value"
	errExpectComma     reason = "expected ',' or end of field"
	errSchemeSep       reason = "auth-scheme must be followed by a space, ',' or end of field"
	errTabAfterScheme  reason = "HTAB between auth-scheme and its data (RFC 9110 requires SP)"
	errParamNoScheme   reason = "parameter without an auth-scheme followed by a space"
	errParamAfterT68   reason = "parameter after a token68"
	errSecondCreds     reason = "more than one credentials value"
	errExpectQuote     reason = "expected a quoted-string"
	errAfterQuote      reason = "unexpected text after the closing quote"
	errExpectEnd       reason = "expected end of field after the credentials"
	errNotOne          reason = "expected exactly one challenge"
	errLeadingComma    reason = "',' before the credentials (Authorization is not a list)"
)

// byteReason returns why the byte at s[i] cannot stand there: a control
// character and a non-ASCII byte are named as such, anything else gets r.
// Its results are constants: building a fault does not allocate.
func byteReason(s string, i int, r error) error {
	if i < len(s) {
		switch c := s[i]; {
		case classes[c]&cCTL != 0 && c != '\t':
			return errCTL
		case c >= 0x80:
			return errNonASCII
		}
	}
	return r
}

// badByte reports whether s[i] is a byte that may stand nowhere in a field
// outside a quoted-string: a control character other than HTAB, or a byte
// of %x80-FF.
func badByte(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	return classes[c]&cCTL != 0 && c != '\t' || c >= 0x80
}

// dupError wraps ErrDuplicateParam. It is a value type: building it does not
// allocate until it is boxed into the returned error.
type dupError struct{}

func (dupError) Error() string { return "duplicate parameter name (RFC 9110 section 11.2)" }
func (dupError) Unwrap() error { return ErrDuplicateParam }

// emptyError wraps ErrEmpty.
type emptyError struct{}

func (emptyError) Error() string { return "empty credentials value" }
func (emptyError) Unwrap() error { return ErrEmpty }

// LimitError describes which limit was passed. It wraps [ErrLimit].
type LimitError struct {
	What  string // "bytes per field line", "challenges", ...
	Limit int
}

func (e *LimitError) Error() string {
	return "more than " + strconv.Itoa(e.Limit) + " " + e.What + " (limit)"
}

// Unwrap returns [ErrLimit].
func (e *LimitError) Unwrap() error { return ErrLimit }

// EncodeError reports a value the encoder refuses to write. Nothing is
// written when it is returned. Like [SyntaxError], it never quotes the
// refused value.
type EncodeError struct {
	// Param is the name of the parameter at fault, as given, or "" when
	// the scheme or the token68 is at fault. It is "" too when the name
	// cannot be shown: a name that is not a token, and in credentials a
	// name that the scheme does not define (see Secrets in the package
	// documentation), which may be the start of a secret.
	Param string
	// Index is the position of the parameter at fault in its list, or -1
	// when the scheme or the token68 is at fault.
	Index int
	// Offset is the byte offset of the first refused byte in the string
	// at fault (the scheme, the token68, the name, or the value, as Err
	// tells), or -1 when no single byte is at fault: an empty scheme or
	// name, a duplicate name, a token68 beside parameters.
	Offset int
	// Err is the reason, one of [ErrNotToken] (scheme or name),
	// [ErrNotToken68], [ErrToken68WithParams], [ErrDuplicateParam] (name),
	// [ErrControl], [ErrNonASCII] or an error wrapping [ErrExtValue]
	// (value). errors.Is looks through it.
	Err error
}

func (e *EncodeError) Error() string {
	b := make([]byte, 0, 96)
	b = append(b, "httpauth: cannot encode "...)
	switch {
	case e.Param != "":
		b = append(b, e.Param...)
	case e.Index >= 0:
		b = append(b, "parameter "...)
		b = strconv.AppendInt(b, int64(e.Index), 10)
	case errors.Is(e.Err, ErrNotToken68) || errors.Is(e.Err, ErrToken68WithParams):
		b = append(b, "token68"...)
	default:
		b = append(b, "scheme"...)
	}
	b = append(b, ": "...)
	if e.Err != nil {
		b = append(b, e.Err.Error()...)
	} else {
		b = append(b, "invalid"...)
	}
	return string(b)
}

// Unwrap returns e.Err.
func (e *EncodeError) Unwrap() error { return e.Err }

// Is reports whether target is [ErrEncode]; errors.Is also matches e.Err.
func (e *EncodeError) Is(target error) bool { return target == ErrEncode }

// ErrEncode is matched by every *EncodeError via errors.Is.
var ErrEncode = errors.New("httpauth: value cannot be encoded")

// The reasons of an [EncodeError].
var (
	// ErrNotToken: a scheme or parameter name that is not a token.
	ErrNotToken = errors.New("not a token")
	// ErrNotToken68: a token68 that is not a token68.
	ErrNotToken68 = errors.New("not a token68")
	// ErrToken68WithParams: a token68 and parameters in one value.
	ErrToken68WithParams = errors.New("token68 and params cannot both be sent")
	// ErrControl: a value holds a control character other than HTAB. It
	// could split the header, so it is never written.
	ErrControl = errors.New("control character (CR, LF, NUL and other CTLs but HTAB are refused)")
	// ErrNonASCII: a value holds a byte %x80-FF and the encoder does not
	// allow obs-text. Send it as an RFC 8187 ext-value ([ExtParam]).
	ErrNonASCII = errors.New("non-ASCII byte (send it as an RFC 8187 ext-value, see ExtParam)")
)

// The errors of the scheme packages (basic, bearer, digest, ...). Each of
// them reports what it cannot read, build or verify as a [*SchemeError]
// whose Err is, or wraps, one of these or a sentinel of the package.
var (
	// ErrOtherScheme is wrapped by the error a scheme package returns for
	// a challenge or credentials of another auth-scheme, so that a client
	// looping over the challenges of a 401 can skip what it does not
	// answer: errors.Is(err, httpauth.ErrOtherScheme).
	ErrOtherScheme = errors.New("another auth-scheme")

	// ErrMissingParam is wrapped by the error a scheme package returns
	// when a parameter its scheme requires is absent.
	ErrMissingParam = errors.New("required parameter missing")

	// ErrVerification is wrapped by the error a Verify function returns
	// for credentials that are well-formed but do not prove what they
	// claim (a wrong password, MAC or signature): a server answers 401,
	// where any other error of a scheme package is a malformed request.
	ErrVerification = errors.New("verification failed")
)

// SchemeError reports a challenge, credentials or Authentication-Info list
// that the grammar accepts but a scheme package cannot read, build or
// verify: a value of another scheme ([ErrOtherScheme]), a missing
// ([ErrMissingParam]), malformed or duplicate parameter, a failed
// verification ([ErrVerification]). Like [SyntaxError], it never quotes a
// value.
type SchemeError struct {
	// Scheme is the auth-scheme of the package that reports the error,
	// as registered ("Digest"), not the one it was given.
	Scheme string
	// Param is the name of the parameter at fault, as the scheme spells
	// it ("nonce"), or "" when the error is about the value as a whole
	// (its scheme, its token68). It is never copied from the input: a
	// malformed value can put a secret where a name should be.
	Param string
	// Err says why. errors.Is(e, target) looks through it.
	Err error
}

func (e *SchemeError) Error() string {
	b := make([]byte, 0, 64)
	b = append(b, "httpauth: "...)
	b = append(b, e.Scheme...)
	if e.Param != "" {
		b = append(b, ' ')
		b = append(b, e.Param...)
	}
	b = append(b, ": "...)
	if e.Err != nil {
		b = append(b, e.Err.Error()...)
	} else {
		b = append(b, "invalid"...)
	}
	return string(b)
}

// Unwrap returns e.Err.
func (e *SchemeError) Unwrap() error { return e.Err }
