package hawk_test

import (
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/hawk"
)

// The README's credentials and request.
var (
	exKey     = []byte("werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn")
	exRequest = hawk.Request{Method: "GET", Resource: "/resource/1?b=1&a=2", Host: "example.com", Port: 8000}
)

// A server reads the README's Authorization value and checks its MAC.
func Example() {
	hc := httpauth.MustParseCredentials(`Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="`)
	a, err := hawk.ParseCredentials(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.ID, a.TS, a.Nonce, a.Verify(sha256.New, exKey, exRequest))
	// Output:
	// dh37fgj492je 1353832234 j4h3g2 <nil>
}

// A dlg without app would not be covered by the MAC: it is refused.
func ExampleParseCredentials() {
	hc := httpauth.MustParseCredentials(`Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE=", dlg="attacker-app"`)
	_, err := hawk.ParseCredentials(hc)
	fmt.Println(err)
	// Output:
	// httpauth: Hawk dlg: dlg without app: the MAC covers dlg only together with app
}

// Credentials print without the MAC and the application data.
func ExampleCredentials() {
	a := hawk.Credentials{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", Ext: "some-app-ext-data", MAC: "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="}
	fmt.Printf("%+v\n", a)
	// Output:
	// {ID:dh37fgj492je TS:1353832234 Nonce:j4h3g2 Hash: Ext:[redacted] MAC:[redacted] App: Dlg:}
}

// A client computes the MAC of its request and writes the header, every
// value quoted as Hawk implementations expect.
func ExampleCredentials_Build() {
	a := hawk.Credentials{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", Ext: "some-app-ext-data"}
	mac, err := a.ComputeMAC(sha256.New, exKey, exRequest)
	if err != nil {
		fmt.Println(err)
		return
	}
	a.MAC = mac
	hc, err := a.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := hc.Encode()
	fmt.Println("Authorization:", v, err)
	// Output:
	// Authorization: Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE=" <nil>
}

// The README's payload example: a POST whose body the hash covers.
func ExampleCredentials_ComputeMAC() {
	h, err := hawk.PayloadHash(sha256.New, "text/plain", []byte("Thank you for flying Hawk"))
	if err != nil {
		fmt.Println(err)
		return
	}
	a := hawk.Credentials{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", Hash: h, Ext: "some-app-ext-data"}
	r := exRequest
	r.Method = "POST"
	fmt.Println(a.ComputeMAC(sha256.New, exKey, r))
	// Output:
	// aSe1DERmZuRl3pI36/9BdZmnErTw3sNzOOAUlfeKjVw= <nil>
}

// A MAC made with another key, or for another request, does not verify.
func ExampleCredentials_Verify() {
	a := hawk.Credentials{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", Ext: "some-app-ext-data", MAC: "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="}
	err := a.Verify(sha256.New, []byte("another key"), exRequest)
	fmt.Println(err, errors.Is(err, httpauth.ErrVerification))
	r := exRequest
	r.Port = 443
	fmt.Println(errors.Is(a.Verify(sha256.New, exKey, r), httpauth.ErrVerification))
	// Output:
	// httpauth: Hawk mac: does not match true
	// true
}

func ExamplePayloadHash() {
	fmt.Println(hawk.PayloadHash(sha256.New, "Text/Plain; charset=utf-8", []byte("Thank you for flying Hawk")))
	// Output:
	// Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY= <nil>
}

// A request is what the MAC covers; it holds no secret.
func ExampleRequest() {
	fmt.Printf("%+v\n", exRequest)
	// Output:
	// {Method:GET Resource:/resource/1?b=1&a=2 Host:example.com Port:8000}
}

// A client reads the server's response authentication.
func ExampleParseServerAuthorization() {
	s, err := hawk.ParseServerAuthorization(httpauth.MustParseCredentials(`Hawk mac="bWFj", hash="aGFzaA=="`))
	fmt.Println(s.Hash, err)
	// Output:
	// aGFzaA== <nil>
}

// A Server-Authorization value prints without its MAC.
func ExampleServerAuthorization() {
	fmt.Println(hawk.ServerAuthorization{MAC: "bWFj", Ext: "response-specific"})
	// Output:
	// {[redacted]  [redacted]}
}

// A server authenticates its response to the README's request.
func ExampleServerAuthorization_Build() {
	a := hawk.Credentials{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", Ext: "some-app-ext-data", MAC: "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="}
	s := hawk.ServerAuthorization{Ext: "response-specific"}
	mac, err := s.ComputeMAC(sha256.New, exKey, exRequest, a)
	if err != nil {
		fmt.Println(err)
		return
	}
	s.MAC = mac
	hc, err := s.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := hc.Encode()
	fmt.Println("Server-Authorization:", v, err)
	// Output:
	// Server-Authorization: Hawk mac="xY6dN3Hws9o+XRICYnAcuxFOPLd1BZ7BkkJhUSpPidA=", ext="response-specific" <nil>
}

func ExampleServerAuthorization_ComputeMAC() {
	a := hawk.Credentials{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", Ext: "some-app-ext-data", MAC: "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="}
	fmt.Println(hawk.ServerAuthorization{}.ComputeMAC(sha256.New, exKey, exRequest, a))
	// Output:
	// vZxINAZM46JmlUKYs+9bdWl8aqORwhLjk2+O4JyGPBQ= <nil>
}

// A client checks that the response came from a server that knows the
// key.
func ExampleServerAuthorization_Verify() {
	a := hawk.Credentials{ID: "dh37fgj492je", TS: 1353832234, Nonce: "j4h3g2", Ext: "some-app-ext-data", MAC: "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="}
	s := hawk.ServerAuthorization{MAC: "xY6dN3Hws9o+XRICYnAcuxFOPLd1BZ7BkkJhUSpPidA=", Ext: "response-specific"}
	fmt.Println(s.Verify(sha256.New, exKey, exRequest, a))
	s.Ext = "changed"
	fmt.Println(errors.Is(s.Verify(sha256.New, exKey, exRequest, a), httpauth.ErrVerification))
	// Output:
	// <nil>
	// true
}
