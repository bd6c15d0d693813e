package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// An implementation is one of the other side's programs or packages.
type implementation struct {
	key, name, kind string
	version         func(dir string) string
}

var implementations = []implementation{
	{"apache", "Apache httpd (mod_auth_digest, mod_auth_basic, mod_proxy)", "server, forward proxy", command(`Apache/(\S+)`, "apache2", "-v")},
	{"lighttpd", "lighttpd (mod_auth, mod_authn_file)", "server", command(`lighttpd/(\S+)`, "lighttpd", "-v")},
	{"http-auth", "http-auth (npm) on Node.js", "server, proxy", npmPackage("http-auth")},
	{"squid", "squid (digest_file_auth, basic_ncsa_auth)", "forward proxy", command(`Version (\S+)`, "squid", "-v")},
	{"curl", "curl", "client", command(`^curl (\S+)`, "curl", "--version")},
	{"wget", "GNU Wget", "client", command(`Wget (\S+)`, "wget", "--version")},
	{"python-urllib", "Python urllib.request", "client", command(`Python (\S+)`, "python3", "--version")},
	{"digest-fetch", "digest-fetch (npm) on Node.js", "client", npmPackage("digest-fetch")},
	{"urllib", "urllib (npm) on Node.js", "client", npmPackage("urllib")},
}

func command(pattern, name string, args ...string) func(string) string {
	re := regexp.MustCompile(`(?m)` + pattern)
	return func(string) string {
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			return "unknown"
		}
		if m := re.FindSubmatch(out); m != nil {
			return string(m[1])
		}
		return "unknown"
	}
}

func npmPackage(name string) func(string) string {
	return func(dir string) string {
		b, err := os.ReadFile(filepath.Join(dir, "node_modules", name, "package.json"))
		if err != nil {
			return "unknown"
		}
		var p struct{ Version string }
		if json.Unmarshal(b, &p) != nil {
			return "unknown"
		}
		node := command(`v(\S+)`, "node", "--version")(dir)
		return p.Version + " (Node.js " + node + ")"
	}
}

// versions returns the version of every implementation, by key.
func versions(dir string) map[string]string {
	v := map[string]string{}
	for _, im := range implementations {
		v[im.key] = im.version(dir)
	}
	return v
}

// marker starts the part of the README that writeMatrix rewrites.
const marker = "<!-- The rest of this file is written by run.sh: edit run.sh or the rows, not this text. -->"

// writeMatrix replaces everything after the marker line of the README
// with the implementations, the matrix, the failing exchanges and the
// wire record of this run.
func writeMatrix(readme string, vers map[string]string, outcomes []outcome) error {
	old, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	head, _, ok := strings.Cut(string(old), marker)
	if !ok {
		return fmt.Errorf("%s has no marker line %q", readme, marker)
	}
	text := head + marker + "\n\n" + matrix(vers, outcomes)
	return os.WriteFile(readme, []byte(text), 0o644)
}

// matrix renders the generated part of the README. Everything in it is
// the same from one run to the next unless a result, a version or the
// shape of a header changes: nonces, counts, ports and secrets are
// described, not printed.
func matrix(vers map[string]string, outcomes []outcome) string {
	var b strings.Builder
	n := map[result]int{}
	for _, o := range outcomes {
		n[o.result]++
	}
	values, strictOK := 0, 0
	for _, o := range outcomes {
		for _, p := range o.wire {
			values++
			if p.Err == nil {
				strictOK++
			}
		}
	}
	fmt.Fprintf(&b, "## Implementations\n\n| key | implementation | role | version |\n|---|---|---|---|\n")
	for _, im := range implementations {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", im.key, im.name, im.kind, vers[im.key])
	}
	fmt.Fprintf(&b, "\n## Matrix\n\n%d rows: %d pass, %d fail because of the other implementation, %d fail because of the library. "+
		"%d authentication field values were on the wire; %d of them parse strictly.\n\n",
		len(outcomes), n[pass], n[otherSide], n[fail], values, strictOK)
	b.WriteString("| implementation | library is | variant | result | evidence |\n|---|---|---|---|---|\n")
	for _, o := range outcomes {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", o.row.impl, o.row.role, cell(o.row.variant), o.result, cell(stablePorts(o.evidence)))
	}

	if n[fail] > 0 {
		b.WriteString("\n## Failing\n\nThe exchanges of each row that failed because of the library, as the taps read them " +
			"(Digest responses and Basic credentials redacted).\n")
		for _, o := range outcomes {
			if o.result != fail {
				continue
			}
			fmt.Fprintf(&b, "\n### %s / %s / %s\n\n", o.row.impl, o.row.role, o.row.variant)
			for _, f := range o.fails {
				fmt.Fprintf(&b, "- %s\n", stablePorts(f))
			}
			b.WriteString("\n```\n")
			for _, e := range o.ex {
				b.WriteString(exchangeText(e))
			}
			b.WriteString("```\n")
		}
	}

	b.WriteString("\n## Wire\n\nEvery authentication field value of every row, strictly parsed, in its shape: " +
		"the values of nonce, cnonce, nextnonce, opaque, nc, response and rspauth, a userhash and Basic credentials " +
		"show only their length, and 127.0.0.1 ports show as PORT. `<` is a response, `>` a request; " +
		"(tls) marks what the origin saw inside a CONNECT tunnel.\n")
	for _, o := range outcomes {
		fmt.Fprintf(&b, "\n%s / %s / %s\n\n```\n", o.row.impl, o.row.role, o.row.variant)
		for _, l := range wireShapes(o) {
			b.WriteString(l + "\n")
		}
		b.WriteString("```\n")
	}
	return b.String()
}

// wireShapes returns the distinct shapes of the row's field values,
// sorted, each with the parse error when there is one.
func wireShapes(o outcome) []string {
	seen := map[string]bool{}
	var out []string
	add := func(e exchange, dir string, f field) {
		p := parseStrict(f)
		line := fmt.Sprintf("%s %s%s: %s", dir, inTLS(e), f.Name, stablePorts(shapeLines(p)))
		if p.Err != nil {
			line += "   <- strict parse: " + p.Err.Error()
		}
		if !seen[line] {
			seen[line] = true
			out = append(out, line)
		}
	}
	for _, e := range o.ex {
		for _, f := range e.Resp {
			add(e, "<", f)
		}
		for _, f := range e.Req {
			add(e, ">", f)
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		out = append(out, "(no authentication fields)")
	}
	return out
}

func inTLS(e exchange) string {
	if e.Inside {
		return "(tls) "
	}
	return ""
}

// exchangeText prints an exchange for the Failing section: the request
// line, the status and every authentication field line, with secrets
// redacted.
func exchangeText(e exchange) string {
	var b strings.Builder
	fmt.Fprintf(&b, "> %s%s %s\n", inTLS(e), e.Method, stablePorts(e.Target))
	for _, f := range e.Req {
		for _, l := range f.Lines {
			fmt.Fprintf(&b, "> %s: %s\n", f.Name, stablePorts(redact(l)))
		}
	}
	if e.Status == 0 {
		b.WriteString("< (no response)\n")
	} else {
		fmt.Fprintf(&b, "< %d\n", e.Status)
	}
	for _, f := range e.Resp {
		for _, l := range f.Lines {
			fmt.Fprintf(&b, "< %s: %s\n", f.Name, stablePorts(l))
		}
	}
	return b.String()
}

var loopbackPort = regexp.MustCompile(`127\.0\.0\.1:\d+`)

// stablePorts writes 127.0.0.1:PORT for every loopback address: the ports
// are picked at each run.
func stablePorts(s string) string { return loopbackPort.ReplaceAllString(s, "127.0.0.1:PORT") }

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}
