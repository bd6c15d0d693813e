package httpauth_test

// The examples of the README's tour of the API. TestReadmeTour checks that
// the README shows the body of each of them, in this order, exactly: edit
// them here and copy the bodies there.

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/client"
	"github.com/authwire/httpauth/header"
	"github.com/authwire/httpauth/server"
	"github.com/google/go-cmp/cmp"
)

// TestReadmeTour checks that the Go blocks of the README's section "A tour
// of the API" are, in order, the bodies of this file's Example_tour
// functions (without their Output comment, one tab less), so that every
// snippet a reader copies compiles and, where it has an Output, runs as
// shown.
func TestReadmeTour(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, tour, ok := strings.Cut(string(readme), "\n## A tour of the API\n")
	if !ok {
		t.Fatal("README.md has no section \"A tour of the API\"")
	}
	tour, _, _ = strings.Cut(tour, "\n## ")
	var blocks []string
	for _, m := range regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(tour, -1) {
		blocks = append(blocks, strings.TrimRight(m[1], "\n"))
	}

	const file = "example_tour_test.go"
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var bodies []string
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || !strings.HasPrefix(fn.Name.Name, "Example_tour") {
			continue
		}
		body := string(src[fset.Position(fn.Body.Lbrace).Offset+1 : fset.Position(fn.Body.Rbrace).Offset])
		body, _, _ = strings.Cut(body, "\t// Output:")
		lines := strings.Split(strings.Trim(body, "\n"), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimPrefix(l, "\t")
		}
		bodies = append(bodies, strings.Join(lines, "\n"))
	}
	if len(bodies) == 0 {
		t.Fatalf("%s has no Example_tour functions", file)
	}
	if diff := cmp.Diff(bodies, blocks); diff != "" {
		t.Errorf("the README's tour is not the bodies of the Example_tour functions of %s (-examples +README):\n%s", file, diff)
	}
}

func Example_tourRespond() {
	resp := &http.Response{StatusCode: http.StatusUnauthorized, Header: http.Header{
		"Www-Authenticate": {
			`Basic realm="files"`,
			`Digest realm="files", qop="auth", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"`,
		},
	}}
	cs, err := header.ResponseChallenges(resp) // 401: every WWW-Authenticate line, one list
	if err != nil {
		log.Print(err) // cs still holds the challenges before the error
	}
	a, err := client.Respond(context.Background(), cs,
		client.Credentials{Username: "Mufasa", Password: "Circle of Life"},
		client.Request{Method: "GET", URI: "/dir/index.html", Secure: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Choice.Scheme, a.Choice.Digest.Algorithm) // the strongest the credentials answer
	fmt.Println(a.Credentials)                              // as a log shows it; a.Credentials.Encode() is the value to send
	// Output:
	// Digest SHA-256
	// Digest username="Mufasa", realm="files", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce=[redacted], qop=auth, response=[redacted]
}

func Example_tourTransport() {
	c := &http.Client{Transport: &client.Transport{
		Credentials: []client.Credentials{{
			Origins:  []string{"https://api.example.com"}, // never sent anywhere else
			Username: "alice",
			Password: os.Getenv("API_PASSWORD"),
		}},
	}}
	resp, err := c.Get("https://api.example.com/v1/items") // a 401 is answered here
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
}

func Example_tourServer() {
	users := map[string]string{"Mufasa": "Circle of Life"}
	auth := &server.Auth{
		Realm:  "files",
		Offers: []server.Offer{server.DigestSHA256, server.DigestMD5, server.Basic},
		Password: func(ctx context.Context, user string) (string, bool) {
			pw, ok := users[user]
			return pw, ok
		},
	}
	http.Handle("/files/", auth.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, _ := server.User(r.Context())
		fmt.Fprintf(w, "hello %s (%s)\n", id.User, id.Scheme)
	})))
}

func Example_tourSchemes() {
	c, err := httpauth.ParseCredentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
	if err != nil {
		log.Fatal(err) // a *httpauth.SyntaxError: line and offset, never the value
	}
	b, err := basic.ParseCredentials(c)
	switch {
	case errors.Is(err, httpauth.ErrOtherScheme):
		// another scheme: try the next package
	case err != nil:
		log.Fatal(err) // a *httpauth.SchemeError naming the parameter
	}
	fmt.Println(b.UserID, b.Verify("Aladdin", "open sesame") == nil)
	fmt.Println(c, b) // what a log shows
	// Output:
	// Aladdin true
	// Basic [redacted] {Aladdin [redacted]}
}

func Example_tourParser() {
	lines := []string{`Basic realm="a"`, `Bearer realm="b", scope="pull"`}
	var p httpauth.Parser // reused: no allocation without quoted-pairs
	var dst []httpauth.Challenge
	var err error
	for _, line := range lines {
		dst, err = p.ParseChallenges(dst[:0], line)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(dst[0].Scheme, dst[0].Realm())
	}
	// Output:
	// Basic a
	// Bearer b
}

func Example_tourLenient() {
	p := httpauth.Parser{Allow: httpauth.Kinds(httpauth.WarnLooseValue)} // this recovery, no other
	c, err := p.ParseCredentials(nil, `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=5d67`)
	if err != nil {
		log.Fatal(err)
	}
	v, _ := c.Params.Get("SignedHeaders")
	fmt.Println(v)
	for _, w := range p.Warnings() {
		fmt.Printf("%d:%d: %s\n", w.Line, w.Offset, w.Message)
	}
	// Output:
	// host;x-amz-date
	// 0:39: unquoted value holds characters outside token, read up to the next ',' or space (it should be a quoted-string)
	// 0:95: unquoted value holds characters outside token, read up to the next ',' or space (it should be a quoted-string)
}

func Example_tourEncode() {
	b, err := httpauth.AppendChallenge(nil, httpauth.Challenge{Scheme: "Basic",
		Params: httpauth.Params{{Name: "realm", Value: "simple"}, {Name: "charset", Value: "UTF-8"}}})
	fmt.Println(string(b), err)

	_, err = httpauth.AppendChallenge(nil, httpauth.Challenge{Scheme: "Basic",
		Params: httpauth.Params{{Name: "realm", Value: "x\r\nSet-Cookie: a=b"}}})
	fmt.Println(errors.Is(err, httpauth.ErrControl), err)

	fmt.Println(httpauth.ExtParam("username", "Jäsøn Doe")) // non-ASCII goes as an RFC 8187 ext-value
	// Output:
	// Basic realm="simple", charset=UTF-8 <nil>
	// true httpauth: cannot encode realm: control character (CR, LF, NUL and other CTLs but HTAB are refused)
	// username*=UTF-8''J%C3%A4s%C3%B8n%20Doe
}

func Example_tourProxy() {
	h := http.Header{header.WWWAuthenticate: {
		`Bearer realm="https://auth.internal/token",service="registry.internal",scope="repository:app:pull"`,
	}}
	// Point clients at the public token endpoint; every other byte stays.
	if err := header.SetParam(h, header.WWWAuthenticate, 0, "realm", "https://auth.example.com/token"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(h.Get(header.WWWAuthenticate))

	c := httpauth.MustParseChallenge(`Digest realm="a", nonce="n", stale=true`)
	c.Params.Set("NONCE", "m") // ASCII case-insensitive, in place
	c.Params.Del("stale")
	fmt.Println(c)
	// Output:
	// Bearer realm="https://auth.example.com/token",service="registry.internal",scope="repository:app:pull"
	// Digest realm="a", nonce="m"
}
