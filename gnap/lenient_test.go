package gnap_test

import (
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/gnap"
)

// RFC 9635's RS-first example writes as_uri bare; httpauth's lenient mode
// reads it (with a warning), and the view accepts the result.
func TestRFCBareASURILenient(t *testing.T) {
	p := httpauth.Parser{Lenient: true}
	cs, err := p.ParseChallenges(nil, "GNAP as_uri=https://as.example/tx, access=FWWIKYBQ6U56NL1")
	if err != nil || len(cs) != 1 {
		t.Fatalf("lenient mode does not read the bare as_uri (%d challenges, %v): update the package doc", len(cs), err)
	}
	if len(p.Warnings()) == 0 {
		t.Errorf("lenient mode read the bare as_uri without a warning")
	}
	got, err := gnap.ParseChallenge(cs[0])
	want := gnap.Challenge{ASURI: "https://as.example/tx", Access: "FWWIKYBQ6U56NL1"}
	if err != nil || got != want {
		t.Errorf("ParseChallenge = %+v, %v; want %+v", got, err, want)
	}
}
