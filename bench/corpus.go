// Package bench compares httpauth with the other Go parsers of the HTTP
// authentication fields (RFC 9110 section 11), for speed
// (BenchmarkCompare, BenchmarkScaling) and for correctness (the conformance
// test and cmd/conformance). It is its own module so that the parsers it
// compares against never enter the root go.mod.
package bench

import "encoding/base64"

// Field says which header a case is a value of.
type Field uint8

const (
	// Challenges is a WWW-Authenticate or Proxy-Authenticate field
	// (#challenge).
	Challenges Field = iota
	// Credentials is an Authorization or Proxy-Authorization value (one
	// credentials).
	Credentials
)

func (f Field) String() string {
	if f == Credentials {
		return "Authorization"
	}
	return "WWW-Authenticate"
}

// Param is one auth-param in the common shape every implementation's output
// is normalized to.
type Param struct{ Name, Value string }

// Auth is one challenge or credentials in the common shape.
type Auth struct {
	Scheme  string
	Token68 string
	Params  []Param
}

// Tags of the features a case exercises; the conformance summary counts
// each implementation's correct answers per tag.
const (
	TagMulti     = "multi-challenge"
	TagLines     = "several lines"
	TagToken68   = "token68"
	TagEscape    = "escapes"
	TagBWS       = "BWS"
	TagEmpty     = "empty elements"
	TagDup       = "duplicates"
	TagLenient   = "lenient"
	TagInvalid   = "invalid"
	TagRealistic = "realistic"
)

// Case is one input with its expected value, written by hand.
type Case struct {
	Name    string
	Field   Field
	Lines   []string // field lines, in order
	Lenient bool     // httpauth parses it in lenient mode
	Want    []Auth   // expected challenges (or the one credentials)
	WantErr bool     // a strict parser must reject it
	Tags    []string
	// Bench marks the cases of BenchmarkCompare (the realistic corpus);
	// the others are for the conformance table only.
	Bench bool
	// Source is "corpus" or the golden file the case was read from.
	Source string
}

// Bytes is the length of the input (all lines), for b.SetBytes.
func (c *Case) Bytes() int {
	n := 0
	for _, l := range c.Lines {
		n += len(l)
	}
	return n
}

// HasTag reports whether c carries tag t.
func (c *Case) HasTag(t string) bool {
	for _, x := range c.Tags {
		if x == t {
			return true
		}
	}
	return false
}

// pseudoBytes returns n deterministic bytes (a 32-bit LCG) starting with
// prefix, to build base64 tokens of a realistic length (SPNEGO tokens are
// DER, so they start with 0x60 0x82 or 0xa1 0x81).
func pseudoBytes(n int, prefix ...byte) []byte {
	b := make([]byte, n)
	copy(b, prefix)
	x := uint32(2463534242)
	for i := len(prefix); i < n; i++ {
		x = x*1664525 + 1013904223
		b[i] = byte(x >> 24)
	}
	return b
}

var (
	// A SPNEGO/Kerberos AP-REQ as a browser sends it: ~1.6 KB of base64.
	negotiateAuthz = base64.StdEncoding.EncodeToString(pseudoBytes(1205, 0x60, 0x82, 0x04, 0xb1))
)

// The root package's negotiate token (cases_test.go), a short SPNEGO token.
const negotiateChal = "YIIBdgYJKoZIhvcSAQICAQBuggFlMIIBYaADAgEFoQMCAQ6iBwMFACAAAACjggEFYYIBATCB/qADAgEFoQ0bC0VYQU1QTEUuQ09NohswGaADAgEDoRIwEBsESFRUUBsIc2VydmVyMDGjgcowgcegAwIBF6EDAgEBooG6BIG3=="

const (
	jwtToken     = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjFlOWdkazcifQ.eyJpc3MiOiJodHRwczovL2FjY291bnRzLmV4YW1wbGUuY29tIiwic3ViIjoiMjQ4Mjg5NzYxMDAxIiwiYXVkIjoiczZCaGRSa3F0MyIsIm5vbmNlIjoibi0wUzZfV3pBMk1qIiwiZXhwIjoxMzExMjgxOTcwLCJpYXQiOjEzMTEyODA5NzB9.ggW8hZ1EuVLuxNuuIJKX_V8a_OMXzR0EHR9R6jgdqrOOF4daGU96Sr_P6qJp6IcmD3HP99Obi1PRs-cwh3LO-p146waJ8IhehcwL7F09JdijmBqkvPeB2T9CJNqeGpe-gccMg4vfKjkM8FcGvnzZUN4_KSP0aAp1tOJ1zZwgjxqGByKHiOtX7TpdQyHE5lcMiKPXfEIQILVq0pc_E2DzL7emopWoaoZTF_m0_N0YzFC6g6EJbOEoRoSK5hoDalrcvRYLSrQAZZKflyuVCyixEoV9GfNQC3_osjzw2PAithfubEEBLuVVk4XUVrWOLrLl0nx7RkKU8NXNHq-rvKMzqg"
	digestNonce  = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"
	digestOpaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
)

func ps(kv ...string) []Param {
	out := make([]Param, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, Param{kv[i], kv[i+1]})
	}
	return out
}

// Corpus is the hand-written set: realistic headers as servers and clients
// send them (Bench: true), then small inputs that isolate one feature of the
// grammar for the conformance table.
var Corpus = []Case{
	// --- WWW-Authenticate, realistic ---
	{
		// Docker Hub's registry answer to an anonymous pull.
		Name:  "docker-bearer",
		Field: Challenges,
		Lines: []string{`Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull"`},
		Want: []Auth{{Scheme: "Bearer", Params: ps(
			"realm", "https://auth.docker.io/token",
			"service", "registry.docker.io",
			"scope", "repository:library/ubuntu:pull")}},
		Tags:  []string{TagRealistic},
		Bench: true,
	},
	{
		// RFC 7616 section 3.9.1, the MD5 challenge.
		Name:  "digest-md5",
		Field: Challenges,
		Lines: []string{`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="` + digestNonce + `", opaque="` + digestOpaque + `"`},
		Want: []Auth{{Scheme: "Digest", Params: ps(
			"realm", "http-auth@example.org",
			"qop", "auth, auth-int",
			"algorithm", "MD5",
			"nonce", digestNonce,
			"opaque", digestOpaque)}},
		Tags:  []string{TagRealistic},
		Bench: true,
	},
	{
		// RFC 7616 section 3.9.2, SHA-512-256 with userhash and charset.
		Name:  "digest-sha512",
		Field: Challenges,
		Lines: []string{`Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", charset=UTF-8, userhash=true`},
		Want: []Auth{{Scheme: "Digest", Params: ps(
			"realm", "api@example.org",
			"qop", "auth",
			"algorithm", "SHA-512-256",
			"nonce", "5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK",
			"opaque", "HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS",
			"charset", "UTF-8",
			"userhash", "true")}},
		Tags:  []string{TagRealistic},
		Bench: true,
	},
	{
		// RFC 7616 section 3.9.1 sends the SHA-256 and the MD5 challenge as
		// two field lines.
		Name:  "digest-2lines",
		Field: Challenges,
		Lines: []string{
			`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="` + digestNonce + `", opaque="` + digestOpaque + `"`,
			`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="` + digestNonce + `", opaque="` + digestOpaque + `"`,
		},
		Want: []Auth{
			{Scheme: "Digest", Params: ps("realm", "http-auth@example.org", "qop", "auth, auth-int", "algorithm", "SHA-256", "nonce", digestNonce, "opaque", digestOpaque)},
			{Scheme: "Digest", Params: ps("realm", "http-auth@example.org", "qop", "auth, auth-int", "algorithm", "MD5", "nonce", digestNonce, "opaque", digestOpaque)},
		},
		Tags:  []string{TagRealistic, TagMulti, TagLines},
		Bench: true,
	},
	{
		// RFC 7617 section 2.1's challenge (the root package's "basic"
		// challenge case).
		Name:  "basic-realm",
		Field: Challenges,
		Lines: []string{`Basic realm="WallyWorld", charset="UTF-8"`},
		Want:  []Auth{{Scheme: "Basic", Params: ps("realm", "WallyWorld", "charset", "UTF-8")}},
		Tags:  []string{TagRealistic},
		Bench: true,
	},
	{
		// The root package's "multi" case (cases_test.go): RFC 7616's two
		// Digest challenges, then Basic, Bearer and a bare Negotiate, on one
		// line.
		Name:  "multi",
		Field: Challenges,
		Lines: []string{`Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="` + digestNonce + `", opaque="` + digestOpaque + `", Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="` + digestNonce + `", opaque="` + digestOpaque + `", Basic realm="http-auth@example.org", Bearer realm="example", Negotiate`},
		Want: []Auth{
			{Scheme: "Digest", Params: ps("realm", "http-auth@example.org", "qop", "auth, auth-int", "algorithm", "SHA-256", "nonce", digestNonce, "opaque", digestOpaque)},
			{Scheme: "Digest", Params: ps("realm", "http-auth@example.org", "qop", "auth, auth-int", "algorithm", "MD5", "nonce", digestNonce, "opaque", digestOpaque)},
			{Scheme: "Basic", Params: ps("realm", "http-auth@example.org")},
			{Scheme: "Bearer", Params: ps("realm", "example")},
			{Scheme: "Negotiate"},
		},
		Tags:  []string{TagRealistic, TagMulti},
		Bench: true,
	},
	{
		// An API gateway offering three schemes on one line: a scheme
		// alone, a Bearer with an error (RFC 6750) and a Basic.
		Name:  "gateway-multi",
		Field: Challenges,
		Lines: []string{`Negotiate, Bearer realm="https://login.example.com/", error="invalid_token", error_description="The access token expired", Basic realm="example", charset="UTF-8"`},
		Want: []Auth{
			{Scheme: "Negotiate"},
			{Scheme: "Bearer", Params: ps("realm", "https://login.example.com/", "error", "invalid_token", "error_description", "The access token expired")},
			{Scheme: "Basic", Params: ps("realm", "example", "charset", "UTF-8")},
		},
		Tags:  []string{TagRealistic, TagMulti},
		Bench: true,
	},
	{
		// IIS with Windows authentication: one field line per scheme.
		Name:  "multi-lines",
		Field: Challenges,
		Lines: []string{`Negotiate`, `NTLM`, `Basic realm="intranet.example.com"`},
		Want: []Auth{
			{Scheme: "Negotiate"},
			{Scheme: "NTLM"},
			{Scheme: "Basic", Params: ps("realm", "intranet.example.com")},
		},
		Tags:  []string{TagRealistic, TagMulti, TagLines},
		Bench: true,
	},
	{
		// The server's answer that completes SPNEGO mutual authentication
		// (the root package's "negotiate" token).
		Name:  "negotiate",
		Field: Challenges,
		Lines: []string{"Negotiate " + negotiateChal},
		Want:  []Auth{{Scheme: "Negotiate", Token68: negotiateChal}},
		Tags:  []string{TagRealistic, TagToken68},
		Bench: true,
	},
	{
		// RFC 9728 protected resource metadata, as MCP servers send it.
		Name:  "bearer-resource-metadata",
		Field: Challenges,
		Lines: []string{`Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource", scope="files:read files:write", error="insufficient_scope"`},
		Want: []Auth{{Scheme: "Bearer", Params: ps(
			"resource_metadata", "https://mcp.example.com/.well-known/oauth-protected-resource",
			"scope", "files:read files:write",
			"error", "insufficient_scope")}},
		Tags:  []string{TagRealistic},
		Bench: true,
	},
	{
		// RFC 9110 section 11.6.1's example: two challenges, escapes.
		Name:  "rfc9110-escapes",
		Field: Challenges,
		Lines: []string{`Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple"`},
		Want: []Auth{
			{Scheme: "Newauth", Params: ps("realm", "apps", "type", "1", "title", `Login to "apps"`)},
			{Scheme: "Basic", Params: ps("realm", "simple")},
		},
		Tags:  []string{TagRealistic, TagMulti, TagEscape},
		Bench: true,
	},

	{
		// gin-jwt's default challenge: an unquoted value with a space,
		// which strict RFC 9110 rejects; httpauth reads it leniently.
		Name:    "jwt-gin-lenient",
		Field:   Challenges,
		Lines:   []string{`JWT realm=gin jwt`},
		Lenient: true,
		Want:    []Auth{{Scheme: "JWT", Params: ps("realm", "gin jwt")}},
		Tags:    []string{TagRealistic, TagLenient},
	},
	{
		// A ';' after the scheme, as some embedded servers send it.
		Name:    "basic-semicolon-lenient",
		Field:   Challenges,
		Lines:   []string{`Basic; realm="Secured area"`},
		Lenient: true,
		Want:    []Auth{{Scheme: "Basic", Params: ps("realm", "Secured area")}},
		Tags:    []string{TagRealistic, TagLenient},
	},
	{
		// A good challenge, then gin-jwt's: lenient mode keeps both.
		Name:    "basic-then-jwt-lenient",
		Field:   Challenges,
		Lines:   []string{`Basic realm="x", JWT realm=gin jwt`},
		Lenient: true,
		Want: []Auth{
			{Scheme: "Basic", Params: ps("realm", "x")},
			{Scheme: "JWT", Params: ps("realm", "gin jwt")},
		},
		Tags: []string{TagLenient, TagMulti},
	},
	// --- Authorization, realistic ---
	{
		// RFC 7617's example credentials.
		Name:  "basic",
		Field: Credentials,
		Lines: []string{`Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==`},
		Want:  []Auth{{Scheme: "Basic", Token68: "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}},
		Tags:  []string{TagRealistic, TagToken68},
		Bench: true,
	},
	{
		// An OpenID Connect ID token (RFC 6750 Bearer).
		Name:  "bearer-jwt",
		Field: Credentials,
		Lines: []string{"Bearer " + jwtToken},
		Want:  []Auth{{Scheme: "Bearer", Token68: jwtToken}},
		Tags:  []string{TagRealistic, TagToken68},
		Bench: true,
	},
	{
		// RFC 7616 section 3.9.1's Authorization (MD5).
		Name:  "digest-authz",
		Field: Credentials,
		Lines: []string{`Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="` + digestNonce + `", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="` + digestOpaque + `"`},
		Want: []Auth{{Scheme: "Digest", Params: ps(
			"username", "Mufasa",
			"realm", "http-auth@example.org",
			"uri", "/dir/index.html",
			"algorithm", "MD5",
			"nonce", digestNonce,
			"nc", "00000001",
			"cnonce", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
			"qop", "auth",
			"response", "8ca523f5e9506fed4657c9700eebdbec",
			"opaque", digestOpaque)}},
		Tags:  []string{TagRealistic},
		Bench: true,
	},
	{
		// A Kerberos ticket wrapped in SPNEGO, as a browser sends it.
		Name:  "negotiate-authz",
		Field: Credentials,
		Lines: []string{"Negotiate " + negotiateAuthz},
		Want:  []Auth{{Scheme: "Negotiate", Token68: negotiateAuthz}},
		Tags:  []string{TagRealistic, TagToken68},
		Bench: true,
	},
	{
		// AWS Signature Version 4: unquoted values holding '/' and ';',
		// which strict RFC 9110 rejects; httpauth reads it leniently.
		Name:    "aws-sigv4",
		Field:   Credentials,
		Lines:   []string{`AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7`},
		Lenient: true,
		Want: []Auth{{Scheme: "AWS4-HMAC-SHA256", Params: ps(
			"Credential", "AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request",
			"SignedHeaders", "content-type;host;x-amz-date",
			"Signature", "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")}},
		Tags:  []string{TagRealistic, TagLenient},
		Bench: true,
	},

	// --- one feature each, conformance only ---
	{
		Name:  "bws-around-equals",
		Field: Challenges,
		Lines: []string{`Basic realm = "x" , charset= UTF-8`},
		Want:  []Auth{{Scheme: "Basic", Params: ps("realm", "x", "charset", "UTF-8")}},
		Tags:  []string{TagBWS},
	},
	{
		Name:  "bws-digest-authz",
		Field: Credentials,
		Lines: []string{`Digest username = "Mufasa" ,realm="r", nonce ="n", uri= "/", response = "abc"`},
		Want:  []Auth{{Scheme: "Digest", Params: ps("username", "Mufasa", "realm", "r", "nonce", "n", "uri", "/", "response", "abc")}},
		Tags:  []string{TagBWS},
	},
	{
		Name:  "empty-elements",
		Field: Challenges,
		Lines: []string{`, Basic realm="a",, , Bearer realm="b" ,`},
		Want: []Auth{
			{Scheme: "Basic", Params: ps("realm", "a")},
			{Scheme: "Bearer", Params: ps("realm", "b")},
		},
		Tags: []string{TagEmpty, TagMulti},
	},
	{
		Name:  "empty-after-scheme",
		Field: Challenges,
		Lines: []string{`Basic , realm="x"`},
		Want:  []Auth{{Scheme: "Basic", Params: ps("realm", "x")}},
		Tags:  []string{TagEmpty},
	},
	{
		Name:  "empty-line",
		Field: Challenges,
		Lines: []string{`Bearer realm="a"`, ``, `Basic realm="b"`},
		Want: []Auth{
			{Scheme: "Bearer", Params: ps("realm", "a")},
			{Scheme: "Basic", Params: ps("realm", "b")},
		},
		Tags: []string{TagEmpty, TagLines, TagMulti},
	},
	{
		Name:    "duplicate-param",
		Field:   Challenges,
		Lines:   []string{`Basic realm="a", realm="b"`},
		WantErr: true,
		Tags:    []string{TagDup, TagInvalid},
	},
	{
		Name:    "duplicate-param-case",
		Field:   Credentials,
		Lines:   []string{`Digest username="a", Username="b", realm="r", nonce="n", uri="/", response="x"`},
		WantErr: true,
		Tags:    []string{TagDup, TagInvalid},
	},
	{
		Name:  "token68-padding-multi",
		Field: Challenges,
		Lines: []string{`Negotiate YIIBhg==, Basic realm="x"`},
		Want: []Auth{
			{Scheme: "Negotiate", Token68: "YIIBhg=="},
			{Scheme: "Basic", Params: ps("realm", "x")},
		},
		Tags: []string{TagToken68, TagMulti},
	},
	{
		// "abc=" is a token68 ending in padding, not a param (DESIGN 3).
		Name:  "token68-one-equals",
		Field: Credentials,
		Lines: []string{`Basic dXNlcjpwYXNzd29yZDE=`},
		Want:  []Auth{{Scheme: "Basic", Token68: "dXNlcjpwYXNzd29yZDE="}},
		Tags:  []string{TagToken68},
	},
	{
		Name:  "escapes-backslash",
		Field: Challenges,
		Lines: []string{`Basic realm="a\\b\"c\d"`},
		Want:  []Auth{{Scheme: "Basic", Params: ps("realm", `a\b"cd`)}},
		Tags:  []string{TagEscape},
	},
	{
		Name:  "escapes-comma-in-quotes",
		Field: Challenges,
		Lines: []string{`Bearer realm="a, b=c", Basic realm="\", Basic"`},
		Want: []Auth{
			{Scheme: "Bearer", Params: ps("realm", "a, b=c")},
			{Scheme: "Basic", Params: ps("realm", `", Basic`)},
		},
		Tags: []string{TagEscape, TagMulti},
	},
	{
		Name:  "escapes-digest-authz",
		Field: Credentials,
		Lines: []string{`Digest username="Mu\"fa\\sa", realm="r", nonce="n", uri="/", response="abc"`},
		Want:  []Auth{{Scheme: "Digest", Params: ps("username", `Mu"fa\sa`, "realm", "r", "nonce", "n", "uri", "/", "response", "abc")}},
		Tags:  []string{TagEscape},
	},
	{
		Name:  "case-insensitive-scheme",
		Field: Credentials,
		Lines: []string{`bearer ` + "mF_9.B5f-4.1JqM"},
		Want:  []Auth{{Scheme: "bearer", Token68: "mF_9.B5f-4.1JqM"}},
		Tags:  []string{TagToken68},
	},
	{
		// Schemes compare case-insensitively (RFC 9110 section 11.1).
		Name:  "digest-authz-lowercase-scheme",
		Field: Credentials,
		Lines: []string{`digest username="a", realm="r", nonce="n", uri="/", response="x"`},
		Want:  []Auth{{Scheme: "digest", Params: ps("username", "a", "realm", "r", "nonce", "n", "uri", "/", "response", "x")}},
	},
	{
		// A space inside a token68 is no token68, nor anything else.
		Name:    "bearer-space-in-token",
		Field:   Credentials,
		Lines:   []string{`Bearer abc def`},
		WantErr: true,
		Tags:    []string{TagInvalid, TagToken68},
	},
	{
		Name:    "unterminated-quote",
		Field:   Challenges,
		Lines:   []string{`Basic realm="abc`},
		WantErr: true,
		Tags:    []string{TagInvalid},
	},
	{
		Name:    "param-after-token68",
		Field:   Credentials,
		Lines:   []string{`Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==, realm="x"`},
		WantErr: true,
		Tags:    []string{TagInvalid, TagToken68},
	},
}

// BenchCases returns the cases of BenchmarkCompare.
func BenchCases() []*Case {
	var out []*Case
	for i := range Corpus {
		if Corpus[i].Bench {
			out = append(out, &Corpus[i])
		}
	}
	return out
}

func init() {
	for i := range Corpus {
		Corpus[i].Source = "corpus"
	}
}
