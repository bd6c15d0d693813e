package httpauth

// Encoder writes challenges, credentials and parameter lists in canonical
// form. The zero Encoder is what the package-level Append functions use.
type Encoder struct {
	// AllowObsText lets values hold bytes %x80-FF, which are then sent
	// inside a quoted-string as obs-text (RFC 9110 section 5.6.4 keeps
	// them for old senders). By default they are refused: send non-ASCII
	// text as an RFC 8187 ext-value instead (see [ExtParam]).
	AllowObsText bool

	// Quote reports whether the parameter name of scheme, in a field of
	// kind f, is written as a quoted-string even when its value is a
	// token: the rule of a scheme whose recipients accept nothing else.
	// nil means [DefaultQuote]; a rule for another scheme usually falls
	// back to it. scheme is "" in an Authentication-Info list. Quote
	// cannot make a value a token: a value that is not one is always
	// quoted.
	Quote func(f Field, scheme, name string) bool
}

// Field is the kind of header field a value is written in, for the
// encoder's quoting rules ([Encoder.Quote]).
type Field uint8

// The kinds of field.
const (
	FieldChallenge   Field = iota + 1 // WWW-Authenticate, Proxy-Authenticate
	FieldCredentials                  // Authorization, Proxy-Authorization
	FieldInfo                         // Authentication-Info, Proxy-Authentication-Info
)

// AppendChallenge appends the canonical encoding of c to dst and returns the
// extended buffer; see [Encoder.AppendChallenge].
func AppendChallenge(dst []byte, c Challenge) ([]byte, error) {
	return Encoder{}.AppendChallenge(dst, c)
}

// AppendCredentials appends the canonical encoding of c, secrets included,
// to dst and returns the extended buffer; see [Encoder.AppendChallenge] for
// the format and the errors.
func AppendCredentials(dst []byte, c Credentials) ([]byte, error) {
	return Encoder{}.AppendCredentials(dst, c)
}

// AppendParams appends the canonical encoding of an Authentication-Info
// parameter list to dst and returns the extended buffer; see
// [Encoder.AppendParams].
func AppendParams(dst []byte, ps Params) ([]byte, error) {
	return Encoder{}.AppendParams(dst, ps)
}

// AppendChallenge appends the canonical encoding of c to dst and returns the
// extended buffer:
//
//	Scheme SP token68
//	Scheme SP name=value, name=value, ...
//	Scheme
//
// A value is written as a token when it is a non-empty token, and
// otherwise as a quoted-string in which only `"` and `\` are escaped. The
// parameters that e.Quote names are always quoted: by default
// ([DefaultQuote]) realm and those that scheme specifications require
// quoted. A parameter whose name ends in "*" (username*) takes an RFC 8187
// ext-value, which is written as it is, never quoted (RFC 8187 section
// 3.2.1 allows no quoted form), and only if [DecodeExtValue] accepts it.
//
// AppendChallenge refuses, with an [*EncodeError] and dst returned
// unchanged, a scheme or parameter name that is not a token, a token68 that
// is not a token68 or that stands beside params, two parameters with the
// same name (ASCII case-insensitively), any value that holds a control
// character other than HTAB (CR, LF, NUL, ...) or, unless AllowObsText is
// set, a byte %x80-FF, and a "*" parameter whose value is not a valid
// ext-value. Nothing it writes can split a header field.
//
// Its cost is linear in the size of c, whatever the names. It does not
// allocate when dst has enough capacity and c has at most
// [DefaultMaxParams] parameters; a longer list costs one allocation for
// its duplicate check.
func (e Encoder) AppendChallenge(dst []byte, c Challenge) ([]byte, error) {
	return e.appendAuth(dst, FieldChallenge, c.Scheme, c.Token68, c.Params)
}

// AppendCredentials appends the canonical encoding of c, secrets included,
// to dst and returns the extended buffer, with the rules of
// [Encoder.AppendChallenge]. Its [*EncodeError] names a parameter only if
// credentials of c's scheme show that name when printed (see Secrets in the
// package documentation): another name may be the start of a secret.
func (e Encoder) AppendCredentials(dst []byte, c Credentials) ([]byte, error) {
	return e.appendAuth(dst, FieldCredentials, c.Scheme, c.Token68, c.Params)
}

// AppendParams appends ps as an Authentication-Info value (`name=value,
// name=value`) to dst and returns the extended buffer, with the value rules
// of [Encoder.AppendChallenge]; by default the Digest parameters nextnonce,
// rspauth and cnonce are always quoted (RFC 7616 section 3.5). An empty list
// writes nothing.
func (e Encoder) AppendParams(dst []byte, ps Params) ([]byte, error) {
	orig := len(dst)
	dst, err := e.appendParams(dst, FieldInfo, "", ps)
	if err != nil {
		return dst[:orig], err
	}
	return dst, nil
}

func (e Encoder) appendAuth(dst []byte, f Field, scheme, token68 string, ps Params) ([]byte, error) {
	if at, ok := tokenFault(scheme); !ok {
		return dst, &EncodeError{Index: -1, Offset: at, Err: ErrNotToken}
	}
	orig := len(dst)
	dst = append(dst, scheme...)
	if token68 != "" {
		if len(ps) > 0 {
			return dst[:orig], &EncodeError{Index: -1, Offset: -1, Err: ErrToken68WithParams}
		}
		if at := token68Run(token68, 0); at != len(token68) {
			return dst[:orig], &EncodeError{Index: -1, Offset: at, Err: ErrNotToken68}
		}
		dst = append(dst, ' ')
		return append(dst, token68...), nil
	}
	if len(ps) == 0 {
		return dst, nil
	}
	dst = append(dst, ' ')
	dst, err := e.appendParams(dst, f, scheme, ps)
	if err != nil {
		if ee, ok := err.(*EncodeError); ok && f == FieldCredentials && !credentialNameShown(scheme, ee.Param) {
			ee.Param = "" // the name may be the start of a secret
		}
		return dst[:orig], err
	}
	return dst, nil
}

func (e Encoder) appendParams(dst []byte, f Field, scheme string, ps Params) ([]byte, error) {
	dup := firstDuplicate(ps)
	for i, p := range ps {
		if at, ok := tokenFault(p.Name); !ok {
			return dst, &EncodeError{Index: i, Offset: at, Err: ErrNotToken}
		}
		if i == dup {
			return dst, &EncodeError{Param: p.Name, Index: i, Offset: -1, Err: ErrDuplicateParam}
		}
		if i > 0 {
			dst = append(dst, ", "...)
		}
		dst = append(dst, p.Name...)
		dst = append(dst, '=')
		var at int
		var r error
		if dst, at, r = e.appendValue(dst, f, scheme, p.Name, p.Value, false); r != nil {
			return dst, &EncodeError{Param: p.Name, Index: i, Offset: at, Err: r}
		}
	}
	return dst, nil
}

// appendValue writes the value of the parameter name (a token) of scheme:
// an ext-value as it is if name ends in "*", otherwise a token when value
// is one and neither quoted nor e.Quote asks for a quoted-string, and a
// quoted-string else. It returns the offset in value and the reason of a
// refusal.
func (e Encoder) appendValue(dst []byte, f Field, scheme, name, value string, quoted bool) ([]byte, int, error) {
	if name[len(name)-1] == '*' {
		// RFC 8187: an ext-value, which is a token and never quoted.
		if _, _, at, r := scanExtValue(value, nil); r != "" {
			return dst, at, r
		}
		return append(dst, value...), 0, nil
	}
	if !quoted && IsToken(value) && !e.quote(f, scheme, name) {
		return append(dst, value...), 0, nil
	}
	return e.appendQuoted(dst, value)
}

// appendQuoted writes v as a quoted-string, escaping only `"` and `\`, or
// returns the offset in v and the reason why it cannot. Runs of bytes that
// need no escape are copied at once.
func (e Encoder) appendQuoted(dst []byte, v string) ([]byte, int, error) {
	dst = append(dst, '"')
	run := 0 // start of the bytes not yet copied
	for i := 0; i < len(v); i++ {
		c := v[i]
		if classes[c]&cQdtext != 0 && (c < 0x80 || e.AllowObsText) {
			continue
		}
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, v[run:i]...)
			dst = append(dst, '\\', c)
			run = i + 1
		case c >= 0x80:
			return dst, i, ErrNonASCII
		default:
			return dst, i, ErrControl
		}
	}
	dst = append(dst, v[run:]...)
	return append(dst, '"'), 0, nil
}

// tokenFault reports whether s is a token and, if not, the offset of its
// first byte that is not a tchar, or -1 if s is empty.
func tokenFault(s string) (int, bool) {
	if s == "" {
		return -1, false
	}
	for i := 0; i < len(s); i++ {
		if classes[s[i]]&cTchar == 0 {
			return i, false
		}
	}
	return 0, true
}

func (e Encoder) quote(f Field, scheme, name string) bool {
	if e.Quote != nil {
		return e.Quote(f, scheme, name)
	}
	return DefaultQuote(f, scheme, name)
}

// DefaultQuote is the encoder's default quoting rule ([Encoder.Quote]): it
// reports whether the parameter name of scheme, in a field of kind f, is
// always written as a quoted-string, as the specifications require senders
// to write it:
//
//   - realm, in every field and scheme (RFC 9110 section 11.5);
//   - Digest challenges: domain, nonce, opaque, qop (RFC 7616 section 3.3);
//   - Digest credentials: username, nonce, uri, response, cnonce, opaque
//     (RFC 7616 section 3.4);
//   - Authentication-Info: nextnonce, rspauth, cnonce (RFC 7616 section
//     3.5);
//   - Bearer and DPoP challenges: scope, error, error_description,
//     error_uri, algs (RFC 6750 section 3, RFC 9449 section 7.1);
//   - OAuth and Hawk credentials: every parameter (RFC 5849 section 3.5.1,
//     and Hawk servers accept nothing else).
//
// Schemes and names compare ASCII case-insensitively.
func DefaultQuote(f Field, scheme, name string) bool {
	if EqualFold(name, "realm") {
		return true
	}
	switch f {
	case FieldChallenge:
		switch {
		case EqualFold(scheme, "Digest"):
			return EqualFold(name, "domain") || EqualFold(name, "nonce") ||
				EqualFold(name, "opaque") || EqualFold(name, "qop")
		case EqualFold(scheme, "Bearer") || EqualFold(scheme, "DPoP"):
			return EqualFold(name, "scope") || EqualFold(name, "error") ||
				EqualFold(name, "error_description") || EqualFold(name, "error_uri") ||
				EqualFold(name, "algs")
		}
	case FieldCredentials:
		switch {
		case EqualFold(scheme, "OAuth") || EqualFold(scheme, "Hawk"):
			return true
		case EqualFold(scheme, "Digest"):
			return EqualFold(name, "username") || EqualFold(name, "nonce") ||
				EqualFold(name, "uri") || EqualFold(name, "response") ||
				EqualFold(name, "cnonce") || EqualFold(name, "opaque")
		}
	case FieldInfo:
		return EqualFold(name, "nextnonce") || EqualFold(name, "rspauth") ||
			EqualFold(name, "cnonce")
	}
	return false
}
