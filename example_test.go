package httpauth_test

import (
	"encoding/base64"
	"fmt"

	"github.com/authwire/httpauth"
)

// A client reads the challenges of a 401 response, answers the Basic one
// it understands, and writes the Authorization value.
func Example() {
	// Two WWW-Authenticate field lines, the first with two challenges.
	cs, err := httpauth.ParseChallenges(
		`Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple"`,
		`Negotiate`,
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cs {
		if c.Is("basic") {
			fmt.Printf("Basic realm: %q\n", c.Realm())
			creds := httpauth.Credentials{
				Scheme:  "Basic",
				Token68: base64.StdEncoding.EncodeToString([]byte("Aladdin:open sesame")),
			}
			v, err := creds.Encode()
			if err != nil {
				fmt.Println(err)
				return
			}
			fmt.Println("Authorization:", v)
			fmt.Println("logged as:", creds)
		}
	}
	// Output:
	// Basic realm: "simple"
	// Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==
	// logged as: Basic [redacted]
}

func ExampleLexer() {
	var lx httpauth.Lexer
	lx.Reset(`Basic realm="a \"b\"", charset=UTF-8`)
	for lx.Next() {
		fmt.Printf("%2d %-13v %q\n", lx.Offset(), lx.Kind(), lx.Text())
	}
	if err := lx.Err(); err != nil {
		fmt.Println(err)
	}

	// Errors point at the offending byte.
	lx.Reset("Basic realm=\"x\ry\"")
	for lx.Next() {
	}
	fmt.Println(lx.Err())
	// Output:
	//  0 token         "Basic"
	//  5 space         " "
	//  6 token         "realm"
	// 11 "="           "="
	// 12 quoted-string "\"a \\\"b\\\"\""
	// 21 ","           ","
	// 22 space         " "
	// 23 token         "charset"
	// 30 "="           "="
	// 31 token         "UTF-8"
	// httpauth: line 0, offset 14: control character in quoted-string
}

func ExampleParseChallenges() {
	cs, err := httpauth.ParseChallenges(`Basic realm="a, b", Bearer, Negotiate YIIBdg==`)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cs {
		fmt.Printf("%s token68=%q params=%q\n", c.Scheme, c.Token68, c.Params)
	}

	// A malformed challenge does not hide the good ones before it.
	cs, err = httpauth.ParseChallenges(`Basic realm="x", JWT realm=gin jwt`)
	fmt.Println(len(cs), cs[0].Scheme, err)
	// Output:
	// Basic token68="" params=[{"realm" "a, b"}]
	// Bearer token68="" params=[]
	// Negotiate token68="YIIBdg==" params=[]
	// 1 Basic httpauth: line 0, offset 31: expected ',' or end of field
}

func ExampleParseCredentials() {
	c, err := httpauth.ParseCredentials(`Digest username="Mufasa", realm="http-auth@example.org", nc=00000001, qop=auth`)
	if err != nil {
		fmt.Println(err)
		return
	}
	user, _ := c.Params.Get("USERNAME") // names compare ASCII case-insensitively
	fmt.Println(c.Scheme, user)

	// Authorization holds exactly one credentials value.
	_, err = httpauth.ParseCredentials(`Basic QWxh, Bearer abc`)
	fmt.Println(err)
	// Output:
	// Digest Mufasa
	// httpauth: line 0, offset 10: expected end of field after the credentials
}

func ExampleParseParams() {
	ps, err := httpauth.ParseParams(`nextnonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", qop=auth, rspauth="x\"y"`)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range ps {
		fmt.Printf("%s=%q\n", p.Name, p.Value)
	}
	// Output:
	// nextnonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"
	// qop="auth"
	// rspauth="x\"y"
}

func ExampleAppendChallenge() {
	c := httpauth.Challenge{
		Scheme: "Digest",
		Params: httpauth.Params{
			{Name: "realm", Value: "http-auth@example.org"},
			{Name: "qop", Value: "auth"},
			{Name: "algorithm", Value: "SHA-256"},
			{Name: "nonce", Value: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"},
		},
	}
	b, err := httpauth.AppendChallenge([]byte("WWW-Authenticate: "), c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))

	// A value that could split the header is refused.
	_, err = httpauth.AppendChallenge(nil, httpauth.Challenge{
		Scheme: "Basic",
		Params: httpauth.Params{{Name: "realm", Value: "x\r\nSet-Cookie: a=b"}},
	})
	fmt.Println(err)
	// Output:
	// WWW-Authenticate: Digest realm="http-auth@example.org", qop="auth", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"
	// httpauth: cannot encode realm: control character (CR, LF, NUL and other CTLs but HTAB are refused)
}

func ExampleParser_ParseChallenges() {
	var p httpauth.Parser
	var cs []httpauth.Challenge
	for _, field := range []string{
		`Basic realm="one"`,
		`Bearer realm="two", scope="read"`,
	} {
		var err error
		cs, err = p.ParseChallenges(cs[:0], field) // reuses cs and its params
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(cs[0].Scheme, cs[0].Realm(), len(cs[0].Params))
	}
	// Output:
	// Basic one 1
	// Bearer two 2
}

func ExampleCredentials_String() {
	c := httpauth.MustParseCredentials(`Digest username="Mufasa", response="8ca523f5e9506fed4657c9700eebdbec"`)
	fmt.Println(c)
	fmt.Printf("%#v\n", c)
	fmt.Println(httpauth.MustParseCredentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="))
	// Output:
	// Digest username=[redacted], response=[redacted]
	// httpauth.Credentials{Scheme:"Digest", Params:httpauth.Params{{Name:"username", Value:"[redacted]"}, {Name:"response", Value:"[redacted]"}}}
	// Basic [redacted]
}

// Lenient mode reads an AWS Signature V4 Authorization value, whose
// unquoted values hold "/" and ";", and says what was wrong with it.
func ExampleParser_lenient() {
	p := httpauth.Parser{Lenient: true}
	c, err := p.ParseCredentials(nil, `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=5d67`)
	if err != nil {
		panic(err)
	}
	v, _ := c.Params.Get("signedheaders")
	fmt.Println(c.Scheme, v)
	for _, w := range p.Warnings() {
		fmt.Printf("%d:%d: %s\n", w.Line, w.Offset, w.Message)
	}
	// Output:
	// AWS4-HMAC-SHA256 host;x-amz-date
	// 0:39: unquoted value holds characters outside token, read up to the next ',' or space (it should be a quoted-string)
	// 0:95: unquoted value holds characters outside token, read up to the next ',' or space (it should be a quoted-string)
}

// The encoder refuses, and writes nothing, a value that could split a
// header.
func ExampleAppendChallenge_injection() {
	b, err := httpauth.AppendChallenge([]byte("WWW-Authenticate: "), httpauth.Challenge{
		Scheme: "Basic",
		Params: httpauth.Params{{Name: "realm", Value: "x\r\nSet-Cookie: a=b"}},
	})
	fmt.Printf("%q\n%v\n", b, err)
	// Output:
	// "WWW-Authenticate: "
	// httpauth: cannot encode realm: control character (CR, LF, NUL and other CTLs but HTAB are refused)
}

// Non-ASCII values travel as RFC 8187 ext-values.
func ExampleExtParam() {
	fmt.Println(httpauth.ExtParam("username", "Mufasa"))
	p := httpauth.ExtParam("username", "Jäsøn Doe")
	fmt.Println(p)
	v, _, err := httpauth.DecodeExtValue(p.Value)
	fmt.Println(v, err)
	// Output:
	// {username Mufasa}
	// {username* UTF-8''J%C3%A4s%C3%B8n%20Doe}
	// Jäsøn Doe <nil>
}
