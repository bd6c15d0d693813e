package main

import "testing"

// rfc7616 is the example of RFC 7616 section 3.9.1.
var rfc7616 = digestAnswer{
	Username: "Mufasa", Realm: "http-auth@example.org", Password: "Circle of Life",
	Nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", CNonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
	NC: "00000001", QOP: "auth", Method: "GET", URI: "/dir/index.html",
}

func TestExpectedRFC7616(t *testing.T) {
	for _, tc := range []struct{ alg, want string }{
		{"MD5", "8ca523f5e9506fed4657c9700eebdbec"},
		{"SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"},
		{"", "8ca523f5e9506fed4657c9700eebdbec"}, // absent: MD5
	} {
		a := rfc7616
		a.Algorithm = tc.alg
		if got, ok := a.expected(); !ok || got != tc.want {
			t.Errorf("expected(algorithm=%q) = %q, %v, want %q", tc.alg, got, ok, tc.want)
		}
	}
	a := rfc7616
	a.Algorithm = "SHA-1"
	if got, ok := a.expected(); ok {
		t.Errorf("expected(algorithm=SHA-1) = %q, true; want false (not an RFC 7616 algorithm)", got)
	}
}

// library is an answer to the library's server, with the responses
// computed by Python's hashlib for the tests below.
var library = digestAnswer{
	Username: user, Realm: realms.Library, Password: password,
	Nonce: "bm9uY2U", CNonce: "Y25vbmNl", NC: "00000001", QOP: "auth", Method: "GET", URI: "/resource",
}

func TestExplain(t *testing.T) {
	sess := library
	sess.Algorithm = "MD5-sess"
	authInt := library
	authInt.Algorithm, authInt.QOP, authInt.Method, authInt.Body = "SHA-256", "auth-int", "POST", []byte("hello")
	sha512 := library
	sha512.Algorithm = "SHA-512-256"
	// RFC 7616 section 3.9.2, whose printed response is SHA-512 cut to
	// 256 bits (erratum 4897).
	rfcSHA512 := digestAnswer{
		Username: "J\u00e4s\u00f8n Doe", Realm: "api@example.org", Password: "Secret, or not?", Algorithm: "SHA-512-256",
		Nonce: "5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", CNonce: "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v",
		NC: "00000001", QOP: "auth", Method: "GET", URI: "/doe.json",
	}
	// With FIPS 180-4 SHA-512/256 the same inputs give 3798d4131c…68a5.
	if got, _ := rfcSHA512.expected(); got != "3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5" {
		t.Errorf("expected(RFC 7616 3.9.2) = %s, want 3798d4131c…68a5", got)
	}
	for _, tc := range []struct {
		name string
		a    digestAnswer
		got  string
		want string
	}{
		{"SHA-256 for SHA-512-256", sha512, "528dfca495ab7e184c9881c01b606ca4632dbce05822483f9d4abeefe6a3987f",
			"hashed with SHA-256 for algorithm=SHA-512-256"},
		{"RFC 7616 3.9.2 as printed", rfcSHA512, "ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd",
			"hashed with SHA-512 truncated to 256 bits for algorithm=SHA-512-256"},
		{"empty body for auth-int", authInt, "7c4bc2dc5a640e20b40fd4823c449b791fe8a648e672e23077561d19c32db9e0",
			"hashed an empty body for qop=auth-int (the request carried 5 bytes)"},
		{"plain MD5 for MD5-sess", sess, "669b503d7bb02d3381fde64246a747ec",
			"computed H(A1) with sess=false for algorithm=MD5-sess"},
		{"upper-case hex", sha512, "528DFCA495AB7E184C9881C01B606CA4632DBCE05822483F9D4ABEEFE6A3987F",
			"hashed with SHA-256 for algorithm=SHA-512-256"},
		{"nothing matches", sha512, "00000000000000000000000000000000", ""},
	} {
		if got := tc.a.explain(tc.got); got != tc.want {
			t.Errorf("%s: explain = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestExpectedLibraryVectors(t *testing.T) {
	// The same Python-computed values, now as the right answers.
	for _, tc := range []struct {
		alg, qop, method string
		body             []byte
		want             string
	}{
		{"MD5", "auth", "GET", nil, "669b503d7bb02d3381fde64246a747ec"},
		{"MD5-sess", "auth", "GET", nil, "acf1e000b5dfc254dde49314670e22e0"},
		{"SHA-256", "auth-int", "POST", []byte("hello"), "de3786c94574c998731a4d45bf070950a88a1780bd312dd4e27c835006b02e1d"},
		{"SHA-256", "auth-int", "POST", nil, "7c4bc2dc5a640e20b40fd4823c449b791fe8a648e672e23077561d19c32db9e0"},
	} {
		a := library
		a.Algorithm, a.QOP, a.Method, a.Body = tc.alg, tc.qop, tc.method, tc.body
		if got, _ := a.expected(); got != tc.want {
			t.Errorf("expected(%s, %s, %q) = %s, want %s", tc.alg, tc.qop, tc.body, got, tc.want)
		}
	}
}
