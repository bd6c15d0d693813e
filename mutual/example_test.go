package mutual_test

import (
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/mutual"
)

// A client reads the server's 401-KEX-S1 message.
func Example() {
	hc := httpauth.MustParseChallenge(`Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="testrealm@example.com", sid=0a1b2c3d, ks1="a3Mx", nc-max=10, nc-window=16, time=600, path="/"`)
	c, err := mutual.ParseChallenge(hc)
	if err != nil {
		fmt.Println(err)
		return
	}
	ks1, _ := c.DecodeKS1()
	fmt.Println(c.Kind(), c.Algorithm, c.SID, len(ks1), c.NCMax, c.Time)
	// Output:
	// 401-KEX-S1 iso-kam3-dl-2048-sha256 0a1b2c3d 3 10 600
}

// A client tries each challenge of a 401 response in turn and skips those
// of other schemes.
func ExampleParseChallenge() {
	cs, _ := httpauth.ParseChallenges(`Basic realm="x", Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="x", reason=initial`)
	for _, hc := range cs {
		c, err := mutual.ParseChallenge(hc)
		if errors.Is(err, httpauth.ErrOtherScheme) {
			fmt.Println("skip", hc.Scheme)
			continue
		}
		fmt.Println(c.Kind(), c.Reason, c.Algorithm, err)
	}
	// Output:
	// skip Basic
	// 401-INIT initial iso-kam3-dl-2048-sha256 <nil>
}

// A challenge holds no secret: it prints as a plain struct.
func ExampleChallenge() {
	c := mutual.Challenge{Algorithm: "iso-kam3-dl-2048-sha256", Validation: "host", Realm: "x", Reason: "stale-session"}
	fmt.Printf("%s %+v\n", c.Kind(), c)
	// Output:
	// 401-INIT {Algorithm:iso-kam3-dl-2048-sha256 Validation:host Realm:x Reason:stale-session SID: KS1: NCMax:0 HasNCMax:false NCWindow:0 HasNCWindow:false Time:0 HasTime:false Path: Extra:[]}
}

// A server writes its 401-KEX-S1 message.
func ExampleChallenge_Build() {
	c := mutual.Challenge{Algorithm: "iso-kam3-dl-2048-sha256", Validation: "host", Realm: "x",
		SID: "0a1b", KS1: "a3Mx", NCMax: 10, HasNCMax: true}
	hc, err := c.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("WWW-Authenticate:", hc)

	c.Reason = "initial" // reason and ks1 exclude each other
	_, err = c.Build()
	fmt.Println(err)
	// Output:
	// WWW-Authenticate: Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="x", sid=0a1b, ks1=a3Mx, nc-max=10
	// httpauth: Mutual: reason and ks# are mutually exclusive
}

// Kind names the message a challenge carries.
func ExampleChallenge_Kind() {
	for _, v := range []string{
		`Mutual version=1, algorithm=a, validation=host, reason=auth-failed`,
		`Mutual version=1, algorithm=a, validation=host, sid=00, ks1="a3Mx"`,
	} {
		c, err := mutual.ParseChallenge(httpauth.MustParseChallenge(v))
		fmt.Println(c.Kind(), err)
	}
	// Output:
	// 401-INIT <nil>
	// 401-KEX-S1 <nil>
}

func ExampleChallenge_DecodeKS1() {
	c := mutual.Challenge{KS1: "a3Mx"}
	b, err := c.DecodeKS1()
	fmt.Printf("%q %v\n", b, err)

	c.KS1 = "a3M" // not padded base64
	_, err = c.DecodeKS1()
	fmt.Println(err)
	// Output:
	// "ks1" <nil>
	// httpauth: Mutual ks1: not non-empty padded standard base64
}

// Kind tells a server which step of the exchange a request is at.
func ExampleKind() {
	for _, v := range []string{
		`Mutual version=1, algorithm=a, validation=host, user="alice", kc1="a2Mx"`,
		`Mutual version=1, algorithm=a, validation=host, sid=0a1b, nc=1, vkc="dmtj"`,
	} {
		c, err := mutual.ParseCredentials(httpauth.MustParseCredentials(v))
		if err != nil {
			fmt.Println(err)
			continue
		}
		switch c.Kind() {
		case mutual.KexC1:
			fmt.Println(c.Kind(), "from", c.User, "- answer with", mutual.KexS1)
		case mutual.VfyC:
			fmt.Println(c.Kind(), "in session", c.SID, "- answer with", mutual.VfyS)
		}
	}
	// Output:
	// req-KEX-C1 from alice - answer with 401-KEX-S1
	// req-VFY-C in session 0a1b - answer with 200-VFY-S
}

// A server reads the client's req-KEX-C1 message.
func ExampleParseCredentials() {
	hc := httpauth.MustParseCredentials(`Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="x", user="alice", kc1="a2Mx"`)
	c, err := mutual.ParseCredentials(hc)
	fmt.Println(c.Kind(), c.User, c.KC1, err)

	_, err = mutual.ParseCredentials(httpauth.MustParseCredentials(`Mutual version=1, algorithm=a, validation=host, kc1="a2Mx"`))
	fmt.Println(err, errors.Is(err, httpauth.ErrMissingParam))
	// Output:
	// req-KEX-C1 alice a2Mx <nil>
	// httpauth: Mutual user: required parameter missing true
}

// Credentials print without the verifier, so that a log shows the
// exchange but nothing that proves the password.
func ExampleCredentials() {
	c := mutual.Credentials{Algorithm: "iso-kam3-dl-2048-sha256", Validation: "host", Realm: "x",
		SID: "0a1b", NC: 1, HasNC: true, VKC: "dmtj"}
	fmt.Printf("%+v\n", c)
	// Output:
	// {Algorithm:iso-kam3-dl-2048-sha256 Validation:host Realm:x User: SID:0a1b KC1: VKC:[redacted] NC:1 HasNC:true Extra:}
}

// A client writes its req-VFY-C message.
func ExampleCredentials_Build() {
	c := mutual.Credentials{Algorithm: "iso-kam3-dl-2048-sha256", Validation: "host", Realm: "x",
		SID: "0a1b", NC: 1, HasNC: true, VKC: "dmtj"}
	hc, err := c.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := hc.Encode()
	fmt.Println("Authorization:", v, err)
	// Output:
	// Authorization: Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm="x", sid=0a1b, nc=1, vkc=dmtj <nil>
}

func ExampleCredentials_Kind() {
	c := mutual.Credentials{KC1: "a2Mx"}
	fmt.Println(c.Kind())
	c = mutual.Credentials{VKC: "dmtj"}
	fmt.Println(c.Kind())
	// Output:
	// req-KEX-C1
	// req-VFY-C
}

func ExampleCredentials_DecodeKC1() {
	c := mutual.Credentials{KC1: "a2Mx"}
	b, err := c.DecodeKC1()
	fmt.Printf("%q %v\n", b, err)
	// Output:
	// "kc1" <nil>
}

func ExampleCredentials_DecodeVKC() {
	c := mutual.Credentials{VKC: "dmtj"}
	b, err := c.DecodeVKC()
	fmt.Printf("%q %v\n", b, err)
	// Output:
	// "vkc" <nil>
}

// A client reads the server's 200-VFY-S message.
func ExampleParseInfo() {
	ps, err := httpauth.ParseParams(`version=1, sid=0a1b, vks="dmtz"`)
	if err != nil {
		fmt.Println(err)
		return
	}
	i, err := mutual.ParseInfo(ps)
	fmt.Println(i.SID, err)
	// Output:
	// 0a1b <nil>
}

// Info prints without the server's verifier.
func ExampleInfo() {
	fmt.Println(mutual.Info{SID: "0a1b", VKS: "dmtz"})
	// Output:
	// {0a1b [redacted] }
}

// A server writes its 200-VFY-S message.
func ExampleInfo_Build() {
	ps, err := mutual.Info{SID: "0a1b", VKS: "dmtz"}.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := httpauth.AppendParams(nil, ps)
	fmt.Printf("Authentication-Info: %s %v\n", b, err)
	// Output:
	// Authentication-Info: version=1, sid=0a1b, vks=dmtz <nil>
}

func ExampleInfo_DecodeVKS() {
	b, err := mutual.Info{VKS: "dmtz"}.DecodeVKS()
	fmt.Printf("%q %v\n", b, err)
	// Output:
	// "vks" <nil>
}
