package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/authwire/httpauth/digest"
	"github.com/authwire/httpauth/header"
)

// connectRetry is returned by the OnProxyConnectResponse hook when a
// CONNECT got a 407 that the Transport can answer: the dial fails with it,
// and RoundTrip sends the request again, whose CONNECT then carries the
// answer.
type connectRetry struct{}

func (*connectRetry) Error() string {
	return "client: the proxy asks for authentication (407 to CONNECT); retrying with credentials"
}

// maxSent bounds the CONNECT answers remembered until their response.
const maxSent = 256

// hook adds the Transport's CONNECT hooks to ht, after its own.
func (st *state) hook(ht *http.Transport) {
	get, fixed, on := ht.GetProxyConnectHeader, ht.ProxyConnectHeader, ht.OnProxyConnectResponse
	ht.GetProxyConnectHeader = func(ctx context.Context, proxyURL *url.URL, target string) (http.Header, error) {
		h := fixed
		if get != nil {
			var err error
			if h, err = get(ctx, proxyURL, target); err != nil {
				return nil, err
			}
		}
		return st.connectHeader(ctx, proxyURL, target, h)
	}
	ht.OnProxyConnectResponse = func(ctx context.Context, proxyURL *url.URL, req *http.Request, resp *http.Response) error {
		if err := st.connectResponse(proxyURL, req, resp); err != nil {
			return err
		}
		if on != nil {
			return on(ctx, proxyURL, req, resp)
		}
		return nil
	}
}

// connectHeader adds Proxy-Authorization to the header of a CONNECT to
// target (host:port) through proxyURL, when the Transport has a session
// with that proxy.
func (st *state) connectHeader(ctx context.Context, proxyURL *url.URL, target string, h http.Header) (http.Header, error) {
	o, ok := origin(proxyURL)
	if !ok || st.proxies[o] == nil {
		return h, nil
	}
	st.mu.Lock()
	s := st.connect[o]
	if s == nil {
		s = st.sessions[key{true, o}]
	}
	st.mu.Unlock()
	if s == nil {
		return h, nil
	}
	a, err := st.answer(ctx, s, Request{Method: http.MethodConnect, URI: target, Secure: proxyURL.Scheme == "https"})
	if err != nil {
		return nil, err
	}
	v, err := encode(a)
	if err != nil {
		return nil, err
	}
	h = h.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Set(header.ProxyAuthorization, v)
	st.mu.Lock()
	if len(st.sent) >= maxSent {
		clear(st.sent) // CONNECTs whose response never came
	}
	st.sent[v] = sent{s: s, a: a}
	st.mu.Unlock()
	return h, nil
}

// connectResponse judges the response to a CONNECT through proxyURL.
func (st *state) connectResponse(proxyURL *url.URL, req *http.Request, resp *http.Response) error {
	o, ok := origin(proxyURL)
	cr := st.proxies[o]
	if !ok || cr == nil {
		return nil
	}
	k := key{true, o}
	v := req.Header.Get(header.ProxyAuthorization)
	st.mu.Lock()
	sn, had := st.sent[v]
	delete(st.sent, v)
	st.mu.Unlock()
	if resp.StatusCode == http.StatusProxyAuthRequired {
		cs, _ := header.Challenges(resp.Header, header.ProxyAuthenticate)
		ch, err := Choose(cs, *cr, proxyURL.Scheme == "https")
		if err != nil {
			return nil // net/http reports the 407
		}
		st.mu.Lock()
		defer st.mu.Unlock()
		if had && !(ch.Scheme == digest.Scheme && ch.Digest.Stale) {
			// Our answer was refused: do not send it again.
			if st.sessions[k] == sn.s {
				delete(st.sessions, k)
			}
			if st.connect[o] == sn.s {
				delete(st.connect, o)
			}
			return nil
		}
		st.connect[o] = &session{cr: cr, choice: ch}
		return &connectRetry{}
	}
	if !had || resp.StatusCode/100 != 2 {
		return nil
	}
	if err := st.check(&sn, resp.Header, header.ProxyAuthenticationInfo); err != nil {
		st.forget(k, sn.s)
		return fmt.Errorf("client: %s did not prove that it knows the password: %w", whoProves[proxyRole], err)
	}
	st.mu.Lock()
	st.sessions[k] = sn.s
	if st.connect[o] == sn.s {
		delete(st.connect, o)
	}
	st.mu.Unlock()
	return nil
}
