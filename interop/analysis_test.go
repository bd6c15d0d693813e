package main

import "testing"

func TestShape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`Digest realm="interop-apache", nonce="6BeJuWlhBgA=45c1e0", algorithm=MD5, qop="auth"`,
			`Digest realm="interop-apache", nonce="<18 chars>", algorithm=MD5, qop="auth"`},
		{`Digest username="alice", realm="r", nonce="xyz", uri="/x", cnonce="Zm9v", nc=00000001, qop=auth, response="0123456789abcdef0123456789abcdef", algorithm=MD5`,
			`Digest username="alice", realm="r", nonce="<3 chars>", uri="/x", cnonce="<4 chars>", nc=<8 hex>, qop=auth, response="<32 hex>", algorithm=MD5`},
		// Names are matched without case; a quoted value holding commas
		// and "nonce=" stays one value.
		{`Digest realm="a, nonce=x", NONCE = "n", Opaque=tok`, `Digest realm="a, nonce=x", NONCE = "<1 chars>", Opaque=<3 chars>`},
		// A userhash is a user name that shows only its length.
		{`Digest username="8c9317db87b18c884a1b6bd4dd1a0764cb358f844c04afe775001425378b9d9e", realm="r", userhash=true, response="00"`,
			`Digest username="<64 hex>", realm="r", userhash=true, response="<2 hex>"`},
		// Basic credentials are a token68.
		{`Basic YWxpY2U6d29uZGVybGFuZA==`, `Basic <24 chars>`},
		{`rspauth="abcd", nextnonce="xyz", cnonce="c", nc=00000002, qop=auth`,
			`rspauth="<4 hex>", nextnonce="<3 chars>", cnonce="<1 hex>", nc=<8 hex>, qop=auth`},
		{"Digest realm=\"\x01\"", "<16 bytes that do not lex>"},
	} {
		if got := shape(tc.in); got != tc.want {
			t.Errorf("shape(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`Digest username="alice", nonce="n", response="0123", nc=00000001`, `Digest username="alice", nonce="n", response="[redacted]", nc=00000001`},
		{`Digest response=0123`, `Digest response=[redacted]`},
		{`Basic YWxpY2U6d29uZGVybGFuZA==`, `Basic [redacted]`},
	} {
		if got := redact(tc.in); got != tc.want {
			t.Errorf("redact(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestParseStrict(t *testing.T) {
	ok := []field{
		{"WWW-Authenticate", []string{`Digest realm="a", nonce="n"`, `Basic realm="a"`}},
		{"Proxy-Authenticate", []string{`Digest realm="a", algorithm="MD5", stale="false", qop=""`}},
		{"Authorization", []string{`Digest username="a", response="0"`}},
		{"Authentication-Info", []string{`rspauth="0"`, `nc=00000001`}},
	}
	for _, f := range ok {
		if p := parseStrict(f); p.Err != nil {
			t.Errorf("parseStrict(%s %q) = %v, want no error", f.Name, f.Lines, p.Err)
		}
	}
	bad := []field{
		{"WWW-Authenticate", []string{`Basic, realm="a"`}},               // a parameter without a challenge
		{"Authorization", []string{`Basic YTpi`, `Basic YzpK`}},          // two values
		{"Authorization", []string{`Digest username="a", a="1", a="2"`}}, // duplicate name
		{"Authentication-Info", []string{`rspauth="0`}},                  // unterminated
		{"X-Other", []string{`a`}},
	}
	for _, f := range bad {
		if p := parseStrict(f); p.Err == nil {
			t.Errorf("parseStrict(%s %q): no error", f.Name, f.Lines)
		}
	}
}
