package scheme_test

import (
	"crypto/sha1"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/scheme"
)

// schemeErr returns err as a *httpauth.SchemeError, failing t if it is not
// one.
func schemeErr(t *testing.T, what string, err error) *httpauth.SchemeError {
	t.Helper()
	var se *httpauth.SchemeError
	if !errors.As(err, &se) {
		t.Fatalf("%s: error %v (%T) is not a *httpauth.SchemeError", what, err, err)
	}
	return se
}

func TestCheckAndParams(t *testing.T) {
	if err := scheme.Check("Hawk", "hAWK"); err != nil {
		t.Errorf("Check(Hawk, hAWK) = %v", err)
	}
	if err := scheme.Params("Hawk", "HAWK", ""); err != nil {
		t.Errorf("Params(Hawk, HAWK, \"\") = %v", err)
	}
	for _, tt := range []struct {
		name    string
		err     error
		wantIs  error
		wantMsg string
	}{
		{"Check of another scheme", scheme.Check("Hawk", "Basic"), httpauth.ErrOtherScheme, "httpauth: Hawk: another auth-scheme"},
		{"Params of another scheme", scheme.Params("Hawk", "Basic", "abc"), httpauth.ErrOtherScheme, "httpauth: Hawk: another auth-scheme"},
		{"Params with a token68", scheme.Params("Hawk", "Hawk", "abc"), scheme.NoToken68, "httpauth: Hawk: " + string(scheme.NoToken68)},
	} {
		se := schemeErr(t, tt.name, tt.err)
		if !errors.Is(tt.err, tt.wantIs) || se.Scheme != "Hawk" || se.Param != "" || tt.err.Error() != tt.wantMsg {
			t.Errorf("%s = %#v (%q), want Is %v, message %q", tt.name, se, tt.err, tt.wantIs, tt.wantMsg)
		}
	}
}

func TestLookup(t *testing.T) {
	ps := httpauth.Params{{Name: "ID", Value: "i"}, {Name: "x-other", Value: "o"}, {Name: "mac", Value: ""}}
	vals, seen, err := scheme.Lookup("Hawk", ps, "id", "ts", "mac")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(vals, seen) != "[i  ] [true false true]" {
		t.Errorf("Lookup = %q, %v; want [i  ] [true false true]", vals, seen)
	}

	// A duplicate is refused, named only when it is one of the names.
	const secret = "Sekrit"
	for _, tt := range []struct {
		ps    httpauth.Params
		param string
	}{
		{httpauth.Params{{Name: "mac", Value: secret}, {Name: "MAC", Value: secret}}, "mac"},
		{httpauth.Params{{Name: secret, Value: "1"}, {Name: strings.ToLower(secret), Value: "2"}}, ""},
	} {
		_, _, err := scheme.Lookup("Hawk", tt.ps, "id", "mac")
		se := schemeErr(t, "Lookup of a duplicate", err)
		if se.Param != tt.param || !errors.Is(err, scheme.Duplicate) || strings.Contains(err.Error(), secret) {
			t.Errorf("Lookup(%v) error = %q (param %q), want a duplicate about %q without the name from the input", tt.ps, err, se.Param, tt.param)
		}
	}
}

func TestUniqueLong(t *testing.T) {
	// Past the short scan, Unique uses a map of lower-cased names.
	var ps httpauth.Params
	for i := range 40 {
		ps = append(ps, httpauth.Param{Name: fmt.Sprintf("p%d", i), Value: "v"})
	}
	if err := scheme.Unique("X", ps); err != nil {
		t.Errorf("Unique of 40 distinct names: %v", err)
	}
	ps = append(ps, httpauth.Param{Name: "P7", Value: "v"})
	if err := scheme.Unique("X", ps, "p7"); !errors.Is(err, scheme.Duplicate) || schemeErr(t, "Unique", err).Param != "p7" {
		t.Errorf("Unique with P7 after p7 = %v, want a duplicate about p7", err)
	}
}

func TestRequired(t *testing.T) {
	ps := httpauth.Params{{Name: "Realm", Value: "r"}}
	if v, err := scheme.Required("Basic", ps, "realm"); v != "r" || err != nil {
		t.Errorf("Required(realm) = %q, %v", v, err)
	}
	_, err := scheme.Required("Basic", ps, "charset")
	if se := schemeErr(t, "Required", err); !errors.Is(err, httpauth.ErrMissingParam) || se.Param != "charset" {
		t.Errorf("Required(charset) error = %#v, want ErrMissingParam about charset", se)
	}
}

func TestFailed(t *testing.T) {
	err := scheme.Failed("Hawk", "mac", "does not match")
	se := schemeErr(t, "Failed", err)
	if !errors.Is(err, httpauth.ErrVerification) || se.Scheme != "Hawk" || se.Param != "mac" || err.Error() != "httpauth: Hawk mac: does not match" {
		t.Errorf("Failed = %#v (%q), want a Hawk mac error wrapping ErrVerification", se, err)
	}
	if errors.Is(scheme.Err("Hawk", "mac", scheme.Malformed), httpauth.ErrVerification) {
		t.Errorf("a malformed value reads as a failed verification")
	}
}

func TestKnown(t *testing.T) {
	if got := scheme.Known("NONCE", "id", "nonce"); got != "nonce" {
		t.Errorf("Known(NONCE) = %q, want nonce", got)
	}
	if got := scheme.Known("secret", "id", "nonce"); got != "" {
		t.Errorf("Known(secret) = %q, want \"\"", got)
	}
}

// sliceHash is a hash.Hash of a type that cannot be compared.
type sliceHash []byte

func (h sliceHash) Write(p []byte) (int, error) { return len(p), nil }
func (h sliceHash) Sum(b []byte) []byte         { return append(b, h...) }
func (sliceHash) Reset()                        {}
func (h sliceHash) Size() int                   { return len(h) }
func (sliceHash) BlockSize() int                { return 64 }

func TestHashSize(t *testing.T) {
	shared := sha256.New()
	for _, tt := range []struct {
		name string
		h    func() hash.Hash
		want int
		ok   bool
	}{
		{"sha256", sha256.New, 32, true},
		{"sha1", sha1.New, 20, true},
		{"not comparable", func() hash.Hash { return sliceHash{1, 2} }, 2, true},
		{"nil function", nil, 0, false},
		{"returns nil", func() hash.Hash { return nil }, 0, false},
		{"returns one value twice", func() hash.Hash { return shared }, 0, false},
		{"size 0", func() hash.Hash { return sliceHash{} }, 0, false},
	} {
		if n, ok := scheme.HashSize(tt.h); n != tt.want || ok != tt.ok {
			t.Errorf("HashSize(%s) = %d, %v; want %d, %v", tt.name, n, ok, tt.want, tt.ok)
		}
	}
}

func TestAdd(t *testing.T) {
	ps := scheme.Add(scheme.Add(nil, "a", "1"), "b", "")
	if len(ps) != 1 || ps[0] != (httpauth.Param{Name: "a", Value: "1"}) {
		t.Errorf("Add: %v, want [a=1]", ps)
	}
}
