package main

import (
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

const respondUsage = `respond -challenge VALUE [-challenge VALUE ...] -user USER (-password PASS | -password-stdin | -empty-password) [-method GET] [-uri URI] [-cnonce C] [-nc 00000001] [-qop QOP] [-body TEXT]

respond prints the Authorization value that answers a WWW-Authenticate
(or Proxy-Authenticate) field. Each -challenge is one field line of it;
several are one field, as if joined by ", ". A line given with its field
name ("WWW-Authenticate: Basic realm=x"), or the lines of a response head
as "curl -i" prints them, are read as parse reads them.

Among the challenges it answers the Digest one with the strongest
algorithm (RFC 7616: SHA-512-256, SHA-256, MD5, each possibly -sess), or
else the first Basic one (RFC 7617). For Digest, -cnonce is random when
not given, -nc is the nonce count in 8 hex digits, -qop picks auth or
auth-int (default: auth when offered), and -body is the request body
that auth-int covers.

-user and a password are required, and neither may be empty: an empty
-user or -password, or an empty first line of standard input with
-password-stdin, is an error, so that an unset shell variable never sends
empty credentials. -empty-password sends an empty password on purpose
(for a service that takes an API key as the Basic user-id).

When the field has a syntax error after a challenge that respond can
answer, it answers that challenge and reports the error on standard error.

Exit status: 0 when a value was printed, 1 when the field cannot be
answered (a syntax error before any challenge respond answers, no Basic or
usable Digest challenge, a user-id Basic refuses), 2 for a usage error
(no -challenge, no user or password, a malformed -nc).`

// fieldLines is the value of a flag that may be repeated, each time one
// field line.
type fieldLines []string

func (f *fieldLines) String() string { return strings.Join(*f, "\n") }

// Set implements flag.Value: it adds one line.
func (f *fieldLines) Set(s string) error {
	*f = append(*f, s)
	return nil
}

func runRespond(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newCommandFlags("respond", respondUsage, stderr)
	var challenge fieldLines
	fs.Var(&challenge, "challenge", "one field line of the WWW-Authenticate `VALUE` to answer (required; repeat it for several lines)")
	var (
		user     = fs.String("user", "", "user name (Digest) or user-id (Basic); required")
		password = fs.String("password", "", "password (visible to other local users; see -password-stdin)")
		pwStdin  = fs.Bool("password-stdin", false, "read the password from the first line of standard input")
		pwEmpty  = fs.Bool("empty-password", false, "send an empty password on purpose")
		method   = fs.String("method", "GET", "request `METHOD` (Digest)")
		uri      = fs.String("uri", "/", "request-target as sent, e.g. /dir/index.html (Digest)")
		cnonce   = fs.String("cnonce", "", "client nonce (Digest); random when empty")
		ncFlag   = fs.String("nc", "00000001", "nonce count, 8 hex digits (Digest)")
		qop      = fs.String("qop", "", "auth or auth-int (Digest); default auth when offered")
		body     = fs.String("body", "", "request body, for qop=auth-int (Digest)")
	)
	values, exit := parseFlags(fs, args)
	if exit >= 0 {
		return exit
	}
	pwFlag := false // -password given, even empty
	fs.Visit(func(f *flag.Flag) { pwFlag = pwFlag || f.Name == "password" })
	pwSources := 0
	for _, given := range []bool{pwFlag, *pwStdin, *pwEmpty} {
		if given {
			pwSources++
		}
	}
	switch {
	case len(values) > 0:
		return fs.usageError("no arguments are taken besides the flags; give the field with -challenge")
	case len(challenge) == 0:
		return fs.usageError("-challenge is required")
	case *user == "":
		return fs.usageError("-user is required and may not be empty")
	case pwSources == 0:
		return fs.usageError("a password is required: -password, -password-stdin or -empty-password")
	case pwSources > 1:
		return fs.usageError("give only one of -password, -password-stdin and -empty-password")
	case pwFlag && *password == "":
		return fs.usageError("-password is empty; use -empty-password to send an empty password on purpose")
	}
	nc, err := strconv.ParseUint(*ncFlag, 16, 32)
	if err != nil || len(*ncFlag) != 8 || nc == 0 {
		return fs.usageError("-nc must be 8 hex digits, not 00000000")
	}
	pw := *password
	if *pwStdin {
		pw, err = readPassword(stdin)
		if errors.Is(err, errNoPassword) || errors.Is(err, errLongPassword) {
			return fs.usageError("-password-stdin: %v", err)
		}
		if err != nil {
			fmt.Fprintf(stderr, "httpauth respond: %v\n", err)
			return 1
		}
	}

	f, err := unpaste(challenge, fieldFlag{}, kindChallenges)
	if err != nil {
		return fs.usageError("-challenge: %v", err)
	}
	if f.note != "" {
		fmt.Fprintf(stderr, "httpauth respond: %s\n", f.note)
		if f.field.name == "proxy-authenticate" {
			fmt.Fprintln(stderr, "httpauth respond: the answer goes in a Proxy-Authorization field")
		}
	}
	cs, perr := httpauth.ParseChallenges(f.lines...)
	cred, err := respondTo(cs, digest.Input{
		Username: *user, Password: pw, Method: *method, URI: *uri,
		Body: []byte(*body), CNonce: *cnonce, NC: uint32(nc), QOP: *qop,
	})
	if errors.Is(err, errNoChallenge) && perr != nil {
		err = perr
	}
	if err != nil {
		fmt.Fprintf(stderr, "httpauth respond: %s\n", describe(err))
		return 1
	}
	v, err := cred.Encode()
	if err != nil {
		fmt.Fprintf(stderr, "httpauth respond: %v\n", err)
		return 1
	}
	if perr != nil {
		fmt.Fprintf(stderr, "httpauth respond: warning: %s; answered a challenge before it\n", describe(perr))
	}
	fmt.Fprintln(stdout, v)
	return 0
}

// errNoChallenge is the reason respond gives for a field without a
// challenge it can answer.
var errNoChallenge = errors.New("no Basic or usable Digest challenge to answer")

// respondTo returns the credentials that answer the challenge of cs that
// respond chooses: the Digest challenge with the strongest algorithm
// (digest.Select), otherwise the first Basic one; errNoChallenge when
// there is neither. It is the one place where respond chooses among
// challenges.
func respondTo(cs []httpauth.Challenge, in digest.Input) (httpauth.Credentials, error) {
	if ch, ok := digest.Select(cs); ok {
		cr, err := ch.Respond(in)
		if err != nil {
			return httpauth.Credentials{}, err
		}
		return cr.Credentials()
	}
	for _, c := range cs {
		if b, err := basic.ParseChallenge(c); err == nil {
			cr, err := b.Respond(in.Username, in.Password)
			if err != nil {
				return httpauth.Credentials{}, err
			}
			return cr.Build()
		}
	}
	return httpauth.Credentials{}, errNoChallenge
}
