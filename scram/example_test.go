package scram_test

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/scram"
)

// The SCRAM-SHA-256 exchange of RFC 7677 section 3 (user "user", password
// "pencil"), as the examples below send it.
const (
	exClientNonce = "rOprNGfwEbeRWgbNEkqO"
	exServerFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
	exClientFinal = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
	exServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
)

// exKeys returns what the server of RFC 7677's example stores for "user".
func exKeys() scram.Keys {
	salt, _ := base64.StdEncoding.DecodeString("W22ZaJ0SNY7soEsUEjb6gQ==")
	keys, _ := scram.NewKeys(sha256.New, "pencil", salt, 4096)
	return keys
}

// A server reads the client-first message of RFC 7804's example and
// answers with its server-first message.
func Example() {
	hc := httpauth.MustParseCredentials(`SCRAM-SHA-256 realm="testrealm@example.com", data=biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8K`)
	c, err := scram.ParseCredentials(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	msg, _ := c.DecodeData()
	fmt.Printf("%s %q\n", c.Scheme, msg)

	ch, _ := scram.Challenge{Scheme: c.Scheme, SID: "AAAABBBBCCCCDDDD", Data: "cj1yT3ByTkdmd0ViZVJXZ2JORWtxTw=="}.Build()
	fmt.Println("WWW-Authenticate:", ch)
	// Output:
	// SCRAM-SHA-256 "n,,n=user,r=rOprNGfwEbeRWgbNEkqO\n"
	// WWW-Authenticate: SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data="cj1yT3ByTkdmd0ViZVJXZ2JORWtxTw=="
}

// A client picks the SCRAM challenge of a 401 response and skips the
// others.
func ExampleParseChallenge() {
	cs, _ := httpauth.ParseChallenges(`Digest realm="r", nonce="n", SCRAM-SHA-1 realm="r", sr=c2VydmVy, ttl=300`)
	for _, hc := range cs {
		c, err := scram.ParseChallenge(hc)
		if errors.Is(err, httpauth.ErrOtherScheme) {
			continue
		}
		fmt.Println(c.Scheme, c.Realm, c.SR, c.TTL, err)
	}
	// Output:
	// SCRAM-SHA-1 r c2VydmVy 300 <nil>
}

// A challenge holds no secret and prints as a plain struct.
func ExampleChallenge() {
	fmt.Printf("%+v\n", scram.Challenge{Realm: "testrealm@example.com"})
	// Output:
	// {Scheme: Realm:testrealm@example.com Data: SID: SR: TTL:0 HasTTL:false}
}

// A server writes its first challenge; an empty Scheme is SCRAM-SHA-256.
func ExampleChallenge_Build() {
	hc, err := scram.Challenge{Realm: "testrealm@example.com"}.Build()
	fmt.Println(hc, err)
	// Output:
	// SCRAM-SHA-256 realm="testrealm@example.com" <nil>
}

func ExampleChallenge_DecodeData() {
	c := scram.Challenge{Data: base64.StdEncoding.EncodeToString([]byte(exServerFirst))}
	msg, err := c.DecodeData()
	fmt.Println(string(msg) == exServerFirst, err)
	// Output:
	// true <nil>
}

// A server reads the client's messages.
func ExampleParseCredentials() {
	c, err := scram.ParseCredentials(httpauth.MustParseCredentials(`SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD`))
	fmt.Println(err, errors.Is(err, httpauth.ErrMissingParam))

	c, err = scram.ParseCredentials(httpauth.MustParseCredentials(`SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data=biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8K`))
	fmt.Println(c.SID, err)
	// Output:
	// httpauth: SCRAM-SHA-256 data: required parameter missing true
	// AAAABBBBCCCCDDDD <nil>
}

// Credentials print without their data, which carries the client proof.
func ExampleCredentials() {
	c := scram.Credentials{Scheme: scram.SHA256, SID: "AAAABBBBCCCCDDDD", Data: base64.StdEncoding.EncodeToString([]byte(exClientFinal))}
	fmt.Printf("%+v\n", c)
	// Output:
	// {Scheme:SCRAM-SHA-256 Realm: Data:[redacted] SID:AAAABBBBCCCCDDDD}
}

// A client sends its client-final message.
func ExampleCredentials_Build() {
	c := scram.Credentials{SID: "AAAABBBBCCCCDDDD", Data: base64.StdEncoding.EncodeToString([]byte(exClientFinal))}
	hc, err := c.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := hc.Encode()
	fmt.Println("Authorization:", v, err)
	// Output:
	// Authorization: SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data="Yz1iaXdzLHI9ck9wck5HZndFYmVSV2diTkVrcU8laHZZRHBXVWEyUmFUQ0FmdXhGSWxqKWhObEYkazAscD1kSHpiWmFwV0lrNGpVaE4rVXRlOXl0YWc5empmTUhnc3FtbWl6N0FuZFZRPQ==" <nil>
}

func ExampleCredentials_DecodeData() {
	c := scram.Credentials{Data: "biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8"}
	msg, err := c.DecodeData()
	fmt.Printf("%q %v\n", msg, err)
	// Output:
	// "n,,n=user,r=rOprNGfwEbeRWgbNEkqO" <nil>
}

// A client reads the server-final message from Authentication-Info.
func ExampleParseInfo() {
	ps, err := httpauth.ParseParams(`sid=AAAABBBBCCCCDDDD, data="dj02cnJpVFJCaTIzV3BSUi93dHVwK21NaFVaVW4vZEI1bkxUSlJzamw5NUc0PQ=="`)
	if err != nil {
		fmt.Println(err)
		return
	}
	i, err := scram.ParseInfo(ps)
	fmt.Println(i.SID, err)
	// Output:
	// AAAABBBBCCCCDDDD <nil>
}

// Info prints without its data, which carries the server signature.
func ExampleInfo() {
	fmt.Println(scram.Info{SID: "AAAABBBBCCCCDDDD", Data: "dj02cnJp"})
	// Output:
	// {AAAABBBBCCCCDDDD [redacted]}
}

// A server sends its server-final message.
func ExampleInfo_Build() {
	ps, err := scram.Info{SID: "AAAABBBBCCCCDDDD", Data: base64.StdEncoding.EncodeToString([]byte(exServerFinal))}.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := httpauth.AppendParams(nil, ps)
	fmt.Printf("Authentication-Info: %s %v\n", b, err)
	// Output:
	// Authentication-Info: sid=AAAABBBBCCCCDDDD, data="dj02cnJpVFJCaTIzV3BSUi93dHVwK21NaFVaVW4vZEI1bkxUSlJzamw5NUc0PQ==" <nil>
}

func ExampleInfo_DecodeData() {
	msg, err := scram.Info{Data: "dj02cnJpVFJCaTIzV3BSUi93dHVwK21NaFVaVW4vZEI1bkxUSlJzamw5NUc0PQ=="}.DecodeData()
	fmt.Println(string(msg) == exServerFinal, err)
	// Output:
	// true <nil>
}

func ExampleParseAttrs() {
	as, err := scram.ParseAttrs(exServerFirst)
	for _, a := range as {
		fmt.Printf("%c %s\n", a.Name, a.Value)
	}
	fmt.Println(err)
	// Output:
	// r rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0
	// s W22ZaJ0SNY7soEsUEjb6gQ==
	// i 4096
	// <nil>
}

// An attribute prints its value unless it is a proof or a signature.
func ExampleAttr() {
	as, _ := scram.ParseAttrs(exClientFinal)
	fmt.Println(as)
	// Output:
	// [{c biws} {r rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0} {p [redacted]}]
}

// A server reads the user name and nonce of a client-first message.
func ExampleParseClientFirst() {
	user, nonce, bare, err := scram.ParseClientFirst("n,,n=user,r=" + exClientNonce)
	fmt.Println(user, nonce, bare, err)
	// Output:
	// user rOprNGfwEbeRWgbNEkqO n=user,r=rOprNGfwEbeRWgbNEkqO <nil>
}

// A server stores keys for a password, never the password.
func ExampleNewKeys() {
	keys, err := scram.NewKeys(sha256.New, "pencil", []byte("salt"), 4096)
	fmt.Println(len(keys.StoredKey), len(keys.ServerKey), err)
	// Output:
	// 32 32 <nil>
}

// Keys print without the stored keys.
func ExampleKeys() {
	fmt.Println(exKeys())
	// Output:
	// {[91 109 153 104 157 18 53 142 236 160 75 20 18 54 250 129] 4096 [redacted] [redacted]}
}

// A server answers a client-first message; the nonce is the client's
// followed by the server's own.
func ExampleServerFirst() {
	fmt.Println(scram.ServerFirst(exKeys(), exClientNonce+"%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"))
	// Output:
	// r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096
}

// A server checks the client proof and answers with its signature.
func ExampleVerifyClientFinal() {
	keys := exKeys()
	final, err := scram.VerifyClientFinal(sha256.New, keys, "n=user,r="+exClientNonce, exServerFirst, exClientFinal)
	fmt.Println(final, err)

	keys.StoredKey = keys.ServerKey // not the user's keys
	_, err = scram.VerifyClientFinal(sha256.New, keys, "n=user,r="+exClientNonce, exServerFirst, exClientFinal)
	fmt.Println(err, errors.Is(err, httpauth.ErrVerification))
	// Output:
	// v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4= <nil>
	// httpauth: SCRAM-SHA-256 data: client proof does not match true
}

// A Client prints without its password and the keys it derives.
func ExampleClient() {
	c := &scram.Client{Hash: sha256.New, User: "user", Password: "pencil", Nonce: exClientNonce}
	fmt.Printf("%+v\n", c)
	// Output:
	// {User:user Password:[redacted] Nonce:rOprNGfwEbeRWgbNEkqO MaxIterations:0}
}

func ExampleClient_First() {
	c := &scram.Client{Hash: sha256.New, User: "user", Password: "pencil", Nonce: exClientNonce}
	first, err := c.First()
	fmt.Println(first, err)
	// Output:
	// n,,n=user,r=rOprNGfwEbeRWgbNEkqO <nil>
}

func ExampleClient_Final() {
	c := &scram.Client{Hash: sha256.New, User: "user", Password: "pencil", Nonce: exClientNonce}
	c.First()
	final, err := c.Final(exServerFirst)
	fmt.Println(final, err)
	// Output:
	// c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ= <nil>
}

// The client checks that the server knew its keys too.
func ExampleClient_Verify() {
	c := &scram.Client{Hash: sha256.New, User: "user", Password: "pencil", Nonce: exClientNonce}
	c.First()
	c.Final(exServerFirst)
	fmt.Println(c.Verify(exServerFinal))
	err := c.Verify("v=AAAA")
	fmt.Println(err, errors.Is(err, httpauth.ErrVerification))
	// Output:
	// <nil>
	// httpauth: SCRAM-SHA-256 data: server signature does not match true
}
