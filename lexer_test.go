package httpauth_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
)

func TestLexer(t *testing.T) {
	type tok struct {
		kind httpauth.Kind
		text string
		off  int
	}
	tests := []struct {
		in      string
		want    []tok
		errOff  int // -1: no error
		escaped []bool
	}{
		{``, nil, -1, nil},
		{`Basic realm="a, b"`, []tok{{'a', "Basic", 0}, {' ', " ", 5}, {'a', "realm", 6}, {'=', "=", 11}, {'"', `"a, b"`, 12}}, -1, nil},
		{"a \t,\t=", []tok{{'a', "a", 0}, {' ', " \t", 1}, {',', ",", 3}, {' ', "\t", 4}, {'=', "=", 5}}, -1, nil},
		{`a/b;c:d@e?f(g)h<i>j[k]l{m}n\`, []tok{
			{'a', "a", 0}, {'/', "/", 1}, {'a', "b", 2}, {';', ";", 3}, {'a', "c", 4}, {':', ":", 5}, {'a', "d", 6},
			{'@', "@", 7}, {'a', "e", 8}, {'?', "?", 9}, {'a', "f", 10}, {'(', "(", 11}, {'a', "g", 12}, {')', ")", 13},
			{'a', "h", 14}, {'<', "<", 15}, {'a', "i", 16}, {'>', ">", 17}, {'a', "j", 18}, {'[', "[", 19}, {'a', "k", 20},
			{']', "]", 21}, {'a', "l", 22}, {'{', "{", 23}, {'a', "m", 24}, {'}', "}", 25}, {'a', "n", 26}, {'\\', `\`, 27},
		}, -1, nil},
		{`"a\"b" "c"`, []tok{{'"', `"a\"b"`, 0}, {' ', " ", 6}, {'"', `"c"`, 7}}, -1, []bool{true, false, false}},
		{"\"\xe9\"", []tok{{'"', "\"\xe9\"", 0}}, -1, nil},
		{`a "b`, []tok{{'a', "a", 0}, {' ', " ", 1}}, 2, nil},
		{"ab\x00", []tok{{'a', "ab", 0}}, 2, nil},
		{"ab\r\n", []tok{{'a', "ab", 0}}, 2, nil},
		{"a\xe9", []tok{{'a', "a", 0}}, 1, nil},
		{"\"a\x01\"", nil, 2, nil},
		{"\"a\\\x7f\"", nil, 3, nil},
	}
	for _, tt := range tests {
		var lx httpauth.Lexer
		lx.Reset("stale state")
		lx.Next()
		lx.Reset(tt.in)
		var got []tok
		var esc []bool
		for lx.Next() {
			got = append(got, tok{lx.Kind(), lx.Text(), lx.Offset()})
			esc = append(esc, lx.Escaped())
		}
		if lx.Kind() != httpauth.KindInvalid {
			t.Errorf("Lexer(%q): Kind() after the last token = %v, want invalid", tt.in, lx.Kind())
		}
		if !cmp.Equal(got, tt.want, cmp.AllowUnexported(tok{}), equateEmptyParams) {
			t.Errorf("Lexer(%q) tokens = %v, want %v", tt.in, got, tt.want)
		}
		err := lx.Err()
		var se *httpauth.SyntaxError
		switch {
		case tt.errOff < 0 && err != nil:
			t.Errorf("Lexer(%q).Err() = %v, want nil", tt.in, err)
		case tt.errOff >= 0 && (!errors.As(err, &se) || se.Offset != tt.errOff):
			t.Errorf("Lexer(%q).Err() = %v, want a *SyntaxError at offset %d", tt.in, err, tt.errOff)
		}
		if tt.escaped != nil && !cmp.Equal(esc, tt.escaped) {
			t.Errorf("Lexer(%q) Escaped() = %v, want %v", tt.in, esc, tt.escaped)
		}
		if lx.Next() {
			t.Errorf("Lexer(%q): Next() after the end = true", tt.in)
		}
	}

	kinds := map[httpauth.Kind]string{
		httpauth.KindInvalid: "invalid", httpauth.KindToken: "token", httpauth.KindQuoted: "quoted-string",
		httpauth.KindSpace: "space", httpauth.KindEquals: `"="`, httpauth.KindComma: `","`, httpauth.Kind('/'): `"/"`,
	}
	for k, want := range kinds {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", byte(k), got, want)
		}
	}
}

func TestIsToken(t *testing.T) {
	tests := []struct {
		in             string
		token, token68 bool
	}{
		{"", false, false},
		{"abc", true, true},
		{"ABC-123._~", true, true},
		{"!#$%&'*+-.^_`|~", true, false},
		{"a+b/c", false, true}, // / is not tchar
		{"abc=", false, true},  // = is not tchar; padding is token68
		{"abc==", false, true},
		{"=", false, false}, // token68 needs one character before the padding
		{"==abc", false, false},
		{"a=b", false, false}, // padding only at the end
		{"a b", false, false},
		{"a\tb", false, false},
		{`"a"`, false, false},
		{"a,b", false, false},
		{"a;b", false, false},
		{"a:b", false, false}, // RFC 8959 erratum 6440: ":" is not token68
		{"a@b", false, false},
		{"\xe9", false, false},
		{"a\x00", false, false},
		{"a\x7f", false, false},
		{"YIIBdg==", false, true},
		{"mF_9.B5f-4.1JqM", true, true},
		{"a*b", true, false}, // * is tchar, not token68
	}
	for _, tt := range tests {
		if got := httpauth.IsToken(tt.in); got != tt.token {
			t.Errorf("IsToken(%q) = %v, want %v", tt.in, got, tt.token)
		}
		if got := httpauth.IsToken68(tt.in); got != tt.token68 {
			t.Errorf("IsToken68(%q) = %v, want %v", tt.in, got, tt.token68)
		}
	}
}

func TestEqualFold(t *testing.T) {
	tests := []struct {
		s, t string
		want bool
	}{
		{"", "", true},
		{"basic", "BASIC", true},
		{"Basic", "bAsIc", true},
		{"realm", "realm", true},
		{"SCRAM-SHA-256", "scram-sha-256", true},
		{"basic", "basic ", false},
		{"basic", "basid", false},
		{"k", "\u212a", false},  // KELVIN SIGN: Unicode folding would say true
		{"K", "\u212a", false},  // idem
		{"kk", "\u212a", false}, // not even by length
		{"s", "\u017f", false},  // LATIN SMALL LETTER LONG S
		{"[", "{", false},       // 0x5B and 0x7B differ by 0x20 but are not letters
		{"@", "`", false},
		{"^", "~", false},
		{"\xe9", "\xc9", false}, // Latin-1 é, É: not ASCII letters
		{"a", "A", true},
		{"z", "Z", true},
	}
	for _, tt := range tests {
		if got := httpauth.EqualFold(tt.s, tt.t); got != tt.want {
			t.Errorf("EqualFold(%q, %q) = %v, want %v", tt.s, tt.t, got, tt.want)
		}
		if got := httpauth.EqualFold(tt.t, tt.s); got != tt.want {
			t.Errorf("EqualFold(%q, %q) = %v, want %v", tt.t, tt.s, got, tt.want)
		}
	}
	// A param name with the Kelvin sign is not "k".
	if v, ok := ps("\u212a", "1").Get("k"); ok {
		t.Errorf("Params{\u212a=1}.Get(%q) = %q, true, want not found", "k", v)
	}
}

// TestQuotedEveryByte puts every byte value at every position of a
// quoted-string shorter than a word and of one long enough for the
// scanner's eight-byte steps and its overlapping last word, and checks
// Unquote against the grammar:
//
//	qdtext      = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
//	quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
func TestQuotedEveryByte(t *testing.T) {
	for _, n := range []int{5, 21} {
		quotedEveryByte(t, n)
	}
}

func quotedEveryByte(t *testing.T, n int) {
	for pos := 0; pos < n; pos++ {
		for b := 0; b < 256; b++ {
			c := byte(b)
			body := []byte(strings.Repeat("a", n))
			body[pos] = c
			q := `"` + string(body) + `"`
			got, err := httpauth.Unquote(q)
			var se *httpauth.SyntaxError
			switch {
			case c == '\t' || c == ' ' || c == 0x21 || 0x23 <= c && c <= 0x5B || 0x5D <= c && c <= 0x7E || c >= 0x80:
				if err != nil || got != string(body) {
					t.Errorf("Unquote(%q) = %q, %v, want the body back", q, got, err)
				}
			case c == '\\':
				want := string(body[:pos]) + string(body[pos+1:])
				if pos == n-1 {
					// `\"` escapes the closing quote: unterminated.
					if !errors.As(err, &se) || se.Offset != 0 {
						t.Errorf("Unquote(%q) = %q, %v, want an unterminated error at 0", q, got, err)
					}
				} else if err != nil || got != want {
					t.Errorf("Unquote(%q) = %q, %v, want %q", q, got, err, want)
				}
			case c == '"':
				if !errors.As(err, &se) || se.Offset != pos+2 {
					t.Errorf("Unquote(%q) = %q, %v, want an error after the quote, at %d", q, got, err, pos+2)
				}
			default: // CTL but HTAB, DEL
				if !errors.As(err, &se) || se.Offset != pos+1 {
					t.Errorf("Unquote(%q) = %q, %v, want an error at %d", q, got, err, pos+1)
				}
			}
		}
	}
}

// TestLexerRedacted prints a Lexer that reads an Authorization value on
// every route to a log and requires the secret to show on none.
func TestLexerRedacted(t *testing.T) {
	const secret = "S3cr3tPl4nt3dXyz"
	var lx httpauth.Lexer
	lx.Reset("Basic " + secret)
	lx.Next()
	var outs []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		outs = append(outs, fmt.Sprintf(verb, lx), fmt.Sprintf(verb, &lx))
	}
	j, err := json.Marshal(lx)
	if err != nil {
		t.Fatal(err)
	}
	x, err := xml.Marshal(lx)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("lexer", "lx", lx)
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("lexer", "lx", lx)
	outs = append(outs, string(j), string(x), logs.String())
	for _, o := range outs {
		if strings.Contains(o, secret) || strings.Contains(o, fmt.Sprintf("%x", secret)) {
			t.Errorf("a printed Lexer shows the secret: %s", o)
		}
	}
	if !strings.Contains(outs[0], "[redacted]") {
		t.Errorf("%%v of a Lexer = %s, want the line shown as [redacted]", outs[0])
	}
}
