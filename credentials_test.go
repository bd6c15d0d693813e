package httpauth_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

// secretTable is the package documentation's table of what credentials
// show, written out by hand: for each scheme, the parameters whose values
// are shown and those whose values are secret. Any other parameter is
// hidden, name and value; a token68 is always secret.
var secretTable = []struct {
	scheme         string
	shown, secrets []string
}{
	{"Digest",
		[]string{"username", "username*", "realm", "uri", "algorithm", "qop", "nc", "nonce", "opaque", "userhash"},
		[]string{"response", "cnonce"}},
	{"OAuth",
		[]string{"realm", "oauth_consumer_key", "oauth_signature_method", "oauth_timestamp", "oauth_nonce", "oauth_version", "oauth_callback"},
		[]string{"oauth_token", "oauth_signature", "oauth_verifier", "oauth_body_hash", "oauth_session_handle"}},
	{"Hawk", []string{"id", "ts", "nonce", "hash", "app", "dlg"}, []string{"mac", "ext"}},
	{"AWS4-HMAC-SHA256", []string{"Credential", "SignedHeaders"}, []string{"Signature"}},
	{"Mutual", []string{"version", "algorithm", "validation", "auth-scope", "realm", "user", "sid", "kc1", "nc"}, []string{"vkc"}},
	{"SCRAM-SHA-1", []string{"realm", "sid", "sr", "ttl"}, []string{"data"}},
	{"SCRAM-SHA-256", []string{"realm", "sid", "sr", "ttl"}, []string{"data"}},
	{"vapid", []string{"k"}, []string{"t"}},
	{"Concealed", []string{"k", "a", "s"}, []string{"p", "v"}},
	{"HOBA", nil, []string{"result"}},
	{"PrivateToken", nil, []string{"token"}},
	// Schemes whose credentials are a token68 define no parameter, and
	// an unknown scheme shows none.
	{"Basic", nil, nil},
	{"Bearer", nil, nil},
	{"DPoP", nil, nil},
	{"GNAP", nil, nil},
	{"Negotiate", nil, nil},
	{"NTLM", nil, nil},
	{"X-Custom", nil, nil},
}

// Planted values: every secret holds "PLANTED", every shown value
// "VISIBLE".
const planted = "PLANTED"

func leaks(s string) bool {
	u := strings.ToUpper(s)
	return strings.Contains(u, planted) || strings.Contains(u, fmt.Sprintf("%X", planted))
}

// plantedCredentials returns, for each scheme of the table, credentials
// with every parameter of the table, one unknown parameter whose name and
// value are secret, scheme and names in another case; and credentials with
// a token68.
func plantedCredentials() []httpauth.Credentials {
	var out []httpauth.Credentials
	for _, s := range secretTable {
		c := httpauth.Credentials{Scheme: strings.ToUpper(s.scheme)}
		for _, n := range s.shown {
			c.Params = append(c.Params, httpauth.Param{Name: strings.ToUpper(n), Value: "VISIBLE-" + n})
		}
		for i, n := range s.secrets {
			c.Params = append(c.Params, httpauth.Param{Name: n, Value: fmt.Sprintf("%s%d \"\\ x", planted, i)})
		}
		c.Params = append(c.Params, httpauth.Param{Name: planted + "_name", Value: planted + "value"})
		out = append(out, c, httpauth.Credentials{Scheme: s.scheme, Token68: planted + "68=="})
	}
	// An Authorization value that is a bare secret parses as a scheme.
	out = append(out, httpauth.Credentials{Scheme: planted + "_live_51HxYz"},
		httpauth.Credentials{Scheme: "Bearer " + planted}) // not a token: hidden
	return out
}

// routes returns every printed form of v that the package promises
// redacted: every fmt verb with and without flags, encoding/json,
// encoding/xml, slog's text and JSON handlers.
func routes(t *testing.T, v any) map[string]string {
	t.Helper()
	out := map[string]string{}
	for verb := 'A'; verb <= 'z'; verb++ {
		if 'Z' < verb && verb < 'a' || verb == 'p' || verb == 'w' {
			continue // see TestCredentialsBadVerbs
		}
		for _, flags := range []string{"", "+", "#", "-", " ", "0", "10", ".3", "+#"} {
			f := "%" + flags + string(verb)
			out[f] = fmt.Sprintf(f, v)
		}
	}
	out["Sprint"] = fmt.Sprint(v)
	out["Sprintln"] = fmt.Sprintln(v)
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal(%T): %v", v, err)
	}
	out["json"] = string(j)
	if x, err := xml.Marshal(v); err == nil {
		out["xml"] = string(x)
	} else if !strings.Contains(err.Error(), "unsupported type: map") {
		t.Fatalf("xml.Marshal(%T): %v", v, err)
	}
	var tb, jb bytes.Buffer
	slog.New(slog.NewTextHandler(&tb, nil)).Info("m", "v", v, slog.Group("g", "v", v))
	slog.New(slog.NewJSONHandler(&jb, nil)).Info("m", "v", v, slog.Group("g", "v", v))
	out["slog text"], out["slog JSON"] = tb.String(), jb.String()
	return out
}

// TestCredentialsNoRouteLeaks plants secrets in credentials of every
// scheme of the table and checks every route, for the value and for what
// holds it: a pointer, a slice, a map, a struct field.
func TestCredentialsNoRouteLeaks(t *testing.T) {
	type holder struct {
		Name string
		C    httpauth.Credentials
	}
	for _, c := range plantedCredentials() {
		for _, v := range []any{c, &c, []httpauth.Credentials{c}, map[string]httpauth.Credentials{"k": c}, holder{"h", c}, &holder{C: c}} {
			for route, s := range routes(t, v) {
				if leaks(s) {
					t.Errorf("%T of %s via %s shows a secret: %s", v, c.Scheme, route, s)
				}
			}
		}
	}
}

// TestCredentialsShowWhatIsNotSecret checks that what the table shows is
// shown, on every route that carries values: the scheme, the names it
// defines and their values when not secret.
func TestCredentialsShowWhatIsNotSecret(t *testing.T) {
	for _, c := range plantedCredentials()[:2*len(secretTable)] {
		r := routes(t, c)
		for _, route := range []string{"%v", "%s", "%#v", "json", "xml", "slog text", "slog JSON"} {
			s := r[route]
			if !strings.Contains(s, c.Scheme) {
				t.Errorf("%s via %s does not show the scheme: %s", c.Scheme, route, s)
			}
			for _, p := range c.Params {
				if leaks(p.Name) {
					continue
				}
				if !strings.Contains(s, p.Name) {
					t.Errorf("%s via %s does not show the parameter name %s: %s", c.Scheme, route, p.Name, s)
				}
				if strings.HasPrefix(p.Value, "VISIBLE") && !strings.Contains(s, p.Value) {
					t.Errorf("%s via %s does not show the value of %s: %s", c.Scheme, route, p.Name, s)
				}
			}
		}
	}
}

// TestCredentialsBadVerbs pins the two fmt verbs outside the promise:
// %p on a value that is not a pointer and %w outside fmt.Errorf are "bad
// verbs", which fmt prints from the raw fields without calling any method
// of the value, so no type can redact them. go vet reports both uses.
func TestCredentialsBadVerbs(t *testing.T) {
	c := cred68("Basic", planted)
	for _, f := range []string{"%p", "%w"} {
		if s := fmt.Sprintf(f, c); !strings.HasPrefix(s, "%!"+f[1:]+"(httpauth.Credentials=") {
			t.Errorf("Sprintf(%q) = %q, want fmt's bad-verb form", f, s)
		}
	}
	if s := fmt.Sprintf("%p", &c); leaks(s) || !strings.HasPrefix(s, "0x") {
		t.Errorf("Sprintf(%%p, &c) = %q, want the address", s)
	}
}

func TestCredentialsForms(t *testing.T) {
	digest := cred("Digest", "username", "Mufasa", "realm", "http-auth@example.org", "uri", "/dir/index.html",
		"algorithm", "MD5", "nc", "00000001", "cnonce", "0a4f113b", "response", "6629fae49393a05397450978507c4ef1", "x-extra", "secret")
	basic := cred68("Basic", "QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
	tests := []struct {
		c                         httpauth.Credentials
		str, gostr, json, xml, sl string
	}{
		{digest,
			`Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nc=00000001, cnonce=[redacted], response=[redacted], [redacted]`,
			`httpauth.Credentials{Scheme:"Digest", Params:httpauth.Params{{Name:"username", Value:"Mufasa"}, {Name:"realm", Value:"http-auth@example.org"}, {Name:"uri", Value:"/dir/index.html"}, {Name:"algorithm", Value:"MD5"}, {Name:"nc", Value:"00000001"}, {Name:"cnonce", Value:"[redacted]"}, {Name:"response", Value:"[redacted]"}, {Name:"[redacted]", Value:"[redacted]"}}}`,
			`{"scheme":"Digest","params":[["username","Mufasa"],["realm","http-auth@example.org"],["uri","/dir/index.html"],["algorithm","MD5"],["nc","00000001"],["cnonce","[redacted]"],["response","[redacted]"],["[redacted]","[redacted]"]]}`,
			`<Credentials scheme="Digest"><param name="username">Mufasa</param><param name="realm">http-auth@example.org</param><param name="uri">/dir/index.html</param><param name="algorithm">MD5</param><param name="nc">00000001</param><param name="cnonce">[redacted]</param><param name="response">[redacted]</param><param name="[redacted]">[redacted]</param></Credentials>`,
			`c.scheme=Digest c.params="[[username Mufasa] [realm http-auth@example.org] [uri /dir/index.html] [algorithm MD5] [nc 00000001] [cnonce [redacted]] [response [redacted]] [[redacted] [redacted]]]"`,
		},
		{basic,
			`Basic [redacted]`,
			`httpauth.Credentials{Scheme:"Basic", Token68:"[redacted]"}`,
			`{"scheme":"Basic","token68":"[redacted]"}`,
			`<Credentials scheme="Basic"><token68>[redacted]</token68></Credentials>`,
			`c.scheme=Basic c.token68=[redacted]`,
		},
		// Two ways a secret hides in the grammar: a credentials value that is
		// not a token68 reads as a parameter, whose name is hidden; a
		// bare secret reads as a scheme, which is hidden.
		{httpauth.MustParseCredentials("Bearer sk_live_51HxYzAbC=Qq9"),
			`Bearer [redacted]`,
			`httpauth.Credentials{Scheme:"Bearer", Params:httpauth.Params{{Name:"[redacted]", Value:"[redacted]"}}}`,
			`{"scheme":"Bearer","params":[["[redacted]","[redacted]"]]}`,
			`<Credentials scheme="Bearer"><param name="[redacted]">[redacted]</param></Credentials>`,
			`c.scheme=Bearer c.params="[[[redacted] [redacted]]]"`,
		},
		{httpauth.MustParseCredentials("sk_live_51HxYzAbCQq9"),
			`[redacted]`,
			`httpauth.Credentials{Scheme:"[redacted]"}`,
			`{"scheme":"[redacted]"}`,
			`<Credentials scheme="[redacted]"></Credentials>`,
			`c.scheme=[redacted]`,
		},
		// A shown value is quoted with Go's escapes: nothing breaks a
		// log line.
		{cred("Digest", "username", "a\r\nb\x00\"\\", "realm", "caf\u00e9"),
			`Digest username="a\r\nb\x00\"\\", realm="café"`,
			`httpauth.Credentials{Scheme:"Digest", Params:httpauth.Params{{Name:"username", Value:"a\r\nb\x00\"\\"}, {Name:"realm", Value:"café"}}}`,
			`{"scheme":"Digest","params":[["username","a\r\nb\u0000\"\\"],["realm","café"]]}`,
			`<Credentials scheme="Digest"><param name="username">a&#xD;&#xA;b` + "\uFFFD" + `&#34;\</param><param name="realm">café</param></Credentials>`,
			`c.scheme=Digest c.params="[[username a\r\nb\x00\"\\] [realm café]]"`,
		},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.str {
			t.Errorf("String() =\n%s\nwant\n%s", got, tt.str)
		}
		for _, f := range []string{"%v", "%+v", "%s", "%d", "%x"} {
			if got := fmt.Sprintf(f, tt.c); got != tt.str {
				t.Errorf("Sprintf(%q) = %s, want %s", f, got, tt.str)
			}
		}
		if got := fmt.Sprintf("%q", tt.c); got != fmt.Sprintf("%q", tt.str) {
			t.Errorf("Sprintf(%%q) = %s, want the quoted String", got)
		}
		if got := fmt.Sprintf("%#v", tt.c); got != tt.gostr || tt.c.GoString() != tt.gostr {
			t.Errorf("%%#v =\n%s\nwant\n%s", got, tt.gostr)
		}
		if got, err := json.Marshal(tt.c); err != nil || string(got) != tt.json {
			t.Errorf("json.Marshal =\n%s, %v\nwant\n%s", got, err, tt.json)
		}
		if got, err := xml.Marshal(tt.c); err != nil || string(got) != tt.xml {
			t.Errorf("xml.Marshal =\n%s, %v\nwant\n%s", got, err, tt.xml)
		}
		var buf bytes.Buffer
		slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{ReplaceAttr: dropSlogTime})).Info("m", "c", tt.c)
		if got, want := buf.String(), "level=INFO msg=m "+tt.sl+"\n"; got != want {
			t.Errorf("slog text =\n%s\nwant\n%s", got, want)
		}
		buf.Reset()
		slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: dropSlogTime})).Info("m", "c", tt.c)
		if got, want := buf.String(), `{"level":"INFO","msg":"m","c":`+tt.json+"}\n"; got != want {
			t.Errorf("slog JSON =\n%s\nwant\n%s", got, want)
		}
	}
	// Inside another element, the element is named after the field.
	x, err := xml.Marshal(struct {
		XMLName xml.Name `xml:"req"`
		Auth    httpauth.Credentials
	}{Auth: basic})
	if want := `<req><Auth scheme="Basic"><token68>[redacted]</token68></Auth></req>`; err != nil || string(x) != want {
		t.Errorf("xml.Marshal of a field = %s, %v, want %s", x, err, want)
	}
}

func dropSlogTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	return a
}

// TestCredentialsErrorsHideSecrets checks that errors about credentials
// never quote a value, nor a name that the table hides.
func TestCredentialsErrorsHideSecrets(t *testing.T) {
	for _, in := range []string{"Basic PLANTED, x", "Digest username=\"PLANTED", "Digest a=PLANTED/x", "Basic PLANTED\x00", "PLANTED x y"} {
		_, err := httpauth.ParseCredentials(in)
		if err == nil || leaks(err.Error()) {
			t.Errorf("ParseCredentials(<secret>) error = %v, want an error that does not quote the value", err)
		}
	}
	for _, tt := range []struct {
		c     httpauth.Credentials
		param string
	}{
		{cred("Digest", "response", "PLANTED\r\n"), "response"},
		{cred("Digest", "username", "u", "PLANTED_name", "x\n"), ""},
		{cred("Bearer", "PLANTED_live_51HxYzAbC", "Qq9\r\n"), ""},
		{cred("Bearer", "PLANTED_a", "1", "PLANTED_A", "2"), ""}, // a duplicate
		{cred("OAuth", "oauth_token", "PLANTED\x00"), "oauth_token"},
	} {
		_, err := httpauth.AppendCredentials(nil, tt.c)
		var ee *httpauth.EncodeError
		if !errors.As(err, &ee) || leaks(err.Error()) || ee.Param != tt.param || leaks(ee.Param) {
			t.Errorf("AppendCredentials(%v) error = %v (Param %q), want an error naming %q and not quoting the secret", tt.c, err, ee.Param, tt.param)
		}
	}
	// In a challenge, names are not secret.
	_, err := httpauth.AppendChallenge(nil, ch("Bearer", "custom_name", "x\n"))
	var ee *httpauth.EncodeError
	if !errors.As(err, &ee) || ee.Param != "custom_name" {
		t.Errorf("AppendChallenge error = %v, want one naming custom_name", err)
	}
}

// FuzzCredentialsPrint checks that no printed form of any Credentials
// holds a control character (a log line cannot be split through it; JSON
// keeps DEL, which it does not count as one), and
// that a token68 of 8 bytes or more never shows (unless it is also text
// that may show: a shown scheme, name or value, the fixed text of a form,
// or a JSON escape).
const printVocabulary = `httpauth.Credentials{Scheme:"[redacted]", Token68:"", Params:httpauth.Params{{Name:"", Value:""}}} {"scheme":"","token68":"","params":[["",""]]}`

func FuzzCredentialsPrint(f *testing.F) {
	f.Add("Digest", "", "username", "a\r\nb", "realm", "r")
	f.Add("Basic", "QWxh", "", "", "", "")
	f.Add("X\n", "", "a\x00", "b", "", "")
	f.Fuzz(func(t *testing.T, scheme, token68, n1, v1, n2, v2 string) {
		c := httpauth.Credentials{Scheme: scheme, Token68: token68}
		for _, p := range [][2]string{{n1, v1}, {n2, v2}} {
			if p[0] != "" {
				c.Params = append(c.Params, httpauth.Param{Name: p[0], Value: p[1]})
			}
		}
		j, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		for how, s := range map[string]string{"String": c.String(), "GoString": c.GoString(), "json": string(j)} {
			for _, b := range []byte(s) {
				// JSON escapes what it calls control characters,
				// %x00-1F, and leaves DEL as it is.
				if b < 0x20 || b == 0x7f && how != "json" {
					t.Fatalf("%s of %#v = %q holds a control character", how, c, s)
				}
			}
			if len(token68) >= 8 && !strings.Contains(token68, "u00") && !strings.Contains(scheme+" "+n1+" "+v1+" "+n2+" "+v2+" "+printVocabulary, token68) && strings.Contains(s, token68) {
				t.Fatalf("%s of %#v = %q shows the token68", how, c, s)
			}
		}
	})
}
