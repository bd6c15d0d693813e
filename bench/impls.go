package bench

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	goauth "github.com/abbot/go-http-auth"
	"github.com/authwire/httpauth"
	ctrauth "github.com/containerd/containerd/v2/core/remotes/docker/auth"
	"github.com/docker/distribution/registry/client/auth/challenge"
	jwtrequest "github.com/golang-jwt/jwt/v5/request"
	"github.com/icholy/digest"
	"github.com/modelcontextprotocol/go-sdk/oauthex"
)

// Impl is one parser under comparison. Parse runs it the way its users call
// it and normalizes the result to the common shape; View restricts an
// expected value to what the implementation can represent (its scheme
// filter, the parameters it extracts, its ordering), so that it is judged on
// what it claims to do and nothing more.
type Impl struct {
	Name  string
	Field Field
	// Schemes are the schemes it handles, lower case; nil means any.
	Schemes []string
	// Errors reports whether it can say "invalid input" (an error, nil or
	// ok=false). Those that cannot are judged on invalid inputs by whether
	// they return nothing.
	Errors bool
	// API is how it is called, for the README.
	API   string
	Parse func(c *Case) ([]Auth, error)
	View  func(want []Auth) []Auth
}

// Handles reports whether impl runs on c: same field, and one of the
// schemes it handles appears in c.
func (im *Impl) Handles(c *Case) bool {
	if im.Field != c.Field {
		return false
	}
	if im.Schemes == nil {
		return true
	}
	for _, s := range caseSchemes(c) {
		for _, t := range im.Schemes {
			if strings.EqualFold(s, t) {
				return true
			}
		}
	}
	return false
}

// caseSchemes returns the schemes of c: those of Want, or for an invalid
// input, the first token of each line.
func caseSchemes(c *Case) []string {
	var out []string
	for _, a := range c.Want {
		out = append(out, a.Scheme)
	}
	if c.WantErr {
		for _, l := range c.Lines {
			l = strings.TrimLeft(l, " \t,")
			if i := strings.IndexAny(l, " \t,"); i >= 0 {
				l = l[:i]
			}
			out = append(out, l)
		}
	}
	return out
}

func fromHTTPAuth(cs []httpauth.Challenge) []Auth {
	out := make([]Auth, 0, len(cs))
	for _, c := range cs {
		a := Auth{Scheme: c.Scheme, Token68: c.Token68}
		for _, p := range c.Params {
			a.Params = append(a.Params, Param{p.Name, p.Value})
		}
		out = append(out, a)
	}
	return out
}

func fromMap(scheme string, m map[string]string) Auth {
	a := Auth{Scheme: scheme}
	for k, v := range m {
		a.Params = append(a.Params, Param{k, v})
	}
	return a
}

func header(name string, lines []string) http.Header {
	return http.Header{http.CanonicalHeaderKey(name): lines}
}

// netLines returns c's lines as net/http hands them to its users: without
// leading and trailing OWS (textproto trims field values). Every other
// parser gets its input this way, since its users read it from an
// http.Header; httpauth gets the raw lines and must trim them itself.
func netLines(c *Case) []string {
	out := make([]string, len(c.Lines))
	for i, l := range c.Lines {
		out[i] = strings.Trim(l, " \t")
	}
	return out
}

// filterSchemes keeps the challenges whose scheme is one of schemes.
func filterSchemes(want []Auth, schemes ...string) []Auth {
	var out []Auth
	for _, a := range want {
		for _, s := range schemes {
			if strings.EqualFold(a.Scheme, s) {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// keepParams keeps the params named in names (case-insensitively) and
// drops empty values, for parsers that extract fixed fields.
func keepParams(a Auth, names ...string) Auth {
	out := Auth{Scheme: a.Scheme, Token68: a.Token68}
	for _, p := range a.Params {
		for _, n := range names {
			if strings.EqualFold(p.Name, n) && p.Value != "" {
				out.Params = append(out.Params, Param{n, p.Value})
				break
			}
		}
	}
	return out
}

func boolParam(a *Auth, name string, v bool) {
	if v {
		a.Params = append(a.Params, Param{name, "true"})
	}
}

func strParam(a *Auth, name, v string) {
	if v != "" {
		a.Params = append(a.Params, Param{name, v})
	}
}

// Impls lists every implementation, httpauth first.
var Impls = []*Impl{
	{
		Name:   "httpauth",
		Field:  Challenges,
		Errors: true,
		API:    "httpauth.ParseChallenges(lines...) (lenient cases: a new Parser{Lenient: true} per call)",
		Parse: func(c *Case) ([]Auth, error) {
			if c.Lenient {
				p := httpauth.Parser{Lenient: true}
				cs, err := p.ParseChallenges(nil, c.Lines...)
				return fromHTTPAuth(cs), err
			}
			cs, err := httpauth.ParseChallenges(c.Lines...)
			return fromHTTPAuth(cs), err
		},
	},
	{
		Name:   "httpauth",
		Field:  Credentials,
		Errors: true,
		API:    "httpauth.ParseCredentials(value) (lenient cases: a new Parser{Lenient: true} per call)",
		Parse: func(c *Case) ([]Auth, error) {
			var cr httpauth.Credentials
			var err error
			if c.Lenient {
				p := httpauth.Parser{Lenient: true}
				cr, err = p.ParseCredentials(nil, c.Lines[0])
			} else {
				cr, err = httpauth.ParseCredentials(c.Lines[0])
			}
			if err != nil {
				return nil, err
			}
			return fromHTTPAuth([]httpauth.Challenge{httpauth.Challenge(cr)}), nil
		},
	},
	{
		Name:   "httpauth-parser",
		Field:  Challenges,
		Errors: true,
		API:    "(*httpauth.Parser).ParseChallenges(dst[:0], lines...), Parser and dst reused",
		Parse: func(c *Case) ([]Auth, error) {
			p := httpauth.Parser{Lenient: c.Lenient}
			var dst []httpauth.Challenge
			var err error
			for range 2 { // the second call reuses dst, as the benchmark does
				dst, err = p.ParseChallenges(dst[:0], c.Lines...)
			}
			return fromHTTPAuth(dst), err
		},
	},
	{
		Name:   "httpauth-parser",
		Field:  Credentials,
		Errors: true,
		API:    "(*httpauth.Parser).ParseCredentials(c.Params[:0], value), Parser and Params reused",
		Parse: func(c *Case) ([]Auth, error) {
			p := httpauth.Parser{Lenient: c.Lenient}
			var cr httpauth.Credentials
			var err error
			for range 2 {
				cr, err = p.ParseCredentials(cr.Params[:0], c.Lines[0])
			}
			if err != nil {
				return nil, err
			}
			return fromHTTPAuth([]httpauth.Challenge{httpauth.Challenge(cr)}), nil
		},
	},
	{
		Name:    "containerd",
		Field:   Challenges,
		Schemes: []string{"basic", "digest", "bearer"},
		API:     "containerd/v2/core/remotes/docker/auth.ParseAuthHeader(resp.Header)",
		Parse: func(c *Case) ([]Auth, error) {
			var out []Auth
			for _, ch := range ctrauth.ParseAuthHeader(header("WWW-Authenticate", netLines(c))) {
				var s string
				switch ch.Scheme {
				case ctrauth.BasicAuth:
					s = "basic"
				case ctrauth.DigestAuth:
					s = "digest"
				case ctrauth.BearerAuth:
					s = "bearer"
				}
				out = append(out, fromMap(s, ch.Parameters))
			}
			return out, nil
		},
		View: func(want []Auth) []Auth {
			// Only Basic, Digest and Bearer, sorted Bearer > Digest > Basic.
			out := filterSchemes(want, "basic", "digest", "bearer")
			rank := map[string]int{"bearer": 0, "digest": 1, "basic": 2}
			sort.SliceStable(out, func(i, j int) bool {
				return rank[strings.ToLower(out[i].Scheme)] < rank[strings.ToLower(out[j].Scheme)]
			})
			return out
		},
	},
	{
		Name:  "distribution",
		Field: Challenges,
		API:   "docker/distribution/registry/client/auth/challenge.ResponseChallenges(resp)",
		Parse: func(c *Case) ([]Auth, error) {
			resp := &http.Response{StatusCode: http.StatusUnauthorized, Header: header("WWW-Authenticate", netLines(c))}
			var out []Auth
			for _, ch := range challenge.ResponseChallenges(resp) {
				out = append(out, fromMap(ch.Scheme, ch.Parameters))
			}
			return out, nil
		},
	},
	{
		Name:    "oras",
		Field:   Challenges,
		Schemes: []string{"basic", "bearer"},
		API:     "oras-go/v2/registry/remote/auth: parseChallenge(value), one field line (unexported; see linkname.go)",
		Parse: func(c *Case) ([]Auth, error) {
			var out []Auth
			for _, l := range netLines(c) {
				switch scheme, params := orasParseChallenge(l); scheme {
				case 1:
					out = append(out, Auth{Scheme: "basic"})
				case 2:
					out = append(out, fromMap("bearer", params))
				}
			}
			return out, nil
		},
		View: func(want []Auth) []Auth {
			// The first challenge of each line, Basic (no params) or
			// Bearer.
			var out []Auth
			for _, a := range filterSchemes(want, "basic", "bearer") {
				if strings.EqualFold(a.Scheme, "basic") {
					a = Auth{Scheme: a.Scheme}
				}
				out = append(out, a)
			}
			return out
		},
	},
	{
		Name:  "ggcr",
		Field: Challenges,
		API:   "go-containerregistry pkg/v1/remote/transport: authchallenge.ResponseChallenges(resp) (internal; see linkname.go)",
		Parse: func(c *Case) ([]Auth, error) {
			resp := &http.Response{StatusCode: http.StatusUnauthorized, Header: header("WWW-Authenticate", netLines(c))}
			var out []Auth
			for _, ch := range ggcrResponseChallenges(resp) {
				out = append(out, fromMap(ch.Scheme, ch.Parameters))
			}
			return out, nil
		},
	},
	{
		Name:   "regclient",
		Field:  Challenges,
		Errors: true,
		API:    "regclient internal/auth.ParseAuthHeaders(resp.Header[\"Www-Authenticate\"]) (internal; see linkname.go)",
		Parse: func(c *Case) ([]Auth, error) {
			cs, err := regclientParseAuthHeaders(netLines(c))
			if err != nil {
				return nil, err
			}
			var out []Auth
			for _, ch := range cs {
				out = append(out, fromMap(ch.authType, ch.params))
			}
			return out, nil
		},
	},
	{
		Name:   "mcp",
		Field:  Challenges,
		Errors: true,
		API:    "modelcontextprotocol/go-sdk/oauthex.ParseWWWAuthenticate(resp.Header[\"Www-Authenticate\"])",
		Parse: func(c *Case) ([]Auth, error) {
			cs, err := oauthex.ParseWWWAuthenticate(netLines(c))
			if err != nil {
				return nil, err
			}
			var out []Auth
			for _, ch := range cs {
				out = append(out, fromMap(ch.Scheme, ch.Params))
			}
			return out, nil
		},
	},
	{
		Name:    "icholy-digest",
		Field:   Challenges,
		Schemes: []string{"digest"},
		Errors:  true,
		API:     "icholy/digest.ParseChallenge(value) (FindChallenge(resp.Header) on several lines)",
		Parse: func(c *Case) ([]Auth, error) {
			var ch *digest.Challenge
			var err error
			if len(c.Lines) == 1 {
				ch, err = digest.ParseChallenge(netLines(c)[0])
			} else {
				ch, err = digest.FindChallenge(header("WWW-Authenticate", netLines(c)))
			}
			if err != nil {
				return nil, err
			}
			a := Auth{Scheme: "Digest"}
			strParam(&a, "realm", ch.Realm)
			strParam(&a, "domain", strings.Join(ch.Domain, " "))
			strParam(&a, "nonce", ch.Nonce)
			strParam(&a, "opaque", ch.Opaque)
			boolParam(&a, "stale", ch.Stale)
			strParam(&a, "algorithm", ch.Algorithm)
			strParam(&a, "qop", strings.Join(ch.QOP, ","))
			strParam(&a, "charset", ch.Charset)
			boolParam(&a, "userhash", ch.Userhash)
			return []Auth{a}, nil
		},
		View: func(want []Auth) []Auth {
			// The first Digest challenge, its known fields only.
			ds := filterSchemes(want, "digest")
			if len(ds) == 0 {
				return nil
			}
			a := keepParams(ds[0], "realm", "domain", "nonce", "opaque", "algorithm", "qop", "charset")
			for _, p := range ds[0].Params {
				if (strings.EqualFold(p.Name, "stale") || strings.EqualFold(p.Name, "userhash")) && strings.EqualFold(p.Value, "true") {
					a.Params = append(a.Params, Param{strings.ToLower(p.Name), "true"})
				}
			}
			return []Auth{a}
		},
	},
	{
		Name:    "icholy-digest",
		Field:   Credentials,
		Schemes: []string{"digest"},
		Errors:  true,
		API:     "icholy/digest.ParseCredentials(value)",
		Parse: func(c *Case) ([]Auth, error) {
			cr, err := digest.ParseCredentials(netLines(c)[0])
			if err != nil {
				return nil, err
			}
			a := Auth{Scheme: "Digest"}
			strParam(&a, "username", cr.Username)
			strParam(&a, "realm", cr.Realm)
			strParam(&a, "nonce", cr.Nonce)
			strParam(&a, "uri", cr.URI)
			strParam(&a, "response", cr.Response)
			strParam(&a, "algorithm", cr.Algorithm)
			strParam(&a, "cnonce", cr.Cnonce)
			strParam(&a, "opaque", cr.Opaque)
			strParam(&a, "qop", cr.QOP)
			if cr.Nc != 0 {
				strParam(&a, "nc", fmt.Sprintf("%08x", cr.Nc))
			}
			boolParam(&a, "userhash", cr.Userhash)
			return []Auth{a}, nil
		},
		View: func(want []Auth) []Auth {
			ds := filterSchemes(want, "digest")
			if len(ds) == 0 {
				return nil
			}
			a := keepParams(ds[0], "username", "realm", "nonce", "uri", "response", "algorithm", "cnonce", "opaque", "qop")
			for _, p := range ds[0].Params {
				switch {
				case strings.EqualFold(p.Name, "userhash") && strings.EqualFold(p.Value, "true"):
					a.Params = append(a.Params, Param{"userhash", "true"})
				case strings.EqualFold(p.Name, "nc"):
					if n, err := strconv.ParseInt(p.Value, 16, 32); err == nil && n != 0 {
						a.Params = append(a.Params, Param{"nc", fmt.Sprintf("%08x", n)})
					}
				}
			}
			return []Auth{a}
		},
	},
	{
		Name:    "go-http-auth",
		Field:   Credentials,
		Schemes: []string{"digest"},
		Errors:  true,
		API:     "abbot/go-http-auth.DigestAuthParams(r.Header.Get(\"Authorization\"))",
		Parse: func(c *Case) ([]Auth, error) {
			m := goauth.DigestAuthParams(netLines(c)[0])
			if m == nil {
				return nil, fmt.Errorf("not a Digest header")
			}
			return []Auth{fromMap("Digest", m)}, nil
		},
	},
	{
		Name:    "nethttp",
		Field:   Credentials,
		Schemes: []string{"basic"},
		Errors:  true,
		API:     "net/http (*Request).BasicAuth() (also decodes the base64)",
		Parse: func(c *Case) ([]Auth, error) {
			r := &http.Request{Header: header("Authorization", netLines(c))}
			u, p, ok := r.BasicAuth()
			if !ok {
				return nil, fmt.Errorf("BasicAuth: not ok")
			}
			return []Auth{{Scheme: "Basic", Token68: base64.StdEncoding.EncodeToString([]byte(u + ":" + p))}}, nil
		},
		View: func(want []Auth) []Auth {
			// It returns the decoded user and password: compare the
			// canonical re-encoding of the token68.
			out := filterSchemes(want, "basic")
			for i := range out {
				if b, err := base64.StdEncoding.DecodeString(out[i].Token68); err == nil {
					out[i].Token68 = base64.StdEncoding.EncodeToString(b)
				}
			}
			return out
		},
	},
	{
		Name:    "jwt",
		Field:   Credentials,
		Schemes: []string{"bearer"},
		Errors:  true,
		API:     "golang-jwt/jwt/v5/request.BearerExtractor{}.ExtractToken(r)",
		Parse: func(c *Case) ([]Auth, error) {
			r := &http.Request{Header: header("Authorization", netLines(c))}
			tok, err := jwtrequest.BearerExtractor{}.ExtractToken(r)
			if err != nil {
				return nil, err
			}
			return []Auth{{Scheme: "Bearer", Token68: tok}}, nil
		},
	},
}
