package httpauth_test

import (
	"fmt"
	"testing"

	"github.com/authwire/httpauth"
	"github.com/google/go-cmp/cmp"
)

func TestParamsLookup(t *testing.T) {
	list := ps("Realm", "r", "charset", "UTF-8", "empty", "", "a^", "x")
	tests := []struct {
		name  string
		index int
		value string
	}{
		{"realm", 0, "r"},
		{"REALM", 0, "r"},
		{"Realm", 0, "r"},
		{"CharSet", 1, "UTF-8"},
		{"empty", 2, ""},
		{"a^", 3, "x"},
		{"A~", -1, ""}, // '^' and '~' differ by the case bit, but are not letters
		{"missing", -1, ""},
		{"realm ", -1, ""},
		{"rea", -1, ""},
		{"", -1, ""},
		{"\u212aelvin", -1, ""},
	}
	for _, tt := range tests {
		if i := list.Index(tt.name); i != tt.index {
			t.Errorf("Params.Index(%q) = %d, want %d", tt.name, i, tt.index)
		}
		v, ok := list.Get(tt.name)
		if v != tt.value || ok != (tt.index >= 0) {
			t.Errorf("Params.Get(%q) = %q, %v, want %q, %v", tt.name, v, ok, tt.value, tt.index >= 0)
		}
		if has := list.Has(tt.name); has != (tt.index >= 0) {
			t.Errorf("Params.Has(%q) = %v, want %v", tt.name, has, tt.index >= 0)
		}
	}
	var none httpauth.Params
	if i, has := none.Index("realm"), none.Has("realm"); i != -1 || has {
		t.Errorf("Params(nil): Index = %d, Has = %v", i, has)
	}
	if v, ok := none.Get("realm"); v != "" || ok {
		t.Errorf("Params(nil).Get(%q) = %q, %v, want \"\", false", "realm", v, ok)
	}
	// The first of two (a hand-built list) wins.
	if v, _ := ps("a", "1", "A", "2").Get("a"); v != "1" {
		t.Errorf("Get of a duplicated name = %q, want the first", v)
	}
}

func TestParamsSet(t *testing.T) {
	tests := []struct {
		name        string
		list        httpauth.Params
		key, value  string
		want        httpauth.Params
		zeroedAfter int // elements of the old storage past the result that must be zero
	}{
		{"replace keeps place and spelling", ps("realm", "a", "Scope", "s", "x", "1"), "SCOPE", "t", ps("realm", "a", "Scope", "t", "x", "1"), 0},
		{"append when absent", ps("realm", "a"), "scope", "s", ps("realm", "a", "scope", "s"), 0},
		{"empty value", ps("realm", "a"), "realm", "", ps("realm", ""), 0},
		{"later duplicates removed", ps("a", "1", "b", "2", "A", "3", "c", "4", "a", "5"), "a", "9", ps("a", "9", "b", "2", "c", "4"), 2},
		{"nil list", nil, "realm", "r", ps("realm", "r"), 0},
	}
	for _, tt := range tests {
		l := append(httpauth.Params(nil), tt.list...)
		full := l[:len(l):len(l)]
		l.Set(tt.key, tt.value)
		if !cmp.Equal(l, tt.want) {
			t.Errorf("%s: %v.Set(%q, %q) = %v, want %v", tt.name, tt.list, tt.key, tt.value, l, tt.want)
		}
		for i := len(full) - tt.zeroedAfter; i < len(full); i++ {
			if full[i] != (httpauth.Param{}) {
				t.Errorf("%s: freed element %d = %+v, want zero (no string kept alive)", tt.name, i, full[i])
			}
		}
	}
}

func TestParamsDel(t *testing.T) {
	tests := []struct {
		list httpauth.Params
		key  string
		want httpauth.Params
	}{
		{ps("realm", "a", "scope", "s"), "REALM", ps("scope", "s")},
		{ps("a", "1", "b", "2", "A", "3"), "a", ps("b", "2")},
		{ps("a", "1"), "b", ps("a", "1")},
		{ps("a", "1"), "a", ps()},
		{nil, "a", nil},
	}
	for _, tt := range tests {
		l := append(httpauth.Params(nil), tt.list...)
		full := l[:len(l):len(l)]
		l.Del(tt.key)
		if !cmp.Equal(l, tt.want, equateEmptyParams) {
			t.Errorf("%v.Del(%q) = %v, want %v", tt.list, tt.key, l, tt.want)
		}
		for i := len(l); i < len(full); i++ {
			if full[i] != (httpauth.Param{}) {
				t.Errorf("%v.Del(%q): freed element %d = %+v, want zero", tt.list, tt.key, i, full[i])
			}
		}
	}
}

// TestParamsEditParsed edits the params of parsed challenges: the parser
// gives each challenge storage of its own, so an edit of one never shows
// in another.
func TestParamsEditParsed(t *testing.T) {
	cs, err := httpauth.ParseChallenges(`Basic realm="a", charset=UTF-8, Bearer realm="b", scope="s"`, `Digest realm="c", nonce="n"`)
	if err != nil || len(cs) != 3 {
		t.Fatalf("ParseChallenges = %v, %v", cs, err)
	}
	want := []httpauth.Challenge{
		ch("Basic", "realm", "a", "charset", "UTF-8", "added", "1", "more", "2"),
		ch("Bearer", "scope", "s"),
		ch("Digest", "realm", "z", "nonce", "n"),
	}
	cs[0].Params.Set("added", "1")
	cs[0].Params.Set("more", "2")
	cs[1].Params.Del("realm")
	cs[2].Params.Set("REALM", "z")
	if diff := cmp.Diff(want, cs, equateEmptyParams); diff != "" {
		t.Errorf("edited challenges (-want +got):\n%s", diff)
	}
}

func TestParamsAllocs(t *testing.T) {
	skipIfAllocsInflated(t)
	l := ps("realm", "a", "scope", "s", "error", "e")
	for name, f := range map[string]func(){
		"Index":       func() { l.Index("ERROR") },
		"Get":         func() { l.Get("ERROR") },
		"Has":         func() { l.Has("ERROR") },
		"Set replace": func() { l.Set("Scope", "t") },
		"Del":         func() { l.Del("absent") },
	} {
		if got := testing.AllocsPerRun(100, f); got != 0 {
			t.Errorf("Params.%s: %v allocations, want 0", name, got)
		}
	}
	l = make(httpauth.Params, 0, 6)
	if got := testing.AllocsPerRun(1, func() {
		l = l[:0]
		l.Set("a", "1")
		l.Set("b", "2")
		l.Del("a")
	}); got != 0 {
		t.Errorf("Set and Del within capacity: %v allocations, want 0", got)
	}
}

func TestParamString(t *testing.T) {
	tests := []struct {
		p    httpauth.Param
		want string
	}{
		{httpauth.Param{Name: "charset", Value: "UTF-8"}, "charset=UTF-8"},
		{httpauth.Param{Name: "realm", Value: "x"}, `realm="x"`}, // always quoted
		{httpauth.Param{Name: "title", Value: `Login to "apps"`}, `title="Login to \"apps\""`},
		{httpauth.Param{Name: "a", Value: ""}, `a=""`},
		{httpauth.ExtParam("username", jason), "username*=UTF-8''J%C3%A4s%C3%B8n%20Doe"},
		{httpauth.Param{Name: "nextnonce", Value: "abc"}, `nextnonce="abc"`}, // as AppendParams writes it
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.p, got, tt.want)
		}
		if got := fmt.Sprint(tt.p); got != tt.want {
			t.Errorf("fmt.Sprint(%#v) = %q, want %q", tt.p, got, tt.want)
		}
	}
	if got, want := fmt.Sprint(ps("realm", "r", "qop", "auth")), `[realm="r" qop=auth]`; got != want {
		t.Errorf("fmt.Sprint(Params) = %q, want %q", got, want)
	}
	// What the encoder refuses never prints as a header.
	for _, p := range []httpauth.Param{
		{Name: "realm", Value: "x\r\nSet-Cookie: a=b"},
		{Name: "a b", Value: "c"},
		{Name: "", Value: "c"},
		{Name: "u*", Value: "not an ext-value"},
		{Name: "realm", Value: "caf\u00e9"},
	} {
		got := p.String()
		if len(got) == 0 || got[0] != '!' {
			t.Errorf("%#v.String() = %q, want a description starting with !", p, got)
		}
		for _, c := range []byte(got) {
			if c < 0x20 || c == 0x7f {
				t.Errorf("%#v.String() = %q holds a control character", p, got)
				break
			}
		}
	}
}

func TestChallengeIsRealm(t *testing.T) {
	c := ch("BASIC", "REALM", "x")
	if !c.Is("basic") || c.Is("bearer") || c.Is("basic ") || c.Realm() != "x" {
		t.Errorf("Challenge %v: Is(basic) = %v, Is(bearer) = %v, Realm() = %q", c, c.Is("basic"), c.Is("bearer"), c.Realm())
	}
	if r := ch("Basic").Realm(); r != "" {
		t.Errorf("Challenge without realm: Realm() = %q, want \"\"", r)
	}
	if cr := cred("DIGEST"); !cr.Is("digest") || cr.Is("basic") {
		t.Errorf("Credentials.Is: %v", cr)
	}
}
