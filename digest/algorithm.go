package digest

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/sha512"
	"hash"

	"github.com/authwire/httpauth"
)

// Algorithm is a Digest algorithm of RFC 7616 section 3.3 (the IANA "HTTP
// Digest Hash Algorithms" registry). The zero Algorithm means the parameter
// is absent, which RFC 7616 reads as MD5; it is computed as MD5 but not
// written.
type Algorithm uint8

// The registered algorithms. The -sess variants compute A1 from the
// session nonce and cnonce (RFC 7616 section 3.4.2).
const (
	Unspecified Algorithm = iota // absent: computed as MD5
	MD5
	MD5Sess
	SHA256
	SHA256Sess
	SHA512_256 // FIPS 180-4 SHA-512/256; see the package documentation
	SHA512_256Sess
)

var algNames = [...]string{"", "MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess"}

// String returns the registered name, as it is written on the wire, or ""
// for Unspecified.
func (a Algorithm) String() string {
	if int(a) < len(algNames) {
		return algNames[a]
	}
	return "unknown"
}

// MarshalText returns the name as String does, so that encoding/json,
// encoding/xml and log/slog show "SHA-256" rather than a number.
func (a Algorithm) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// valid reports whether a is Unspecified or one of the registered
// algorithms.
func (a Algorithm) valid() bool { return int(a) < len(algNames) }

// family is a with the absent algorithm read as MD5, as RFC 7616 section
// 3.3 does: the value a nonce is bound to.
func (a Algorithm) family() Algorithm {
	if a == Unspecified {
		return MD5
	}
	return a
}

// ParseAlgorithm returns the algorithm named s, compared ASCII
// case-insensitively. "" gives Unspecified. ok is false for a name this
// package does not know; RFC 7616 says such a challenge is ignored.
func ParseAlgorithm(s string) (a Algorithm, ok bool) {
	for i, n := range algNames {
		if httpauth.EqualFold(s, n) {
			return Algorithm(i), true
		}
	}
	return 0, false
}

// Session reports whether a is one of the -sess variants.
func (a Algorithm) Session() bool { return a == MD5Sess || a == SHA256Sess || a == SHA512_256Sess }

// strength orders algorithms by their hash: SHA-512/256 > SHA-256 > MD5.
// The -sess variants have the strength of their hash.
func (a Algorithm) strength() int {
	switch a {
	case SHA512_256, SHA512_256Sess:
		return 3
	case SHA256, SHA256Sess:
		return 2
	case Unspecified, MD5, MD5Sess:
		return 1
	}
	return 0
}

// New returns a new hash.Hash computing a's H function: MD5, SHA-256, or
// FIPS 180-4 SHA-512/256 (crypto/sha512.New512_256).
func (a Algorithm) New() hash.Hash {
	switch a.strength() {
	case 3:
		return sha512.New512_256()
	case 2:
		return sha256.New()
	}
	return md5.New()
}
