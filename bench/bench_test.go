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
// base64 decode) is timed, since that is the API. Besides ns/op (wall
// clock) it reports cpu-ns/op, the process's CPU time per call (garbage
// collection included), which the load of a shared machine moves less.
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
					cpu0, ok0 := processCPUTime()
					benchImpl(b, im, c)
					if cpu1, ok1 := processCPUTime(); ok0 && ok1 && b.N > 0 {
						b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
					}
				})
			}
		})
	}
}

// benchImpl runs im on c. Each implementation has its own function so that
// a callgrind profile (callgrind.sh) can tell them apart by name.
func benchImpl(b *testing.B, im *Impl, c *Case) {
	f, ok := benchers[im.Name]
	if !ok {
		b.Fatalf("no benchmark for %s", im.Name)
	}
	f(b, c)
}

var benchers = map[string]func(*testing.B, *Case){
	"httpauth":        benchHTTPAuth,
	"httpauth-parser": benchHTTPAuthParser,
	"containerd":      benchContainerd,
	"distribution":    benchDistribution,
	"oras":            benchOras,
	"ggcr":            benchGGCR,
	"regclient":       benchRegclient,
	"mcp":             benchMCP,
	"icholy-digest":   benchIcholyDigest,
	"go-http-auth":    benchGoHTTPAuth,
	"nethttp":         benchNetHTTP,
	"jwt":             benchJWT,
}

func benchHTTPAuth(b *testing.B, c *Case) {
	lines, value := c.Lines, c.Lines[0]
	switch {
	case c.Field == Challenges && c.Lenient:
		for b.Loop() {
			p := httpauth.Parser{Lenient: true}
			p.ParseChallenges(nil, lines...)
		}
	case c.Field == Challenges:
		for b.Loop() {
			httpauth.ParseChallenges(lines...)
		}
	case c.Lenient:
		for b.Loop() {
			p := httpauth.Parser{Lenient: true}
			p.ParseCredentials(nil, value)
		}
	default:
		for b.Loop() {
			httpauth.ParseCredentials(value)
		}
	}
}

func benchHTTPAuthParser(b *testing.B, c *Case) {
	lines, value := c.Lines, c.Lines[0]
	p := httpauth.Parser{Lenient: c.Lenient}
	if c.Field == Challenges {
		dst, _ := p.ParseChallenges(nil, lines...)
		for b.Loop() {
			dst, _ = p.ParseChallenges(dst[:0], lines...)
		}
		return
	}
	cr, _ := p.ParseCredentials(nil, value)
	for b.Loop() {
		cr, _ = p.ParseCredentials(cr.Params[:0], value)
	}
}

func benchContainerd(b *testing.B, c *Case) {
	h := header("WWW-Authenticate", netLines(c))
	for b.Loop() {
		ctrauth.ParseAuthHeader(h)
	}
}

func benchDistribution(b *testing.B, c *Case) {
	resp := &http.Response{StatusCode: http.StatusUnauthorized, Header: header("WWW-Authenticate", netLines(c))}
	for b.Loop() {
		challenge.ResponseChallenges(resp)
	}
}

// benchOras calls oras-go's parser once per field line (its client reads
// the first line only: resp.Header.Get).
func benchOras(b *testing.B, c *Case) {
	lines := netLines(c)
	for b.Loop() {
		for _, l := range lines {
			orasParseChallenge(l)
		}
	}
}

func benchGGCR(b *testing.B, c *Case) {
	resp := &http.Response{StatusCode: http.StatusUnauthorized, Header: header("WWW-Authenticate", netLines(c))}
	for b.Loop() {
		ggcrResponseChallenges(resp)
	}
}

func benchRegclient(b *testing.B, c *Case) {
	lines := netLines(c)
	for b.Loop() {
		regclientParseAuthHeaders(lines)
	}
}

func benchMCP(b *testing.B, c *Case) {
	lines := netLines(c)
	for b.Loop() {
		oauthex.ParseWWWAuthenticate(lines)
	}
}

func benchIcholyDigest(b *testing.B, c *Case) {
	value := netLines(c)[0]
	switch {
	case c.Field == Challenges && len(c.Lines) == 1:
		for b.Loop() {
			digest.ParseChallenge(value)
		}
	case c.Field == Challenges:
		h := header("WWW-Authenticate", netLines(c))
		for b.Loop() {
			digest.FindChallenge(h)
		}
	default:
		for b.Loop() {
			digest.ParseCredentials(value)
		}
	}
}

func benchGoHTTPAuth(b *testing.B, c *Case) {
	r := &http.Request{Header: header("Authorization", netLines(c))}
	for b.Loop() {
		goauth.DigestAuthParams(r.Header.Get("Authorization"))
	}
}

func benchNetHTTP(b *testing.B, c *Case) {
	r := &http.Request{Header: header("Authorization", netLines(c))}
	for b.Loop() {
		r.BasicAuth()
	}
}

func benchJWT(b *testing.B, c *Case) {
	r := &http.Request{Header: header("Authorization", netLines(c))}
	for b.Loop() {
		jwtrequest.BearerExtractor{}.ExtractToken(r)
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
