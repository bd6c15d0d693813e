package bearer_test

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bearer"
	"github.com/authwire/httpauth/internal/scheme"
	"github.com/authwire/httpauth/internal/schemetest"
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
		{"ext-value", `Bearer realm="a", title*=UTF-8''caf%C3%A9`, bearer.Challenge{Scheme: "Bearer", Realm: "a", Extra: httpauth.Params{{Name: "title*", Value: "UTF-8''caf%C3%A9"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := bearer.ParseChallenge(httpauth.MustParseChallenge(tt.in))
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ParseChallenge(%q) = %#v, %v, want %#v", tt.in, got, err, tt.want)
			}
			g, err := got.Build()
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

func TestParseChallengeSchemeSpelling(t *testing.T) {
	for in, want := range map[string]string{"bearer": "Bearer", "BEARER realm=x": "Bearer", "dpop": "DPoP", "Dpop algs=ES256": "DPoP"} {
		c, err := schemetest.ViewChallenge(t, in, bearer.ParseChallenge)
		if err != nil || c.Scheme != want {
			t.Errorf("ParseChallenge(%q).Scheme = %q, %v; want %q", in, c.Scheme, err, want)
		}
	}
}

func TestParseChallengeErrors(t *testing.T) {
	for _, tt := range []struct {
		in         httpauth.Challenge
		sch, param string
		want       error
	}{
		{httpauth.MustParseChallenge(`Basic realm="a"`), "Bearer", "", httpauth.ErrOtherScheme},
		{httpauth.MustParseChallenge(`Bearerx realm="a"`), "Bearer", "", httpauth.ErrOtherScheme},
		{httpauth.MustParseChallenge(`Bearer abc=`), "Bearer", "", scheme.NoToken68},
		{httpauth.MustParseChallenge(`DPoP abc=`), "DPoP", "", scheme.NoToken68},
		{httpauth.Challenge{Scheme: "Bearer", Params: httpauth.Params{{Name: "scope", Value: "a"}, {Name: "SCOPE", Value: "b"}}}, "Bearer", "scope", scheme.Duplicate},
		{httpauth.Challenge{Scheme: "Bearer", Params: httpauth.Params{{Name: "x", Value: "a"}, {Name: "X", Value: "b"}}}, "Bearer", "", scheme.Duplicate},
	} {
		_, err := bearer.ParseChallenge(tt.in)
		schemetest.CheckError(t, fmt.Sprintf("ParseChallenge(%v)", tt.in), err, tt.sch, tt.param, tt.want, "")
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
		_, err := tt.c.Build()
		schemetest.CheckError(t, fmt.Sprintf("Build(%+v)", tt.c), err, "Bearer", tt.name, bearer.ErrCharset, "")
	}
	// The scheme of the value names the error.
	_, err := bearer.Challenge{Scheme: "DPoP", Algs: []string{"a b"}}.Build()
	schemetest.CheckError(t, "DPoP Build", err, "DPoP", "algs", bearer.ErrCharset, "")
	// Space is allowed in error_description, and all of %x21-7E but " and \.
	ok := bearer.Challenge{ErrorDescription: " !#[]~", Error: bearer.InvalidRequest}
	if _, err := ok.Build(); err != nil {
		t.Errorf("Build(%+v) = %v", ok, err)
	}
	// What the encoder could not write, Build refuses, never naming an
	// Extra attribute (its name may come from input).
	for _, tt := range []struct {
		c     bearer.Challenge
		param string
		want  error
	}{
		{bearer.Challenge{Realm: "a\nb"}, "realm", scheme.CTL},
		{bearer.Challenge{Extra: httpauth.Params{{Name: "x", Value: "a\r\nb"}}}, "", scheme.CTL},
		{bearer.Challenge{Extra: httpauth.Params{{Name: "a b", Value: "c"}}}, "", scheme.NotAToken},
		{bearer.Challenge{Extra: httpauth.Params{{Name: "", Value: "c"}}}, "", scheme.NotAToken},
		{bearer.Challenge{Extra: httpauth.Params{{Name: "t*", Value: "caf\u00e9"}}}, "", scheme.Malformed},
		{bearer.Challenge{Realm: "a", Extra: httpauth.Params{{Name: "Realm", Value: "b"}}}, "realm", scheme.Duplicate},
		{bearer.Challenge{Extra: httpauth.Params{{Name: "x", Value: "a"}, {Name: "X", Value: "b"}}}, "", scheme.Duplicate},
		{bearer.Challenge{Scheme: "Basic"}, "", httpauth.ErrOtherScheme},
	} {
		hc, err := tt.c.Build()
		schemetest.CheckError(t, fmt.Sprintf("Build(%+v)", tt.c), err, "Bearer", tt.param, tt.want, "")
		if err == nil {
			if _, err := httpauth.AppendChallenge(nil, hc); err == nil {
				t.Errorf("the encoder writes what Build should refuse: %+v", tt.c)
			}
		}
	}
}

func TestCredentials(t *testing.T) {
	// RFC 6750 section 2.1 and RFC 9449 section 7.1.
	for _, tt := range []struct{ in, scheme, token string }{
		{"Bearer mF_9.B5f-4.1JqM", "Bearer", "mF_9.B5f-4.1JqM"},
		{"DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU", "DPoP", "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"},
		{"bearer abc==", "Bearer", "abc=="},
		{"dpop abc", "DPoP", "abc"},
	} {
		c, err := schemetest.ViewCredentials(t, tt.in, bearer.ParseCredentials)
		if err != nil || c.Token != tt.token || c.Scheme != tt.scheme {
			t.Errorf("ParseCredentials(%q) = %q, %v; want %s", tt.in, c.Scheme, err, tt.scheme)
		}
	}
	for _, tt := range []struct {
		in   httpauth.Credentials
		sch  string
		want error
	}{
		{httpauth.MustParseCredentials(`Bearer token="x"`), "Bearer", scheme.NoParams},
		{httpauth.MustParseCredentials(`DPoP token="x"`), "DPoP", scheme.NoParams},
		{httpauth.MustParseCredentials(`Basic YTpi`), "Bearer", httpauth.ErrOtherScheme},
		{httpauth.MustParseCredentials(`Bearer`), "Bearer", scheme.MissingToken68},
		{httpauth.Credentials{Scheme: "Bearer", Token68: "a b"}, "Bearer", scheme.NotToken68},
		{httpauth.Credentials{Scheme: "Bearer", Token68: "abc\r\n"}, "Bearer", scheme.NotToken68},
	} {
		_, err := bearer.ParseCredentials(tt.in)
		schemetest.CheckError(t, fmt.Sprintf("ParseCredentials(%s)", tt.in.Scheme), err, tt.sch, "", tt.want, "")
	}
	for _, tt := range []struct {
		c    bearer.Credentials
		want string
	}{
		{bearer.Credentials{Token: "mF_9.B5f-4.1JqM"}, "Bearer mF_9.B5f-4.1JqM"},
		{bearer.Credentials{Scheme: "dpop", Token: "abc=="}, "DPoP abc=="},
	} {
		hc, err := tt.c.Build()
		if v, _ := hc.Encode(); err != nil || v != tt.want {
			t.Errorf("Build(%v) encodes as %q, %v; want %q", tt.c, v, err, tt.want)
		}
	}
	for _, bad := range []string{"", "a b", "a=b", "=a", "a\"", "a,b", "é"} {
		_, err := bearer.Credentials{Token: bad}.Build()
		if !errors.Is(err, scheme.NotToken68) && !errors.Is(err, scheme.MissingToken68) {
			t.Errorf("Build(%q) err = %v, want a token68 error", bad, err)
		}
	}
	_, err := bearer.Credentials{Scheme: "Basic", Token: "abc"}.Build()
	schemetest.CheckError(t, "Build of scheme Basic", err, "Bearer", "", httpauth.ErrOtherScheme, "")
}

// The forms the package documentation promises: the scheme stays visible,
// the token prints as [redacted] when set.
func TestRedactedForms(t *testing.T) {
	c := bearer.Credentials{Scheme: "Bearer", Token: "mF_9.B5f-4.1JqM"}
	for _, tt := range []struct{ verb, want string }{
		{"%v", "{Bearer [redacted]}"},
		{"%d", "{Bearer [redacted]}"},
		{"%+v", "{Scheme:Bearer Token:[redacted]}"},
		{"%#v", `bearer.Credentials{Scheme:"Bearer", Token:"[redacted]"}`},
	} {
		if got := fmt.Sprintf(tt.verb, c); got != tt.want {
			t.Errorf("Sprintf(%s) = %q, want %q", tt.verb, got, tt.want)
		}
	}
	j, err := json.Marshal(c)
	if want := `{"Scheme":"Bearer","Token":"[redacted]"}`; err != nil || string(j) != want {
		t.Errorf("json = %s, %v; want %s", j, err, want)
	}
	x, err := xml.Marshal(c)
	if want := `<Credentials><Scheme>Bearer</Scheme><Token>[redacted]</Token></Credentials>`; err != nil || string(x) != want {
		t.Errorf("xml = %s, %v; want %s", x, err, want)
	}
	if v := c.LogValue().String(); v != "[Scheme=Bearer Token=[redacted]]" {
		t.Errorf("LogValue = %s", v)
	}
}

func TestErrorCodes(t *testing.T) {
	for code, want := range map[bearer.ErrorCode]int{
		bearer.InvalidRequest: 400, bearer.InvalidToken: 401, bearer.InsufficientScope: 403,
		bearer.UseDPoPNonce: 401, bearer.InvalidDPoPProof: 401, "other": 0, "": 0, "INVALID_TOKEN": 0,
	} {
		if got := code.StatusCode(); got != want {
			t.Errorf("%s.StatusCode() = %d, want %d", code, got, want)
		}
		if got := code.Registered(); got != (want != 0) {
			t.Errorf("%s.Registered() = %v", code, got)
		}
	}
}
