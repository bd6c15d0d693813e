package main

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The tap records the authentication fields of each exchange, every
// field line apart and in order, with the request body, and forwards the
// bytes unchanged.
func TestTapRecordsExchanges(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Header.Get("Authorization") == "" {
			w.Header().Add("WWW-Authenticate", `Digest realm="a", nonce="n1", qop="auth"`)
			w.Header().Add("WWW-Authenticate", `Basic realm="a"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Authentication-Info", `rspauth="00", nc=00000001`)
		w.Write(append([]byte("echo:"), body...))
	}))
	defer srv.Close()
	var rec recorder
	tp, err := newTap(strings.TrimPrefix(srv.URL, "http://"), &rec)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{}
	resp, err := c.Get(tp.URL("/x?q=1"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	req, _ := http.NewRequest("POST", tp.URL("/y"), strings.NewReader("body bytes"))
	req.Header.Set("Authorization", `Basic YTpi`)
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(got) != "echo:body bytes" {
		t.Errorf("body through the tap = %q, want %q", got, "echo:body bytes")
	}
	tp.Close()

	want := []exchange{
		{Method: "GET", Target: "/x?q=1", Body: []byte{}, Status: 401, Resp: []field{
			{"WWW-Authenticate", []string{`Digest realm="a", nonce="n1", qop="auth"`, `Basic realm="a"`}},
		}},
		{Method: "POST", Target: "/y", Body: []byte("body bytes"), Status: 200,
			Req:  []field{{"Authorization", []string{`Basic YTpi`}}},
			Resp: []field{{"Authentication-Info", []string{`rspauth="00", nc=00000001`}}},
		},
	}
	if ex := rec.exchanges(); !reflect.DeepEqual(ex, want) {
		t.Errorf("exchanges:\n got %+v\nwant %+v", ex, want)
	}
}

// After a CONNECT that the proxy accepts, the tap forwards the tunnel's
// bytes (not HTTP) unchanged and records nothing more; a refused CONNECT
// is recorded with its challenge.
func TestTapConnect(t *testing.T) {
	proxy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()
	tunnelBytes := []byte("\x16\x03\x01 not http at all\r\n\r\nGET / HTTP/1.1\r\n\r\n")
	go func() {
		c, err := proxy.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		br := bufio.NewReader(c)
		for {
			req, err := http.ReadRequest(br)
			if err != nil {
				return
			}
			if req.Header.Get("Proxy-Authorization") == "" {
				io.WriteString(c, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"p\"\r\nContent-Length: 0\r\n\r\n")
				continue
			}
			io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n")
			buf := make([]byte, len(tunnelBytes))
			if _, err := io.ReadFull(br, buf); err != nil {
				return
			}
			c.Write(buf) // echo
			return
		}
	}()

	var rec recorder
	tp, err := newTap(proxy.Addr().String(), &rec)
	if err != nil {
		t.Fatal(err)
	}
	defer tp.Close()
	c, err := net.Dial("tcp", tp.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	br := bufio.NewReader(c)
	io.WriteString(c, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n")
	if resp, err := http.ReadResponse(br, &http.Request{Method: "CONNECT"}); err != nil || resp.StatusCode != 407 {
		t.Fatalf("first CONNECT: %v, %v", resp, err)
	}
	io.WriteString(c, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\nProxy-Authorization: Basic cDpx\r\n\r\n")
	if resp, err := http.ReadResponse(br, &http.Request{Method: "CONNECT"}); err != nil || resp.StatusCode != 200 {
		t.Fatalf("second CONNECT: %v, %v", resp, err)
	}
	c.Write(tunnelBytes)
	echo := make([]byte, len(tunnelBytes))
	if _, err := io.ReadFull(br, echo); err != nil || !bytes.Equal(echo, tunnelBytes) {
		t.Errorf("tunnel echo = %q, %v; want %q", echo, err, tunnelBytes)
	}
	c.Close()
	tp.Close()

	want := []exchange{
		{Method: "CONNECT", Target: "example.org:443", Status: 407, Resp: []field{{"Proxy-Authenticate", []string{`Basic realm="p"`}}}},
		{Method: "CONNECT", Target: "example.org:443", Status: 200, Req: []field{{"Proxy-Authorization", []string{`Basic cDpx`}}}},
	}
	if ex := rec.exchanges(); !reflect.DeepEqual(ex, want) {
		t.Errorf("exchanges:\n got %+v\nwant %+v", ex, want)
	}
}

// A server that answers 401 before the client sends its body (the client
// waits for 100 Continue) does not stall the tap.
func TestTapEarlyAnswer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Basic realm="a"`)
		w.WriteHeader(http.StatusUnauthorized) // without reading the body
	}))
	defer srv.Close()
	var rec recorder
	tp, err := newTap(strings.TrimPrefix(srv.URL, "http://"), &rec)
	if err != nil {
		t.Fatal(err)
	}
	defer tp.Close()
	tr := &http.Transport{ExpectContinueTimeout: time.Minute}
	defer tr.CloseIdleConnections()
	req, _ := http.NewRequest("POST", tp.URL("/"), strings.NewReader(strings.Repeat("x", 4096)))
	req.Header.Set("Expect", "100-continue")
	done := make(chan error, 1)
	go func() {
		resp, err := (&http.Client{Transport: tr}).Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode != 401 {
				t.Errorf("status %d, want 401", resp.StatusCode)
			}
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the client did not get the 401 through the tap")
	}
}
