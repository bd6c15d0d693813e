package contract_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/aws4"
	"github.com/authwire/httpauth/basic"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/client"
	"github.com/authwire/httpauth/concealed"
	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/gnap"
	"github.com/authwire/httpauth/hawk"
	"github.com/authwire/httpauth/hoba"
	"github.com/authwire/httpauth/internal/schemetest"
	"github.com/authwire/httpauth/mutual"
	"github.com/authwire/httpauth/negotiate"
	"github.com/authwire/httpauth/oauth1"
	"github.com/authwire/httpauth/privatetoken"
	"github.com/authwire/httpauth/scram"
	"github.com/authwire/httpauth/server"
	"github.com/authwire/httpauth/vapid"
)

// secret is what the tests plant. It is a token, token68 and unpadded
// base64 text, so that it fits most positions before it is mutated.
const secret = "S3cr3tPl4nt3dXyz"

// needles returns the forms of s a leak would show: s itself, its hex in
// either case, its bytes as %v and %#v print a []byte, and its base64 (as
// encoding/json writes a []byte).
func needles(s string) []string {
	b := []byte(s)
	return []string{
		s,
		hex.EncodeToString(b),
		strings.ToUpper(hex.EncodeToString(b)),
		strings.Trim(fmt.Sprint(b), "[]"),
		strings.TrimSuffix(strings.TrimPrefix(fmt.Sprintf("%#v", b), "[]byte{"), "}"),
		base64.StdEncoding.EncodeToString(b),
	}
}

// entry says how a type stands towards secrets: either it holds none
// (noSecret is a one-word reason), or plant returns values of it that
// hold the secret in every secret field, with the forms of any secret it
// derives itself (keys made from a password) to look for as well.
type entry struct {
	noSecret string
	plant    func(t *testing.T, secret string) (values []any, derived []string)
	// transient: a planted value may have let go of the secret already
	// (a Parser clears what it read); if it still holds it, it must not
	// print it.
	transient bool
}

func none(reason string) entry { return entry{noSecret: reason} }

// values makes an entry from values built with the secret.
func values(f func(secret string) []any) entry {
	return entry{plant: func(_ *testing.T, s string) ([]any, []string) { return f(s), nil }}
}

// plantFields makes an entry for a struct type T whose named fields hold the
// secret: each is set, by reflection, to the secret in the field's form
// (string, []byte, []string or httpauth.Params). Naming the fields rather
// than writing a literal keeps this table compiling when a package that
// others own renames a field; the test then fails and says which.
func plantFields[T any](names ...string) entry {
	return entry{plant: func(t *testing.T, s string) ([]any, []string) {
		t.Helper()
		v := reflect.New(reflect.TypeFor[T]()).Elem()
		for _, n := range names {
			f := v.FieldByName(n)
			if !f.IsValid() || !f.CanSet() {
				t.Fatalf("%v has no exported field %s: update the table of redact_test.go", v.Type(), n)
			}
			switch f.Interface().(type) {
			case string:
				f.SetString(s)
			case []byte:
				f.SetBytes([]byte(s))
			case []string:
				f.Set(reflect.ValueOf([]string{s}))
			case httpauth.Params:
				f.Set(reflect.ValueOf(httpauth.Params{{Name: "p", Value: s}}))
			default:
				t.Fatalf("%v.%s is a %v, which plantFields cannot set: write a constructor", v.Type(), n, f.Type())
			}
		}
		return []any{v.Interface()}, nil
	}}
}

// walk calls f with every string and every byte array or slice that v
// holds at any depth, exported or not, without calling any of its methods;
// hidden tells whether the value sits in an unexported field, str whether
// it is a string.
func walk(v reflect.Value, hidden bool, f func(b []byte, hidden, str bool)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walk(v.Elem(), hidden, f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			walk(v.Field(i), hidden || !v.Type().Field(i).IsExported(), f)
		}
	case reflect.String:
		f([]byte(v.String()), hidden, true)
	case reflect.Array, reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			f(b, hidden, false)
			return
		}
		for i := range v.Len() {
			walk(v.Index(i), hidden, f)
		}
	}
}

// raw returns every string and byte sequence v holds, NUL-separated: what
// v holds, as opposed to what it prints.
func raw(v any) string {
	var b strings.Builder
	walk(reflect.ValueOf(v), false, func(s []byte, _, _ bool) {
		b.Write(s)
		b.WriteByte(0)
	})
	return b.String()
}

// keyMaterial returns the forms of every byte sequence of 16 bytes or
// more that v holds in an unexported field: the keys a value derives or
// generates itself, which its printed forms must not show either.
func keyMaterial(v any) []string {
	var out []string
	walk(reflect.ValueOf(v), false, func(b []byte, hidden, str bool) {
		if hidden && !str && len(b) >= 16 {
			out = append(out, hex.EncodeToString(b), strings.Trim(fmt.Sprint(b[:8]), "[]"))
		}
	})
	return out
}

// types maps every exported type of every package ("pkg.Type") to what
// it holds. A type that is missing fails TestRedaction.
var types = map[string]entry{
	// The root package.
	"httpauth.Param":        none("generic"), // a challenge's or a list's: Credentials mask the params they hold
	"httpauth.Params":       none("generic"),
	"httpauth.Challenge":    none("public"),
	"httpauth.Encoder":      none("options"),
	"httpauth.Editor":       none("options"),
	"httpauth.Field":        none("enum"),
	"httpauth.Limits":       none("options"),
	"httpauth.Kind":         none("enum"),
	"httpauth.WarningKind":  none("enum"),
	"httpauth.WarningKinds": none("enum"),
	"httpauth.Warning":      none("report"),
	"httpauth.SyntaxError":  none("error"),
	"httpauth.LimitError":   none("error"),
	"httpauth.EncodeError":  none("error"),
	"httpauth.SchemeError":  none("error"),
	// fuzzgen: values made up for fuzzing (a Case's Credentials mask
	// themselves anyway).
	"fuzzgen.Field":     none("enum"),
	"fuzzgen.Mode":      none("enum"),
	"fuzzgen.ErrClass":  none("enum"),
	"fuzzgen.Category":  none("enum"),
	"fuzzgen.Fault":     none("report"),
	"fuzzgen.Case":      none("generated"),
	"fuzzgen.Generator": none("generator"),
	"httpauth.Credentials": values(func(s string) []any {
		cs := []any{
			httpauth.Credentials{Scheme: "Bearer", Token68: s},
			httpauth.Credentials{Scheme: "Digest", Params: httpauth.Params{{Name: "username", Value: "u"}, {Name: "response", Value: s}}},
		}
		// A value that is not a token68 reads as a parameter, so that
		// the secret is a parameter name.
		if c, err := httpauth.ParseCredentials("Bearer " + s + "=Qq9"); err == nil {
			cs = append(cs, c)
		}
		return cs
	}),
	// A Lexer and a Parser keep what they read.
	"httpauth.Lexer": values(func(s string) []any {
		var l httpauth.Lexer
		l.Reset("Basic " + s)
		l.Next()
		return []any{l}
	}),
	"httpauth.Parser": {transient: true, plant: func(_ *testing.T, s string) ([]any, []string) {
		var p httpauth.Parser
		p.ParseCredentials(nil, `Digest username="u", response="`+s+`"`)
		var bad httpauth.Parser
		bad.ParseCredentials(nil, `Digest username="u", response="`+s+`", x`)
		return []any{&p, &bad}, nil
	}},

	"digest.Algorithm":   none("enum"),
	"digest.Challenge":   none("public"),
	"digest.Input":       plantFields[digest.Input]("Password", "CNonce", "Body"),
	"digest.Credentials": plantFields[digest.Credentials]("Response", "CNonce", "Extra"),
	"digest.Info":        plantFields[digest.Info]("Rspauth", "CNonce"),
	"digest.Result": values(func(s string) []any {
		r := digest.Result{Username: "u"}
		r.Credentials.Response, r.Credentials.CNonce = s, s
		return []any{r}
	}),
	"digest.Server": {plant: func(t *testing.T, s string) ([]any, []string) {
		srv := &digest.Server{Realm: "r", Password: func(context.Context, string) (string, bool) { return s, true }}
		srv.Challenges(false) // makes its nonce key
		return []any{srv}, keyMaterial(srv)
	}},

	"client.Choice":      none("public"),
	"client.TokenSource": none("interface"),
	"client.TokenFunc":   none("func"),
	"client.Credentials": plantFields[client.Credentials]("Password"),
	"client.Request":     plantFields[client.Request]("Body", "CNonce"),
	"client.Answer": {plant: func(t *testing.T, s string) ([]any, []string) {
		cs := []httpauth.Challenge{httpauth.MustParseChallenge(`Digest realm="r", nonce="n", qop="auth"`)}
		a, err := client.Respond(context.Background(), cs, client.Credentials{Username: "u", Password: s}, client.Request{URI: "/", CNonce: s})
		if err != nil {
			t.Fatal(err)
		}
		return []any{a}, needles(a.Digest.Response)
	}},
	"client.Transport": {plant: func(t *testing.T, s string) ([]any, []string) {
		return []any{&client.Transport{
			Credentials: []client.Credentials{{Origins: []string{"https://a.example"}, Username: "u", Password: s}},
			Proxy:       []client.Credentials{{Origins: []string{"http://p.example"}, Username: "u", Password: s}},
		}}, nil
	}},

	"server.Offer":    none("public"),
	"server.Identity": none("public"),
	"server.Auth": {plant: func(t *testing.T, s string) ([]any, []string) {
		a := &server.Auth{Realm: "r", Password: func(context.Context, string) (string, bool) { return s, true }}
		a.Wrap(http.NotFoundHandler()).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil)) // makes the nonce key
		return []any{a}, keyMaterial(a)
	}},

	"aws4.Scope":       none("public"),
	"aws4.Credentials": values(func(s string) []any { return []any{aws4.Credentials{Signature: s}} }),

	"basic.Challenge":   none("public"),
	"basic.Credentials": values(func(s string) []any { return []any{basic.Credentials{UserID: "u", Password: s}} }),

	"bearer.Challenge":   none("public"),
	"bearer.ErrorCode":   none("enum"),
	"bearer.Credentials": values(func(s string) []any { return []any{bearer.Credentials{Scheme: bearer.Scheme, Token: s}} }),

	"concealed.Credentials": values(func(s string) []any {
		return []any{concealed.Credentials{KeyID: []byte("k"), Proof: []byte(s), Verification: []byte(s)}}
	}),

	"gnap.Challenge":   none("public"),
	"gnap.Credentials": values(func(s string) []any { return []any{gnap.Credentials{Token: s}} }),

	"hawk.Request": none("public"),
	"hawk.Credentials": values(func(s string) []any {
		return []any{hawk.Credentials{ID: "i", MAC: s, Ext: s}}
	}),
	"hawk.ServerAuthorization": values(func(s string) []any { return []any{hawk.ServerAuthorization{MAC: s, Ext: s}} }),

	"hoba.Challenge":   none("public"),
	"hoba.Result":      values(func(s string) []any { return []any{hoba.Result{KID: "k", Signature: s}} }),
	"hoba.Credentials": values(func(s string) []any { return []any{hoba.Credentials{Result: hoba.Result{KID: "k", Signature: s}}} }),

	"mutual.Kind":      none("enum"),
	"mutual.Challenge": none("public"),
	"mutual.Credentials": values(func(s string) []any {
		return []any{mutual.Credentials{User: "u", VKC: s, Extra: httpauth.Params{{Name: "x", Value: s}}}}
	}),
	"mutual.Info": values(func(s string) []any {
		return []any{mutual.Info{SID: "00", VKS: s, Extra: httpauth.Params{{Name: "x", Value: s}}}}
	}),

	"negotiate.Challenge":   none("public"),
	"negotiate.Credentials": values(func(s string) []any { return []any{negotiate.Credentials{Scheme: negotiate.Scheme, Token: s}} }),

	"oauth1.Challenge": none("public"),
	"oauth1.Credentials": values(func(s string) []any {
		return []any{oauth1.Credentials{ConsumerKey: "k", Token: s, Signature: s, Verifier: s, Extra: httpauth.Params{{Name: "oauth_x", Value: s}}}}
	}),

	"privatetoken.Challenge":      none("public"),
	"privatetoken.TokenChallenge": none("public"),
	"privatetoken.Credentials":    values(func(s string) []any { return []any{privatetoken.Credentials{Token: s}} }),

	"scram.Challenge":   none("public"),
	"scram.Credentials": values(func(s string) []any { return []any{scram.Credentials{Realm: "r", Data: s}} }),
	"scram.Info":        values(func(s string) []any { return []any{scram.Info{SID: "s", Data: s}} }),
	"scram.Attr": values(func(s string) []any {
		return []any{scram.Attr{Name: 'p', Value: s}, scram.Attr{Name: 'v', Value: s}}
	}),
	"scram.Keys": values(func(s string) []any {
		return []any{scram.Keys{Salt: []byte("salt"), StoredKey: []byte(s), ServerKey: []byte(s)}}
	}),
	"scram.Client": {plant: func(t *testing.T, s string) ([]any, []string) {
		c := scram.Client{Hash: sha256.New, User: "user", Password: s, Nonce: "abc"}
		if _, err := c.First(); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Final("r=abcdef,s=c2FsdA==,i=1"); err != nil {
			t.Fatal(err)
		}
		return []any{c, &c}, keyMaterial(&c)
	}},

	"vapid.Challenge": none("public"),
	"vapid.Claims":    none("public"),
	"vapid.JWT":       values(func(s string) []any { return []any{vapid.JWT{Header: "h", Payload: "p", Signature: s}} }),
	"vapid.Credentials": values(func(s string) []any {
		return []any{vapid.Credentials{Token: vapid.JWT{Header: "h", Payload: "p", Signature: s}, Key: []byte("k")}}
	}),
}

// holder is a struct that holds a value in a field, as a client holds its
// credentials.
type holder struct{ Held any }

// forms returns the routes of v, of a pointer to it, and of a struct that
// holds it in a field.
//
// A struct that embeds v's type is not among them: reflection cannot build
// one with the methods the compiler promotes (reflect.StructOf does not
// promote methods of embedded fields). A compiled struct that embeds the
// type gets its printing methods, which TestRedaction requires (see
// missingMethods), so it prints as the type itself does.
func forms(v any) map[string]map[string]string {
	rv := reflect.ValueOf(v)
	ptr := reflect.New(rv.Type())
	ptr.Elem().Set(rv)
	return map[string]map[string]string{
		"value":                    schemetest.Routes(v),
		"pointer":                  schemetest.Routes(ptr.Interface()),
		"struct holding the value": schemetest.Routes(holder{v}),
	}
}

// Every exported type of every package is in the table, and each type that
// holds secrets prints none of them on any route.
func TestRedaction(t *testing.T) {
	found := map[string]bool{}
	for _, p := range packages(t) {
		for _, name := range p.types() {
			key := p.name + "." + name
			found[key] = true
			e, ok := types[key]
			switch {
			case !ok:
				t.Errorf("%s is not in the table of redact_test.go: say why it holds no secret, or plant one in each of its secret fields", key)
			case e.plant == nil && e.noSecret == "":
				t.Errorf("%s: the table gives neither a reason nor a plant", key)
			case e.plant != nil:
				t.Run(key, func(t *testing.T) { checkPlanted(t, key, e) })
			}
		}
	}
	for key := range types {
		if !found[key] {
			t.Errorf("the table of redact_test.go lists %s, which no package declares", key)
		}
	}
}

// printing are the methods a type that holds secrets implements, each by
// delegating to its internal/redact.View, so that fmt, encoding/json,
// encoding/xml and log/slog print it redacted, and so does any struct
// that embeds it.
var printing = []reflect.Type{
	reflect.TypeFor[fmt.Stringer](), reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[json.Marshaler](),
	reflect.TypeFor[xml.Marshaler](), reflect.TypeFor[slog.LogValuer](),
}

// missingMethods returns the printing methods that a value of typ (a
// pointer to one, for a type that holds a lock and is not to be copied)
// lacks: a struct that embeds typ gets those it has.
func missingMethods(typ reflect.Type) []string {
	if typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	has := typ
	if holdsLock(typ) {
		has = reflect.PointerTo(typ)
	}
	var out []string
	for _, iface := range printing {
		if !has.Implements(iface) {
			out = append(out, iface.Method(0).Name)
		}
	}
	return out
}

// holdsLock reports whether a struct type has a sync.Mutex or
// sync.RWMutex field, at any depth of nested structs.
func holdsLock(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	if t.PkgPath() == "sync" && (t.Name() == "Mutex" || t.Name() == "RWMutex") {
		return true
	}
	for i := range t.NumField() {
		if holdsLock(t.Field(i).Type) {
			return true
		}
	}
	return false
}

func checkPlanted(t *testing.T, key string, e entry) {
	vs, derived := e.plant(t, secret)
	if len(vs) == 0 {
		t.Fatalf("the plant of %s made no value", key)
	}
	methodsChecked := false
	checkMethods := func() {
		if m := missingMethods(reflect.TypeOf(vs[0])); !methodsChecked && len(m) > 0 {
			t.Errorf("%s has no %s: a type that holds secrets implements String, Format, MarshalJSON, MarshalXML and LogValue through internal/redact",
				key, strings.Join(m, ", "))
		}
		methodsChecked = true
	}
	look := append(needles(secret), derived...)
	for i, v := range vs {
		if got := reflect.TypeOf(v).String(); strings.TrimPrefix(got, "*") != key {
			t.Fatalf("the plant of %s made a %s", key, got)
		}
		// The value must hold what it is to hide, or the check below
		// proves nothing.
		if !strings.Contains(raw(v), secret) && len(derived) == 0 {
			if e.transient {
				continue
			}
			t.Fatalf("value %d planted for %s does not hold the secret", i, key)
		}
		checkMethods()
		fs := forms(v)
		for _, form := range slices.Sorted(maps.Keys(fs)) {
			rs := fs[form]
			var leaks []string
			for _, route := range slices.Sorted(maps.Keys(rs)) {
				if containsAny(rs[route], look) {
					leaks = append(leaks, route)
				}
			}
			if len(leaks) > 0 {
				t.Errorf("value %d, %s: the secret shows on %s; %s prints %s", i, form, strings.Join(leaks, ", "), leaks[0], rs[leaks[0]])
			}
		}
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// The checks of TestRedaction find what they look for: a struct with a
// plain secret field leaks on every route, and the forms of it are all
// tried.
func TestRedactionFinds(t *testing.T) {
	type plain struct{ Password string }
	type bytesHeld struct{ Key []byte }
	for _, v := range []any{plain{Password: secret}, bytesHeld{Key: []byte(secret)}} {
		fs := forms(v)
		if len(fs) != 3 {
			t.Errorf("forms(%T) = %d forms, want 3", v, len(fs))
		}
		for form, rs := range fs {
			for route, s := range rs {
				if !containsAny(s, needles(secret)) {
					t.Errorf("%T, %s, %s = %s: the check misses the secret", v, form, route, s)
				}
			}
		}
	}
	if m := missingMethods(reflect.TypeFor[plain]()); len(m) != len(printing) || m[0] != "String" {
		t.Errorf("missingMethods(plain) = %q, want all %d printing methods", m, len(printing))
	}
	if m := missingMethods(reflect.TypeFor[*mutual.Credentials]()); len(m) != 0 {
		t.Errorf("missingMethods(*mutual.Credentials) = %q, want none", m)
	}
	if !holdsLock(reflect.TypeFor[struct{ a struct{ m sync.Mutex } }]()) || holdsLock(reflect.TypeFor[plain]()) {
		t.Errorf("holdsLock finds a lock it should not, or misses one")
	}

	type hidden struct{ key [32]byte }
	var h hidden
	copy(h.key[:], "0123456789abcdef0123456789abcdef")
	if km := keyMaterial(&h); len(km) != 2 || !strings.Contains(fmt.Sprintf("%v", h), km[1]) {
		t.Errorf("keyMaterial = %q, want the forms of the unexported key that %%v shows", km)
	}
}

// samples are valid values of each scheme package, as field values, whose
// parameters and token68 the error test replaces with mutated secrets.
var samples = map[string]struct{ challenges, credentials, infos []string }{
	"aws4":  {credentials: []string{`AWS4-HMAC-SHA256 Credential="AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request", SignedHeaders="content-type;host;x-amz-date", Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7`}},
	"basic": {challenges: []string{`Basic realm="foo", charset="UTF-8"`}, credentials: []string{"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}},
	"bearer": {challenges: []string{`Bearer realm="example", error="invalid_token", error_description="The access token expired", scope="a b"`},
		credentials: []string{"Bearer mF_9.B5f-4.1JqM", "DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"}},
	"concealed": {credentials: []string{"Concealed k=YmFzZW1lbnQ, a=VGhpcyBpcyBh-HB1YmxpYyBrZXkgaW4gdXNl_GhlcmU, s=2055, v=dmVyaWZpY2F0aW9u_zE2Qg, p=cHJvb2Y"}},
	"digest": {challenges: []string{`Digest realm="testrealm@host.com", qop="auth,auth-int", algorithm=MD5, nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"`},
		credentials: []string{`Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", algorithm=MD5, qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"`},
		infos:       []string{`nextnonce="abc", qop=auth, rspauth="d3b07384d113edec49eaa6238ad5ff00", cnonce="0a4f113b", nc=00000001`}},
	"gnap": {challenges: []string{`GNAP as_uri="https://as.example/tx", access=FWWIKYBQ6U56NL1`}, credentials: []string{"GNAP OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0"}},
	"hawk": {credentials: []string{`Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", hash="aGFzaA==", ext="some-app-ext-data", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE=", app="a", dlg="d"`,
		`Hawk mac="bWFj", hash="aGFzaA==", ext="response-specific"`}},
	"hoba": {challenges: []string{`HOBA max-age="180", challenge="MTIzNDU2Nzg"`}, credentials: []string{`HOBA result="a2lk.MTIzNDU2Nzg.bm9uY2U.c2lnbmF0dXJl"`}},
	"mutual": {
		challenges: []string{
			`Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="r", reason=initial`,
			`Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="r", sid=0a1b2c3d, ks1="a3Mx", nc-max=10, nc-window=16, time=600, path="/"`,
		},
		credentials: []string{
			`Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="r", user="alice", kc1="a2Mx"`,
			`Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="r", sid=0a1b2c3d, nc=1, vkc="dmtj"`,
		},
		infos: []string{`version=1, sid=0a1b2c3d, vks="dmtz"`},
	},
	"negotiate": {challenges: []string{"Negotiate YII="}, credentials: []string{"Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXegDTALBgkqhkiC9xIBAgKiggFkBIIBYGCCAVwGCSqGSIb3EgECAgEA"}},
	"oauth1": {challenges: []string{`OAuth realm="Photos"`},
		credentials: []string{`OAuth realm="Example", oauth_consumer_key="0685bd9184jfhq22", oauth_token="ad180jjd733klru7", oauth_signature_method="HMAC-SHA1", oauth_signature="wOJIO9A2W5mFwDgiDvZbTSMK%2FPY%3D", oauth_timestamp="137131200", oauth_nonce="4572616e48616d6d65724c61686176", oauth_version="1.0", oauth_callback="oob", oauth_verifier="v", oauth_x="y"`}},
	"privatetoken": {challenges: []string{`PrivateToken challenge=AAIADmlzc3Vlci5leGFtcGxlAAAA, token-key=cHVibGljIGtleQ, max-age=10, realm="r"`},
		credentials: []string{`PrivateToken token="AAJOTk5OTk5OTk5O"`}},
	"scram": {
		challenges:  []string{`SCRAM-SHA-256 realm="r", sid=AAAABBBBCCCCDDDD, data="cj1yT3ByTkdmd0ViZVJXZ2JORWtxTw==", sr=c2VydmVy, ttl=300`},
		credentials: []string{`SCRAM-SHA-1 realm="r", sid=AAAABBBBCCCCDDDD, data=biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8K`},
		infos:       []string{`sid=AAAABBBBCCCCDDDD, data="dj02cnJpVFJCaTIzV3BSUi93dHVwK21NaFVaVW4vZEI1bkxUSlJzamw5NUc0PQ=="`},
	},
	"vapid": {challenges: []string{`vapid`}, credentials: []string{"vapid t=eyJhbGciOiJFUzI1NiJ9.e30.c2ln, k=BMzy0u9d0KO-gD3mE4wvIQ0AE_PzUKWKRdFEXrCUM1xh7U6Ek67gyj0sh-smp07NcPC7ga9bwJmj40jB4sTOH7U"}},
}

// variants returns mutations of s meant to make a value invalid in every
// way a parser may check: characters, CTLs, percent-encoding, base64,
// numbers, separators, quotes.
func variants(s string) []string {
	return []string{
		s, s + "!", s + "\x00", "\r\n" + s, s + "%zz", s + "===", s + "=", "-" + s, "1" + s,
		s + " " + s, `"` + s, s + `\`, s + "/" + s, s + "," + s, s + ";" + s, s + ".", "é" + s,
	}
}

// mutants returns the credentials c with the secret, mutated, in each
// position: the scheme, the token68, each parameter's name and value, and
// a parameter added.
func mutants(c httpauth.Credentials) []httpauth.Credentials {
	var out []httpauth.Credentials
	with := func(f func(*httpauth.Credentials)) {
		m := c
		m.Params = slices.Clone(c.Params)
		f(&m)
		out = append(out, m)
	}
	for _, v := range variants(secret) {
		with(func(m *httpauth.Credentials) { m.Scheme = v })
		if c.Token68 != "" {
			with(func(m *httpauth.Credentials) { m.Token68 = v })
		}
		for i := range c.Params {
			with(func(m *httpauth.Credentials) { m.Params[i].Value = v })
			with(func(m *httpauth.Credentials) { m.Params[i].Name = v })
			with(func(m *httpauth.Credentials) { m.Params[i] = httpauth.Param{Name: v, Value: v} })
		}
		with(func(m *httpauth.Credentials) { m.Params = append(m.Params, httpauth.Param{Name: v, Value: v}) })
		with(func(m *httpauth.Credentials) { m.Params = append(m.Params, m.Params...) }) // every name twice
	}
	return out
}

// tally counts, for one function, the errors met, those that show the
// secret in a printed form and those that are not a *httpauth.SchemeError
// (when it must return those), and reports the first of each with the
// counts.
type tally struct {
	schemeErr      bool
	errs           int
	leaks, foreign int
	firstLeak      string
	firstForeign   string
}

func (ty *tally) add(input string, err error) {
	if err == nil {
		return
	}
	ty.errs++
	for _, form := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
		if containsAny(form, needles(secret)) {
			if ty.leaks == 0 {
				ty.firstLeak = fmt.Sprintf("for %s, the error shows it: %s", input, form)
			}
			ty.leaks++
			break
		}
	}
	var se *httpauth.SchemeError
	if ty.schemeErr && !errors.As(err, &se) {
		if ty.foreign == 0 {
			ty.firstForeign = fmt.Sprintf("for %s: %v (%T)", input, err, err)
		}
		ty.foreign++
	}
}

func (ty *tally) report(t *testing.T, call string) {
	t.Helper()
	if ty.errs == 0 {
		t.Errorf("%s: no input made an error, so nothing was checked", call)
	}
	if ty.leaks > 0 {
		t.Errorf("%s: %d of %d errors show the secret; first %s", call, ty.leaks, ty.errs, ty.firstLeak)
	}
	if ty.foreign > 0 {
		t.Errorf("%s: %d of %d errors are not a *httpauth.SchemeError; first %s", call, ty.foreign, ty.errs, ty.firstForeign)
	}
}

// No Parse function of a scheme package puts a secret of its input in an
// error, whatever position the secret stands in and however it is
// malformed, and each of their errors is a *httpauth.SchemeError.
func TestSchemeErrorsHoldNoSecret(t *testing.T) {
	for _, dir := range slices.Sorted(maps.Keys(schemes)) {
		e, s := schemes[dir], samples[dir]
		if len(s.credentials) == 0 {
			t.Errorf("%s has no sample credentials in redact_test.go", dir)
			continue
		}
		if e.challenge != nil && len(s.challenges) == 0 || e.info != nil && len(s.infos) == 0 {
			t.Errorf("%s has no sample challenge or Authentication-Info in redact_test.go", dir)
			continue
		}
		tallies := map[string]*tally{}
		try := func(call string, c httpauth.Credentials, f func(httpauth.Credentials) error) {
			if tallies[call] == nil {
				tallies[call] = &tally{schemeErr: true}
			}
			for _, m := range mutants(c) {
				tallies[call].add(fmt.Sprintf("scheme %q, token68 %q, params %+v", m.Scheme, m.Token68, m.Params), f(m))
			}
		}
		for _, in := range s.challenges {
			hc, err := httpauth.ParseChallenge(in)
			if err != nil {
				t.Fatalf("%s: sample %q: %v", dir, in, err)
			}
			try("ParseChallenge", httpauth.Credentials(hc), func(c httpauth.Credentials) error { return e.challenge(httpauth.Challenge(c)) })
		}
		for _, in := range s.credentials {
			hc, err := httpauth.ParseCredentials(in)
			if err != nil {
				t.Fatalf("%s: sample %q: %v", dir, in, err)
			}
			try("ParseCredentials", hc, e.credentials)
			for call, f := range e.others {
				try(call, hc, f)
			}
		}
		for _, in := range s.infos {
			ps, err := httpauth.ParseParams(in)
			if err != nil {
				t.Fatalf("%s: sample %q: %v", dir, in, err)
			}
			try("ParseInfo", httpauth.Credentials{Params: ps}, func(c httpauth.Credentials) error { return e.info(c.Params) })
		}
		for _, call := range slices.Sorted(maps.Keys(tallies)) {
			tallies[call].report(t, dir+"."+call)
		}
	}
}

// stringParsers are the Parse and Decode functions that read a string or
// bytes from the input rather than a root value, each with templates in
// which "§" stands for the secret.
var stringParsers = map[string]struct {
	f         func(string) error
	templates []string
}{
	"httpauth.ParseChallenge":  {errOf(httpauth.ParseChallenge), []string{`Basic realm="§"`, "Negotiate §", "§ realm=x", "Digest §=x"}},
	"httpauth.ParseChallenges": {errOf(func(s string) ([]httpauth.Challenge, error) { return httpauth.ParseChallenges(s) }), []string{`Basic realm="§", Bearer §`, "§ realm=x"}},
	"httpauth.ParseCredentials": {errOf(httpauth.ParseCredentials), []string{
		"Bearer §", `Digest username="u", response="§"`, "Basic §, Basic x", "§", `Digest response=§`}},
	"httpauth.ParseParams":    {errOf(func(s string) (httpauth.Params, error) { return httpauth.ParseParams(s) }), []string{`rspauth="§", cnonce=§`, "§=x"}},
	"httpauth.DecodeExtValue": {func(s string) error { _, _, err := httpauth.DecodeExtValue(s); return err }, []string{"UTF-8''§", "§''x", "UTF-8'§'x"}},
	"aws4.ParseFieldValue": {errOf(aws4.ParseFieldValue), []string{
		"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=§",
		"AWS4-HMAC-SHA256 Credential=§/20150830/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"}},
	"aws4.ParseScope":                   {errOf(aws4.ParseScope), []string{"§/20150830/us-east-1/iam/aws4_request", "AKID/§/us-east-1/iam/aws4_request", "AKID/20150830/us-east-1/iam/§"}},
	"hoba.ParseResult":                  {errOf(hoba.ParseResult), []string{"a2lk.MTIz.bm9u.§", "§.MTIz.bm9u.c2ln", "a2lk.§"}},
	"vapid.ParseJWT":                    {errOf(vapid.ParseJWT), []string{"eyJhbGciOiJFUzI1NiJ9.e30.§", "§.e30.c2ln", "eyJhbGciOiJFUzI1NiJ9.§.c2ln"}},
	"vapid.DecodeKey":                   {errOf(vapid.DecodeKey), []string{"§", "B§"}},
	"privatetoken.DecodeTokenChallenge": {func(s string) error { _, err := privatetoken.DecodeTokenChallenge([]byte(s)); return err }, []string{"\x00\x02\x00\x10§", "\x00\x02\x00\x0eissuer.example\x00\x10§"}},
	"scram.ParseAttrs":                  {errOf(scram.ParseAttrs), []string{"r=x,p=§", "§"}},
	"scram.ParseClientFirst":            {func(s string) error { _, _, _, err := scram.ParseClientFirst(s); return err }, []string{"n,,n=§,r=x", "§,,n=u,r=x", "n,,n=u,§"}},
	"oauth1.PercentDecode":              {errOf(oauth1.PercentDecode), []string{"§", "a%§"}},
}

// No function that reads a string from the input puts a secret of it in an
// error, and every such function of the module is in the table.
func TestStringParserErrorsHoldNoSecret(t *testing.T) {
	listed := map[string]bool{}
	for _, p := range packages(t) {
		for _, d := range p.exported() {
			if d.recv != "" || d.fn == nil || !readsInput(d.name) {
				continue
			}
			params, results := fields(d.fn.Type.Params, d.file), fields(d.fn.Type.Results, d.file)
			if len(results) == 0 || results[len(results)-1] != "error" || len(params) == 0 {
				continue
			}
			key := p.name + "." + d.name
			if strings.HasPrefix(params[0], "httpauth.") {
				continue // reads a root value: TestSchemeErrorsHoldNoSecret
			}
			listed[key] = true
			if _, ok := stringParsers[key]; !ok {
				t.Errorf("%s reads %s from the input but is not in stringParsers of redact_test.go", key, params[0])
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(stringParsers)) {
		sp := stringParsers[key]
		if !listed[key] {
			t.Errorf("stringParsers lists %s, which the module does not declare (or which reads no string)", key)
		}
		var ty tally
		for _, tmpl := range sp.templates {
			for _, v := range variants(secret) {
				in := strings.ReplaceAll(tmpl, "§", v)
				ty.add(fmt.Sprintf("%q", in), sp.f(in))
			}
		}
		ty.report(t, key)
	}
}

// readsInput reports whether a function named name reads input: Parse...
// (but MustParse..., which panics by design) and Decode... functions.
func readsInput(name string) bool {
	return strings.HasPrefix(name, "Parse") || strings.HasPrefix(name, "Decode") || strings.HasSuffix(name, "Decode")
}
