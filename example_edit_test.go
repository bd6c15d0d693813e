package httpauth_test

import (
	"fmt"

	"github.com/authwire/httpauth"
)

// A registry proxy points the token service of a Bearer challenge at
// itself and leaves every other byte of the field as received.
func ExampleEditor_AppendSetParam() {
	lines := []string{
		`Basic realm="registry"`,
		`Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"`,
	}
	cs, err := httpauth.ParseChallenges(lines...)
	if err != nil {
		fmt.Println(err)
		return
	}
	var ed httpauth.Editor // reuse it, and the buffer, to edit without allocating
	var buf []byte
	for i, c := range cs {
		if !c.Is("Bearer") {
			continue
		}
		var line int
		buf, line, err = ed.AppendSetParam(buf[:0], lines, i, "realm", "https://proxy.example/token")
		if err != nil {
			fmt.Println(err)
			return
		}
		lines[line] = string(buf)
	}
	fmt.Println(lines[1])

	// The new value is encoded, never pasted.
	_, _, err = ed.AppendSetParam(nil, lines, 1, "service", "x\r\nSet-Cookie: a=b")
	fmt.Println(err)
	// Output:
	// Bearer realm="https://proxy.example/token",service="registry.docker.io",scope="repository:library/alpine:pull"
	// httpauth: cannot encode service: control character (CR, LF, NUL and other CTLs but HTAB are refused)
}

// A proxy that does not support Negotiate removes its challenge.
func ExampleEditor_AppendRemoveChallenge() {
	lines := []string{`Negotiate, Basic realm="intranet" ,  Digest realm="intranet", nonce="abc"`}
	var ed httpauth.Editor
	out, line, err := ed.AppendRemoveChallenge(nil, lines, 0)
	fmt.Printf("%d %q %v\n", line, out, err)
	// Output:
	// 0 "Basic realm=\"intranet\" ,  Digest realm=\"intranet\", nonce=\"abc\"" <nil>
}

// One Editor edits field after field without allocating; each call
// returns the line that changed.
func ExampleEditor() {
	var ed httpauth.Editor
	var buf []byte
	for _, lines := range [][]string{
		{`Basic realm="intranet"`, `Bearer realm="internal", scope="read"`},
		{`Bearer realm="internal"`},
	} {
		var line int
		var err error
		buf, line, err = ed.AppendSetParam(buf[:0], lines, len(lines)-1, "realm", "public")
		fmt.Printf("line %d: %s %v\n", line, buf, err)
	}
	// Output:
	// line 1: Bearer realm="public", scope="read" <nil>
	// line 0: Bearer realm="public" <nil>
}
