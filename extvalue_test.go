package httpauth_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
)

const jason = "J\u00e4s\u00f8n Doe" // RFC 7616 section 3.9.2

func TestEncodeExtValue(t *testing.T) {
	if got, want := httpauth.EncodeExtValue(jason), "UTF-8''J%C3%A4s%C3%B8n%20Doe"; got != want {
		t.Errorf("EncodeExtValue(%q) = %q, want %q", jason, got, want)
	}
	if got, want := string(httpauth.AppendExtValue([]byte("username*="), jason)), "username*=UTF-8''J%C3%A4s%C3%B8n%20Doe"; got != want {
		t.Errorf("AppendExtValue(%q, %q) = %q, want %q", "username*=", jason, got, want)
	}
	if got, want := httpauth.EncodeExtValue("a*b'c%d e"), "UTF-8''a%2Ab%27c%25d%20e"; got != want {
		t.Errorf("EncodeExtValue(%q) = %q, want %q", "a*b'c%d e", got, want)
	}
	// Every byte that is not an attr-char is percent-encoded with
	// uppercase hex; the result is always a token, and decodes back when
	// the input is valid UTF-8 without control characters.
	for _, s := range []string{"", "a*b", "a'b", "a%b", "a b", "\"\\", "a\tb", "\u20ac", "~!#$&+-.^_`|", "\u00a0\u2028"} {
		e := httpauth.EncodeExtValue(s)
		if !httpauth.IsToken(e) {
			t.Errorf("EncodeExtValue(%q) = %q, not a token", s, e)
		}
		v, lang, err := httpauth.DecodeExtValue(e)
		if err != nil || v != s || lang != "" {
			t.Errorf("DecodeExtValue(EncodeExtValue(%q) = %q) = %q, %q, %v, want the input back", s, e, v, lang, err)
		}
	}
	// Control characters and invalid UTF-8 are encoded as they are, and
	// the result is refused by the decoder.
	for _, s := range []string{"\x00", "a\r\nb", "\x7f", "\u0085", "\xff"} {
		e := httpauth.EncodeExtValue(s)
		if !httpauth.IsToken(e) {
			t.Errorf("EncodeExtValue(%q) = %q, not a token", s, e)
		}
		if v, _, err := httpauth.DecodeExtValue(e); !errors.Is(err, httpauth.ErrExtValue) {
			t.Errorf("DecodeExtValue(EncodeExtValue(%q) = %q) = %q, %v, want ErrExtValue", s, e, v, err)
		}
	}
}

func TestDecodeExtValue(t *testing.T) {
	tests := []struct {
		in, value, lang string
	}{
		{"UTF-8''J%C3%A4s%C3%B8n%20Doe", jason, ""},
		{"utf-8''J%c3%a4s%c3%b8n%20Doe", jason, ""},
		{"UTF-8''%c2%a3%20and%20%e2%82%ac%20rates", "\u00a3 and \u20ac rates", ""}, // RFC 8187 3.2.3
		{"iso-8859-1'en'%A3%20rates", "\u00a3 rates", "en"},                        // RFC 8187 3.2.3
		{"ISO-8859-1''caf%E9", "caf\u00e9", ""},
		{"ISO-8859-1''%A0%FF", "\u00a0\u00ff", ""},
		{"UTF-8'de-CH'abc", "abc", "de-CH"},
		{"UTF-8''", "", ""},
		{"UTF-8''a%09b", "a\tb", ""},                            // HTAB is allowed, as in header values
		{"UTF-8''%F0%9F%98%80", "\U0001F600", ""},               // four bytes
		{"UTF-8''%EF%BF%BD", "\uFFFD", ""},                      // U+FFFD itself is valid
		{"UTF-8''%C2%A0%E2%80%A8", "\u00a0\u2028", ""},          // not control characters
		{"UTF-8''!#$&+-.^_`|~AZaz09", "!#$&+-.^_`|~AZaz09", ""}, // every attr-char class
	}
	for _, tt := range tests {
		v, lang, err := httpauth.DecodeExtValue(tt.in)
		if err != nil || v != tt.value || lang != tt.lang {
			t.Errorf("DecodeExtValue(%q) = %q, %q, %v, want %q, %q", tt.in, v, lang, err, tt.value, tt.lang)
		}
	}

	const (
		malformed = "malformed"
		charset   = "charset"
		utf8Err   = "UTF-8"
		control   = "control character"
	)
	errTests := []struct {
		in     string
		offset int
		reason string // a word of the message
	}{
		{"", 0, malformed},
		{"abc", 3, malformed},
		{"UTF-8'abc", 9, malformed},           // one quote
		{"''abc", 0, charset},                 // no charset
		{"KOI8-R''abc", 0, charset},           // unknown charset
		{"UTF-8''a b", 8, malformed},          // SP is not an attr-char
		{"UTF-8''a*b", 8, malformed},          // * is not an attr-char
		{"UTF-8''a'b", 8, malformed},          // nor '
		{"UTF-8''\"abc\"", 7, malformed},      // the quoted form is not allowed
		{"UTF-8''%", 7, malformed},            // truncated
		{"UTF-8''ab%4", 9, malformed},         // truncated
		{"UTF-8''%4G", 7, malformed},          // not hex
		{"UTF-8''x%zz", 8, malformed},         // not hex
		{"UTF-8''\u00e4", 7, malformed},       // raw non-ASCII
		{"UTF-8'e n'abc", 7, malformed},       // bad language
		{"UTF-8''abc\r\nX: y", 10, malformed}, // raw CTLs
		{"UTF-8''%FF", 7, utf8Err},            // never a UTF-8 byte
		{"UTF-8''ab%C3", 9, utf8Err},          // truncated character
		{"UTF-8''%C3%A4%C3x", 13, utf8Err},    // truncated, then ASCII
		{"UTF-8''%C0%80", 7, utf8Err},         // overlong NUL
		{"UTF-8''%ED%A0%80", 7, utf8Err},      // surrogate
		{"UTF-8''%F4%90%80%80", 7, utf8Err},   // past U+10FFFF
		{"UTF-8''a%80", 8, utf8Err},           // lone continuation byte
		// Decoded control characters, C0, DEL and C1, in both charsets:
		// the offset is the '%' that starts the character.
		{"UTF-8''admin%0D%0AX-Log-Injected%3A%20yes%00", 12, control},
		{"UTF-8''%00", 7, control},
		{"UTF-8''ok%7F", 9, control},
		{"UTF-8''%C2%85", 7, control}, // NEL
		{"UTF-8''%c2%9f", 7, control},
		{"ISO-8859-1''a%0A", 13, control},
		{"ISO-8859-1''%85", 12, control},
	}
	for _, tt := range errTests {
		v, lang, err := httpauth.DecodeExtValue(tt.in)
		var se *httpauth.SyntaxError
		if !errors.As(err, &se) || !errors.Is(err, httpauth.ErrExtValue) {
			t.Errorf("DecodeExtValue(%q) = %q, %q, %v, want a *SyntaxError wrapping ErrExtValue", tt.in, v, lang, err)
			continue
		}
		if se.Offset != tt.offset || !strings.Contains(err.Error(), tt.reason) {
			t.Errorf("DecodeExtValue(%q) error = %v (offset %d), want offset %d and a message naming %q", tt.in, err, se.Offset, tt.offset, tt.reason)
		}
		if v != "" || lang != "" {
			t.Errorf("DecodeExtValue(%q) = %q, %q on error, want empty strings", tt.in, v, lang)
		}
	}
}

// TestDecodeExtValueEveryByte decodes every byte value, percent-encoded and
// raw, after a prefix, in both charsets: it is refused exactly when it is a
// control character, not a character at all in UTF-8, or (raw) not an
// attr-char, and the offset points at it.
func TestDecodeExtValueEveryByte(t *testing.T) {
	for _, charset := range []string{"UTF-8", "ISO-8859-1"} {
		prefix := charset + "''ab"
		at := len(prefix)
		for b := 0; b < 256; b++ {
			c := byte(b)
			var want string // decoded value, "" when refused
			isCtl := c < 0x20 && c != '\t' || c == 0x7f
			switch {
			case charset == "UTF-8" && c >= 0x80:
				// a lone byte %x80-FF is never a UTF-8 character
			case charset == "ISO-8859-1" && c >= 0x80:
				if c >= 0xa0 {
					want = "ab" + string(rune(c))
				}
			case !isCtl:
				want = "ab" + string(rune(c))
			}
			in := prefix + fmt.Sprintf("%%%02X", c)
			v, _, err := httpauth.DecodeExtValue(in)
			checkExtByte(t, in, v, err, want, at)

			// Raw: only attr-chars stand for themselves.
			in = prefix + string([]byte{c})
			want = ""
			if strings.IndexByte("!#$&+-.^_`|~", c) >= 0 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				want = "ab" + string(rune(c))
			}
			v, _, err = httpauth.DecodeExtValue(in)
			if c == '%' {
				continue // a truncated percent-encoding, checked above
			}
			checkExtByte(t, in, v, err, want, at)
		}
	}
	// Every two-byte UTF-8 character: C1 controls are refused.
	for r := rune(0x80); r < 0x800; r++ {
		b := utf8.AppendRune(nil, r)
		in := fmt.Sprintf("UTF-8''ab%%%02X%%%02X", b[0], b[1])
		want := "ab" + string(r)
		if r <= 0x9f {
			want = ""
		}
		v, _, err := httpauth.DecodeExtValue(in)
		checkExtByte(t, in, v, err, want, len("UTF-8''ab"))
	}
}

func checkExtByte(t *testing.T, in, v string, err error, want string, at int) {
	t.Helper()
	if want != "" {
		if err != nil || v != want {
			t.Errorf("DecodeExtValue(%q) = %q, %v, want %q", in, v, err, want)
		}
		return
	}
	var se *httpauth.SyntaxError
	if !errors.As(err, &se) || se.Offset != at || !errors.Is(err, httpauth.ErrExtValue) {
		t.Errorf("DecodeExtValue(%q) = %q, %v, want ErrExtValue at offset %d", in, v, err, at)
	}
}

func TestDecodeExtValueAllocs(t *testing.T) {
	skipIfAllocsInflated(t)
	for _, tt := range []struct {
		in   string
		want float64
	}{
		{"UTF-8'en'plain-ASCII", 0}, // a substring of the input
		{"UTF-8''J%C3%A4s%C3%B8n%20Doe", 1},
		{"ISO-8859-1''caf%E9", 1},
	} {
		got := testing.AllocsPerRun(100, func() {
			if _, _, err := httpauth.DecodeExtValue(tt.in); err != nil {
				panic(err)
			}
		})
		if got != tt.want {
			t.Errorf("DecodeExtValue(%q): %v allocations, want %v", tt.in, got, tt.want)
		}
	}
}

func TestExtParam(t *testing.T) {
	tests := []struct {
		name, value string
		want        httpauth.Param
	}{
		{"username", "Mufasa", httpauth.Param{Name: "username", Value: "Mufasa"}},
		{"username", "Mu fa\"sa", httpauth.Param{Name: "username", Value: "Mu fa\"sa"}},
		{"username", "a\tb", httpauth.Param{Name: "username", Value: "a\tb"}},
		{"username", jason, httpauth.Param{Name: "username*", Value: "UTF-8''J%C3%A4s%C3%B8n%20Doe"}},
	}
	for _, tt := range tests {
		got := httpauth.ExtParam(tt.name, tt.value)
		if got != tt.want {
			t.Errorf("ExtParam(%q, %q) = %+v, want %+v", tt.name, tt.value, got, tt.want)
		}
		// Either form is accepted by the default encoder and parses back.
		c := httpauth.Credentials{Scheme: "Digest", Params: httpauth.Params{got}}
		s, err := c.Encode()
		if err != nil {
			t.Errorf("Encode of %+v: %v", got, err)
			continue
		}
		back, err := httpauth.ParseCredentials(s)
		if err != nil || !cmp.Equal(back.Params, c.Params) {
			t.Errorf("ParseCredentials(%q) = %+v, %v, want params %v", s, plain(back), err, c.Params)
		}
	}
	// A value with a control character cannot be sent in either form: it
	// stays plain, and the encoder refuses it.
	for _, v := range []string{"a\r\nb", "a\x7f", "\x00"} {
		p := httpauth.ExtParam("username", v)
		if p.Name != "username" || p.Value != v {
			t.Errorf("ExtParam(%q, %q) = %+v, want the plain parameter", "username", v, p)
		}
		if _, err := httpauth.AppendCredentials(nil, httpauth.Credentials{Scheme: "Digest", Params: httpauth.Params{p}}); !errors.Is(err, httpauth.ErrEncode) {
			t.Errorf("AppendCredentials with %+v: err = %v, want a refusal", p, err)
		}
	}
}

// FuzzDecodeExtValue checks DecodeExtValue on any input: it never panics;
// an error is a *SyntaxError wrapping ErrExtValue with an offset in the
// input; a decoded value is valid UTF-8 without control characters (but
// HTAB), and EncodeExtValue gives it back; and the encoder accepts a "*"
// parameter with exactly the values DecodeExtValue accepts.
func FuzzDecodeExtValue(f *testing.F) {
	for _, s := range []string{"UTF-8''J%C3%A4s%C3%B8n%20Doe", "iso-8859-1'en'%A3%20rates", "UTF-8''admin%0D%0A", "UTF-8''%C2%85", "UTF-8''%F0%9F%98%80", "utf-8'x'a%", "''"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, _, err := httpauth.DecodeExtValue(in)
		_, encErr := httpauth.AppendParams(nil, httpauth.Params{{Name: "x*", Value: in}})
		if (err == nil) != (encErr == nil) {
			t.Fatalf("DecodeExtValue(%q) error %v, but the encoder says %v", in, err, encErr)
		}
		if err != nil {
			var se *httpauth.SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, httpauth.ErrExtValue) || se.Offset < 0 || se.Offset > len(in) {
				t.Fatalf("DecodeExtValue(%q) error %v: want a *SyntaxError wrapping ErrExtValue in the input", in, err)
			}
			return
		}
		if !utf8.ValidString(v) {
			t.Fatalf("DecodeExtValue(%q) = %q, not UTF-8", in, v)
		}
		for _, r := range v {
			if r < 0x20 && r != '\t' || 0x7f <= r && r <= 0x9f {
				t.Fatalf("DecodeExtValue(%q) = %q holds control character %U", in, v, r)
			}
		}
		if back, _, err := httpauth.DecodeExtValue(httpauth.EncodeExtValue(v)); err != nil || back != v {
			t.Fatalf("DecodeExtValue(EncodeExtValue(%q)) = %q, %v", v, back, err)
		}
	})
}
