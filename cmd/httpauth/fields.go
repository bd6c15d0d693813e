package main

// The header fields the tool reads and their grammars.

import (
	"strings"

	"github.com/authwire/httpauth"
)

// fieldKind is the grammar of a header field (RFC 9110 section 11.6-11.7).
type fieldKind uint8

const (
	kindChallenges  fieldKind = iota + 1 // #challenge: WWW-Authenticate, Proxy-Authenticate
	kindCredentials                      // credentials: Authorization, Proxy-Authorization
	kindParams                           // #auth-param: Authentication-Info, Proxy-Authentication-Info
)

// defaultField is the field parsed when -field is not given (and when a
// -jsonl request has no "field").
const defaultField = "www-authenticate"

// fields lists the fields the tool reads: the name as the command line
// and the -jsonl protocol spell it (lower case), as HTTP documents spell it
// (for messages), and the grammar.
var fields = []struct {
	name, title string
	kind        fieldKind
}{
	{"www-authenticate", "WWW-Authenticate", kindChallenges},
	{"proxy-authenticate", "Proxy-Authenticate", kindChallenges},
	{"authorization", "Authorization", kindCredentials},
	{"proxy-authorization", "Proxy-Authorization", kindCredentials},
	{"authentication-info", "Authentication-Info", kindParams},
	{"proxy-authentication-info", "Proxy-Authentication-Info", kindParams},
}

// fieldNames is the list of accepted field names for messages.
var fieldNames = strings.Join(fieldsOf(0), ", ")

// lookupField returns the grammar of the named field and the name as the
// contract spells it. Field names compare ASCII case-insensitively, as in
// HTTP: "WWW-Authenticate" is www-authenticate.
func lookupField(name string) (canonical string, kind fieldKind, ok bool) {
	for _, f := range fields {
		if httpauth.EqualFold(f.name, name) {
			return f.name, f.kind, true
		}
	}
	return "", 0, false
}

// fieldTitle returns the field name as HTTP documents spell it
// ("WWW-Authenticate") for the name as the contract spells it.
func fieldTitle(name string) string {
	for _, f := range fields {
		if f.name == name {
			return f.title
		}
	}
	return name
}
