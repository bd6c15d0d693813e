package scram

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"hash"
	"log/slog"
	"strconv"
	"strings"

	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
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

// Reasons of the mechanism's errors; none holds input.
const (
	errAttrs        scheme.Reason = "SCRAM message is not a list of letter=value attributes"
	errHash         scheme.Reason = "hash constructor is nil, returns nil or one value twice, or makes empty sums"
	errKeysHash     scheme.Reason = "stored keys were made with a hash of another size"
	errIterations   scheme.Reason = "iteration count below 1"
	errMaxIter      scheme.Reason = "iteration count is below 1 or above the client's MaxIterations"
	errNonce        scheme.Reason = "client nonce is empty or not printable ASCII without ','"
	errNoFirst      scheme.Reason = "First was not called"
	errNoFinal      scheme.Reason = "Final was not called"
	errMandatoryExt scheme.Reason = "server-first has a mandatory extension (m=)"
	errServerFirst  scheme.Reason = "server-first lacks r, s or i"
	errShortNonce   scheme.Reason = "server nonce does not extend the client nonce"
	errSalt         scheme.Reason = "salt is not base64"
	errServerError  scheme.Reason = "server-final reports an error (e=)"
	errNoV          scheme.Reason = "server-final lacks v"
	errSignature    scheme.Reason = "server signature does not match"
	errGS2          scheme.Reason = "client-first GS2 header is not n,, or y,, (channel binding and authzid are not supported)"
	errClientFirst  scheme.Reason = "client-first does not start with n= and r="
	errUser         scheme.Reason = "malformed user name"
	errNoProof      scheme.Reason = "client-final has no proof"
	errBinding      scheme.Reason = "channel binding is not n,, or y,,"
	errFinalNonce   scheme.Reason = "client-final nonce differs from the server-first nonce"
	errProofForm    scheme.Reason = "proof is not base64 of the hash size"
	errProof        scheme.Reason = "client proof does not match"
)

// nameOf returns the scheme whose hash makes sums of size: SCRAM-SHA-1 for
// SHA-1's 20 bytes, SCRAM-SHA-256 otherwise. Errors of the mechanism name
// it.
func nameOf(size int) string {
	if size == sha1.Size {
		return SHA1
	}
	return SHA256
}

// hashSize checks h (see scheme.HashSize) and returns the size of its sums.
func hashSize(h func() hash.Hash) (int, error) {
	n, ok := scheme.HashSize(h)
	if !ok {
		return 0, scheme.Err(Scheme, "", errHash)
	}
	return n, nil
}

// Attr is one attribute of a SCRAM message: a letter and its value. The
// value of a client proof (p) or a server signature (v) is secret: an Attr
// prints it masked.
type Attr struct {
	Name  byte
	Value string
}

// ParseAttrs splits a SCRAM message (or its part after the GS2 header) into
// its attributes: `attr-val *("," attr-val)` with `attr-val = ALPHA "="
// value`. A value may hold "=" but not ",".
func ParseAttrs(msg string) ([]Attr, error) {
	var out []Attr
	for f := range strings.SplitSeq(msg, ",") {
		if len(f) < 2 || f[1] != '=' || !('a' <= f[0] && f[0] <= 'z' || 'A' <= f[0] && f[0] <= 'Z') {
			return nil, scheme.Err(Scheme, "data", errAttrs)
		}
		out = append(out, Attr{Name: f[0], Value: f[2:]})
	}
	return out, nil
}

func (a Attr) view() redact.View {
	return redact.View{Type: "scram.Attr", Fields: []redact.Field{
		{Name: "Name", Value: string(rune(a.Name))},
		{Name: "Value", Value: a.Value, Secret: a.Name == 'p' || a.Name == 'v'},
	}}
}

// String returns a, its value masked when it is a proof or a signature.
func (a Attr) String() string { return a.view().String() }

// Format prints a as String does, under every verb.
func (a Attr) Format(f fmt.State, verb rune) { a.view().Format(f, verb) }

// MarshalJSON returns a as a JSON object, its value masked when it is a
// proof or a signature.
func (a Attr) MarshalJSON() ([]byte, error) { return a.view().MarshalJSON() }

// MarshalXML writes a as an XML element, its value masked when it is a
// proof or a signature.
func (a Attr) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return a.view().MarshalXML(e, start)
}

// LogValue returns a as a slog group, its value masked when it is a proof
// or a signature.
func (a Attr) LogValue() slog.Value { return a.view().LogValue() }

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
// the iteration count, StoredKey = H(ClientKey) and ServerKey. The two
// keys are secret: a Keys value prints them masked.
type Keys struct {
	Salt       []byte
	Iterations int
	StoredKey  []byte
	ServerKey  []byte
}

func (k Keys) view() redact.View {
	return redact.View{Type: "scram.Keys", Fields: []redact.Field{
		{Name: "Salt", Value: k.Salt},
		{Name: "Iterations", Value: k.Iterations},
		{Name: "StoredKey", Value: k.StoredKey, Secret: true},
		{Name: "ServerKey", Value: k.ServerKey, Secret: true},
	}}
}

// String returns k with its keys masked, as every printed form does.
func (k Keys) String() string { return k.view().String() }

// Format prints k with its keys masked, under every verb.
func (k Keys) Format(f fmt.State, verb rune) { k.view().Format(f, verb) }

// MarshalJSON returns k as a JSON object with its keys masked.
func (k Keys) MarshalJSON() ([]byte, error) { return k.view().MarshalJSON() }

// MarshalXML writes k as an XML element with its keys masked.
func (k Keys) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return k.view().MarshalXML(e, start)
}

// LogValue returns k as a slog group with its keys masked.
func (k Keys) LogValue() slog.Value { return k.view().LogValue() }

// saltedPassword is Hi(password, salt, i): PBKDF2 with HMAC-H, whose sums
// have size n.
func saltedPassword(h func() hash.Hash, n int, password string, salt []byte, iter int) ([]byte, error) {
	if iter < 1 {
		return nil, scheme.Err(nameOf(n), "data", errIterations)
	}
	sp, err := pbkdf2.Key(h, password, salt, iter, n)
	if err != nil {
		return nil, scheme.Err(nameOf(n), "", errHash)
	}
	return sp, nil
}

// NewKeys derives the stored keys of a password. h is sha1.New for
// SCRAM-SHA-1 and sha256.New for SCRAM-SHA-256.
func NewKeys(h func() hash.Hash, password string, salt []byte, iterations int) (Keys, error) {
	n, err := hashSize(h)
	if err != nil {
		return Keys{}, err
	}
	sp, err := saltedPassword(h, n, password, salt, iterations)
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
// First, Final and Verify in turn. The password and the keys derived from
// it never print: a Client shows User, Nonce and MaxIterations.
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

// view describes c for printing. The printing methods take a Client by
// value, so that a Client and a *Client print alike.
func (c Client) view() redact.View {
	return redact.View{Type: "scram.Client", Fields: []redact.Field{
		{Name: "User", Value: c.User},
		{Name: "Password", Value: c.Password, Secret: true},
		{Name: "Nonce", Value: c.Nonce},
		{Name: "MaxIterations", Value: c.MaxIterations},
	}}
}

// String returns c without its password and keys, as every printed form
// does.
func (c Client) String() string { return c.view().String() }

// Format prints c without its password and keys, under every verb.
func (c Client) Format(f fmt.State, verb rune) { c.view().Format(f, verb) }

// MarshalJSON returns c as a JSON object without its password and keys.
func (c Client) MarshalJSON() ([]byte, error) { return c.view().MarshalJSON() }

// MarshalXML writes c as an XML element without its password and keys.
func (c Client) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return c.view().MarshalXML(e, start)
}

// LogValue returns c as a slog group without its password and keys.
func (c Client) LogValue() slog.Value { return c.view().LogValue() }

// First returns the client-first message: "n,,n=<user>,r=<nonce>".
func (c *Client) First() (string, error) {
	if c.Nonce == "" || strings.ContainsAny(c.Nonce, ",") || !printable(c.Nonce) {
		return "", scheme.Err(Scheme, "data", errNonce)
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
// message with the proof. The server nonce must extend the client's, and
// the iteration count must not pass MaxIterations.
func (c *Client) Final(serverFirst string) (string, error) {
	n, err := hashSize(c.Hash)
	if err != nil {
		return "", err
	}
	name := nameOf(n)
	if c.clientFirstBare == "" {
		return "", scheme.Err(name, "data", errNoFirst)
	}
	as, err := ParseAttrs(serverFirst)
	if err != nil {
		return "", err
	}
	if _, ok := attr(as, 'm'); ok {
		return "", scheme.Err(name, "data", errMandatoryExt)
	}
	nonce, ok1 := attr(as, 'r')
	salt64, ok2 := attr(as, 's')
	iters, ok3 := attr(as, 'i')
	if !ok1 || !ok2 || !ok3 {
		return "", scheme.Err(name, "data", errServerFirst)
	}
	if len(nonce) <= len(c.Nonce) || !strings.HasPrefix(nonce, c.Nonce) {
		return "", scheme.Err(name, "data", errShortNonce)
	}
	salt, ok := scheme.DecodeBase64(base64.StdEncoding, salt64)
	if !ok || len(salt) == 0 {
		return "", scheme.Err(name, "data", errSalt)
	}
	maxIter := c.MaxIterations
	if maxIter <= 0 {
		maxIter = DefaultMaxIterations
	}
	iter, err := strconv.Atoi(iters)
	if err != nil || iter < 1 || iter > maxIter {
		return "", scheme.Err(name, "data", errMaxIter)
	}
	sp, err := saltedPassword(c.Hash, n, c.Password, salt, iter)
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
// constant time. A signature that does not match is an error wrapping
// [httpauth.ErrVerification]; a server error ("e=...") is another error.
func (c *Client) Verify(serverFinal string) error {
	n, err := hashSize(c.Hash)
	if err != nil {
		return err
	}
	name := nameOf(n)
	if c.authMessage == "" || len(c.serverKey) != n {
		return scheme.Err(name, "data", errNoFinal)
	}
	as, err := ParseAttrs(serverFinal)
	if err != nil {
		return err
	}
	if _, ok := attr(as, 'e'); ok {
		return scheme.Err(name, "data", errServerError)
	}
	v, ok := attr(as, 'v')
	if !ok {
		return scheme.Err(name, "data", errNoV)
	}
	want := base64.StdEncoding.EncodeToString(hmacSum(c.Hash, c.serverKey, c.authMessage))
	if subtle.ConstantTimeCompare([]byte(v), []byte(want)) != 1 {
		return scheme.Failed(name, "data", errSignature)
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
		return "", "", "", scheme.Err(Scheme, "data", errGS2)
	}
	as, err := ParseAttrs(rest)
	if err != nil {
		return "", "", "", err
	}
	if len(as) < 2 || as[0].Name != 'n' || as[1].Name != 'r' || as[1].Value == "" {
		return "", "", "", scheme.Err(Scheme, "data", errClientFirst)
	}
	u, ok := unSASLName(as[0].Value)
	if !ok || u == "" {
		return "", "", "", scheme.Err(Scheme, "data", errUser)
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
//
// h must be the hash the keys were made with: keys of another size are
// an error, whatever the caller picked h from. A proof or a nonce that
// does not match is an error wrapping [httpauth.ErrVerification]; a
// malformed message is another error.
func VerifyClientFinal(h func() hash.Hash, keys Keys, clientFirstBare, serverFirst, clientFinal string) (string, error) {
	n, err := hashSize(h)
	if err != nil {
		return "", err
	}
	name := nameOf(n)
	if len(keys.StoredKey) != n || len(keys.ServerKey) != n {
		return "", scheme.Err(name, "", errKeysHash)
	}
	i := strings.LastIndex(clientFinal, ",p=")
	if i < 0 {
		return "", scheme.Err(name, "data", errNoProof)
	}
	withoutProof, proof64 := clientFinal[:i], clientFinal[i+3:]
	as, err := ParseAttrs(withoutProof)
	if err != nil {
		return "", err
	}
	cb, _ := attr(as, 'c')
	if cb != "biws" && cb != "eSws" {
		return "", scheme.Err(name, "data", errBinding)
	}
	sfa, err := ParseAttrs(serverFirst)
	if err != nil {
		return "", err
	}
	sn, _ := attr(sfa, 'r')
	cn, _ := attr(as, 'r')
	if sn == "" || cn != sn {
		return "", scheme.Failed(name, "data", errFinalNonce)
	}
	proof, ok := scheme.DecodeBase64(base64.StdEncoding, proof64)
	if !ok || len(proof) != n {
		return "", scheme.Err(name, "data", errProofForm)
	}
	am := clientFirstBare + "," + serverFirst + "," + withoutProof
	sig := hmacSum(h, keys.StoredKey, am)
	for k := range proof {
		proof[k] ^= sig[k] // now ClientKey
	}
	d := h()
	d.Write(proof)
	if subtle.ConstantTimeCompare(d.Sum(nil), keys.StoredKey) != 1 {
		return "", scheme.Failed(name, "data", errProof)
	}
	return "v=" + base64.StdEncoding.EncodeToString(hmacSum(h, keys.ServerKey, am)), nil
}
