package bench

import (
	"net/http"
	"testing"

	goauth "github.com/abbot/go-http-auth"
	"github.com/authwire/httpauth"
	ctrauth "github.com/containerd/containerd/v2/core/remotes/docker/auth"
	"github.com/docker/distribution/registry/client/auth/challenge"
	jwtrequest "github.com/golang-jwt/jwt/v5/request"
	"github.com/icholy/digest"
	"github.com/modelcontextprotocol/go-sdk/oauthex"
)

// BenchmarkCompare runs every implementation on each realistic case it
// handles (see Impl.Handles), called as its users call it. What its users
// hold already (an http.Header, an *http.Response, an *http.Request) is
// built before the timer; what the call does with it (a header lookup, a
// base64 decode) is timed, since that is the API.
func BenchmarkCompare(b *testing.B) {
	for _, c := range BenchCases() {
		b.Run(c.Name, func(b *testing.B) {
			for _, name := range ImplNames() {
				im := ImplFor(name, c)
				if im == nil || !im.Handles(c) {
					continue
				}
				b.Run(name, func(b *testing.B) {
					if IsHTTPAuth(im) {
						// Time only right answers: a failing case would
						// measure the error path.
						if r := Grade(im, c); r.Verdict != OK {
							b.Skipf("httpauth fails this case (%s: %v); see the conformance test", r.Verdict.Mark(), r.Err)
						}
					}
					b.ReportAllocs()
					b.SetBytes(int64(c.Bytes()))
					benchImpl(b, im, c)
				})
			}
		})
	}
}

func benchImpl(b *testing.B, im *Impl, c *Case) {
	lines := c.Lines
	value := lines[0]
	switch {
	case im.Name == "httpauth" && c.Field == Challenges && c.Lenient:
		for b.Loop() {
			p := httpauth.Parser{Lenient: true}
			p.AppendChallenges(nil, lines...)
		}
	case im.Name == "httpauth" && c.Field == Challenges:
		for b.Loop() {
			httpauth.ParseChallenges(lines...)
		}
	case im.Name == "httpauth" && c.Lenient:
		for b.Loop() {
			p := httpauth.Parser{Lenient: true}
			p.ParseCredentials(nil, value)
		}
	case im.Name == "httpauth":
		for b.Loop() {
			httpauth.ParseCredentials(value)
		}
	case im.Name == "httpauth-parser" && c.Field == Challenges:
		p := httpauth.Parser{Lenient: c.Lenient}
		dst, _ := p.AppendChallenges(nil, lines...)
		for b.Loop() {
			dst, _ = p.AppendChallenges(dst[:0], lines...)
		}
	case im.Name == "httpauth-parser":
		p := httpauth.Parser{Lenient: c.Lenient}
		cr, _ := p.ParseCredentials(nil, value)
		for b.Loop() {
			cr, _ = p.ParseCredentials(cr.Params[:0], value)
		}
	case im.Name == "containerd":
		h := header("WWW-Authenticate", lines)
		for b.Loop() {
			ctrauth.ParseAuthHeader(h)
		}
	case im.Name == "distribution":
		resp := &http.Response{StatusCode: http.StatusUnauthorized, Header: header("WWW-Authenticate", lines)}
		for b.Loop() {
			challenge.ResponseChallenges(resp)
		}
	case im.Name == "mcp":
		for b.Loop() {
			oauthex.ParseWWWAuthenticate(lines)
		}
	case im.Name == "icholy-digest" && c.Field == Challenges && len(lines) == 1:
		for b.Loop() {
			digest.ParseChallenge(value)
		}
	case im.Name == "icholy-digest" && c.Field == Challenges:
		h := header("WWW-Authenticate", lines)
		for b.Loop() {
			digest.FindChallenge(h)
		}
	case im.Name == "icholy-digest":
		for b.Loop() {
			digest.ParseCredentials(value)
		}
	case im.Name == "go-http-auth":
		r := &http.Request{Header: header("Authorization", lines)}
		for b.Loop() {
			goauth.DigestAuthParams(r.Header.Get("Authorization"))
		}
	case im.Name == "nethttp":
		r := &http.Request{Header: header("Authorization", lines)}
		for b.Loop() {
			r.BasicAuth()
		}
	case im.Name == "jwt":
		r := &http.Request{Header: header("Authorization", lines)}
		for b.Loop() {
			jwtrequest.BearerExtractor{}.ExtractToken(r)
		}
	default:
		b.Fatalf("no benchmark for %s on %s", im.Name, c.Name)
	}
}

// BenchmarkHeaderGet is what a Header.Get costs, the lookup that the
// containerd, distribution, go-http-auth, nethttp and jwt rows include and
// the httpauth rows (which take the value) do not.
func BenchmarkHeaderGet(b *testing.B) {
	h := header("Authorization", []string{"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="})
	b.ReportAllocs()
	for b.Loop() {
		h.Get("Authorization")
	}
}
