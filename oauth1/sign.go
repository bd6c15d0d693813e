package oauth1

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base64"
	"net/url"
	"sort"
	"strings"

	"github.com/authwire/httpauth/internal/scheme"
)

// BaseString returns the signature base string of a request (RFC 5849
// section 3.4.1):
//
//	METHOD & encode(base string URI) & encode(normalized parameters)
//
// The base string URI is u's scheme and host in lower case, the port only
// when it is not the scheme's default, and the path ("/" when empty),
// without query or fragment. The parameters are those of u's query, of
// form (the decoded body, when it is application/x-www-form-urlencoded;
// nil otherwise) and the oauth_* parameters of c but oauth_signature (realm
// is left out), each encoded with [PercentEncode], sorted by name then
// value, and joined as name=value with "&".
func BaseString(method string, u *url.URL, form url.Values, c Credentials) (string, error) {
	if u == nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", scheme.Err(Scheme, "", errURL)
	}
	query, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return "", scheme.Err(Scheme, "", errQuery)
	}
	var pairs [][2]string
	addAll := func(vs url.Values) {
		for k, list := range vs {
			for _, v := range list {
				pairs = append(pairs, [2]string{PercentEncode(k), PercentEncode(v)})
			}
		}
	}
	addAll(query)
	addAll(form)
	for _, p := range c.params() {
		// params() writes these names so; neither is signed.
		if p.Name == "realm" || p.Name == "oauth_signature" {
			continue
		}
		// params() returns encoded values; names are unreserved.
		pairs = append(pairs, [2]string{p.Name, p.Value})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	var norm strings.Builder
	for i, p := range pairs {
		if i > 0 {
			norm.WriteByte('&')
		}
		norm.WriteString(p[0])
		norm.WriteByte('=')
		norm.WriteString(p[1])
	}

	scheme := strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	if port := u.Port(); port != "" && !(scheme == "http" && port == "80") && !(scheme == "https" && port == "443") {
		host += ":" + port
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	return strings.ToUpper(method) + "&" + PercentEncode(scheme+"://"+host+path) + "&" + PercentEncode(norm.String()), nil
}

// signingKey is encode(consumer secret) & encode(token secret) (RFC 5849
// section 3.4.2).
func signingKey(consumerSecret, tokenSecret string) string {
	return PercentEncode(consumerSecret) + "&" + PercentEncode(tokenSecret)
}

// SignHMACSHA1 returns the HMAC-SHA1 signature of a base string (RFC 5849
// section 3.4.2): base64 of HMAC-SHA1(encode(consumer secret) & encode(token
// secret), base string). tokenSecret is "" when there is no token.
func SignHMACSHA1(consumerSecret, tokenSecret, baseString string) string {
	m := hmac.New(sha1.New, []byte(signingKey(consumerSecret, tokenSecret)))
	m.Write([]byte(baseString))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// SignPlaintext returns the PLAINTEXT signature (RFC 5849 section 3.4.4):
// encode(consumer secret) & encode(token secret). Send it only over TLS.
func SignPlaintext(consumerSecret, tokenSecret string) string {
	return signingKey(consumerSecret, tokenSecret)
}

// Verify recomputes the signature of c for the request (see [BaseString]
// for method, u and form) with the given secrets and compares it with
// c.Signature in constant time. It supports HMAC-SHA1 and PLAINTEXT;
// RSA-SHA1 is refused. A signature that does not match is an error
// wrapping [httpauth.ErrVerification]. It does not check the timestamp or
// the nonce (replay), which RFC 5849 section 3.3 leaves to the server.
func (c Credentials) Verify(method string, u *url.URL, form url.Values, consumerSecret, tokenSecret string) error {
	if err := c.check(); err != nil {
		return err
	}
	var want string
	switch c.SignatureMethod {
	case HMACSHA1:
		base, err := BaseString(method, u, form, c)
		if err != nil {
			return err
		}
		want = SignHMACSHA1(consumerSecret, tokenSecret, base)
	case PLAINTEXT:
		want = SignPlaintext(consumerSecret, tokenSecret)
	default:
		return scheme.Err(Scheme, "oauth_signature_method", errMethod)
	}
	if subtle.ConstantTimeCompare([]byte(want), []byte(c.Signature)) != 1 {
		return scheme.Failed(Scheme, "oauth_signature", errNoMatch)
	}
	return nil
}
