package scheme

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/authwire/httpauth"
)

// Reasons about the form of a value, shared by several packages.
const (
	NotBase64       Reason = "not base64"
	NotBase64URL    Reason = "not base64url"
	NotDigits       Reason = "not a non-negative decimal integer"
	CTL             Reason = "control character"
	MissingToken68  Reason = "token68 missing"
	NotBase64URLSet Reason = "not non-empty base64url"
)

// Match returns the spelling among schemes (the names one package
// answers to, its own first) of the auth-scheme got, compared ASCII
// case-insensitively, or an error of schemes[0] wrapping
// httpauth.ErrOtherScheme. It is Check for a package that reads more than
// one scheme, as bearer reads Bearer and DPoP.
func Match(got string, schemes ...string) (string, error) {
	for _, s := range schemes {
		if httpauth.EqualFold(s, got) {
			return s, nil
		}
	}
	return "", Err(schemes[0], "", httpauth.ErrOtherScheme)
}

// Default is Match for the Scheme field of a value being built, where ""
// means the package's own scheme, schemes[0].
func Default(got string, schemes ...string) (string, error) {
	if got == "" {
		return schemes[0], nil
	}
	return Match(got, schemes...)
}

// Token68 returns nil when t, the token68 of a value of scheme, is one,
// and otherwise an error: MissingToken68 when t is empty, NotToken68 when
// it is not a token68.
func Token68(scheme, t string) error {
	if t == "" {
		return Err(scheme, "", MissingToken68)
	}
	if !httpauth.IsToken68(t) {
		return Err(scheme, "", NotToken68)
	}
	return nil
}

// DecodeBase64 decodes s with enc in strict mode, so that the pad bits of
// the last character must be zero (RFC 4648 section 3.5), and refuses the
// CR and LF that encoding/base64 skips even then. A text it accepts is
// therefore the one encoding of its bytes under enc: "YTpiYw==" decodes,
// "YTpiYx==" and "YTpi\r\nYw==" do not.
func DecodeBase64(enc *base64.Encoding, s string) ([]byte, bool) {
	if strings.IndexByte(s, '\r') >= 0 || strings.IndexByte(s, '\n') >= 0 {
		return nil, false
	}
	b, err := strict(enc).DecodeString(s)
	if err != nil {
		return nil, false
	}
	return b, true
}

// DecodeBase64OptPad is DecodeBase64 for a padded enc whose padding the
// sender may leave out: s is decoded without padding unless it ends with
// "=".
func DecodeBase64OptPad(enc *base64.Encoding, s string) ([]byte, bool) {
	if !strings.HasSuffix(s, "=") {
		enc = unpadded(enc)
	}
	return DecodeBase64(enc, s)
}

// Base64URL decodes s, the value of param of scheme, as base64url padded
// or not (see [DecodeBase64OptPad]); a text that is not, or decodes to no
// byte, is an error of reason NotBase64URLSet.
func Base64URL(scheme, param, s string) ([]byte, error) {
	b, ok := DecodeBase64OptPad(base64.URLEncoding, s)
	if !ok || len(b) == 0 {
		return nil, Err(scheme, param, NotBase64URLSet)
	}
	return b, nil
}

// The strict forms of the standard encodings, made once: Strict and
// WithPadding copy the encoding's tables at every call.
var (
	stdStrict    = base64.StdEncoding.Strict()
	rawStdStrict = base64.RawStdEncoding.Strict()
	urlStrict    = base64.URLEncoding.Strict()
	rawURLStrict = base64.RawURLEncoding.Strict()
)

func strict(enc *base64.Encoding) *base64.Encoding {
	switch enc {
	case base64.StdEncoding, stdStrict:
		return stdStrict
	case base64.RawStdEncoding, rawStdStrict:
		return rawStdStrict
	case base64.URLEncoding, urlStrict:
		return urlStrict
	case base64.RawURLEncoding, rawURLStrict:
		return rawURLStrict
	}
	return enc.Strict()
}

func unpadded(enc *base64.Encoding) *base64.Encoding {
	switch enc {
	case base64.StdEncoding, stdStrict:
		return rawStdStrict
	case base64.URLEncoding, urlStrict:
		return rawURLStrict
	}
	return enc.WithPadding(base64.NoPadding)
}

// Digits reads s, which must be 1*DIGIT and at most the largest int64, as
// a number (a max-age, a timestamp). Signs, spaces and other forms that
// strconv accepts are refused.
func Digits(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, false
	}
	return n, true
}

// Text reports whether v can be sent as a parameter value: it holds no
// control character other than HTAB (so no CR, LF or NUL). Bytes %x80-FF
// are left to the encoder, which refuses them unless its caller allows
// obs-text.
func Text(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// HasCTL reports whether s holds a control character (%x00-1F or %x7F),
// HTAB included: none belongs in a user name or a password, which are
// stricter than [Text].
func HasCTL(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return true
		}
	}
	return false
}
