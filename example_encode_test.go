package httpauth_test

import (
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
)

// Non-ASCII values travel as RFC 8187 ext-values.
func ExampleExtParam() {
	fmt.Println(httpauth.ExtParam("username", "Mufasa"))
	p := httpauth.ExtParam("username", "Jäsøn Doe")
	fmt.Println(p)
	v, _, err := httpauth.DecodeExtValue(p.Value)
	fmt.Println(v, err)
	// Output:
	// username=Mufasa
	// username*=UTF-8''J%C3%A4s%C3%B8n%20Doe
	// Jäsøn Doe <nil>
}

func ExampleAppendCredentials() {
	c := httpauth.Credentials{Scheme: "Digest", Params: httpauth.Params{
		{Name: "username", Value: "Mufasa"},
		{Name: "realm", Value: "http-auth@example.org"},
		{Name: "uri", Value: "/dir/index.html"},
		{Name: "algorithm", Value: "MD5"},
		{Name: "qop", Value: "auth"},
		{Name: "nc", Value: "00000001"},
		{Name: "response", Value: "8ca523f5e9506fed4657c9700eebdbec"},
	}}
	// Secrets included: this is the value to send, not to log.
	b, err := httpauth.AppendCredentials([]byte("Authorization: "), c)
	fmt.Println(string(b), err)
	// Output:
	// Authorization: Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, qop=auth, nc=00000001, response="8ca523f5e9506fed4657c9700eebdbec" <nil>
}

func ExampleAppendParams() {
	b, err := httpauth.AppendParams(nil, httpauth.Params{
		{Name: "nextnonce", Value: "abc"},
		{Name: "qop", Value: "auth"},
		{Name: "nc", Value: "00000001"},
	})
	fmt.Println(string(b), err)
	// Output: nextnonce="abc", qop=auth, nc=00000001 <nil>
}

// A scheme whose servers accept only quoted values gets its own rule; the
// rest falls back to the default table.
func ExampleEncoder() {
	enc := httpauth.Encoder{Quote: func(f httpauth.Field, scheme, name string) bool {
		if f == httpauth.FieldCredentials && httpauth.EqualFold(scheme, "Custom") {
			return true
		}
		return httpauth.DefaultQuote(f, scheme, name)
	}}
	b, err := enc.AppendCredentials(nil, httpauth.Credentials{Scheme: "Custom", Params: httpauth.Params{
		{Name: "id", Value: "abc"}, {Name: "ts", Value: "1353832234"}}})
	fmt.Println(string(b), err)
	b, err = enc.AppendChallenge(nil, httpauth.Challenge{Scheme: "Custom", Params: httpauth.Params{
		{Name: "realm", Value: "x"}, {Name: "id", Value: "abc"}}})
	fmt.Println(string(b), err)
	// Output:
	// Custom id="abc", ts="1353832234" <nil>
	// Custom realm="x", id=abc <nil>
}

func ExampleDefaultQuote() {
	fmt.Println(httpauth.DefaultQuote(httpauth.FieldChallenge, "Basic", "realm"))
	fmt.Println(httpauth.DefaultQuote(httpauth.FieldChallenge, "Digest", "qop"))
	fmt.Println(httpauth.DefaultQuote(httpauth.FieldCredentials, "Digest", "qop"))
	// Output:
	// true
	// true
	// false
}

// An EncodeError names the parameter, never its value, and its reason
// matches with errors.Is.
func ExampleEncodeError() {
	_, err := httpauth.AppendChallenge(nil, httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{
		{Name: "realm", Value: "secret\r\nSet-Cookie: a=b"}}})
	var ee *httpauth.EncodeError
	if errors.As(err, &ee) {
		fmt.Println(ee.Param, ee.Index, ee.Offset, errors.Is(err, httpauth.ErrControl))
	}
	fmt.Println(err)
	// Output:
	// realm 0 6 true
	// httpauth: cannot encode realm: control character (CR, LF, NUL and other CTLs but HTAB are refused)
}

func ExampleEncodeExtValue() {
	fmt.Println(httpauth.EncodeExtValue("Jäsøn Doe"))
	fmt.Println(httpauth.EncodeExtValue("£ and € rates"))
	// Output:
	// UTF-8''J%C3%A4s%C3%B8n%20Doe
	// UTF-8''%C2%A3%20and%20%E2%82%AC%20rates
}

func ExampleAppendExtValue() {
	b := httpauth.AppendExtValue([]byte("username*="), "Jäsøn Doe")
	fmt.Println(string(b))
	// Output: username*=UTF-8''J%C3%A4s%C3%B8n%20Doe
}

func ExampleDecodeExtValue() {
	v, lang, err := httpauth.DecodeExtValue("iso-8859-1'en'%A3%20rates")
	fmt.Printf("%q %q %v\n", v, lang, err)

	// A value that decodes to a control character never reaches the
	// caller.
	_, _, err = httpauth.DecodeExtValue("UTF-8''admin%0D%0AX-Log-Injected%3A%20yes")
	fmt.Println(err, errors.Is(err, httpauth.ErrExtValue))
	// Output:
	// "£ rates" "en" <nil>
	// httpauth: line 0, offset 12: RFC 8187 ext-value decodes to a control character true
}

// With AllowObsText, bytes %x80-FF go out inside a quoted-string, as old
// senders wrote them; by default they are refused.
func ExampleEncoder_AppendChallenge() {
	c := httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "café"}}}
	_, err := httpauth.Encoder{}.AppendChallenge(nil, c)
	fmt.Println(err)
	b, err := httpauth.Encoder{AllowObsText: true}.AppendChallenge(nil, c)
	fmt.Println(string(b), err)
	// Output:
	// httpauth: cannot encode realm: non-ASCII byte (send it as an RFC 8187 ext-value, see ExtParam)
	// Basic realm="café" <nil>
}

func ExampleEncoder_AppendCredentials() {
	var enc httpauth.Encoder
	b, err := enc.AppendCredentials(nil, httpauth.Credentials{Scheme: "Hawk", Params: httpauth.Params{
		{Name: "id", Value: "dh37fgj492je"}, {Name: "ts", Value: "1353832234"}}})
	fmt.Println(string(b), err) // Hawk servers take only quoted values
	// Output: Hawk id="dh37fgj492je", ts="1353832234" <nil>
}

func ExampleEncoder_AppendParams() {
	var enc httpauth.Encoder
	_, err := enc.AppendParams(nil, httpauth.Params{{Name: "qop", Value: "auth"}, {Name: "QOP", Value: "auth-int"}})
	fmt.Println(err)
	// Output: httpauth: cannot encode QOP: duplicate parameter
}

func ExampleField() {
	// The same parameter is quoted in a Digest challenge (RFC 7616
	// section 3.3) and a token in Digest credentials (section 3.4).
	for _, f := range []httpauth.Field{httpauth.FieldChallenge, httpauth.FieldCredentials} {
		fmt.Println(httpauth.DefaultQuote(f, "Digest", "qop"))
	}
	// Output:
	// true
	// false
}
