package httpauth

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log/slog"
	"strconv"
)

// Credentials is the value of an Authorization or Proxy-Authorization field
// (RFC 9110 section 11.6.2 and 11.7.2):
//
//	credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//
// At most one of Token68 and Params is non-empty. Scheme is kept as written;
// use [Credentials.Is] to compare it.
//
// Credentials carry secrets, so every printed form of a Credentials value
// hides them and shows the rest: String, GoString, Format (every verb),
// MarshalJSON, MarshalXML and LogValue write "[redacted]" in place of the
// token68, of every secret parameter value and of every parameter the
// scheme does not define, name included, as the package documentation's
// table says (see Secrets). Credentials implements no
// [encoding.TextMarshaler], whose output would be the secret. Code that
// must send the value calls [AppendCredentials] or [Credentials.Encode];
// the fields stay public for code that needs them.
//
// The zero Credentials has no scheme; it is not valid and the encoder
// refuses it.
type Credentials struct {
	Scheme  string
	Token68 string
	Params  Params
}

// Is reports whether c's scheme equals scheme ASCII case-insensitively.
func (c Credentials) Is(scheme string) bool { return EqualFold(c.Scheme, scheme) }

// IsValid reports whether the default encoder would accept c (see
// [Challenge.IsValid] for the rules).
func (c Credentials) IsValid() bool {
	_, err := AppendCredentials(nil, c)
	return err == nil
}

// Encode returns the canonical encoding of c, secrets included, ready to be
// sent as an Authorization value. See [AppendCredentials].
func (c Credentials) Encode() (string, error) {
	b, err := AppendCredentials(make([]byte, 0, encodedLenHint(c.Scheme, c.Token68, c.Params)), c)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// redacted is what every printed form of a Credentials shows in place of a
// secret.
const redacted = "[redacted]"

// credentialParams lists, for each scheme whose credentials have
// parameters, the parameters it defines and whether their values are
// secret. Every other parameter is hidden, name and value. The scheme
// names, and the schemes whose credentials are a token68 only, are in
// knownSchemes.
var credentialParams = []struct {
	scheme string
	params []paramRule
}{
	{"Digest", []paramRule{ // RFC 7616 section 3.4
		{"username", false}, {"username*", false}, {"realm", false}, {"uri", false},
		{"algorithm", false}, {"qop", false}, {"nc", false}, {"nonce", false},
		{"opaque", false}, {"userhash", false},
		{"response", true}, {"cnonce", true},
	}},
	{"OAuth", []paramRule{ // RFC 5849 section 3.5.1
		{"realm", false}, {"oauth_consumer_key", false}, {"oauth_signature_method", false},
		{"oauth_timestamp", false}, {"oauth_nonce", false}, {"oauth_version", false},
		{"oauth_callback", false},
		{"oauth_token", true}, {"oauth_signature", true}, {"oauth_verifier", true},
		{"oauth_body_hash", true}, {"oauth_session_handle", true},
	}},
	{"Hawk", []paramRule{
		{"id", false}, {"ts", false}, {"nonce", false}, {"hash", false}, {"app", false}, {"dlg", false},
		{"mac", true}, {"ext", true},
	}},
	{"AWS4-HMAC-SHA256", []paramRule{
		{"Credential", false}, {"SignedHeaders", false}, // the access key ID names the key
		{"Signature", true},
	}},
	{"Mutual", []paramRule{ // RFC 8120 section 4
		{"version", false}, {"algorithm", false}, {"validation", false}, {"auth-scope", false},
		{"realm", false}, {"user", false}, {"sid", false}, {"kc1", false}, {"nc", false},
		{"vkc", true},
	}},
	{"SCRAM-SHA-1", scramParams},   // RFC 7804
	{"SCRAM-SHA-256", scramParams}, // RFC 7804
	{"vapid", []paramRule{ // RFC 8292 section 3
		{"k", false}, // the application server's public key
		{"t", true},
	}},
	{"Concealed", []paramRule{ // RFC 9729
		{"k", false}, {"a", false}, {"s", false},
		{"p", true}, {"v", true},
	}},
	{"HOBA", []paramRule{{"result", true}}},        // RFC 7486 section 3
	{"PrivateToken", []paramRule{{"token", true}}}, // RFC 9577 section 2.2
}

var scramParams = []paramRule{{"realm", false}, {"sid", false}, {"sr", false}, {"ttl", false}, {"data", true}}

type paramRule struct {
	name   string
	secret bool
}

// knownSchemes are the schemes whose name is shown even when the
// credentials hold nothing else: those of the table above and those whose
// credentials are a token68 only.
var knownSchemes = []string{"Basic", "Bearer", "DPoP", "GNAP", "Negotiate", "NTLM"}

// schemeShown reports whether the scheme of c may be printed. A scheme
// that is not a token is hidden, and so is an unknown scheme with neither
// token68 nor parameters: "Authorization: sk_live_..." parses as such a
// scheme.
func (c Credentials) schemeShown() bool {
	if !IsToken(c.Scheme) {
		return false
	}
	if c.Token68 != "" || len(c.Params) > 0 {
		return true
	}
	for _, s := range knownSchemes {
		if EqualFold(c.Scheme, s) {
			return true
		}
	}
	return credentialRules(c.Scheme) != nil
}

func credentialRules(scheme string) []paramRule {
	for _, s := range credentialParams {
		if EqualFold(scheme, s.scheme) {
			return s.params
		}
	}
	return nil
}

// shownParam returns what may be printed of parameter p of credentials of
// scheme: its name unless the scheme does not define it, its value unless
// it is secret or the name is hidden.
func shownParam(scheme string, p Param) (name, value string, nameShown, valueShown bool) {
	for _, r := range credentialRules(scheme) {
		if EqualFold(p.Name, r.name) {
			if r.secret {
				return p.Name, redacted, true, false
			}
			return p.Name, p.Value, true, true
		}
	}
	return redacted, redacted, false, false
}

// credentialNameShown reports whether name is a parameter that credentials
// of scheme define, so that it may appear in an error.
func credentialNameShown(scheme, name string) bool {
	_, _, shown, _ := shownParam(scheme, Param{Name: name})
	return shown
}

func (c Credentials) shownScheme() string {
	if c.schemeShown() {
		return c.Scheme
	}
	return redacted
}

// String returns c in header form with its secrets hidden (see
// [Credentials]): `Basic [redacted]`,
// `Digest username="Mufasa", realm="api", uri="/", response=[redacted]`.
// A shown value is written as a token, or quoted with Go's escapes, so
// that no byte of it can break a log line.
func (c Credentials) String() string {
	b := make([]byte, 0, 16+16*len(c.Params))
	b = append(b, c.shownScheme()...)
	if c.Token68 != "" {
		b = append(b, ' ')
		b = append(b, redacted...)
	}
	for i, p := range c.Params {
		if i == 0 {
			b = append(b, ' ')
		} else {
			b = append(b, ", "...)
		}
		name, value, nameShown, valueShown := shownParam(c.Scheme, p)
		switch {
		case !nameShown:
			b = append(b, redacted...)
			continue
		case !valueShown:
			b = append(b, name...)
			b = append(b, '=')
			b = append(b, redacted...)
			continue
		}
		b = append(b, name...)
		b = append(b, '=')
		if IsToken(value) && !DefaultQuote(FieldCredentials, c.Scheme, name) {
			b = append(b, value...)
		} else {
			b = strconv.AppendQuote(b, value)
		}
	}
	return string(b)
}

// GoString is like String, in Go syntax: it is what %#v prints.
func (c Credentials) GoString() string {
	b := []byte("httpauth.Credentials{Scheme:")
	b = strconv.AppendQuote(b, c.shownScheme())
	if c.Token68 != "" {
		b = append(b, ", Token68:"...)
		b = strconv.AppendQuote(b, redacted)
	}
	if len(c.Params) > 0 {
		b = append(b, ", Params:httpauth.Params{"...)
		for i, p := range c.Params {
			if i > 0 {
				b = append(b, ", "...)
			}
			name, value, _, _ := shownParam(c.Scheme, p)
			b = append(b, "{Name:"...)
			b = strconv.AppendQuote(b, name)
			b = append(b, ", Value:"...)
			b = strconv.AppendQuote(b, value)
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	b = append(b, '}')
	return string(b)
}

// Format implements [fmt.Formatter] so that every verb prints the redacted
// form and never a secret: %#v prints GoString, %q the quoted String, and
// every other verb (%v, %+v, %s, %x, %d, ...) String.
func (c Credentials) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		f.Write([]byte(c.GoString()))
	case verb == 'q':
		f.Write(strconv.AppendQuote(nil, c.String()))
	default:
		f.Write([]byte(c.String()))
	}
}

// shownCredentials is the form of a Credentials that encoding/json,
// encoding/xml and log/slog print: the shown scheme, "[redacted]" for a
// token68, and the parameters as [name, value] pairs with "[redacted]" in
// place of what is hidden.
type shownCredentials struct {
	Scheme  string      `json:"scheme" xml:"scheme,attr"`
	Token68 string      `json:"token68,omitempty" xml:"token68,omitempty"`
	Params  [][2]string `json:"params,omitempty" xml:"-"`
	XParams []shownXML  `json:"-" xml:"param"`
}

type shownXML struct {
	Name  string `xml:"name,attr"`
	Value string `xml:",chardata"`
}

func (c Credentials) shown(forXML bool) shownCredentials {
	s := shownCredentials{Scheme: c.shownScheme()}
	if c.Token68 != "" {
		s.Token68 = redacted
	}
	for _, p := range c.Params {
		name, value, _, _ := shownParam(c.Scheme, p)
		if forXML {
			s.XParams = append(s.XParams, shownXML{name, value})
		} else {
			s.Params = append(s.Params, [2]string{name, value})
		}
	}
	return s
}

// MarshalJSON implements [json.Marshaler] with the redacted form, so that
// encoding/json cannot copy a password into a log line:
//
//	{"scheme":"Digest","params":[["username","Mufasa"],["response","[redacted]"]]}
//	{"scheme":"Basic","token68":"[redacted]"}
func (c Credentials) MarshalJSON() ([]byte, error) {
	return json.Marshal(c.shown(false))
}

// MarshalXML implements [xml.Marshaler] with the redacted form, in an
// element named as the field that holds c, or Credentials:
//
//	<Credentials scheme="Digest"><param name="username">Mufasa</param><param name="response">[redacted]</param></Credentials>
func (c Credentials) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if start.Name.Local == "" {
		start.Name.Local = "Credentials"
	}
	start.Attr = nil
	return e.EncodeElement(c.shown(true), start)
}

// LogValue implements [slog.LogValuer]: a group with the scheme, the
// token68 as "[redacted]" when there is one, and the parameters as [name,
// value] pairs, hidden as in MarshalJSON.
func (c Credentials) LogValue() slog.Value {
	s := c.shown(false)
	attrs := make([]slog.Attr, 0, 3)
	attrs = append(attrs, slog.String("scheme", s.Scheme))
	if s.Token68 != "" {
		attrs = append(attrs, slog.String("token68", s.Token68))
	}
	if len(s.Params) > 0 {
		attrs = append(attrs, slog.Any("params", s.Params))
	}
	return slog.GroupValue(attrs...)
}
