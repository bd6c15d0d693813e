package aws4

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/authwire/httpauth/internal/scheme"
)

// This file computes and checks the signature (AWS documentation, "Create
// a signed AWS API request"): canonical request, string to sign, signing
// key, signature.

// EmptyPayloadHash is the hex SHA-256 of an empty body.
const EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// HashPayload returns the lowercase hex SHA-256 of a request body, the last
// line of the canonical request.
func HashPayload(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// URIEncode encodes s as AWS's UriEncode does: every byte but ALPHA, DIGIT,
// "-", ".", "_" and "~" becomes "%" and two uppercase hex digits; "/" is
// kept when keepSlash is set (for paths).
func URIEncode(s string, keepSlash bool) string {
	const hexd = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/' && keepSlash:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexd[c>>4])
			b.WriteByte(hexd[c&15])
		}
	}
	return b.String()
}

// CanonicalQuery returns the canonical query string of a raw query: each
// name and value percent-decoded (a "+" stays a "+"), encoded with
// [URIEncode], sorted by name then value, joined as name=value with "&".
// A parameter without "=" gets an empty value.
func CanonicalQuery(rawQuery string) (string, error) {
	if rawQuery == "" {
		return "", nil
	}
	var pairs []string
	for _, kv := range strings.Split(rawQuery, "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		dk, err1 := url.PathUnescape(k)
		dv, err2 := url.PathUnescape(v)
		if err1 != nil || err2 != nil {
			return "", scheme.Err(Scheme, "", errQuery)
		}
		pairs = append(pairs, URIEncode(dk, false)+"="+URIEncode(dv, false))
	}
	// By name, then by value (code points: the encoded text is ASCII).
	sort.Slice(pairs, func(i, j int) bool {
		ki, vi, _ := strings.Cut(pairs[i], "=")
		kj, vj, _ := strings.Cut(pairs[j], "=")
		if ki != kj {
			return ki < kj
		}
		return vi < vj
	})
	return strings.Join(pairs, "&"), nil
}

// CanonicalHeaders returns the canonical headers block for the signed
// header names: one "name:value\n" line per name, values trimmed with
// inner runs of spaces reduced to one, several values joined by ",". Go
// servers keep Host out of http.Header: host is used for "host" when h has
// none. A signed header that is missing is an error.
func CanonicalHeaders(h http.Header, host string, signed []string) (string, error) {
	var b strings.Builder
	for _, name := range signed {
		vals := h.Values(name)
		if len(vals) == 0 && name == "host" && host != "" {
			vals = []string{host}
		}
		if len(vals) == 0 {
			return "", scheme.Err(Scheme, "SignedHeaders", errMissingHdr)
		}
		b.WriteString(name)
		b.WriteByte(':')
		for i, v := range vals {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strings.Join(strings.Fields(v), " "))
		}
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// CanonicalRequest joins the parts of a canonical request:
//
//	METHOD \n canonical URI \n canonical query \n canonical headers \n signed headers \n payload hash
//
// canonicalHeaders ends with its own newline, as [CanonicalHeaders] writes
// it. The canonical URI is the URI-encoded absolute path ("/" when empty);
// for services other than S3 AWS encodes each path segment twice.
func CanonicalRequest(method, canonicalURI, canonicalQuery, canonicalHeaders string, signed []string, payloadHash string) string {
	if canonicalURI == "" {
		canonicalURI = "/"
	}
	return method + "\n" + canonicalURI + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" +
		strings.Join(signed, ";") + "\n" + payloadHash
}

// StringToSign returns the string to sign for a request made at amzDate
// (the X-Amz-Date value, YYYYMMDD'T'HHMMSS'Z') in scope s:
//
//	AWS4-HMAC-SHA256 \n amzDate \n date/region/service/aws4_request \n hex(SHA-256(canonical request))
func StringToSign(amzDate string, s Scope, canonicalRequest string) string {
	sum := sha256.Sum256([]byte(canonicalRequest))
	return Scheme + "\n" + amzDate + "\n" + s.Date + "/" + s.Region + "/" + s.Service + "/" + s.Request + "\n" +
		hex.EncodeToString(sum[:])
}

func hmacSHA256(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

// SigningKey derives the signing key of a scope from the secret access
// key: HMAC-SHA256 chained over "AWS4"+secret, date, region, service and
// "aws4_request".
func SigningKey(secret string, s Scope) []byte {
	k := hmacSHA256([]byte("AWS4"+secret), s.Date)
	k = hmacSHA256(k, s.Region)
	k = hmacSHA256(k, s.Service)
	return hmacSHA256(k, s.Request)
}

// Sign returns the signature of stringToSign: lowercase hex of
// HMAC-SHA256(signing key, string to sign).
func Sign(signingKey []byte, stringToSign string) string {
	return hex.EncodeToString(hmacSHA256(signingKey, stringToSign))
}

// Verify recomputes the signature of a from the secret access key of its
// access key ID, the request's X-Amz-Date value and its canonical request,
// and compares it with a.Signature in constant time; a signature that does
// not match is an error wrapping [httpauth.ErrVerification]. It checks
// that amzDate falls on the scope's date; it does not check clock skew.
func (a Credentials) Verify(secret, amzDate, canonicalRequest string) error {
	if err := a.check(); err != nil {
		return err
	}
	if len(amzDate) != 16 || amzDate[:8] != a.Credential.Date || amzDate[8] != 'T' || amzDate[15] != 'Z' {
		return scheme.Err(Scheme, "Credential", errAmzDate)
	}
	want := Sign(SigningKey(secret, a.Credential), StringToSign(amzDate, a.Credential, canonicalRequest))
	if subtle.ConstantTimeCompare([]byte(want), []byte(a.Signature)) != 1 {
		return scheme.Failed(Scheme, "Signature", errNoMatch)
	}
	return nil
}
