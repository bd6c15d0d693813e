package httpauth

// Param is one auth-param: a name and its value.
//
// Name is kept as written (parameter names compare ASCII
// case-insensitively, RFC 9110 section 11.2). Value is the parameter's
// value with any quoted-string syntax removed: `realm="a \"b\""` has the
// Value `a "b"`. Whether the value was sent as a token or a quoted-string is
// not kept; the encoder chooses again (see [AppendChallenge]).
type Param struct {
	Name  string
	Value string
}

// String returns p in header form, name=value, as [AppendParams] writes
// it:
//
//	realm="x"
//	charset=UTF-8
//	username*=UTF-8''J%C3%A4s%C3%B8n
//
// If the encoder refuses p, String returns a description starting with "!"
// (never a value that could be sent as a header).
func (p Param) String() string {
	var buf [64]byte
	b, err := Encoder{}.appendParams(buf[:0], FieldInfo, "", Params{p})
	if err != nil {
		return "!" + err.Error()
	}
	return string(b)
}

// Params is an ordered list of auth-params, in the order they were
// received. The zero value (nil) is an empty list.
//
// Names compare ASCII case-insensitively ([EqualFold]) in every method, as
// in url.Values and http.Header, but they are kept as written. Parsed lists
// never hold two parameters of the same name, and Set keeps it so; the
// encoder refuses a list that does. Set and Del change the list in place: a
// list that the parser returned shares its storage with no other value, so
// editing one challenge's Params never changes another's.
//
// Params print their values as they are: they are the generic list of
// challenges and Authentication-Info as well as of credentials. The
// Params of a [Credentials] value hold its secrets; print the Credentials,
// which redacts them, not its Params.
type Params []Param

// Index returns the index of the first parameter named name (ASCII
// case-insensitively), or -1 if there is none. It does not allocate.
func (ps Params) Index(name string) int {
	for i := range ps {
		if EqualFold(ps[i].Name, name) {
			return i
		}
	}
	return -1
}

// Get returns the value of the first parameter named name (ASCII
// case-insensitively), and whether there is one. It does not allocate.
func (ps Params) Get(name string) (value string, ok bool) {
	if i := ps.Index(name); i >= 0 {
		return ps[i].Value, true
	}
	return "", false
}

// Has reports whether a parameter named name (ASCII case-insensitively)
// is present, even with an empty value.
func (ps Params) Has(name string) bool { return ps.Index(name) >= 0 }

// Set sets the parameter named name (ASCII case-insensitively) to value,
// as http.Header's Set does: the first such parameter keeps its place and
// its spelling of the name and takes value, and any later one is removed;
// if there is none, name=value is appended. It allocates only to append to
// a full list.
func (ps *Params) Set(name, value string) {
	i := ps.Index(name)
	if i < 0 {
		*ps = append(*ps, Param{Name: name, Value: value})
		return
	}
	(*ps)[i].Value = value
	ps.delFrom(i+1, name)
}

// Del removes every parameter named name (ASCII case-insensitively),
// keeping the others in order. It does not allocate.
func (ps *Params) Del(name string) { ps.delFrom(0, name) }

// delFrom removes the parameters named name at index from and after. The
// freed elements at the end are zeroed, so that the list keeps no string
// alive.
func (ps *Params) delFrom(from int, name string) {
	l := *ps
	n := from
	for i := from; i < len(l); i++ {
		if !EqualFold(l[i].Name, name) {
			l[n] = l[i]
			n++
		}
	}
	clear(l[n:])
	*ps = l[:n]
}

// Challenge is one challenge of a WWW-Authenticate or Proxy-Authenticate
// field (RFC 9110 section 11.6.1 and 11.7.1):
//
//	challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//
// At most one of Token68 and Params is non-empty. Scheme is kept as written;
// use [Challenge.Is] to compare it.
//
// The zero Challenge has no scheme; it is not valid (see
// [Challenge.IsValid]) and the encoder refuses it.
type Challenge struct {
	Scheme  string
	Token68 string
	Params  Params
}

// Is reports whether c's scheme equals scheme ASCII case-insensitively
// (RFC 9110 section 11.1).
func (c Challenge) Is(scheme string) bool { return EqualFold(c.Scheme, scheme) }

// Realm returns the value of the realm parameter (RFC 9110 section 11.5),
// or "" when there is none.
func (c Challenge) Realm() string {
	v, _ := c.Params.Get("realm")
	return v
}

// IsValid reports whether the default encoder would accept c: the scheme
// is a token, the token68 (if any) is a token68 with no params beside it,
// every parameter name is a token and occurs once, every value is free of
// control characters other than HTAB and of non-ASCII bytes, and a "*"
// parameter holds a valid ext-value (see [Encoder.AppendChallenge]).
func (c Challenge) IsValid() bool {
	_, err := AppendChallenge(nil, c)
	return err == nil
}

// AppendText appends the canonical encoding of c to b and returns the
// extended buffer. It implements [encoding.TextAppender]; see
// [AppendChallenge] for the format and the errors.
func (c Challenge) AppendText(b []byte) ([]byte, error) { return AppendChallenge(b, c) }

// MarshalText returns the canonical encoding of c. It implements
// [encoding.TextMarshaler] and equals c.AppendText(nil).
func (c Challenge) MarshalText() ([]byte, error) {
	return AppendChallenge(make([]byte, 0, c.encodedLenHint()), c)
}

// String returns the canonical encoding of c, or a description starting with
// "!" if c cannot be encoded (String never returns a value that could be
// sent as a header when the encoder refuses it).
func (c Challenge) String() string {
	b, err := AppendChallenge(make([]byte, 0, c.encodedLenHint()), c)
	if err != nil {
		return "!" + err.Error()
	}
	return string(b)
}

// UnmarshalText parses exactly one challenge from text, as
// [ParseChallenge] does. It implements [encoding.TextUnmarshaler].
func (c *Challenge) UnmarshalText(text []byte) error {
	v, err := ParseChallenge(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

func (c Challenge) encodedLenHint() int { return encodedLenHint(c.Scheme, c.Token68, c.Params) }

// encodedLenHint is the usual length of an encoding: the scheme, a space,
// the token68, and per parameter its name, value, "=", two quotes and ", ".
func encodedLenHint(scheme, token68 string, ps Params) int {
	n := len(scheme) + 1 + len(token68)
	for _, p := range ps {
		n += len(p.Name) + len(p.Value) + 5
	}
	return n
}
