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

// TestJSONLBadInput: a line that is not a valid request is answered with
// an error without a position, and the requests after it are answered
// too; the exit status is 2 and stderr names each bad line.
func TestJSONLBadInput(t *testing.T) {
	const (
		before       = `{"lines":["Basic"]}`
		after        = `{"lines":["Bearer"]}`
		answerBefore = `{"challenges":[{"scheme":"Basic"}]}`
		answerAfter  = `{"challenges":[{"scheme":"Bearer"}]}`
	)
	tests := []struct {
		name, line, message string
	}{
		{"not json", "not json", "not JSON at byte 2: invalid character 'o' in literal null (expecting 'u')"},
		{"cut short", `{"lines":["Basic"`, "not JSON: the request ends inside its object"},
		{"null request", "null", "the request is null, want a JSON object"},
		{"null line", `{"lines":["Basic",null]}`, `\"lines\"[1] is null, want a string`},
		{"array", `[]`, "the request is an array, want a JSON object"},
		{"string", `"Basic"`, "the request is a string, want a JSON object"},
		{"lines not strings", `{"lines":[1]}`, `\"lines\"[0] is a number, want a string`},
		{"lines an object", `{"lines":{}}`, `\"lines\" is an object, want an array of strings`},
		{"lines a string", `{"lines":"Basic"}`, `\"lines\" is a string, want an array of strings`},
		{"field a number", `{"field":1}`, `\"field\" is a number, want a string or null`},
		{"lenient a string", `{"lenient":"yes"}`, `\"lenient\" is a string, want true, false or null`},
		{"unknown member", `{"field":"authorization","line":["Basic abc"]}`, `unknown member \"line\" (want field, lines or lenient)`},
		{"member in another case", `{"Lines":["Basic abc"]}`, `unknown member \"Lines\" (want field, lines or lenient)`},
		{"member twice", `{"lines":["a=1"],"lines":["b=2"]}`, `member \"lines\" given twice`},
		{"member twice, first null", `{"field":null,"field":"authorization"}`, `member \"field\" given twice`},
		{"unknown field", `{"field":"cookie","lines":[]}`, `unknown field \"cookie\" (want one of ` + fieldNames + ")"},
		{"empty field name", `{"field":"","lines":[]}`, `unknown field \"\" (want one of ` + fieldNames + ")"},
		{"long field name", `{"field":"` + strings.Repeat("x", 100) + `"}`, `unknown field \"` + strings.Repeat("x", 40) + `\"... (want one of ` + fieldNames + ")"},
		{"two objects on a line", `{"lines":[]} {"lines":[]}`, "text after the request object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := before + "\n" + tt.line + "\n" + after + "\n"
			want := answerBefore + "\n" + `{"error":{"message":"bad request: ` + tt.message + `"}}` + "\n" + answerAfter + "\n"
			out, errOut, code := runCLI(t, in, "parse", "-jsonl")
			if out != want || code != 2 || !strings.HasPrefix(errOut, "httpauth parse: standard input line 2: bad request: ") {
				t.Errorf("parse -jsonl with %q:\n got (exit %d) %s stderr %q\nwant (exit 2) %s stderr naming line 2", in, code, out, errOut, want)
			}
		})
	}
}

// TestJSONLNulls: null for "field" and "lenient" is the flag's value, and
// null for "lines" is no line; only a null request or field line is bad.
func TestJSONLNulls(t *testing.T) {
	in := `{"field":null,"lines":["Bearer abc"],"lenient":null}` + "\n" + `{"lines":null}` + "\n"
	check(t, in, []string{"parse", "-jsonl", "-field", "authorization"},
		`{"credentials":{"scheme":"Bearer","token68":"abc"}}`+"\n"+
			`{"error":{"line":0,"offset":0,"message":"empty credentials value"}}`+"\n", 0)
}

// TestJSONLHugeRequest: a 64 MiB request line is answered with an error
// without being held in memory, and the next request is answered.
func TestJSONLHugeRequest(t *testing.T) {
	var (
		out, errb strings.Builder
		code      int
	)
	n := allocated(func() {
		in := hugeInput(`{"lines":["Basic realm=`, `"]}`+"\n"+`{"lines":["Bearer"]}`+"\n")
		code = run([]string{"parse", "-jsonl"}, in, &out, &errb)
	})
	want := `{"error":{"message":"bad request: request longer than 1048576 bytes (limit)"}}` + "\n" +
		`{"challenges":[{"scheme":"Bearer"}]}` + "\n"
	if out.String() != want || code != 2 {
		t.Errorf("parse -jsonl with a 64 MiB request: exit %d, stdout %q, stderr %q; want exit 2 and %q", code, out.String(), errb.String(), want)
	}
	if n > 8<<20 {
		t.Errorf("parse -jsonl with a 64 MiB request allocated %d bytes, want at most 8 MiB", n)
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
