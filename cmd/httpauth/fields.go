package main

// The header fields the tool reads and their grammars.

import "github.com/authwire/httpauth"

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

// fields lists the field names the tool accepts, as the contract spells
// them, with their grammar.
var fields = []struct {
	name string
	kind fieldKind
}{
	{"www-authenticate", kindChallenges},
	{"proxy-authenticate", kindChallenges},
	{"authorization", kindCredentials},
	{"proxy-authorization", kindCredentials},
	{"authentication-info", kindParams},
	{"proxy-authentication-info", kindParams},
}

// fieldNames is the list of accepted field names for messages.
const fieldNames = "www-authenticate, proxy-authenticate, authorization, " +
	"proxy-authorization, authentication-info, proxy-authentication-info"

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
