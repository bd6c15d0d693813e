package main

import (
	"crypto/md5"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"text/template"
)

// The user names, passwords and realms of every server. They are test
// fixtures, written into the servers' password files by setup; the
// passwords still never appear in the matrix or the wire records.
const (
	user          = "alice"
	password      = "wonderland-7616"
	proxyUser     = "carol"
	proxyPassword = "looking-glass-9110"
)

// Realms names the realm of every server, one per server so that a row
// cannot pass with another server's credentials.
type Realms struct {
	Apache, ApacheProxy, Lighttpd, Node, NodeProxy, Squid, Library, LibraryProxy string
}

var realms = Realms{
	Apache:       "interop-apache",
	ApacheProxy:  "interop-apache-proxy",
	Lighttpd:     "interop-lighttpd",
	Node:         "interop-node",
	NodeProxy:    "interop-node-proxy",
	Squid:        "interop-squid",
	Library:      "interop-library",
	LibraryProxy: "interop-library-proxy",
}

// Ports are the 127.0.0.1 ports of the servers that run.sh starts.
type Ports struct {
	Apache, ApacheProxy, Lighttpd, SquidDigest, SquidBasic, Node int
}

// Setup is what the "setup" command decided and the "run" command reads
// back from setup.json in the work directory.
type Setup struct {
	Work  string
	Ports Ports
}

//go:embed conf/*.conf
var confFiles embed.FS

// apacheModules are the Apache modules the configuration loads, from
// /usr/lib/apache2/modules (Debian's layout).
var apacheModules = []string{
	"mpm_event", "authn_core", "authn_file", "authz_core", "authz_user",
	"auth_basic", "auth_digest", "headers", "proxy", "proxy_http", "dir",
}

// pickPorts returns n distinct free ports of 127.0.0.1. It holds every
// listener until all are chosen, so that no port is handed out twice; a
// server that starts later could still lose its port to another program,
// and then fails to start, which run.sh reports.
func pickPorts(n int) ([]int, error) {
	var ports []int
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		defer ln.Close()
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// setup writes everything the servers need into work: configuration files
// from the templates in conf/, password files, document roots, the
// http-auth server's JSON file, and setup.json for the "run" command.
func setup(work string) (*Setup, error) {
	work, err := filepath.Abs(work)
	if err != nil {
		return nil, err
	}
	p, err := pickPorts(6)
	if err != nil {
		return nil, err
	}
	s := &Setup{Work: work, Ports: Ports{p[0], p[1], p[2], p[3], p[4], p[5]}}
	root := os.Geteuid() == 0

	// The servers' children may run as other users (www-data, proxy)
	// when started as root: they must read these files, and squid must
	// write its logs.
	dirs := map[string]os.FileMode{"apache": 0o755, "lighttpd": 0o755, "squid": 0o755, "node": 0o755}
	if root {
		dirs["squid"] = 0o777
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, err
	}
	if err := os.Chmod(work, 0o755); err != nil {
		return nil, err
	}
	for d, mode := range dirs {
		if err := os.MkdirAll(filepath.Join(work, d), mode); err != nil {
			return nil, err
		}
		if err := os.Chmod(filepath.Join(work, d), mode); err != nil {
			return nil, err
		}
	}

	files := map[string]string{
		"apache/htdigest":       htdigestLine(user, realms.Apache, password),
		"apache/htdigest-proxy": htdigestLine(proxyUser, realms.ApacheProxy, proxyPassword),
		"lighttpd/users":        user + ":" + password + "\n",
		"lighttpd/htdigest-userhash": user + ":" + realms.Lighttpd + ":" +
			sha256Hex(user+":"+realms.Lighttpd+":"+password) + ":" + sha256Hex(user+":"+realms.Lighttpd) + "\n",
		"squid/digest-users": proxyUser + ":" + proxyPassword + "\n",
	}
	for _, d := range []string{"digest", "short", "tampered", "basic", "public"} {
		files["apache/htdocs/"+d+"/index.html"] = "apache " + d + " ok\n"
	}
	for _, d := range []string{"md5", "sha256", "sha512-256", "sha256-md5", "userhash", "basic"} {
		files["lighttpd/htdocs/"+d+"/index.html"] = "lighttpd " + d + " ok\n"
	}
	nodeConf, err := json.MarshalIndent(map[string]any{
		"port": s.Ports.Node, "realm": realms.Node, "proxyRealm": realms.NodeProxy,
		"user": user, "password": password, "proxyUser": proxyUser, "proxyPassword": proxyPassword,
	}, "", "  ")
	if err != nil {
		return nil, err
	}
	files["node/server.json"] = string(nodeConf) + "\n"
	for name, text := range files {
		if err := writeFile(filepath.Join(work, name), text); err != nil {
			return nil, err
		}
	}
	// Basic password files come from htpasswd (apache2-utils), bcrypt,
	// which both Apache and squid's basic_ncsa_auth read.
	for name, u := range map[string][2]string{
		"apache/htpasswd": {user, password},
		"squid/htpasswd":  {proxyUser, proxyPassword},
	} {
		out, err := exec.Command("htpasswd", "-cbB", filepath.Join(work, name), u[0], u[1]).CombinedOutput()
		if err != nil {
			return nil, fmt.Errorf("htpasswd: %v: %s", err, out)
		}
		if err := os.Chmod(filepath.Join(work, name), 0o644); err != nil {
			return nil, err
		}
	}

	data := map[string]any{
		"Work": work, "Ports": s.Ports, "Realm": realms, "Root": root,
		"ApacheModules": apacheModules,
	}
	for _, name := range []string{"apache", "lighttpd", "squid"} {
		t, err := template.ParseFS(confFiles, "conf/"+name+".conf")
		if err != nil {
			return nil, err
		}
		f, err := os.Create(filepath.Join(work, name, name+".conf"))
		if err != nil {
			return nil, err
		}
		err = t.Option("missingkey=error").Execute(f, data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("%s.conf: %w", name, err)
		}
	}

	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return s, writeFile(filepath.Join(work, "setup.json"), string(b)+"\n")
}

// loadSetup reads what setup wrote into work.
func loadSetup(work string) (*Setup, error) {
	b, err := os.ReadFile(filepath.Join(work, "setup.json"))
	if err != nil {
		return nil, err
	}
	var s Setup
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("setup.json: %w", err)
	}
	return &s, nil
}

// htdigestLine is a line of an htdigest file: user:realm:MD5(user:realm:password).
func htdigestLine(user, realm, password string) string {
	h := md5.Sum([]byte(user + ":" + realm + ":" + password))
	return user + ":" + realm + ":" + hex.EncodeToString(h[:]) + "\n"
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func writeFile(name, text string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(text), 0o644)
}
