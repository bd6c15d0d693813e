package httpauth_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log/slog"
	"os"

	"github.com/authwire/httpauth"
)

func ExampleParams_Get() {
	c := httpauth.MustParseChallenge(`Digest realm="api", NONCE="abc", qop="auth"`)
	nonce, ok := c.Params.Get("nonce") // names compare ASCII case-insensitively
	fmt.Println(nonce, ok)
	_, ok = c.Params.Get("opaque")
	fmt.Println(ok, c.Params.Has("QOP"))
	// Output:
	// abc true
	// false true
}

func ExampleParams_Index() {
	ps := httpauth.Params{{Name: "realm", Value: "api"}, {Name: "Scope", Value: "read"}}
	fmt.Println(ps.Index("scope"), ps.Index("error"))
	// Output: 1 -1
}

// A proxy rewrites the realm and the scope of a challenge: a parameter
// keeps its place and its spelling; a new one goes at the end.
func ExampleParams_Set() {
	c := httpauth.MustParseChallenge(`Bearer Realm="internal", scope="read"`)
	c.Params.Set("realm", "public")
	c.Params.Set("error", "invalid_token")
	fmt.Println(c)
	// Output: Bearer Realm="public", scope="read", error="invalid_token"
}

func ExampleParams_Del() {
	c := httpauth.MustParseChallenge(`Bearer realm="api", error="invalid_token", error_description="expired"`)
	c.Params.Del("error")
	c.Params.Del("ERROR_DESCRIPTION")
	fmt.Println(c)
	// Output: Bearer realm="api"
}

func ExampleParam_String() {
	fmt.Println(httpauth.Param{Name: "realm", Value: "api"})
	fmt.Println(httpauth.ExtParam("username", "Jäsøn Doe"))
	fmt.Println(httpauth.Params{{Name: "qop", Value: "auth"}, {Name: "nc", Value: "00000001"}})
	// Output:
	// realm="api"
	// username*=UTF-8''J%C3%A4s%C3%B8n%20Doe
	// [qop=auth nc=00000001]
}

// Credentials print what helps to debug and hide what is secret (see
// Secrets in the package documentation).
func ExampleCredentials_String() {
	c := httpauth.MustParseCredentials(`Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1"`)
	fmt.Println(c)
	fmt.Println(httpauth.MustParseCredentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="))
	// A value that is not a token68 reads as a parameter named after the
	// secret: the name is hidden too.
	fmt.Println(httpauth.MustParseCredentials("Bearer sk_live_51HxYzAbC=Qq9"))
	// Output:
	// Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", qop=auth, nc=00000001, cnonce=[redacted], response=[redacted]
	// Basic [redacted]
	// Bearer [redacted]
}

func ExampleCredentials_GoString() {
	c := httpauth.Credentials{Scheme: "Digest", Params: httpauth.Params{
		{Name: "username", Value: "Mufasa"}, {Name: "response", Value: "6629fae49393a05397450978507c4ef1"}}}
	fmt.Printf("%#v\n", c)
	// Output:
	// httpauth.Credentials{Scheme:"Digest", Params:httpauth.Params{{Name:"username", Value:"Mufasa"}, {Name:"response", Value:"[redacted]"}}}
}

func ExampleCredentials_MarshalJSON() {
	c := httpauth.MustParseCredentials(`Digest username="Mufasa", response="6629fae49393a05397450978507c4ef1"`)
	b, _ := json.Marshal(c)
	fmt.Println(string(b))
	// Output:
	// {"scheme":"Digest","params":[["username","Mufasa"],["response","[redacted]"]]}
}

func ExampleCredentials_MarshalXML() {
	c := httpauth.MustParseCredentials(`Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="`)
	b, _ := xml.Marshal(c)
	fmt.Println(string(b))
	// Output:
	// <Credentials scheme="Hawk"><param name="id">dh37fgj492je</param><param name="ts">1353832234</param><param name="nonce">j4h3g2</param><param name="mac">[redacted]</param></Credentials>
}

func ExampleCredentials_LogValue() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{} // a stable output for the example
			}
			return a
		},
	}))
	logger.Info("request", "auth", httpauth.MustParseCredentials("Bearer mF_9.B5f-4.1JqM"))
	// Output:
	// level=INFO msg=request auth.scheme=Bearer auth.token68=[redacted]
}

func ExampleCredentials_Encode() {
	c := httpauth.Credentials{Scheme: "Digest", Params: httpauth.Params{
		httpauth.ExtParam("username", "Jäsøn Doe"),
		{Name: "realm", Value: "api@example.org"},
		{Name: "qop", Value: "auth"},
	}}
	v, err := c.Encode() // secrets included: this is what is sent
	fmt.Println(v, err)
	// Output:
	// Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="api@example.org", qop=auth <nil>
}

func ExampleParams_Has() {
	ps := httpauth.MustParseChallenge(`Digest realm="api", stale=true`).Params
	fmt.Println(ps.Has("STALE"), ps.Has("domain"))
	// Output: true false
}

func ExampleChallenge_Is() {
	c := httpauth.MustParseChallenge(`BASIC realm="x"`)
	fmt.Println(c.Is("Basic"), c.Is("Bearer"))
	// Output: true false
}

func ExampleChallenge_Realm() {
	fmt.Printf("%q\n", httpauth.MustParseChallenge(`Basic Realm="WallyWorld"`).Realm())
	fmt.Printf("%q\n", httpauth.MustParseChallenge(`Negotiate`).Realm())
	// Output:
	// "WallyWorld"
	// ""
}

func ExampleChallenge_IsValid() {
	fmt.Println(httpauth.Challenge{Scheme: "Basic"}.IsValid())
	fmt.Println(httpauth.Challenge{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "a\nb"}}}.IsValid())
	fmt.Println(httpauth.Challenge{}.IsValid())
	// Output:
	// true
	// false
	// false
}

func ExampleChallenge_String() {
	c := httpauth.Challenge{Scheme: "Bearer", Params: httpauth.Params{{Name: "realm", Value: "api"}, {Name: "error", Value: "invalid_token"}}}
	fmt.Println(c)
	c.Params.Set("realm", "x\r\ny")
	fmt.Println(c) // never a header when the encoder refuses it
	// Output:
	// Bearer realm="api", error="invalid_token"
	// !httpauth: cannot encode realm: control character (CR, LF, NUL and other CTLs but HTAB are refused)
}

func ExampleChallenge_AppendText() {
	c := httpauth.Challenge{Scheme: "Negotiate", Token68: "YIIBdg=="}
	b, err := c.AppendText([]byte("WWW-Authenticate: "))
	fmt.Println(string(b), err)
	// Output: WWW-Authenticate: Negotiate YIIBdg== <nil>
}

// Challenges go through encoding/json (and any other text encoding) as
// header values.
func ExampleChallenge_MarshalText() {
	b, err := json.Marshal([]httpauth.Challenge{
		{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "a"}}},
		{Scheme: "Negotiate"},
	})
	fmt.Println(string(b), err)
	// Output: ["Basic realm=\"a\"","Negotiate"] <nil>
}

func ExampleChallenge_UnmarshalText() {
	var cs []httpauth.Challenge
	err := json.Unmarshal([]byte(`["Basic realm=\"a\"", "Bearer scope=\"read\""]`), &cs)
	fmt.Println(len(cs), cs[1].Scheme, err)
	// Output: 2 Bearer <nil>
}

func ExampleEqualFold() {
	fmt.Println(httpauth.EqualFold("Digest", "DIGEST"))
	fmt.Println(httpauth.EqualFold("k", "\u212a")) // KELVIN SIGN: only ASCII letters fold
	// Output:
	// true
	// false
}

func ExampleCredentials_Is() {
	c := httpauth.MustParseCredentials("bearer mF_9.B5f-4.1JqM")
	fmt.Println(c.Is("Bearer"))
	// Output: true
}

func ExampleCredentials_IsValid() {
	fmt.Println(httpauth.Credentials{Scheme: "Bearer", Token68: "mF_9.B5f-4.1JqM"}.IsValid())
	fmt.Println(httpauth.Credentials{Scheme: "Bearer", Token68: "a b"}.IsValid())
	// Output:
	// true
	// false
}

// Every verb prints the redacted form.
func ExampleCredentials_Format() {
	c := httpauth.MustParseCredentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
	fmt.Printf("%v|%s|%q|%+v|%d\n", c, c, c, c, c)
	// Output: Basic [redacted]|Basic [redacted]|"Basic [redacted]"|Basic [redacted]|Basic [redacted]
}

func ExampleParam() {
	p := httpauth.Param{Name: "title", Value: `Login to "apps"`}
	fmt.Println(p.Name, "=", p.Value) // the value, unquoted
	fmt.Println(p)                    // the header form
	// Output:
	// title = Login to "apps"
	// title="Login to \"apps\""
}

func ExampleParams() {
	var ps httpauth.Params
	ps.Set("realm", "api")
	ps.Set("scope", "read")
	ps.Set("REALM", "public") // names compare ASCII case-insensitively
	fmt.Println(ps, len(ps))
	// Output: [realm="public" scope=read] 2
}

func ExampleChallenge() {
	c := httpauth.Challenge{Scheme: "Bearer", Params: httpauth.Params{
		{Name: "realm", Value: "example"},
		{Name: "error", Value: "invalid_token"},
		{Name: "error_description", Value: "The access token expired"},
	}}
	fmt.Println(c)
	fmt.Println(httpauth.Challenge{Scheme: "Negotiate", Token68: "YIIBdg=="})
	// Output:
	// Bearer realm="example", error="invalid_token", error_description="The access token expired"
	// Negotiate YIIBdg==
}

// A server reads the credentials of a request, uses the fields, and logs
// the value without its secrets.
func ExampleCredentials() {
	c := httpauth.MustParseCredentials(`Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", response="6629fae49393a05397450978507c4ef1"`)
	user, _ := c.Params.Get("username")
	fmt.Println(c.Scheme, user)
	fmt.Println(c)
	// Output:
	// Digest Mufasa
	// Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", response=[redacted]
}
