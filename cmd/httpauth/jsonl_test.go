package main

import (
	"bufio"
	"io"
	"strings"
	"testing"
	"time"
)

// TestJSONLAllFields sends one request per field name and checks each
// answer line.
func TestJSONLAllFields(t *testing.T) {
	in := strings.Join([]string{
		`{"field":"www-authenticate","lines":["Basic realm=\"simple\", Negotiate YII="]}`,
		`{"field":"proxy-authenticate","lines":["Digest realm=\"p@h\", qop=\"auth\"","Basic realm=x"]}`,
		`{"field":"authorization","lines":["Digest username=\"Mufasa\", nc=00000001"]}`,
		`{"field":"proxy-authorization","lines":["Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="]}`,
		`{"field":"authentication-info","lines":["nextnonce=\"abc\", qop=auth"]}`,
		`{"field":"proxy-authentication-info","lines":["rspauth=\"d\\\\e\""],"lenient":false}`,
	}, "\n") + "\n"
	want := strings.Join([]string{
		`{"challenges":[{"scheme":"Basic","params":[["realm","simple"]]},{"scheme":"Negotiate","token68":"YII="}]}`,
		`{"challenges":[{"scheme":"Digest","params":[["realm","p@h"],["qop","auth"]]},{"scheme":"Basic","params":[["realm","x"]]}]}`,
		`{"credentials":{"scheme":"Digest","params":[["username","Mufasa"],["nc","00000001"]]}}`,
		`{"credentials":{"scheme":"Basic","token68":"QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}}`,
		`{"params":[["nextnonce","abc"],["qop","auth"]]}`,
		`{"params":[["rspauth","d\\e"]]}`,
	}, "\n") + "\n"
	check(t, in, []string{"parse", "-jsonl"}, want, 0)
}

func TestJSONLAnswers(t *testing.T) {
	in := strings.Join([]string{
		// The same line read with three grammars.
		`{"field":"www-authenticate","lines":["Basic realm=x, Bearer"]}`,
		`{"field":"authorization","lines":["Basic realm=x, Bearer"]}`,
		`{"field":"authentication-info","lines":["Basic realm=x, Bearer"]}`,
		// Errors are answers, not exit statuses.
		`{"field":"authorization","lines":["Basic abc","Basic def"]}`,
		`{"field":"authorization","lines":[]}`,
		`{"lines":["Basic realm=\"x\", Bearer a=b, c="]}`,
		"",
		// Blank lines are skipped; storage reuse leaves nothing stale.
		`{"lines":["A a=1, b=2, B c=3"]}`,
		`{"lines":["C d=4"]}`,
		`{"lines":[]}`,
		`{"field":"WWW-Authenticate","lines":["Bearer"],"lenient":null}`,
		`{"field":"authentication-info"}`,
	}, "\n") + "\n"
	want := strings.Join([]string{
		`{"challenges":[{"scheme":"Basic","params":[["realm","x"]]},{"scheme":"Bearer"}]}`,
		`{"error":{"line":0,"offset":15,"message":"more than one credentials value"}}`,
		`{"error":{"line":0,"offset":6,"message":"expected '=' after parameter name"}}`,
		`{"error":{"line":1,"offset":0,"message":"more than one credentials value"}}`,
		`{"error":{"line":0,"offset":0,"message":"empty credentials value"}}`,
		`{"challenges":[{"scheme":"Basic","params":[["realm","x"]]}],"error":{"line":0,"offset":31,"message":"expected a token or quoted-string value"}}`,
		`{"challenges":[{"scheme":"A","params":[["a","1"],["b","2"]]},{"scheme":"B","params":[["c","3"]]}]}`,
		`{"challenges":[{"scheme":"C","params":[["d","4"]]}]}`,
		`{"challenges":[]}`,
		`{"challenges":[{"scheme":"Bearer"}]}`,
		`{"params":[]}`,
	}, "\n") + "\n"
	check(t, in, []string{"parse", "-jsonl"}, want, 0)
}

func TestJSONLFieldFlagIsDefault(t *testing.T) {
	check(t, `{"lines":["Bearer abc"]}`+"\n"+`{"field":"www-authenticate","lines":["Bearer abc"]}`,
		[]string{"parse", "-jsonl", "-field", "authorization"},
		`{"credentials":{"scheme":"Bearer","token68":"abc"}}`+"\n"+
			`{"challenges":[{"scheme":"Bearer","token68":"abc"}]}`+"\n", 0)
}

func TestJSONLBadInput(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"not json", `{"lines":["Basic"]}` + "\nnot json\n" + `{"lines":["Bearer"]}` + "\n",
			`{"challenges":[{"scheme":"Basic"}]}` + "\n"},
		{"unknown member", `{"field":"authorization","line":["Basic abc"]}`, ""},
		{"unknown field", `{"field":"cookie","lines":[]}`, ""},
		{"empty field name", `{"field":"","lines":[]}`, ""},
		{"two objects on a line", `{"lines":[]} {"lines":[]}`, ""},
		{"array", `[]`, ""},
		{"lines not strings", `{"lines":[1]}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.in, "parse", "-jsonl")
			if out != tt.want || code != 2 || !strings.Contains(errOut, "standard input line ") {
				t.Errorf("parse -jsonl with %q:\n got (exit %d) %q, stderr %q\nwant (exit 2) %q, stderr naming the line", tt.in, code, out, errOut, tt.want)
			}
		})
	}
	_, errOut, _ := runCLI(t, `{"lines":["Basic"]}`+"\nnot json\n", "parse", "-jsonl")
	if !strings.Contains(errOut, "standard input line 2:") {
		t.Errorf("stderr = %q, want it to name line 2", errOut)
	}
}

// TestJSONLInteractive checks that an answer is written as soon as its
// request is read, before the next request arrives: a harness that waits
// for each answer must not deadlock on buffered output.
func TestJSONLInteractive(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"parse", "-jsonl"}, inR, outW, io.Discard)
		outW.Close()
	}()
	answers := bufio.NewReader(outR)
	for _, step := range []struct{ req, want string }{
		{`{"lines":["Basic realm=a"]}`, `{"challenges":[{"scheme":"Basic","params":[["realm","a"]]}]}`},
		{`{"field":"authorization","lines":["Bearer t"]}`, `{"credentials":{"scheme":"Bearer","token68":"t"}}`},
	} {
		if _, err := io.WriteString(inW, step.req+"\n"); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() {
			line, _ := answers.ReadString('\n')
			got <- line
		}()
		select {
		case line := <-got:
			if line != step.want+"\n" {
				t.Errorf("answer to %s = %q, want %q", step.req, line, step.want+"\n")
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no answer to %s while the input stays open", step.req)
		}
	}
	inW.Close()
	if code := <-done; code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
}
