package main

import (
	"strings"
	"testing"
)

const rfc7616Sec391 = `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`

func runRespondArgs(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	stdout, stderr, code = runCLI(t, stdin, append([]string{"respond"}, args...)...)
	return code, stdout, stderr
}

// RFC 7616 section 3.9.1: the tool prints the RFC's Authorization,
// choosing SHA-256 over MD5, and with only the MD5 challenge the MD5 one.
func TestRespondRFC7616(t *testing.T) {
	args := []string{"-user", "Mufasa", "-password", "Circle of Life", "-uri", "/dir/index.html", "-cnonce", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"}
	code, out, errOut := runRespondArgs(t, "", append([]string{"-challenge", rfc7616Sec391}, args...)...)
	want := `Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"` + "\n"
	if code != 0 || out != want {
		t.Fatalf("respond = %d %q (stderr %q), want\n%s", code, out, errOut, want)
	}
	md5Only := rfc7616Sec391[strings.Index(rfc7616Sec391, ", Digest")+2:]
	code, out, _ = runRespondArgs(t, "", append([]string{"-challenge", md5Only}, args...)...)
	if code != 0 || !strings.Contains(out, `response="8ca523f5e9506fed4657c9700eebdbec"`) || !strings.Contains(out, "algorithm=MD5,") {
		t.Fatalf("MD5: %d %q", code, out)
	}
}

// RFC 2617 section 3.5, password read from stdin.
func TestRespondRFC2617(t *testing.T) {
	code, out, errOut := runRespondArgs(t, "Circle Of Life\n",
		"-challenge", `Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"`,
		"-user", "Mufasa", "-password-stdin", "-uri", "/dir/index.html", "-cnonce", "0a4f113b")
	if code != 0 || !strings.Contains(out, `response="6629fae49393a05397450978507c4ef1"`) {
		t.Fatalf("respond = %d %q %q", code, out, errOut)
	}
}

// RFC 7617: Basic, with and without charset.
func TestRespondBasic(t *testing.T) {
	code, out, _ := runRespondArgs(t, "", "-challenge", `Basic realm="WallyWorld"`, "-user", "Aladdin", "-password", "open sesame")
	if code != 0 || out != "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\n" {
		t.Fatalf("Basic = %d %q", code, out)
	}
	code, out, _ = runRespondArgs(t, "", "-challenge", `Basic realm="foo", charset="UTF-8"`, "-user", "test", "-password", "123\u00a3")
	if code != 0 || out != "Basic dGVzdDoxMjPCow==\n" {
		t.Fatalf("Basic UTF-8 = %d %q", code, out)
	}
	// Digest is preferred to Basic when both are offered.
	code, out, _ = runRespondArgs(t, "", "-challenge", `Basic realm="a", Digest realm="a", nonce="n", qop="auth"`, "-user", "u", "-password", "p", "-cnonce", "c")
	if code != 0 || !strings.HasPrefix(out, "Digest ") {
		t.Fatalf("Basic+Digest = %d %q", code, out)
	}
}

func TestRespondErrors(t *testing.T) {
	cred := []string{"-user", "u", "-password", "p"}
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"-user", "u", "-password", "p"}, 2},
		{[]string{"-challenge", `Basic realm="a"`, "-nc", "1", "-user", "u", "-password", "p"}, 2},
		{[]string{"-challenge", `Basic realm="a"`, "extra", "-user", "u", "-password", "p"}, 2},
		{append([]string{"-challenge", `Bearer realm="a"`}, cred...), 1},
		{append([]string{"-challenge", `Digest realm="a", nonce="n", algorithm=SHA-1`}, cred...), 1},
		{[]string{"-challenge", `Basic realm="a"`, "-user", "a:b", "-password", "p"}, 1},
		{append([]string{"-challenge", `Basic realm=`}, cred...), 1}, // a token68: no realm
		{append([]string{"-challenge", `Digest realm="a", nonce="n", qop="auth"`, "-qop", "auth-int"}, cred...), 1},
		{append([]string{"-challenge", `Digest realm="x`}, cred...), 1},
	} {
		if code, out, _ := runRespondArgs(t, "", tt.args...); code != tt.code || out != "" {
			t.Errorf("respond %q = %d %q, want %d and no output", tt.args, code, out, tt.code)
		}
	}
	// A syntax error with nothing answerable before it is reported as such.
	_, _, errOut := runRespondArgs(t, "", append([]string{"-challenge", `Digest realm="x`}, cred...)...)
	if want := "httpauth respond: line 0, offset 13: unterminated quoted-string\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

// TestRespondNeedsCredentials: without a user or a password, respond
// prints nothing and exits 2, naming what is missing; it never sends
// "Basic Og==" (an empty user-id and password).
func TestRespondNeedsCredentials(t *testing.T) {
	basicCh := []string{"-challenge", `Basic realm="a"`}
	digestCh := []string{"-challenge", `Digest realm="a", nonce="n", qop="auth"`}
	for _, tt := range []struct {
		name  string
		stdin string
		args  []string
		want  string // the first line of stderr
	}{
		{"no user", "", []string{"-password", "p"}, "-user is required and may not be empty"},
		{"empty user", "", []string{"-user", "", "-password", "p"}, "-user is required and may not be empty"},
		{"no password", "", []string{"-user", "u"}, "a password is required: -password, -password-stdin or -empty-password"},
		{"nothing", "", nil, "-user is required and may not be empty"},
		{"empty password", "", []string{"-user", "u", "-password", ""}, "-password is empty; use -empty-password to send an empty password on purpose"},
		{"empty stdin", "", []string{"-user", "u", "-password-stdin"}, "-password-stdin: standard input holds no password (its first line is empty)"},
		{"empty first line", "\nsecret\n", []string{"-user", "u", "-password-stdin"}, "-password-stdin: standard input holds no password (its first line is empty)"},
		{"password too long", strings.Repeat("p", 20000), []string{"-user", "u", "-password-stdin"}, "-password-stdin: the password on standard input is longer than 16384 bytes"},
		{"two sources", "p\n", []string{"-user", "u", "-password", "p", "-password-stdin"}, "give only one of -password, -password-stdin and -empty-password"},
		{"empty and given", "", []string{"-user", "u", "-password", "p", "-empty-password"}, "give only one of -password, -password-stdin and -empty-password"},
	} {
		for _, ch := range [][]string{basicCh, digestCh} {
			args := append(append([]string(nil), ch...), tt.args...)
			code, out, errOut := runRespondArgs(t, tt.stdin, args...)
			want := "httpauth respond: " + tt.want + "\nusage: httpauth " + synopsis(respondUsage) + "\n"
			if code != 2 || out != "" || errOut != want {
				t.Errorf("%s: respond %q: exit %d, stdout %q, stderr\n%s\nwant exit 2, no stdout, stderr\n%s", tt.name, args, code, out, errOut, want)
			}
		}
	}
}

// TestRespondEmptyPassword: -empty-password sends an empty password on
// purpose: base64("key:") is a2V5Og==.
func TestRespondEmptyPassword(t *testing.T) {
	code, out, errOut := runRespondArgs(t, "", "-challenge", `Basic realm="api"`, "-user", "key", "-empty-password")
	if code != 0 || out != "Basic a2V5Og==\n" {
		t.Errorf("respond -empty-password: exit %d, stdout %q, stderr %q; want Basic a2V5Og==", code, out, errOut)
	}
}

// TestRespondFieldLines: -challenge is repeatable, one field line each,
// like the field lines of a response; the lines are one field.
func TestRespondFieldLines(t *testing.T) {
	cred := []string{"-user", "u", "-password", "p", "-cnonce", "c"}
	// Digest on the first line is preferred to Basic on the second: both
	// lines are read. response = MD5(MD5("u:a:p") ":n:00000001:c:auth:"
	// MD5("GET:/")), computed with Python's hashlib.
	code, out, errOut := runRespondArgs(t, "", append([]string{"-challenge", `Digest realm="a", nonce="n", qop="auth"`, "-challenge", `Basic realm="b"`}, cred...)...)
	if code != 0 || out != `Digest username="u", realm="a", uri="/", nonce="n", nc=00000001, cnonce="c", qop=auth, response="ad11f1a88c665092a5227815ca3df4ce"`+"\n" {
		t.Errorf("two -challenge lines: exit %d, stdout %q, stderr %q; want the Digest answer", code, out, errOut)
	}
	// An error on the second line: the Basic challenge of the first line
	// is answered, and the error is reported with its line.
	code, out, errOut = runRespondArgs(t, "", append([]string{"-challenge", `Basic realm="a"`, "-challenge", `Digest realm="x`}, cred...)...)
	want := "httpauth respond: warning: line 1, offset 13: unterminated quoted-string; answered a challenge before it\n"
	if code != 0 || out != "Basic dTpw\n" || errOut != want {
		t.Errorf("error on line 1: exit %d, stdout %q, stderr %q; want Basic dTpw (u:p) and stderr %q", code, out, errOut, want)
	}
}

// A random cnonce differs between runs and the output still parses.
func TestRespondRandomCnonce(t *testing.T) {
	args := []string{"-challenge", `Digest realm="a", nonce="n", qop="auth"`, "-user", "u", "-password", "p"}
	_, a, _ := runRespondArgs(t, "", args...)
	_, b, _ := runRespondArgs(t, "", args...)
	if a == b || !strings.Contains(a, "cnonce=") {
		t.Fatalf("two runs gave %q and %q", a, b)
	}
}
