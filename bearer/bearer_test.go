package bearer_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bearer"
)

// Challenges from the RFCs, parsed then re-encoded: the canonical form is
// the RFC's own text (folded onto one line).
func TestRFCChallenges(t *testing.T) {
	tests := []struct {
		name, in string
		want     bearer.Challenge
	}{
		{"RFC6750 sec 3", `Bearer realm="example"`, bearer.Challenge{Scheme: "Bearer", Realm: "example"}},
		{"RFC6750 sec 3 error",
			`Bearer realm="example", error="invalid_token", error_description="The access token expired"`,
			bearer.Challenge{Scheme: "Bearer", Realm: "example", Error: bearer.InvalidToken, ErrorDescription: "The access token expired"}},
		{"RFC9449 sec 7.1", `DPoP algs="ES256 PS256"`, bearer.Challenge{Scheme: "DPoP", Algs: []string{"ES256", "PS256"}}},
		{"RFC9449 sec 9",
			`DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"`,
			bearer.Challenge{Scheme: "DPoP", Error: bearer.UseDPoPNonce, ErrorDescription: "Resource server requires nonce in DPoP proof"}},
		{"RFC9728 sec 5.1",
			`Bearer error="invalid_request", error_description="No access token was provided in this request", resource_metadata="https://resource.example.com/.well-known/oauth-protected-resource"`,
			bearer.Challenge{Scheme: "Bearer", Error: bearer.InvalidRequest, ErrorDescription: "No access token was provided in this request",
				ResourceMetadata: "https://resource.example.com/.well-known/oauth-protected-resource"}},
		{"scope", `Bearer realm="a", scope="openid profile email", error="insufficient_scope", error_uri="https://e.example/x"`,
			bearer.Challenge{Scheme: "Bearer", Realm: "a", Scope: []string{"openid", "profile", "email"}, Error: bearer.InsufficientScope, ErrorURI: "https://e.example/x"}},
		{"extra", `Bearer realm="a", foo=bar`, bearer.Challenge{Scheme: "Bearer", Realm: "a", Extra: httpauth.Params{{Name: "foo", Value: "bar"}}}},
		{"bare", `Bearer`, bearer.Challenge{Scheme: "Bearer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := bearer.ParseChallenge(httpauth.MustParseChallenge(tt.in))
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ParseChallenge(%q) = %#v, %v, want %#v", tt.in, got, err, tt.want)
			}
			g, err := got.Challenge()
			if err != nil {
				t.Fatal(err)
			}
			b, err := httpauth.AppendChallenge(nil, g)
			if err != nil || string(b) != tt.in {
				t.Fatalf("encode = %q, %v, want %q", b, err, tt.in)
			}
		})
	}
}

// RFC 9449 section 7.1: two challenges in one field.
func TestBearerAndDPoP(t *testing.T) {
	cs, err := httpauth.ParseChallenges(`Bearer, DPoP algs="ES256 PS256"`)
	if err != nil || len(cs) != 2 {
		t.Fatalf("ParseChallenges = %v, %v", cs, err)
	}
	d, err := bearer.ParseChallenge(cs[1])
	if err != nil || d.Scheme != "DPoP" || !reflect.DeepEqual(d.Algs, []string{"ES256", "PS256"}) {
		t.Fatalf("DPoP = %+v, %v", d, err)
	}
}

func TestBuilderRefuses(t *testing.T) {
	tests := []struct {
		c    bearer.Challenge
		name string
	}{
		{bearer.Challenge{ErrorDescription: `say "hi"`}, "error_description"},
		{bearer.Challenge{ErrorDescription: `back\slash`}, "error_description"},
		{bearer.Challenge{ErrorDescription: "caf\u00e9"}, "error_description"},
		{bearer.Challenge{ErrorDescription: "a\tb"}, "error_description"},
		{bearer.Challenge{ErrorDescription: "a\r\nb"}, "error_description"},
		{bearer.Challenge{Error: "bad\"code"}, "error"},
		{bearer.Challenge{Scope: []string{"a b"}}, "scope"},
		{bearer.Challenge{Scope: []string{""}}, "scope"},
		{bearer.Challenge{Scope: []string{`x\y`}}, "scope"},
		{bearer.Challenge{ErrorURI: "https://e.example/a b"}, "error_uri"},
		{bearer.Challenge{Algs: []string{"ES256", "P\"S"}}, "algs"},
		{bearer.Challenge{ResourceMetadata: "https://x/\x7f"}, "resource_metadata"},
	}
	for _, tt := range tests {
		_, err := tt.c.Challenge()
		var ae *bearer.AttrError
		if !errors.Is(err, bearer.ErrCharset) || !errors.As(err, &ae) || ae.Name != tt.name {
			t.Errorf("Challenge(%+v) err = %v, want AttrError for %s", tt.c, err, tt.name)
		}
	}
	// Space is allowed in error_description, and all of %x21-7E but " and \.
	ok := bearer.Challenge{ErrorDescription: " !#[]~", Error: bearer.InvalidRequest}
	if err := ok.Validate(); err != nil {
		t.Errorf("Validate(%+v) = %v", ok, err)
	}
	// The generic encoder still guards realm and Extra.
	if _, err := (bearer.Challenge{Realm: "a\nb"}).Challenge(); !errors.Is(err, httpauth.ErrEncode) {
		t.Errorf("realm with LF: err = %v, want ErrEncode", err)
	}
}

func TestCredentials(t *testing.T) {
	// RFC 6750 section 2.1 and RFC 9449 section 7.1.
	for _, tt := range []struct{ in, scheme, token string }{
		{"Bearer mF_9.B5f-4.1JqM", "Bearer", "mF_9.B5f-4.1JqM"},
		{"DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU", "DPoP", "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"},
		{"bearer abc==", "bearer", "abc=="},
	} {
		tok, scheme, err := bearer.ParseCredentials(httpauth.MustParseCredentials(tt.in))
		if err != nil || tok != tt.token || scheme != tt.scheme {
			t.Errorf("ParseCredentials(%q) = %q, %q, %v", tt.in, tok, scheme, err)
		}
	}
	for _, in := range []string{`Bearer token="x"`, `Basic YTpi`} {
		if _, _, err := bearer.ParseCredentials(httpauth.MustParseCredentials(in)); err == nil {
			t.Errorf("ParseCredentials(%q) accepted", in)
		}
	}
	c, err := bearer.Credentials("mF_9.B5f-4.1JqM")
	if v, _ := c.Encode(); err != nil || v != "Bearer mF_9.B5f-4.1JqM" {
		t.Errorf("Credentials = %q, %v", v, err)
	}
	for _, bad := range []string{"", "a b", "a=b", "=a", "a\"", "a,b", "é"} {
		if _, err := bearer.Credentials(bad); !errors.Is(err, bearer.ErrToken) {
			t.Errorf("Credentials(%q) err = %v, want ErrToken", bad, err)
		}
		if bearer.IsB64Token(bad) {
			t.Errorf("IsB64Token(%q) = true", bad)
		}
	}
	for _, good := range []string{"a", "A-._~+/9", "abc==", "x="} {
		if !bearer.IsB64Token(good) {
			t.Errorf("IsB64Token(%q) = false", good)
		}
	}
}

func TestErrorCodes(t *testing.T) {
	for code, want := range map[bearer.ErrorCode]int{
		bearer.InvalidRequest: 400, bearer.InvalidToken: 401, bearer.InsufficientScope: 403,
		bearer.UseDPoPNonce: 401, bearer.InvalidDPoPProof: 401, "other": 0,
	} {
		if got := code.StatusCode(); got != want {
			t.Errorf("%s.StatusCode() = %d, want %d", code, got, want)
		}
	}
}
