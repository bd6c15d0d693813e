package main

import (
	"fmt"
	"strings"

	"github.com/authwire/httpauth"
)

// parsed is one authentication field of an exchange after strict parsing:
// exactly one of the three values is set when Err is nil.
type parsed struct {
	Field       string
	Lines       []string
	Challenges  []httpauth.Challenge
	Credentials *httpauth.Credentials
	Params      httpauth.Params
	Err         error
}

// parseStrict parses a field's lines with the library's strict parser,
// as its grammar (RFC 9110 section 11) says: a list of challenges, one
// credentials value, or a list of auth-params.
func parseStrict(f field) parsed {
	p := parsed{Field: f.Name, Lines: f.Lines}
	switch f.Name {
	case "WWW-Authenticate", "Proxy-Authenticate":
		p.Challenges, p.Err = httpauth.ParseChallenges(f.Lines...)
	case "Authorization", "Proxy-Authorization":
		if len(f.Lines) != 1 {
			p.Err = fmt.Errorf("%d field lines: credentials are one value", len(f.Lines))
			break
		}
		c, err := httpauth.ParseCredentials(f.Lines[0])
		p.Credentials, p.Err = &c, err
	case "Authentication-Info", "Proxy-Authentication-Info":
		p.Params, p.Err = httpauth.ParseParams(f.Lines...)
	default:
		p.Err = fmt.Errorf("not an authentication field: %s", f.Name)
	}
	return p
}

// allParsed parses every authentication field of the exchanges.
func allParsed(exs []exchange) []parsed {
	var out []parsed
	for _, e := range exs {
		for _, f := range e.Req {
			out = append(out, parseStrict(f))
		}
		for _, f := range e.Resp {
			out = append(out, parseStrict(f))
		}
	}
	return out
}

// maskedParams are the parameters whose values change from run to run
// (nonces, counts) or are secret (responses): a shape shows only their
// length, and whether they are hex.
var maskedParams = map[string]bool{
	"nonce": true, "cnonce": true, "nextnonce": true, "opaque": true,
	"response": true, "rspauth": true, "nc": true,
}

// shape returns a field line with the values of maskedParams, a token68
// (Basic's user:password) and a userhash replaced by a description such as
// <32 hex>, so that the line is the same from one run to the next and
// shows no secret.
func shape(line string) string {
	userhash := false
	if c, err := httpauth.ParseCredentials(line); err == nil {
		if v, ok := c.Params.Get("userhash"); ok && strings.EqualFold(v, "true") {
			userhash = true
		}
	}
	return mask(line, func(name string) bool {
		n := strings.ToLower(name)
		return maskedParams[n] || (userhash && n == "username")
	}, describe)
}

// redact returns a field line with the Digest response and a token68
// (Basic's user:password) replaced by [redacted].
func redact(line string) string {
	return mask(line, func(name string) bool { return strings.EqualFold(name, "response") }, func(v string) string {
		if strings.HasPrefix(v, `"`) {
			return `"[redacted]"`
		}
		return "[redacted]"
	})
}

// mask returns line with the value of every parameter for which masked
// is true replaced by repl(value), and a credentials token68 by
// repl(token68). The line is read with the library's lexer, so that
// commas and equals signs inside quoted-strings stay where they are; a
// line that does not lex is described by its length only.
func mask(line string, masked func(name string) bool, repl func(value string) string) string {
	if c, err := httpauth.ParseCredentials(line); err == nil && c.Token68 != "" {
		return c.Scheme + " " + repl(c.Token68)
	}
	var lx httpauth.Lexer
	lx.Reset(line)
	var b strings.Builder
	done := 0      // bytes of line already in b
	name := ""     // the parameter whose value comes next
	prev := ""     // the last token, when it can be a parameter name
	value := false // the next token or quoted-string is a parameter value
	for lx.Next() {
		switch lx.Kind() {
		case httpauth.KindSpace:
			continue
		case httpauth.KindEquals:
			if prev != "" {
				name, value = prev, true
			}
			prev = ""
			continue
		case httpauth.KindToken, httpauth.KindQuoted:
			if value && masked(name) {
				b.WriteString(line[done:lx.Offset()])
				b.WriteString(repl(lx.Text()))
				done = lx.Offset() + len(lx.Text())
			}
			prev = ""
			if !value && lx.Kind() == httpauth.KindToken {
				prev = lx.Text()
			}
			value = false
			continue
		}
		prev, value = "", false
	}
	if lx.Err() != nil {
		return fmt.Sprintf("<%d bytes that do not lex>", len(line))
	}
	b.WriteString(line[done:])
	return b.String()
}

// describe replaces a value by its length and kind, keeping its quotes.
func describe(v string) string {
	inner, q := v, ""
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		inner, q = v[1:len(v)-1], `"`
	}
	kind := "chars"
	if inner != "" && strings.Trim(inner, "0123456789abcdefABCDEF") == "" {
		kind = "hex"
	}
	return fmt.Sprintf("%s<%d %s>%s", q, len(inner), kind, q)
}
