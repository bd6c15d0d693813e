package scram_test

import (
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/scram"
)

// RFC 7804 section 5 writes padded base64 bare. httpauth's lenient mode
// reads the RFC's lines as printed (with warnings), and the views accept
// them.
func TestRFCBareDataLenient(t *testing.T) {
	p := httpauth.Parser{Lenient: true}
	cs, err := p.ParseChallenges(nil, "SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data="+serverFirst)
	if err != nil || len(cs) != 1 {
		t.Fatalf("lenient mode does not read bare padded base64 (%d challenges, %v)", len(cs), err)
	}
	if len(p.Warnings()) == 0 {
		t.Errorf("lenient mode read bare padded base64 without a warning")
	}
	ch, err := scram.ParseChallenge(cs[0])
	if err != nil || ch.SID != "AAAABBBBCCCCDDDD" || ch.Data != serverFirst {
		t.Errorf("ParseChallenge = %+v, %v", ch, err)
	}
	checkDecoded(t, "server-first", ch.DecodeData, serverFirstMsg)

	hc, err := p.ParseCredentials(nil, "SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data="+clientFinal)
	if err != nil {
		t.Fatalf("lenient ParseCredentials: %v", err)
	}
	cr, err := scram.ParseCredentials(hc)
	if err != nil || cr.Data != clientFinal {
		t.Errorf("ParseCredentials: %v", err)
	}
	checkDecoded(t, "client-final", cr.DecodeData, clientFinalMsg)

	ps, err := p.ParseParams(nil, "sid=AAAABBBBCCCCDDDD, data="+serverFinal)
	if err != nil {
		t.Fatalf("lenient ParseParams: %v", err)
	}
	info, err := scram.ParseInfo(ps)
	if err != nil {
		t.Fatal(err)
	}
	checkDecoded(t, "server-final", info.DecodeData, serverFinalMsg)
}
