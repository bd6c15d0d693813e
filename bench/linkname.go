package bench

import (
	"net/http"
	_ "unsafe" // go:linkname

	_ "github.com/google/go-containerregistry/pkg/v1/remote/transport"
	_ "github.com/regclient/regclient"
	_ "oras.land/oras-go/v2/registry/remote/auth"
)

// The registry clients oras-go, go-containerregistry and regclient parse
// WWW-Authenticate inside their registry handshake and export no parser: a
// linkname directive reaches the functions they call, so that they are graded
// and timed alone, on the same input as the other implementations. Each
// declaration repeats the function's signature; the result types repeat
// the layout of the module's own (unexported or internal) types.

// orasParseChallenge is oras-go's registry/remote/auth.parseChallenge: one
// challenge per field line; the scheme is Basic (1), Bearer (2) or unknown
// (0), and params are returned for Bearer only.
//
//go:linkname orasParseChallenge oras.land/oras-go/v2/registry/remote/auth.parseChallenge
func orasParseChallenge(header string) (scheme byte, params map[string]string)

// ggcrChallenge has the layout of go-containerregistry's
// pkg/v1/remote/internal/authchallenge.Challenge.
type ggcrChallenge struct {
	Scheme     string
	Parameters map[string]string
}

// ggcrResponseChallenges is what go-containerregistry's
// pkg/v1/remote/transport calls on a 401 response.
//
//go:linkname ggcrResponseChallenges github.com/google/go-containerregistry/pkg/v1/remote/internal/authchallenge.ResponseChallenges
func ggcrResponseChallenges(resp *http.Response) []ggcrChallenge

// regclientChallenge has the layout of regclient's internal/auth.challenge.
type regclientChallenge struct {
	authType string
	params   map[string]string
}

// regclientParseAuthHeaders is regclient's internal/auth.ParseAuthHeaders,
// which its HTTP client calls with the WWW-Authenticate field lines.
//
//go:linkname regclientParseAuthHeaders github.com/regclient/regclient/internal/auth.ParseAuthHeaders
func regclientParseAuthHeaders(ahl []string) ([]regclientChallenge, error)
