package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// authz is an Authorization value for the library's realm with the
// nonce, cnonce and count of the vectors in oracle_test.go.
func authz(alg, qop, response string) field {
	return field{"Authorization", []string{`Digest username="alice", realm="interop-library", nonce="bm9uY2U", uri="/resource", algorithm=` +
		alg + `, qop=` + qop + `, nc=00000001, cnonce="Y25vbmNl", response="` + response + `"`}}
}

const (
	md5OK      = "669b503d7bb02d3381fde64246a747ec"                                 // MD5, GET /resource
	sha256For5 = "528dfca495ab7e184c9881c01b606ca4632dbce05822483f9d4abeefe6a3987f" // SHA-256 where SHA-512-256 was asked
)

func newR(role string, exs ...exchange) *R {
	r := &R{ctx: context.Background(), row: row{impl: "x", role: role, variant: "v"}}
	for i := range exs {
		r.rec.add(&exs[i])
	}
	return r
}

func TestCheckWireServer(t *testing.T) {
	// Accepted and right: recomputed, no failure.
	r := newR(asServer, exchange{Method: "GET", Target: "/resource", Status: 200, Req: []field{authz("MD5", "auth", md5OK)}})
	exs := r.rec.exchanges()
	r.checkWire(exs, allParsed(exs))
	if len(r.fails) != 0 || len(r.notes) != 1 || r.notes[0] != "1 Digest response recomputed independently" {
		t.Errorf("right response accepted: fails %q, notes %q", r.fails, r.notes)
	}
	// Accepted and wrong: the library's server is at fault.
	r = newR(asServer, exchange{Method: "GET", Target: "/resource", Status: 200, Req: []field{authz("SHA-512-256", "auth", sha256For5)}})
	exs = r.rec.exchanges()
	r.checkWire(exs, allParsed(exs))
	if len(r.fails) != 1 || !strings.Contains(r.fails[0], "accepted") || !strings.Contains(r.fails[0], "hashed with SHA-256") {
		t.Errorf("wrong response accepted: fails %q", r.fails)
	}
	// Refused and wrong: not the wire check's business (checkServed's).
	r = newR(asServer, exchange{Method: "GET", Target: "/resource", Status: 401, Req: []field{authz("SHA-512-256", "auth", sha256For5)}})
	exs = r.rec.exchanges()
	r.checkWire(exs, allParsed(exs))
	if len(r.fails) != 0 {
		t.Errorf("wrong response refused: fails %q", r.fails)
	}
	// A value that does not parse strictly fails the row.
	r = newR(asServer, exchange{Method: "GET", Status: 401, Resp: []field{{"WWW-Authenticate", []string{`Basic, realm="a"`}}}})
	exs = r.rec.exchanges()
	r.checkWire(exs, allParsed(exs))
	if len(r.fails) != 1 || !strings.Contains(r.fails[0], "strict parsing") {
		t.Errorf("unparsable challenge: fails %q", r.fails)
	}
}

func TestCheckWireClient(t *testing.T) {
	// The library as a client sent a wrong response: its fault, whatever
	// the status.
	r := newR(asClient, exchange{Method: "GET", Target: "/resource", Status: 401, Req: []field{authz("MD5", "auth", sha256For5)}})
	exs := r.rec.exchanges()
	r.checkWire(exs, allParsed(exs))
	if len(r.fails) != 1 || !strings.Contains(r.fails[0], "the library sent") {
		t.Errorf("fails %q", r.fails)
	}
}

func TestCheckServed(t *testing.T) {
	unsupported := extClient{impl: "c", unsupported: regexp.MustCompile(`Unsupported algorithm '[^']*'`)}
	refused := exchange{Method: "GET", Target: "/resource", Status: 401, Req: []field{authz("SHA-512-256", "auth", sha256For5)}}
	noAuthz := exchange{Method: "GET", Target: "/resource", Status: 401}
	served := exchange{Method: "GET", Target: "/resource", Status: 200, Req: []field{authz("MD5", "auth", md5OK)}}
	for _, tc := range []struct {
		name        string
		ex          exchange
		status      int
		out, diag   string
		w           want
		fail, other string // substrings; "" for none
	}{
		{"served", served, 200, okBody(user, nil, "GET"), "", want{scheme: "Digest", algorithm: "MD5"}, "", ""},
		{"served with another algorithm", served, 200, okBody(user, nil, "GET"), "", want{scheme: "Digest", algorithm: "SHA-256"}, "algorithm=MD5, want SHA-256", ""},
		{"served with another scheme", served, 200, okBody(user, nil, "GET"), "", want{scheme: "Basic"}, `"Digest" credentials, want Basic`, ""},
		{"wrong body", served, 200, "library ok bob\n", "", want{scheme: "Digest"}, "status 200", ""},
		{"client hashed wrong", refused, 401, "", "", want{scheme: "Digest"}, "", "c hashed with SHA-256 for algorithm=SHA-512-256"},
		{"client says unsupported", noAuthz, 401, "", "wget: Unsupported algorithm 'SHA-256'.", want{scheme: "Digest"}, "", "c said: Unsupported algorithm 'SHA-256'"},
		{"no evidence", noAuthz, 401, "", "something else", want{scheme: "Digest"}, "status 401", ""},
	} {
		r := newR(asServer, tc.ex)
		r.checkServed(unsupported, tc.status, tc.out, tc.diag, "GET", "", tc.w)
		check := func(what string, got []string, want string) {
			if want == "" && len(got) != 0 || want != "" && (len(got) != 1 || !strings.Contains(got[0], want)) {
				t.Errorf("%s: %s = %q, want one containing %q", tc.name, what, got, want)
			}
		}
		check("fails", r.fails, tc.fail)
		check("others", r.others, tc.other)
	}
}

func TestWriteMatrix(t *testing.T) {
	dir := t.TempDir()
	readme := filepath.Join(dir, "README.md")
	head := "# title\n\nhand-written text\n\n" + marker
	if err := os.WriteFile(readme, []byte(head+"\n\nold generated text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	outcomes := []outcome{
		{row: row{impl: "curl", role: asServer, variant: "a|b"}, result: pass, evidence: "401, 200 via 127.0.0.1:4242",
			ex: []exchange{{Method: "GET", Target: "/", Status: 401, Resp: []field{{"WWW-Authenticate", []string{`Digest realm="r", nonce="abc"`}}}}}},
		{row: row{impl: "squid", role: asClient, variant: "v"}, result: fail, evidence: "e", fails: []string{"it broke"},
			ex: []exchange{{Method: "GET", Target: "http://127.0.0.1:999/", Status: 407, Req: []field{{"Proxy-Authorization", []string{`Basic YTpi`}}}}}},
	}
	if err := writeMatrix(readme, map[string]string{"curl": "7.88.1"}, outcomes); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(readme)
	got := string(b)
	for _, want := range []string{
		head + "\n\n## Implementations\n",
		"| curl | curl | client | 7.88.1 |",
		"2 rows: 1 pass, 0 fail because of the other implementation, 1 fail because of the library.",
		`| curl | server | a\|b | pass | 401, 200 via 127.0.0.1:PORT |`,
		"## Failing",
		"- it broke",
		"> GET http://127.0.0.1:PORT/\n> Proxy-Authorization: Basic [redacted]\n< 407\n",
		"< WWW-Authenticate: Digest realm=\"r\", nonce=\"<3 hex>\"",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("README lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"old generated text", "YTpi", "4242", "999"} {
		if strings.Contains(got, bad) {
			t.Errorf("README holds %q", bad)
		}
	}
	// Writing again gives the same file: the head is kept once.
	if err := writeMatrix(readme, map[string]string{"curl": "7.88.1"}, outcomes); err != nil {
		t.Fatal(err)
	}
	if b2, _ := os.ReadFile(readme); string(b2) != got {
		t.Error("a second write changed the README")
	}
	// No marker: an error, and the file is left alone.
	os.WriteFile(readme, []byte("# no marker\n"), 0o644)
	if err := writeMatrix(readme, nil, outcomes); err == nil {
		t.Error("writeMatrix without a marker: no error")
	}
}

func TestSummary(t *testing.T) {
	exs := []exchange{
		{Method: "GET", Status: 401, Resp: []field{{"WWW-Authenticate", []string{`Digest realm="r", nonce="n"`}}}},
		{Method: "GET", Status: 200, Req: []field{{"Authorization", []string{`Digest username="a", algorithm=SHA-256, qop=auth, response="0"`}}}},
		{Method: "CONNECT", Status: 407},
		{Method: "GET", Status: 200, Inside: true, Req: []field{{"Authorization", []string{`Basic YTpi`}}}},
	}
	want := "401, 200, CONNECT 407, (tls) 200; Authorization: Digest algorithm=SHA-256 qop=auth; Authorization: Basic"
	if got := summary(exs); got != want {
		t.Errorf("summary\n got %s\nwant %s", got, want)
	}
	var many []exchange
	for i := range 9 {
		many = append(many, exchange{Method: "GET", Status: []int{200, 401}[i%2]})
	}
	if got, want := summary(many), "5×200, 4×401"; got != want {
		t.Errorf("summary of 9 = %s, want %s", got, want)
	}
}

func TestStablePortsAndCell(t *testing.T) {
	if got, want := stablePorts(`uri="http://127.0.0.1:39401/x" 127.0.0.1:1`), `uri="http://127.0.0.1:PORT/x" 127.0.0.1:PORT`; got != want {
		t.Errorf("stablePorts = %s, want %s", got, want)
	}
	if got, want := cell("a|b\nc"), `a\|b c`; got != want {
		t.Errorf("cell = %s, want %s", got, want)
	}
	if strings.Contains(cell("SHA-256|MD5"), "6|M") {
		t.Error("cell left a bare |")
	}
}
