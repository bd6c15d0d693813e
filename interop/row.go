package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/authwire/httpauth"
)

// Roles of the library in a row.
const (
	asClient = "client" // the library's client against another server
	asServer = "server" // another client against the library's server
)

// A row of the matrix: one implementation, the library's role, one
// variant, and the function that runs it.
type row struct {
	impl    string // a key of the implementations table
	role    string
	variant string
	run     func(r *R)
}

// Results of a row.
type result int

const (
	pass      result = iota
	otherSide        // failed, and the evidence shows the other implementation at fault
	fail             // failed, and nothing shows that the library is not at fault
)

func (x result) String() string {
	switch x {
	case pass:
		return "pass"
	case otherSide:
		return "fails: other side"
	}
	return "FAIL: library"
}

// R is the state of one running row, in the manner of testing.T. Fail
// records a failure of the library; Other records evidence that a failure
// is the other implementation's. A row with a Fail fails, whatever else
// it recorded.
type R struct {
	ctx      context.Context
	row      row
	setup    *Setup
	dir      string // the interop directory (scripts, node_modules)
	rec      recorder
	mu       sync.Mutex // guards notes, fails, others: rows may run requests in parallel
	notes    []string
	fails    []string
	others   []string
	cleanups []func()
}

// outcome is what a finished row reports.
type outcome struct {
	row      row
	result   result
	evidence string
	fails    []string
	wire     []parsed
	ex       []exchange
	elapsed  time.Duration
}

// Note adds to the row's evidence.
func (r *R) Note(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

// Fail records a failure of the library.
func (r *R) Fail(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fails = append(r.fails, fmt.Sprintf(format, args...))
}

// Other records that the row failed because of the other implementation,
// and the evidence that shows it.
func (r *R) Other(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.others = append(r.others, fmt.Sprintf(format, args...))
}

// Cleanup registers f to run when the row ends, last registered first.
func (r *R) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }

// Tap starts a tap in front of target, recording into the row.
func (r *R) Tap(target string) *tap {
	t, err := newTap(target, &r.rec)
	if err != nil {
		panic(fmt.Sprintf("tap: %v", err)) // 127.0.0.1:0 is always there
	}
	r.Cleanup(t.Close)
	return t
}

// port returns 127.0.0.1:p.
func port(p int) string { return fmt.Sprintf("127.0.0.1:%d", p) }

// Fetch sends one request with c and returns the status and the body. A
// body makes the request replayable (http.NewRequest sets GetBody).
func (r *R) Fetch(c *http.Client, method, url, body string) (int, string, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(r.ctx, method, url, rd)
	if err != nil {
		return 0, "", err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, string(b), err
}

// Expect fetches url and records a failure unless the status is 200 and
// the body starts with want. It reports whether it passed.
func (r *R) Expect(c *http.Client, method, url, body, want string) bool {
	status, got, err := r.Fetch(c, method, url, body)
	switch {
	case err != nil:
		r.Fail("%s %s: %v", method, url, err)
	case status != http.StatusOK || !strings.HasPrefix(got, want):
		r.Fail("%s %s: status %d, body %q, want 200 and %q", method, url, status, firstLine(got), want)
	default:
		return true
	}
	return false
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 120 {
		s = s[:120] + "..."
	}
	return s
}

// Command runs an external client with a deadline and returns its
// standard output and error (each cut at 64 KiB). The environment has no
// proxy variables: every proxy a row uses is named on the command line.
func (r *R) Command(name string, args ...string) (stdout, stderr string, err error) {
	ctx, cancel := context.WithTimeout(r.ctx, 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = r.dir
	cmd.Env = cleanEnv()
	cmd.WaitDelay = 2 * time.Second
	var out, errOut limitedBuffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch strings.ToLower(k) {
		case "http_proxy", "https_proxy", "all_proxy", "no_proxy", "ftp_proxy":
			continue
		}
		env = append(env, kv)
	}
	return env
}

type limitedBuffer struct{ bytes.Buffer }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := 64<<10 - b.Len(); room < len(p) {
		if room > 0 {
			b.Buffer.Write(p[:room])
		}
		return len(p), nil
	}
	return b.Buffer.Write(p)
}

// okBody is what the library's server answers to an authenticated request:
// the user name, and for a body its length and SHA-256.
func okBody(user string, body []byte, method string) string {
	s := "library ok " + user
	if method == http.MethodPost || len(body) > 0 {
		s += " " + lenSHA(string(body))
	}
	return s + "\n"
}

// LibraryServer starts the library's server with cfg on 127.0.0.1 and
// returns a tap in front of it.
func (r *R) LibraryServer(cfg serverConfig) *tap { return r.Tap(r.LibraryServerAddr(cfg)) }

// LibraryServerAddr starts the library's server with cfg on 127.0.0.1
// and returns its host:port, for a row that taps the way to it elsewhere.
func (r *R) LibraryServerAddr(cfg serverConfig) string {
	h := libServer(cfg, func(w http.ResponseWriter, req *http.Request, user string) {
		body, _ := io.ReadAll(io.LimitReader(req.Body, maxBody))
		io.WriteString(w, okBody(user, body, req.Method))
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(fmt.Sprintf("listen: %v", err))
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	r.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// credsFor returns the user and password of a realm, and whether the
// library verifies credentials for it.
func credsFor(realm string) (u, pw string, library, ok bool) {
	switch realm {
	case realms.Apache, realms.Lighttpd, realms.Node:
		return user, password, false, true
	case realms.Library:
		return user, password, true, true
	case realms.ApacheProxy, realms.NodeProxy, realms.Squid:
		return proxyUser, proxyPassword, false, true
	case realms.LibraryProxy:
		return proxyUser, proxyPassword, true, true
	}
	return "", "", false, false
}

// answerOf rebuilds what a Digest credentials value on the wire depends
// on, for the oracle. ok is false for another scheme or an unknown realm.
func answerOf(e exchange, c *httpauth.Credentials) (a digestAnswer, library, ok bool) {
	if c == nil || !c.Is("Digest") {
		return a, false, false
	}
	get := func(n string) string { v, _ := c.Params.Get(n); return v }
	a = digestAnswer{
		Realm: get("realm"), Algorithm: get("algorithm"), Nonce: get("nonce"),
		CNonce: get("cnonce"), NC: get("nc"), QOP: get("qop"), Method: e.Method,
		URI: get("uri"), Body: e.Body,
	}
	u, pw, library, ok := credsFor(a.Realm)
	if !ok {
		return a, false, false
	}
	a.Username, a.Password = u, pw
	if strings.EqualFold(get("userhash"), "true") {
		if h, known := hashByName(a.Algorithm); !known || get("username") != h.sum(u, ":", a.Realm) {
			return a, library, false
		}
	}
	return a, library, true
}

// checkWire runs the checks every row gets: each authentication field on
// the wire parses strictly; each Digest response the library sent, and
// each one the library's server accepted, is the one RFC 7616 gives
// (recomputed by the oracle, not by the library).
func (r *R) checkWire(exs []exchange, wire []parsed) {
	for _, p := range wire {
		if p.Err != nil {
			r.Fail("strict parsing of %s %q: %v", p.Field, shapeLines(p), p.Err)
		}
	}
	checked := 0
	for _, e := range exs {
		for _, f := range e.Req {
			p := parseStrict(f)
			a, library, ok := answerOf(e, p.Credentials)
			if !ok {
				continue
			}
			sentByLibrary := r.row.role == asClient
			acceptedByLibrary := r.row.role == asServer && library && e.Status/100 == 2
			if !sentByLibrary && !acceptedByLibrary {
				continue
			}
			got, _ := p.Credentials.Params.Get("response")
			want, known := a.expected()
			checked++
			switch {
			case !known:
				r.Fail("%s: algorithm=%s is not one RFC 7616 defines", f.Name, a.Algorithm)
			case got != want && sentByLibrary:
				r.Fail("the library sent a %s response RFC 7616 does not give (%s)", f.Name, orUnknown(a.explain(got)))
			case got != want:
				r.Fail("the library's server accepted a %s response RFC 7616 does not give (%s)", f.Name, orUnknown(a.explain(got)))
			}
		}
	}
	if checked > 0 {
		r.Note("%d Digest %s recomputed independently", checked, plural(checked, "response", "responses"))
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "no known computation gives it"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func shapeLines(p parsed) string {
	var out []string
	for _, l := range p.Lines {
		out = append(out, shape(l))
	}
	return strings.Join(out, " / ")
}

// Explain looks at the Digest credentials the library's server refused
// and returns what the client computed instead, or "" when every refused
// response is the one RFC 7616 gives (then the refusal is the library's).
func (r *R) Explain() string {
	var out []string
	for _, e := range r.rec.exchanges() {
		if e.Status != http.StatusUnauthorized && e.Status != http.StatusProxyAuthRequired {
			continue
		}
		for _, f := range e.Req {
			p := parseStrict(f)
			a, library, ok := answerOf(e, p.Credentials)
			if !ok || !library {
				continue
			}
			got, _ := p.Credentials.Params.Get("response")
			if want, known := a.expected(); known && got == want {
				continue
			}
			if ex := a.explain(got); ex != "" && !contains(out, ex) {
				out = append(out, ex)
			}
		}
	}
	return strings.Join(out, "; ")
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// summary describes the exchanges for the evidence column: the statuses
// in order (counted when there are many), and the schemes, algorithms and
// qop of the credentials sent.
func summary(exs []exchange) string {
	var statuses []string
	count := map[int]int{}
	for _, e := range exs {
		s := fmt.Sprint(e.Status)
		if e.Method == http.MethodConnect {
			s = "CONNECT " + s
		}
		if e.Inside {
			s = "(tls) " + s
		}
		statuses = append(statuses, s)
		count[e.Status]++
	}
	st := strings.Join(statuses, ", ")
	if len(exs) > 6 {
		var codes []int
		for c := range count {
			codes = append(codes, c)
		}
		sort.Ints(codes)
		var parts []string
		for _, c := range codes {
			parts = append(parts, fmt.Sprintf("%d×%d", count[c], c))
		}
		st = strings.Join(parts, ", ")
	}
	var creds []string
	for _, e := range exs {
		for _, f := range e.Req {
			p := parseStrict(f)
			if p.Err != nil || p.Credentials == nil {
				continue
			}
			d := f.Name + ": " + p.Credentials.Scheme
			for _, n := range []string{"algorithm", "qop", "userhash"} {
				if v, ok := p.Credentials.Params.Get(n); ok {
					d += " " + n + "=" + v
				}
			}
			if !contains(creds, d) {
				creds = append(creds, d)
			}
		}
	}
	if len(creds) == 0 {
		return st
	}
	return st + "; " + strings.Join(creds, "; ")
}
