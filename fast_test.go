package httpauth_test

import (
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

// TestFastPathTaken pins which inputs the fast path reads, so that a change
// that makes it give up on a common shape shows as a failure, not only as
// a slower benchmark: every strict benchmark case, and shapes it must leave
// to the general grammar.
func TestFastPathTaken(t *testing.T) {
	var p httpauth.Parser
	for _, tc := range benchCases {
		if tc.lenient {
			continue
		}
		var err error
		if tc.field == "challenge" {
			_, err = p.ParseChallenges(nil, tc.in)
		} else {
			_, err = p.ParseCredentials(nil, tc.in)
			if !strings.Contains(tc.in, "=") || strings.HasSuffix(tc.in, "=") {
				continue // "scheme SP token68": ParseCredentials' own shortcut
			}
		}
		if err != nil || !p.TookFastPath() {
			t.Errorf("%s %s: fast path %v, error %v", tc.field, tc.name, p.TookFastPath(), err)
		}
	}
	for _, lines := range [][]string{
		{`Digest realm="a"`, `nonce="b", Basic realm=x`},
		{`Basic realm="a", Negotiate abc==, Bearer`},
	} {
		if _, err := p.ParseChallenges(nil, lines...); err != nil || !p.TookFastPath() {
			t.Errorf("%q: fast path %v, error %v", lines, p.TookFastPath(), err)
		}
	}
	if _, err := p.ParseParams(nil, `nextnonce="a", qop=auth`); err != nil || !p.TookFastPath() {
		t.Errorf("Authentication-Info: fast path %v, error %v", p.TookFastPath(), err)
	}
	for _, in := range []string{`Basic realm = "x"`, `Basic realm="x" , y=1`, `Basic , realm="x"`, `Basic realm="x", realm="y"`, "Basic realm=\"x\r\n y\""} {
		p.ParseChallenges(nil, in)
		if p.TookFastPath() {
			t.Errorf("%q: read by the fast path, which must leave it to the general grammar", in)
		}
	}
}
