package client

import (
	"errors"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// origin returns u's origin as scheme://host:port in lower case, with the
// scheme's default port made explicit, so that "https://Example.com" and
// "https://example.com:443/x" are the same origin. ok is false for a URL
// that is not http or https, or has no host.
func origin(u *url.URL) (string, bool) {
	scheme := strings.ToLower(u.Scheme)
	port := u.Port()
	switch scheme {
	case "http":
		if port == "" {
			port = "80"
		}
	case "https":
		if port == "" {
			port = "443"
		}
	default:
		return "", false
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return "", false
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return "", false
	}
	return scheme + "://" + net.JoinHostPort(host, port), true
}

// errOrigin reports an entry of Credentials.Origins that is not an origin.
// It does not quote the entry, which could hold a user name and password.
var errOrigin = errors.New("client: Credentials.Origins holds an entry that is not scheme://host[:port] with scheme http or https")

// parseOrigin reads an entry of Credentials.Origins: scheme://host[:port],
// optionally followed by "/", and nothing else.
func parseOrigin(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return "", errOrigin
	}
	o, ok := origin(u)
	if !ok {
		return "", errOrigin
	}
	return o, nil
}
