package hawk_test

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"hash"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/hawk"
)

// The README's credentials and request.
var (
	readmeKey = []byte("werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn")
	readmeReq = hawk.Request{Method: "GET", Resource: "/resource/1?b=1&a=2", Host: "example.com", Port: 8000}
)

func TestREADMEMAC(t *testing.T) {
	a, err := hawk.ParseCredentials(httpauth.MustParseCredentials(readme))
	if err != nil {
		t.Fatal(err)
	}
	got, err := a.ComputeMAC(sha256.New, readmeKey, readmeReq)
	if want := "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="; err != nil || got != want {
		t.Errorf("ComputeMAC = %q, %v; want %q", got, err, want)
	}
	if err := a.Verify(sha256.New, readmeKey, readmeReq); err != nil {
		t.Errorf("VerifyMAC: %v", err)
	}
	// Case of method and host does not matter; everything else does.
	r := readmeReq
	r.Method, r.Host = "get", "EXAMPLE.com"
	if err := a.Verify(sha256.New, readmeKey, r); err != nil {
		t.Errorf("VerifyMAC with other case: %v", err)
	}
	for name, r := range map[string]hawk.Request{
		"port":     {Method: "GET", Resource: "/resource/1?b=1&a=2", Host: "example.com", Port: 8080},
		"resource": {Method: "GET", Resource: "/resource/1?a=2&b=1", Host: "example.com", Port: 8000},
		"method":   {Method: "POST", Resource: "/resource/1?b=1&a=2", Host: "example.com", Port: 8000},
	} {
		if err := a.Verify(sha256.New, readmeKey, r); err == nil {
			t.Errorf("VerifyMAC accepted another %s", name)
		}
	}
	if err := a.Verify(sha256.New, []byte("other key"), readmeReq); err == nil {
		t.Errorf("VerifyMAC accepted another key")
	}
	if err := a.Verify(sha1.New, readmeKey, readmeReq); err == nil {
		t.Errorf("VerifyMAC accepted another algorithm")
	}
	if _, err := a.ComputeMAC(sha256.New, readmeKey, hawk.Request{Method: "GET", Resource: "/", Host: "a\nb", Port: 1}); err == nil {
		t.Errorf("ComputeMAC accepted a host with a newline")
	}
	if _, err := a.ComputeMAC(sha256.New, readmeKey, hawk.Request{Method: "GET", Resource: "/", Host: "a"}); err == nil {
		t.Errorf("ComputeMAC accepted port 0")
	}
}

// The README's payload example: a POST whose body is covered by hash.
func TestREADMEPayload(t *testing.T) {
	h, err := hawk.PayloadHash(sha256.New, "text/plain", []byte("Thank you for flying Hawk"))
	if want := "Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY="; err != nil || h != want {
		t.Errorf("PayloadHash = %q, %v; want %q", h, err, want)
	}
	if h2, _ := hawk.PayloadHash(sha256.New, " Text/Plain; charset=utf-8", []byte("Thank you for flying Hawk")); h2 != h {
		t.Errorf("PayloadHash ignores content-type case and parameters: got %q", h2)
	}
	a := hawk.Credentials{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", Hash: h, Ext: "some-app-ext-data"}
	r := readmeReq
	r.Method = "POST"
	got, err := a.ComputeMAC(sha256.New, readmeKey, r)
	if want := "aSe1DERmZuRl3pI36/9BdZmnErTw3sNzOOAUlfeKjVw="; err != nil || got != want {
		t.Errorf("ComputeMAC = %q, %v; want %q", got, err, want)
	}
}

func TestServerMAC(t *testing.T) {
	a := hawk.Credentials{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", Ext: "some-app-ext-data", MAC: "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="}
	s := hawk.ServerAuthorization{Ext: "response-specific"}
	m, err := s.ComputeMAC(sha256.New, readmeKey, readmeReq, a)
	if err != nil {
		t.Fatal(err)
	}
	// HMAC-SHA256 of the normalized string, written out by hand.
	norm := "hawk.1.response\n1353832234\nj4h3g2\nGET\n/resource/1?b=1&a=2\nexample.com\n8000\n\nresponse-specific\n"
	h := hmac.New(sha256.New, readmeKey)
	h.Write([]byte(norm))
	if want := base64.StdEncoding.EncodeToString(h.Sum(nil)); m != want || m != "xY6dN3Hws9o+XRICYnAcuxFOPLd1BZ7BkkJhUSpPidA=" {
		t.Errorf("ComputeMAC = %s, want %s", m, want)
	}
	s.MAC = m
	if err := s.Verify(sha256.New, readmeKey, readmeReq, a); err != nil {
		t.Errorf("Verify of a computed MAC: %v", err)
	}
	// The response MAC differs from the request MAC over the same values
	// (type "response" vs "header").
	req, _ := a.ComputeMAC(sha256.New, readmeKey, readmeReq)
	if m == req {
		t.Errorf("response MAC equals the request MAC")
	}
	s.Ext = "other"
	if err := s.Verify(sha256.New, readmeKey, readmeReq, a); err == nil {
		t.Errorf("VerifyMAC accepted a changed ext")
	}
}

// No hash constructor makes a function of the package panic: a nil one,
// one that returns nil, and one that returns the same value twice (which
// crypto/hmac refuses with a panic) are errors.
func TestBadHash(t *testing.T) {
	shared := sha256.New()
	s := hawk.ServerAuthorization{MAC: "bWFj"}
	for name, h := range map[string]func() hash.Hash{
		"nil":      nil,
		"nil hash": func() hash.Hash { return nil },
		"shared":   func() hash.Hash { return shared },
	} {
		errs := []error{readmeWant.Verify(h, readmeKey, readmeReq), s.Verify(h, readmeKey, readmeReq, readmeWant)}
		_, err := readmeWant.ComputeMAC(h, readmeKey, readmeReq)
		errs = append(errs, err)
		_, err = s.ComputeMAC(h, readmeKey, readmeReq, readmeWant)
		errs = append(errs, err)
		_, err = hawk.PayloadHash(h, "text/plain", nil)
		errs = append(errs, err)
		for i, err := range errs {
			if err == nil || errors.Is(err, httpauth.ErrVerification) {
				t.Errorf("%s: call %d = %v, want an error about the hash", name, i, err)
			}
		}
	}
}
