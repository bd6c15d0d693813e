package main

import (
	"bytes"
	"testing"

	"github.com/authwire/httpauth"
)

// TestWarningsJSON checks the format of lenient warnings with a result
// built by hand, independently of what the parser warns about.
func TestWarningsJSON(t *testing.T) {
	var buf bytes.Buffer
	w := newJSONWriter(&buf)
	r := result{
		kind:       kindChallenges,
		challenges: []httpauth.Challenge{{Scheme: "Basic", Params: httpauth.Params{{Name: "realm", Value: "Secured area"}}}},
		warnings:   []httpauth.Warning{{Line: 0, Offset: 5, Message: "';' after the auth-scheme"}},
	}
	if err := w.writeResult(&r); err != nil {
		t.Fatal(err)
	}
	r = result{kind: kindParams, params: httpauth.Params{}}
	if err := w.writeResult(&r); err != nil {
		t.Fatal(err)
	}
	w.flush()
	want := `{"challenges":[{"scheme":"Basic","params":[["realm","Secured area"]]}],"warnings":[{"line":0,"offset":5,"message":"';' after the auth-scheme"}]}` + "\n" +
		`{"params":[]}` + "\n"
	if buf.String() != want {
		t.Errorf("got %s\nwant %s", buf.String(), want)
	}
}
