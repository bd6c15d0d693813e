package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// The examples run the tool in-process, as "httpauth ARGS...", with the
// given standard input; standard error goes to standard output unless the
// example says otherwise.
func httpauthCmd(stdin string, args ...string) {
	code := run(args, strings.NewReader(stdin), os.Stdout, os.Stdout)
	fmt.Println("exit status", code)
}

// parse prints the challenges of a WWW-Authenticate field as JSON.
func Example_parse() {
	httpauthCmd("", "parse", `Basic realm="simple", Negotiate YII=`)
	// Output:
	// {"challenges":[{"scheme":"Basic","params":[["realm","simple"]]},{"scheme":"Negotiate","token68":"YII="}]}
	// exit status 0
}

// An error is a JSON object too, with the field line and the byte offset,
// and the exit status is 1. The challenges complete before the error are
// kept.
func Example_parseError() {
	httpauthCmd("", "parse", `Basic realm="x", Bearer a=b, c=`)
	// Output:
	// {"challenges":[{"scheme":"Basic","params":[["realm","x"]]}],"error":{"line":0,"offset":31,"message":"expected a token or quoted-string value"}}
	// exit status 1
}

// -field chooses the grammar; flags may follow the value.
func Example_parseCredentials() {
	httpauthCmd("", "parse", `Digest username="Mufasa", nc=00000001`, "-field", "authorization")
	// Output:
	// {"credentials":{"scheme":"Digest","params":[["username","Mufasa"],["nc","00000001"]]}}
	// exit status 0
}

// Without a VALUE, the field lines come from standard input; the head of a
// response as "curl -i" prints it is read as its authentication field.
func Example_parsePasted() {
	httpauthCmd("HTTP/1.1 401 Unauthorized\r\n"+
		"WWW-Authenticate: Bearer realm=\"example\"\r\n"+
		"Content-Length: 0\r\n"+
		"\r\n", "parse")
	// Output:
	// httpauth parse: reading WWW-Authenticate from the response head: 1 field line, 3 other lines ignored; lines and offsets count in the values, without the field name
	// {"challenges":[{"scheme":"Bearer","params":[["realm","example"]]}]}
	// exit status 0
}

// parse -jsonl answers one JSON request per line, in order; a line that
// is not a request gets an error without a position, and the batch goes
// on (exit status 2 at the end).
func Example_parseJSONL() {
	requests := `{"field":"authorization","lines":["Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="]}
not a request
{"lines":["Basic realm=x"],"lenient":true}
`
	code := run([]string{"parse", "-jsonl"}, strings.NewReader(requests), os.Stdout, io.Discard)
	fmt.Println("exit status", code)
	// Output:
	// {"credentials":{"scheme":"Basic","token68":"QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}}
	// {"error":{"message":"bad request: not JSON at byte 2: invalid character 'o' in literal null (expecting 'u')"}}
	// {"challenges":[{"scheme":"Basic","params":[["realm","x"]]}]}
	// exit status 2
}

// canon prints the canonical encoding, one challenge per line: realm is
// always quoted, other values are tokens when they can be.
func Example_canon() {
	httpauthCmd("", "canon", `Basic realm=x ,  Custom   a = "b"`)
	// Output:
	// Basic realm="x"
	// Custom a=b
	// exit status 0
}

// lint explains each deviation with a caret under it and suggests the
// strict form; a field that only parses leniently exits with status 1.
func Example_lint() {
	httpauthCmd("", "lint", "Digest\trealm=\"a\", qop=auth")
	// Output:
	// 0:6: HTAB between auth-scheme and its data, read as a space (RFC 9110 requires SP)
	// 	Digest realm="a", qop=auth
	// 	      ^
	// suggested fix (strict, canonical):
	// 	Digest realm="a", qop="auth"
	// exit status 1
}

// respond answers a Basic challenge (RFC 7617 section 2's example).
func Example_respond() {
	httpauthCmd("", "respond", "-challenge", `Basic realm="WallyWorld"`, "-user", "Aladdin", "-password", "open sesame")
	// Output:
	// Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==
	// exit status 0
}

// respond without a password is a usage error: it never sends empty
// credentials by accident.
func Example_respondNoPassword() {
	httpauthCmd("", "respond", "-challenge", `Basic realm="WallyWorld"`, "-user", "Aladdin")
	// Output:
	// httpauth respond: a password is required: -password, -password-stdin or -empty-password
	// usage: httpauth respond -challenge VALUE [-challenge VALUE ...] -user USER (-password PASS | -password-stdin | -empty-password) [-method GET] [-uri URI] [-cnonce C] [-nc 00000001] [-qop QOP] [-body TEXT]
	// exit status 2
}
