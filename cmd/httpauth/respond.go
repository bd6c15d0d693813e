package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/digest"
)

func init() {
	commands["respond"] = command{run: runRespond, usage: respondUsage}
}

const respondUsage = `respond -challenge VALUE -user USER (-password PASS | -password-stdin) [-method GET] [-uri URI] [-cnonce C] [-nc 00000001] [-qop QOP] [-body TEXT]

respond prints the Authorization value that answers a WWW-Authenticate
(or Proxy-Authenticate) value. Among several challenges it answers the
Digest one with the strongest algorithm (RFC 7616: SHA-512-256, SHA-256,
MD5, each possibly -sess), or else Basic (RFC 7617). For Digest, -cnonce
is random when not given, -nc is the nonce count in 8 hex digits, -qop
picks auth or auth-int (default: auth when offered), and -body is the
request body that auth-int covers.

Exit status: 0 when a value was printed, 1 when the challenge cannot be
answered (syntax error, no Basic or usable Digest challenge, a user-id
Basic refuses), 2 for a usage error.`

func runRespond(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("respond", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: httpauth %s\n\nflags:\n", respondUsage)
		fs.PrintDefaults()
	}
	var (
		challenge = fs.String("challenge", "", "the WWW-Authenticate `VALUE` to answer (required)")
		user      = fs.String("user", "", "user name (Digest) or user-id (Basic)")
		password  = fs.String("password", "", "password (visible to other local users; see -password-stdin)")
		pwStdin   = fs.Bool("password-stdin", false, "read the password from the first line of standard input")
		method    = fs.String("method", "GET", "request `METHOD` (Digest)")
		uri       = fs.String("uri", "/", "request-target as sent, e.g. /dir/index.html (Digest)")
		cnonce    = fs.String("cnonce", "", "client nonce (Digest); random when empty")
		ncFlag    = fs.String("nc", "00000001", "nonce count, 8 hex digits (Digest)")
		qop       = fs.String("qop", "", "auth or auth-int (Digest); default auth when offered")
		body      = fs.String("body", "", "request body, for qop=auth-int (Digest)")
	)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || *challenge == "" {
		fmt.Fprintln(stderr, "httpauth respond: -challenge is required and no other arguments are taken")
		fs.Usage()
		return 2
	}
	nc, err := strconv.ParseUint(*ncFlag, 16, 32)
	if err != nil || len(*ncFlag) != 8 || nc == 0 {
		fmt.Fprintln(stderr, "httpauth respond: -nc must be 8 hex digits, not 00000000")
		return 2
	}
	pw := *password
	if *pwStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			fmt.Fprintf(stderr, "httpauth respond: reading the password: %v\n", err)
			return 1
		}
		pw = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	}

	cs, perr := httpauth.ParseChallenges(*challenge)
	var cred httpauth.Credentials
	if ch, ok := digest.Select(cs); ok {
		cr, err := ch.Respond(digest.Input{
			Username: *user, Password: pw, Method: *method, URI: *uri,
			Body: []byte(*body), CNonce: *cnonce, NC: uint32(nc), QOP: *qop,
		})
		if err != nil {
			fmt.Fprintf(stderr, "httpauth respond: %v\n", err)
			return 1
		}
		if cred, err = cr.Credentials(); err != nil {
			fmt.Fprintf(stderr, "httpauth respond: %v\n", err)
			return 1
		}
	} else if b, ok := firstBasic(cs); ok {
		cr, err := b.Respond(*user, pw)
		if err == nil {
			cred, err = cr.Build()
		}
		if err != nil {
			fmt.Fprintf(stderr, "httpauth respond: %v\n", err)
			return 1
		}
	} else {
		if perr != nil {
			fmt.Fprintf(stderr, "httpauth respond: %v\n", perr)
		} else {
			fmt.Fprintln(stderr, "httpauth respond: no Basic or usable Digest challenge to answer")
		}
		return 1
	}
	v, err := cred.Encode()
	if err != nil {
		fmt.Fprintf(stderr, "httpauth respond: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, v)
	return 0
}

func firstBasic(cs []httpauth.Challenge) (basic.Challenge, bool) {
	for _, c := range cs {
		if b, err := basic.ParseChallenge(c); err == nil {
			return b, true
		}
	}
	return basic.Challenge{}, false
}
