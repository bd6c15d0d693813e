// Package scheme holds what the scheme packages (basic, bearer, digest,
// ...) share, written once: the scheme check, parameter lookups and the
// construction of their errors, all reported as *httpauth.SchemeError as
// the root package documents.
package scheme

import (
	"hash"

	"github.com/authwire/httpauth"
)

// Reason is a constant description of what is wrong with a parameter or a
// value. It never holds input.
type Reason string

func (r Reason) Error() string { return string(r) }

// Reasons shared by several packages.
const (
	Malformed  Reason = "malformed value"
	Duplicate  Reason = "parameter occurs more than once"
	NoToken68  Reason = "a token68 where parameters are expected"
	NoParams   Reason = "parameters where a token68 is expected"
	Empty      Reason = "empty value"
	NotAToken  Reason = "not a token"
	NotToken68 Reason = "not a token68"
)

// Err returns a *httpauth.SchemeError of scheme about param ("" for the
// value as a whole) for why.
func Err(scheme, param string, why error) error {
	return &httpauth.SchemeError{Scheme: scheme, Param: param, Err: why}
}

// Check returns nil when got is the auth-scheme want (ASCII
// case-insensitively), and otherwise an error wrapping
// httpauth.ErrOtherScheme.
func Check(want, got string) error {
	if httpauth.EqualFold(want, got) {
		return nil
	}
	return Err(want, "", httpauth.ErrOtherScheme)
}

// Required returns the value of the parameter name of ps, or an error
// wrapping httpauth.ErrMissingParam.
func Required(scheme string, ps httpauth.Params, name string) (string, error) {
	if v, ok := ps.Get(name); ok {
		return v, nil
	}
	return "", Err(scheme, name, httpauth.ErrMissingParam)
}

// Unique returns an error when two parameters of ps have the same name
// ASCII case-insensitively. The root parser already refuses duplicates; a
// scheme package checks values built by hand. The error names the
// parameter only when it is one of known, the names the scheme defines, so
// that a name taken from the input never reaches an error. It takes time
// linear in len(ps).
func Unique(scheme string, ps httpauth.Params, known ...string) error {
	const scan = 16
	if len(ps) <= scan {
		for i := range ps {
			for k := 0; k < i; k++ {
				if httpauth.EqualFold(ps[i].Name, ps[k].Name) {
					return Err(scheme, Known(ps[i].Name, known...), Duplicate)
				}
			}
		}
		return nil
	}
	seen := make(map[string]struct{}, len(ps))
	for _, p := range ps {
		k := lower(p.Name)
		if _, dup := seen[k]; dup {
			return Err(scheme, Known(p.Name, known...), Duplicate)
		}
		seen[k] = struct{}{}
	}
	return nil
}

// lower returns s with A-Z folded to a-z (ASCII only, as names compare).
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Known returns the spelling among known of name (ASCII
// case-insensitively), or "" when name is none of them: the name to put in
// an error.
func Known(name string, known ...string) string {
	for _, k := range known {
		if httpauth.EqualFold(k, name) {
			return k
		}
	}
	return ""
}

// Params is the first check of a scheme whose values are parameter lists:
// got must be the auth-scheme want (an error wrapping
// httpauth.ErrOtherScheme otherwise) and token68 must be empty.
func Params(want, got, token68 string) error {
	if err := Check(want, got); err != nil {
		return err
	}
	if token68 != "" {
		return Err(want, "", NoToken68)
	}
	return nil
}

// Add returns ps with the parameter name=v appended when v is set (not
// ""): what a Build function writes for an optional parameter.
func Add(ps httpauth.Params, name, v string) httpauth.Params {
	if v == "" {
		return ps
	}
	return append(ps, httpauth.Param{Name: name, Value: v})
}

// Lookup returns the value of each of names in ps (ASCII
// case-insensitively), in the order of names, and whether it is present.
// It refuses a list in which a name occurs twice, as [Unique] does. It
// takes time linear in len(ps) for a fixed list of names.
func Lookup(scheme string, ps httpauth.Params, names ...string) (vals []string, seen []bool, err error) {
	if err := Unique(scheme, ps, names...); err != nil {
		return nil, nil, err
	}
	vals = make([]string, len(names))
	seen = make([]bool, len(names))
	for _, p := range ps {
		for i, n := range names {
			if httpauth.EqualFold(p.Name, n) {
				vals[i], seen[i] = p.Value, true
				break
			}
		}
	}
	return vals, seen, nil
}

// Failed returns the error of a Verify function for a value that is
// well-formed but does not prove what it claims (a wrong MAC, signature or
// proof): a SchemeError about param whose Err says why and wraps
// httpauth.ErrVerification.
func Failed(scheme, param string, why Reason) error {
	return Err(scheme, param, failed(why))
}

// failed is a Reason that wraps httpauth.ErrVerification.
type failed Reason

func (f failed) Error() string { return string(f) }
func (failed) Unwrap() error   { return httpauth.ErrVerification }

// HashSize returns the size of the hashes newHash makes, and false when
// crypto/hmac would panic on newHash or an HMAC of it would be empty: a nil
// function, one that returns nil or the same value twice, or a hash of
// size 0. The Verify functions that take a hash constructor check it with
// HashSize first, so that no argument makes them panic.
func HashSize(newHash func() hash.Hash) (int, bool) {
	if newHash == nil {
		return 0, false
	}
	a, b := newHash(), newHash()
	if a == nil || b == nil || same(a, b) || a.Size() <= 0 {
		return 0, false
	}
	return a.Size(), true
}

// same reports whether a and b are the same value; values of a type that
// cannot be compared are not.
func same(a, b hash.Hash) (eq bool) {
	defer func() {
		if recover() != nil {
			eq = false
		}
	}()
	return a == b
}

// extraNotExt is the reason of an untyped parameter named with a final
// "*" whose value is no RFC 8187 ext-value; it wraps httpauth.ErrExtValue.
type extraNotExt struct{}

func (extraNotExt) Error() string {
	return `a parameter whose name ends in "*" holds no RFC 8187 ext-value`
}
func (extraNotExt) Unwrap() error { return httpauth.ErrExtValue }

// Extra checks a parameter that a package keeps without typing it (in an
// Extra field, to be built back as it came): a name ending in "*" takes
// only an RFC 8187 ext-value, as the encoder does, so that whatever a
// Parse function accepts its Build can write. The error names no
// parameter: an untyped name may be the start of a secret.
func Extra(scheme string, p httpauth.Param) error {
	if p.Name != "" && p.Name[len(p.Name)-1] == '*' {
		if _, _, err := httpauth.DecodeExtValue(p.Value); err != nil {
			return Err(scheme, "", extraNotExt{})
		}
	}
	return nil
}
