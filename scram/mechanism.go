package scram

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/subtle"
	"encoding/base64"
	"hash"
	"strconv"
	"strings"
)

// This file is the SCRAM mechanism itself (RFC 5802), without channel
// binding: the client's two messages and its check of the server, and the
// server's check of the client proof. Messages are the decoded data
// values; encode them with base64.StdEncoding for the data parameter.
//
// Passwords are used as given. RFC 5802 asks for SASLprep (RFC 4013)
// first; it changes only non-ASCII and a few unusual passwords, so callers
// with such passwords normalize them before.

// gs2Header is the GS2 header this package sends and accepts: no channel
// binding, no authorization identity. Its base64 is "biws".
const gs2Header = "n,,"

// Attr is one attribute of a SCRAM message: a letter and its value.
type Attr struct {
	Name  byte
	Value string
}

// ParseAttrs splits a SCRAM message (or its part after the GS2 header) into
// its attributes: `attr-val *("," attr-val)` with `attr-val = ALPHA "="
// value`. A value may hold "=" but not ",".
func ParseAttrs(msg string) ([]Attr, error) {
	var out []Attr
	for _, f := range strings.Split(msg, ",") {
		if len(f) < 2 || f[1] != '=' || !('a' <= f[0] && f[0] <= 'z' || 'A' <= f[0] && f[0] <= 'Z') {
			return nil, &Error{Param: "data", Reason: "SCRAM message is not a list of letter=value attributes"}
		}
		out = append(out, Attr{Name: f[0], Value: f[2:]})
	}
	return out, nil
}

func attr(as []Attr, name byte) (string, bool) {
	for _, a := range as {
		if a.Name == name {
			return a.Value, true
		}
	}
	return "", false
}

// saslName escapes a user name for the n= attribute: "=" as "=3D", "," as
// "=2C".
func saslName(s string) string {
	return strings.NewReplacer("=", "=3D", ",", "=2C").Replace(s)
}

func unSASLName(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '=' {
			b.WriteByte(s[i])
			continue
		}
		switch {
		case strings.HasPrefix(s[i:], "=3D"):
			b.WriteByte('=')
		case strings.HasPrefix(s[i:], "=2C"):
			b.WriteByte(',')
		default:
			return "", false
		}
		i += 2
	}
	return b.String(), true
}

func hmacSum(h func() hash.Hash, key []byte, s string) []byte {
	m := hmac.New(h, key)
	m.Write([]byte(s))
	return m.Sum(nil)
}

// Keys are what a server stores for a user (RFC 5802 section 3): the salt,
// the iteration count, StoredKey = H(ClientKey) and ServerKey.
type Keys struct {
	Salt       []byte
	Iterations int
	StoredKey  []byte
	ServerKey  []byte
}

// saltedPassword is Hi(password, salt, i): PBKDF2 with HMAC-H.
func saltedPassword(h func() hash.Hash, password string, salt []byte, iter int) ([]byte, error) {
	if iter < 1 {
		return nil, &Error{Param: "data", Reason: "iteration count below 1"}
	}
	n := h().Size()
	return pbkdf2.Key(h, password, salt, iter, n)
}

// NewKeys derives the stored keys of a password. h is sha1.New for
// SCRAM-SHA-1 and sha256.New for SCRAM-SHA-256.
func NewKeys(h func() hash.Hash, password string, salt []byte, iterations int) (Keys, error) {
	sp, err := saltedPassword(h, password, salt, iterations)
	if err != nil {
		return Keys{}, err
	}
	ck := hmacSum(h, sp, "Client Key")
	d := h()
	d.Write(ck)
	return Keys{Salt: salt, Iterations: iterations, StoredKey: d.Sum(nil), ServerKey: hmacSum(h, sp, "Server Key")}, nil
}

// DefaultMaxIterations is the highest iteration count a [Client] accepts
// unless told otherwise.
const DefaultMaxIterations = 1_000_000

// Client runs the client side of one exchange. Set Hash, User, Password
// and Nonce (a fresh random printable string without ","), then call
// First, Final and Verify in turn.
type Client struct {
	Hash     func() hash.Hash
	User     string
	Password string
	Nonce    string
	// MaxIterations bounds the iteration count a server may ask for, so
	// that a hostile server cannot make the client spin; 0 means
	// DefaultMaxIterations.
	MaxIterations int

	clientFirstBare string
	authMessage     string
	serverKey       []byte
}

// First returns the client-first message: "n,,n=<user>,r=<nonce>".
func (c *Client) First() (string, error) {
	if c.Nonce == "" || strings.ContainsAny(c.Nonce, ",") || !printable(c.Nonce) {
		return "", &Error{Param: "data", Reason: "client nonce is empty or not printable ASCII without ','"}
	}
	c.clientFirstBare = "n=" + saslName(c.User) + ",r=" + c.Nonce
	return gs2Header + c.clientFirstBare, nil
}

func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7E {
			return false
		}
	}
	return true
}

// Final reads the server-first message and returns the client-final
// message with the proof. The server nonce must extend the client's.
func (c *Client) Final(serverFirst string) (string, error) {
	if c.clientFirstBare == "" {
		return "", &Error{Param: "data", Reason: "First was not called"}
	}
	as, err := ParseAttrs(serverFirst)
	if err != nil {
		return "", err
	}
	if _, ok := attr(as, 'm'); ok {
		return "", &Error{Param: "data", Reason: "server-first has a mandatory extension (m=)"}
	}
	nonce, ok1 := attr(as, 'r')
	salt64, ok2 := attr(as, 's')
	iters, ok3 := attr(as, 'i')
	if !ok1 || !ok2 || !ok3 {
		return "", &Error{Param: "data", Reason: "server-first lacks r, s or i"}
	}
	if len(nonce) <= len(c.Nonce) || !strings.HasPrefix(nonce, c.Nonce) {
		return "", &Error{Param: "data", Reason: "server nonce does not extend the client nonce"}
	}
	salt, err := base64.StdEncoding.DecodeString(salt64)
	if err != nil || len(salt) == 0 {
		return "", &Error{Param: "data", Reason: "salt is not base64"}
	}
	maxIter := c.MaxIterations
	if maxIter <= 0 {
		maxIter = DefaultMaxIterations
	}
	iter, err := strconv.Atoi(iters)
	if err != nil || iter < 1 || iter > maxIter {
		return "", &Error{Param: "data", Reason: "iteration count is below 1 or above the client's MaxIterations"}
	}
	sp, err := saltedPassword(c.Hash, c.Password, salt, iter)
	if err != nil {
		return "", err
	}
	withoutProof := "c=" + base64.StdEncoding.EncodeToString([]byte(gs2Header)) + ",r=" + nonce
	c.authMessage = c.clientFirstBare + "," + serverFirst + "," + withoutProof
	ck := hmacSum(c.Hash, sp, "Client Key")
	d := c.Hash()
	d.Write(ck)
	sig := hmacSum(c.Hash, d.Sum(nil), c.authMessage)
	for i := range ck {
		ck[i] ^= sig[i]
	}
	c.serverKey = hmacSum(c.Hash, sp, "Server Key")
	return withoutProof + ",p=" + base64.StdEncoding.EncodeToString(ck), nil
}

// Verify checks the server-final message ("v=<server signature>") in
// constant time. A server error ("e=...") is reported as an error.
func (c *Client) Verify(serverFinal string) error {
	if c.authMessage == "" {
		return &Error{Param: "data", Reason: "Final was not called"}
	}
	as, err := ParseAttrs(serverFinal)
	if err != nil {
		return err
	}
	if _, ok := attr(as, 'e'); ok {
		return &Error{Param: "data", Reason: "server-final reports an error (e=)"}
	}
	v, ok := attr(as, 'v')
	if !ok {
		return &Error{Param: "data", Reason: "server-final lacks v"}
	}
	want := base64.StdEncoding.EncodeToString(hmacSum(c.Hash, c.serverKey, c.authMessage))
	if subtle.ConstantTimeCompare([]byte(v), []byte(want)) != 1 {
		return &Error{Param: "data", Reason: "server signature does not match"}
	}
	return nil
}

// ParseClientFirst reads a client-first message: the GS2 header must be
// "n,," or "y,," (no channel binding, no authorization identity). It
// returns the user name (unescaped), the client nonce and the bare message
// (without the GS2 header), which the server keeps for the proof.
func ParseClientFirst(msg string) (user, nonce, bare string, err error) {
	var rest string
	switch {
	case strings.HasPrefix(msg, "n,,"), strings.HasPrefix(msg, "y,,"):
		rest = msg[3:]
	default:
		return "", "", "", &Error{Param: "data", Reason: "client-first GS2 header is not n,, or y,, (channel binding and authzid are not supported)"}
	}
	as, err := ParseAttrs(rest)
	if err != nil {
		return "", "", "", err
	}
	if len(as) < 2 || as[0].Name != 'n' || as[1].Name != 'r' || as[1].Value == "" {
		return "", "", "", &Error{Param: "data", Reason: "client-first does not start with n= and r="}
	}
	u, ok := unSASLName(as[0].Value)
	if !ok || u == "" {
		return "", "", "", &Error{Param: "data", Reason: "malformed user name"}
	}
	return u, as[1].Value, rest, nil
}

// ServerFirst returns the server-first message for keys and the combined
// nonce (the client nonce followed by the server's fresh part).
func ServerFirst(keys Keys, nonce string) string {
	return "r=" + nonce + ",s=" + base64.StdEncoding.EncodeToString(keys.Salt) + ",i=" + strconv.Itoa(keys.Iterations)
}

// VerifyClientFinal checks a client-final message against the stored
// keys, the client-first-bare and the server-first the server sent: the
// channel binding must be "biws" (n,,) or "eSws" (y,,), the nonce the
// server-first's, and the proof must match (compared in constant time).
// It returns the server-final message "v=<server signature>".
func VerifyClientFinal(h func() hash.Hash, keys Keys, clientFirstBare, serverFirst, clientFinal string) (string, error) {
	i := strings.LastIndex(clientFinal, ",p=")
	if i < 0 {
		return "", &Error{Param: "data", Reason: "client-final has no proof"}
	}
	withoutProof, proof64 := clientFinal[:i], clientFinal[i+3:]
	as, err := ParseAttrs(withoutProof)
	if err != nil {
		return "", err
	}
	cb, _ := attr(as, 'c')
	if cb != "biws" && cb != "eSws" {
		return "", &Error{Param: "data", Reason: "channel binding is not n,, or y,,"}
	}
	sfa, err := ParseAttrs(serverFirst)
	if err != nil {
		return "", err
	}
	sn, _ := attr(sfa, 'r')
	cn, _ := attr(as, 'r')
	if sn == "" || cn != sn {
		return "", &Error{Param: "data", Reason: "client-final nonce differs from the server-first nonce"}
	}
	proof, err := base64.StdEncoding.DecodeString(proof64)
	if err != nil || len(proof) != len(keys.StoredKey) {
		return "", &Error{Param: "data", Reason: "proof is not base64 of the hash size"}
	}
	am := clientFirstBare + "," + serverFirst + "," + withoutProof
	sig := hmacSum(h, keys.StoredKey, am)
	for k := range proof {
		proof[k] ^= sig[k] // now ClientKey
	}
	d := h()
	d.Write(proof)
	if subtle.ConstantTimeCompare(d.Sum(nil), keys.StoredKey) != 1 {
		return "", &Error{Param: "data", Reason: "client proof does not match"}
	}
	return "v=" + base64.StdEncoding.EncodeToString(hmacSum(h, keys.ServerKey, am)), nil
}
