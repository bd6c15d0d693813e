package main

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// The authentication fields a tap records, requests then responses.
var (
	requestFields  = []string{"Authorization", "Proxy-Authorization"}
	responseFields = []string{"WWW-Authenticate", "Proxy-Authenticate", "Authentication-Info", "Proxy-Authentication-Info"}
)

// maxBody bounds the request body an exchange keeps (for the auth-int
// computation); the rows send far less.
const maxBody = 64 << 10

// An exchange is one request and its response as a tap or a recording
// handler saw them: the request line, the status, and the authentication
// fields of both, each with its field lines in the order received.
type exchange struct {
	Method string
	Target string // the request-target as sent
	Body   []byte // the request body (at most maxBody bytes)
	Status int    // 0: no response
	Req    []field
	Resp   []field
	Inside bool // recorded by the origin inside a TLS tunnel, not by a tap
}

// A field is one header field of an exchange, as received.
type field struct {
	Name  string // canonical name
	Lines []string
}

// get returns the lines of the named field, or nil.
func (e *exchange) get(name string) []string {
	for _, fs := range [][]field{e.Req, e.Resp} {
		for _, f := range fs {
			if strings.EqualFold(f.Name, name) {
				return f.Lines
			}
		}
	}
	return nil
}

func fieldsOf(h http.Header, names []string) []field {
	var out []field
	for _, n := range names {
		if v := h.Values(n); len(v) > 0 {
			out = append(out, field{Name: n, Lines: append([]string(nil), v...)})
		}
	}
	return out
}

// A recorder collects the exchanges of one row, from every tap and
// recording handler the row uses, in the order their responses ended.
type recorder struct {
	mu sync.Mutex
	ex []*exchange
}

func (r *recorder) add(e *exchange) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ex = append(r.ex, e)
}

// exchanges returns a copy of what was recorded so far.
func (r *recorder) exchanges() []exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]exchange, len(r.ex))
	for i, e := range r.ex {
		out[i] = *e
	}
	return out
}

// A tap is a TCP forwarder on 127.0.0.1 that reads the HTTP/1.1 messages
// passing through it in both directions and records the authentication
// fields of each exchange. The bytes are forwarded unchanged; the reading
// happens beside the copy. After a CONNECT that the server accepts, the
// connection is an opaque tunnel and the tap only forwards.
type tap struct {
	ln     net.Listener
	target string
	rec    *recorder

	mu     sync.Mutex
	conns  map[net.Conn]struct{}
	closed bool
	wg     sync.WaitGroup
}

// newTap listens on a free port of 127.0.0.1 and forwards to target.
func newTap(target string, rec *recorder) (*tap, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	t := &tap{ln: ln, target: target, rec: rec, conns: make(map[net.Conn]struct{})}
	t.wg.Add(1)
	go t.serve()
	return t, nil
}

// Addr returns the tap's host:port.
func (t *tap) Addr() string { return t.ln.Addr().String() }

// URL returns http://ADDR followed by path.
func (t *tap) URL(path string) string { return "http://" + t.Addr() + path }

func (t *tap) serve() {
	defer t.wg.Done()
	for {
		c, err := t.ln.Accept()
		if err != nil {
			return
		}
		if !t.track(c) {
			return
		}
		t.wg.Add(1)
		go func() {
			defer t.wg.Done()
			t.handle(c)
		}()
	}
}

// track adds c to the open connections, or closes it and reports false
// when the tap is closed.
func (t *tap) track(c net.Conn) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		c.Close()
		return false
	}
	t.conns[c] = struct{}{}
	return true
}

func (t *tap) untrack(c net.Conn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.conns, c)
}

// Close stops the tap: it closes the listener and every connection, and
// waits for its goroutines.
func (t *tap) Close() {
	t.mu.Lock()
	t.closed = true
	for c := range t.conns {
		c.Close()
	}
	t.mu.Unlock()
	t.ln.Close()
	t.wg.Wait()
}

// pendingRequest is a request waiting for its response.
type pendingRequest struct {
	req     *http.Request
	ex      *exchange
	tunnel  chan bool // the response to a CONNECT: did it open a tunnel?
	bodyEnd chan struct{}
}

func (t *tap) handle(c net.Conn) {
	defer t.untrack(c)
	defer c.Close()
	s, err := net.DialTimeout("tcp", t.target, 5*time.Second)
	if err != nil {
		return
	}
	if !t.track(s) {
		return
	}
	defer t.untrack(s)
	defer s.Close()

	reqR, reqW := io.Pipe()
	respR, respW := io.Pipe()
	pending := make(chan *pendingRequest, 64)
	var wg sync.WaitGroup
	wg.Add(4)
	go func() {
		defer wg.Done()
		io.Copy(s, io.TeeReader(c, reqW))
		reqW.Close()
		closeWrite(s)
	}()
	go func() {
		defer wg.Done()
		io.Copy(c, io.TeeReader(s, respW))
		respW.Close()
		closeWrite(c)
	}()
	go func() {
		defer wg.Done()
		readRequests(reqR, pending)
	}()
	go func() {
		defer wg.Done()
		readResponses(respR, pending, t.rec)
	}()
	wg.Wait()
}

func closeWrite(c net.Conn) {
	if tc, ok := c.(*net.TCPConn); ok {
		tc.CloseWrite()
	}
}

// readRequests parses the client's side of a connection and queues each
// request for readResponses. It always reads r to its end, so that the
// copy it is fed from never blocks on it.
func readRequests(r io.Reader, pending chan<- *pendingRequest) {
	defer io.Copy(io.Discard, r)
	defer close(pending)
	br := bufio.NewReader(r)
	for {
		req, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		p := &pendingRequest{
			req:     req,
			ex:      &exchange{Method: req.Method, Target: req.RequestURI, Req: fieldsOf(req.Header, requestFields)},
			tunnel:  make(chan bool, 1),
			bodyEnd: make(chan struct{}),
		}
		// The request is queued before its body is read: a server may
		// answer (401, or a final status instead of 100 Continue) before
		// the client sends the body.
		pending <- p
		if req.Method == http.MethodConnect {
			close(p.bodyEnd)
			if <-p.tunnel {
				return
			}
			continue
		}
		body, err := io.ReadAll(io.LimitReader(req.Body, maxBody))
		p.ex.Body = body
		if err == nil {
			_, err = io.Copy(io.Discard, req.Body)
		}
		close(p.bodyEnd)
		if err != nil {
			return
		}
	}
}

// readResponses parses the server's side of a connection, pairs each
// response with the oldest queued request, and records the exchange. Past
// a tunnel or a response it cannot read, it only drains r, so that the
// copy it is fed from never blocks on it.
func readResponses(r io.Reader, pending <-chan *pendingRequest, rec *recorder) {
	br := bufio.NewReader(r)
	for p := range pending {
		tunnel, err := readResponse(br, p)
		p.tunnel <- tunnel
		<-p.bodyEnd // the exchange is complete with its body
		rec.add(p.ex)
		if tunnel || err != nil {
			break
		}
	}
	done := make(chan struct{})
	go func() {
		io.Copy(io.Discard, br)
		close(done)
	}()
	// Requests left without a response are recorded as such.
	for p := range pending {
		p.tunnel <- false
		<-p.bodyEnd
		rec.add(p.ex)
	}
	<-done
}

// readResponse reads the final response to p (skipping 1xx interim
// responses) into p.ex and reports whether it opened a tunnel.
func readResponse(br *bufio.Reader, p *pendingRequest) (tunnel bool, err error) {
	for {
		resp, err := http.ReadResponse(br, p.req)
		if err != nil {
			return false, err
		}
		if resp.StatusCode >= 100 && resp.StatusCode < 200 && resp.StatusCode != http.StatusSwitchingProtocols {
			continue
		}
		p.ex.Status = resp.StatusCode
		p.ex.Resp = fieldsOf(resp.Header, responseFields)
		if p.req.Method == http.MethodConnect && resp.StatusCode/100 == 2 {
			return true, nil
		}
		if resp.StatusCode == http.StatusSwitchingProtocols {
			return false, errors.New("protocol switched")
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return false, err
	}
}

// recordHandler records the exchanges that h serves, as h reads and
// writes them: for an origin inside a TLS tunnel, which no tap can read.
func recordHandler(rec *recorder, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e := &exchange{Method: r.Method, Target: r.RequestURI, Req: fieldsOf(r.Header, requestFields), Inside: true}
		if r.Body != nil {
			body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			e.Body = body
			r.Body = io.NopCloser(strings.NewReader(string(body)))
		}
		rw := &recordingWriter{ResponseWriter: w, ex: e}
		h.ServeHTTP(rw, r)
		if e.Status == 0 {
			rw.WriteHeader(http.StatusOK)
		}
		rec.add(e)
	})
}

type recordingWriter struct {
	http.ResponseWriter
	ex *exchange
}

func (w *recordingWriter) WriteHeader(code int) {
	if w.ex.Status == 0 {
		w.ex.Status = code
		w.ex.Resp = fieldsOf(w.Header(), responseFields)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recordingWriter) Write(b []byte) (int, error) {
	if w.ex.Status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}
