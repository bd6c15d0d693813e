package digest

import (
	"crypto/sha512"
	"hash"
	"testing"

	"github.com/authwire/httpauth"
)

// truncated512 is SHA-512 with its output cut to 256 bits. It is NOT
// SHA-512/256 (FIPS 180-4 section 5.3.6 uses different initial hash
// values), but it is what reproduces the values printed in RFC 7616
// section 3.9.2 (erratum 4897).
type truncated512 struct{ hash.Hash }

func (t truncated512) Sum(b []byte) []byte { return t.Hash.Sum(b)[:len(b)+32] }
func (t truncated512) Size() int           { return 32 }

// RFC 7616 section 3.9.2 inputs.
var sec392 = struct {
	ch Challenge
	in Input
}{
	Challenge{
		Realm: "api@example.org", QOP: []string{"auth"}, Algorithm: SHA512_256,
		Nonce:   "5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK",
		Opaque:  "HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS",
		Charset: "UTF-8", Userhash: true,
	},
	Input{
		Username: "J\u00e4s\u00f8n Doe", Password: "Secret, or not?", Method: "GET", URI: "/doe.json",
		CNonce: "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", NC: 1,
	},
}

// The RFC's printed userhash and response come from SHA-512 truncated to
// 256 bits: the values below are the RFC's text.
func TestRFC7616Sec392AsPrinted(t *testing.T) {
	c, err := sec392.ch.respond(sec392.in, func() hash.Hash { return truncated512{sha512.New()} })
	if err != nil {
		t.Fatal(err)
	}
	if want := "488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec"; c.Username != want {
		t.Errorf("userhash = %s, want the RFC's %s", c.Username, want)
	}
	if want := "ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd"; c.Response != want {
		t.Errorf("response = %s, want the RFC's %s", c.Response, want)
	}
	// And the whole exchange encodes as the RFC prints it (one line).
	const challenge = `Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", charset=UTF-8, userhash=true`
	g, err := sec392.ch.Build()
	if err != nil {
		t.Fatal(err)
	}
	if b, err := httpauth.AppendChallenge(nil, g); err != nil || string(b) != challenge {
		t.Errorf("challenge = %s, %v, want %s", b, err, challenge)
	}
	const authz = `Digest username="488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec", realm="api@example.org", uri="/doe.json", algorithm=SHA-512-256, nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", nc=00000001, cnonce="NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", qop=auth, response="ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd", opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", userhash=true`
	cg, err := c.Build()
	if err != nil {
		t.Fatal(err)
	}
	if v, err := cg.Encode(); err != nil || v != authz {
		t.Errorf("Authorization = %s, %v, want %s", v, err, authz)
	}
}

// With FIPS 180-4 SHA-512/256, which this package implements, the same
// inputs give userhash 793263caab…9b0b and response 3798d4131c…68a5
// (GRAMMAR.md); the full values were written here after checking that
// prefix and suffix.
func TestRFC7616Sec392FIPS(t *testing.T) {
	c, err := sec392.ch.Respond(sec392.in)
	if err != nil {
		t.Fatal(err)
	}
	if want := "793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b"; c.Username != want {
		t.Errorf("userhash = %s, want %s", c.Username, want)
	}
	if want := "3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5"; c.Response != want {
		t.Errorf("response = %s, want %s", c.Response, want)
	}
	if got := UserHash(SHA512_256, sec392.in.Username, sec392.ch.Realm); got != c.Username {
		t.Errorf("UserHash = %s, Respond used %s", got, c.Username)
	}
}
