package main

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// An extClient is an external HTTP client the library's server is tested
// against.
type extClient struct {
	impl string
	// do sends one request with the credentials alice and returns the
	// final status, the body, and the client's own diagnostics
	// (standard error and the error of the process).
	do func(r *R, mode, url, method, body string) (status int, out, diag string)
	// unsupported matches the client's own message when it refuses to
	// answer a challenge it does not implement.
	unsupported *regexp.Regexp
}

// want is what the credentials of a server row must be.
type want struct {
	scheme    string // "Digest" or "Basic"
	algorithm string // "": any
	userhash  bool
	proxy     bool // Proxy-Authorization for carol, not Authorization for alice
}

// field and user are the credentials field and the user a row expects.
func (w want) field() string {
	if w.proxy {
		return "Proxy-Authorization"
	}
	return "Authorization"
}

func (w want) user() string {
	if w.proxy {
		return proxyUser
	}
	return user
}

// serverRow runs c against the library's server offering cfg, with mode
// passed to the client (a flag set, an algorithm), and checks that the
// request was served to alice with credentials as w says.
func serverRow(c extClient, variant string, cfg serverConfig, mode, method, body string, w want) row {
	return row{c.impl, asServer, variant, func(r *R) {
		t := r.LibraryServer(cfg)
		status, out, diag := c.do(r, mode, t.URL("/resource"), method, body)
		r.checkServed(c, status, out, diag, method, body, w)
	}}
}

// checkServed checks the outcome of a server row: the library's server
// answered 200 with the body it gives the user, and the credentials on
// the wire were of the wanted kind. On a failure it looks for evidence that
// the client is at fault: a Digest response computed another way (the
// oracle names it), or the client's own message that it does not
// implement what was offered.
func (r *R) checkServed(c extClient, status int, out, diag, method, body string, w want) {
	if status == http.StatusOK && out == okBody(w.user(), []byte(body), method) {
		scheme := ""
		for _, e := range r.rec.exchanges() {
			if v := e.get(w.field()); v != nil && e.Status == http.StatusOK {
				scheme, _, _ = strings.Cut(v[0], " ")
			}
		}
		if !strings.EqualFold(scheme, w.scheme) {
			r.Fail("served with %q credentials, want %s", scheme, w.scheme)
		}
		if w.algorithm != "" {
			r.WantAlgorithm(w.field(), w.algorithm)
		}
		if w.userhash && !r.SawParam(w.field(), "userhash", "true") {
			r.Fail("the client did not send userhash=true")
		}
		return
	}
	if ex := r.Explain(); ex != "" {
		r.Other("%s %s", c.impl, ex)
		return
	}
	if c.unsupported != nil {
		if m := c.unsupported.FindString(diag); m != "" {
			r.Other("%s said: %s", c.impl, m)
			return
		}
	}
	r.Fail("status %d, body %q, want 200 and %q; client: %s", status, firstLine(out), strings.TrimSpace(okBody(w.user(), []byte(body), method)), firstLine(lastLines(diag, 3)))
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

// statusAndBody splits the output of the scripts in node/ and python/:
// the status on the first line, the body after it.
func statusAndBody(out string) (int, string) {
	first, rest, _ := strings.Cut(out, "\n")
	status, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		return 0, out
	}
	return status, rest
}

func diagOf(stderr string, err error) string {
	if err != nil {
		return strings.TrimSpace(stderr + "\n" + err.Error())
	}
	return strings.TrimSpace(stderr)
}

var (
	curl = extClient{impl: "curl", do: func(r *R, mode, url, method, body string) (int, string, string) {
		args := []string{"-sS", "--max-time", "15", "-o", "-", "-w", "\n%{http_code}"}
		for _, f := range strings.Fields(mode) {
			if f == "--digest" || f == "--basic" || f == "--anyauth" { // origin authentication
				args = append(args, "-u", user+":"+password)
				break
			}
		}
		args = append(args, strings.Fields(mode)...)
		if method == http.MethodPost {
			args = append(args, "--data-binary", body)
		}
		stdout, stderr, err := r.Command("curl", append(args, url)...)
		i := strings.LastIndexByte(stdout, '\n')
		if i < 0 {
			return 0, stdout, diagOf(stderr, err)
		}
		status, _ := strconv.Atoi(stdout[i+1:])
		return status, stdout[:i], diagOf(stderr, err)
	}}

	wget = extClient{impl: "wget", unsupported: regexp.MustCompile(`Unsupported algorithm '[^']*'`),
		do: func(r *R, mode, url, method, body string) (int, string, string) {
			args := []string{"--server-response", "--tries=1", "--timeout=15", "-O", "-", "--user=" + user, "--password=" + password}
			if mode == "basic" {
				args = append(args, "--auth-no-challenge")
			}
			stdout, stderr, err := r.Command("wget", append(args, url)...)
			status := 0
			for _, m := range wgetStatus.FindAllStringSubmatch(stderr, -1) {
				status, _ = strconv.Atoi(m[1])
			}
			return status, stdout, diagOf(stderr, err)
		}}

	python = extClient{impl: "python-urllib", unsupported: regexp.MustCompile(`Unsupported digest authentication algorithm '[^']*'`),
		do: func(r *R, mode, url, method, body string) (int, string, string) {
			stdout, stderr, err := r.Command("python3", "python/client.py", url, user, password, mode)
			status, out := statusAndBody(stdout)
			return status, out, diagOf(stderr, err)
		}}

	digestFetch = extClient{impl: "digest-fetch", do: func(r *R, mode, url, method, body string) (int, string, string) {
		stdout, stderr, err := r.Command("node", "node/digest-fetch.mjs", url, user, password, mode)
		status, out := statusAndBody(stdout)
		return status, out, diagOf(stderr, err)
	}}

	nodeURLLib = extClient{impl: "urllib", do: func(r *R, mode, url, method, body string) (int, string, string) {
		stdout, stderr, err := r.Command("node", "node/urllib.mjs", url, user, password, mode)
		status, out := statusAndBody(stdout)
		return status, out, diagOf(stderr, err)
	}}
)

var wgetStatus = regexp.MustCompile(`(?m)^\s*HTTP/\d(?:\.\d)? (\d{3})`)

func digestOnly(alg string) serverConfig { return serverConfig{Digest: []string{alg}} }

// serverRows are the rows where the library is the server.
func serverRows() []row {
	get, post := http.MethodGet, http.MethodPost
	digest := func(alg string) want { return want{scheme: "Digest", algorithm: alg} }
	basicOnly := serverConfig{Basic: true}
	return []row{
		serverRow(curl, "--digest, the library's default offer", serverConfig{Default: true}, "--digest", get, "", want{scheme: "Digest"}),
		serverRow(curl, "--digest, MD5", digestOnly("MD5"), "--digest", get, "", digest("MD5")),
		serverRow(curl, "--digest, MD5-sess", digestOnly("MD5-sess"), "--digest", get, "", digest("MD5-sess")),
		serverRow(curl, "--digest, SHA-256", digestOnly("SHA-256"), "--digest", get, "", digest("SHA-256")),
		serverRow(curl, "--digest, SHA-256-sess", digestOnly("SHA-256-sess"), "--digest", get, "", digest("SHA-256-sess")),
		serverRow(curl, "--digest, SHA-512-256", digestOnly("SHA-512-256"), "--digest", get, "", digest("SHA-512-256")),
		serverRow(curl, "--digest, userhash (SHA-256)", serverConfig{Digest: []string{"SHA-256"}, Userhash: true}, "--digest", get, "", want{scheme: "Digest", algorithm: "SHA-256", userhash: true}),
		serverRow(curl, "--digest, qop=auth-int, GET", serverConfig{Digest: []string{"SHA-256"}, QOP: []string{"auth-int"}}, "--digest", get, "", digest("SHA-256")),
		serverRow(curl, "--digest, qop=auth-int, POST with a body", serverConfig{Digest: []string{"SHA-256"}, QOP: []string{"auth-int"}}, "--digest", post, postBody(), digest("SHA-256")),
		serverRow(curl, "--basic", basicOnly, "--basic", get, "", want{scheme: "Basic"}),
		serverRow(curl, "--anyauth (Digest SHA-256, MD5 and Basic offered)", serverConfig{Digest: []string{"SHA-256", "MD5"}, Basic: true}, "--anyauth", get, "", want{scheme: "Digest"}),
		{"curl", asServer, "through squid (Digest proxy authentication, Digest origin)", func(r *R) {
			origin := r.LibraryServerAddr(serverConfig{Default: true})
			t := r.Tap(port(r.setup.Ports.SquidDigest))
			mode := fmt.Sprintf("--digest --proxy %s --proxy-digest --proxy-user %s:%s", t.URL(""), proxyUser, proxyPassword)
			status, out, diag := curl.do(r, mode, "http://"+origin+"/resource", get, "")
			r.checkServed(curl, status, out, diag, get, "", want{scheme: "Digest"})
			r.WantStatus(407, 1)
		}},

		// The library's middleware as a proxy's: it answers 407 itself
		// (the target is never connected to).
		{"curl", asServer, "--proxy-digest, the library as an authenticating proxy", func(r *R) {
			t := r.LibraryServer(serverConfig{Digest: []string{"SHA-256", "MD5"}, Proxy: true})
			mode := fmt.Sprintf("--proxy %s --proxy-digest --proxy-user %s:%s", t.URL(""), proxyUser, proxyPassword)
			status, out, diag := curl.do(r, mode, "http://127.0.0.1:9/resource", get, "")
			r.checkServed(curl, status, out, diag, get, "", want{scheme: "Digest", proxy: true})
			r.NoteURI("Proxy-Authorization")
		}},
		{"curl", asServer, "--proxy-basic, the library as an authenticating proxy", func(r *R) {
			t := r.LibraryServer(serverConfig{Basic: true, Proxy: true})
			mode := fmt.Sprintf("--proxy %s --proxy-basic --proxy-user %s:%s", t.URL(""), proxyUser, proxyPassword)
			status, out, diag := curl.do(r, mode, "http://127.0.0.1:9/resource", get, "")
			r.checkServed(curl, status, out, diag, get, "", want{scheme: "Basic", proxy: true})
		}},

		serverRow(wget, "Digest MD5", digestOnly("MD5"), "", get, "", digest("MD5")),
		serverRow(wget, "Digest SHA-256", digestOnly("SHA-256"), "", get, "", digest("SHA-256")),
		serverRow(wget, "Basic", basicOnly, "", get, "", want{scheme: "Basic"}),

		serverRow(python, "Digest MD5", digestOnly("MD5"), "digest", get, "", digest("MD5")),
		serverRow(python, "Digest SHA-256", digestOnly("SHA-256"), "digest", get, "", digest("SHA-256")),
		serverRow(python, "Basic", basicOnly, "basic", get, "", want{scheme: "Basic"}),

		serverRow(digestFetch, "Digest MD5", digestOnly("MD5"), "MD5", get, "", digest("MD5")),
		serverRow(digestFetch, "Digest SHA-256", digestOnly("SHA-256"), "SHA-256", get, "", digest("SHA-256")),
		serverRow(digestFetch, "Digest SHA-512-256", digestOnly("SHA-512-256"), "SHA-512-256", get, "", digest("SHA-512-256")),
		serverRow(digestFetch, "Digest MD5-sess", digestOnly("MD5-sess"), "MD5-sess", get, "", digest("MD5-sess")),
		serverRow(digestFetch, "Basic", basicOnly, "basic", get, "", want{scheme: "Basic"}),

		serverRow(nodeURLLib, "Digest MD5", digestOnly("MD5"), "digest", get, "", want{scheme: "Digest"}),
		serverRow(nodeURLLib, "Basic", basicOnly, "basic", get, "", want{scheme: "Basic"}),
	}
}
