package main

import (
	"strings"
	"testing"
)

const rfc7616Sec391 = `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`

func runRespondArgs(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb strings.Builder
	code = run(append([]string{"respond"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
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
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"-user", "u"}, 2},
		{[]string{"-challenge", `Basic realm="a"`, "-nc", "1"}, 2},
		{[]string{"-challenge", `Basic realm="a"`, "extra"}, 2},
		{[]string{"-challenge", `Bearer realm="a"`}, 1},
		{[]string{"-challenge", `Digest realm="a", nonce="n", algorithm=SHA-1`}, 1},
		{[]string{"-challenge", `Basic realm="a"`, "-user", "a:b"}, 1},
		{[]string{"-challenge", `Basic realm=`}, 1},
		{[]string{"-challenge", `Digest realm="a", nonce="n", qop="auth"`, "-qop", "auth-int"}, 1},
	} {
		if code, out, _ := runRespondArgs(t, "", tt.args...); code != tt.code || out != "" {
			t.Errorf("respond %q = %d %q, want %d and no output", tt.args, code, out, tt.code)
		}
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
