package httpauth_test

import (
	"errors"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
)

func TestParseChallenge(t *testing.T) {
	c, err := httpauth.ParseChallenge(`Basic realm="x"`)
	if err != nil || !cmp.Equal(c, ch("Basic", "realm", "x")) {
		t.Errorf("ParseChallenge(%q) = %v, %v, want %v", `Basic realm="x"`, c, err, ch("Basic", "realm", "x"))
	}
	for _, in := range []string{``, `, ,`, `Basic, Bearer`, `Basic realm="x", Bearer`, `Basic realm="x`} {
		c, err := httpauth.ParseChallenge(in)
		var se *httpauth.SyntaxError
		if !errors.As(err, &se) || !cmp.Equal(c, httpauth.Challenge{}, equateEmptyParams) {
			t.Errorf("ParseChallenge(%q) = %v, %v, want the zero Challenge and a *SyntaxError", in, c, err)
		}
	}
	var c2 httpauth.Challenge
	if err := c2.UnmarshalText([]byte(`Negotiate YII=`)); err != nil || !cmp.Equal(c2, ch68("Negotiate", "YII="), equateEmptyParams) {
		t.Errorf("UnmarshalText(%q) = %v, %v", `Negotiate YII=`, c2, err)
	}
	if got := httpauth.MustParseChallenge(`Bearer`); got.Scheme != "Bearer" {
		t.Errorf("MustParseChallenge(%q) = %v", `Bearer`, got)
	}
	defer func() {
		if recover() == nil {
			t.Errorf("MustParseChallenge(%q) did not panic", `Basic, x`)
		}
	}()
	httpauth.MustParseChallenge(`Basic, x`)
}

// TestToken68CredentialsFastPath covers the inputs at the edge of the
// "scheme SP token68" fast path of ParseCredentials: each must give what
// the grammar gives (written by hand here), limits included, and a call
// that takes the fast path must not leave the previous call's warnings.
func TestToken68CredentialsFastPath(t *testing.T) {
	tests := []struct {
		in      string
		want    httpauth.Credentials
		wantOff int // -1: no error
	}{
		{"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", httpauth.Credentials{Scheme: "Basic", Token68: "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}, -1},
		{"Bearer a.b-c_d~e+f/g", httpauth.Credentials{Scheme: "Bearer", Token68: "a.b-c_d~e+f/g"}, -1},
		{"X a=", httpauth.Credentials{Scheme: "X", Token68: "a="}, -1},
		{"X  abc", httpauth.Credentials{Scheme: "X", Token68: "abc"}, -1}, // 1*SP
		{"X abc ", httpauth.Credentials{Scheme: "X", Token68: "abc"}, -1}, // trailing OWS
		{" X abc", httpauth.Credentials{Scheme: "X", Token68: "abc"}, -1}, // leading OWS
		{"X abc=d", httpauth.Credentials{Scheme: "X", Params: httpauth.Params{{Name: "abc", Value: "d"}}}, -1},
		{"X =abc", httpauth.Credentials{}, 0},    // "X =" is a parameter (BWS)
		{"X a==b", httpauth.Credentials{}, 4},    // neither token68 nor param
		{"X\tabc", httpauth.Credentials{}, 1},    // HTAB after the scheme
		{"X abc,", httpauth.Credentials{}, 5},    // a comma after a token68
		{"X ab\x00c", httpauth.Credentials{}, 4}, // NUL
	}
	var p httpauth.Parser
	for _, tt := range tests {
		for _, lenient := range []bool{false, true} {
			p.Lenient = lenient
			got, err := p.ParseCredentials(nil, tt.in)
			var se *httpauth.SyntaxError
			switch {
			case tt.wantOff < 0 && err != nil:
				t.Errorf("ParseCredentials(%q) (lenient %v) error %v", tt.in, lenient, err)
			case tt.wantOff >= 0 && !lenient && (!errors.As(err, &se) || se.Offset != tt.wantOff):
				t.Errorf("ParseCredentials(%q) error %v, want one at offset %d", tt.in, err, tt.wantOff)
			}
			if tt.wantOff >= 0 {
				continue // lenient mode may recover: testdata/lenient covers that
			}
			if err == nil && !cmp.Equal(got, tt.want, equateEmpty) {
				t.Errorf("ParseCredentials(%q) (lenient %v) = %#v, want %#v", tt.in, lenient, got.GoString(), tt.want.GoString())
			}
		}
	}

	// The line limit holds on the fast path too.
	p = httpauth.Parser{Limits: httpauth.Limits{MaxLineBytes: 8}}
	if _, err := p.ParseCredentials(nil, "Basic abc"); !errors.Is(err, httpauth.ErrLimit) {
		t.Errorf("9 bytes with MaxLineBytes 8: error %v, want ErrLimit", err)
	}
	if _, err := p.ParseCredentials(nil, "Basic ab"); err != nil {
		t.Errorf("8 bytes with MaxLineBytes 8: error %v", err)
	}

	// Warnings belong to the last call.
	p = httpauth.Parser{Lenient: true}
	if _, err := p.ParseCredentials(nil, "Basic;abc"); err != nil || len(p.Warnings()) != 1 {
		t.Fatalf("lenient Basic;abc: %v, %d warnings; want 1", err, len(p.Warnings()))
	}
	if _, err := p.ParseCredentials(nil, "Basic abc"); err != nil || len(p.Warnings()) != 0 {
		t.Errorf("Basic abc after a warning: %v, %d warnings; want none", err, len(p.Warnings()))
	}
}
