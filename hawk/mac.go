package hawk

import (
	"crypto/hmac"
	"crypto/subtle"
	"encoding/base64"
	"hash"
	"strconv"
	"strings"

	"github.com/authwire/httpauth/internal/scheme"
)

// Request is the part of an HTTP request that a Hawk MAC covers.
type Request struct {
	Method   string // e.g. "GET"; upper-cased in the MAC
	Resource string // path and query as sent, e.g. "/resource/1?b=1&a=2"
	Host     string // without the port; lower-cased in the MAC
	Port     int    // e.g. 443, also when the Host field omits it
}

func (r Request) check() error {
	for _, f := range [...]struct{ name, v string }{{"method", r.Method}, {"resource", r.Resource}, {"host", r.Host}} {
		if f.v == "" {
			return scheme.Err(Scheme, f.name, errRequest)
		}
		for i := 0; i < len(f.v); i++ {
			if c := f.v[i]; c < 0x21 || c > 0x7E {
				return scheme.Err(Scheme, f.name, errRequest)
			}
		}
	}
	if r.Port <= 0 || r.Port > 65535 {
		return scheme.Err(Scheme, "port", errPort)
	}
	return nil
}

// normalized returns the string a Hawk MAC signs:
//
//	hawk.1.<typ>\n<ts>\n<nonce>\n<METHOD>\n<resource>\n<host>\n<port>\n<hash>\n<ext>\n[<app>\n<dlg>\n]
//
// Values were checked by validValue (no "\" or newline), so ext needs no
// escaping. dlg is covered only together with app: check refuses dlg
// without app.
func normalized(typ string, r Request, a Credentials, hash, ext string) string {
	var b strings.Builder
	b.WriteString("hawk.1.")
	b.WriteString(typ)
	b.WriteByte('\n')
	b.WriteString(strconv.FormatInt(a.TS, 10))
	b.WriteByte('\n')
	b.WriteString(a.Nonce)
	b.WriteByte('\n')
	b.WriteString(strings.ToUpper(r.Method))
	b.WriteByte('\n')
	b.WriteString(r.Resource)
	b.WriteByte('\n')
	b.WriteString(strings.ToLower(r.Host))
	b.WriteByte('\n')
	b.WriteString(strconv.Itoa(r.Port))
	b.WriteByte('\n')
	b.WriteString(hash)
	b.WriteByte('\n')
	b.WriteString(ext)
	b.WriteByte('\n')
	if a.App != "" {
		b.WriteString(a.App)
		b.WriteByte('\n')
		b.WriteString(a.Dlg)
		b.WriteByte('\n')
	}
	return b.String()
}

func mac(newHash func() hash.Hash, key []byte, s string) string {
	m := hmac.New(newHash, key)
	m.Write([]byte(s))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// checkHash refuses a hash constructor that would make crypto/hmac panic
// (see scheme.HashSize).
func checkHash(newHash func() hash.Hash) error {
	if _, ok := scheme.HashSize(newHash); !ok {
		return scheme.Err(Scheme, "", errHash)
	}
	return nil
}

// checkMAC compares two base64 MACs in constant time.
func checkMAC(got, want string) error {
	if subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return scheme.Failed(Scheme, "mac", errMACDiffer)
	}
	return nil
}

// PayloadHash returns the base64 hash of a payload for the hash parameter:
// the hash of "hawk.1.payload\n<content-type>\n<payload>\n", where the
// content type is lower-cased and stripped of its parameters. newHash is
// the credentials' algorithm (sha256.New or sha1.New); like every function
// of the package that takes a hash constructor, it refuses one that is
// nil, returns nil or returns the same value twice.
func PayloadHash(newHash func() hash.Hash, contentType string, payload []byte) (string, error) {
	if err := checkHash(newHash); err != nil {
		return "", err
	}
	ct, _, _ := strings.Cut(contentType, ";")
	h := newHash()
	h.Write([]byte("hawk.1.payload\n"))
	h.Write([]byte(strings.ToLower(strings.TrimSpace(ct))))
	h.Write([]byte("\n"))
	h.Write(payload)
	h.Write([]byte("\n"))
	return base64.StdEncoding.EncodeToString(h.Sum(nil)), nil
}

// ComputeMAC returns the request MAC for a (its MAC field is ignored):
// base64 of HMAC(key, normalized string) with newHash as the credentials'
// algorithm (sha256.New or sha1.New). It refuses credentials that
// ParseCredentials would refuse, a malformed request and a hash
// constructor that would make crypto/hmac panic.
func (a Credentials) ComputeMAC(newHash func() hash.Hash, key []byte, r Request) (string, error) {
	if err := r.check(); err != nil {
		return "", err
	}
	b := a
	if b.MAC == "" {
		b.MAC = "AAAA" // check the other fields
	}
	if err := b.check(); err != nil {
		return "", err
	}
	if err := checkHash(newHash); err != nil {
		return "", err
	}
	return mac(newHash, key, normalized("header", r, a, a.Hash, a.Ext)), nil
}

// Verify recomputes the request MAC and compares it with a.MAC in constant
// time; a MAC that does not match is an error wrapping
// [httpauth.ErrVerification]. It does not check the timestamp or the nonce
// (replay), nor the payload hash against the body: see [PayloadHash].
func (a Credentials) Verify(newHash func() hash.Hash, key []byte, r Request) error {
	want, err := a.ComputeMAC(newHash, key, r)
	if err != nil {
		return err
	}
	return checkMAC(a.MAC, want)
}

// ComputeMAC returns the response MAC for s (its MAC field is ignored),
// answering the request r authorized by a: the normalized string of type
// "response" with a's ts, nonce, app and dlg, and s's hash and ext.
func (s ServerAuthorization) ComputeMAC(newHash func() hash.Hash, key []byte, r Request, a Credentials) (string, error) {
	if err := r.check(); err != nil {
		return "", err
	}
	if err := a.check(); err != nil {
		return "", err
	}
	t := s
	if t.MAC == "" {
		t.MAC = "AAAA"
	}
	if err := t.check(); err != nil {
		return "", err
	}
	if err := checkHash(newHash); err != nil {
		return "", err
	}
	return mac(newHash, key, normalized("response", r, a, s.Hash, s.Ext)), nil
}

// Verify recomputes the response MAC and compares it with s.MAC in
// constant time; a MAC that does not match is an error wrapping
// [httpauth.ErrVerification].
func (s ServerAuthorization) Verify(newHash func() hash.Hash, key []byte, r Request, a Credentials) error {
	want, err := s.ComputeMAC(newHash, key, r, a)
	if err != nil {
		return err
	}
	return checkMAC(s.MAC, want)
}
