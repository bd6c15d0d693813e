package httpauth_test

import (
	"errors"
	"fmt"

	"github.com/authwire/httpauth"
)

// A Parser can allow chosen recoveries only: here unquoted values with
// delimiters or spaces, as AWS Signature V4 and gin-jwt send them, and
// nothing else, so that `Basic; realm="x"` stays an error.
func ExampleKinds() {
	p := httpauth.Parser{Allow: httpauth.Kinds(httpauth.WarnLooseValue, httpauth.WarnSpaceInValue)}
	cs, err := p.ParseChallenges(nil, `JWT realm=gin jwt, Basic realm="x"`)
	fmt.Println(len(cs), cs[0].Realm(), err)
	for _, w := range p.Warnings() {
		fmt.Println(w.Offset, w.Kind == httpauth.WarnSpaceInValue)
	}

	_, err = p.ParseChallenges(nil, `Basic; realm="x"`)
	fmt.Println(err, p.Allow.Has(httpauth.WarnSemicolonAfterScheme))
	// Output:
	// 2 gin jwt <nil>
	// 14 true
	// httpauth: line 0, offset 5: auth-scheme must be followed by a space, ',' or end of field false
}

// Lenient mode keeps what is complete: the realm before a malformed
// parameter, and a token68 with a stray parameter after it; credentials
// whose data is neither a token68 nor parameters are kept whole as an
// opaque value in Token68, which the scheme's own code can check.
func ExampleParser_salvage() {
	p := httpauth.Parser{Lenient: true}
	cs, _ := p.ParseChallenges(nil, `Bearer realm="https://auth.example/token",service=`, `Basic 2932ff== realm="x"`)
	for _, c := range cs {
		fmt.Printf("%s %q", c.Scheme, c.Token68)
		for _, p := range c.Params {
			fmt.Printf(" %s=%q", p.Name, p.Value)
		}
		fmt.Println()
	}
	for _, w := range p.Warnings() {
		fmt.Println(w.Line, w.Offset, w.Kind == httpauth.WarnSkippedParam, w.Kind == httpauth.WarnStrayParam)
	}

	c, err := p.ParseCredentials(nil, `SharedKey myaccount:ctzMq410TV3wS7upTBcunJTDLEJwMAZuFPfr0mrrA08=`)
	fmt.Println(c.Scheme, len(c.Token68), err, p.Warnings()[0].Kind == httpauth.WarnOpaqueCredentials)
	// Output:
	// Bearer "" realm="https://auth.example/token"
	// Basic "2932ff=="
	// 0 50 true false
	// 1 15 false true
	// SharedKey 54 <nil> true
}

func ExampleSyntaxError() {
	_, err := httpauth.ParseCredentials("Basic QWxh\x00ZGRpbg==")
	var se *httpauth.SyntaxError
	if errors.As(err, &se) {
		fmt.Println(se.Line, se.Offset, se.Err)
	}
	// Output:
	// 0 10 control character
}

func ExampleLimitError() {
	p := httpauth.Parser{Limits: httpauth.Limits{MaxParams: 2}}
	_, err := p.ParseChallenges(nil, `Digest realm="r", nonce="n", qop="auth"`)
	var le *httpauth.LimitError
	fmt.Println(errors.Is(err, httpauth.ErrLimit), errors.As(err, &le), le.Limit)
	fmt.Println(err)
	// Output:
	// true true 2
	// httpauth: line 0, offset 29: more than 2 parameters (limit)
}

func ExampleLimits() {
	// Zero means the default; negative means no limit.
	p := httpauth.Parser{Limits: httpauth.Limits{MaxChallenges: 1, MaxLineBytes: -1}}
	cs, err := p.ParseChallenges(nil, `Basic realm="a"`, `Bearer realm="b"`)
	fmt.Println(len(cs), err)
	// Output:
	// 1 httpauth: line 1, offset 0: more than 1 challenges (limit)
}

func ExampleIsToken() {
	fmt.Println(httpauth.IsToken("realm"), httpauth.IsToken("a/b"), httpauth.IsToken(""))
	// Output:
	// true false false
}

func ExampleIsToken68() {
	fmt.Println(httpauth.IsToken68("QWxhZGRpbg=="), httpauth.IsToken68("a=b"), httpauth.IsToken68("a:b"))
	// Output:
	// true false false
}

func ExampleKind() {
	fmt.Println(httpauth.KindToken, httpauth.KindQuoted, httpauth.KindEquals, httpauth.Kind('/'))
	// Output:
	// token quoted-string "=" "/"
}

func ExampleLexer_Reset() {
	var lx httpauth.Lexer
	for _, line := range []string{`Basic realm="a"`, `Negotiate YII=`} {
		lx.Reset(line) // the same Lexer, another line
		n := 0
		for lx.Next() {
			n++
		}
		fmt.Println(n, lx.Err())
	}
	// Output:
	// 5 <nil>
	// 4 <nil>
}

func ExampleLexer_Next() {
	var lx httpauth.Lexer
	lx.Reset(`a=b`)
	for lx.Next() {
		fmt.Printf("%q ", lx.Text())
	}
	fmt.Println(lx.Next())
	// Output:
	// "a" "=" "b" false
}

func ExampleLexer_Kind() {
	var lx httpauth.Lexer
	lx.Reset(`realm="x", y`)
	for lx.Next() {
		fmt.Print(lx.Kind(), "; ")
	}
	fmt.Println(lx.Kind())
	// Output:
	// token; "="; quoted-string; ","; space; token; invalid
}

func ExampleLexer_Text() {
	var lx httpauth.Lexer
	lx.Reset(`title="Login to \"apps\""`)
	for lx.Next() {
		if lx.Kind() == httpauth.KindQuoted {
			v, _ := httpauth.Unquote(lx.Text())
			fmt.Println(lx.Text(), v)
		}
	}
	// Output:
	// "Login to \"apps\"" Login to "apps"
}

func ExampleLexer_Offset() {
	var lx httpauth.Lexer
	lx.Reset(`Basic realm="a"`)
	for lx.Next() {
		fmt.Print(lx.Offset(), " ")
	}
	fmt.Println()
	// Output:
	// 0 5 6 11 12
}

func ExampleLexer_Escaped() {
	var lx httpauth.Lexer
	lx.Reset(`"plain" "es\"caped"`)
	for lx.Next() {
		if lx.Kind() == httpauth.KindQuoted {
			fmt.Println(lx.Text(), lx.Escaped())
		}
	}
	// Output:
	// "plain" false
	// "es\"caped" true
}

func ExampleLexer_Err() {
	var lx httpauth.Lexer
	lx.Reset(`realm="unterminated`)
	for lx.Next() {
	}
	fmt.Println(lx.Err())
	// Output:
	// httpauth: line 0, offset 6: unterminated quoted-string
}

func ExampleUnquote() {
	v, err := httpauth.Unquote(`"a \"b\" \c"`)
	fmt.Println(v, err)
	_, err = httpauth.Unquote(`"a" b`)
	fmt.Println(err)
	// Output:
	// a "b" c <nil>
	// httpauth: line 0, offset 3: unexpected text after the closing quote
}

func ExampleAppendUnquote() {
	b := []byte("realm: ")
	b, err := httpauth.AppendUnquote(b, `"Login to \"apps\""`)
	fmt.Println(string(b), err)
	// Output:
	// realm: Login to "apps" <nil>
}

func ExampleParseChallenge() {
	c, err := httpauth.ParseChallenge(`Basic realm="WallyWorld"`)
	fmt.Println(c.Scheme, c.Realm(), err)
	_, err = httpauth.ParseChallenge(`Basic realm="a", Bearer`)
	fmt.Println(err)
	// Output:
	// Basic WallyWorld <nil>
	// httpauth: line 0, offset 0: expected exactly one challenge
}

func ExampleMustParseChallenge() {
	c := httpauth.MustParseChallenge(`Negotiate YIIBdg==`)
	fmt.Println(c.Scheme, c.Token68)
	// Output:
	// Negotiate YIIBdg==
}

func ExampleMustParseCredentials() {
	c := httpauth.MustParseCredentials(`Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==`)
	fmt.Println(c.Scheme, len(c.Token68))
	// Output:
	// Basic 28
}

func ExampleParser_ParseCredentials() {
	var p httpauth.Parser
	var c httpauth.Credentials
	for _, v := range []string{`Digest username="a", nc=00000001`, `Digest username="b", nc=00000002`} {
		var err error
		c, err = p.ParseCredentials(c.Params[:0], v) // reuses the params' storage
		if err != nil {
			fmt.Println(err)
			return
		}
		u, _ := c.Params.Get("username")
		fmt.Println(u)
	}
	// Output:
	// a
	// b
}

func ExampleParser_ParseParams() {
	var p httpauth.Parser
	ps, err := p.ParseParams(nil, `nextnonce="abc", qop=auth`, `rspauth="x"`)
	fmt.Println(len(ps), err)
	// Output:
	// 3 <nil>
}

func ExampleParser_Warnings() {
	p := httpauth.Parser{Lenient: true}
	p.ParseChallenges(nil, "Basic; realm=\"x\", Bearer\tscope=y")
	for _, w := range p.Warnings() {
		fmt.Printf("%d:%d %s\n", w.Line, w.Offset, w.Message)
	}
	// Output:
	// 0:5 ';' after the auth-scheme, read as a space
	// 0:24 HTAB between auth-scheme and its data, read as a space (RFC 9110 requires SP)
}

func ExampleWarning() {
	p := httpauth.Parser{Lenient: true}
	p.ParseChallenges(nil, `Basic realm="x", Foo bar baz, Bearer`)
	w := p.Warnings()[0]
	fmt.Println(w.Kind == httpauth.WarnSkippedChallenge, w.Offset)
	fmt.Println(w.Message)
	fmt.Println(w.Err) // what strict mode reports there
	// Output:
	// true 25
	// malformed challenge skipped
	// expected '=' after parameter name
}

func ExampleWarningKind() {
	fmt.Println(httpauth.WarnLooseValue)
	// Output:
	// unquoted value holds characters outside token, read up to the next ',' or space (it should be a quoted-string)
}

func ExampleWarningKinds() {
	// Unquoted values, and duplicates dropped: nothing else.
	allow := httpauth.Kinds(httpauth.WarnLooseValue, httpauth.WarnSpaceInValue, httpauth.WarnDuplicateParam)
	p := httpauth.Parser{Allow: allow}
	cs, err := p.ParseChallenges(nil, `Digest realm="a", realm="b", domain=/x`)
	fmt.Println(cs[0].Params.Get("realm"))
	fmt.Println(cs[0].Params.Get("domain"))
	fmt.Println(err, len(p.Warnings()))
	// Output:
	// a true
	// /x true
	// <nil> 2
}

func ExampleWarningKinds_Has() {
	allow := httpauth.Kinds(httpauth.WarnObsFold)
	fmt.Println(allow.Has(httpauth.WarnObsFold), allow.Has(httpauth.WarnLooseValue))
	// Output:
	// true false
}

func ExampleSchemeError() {
	// What a scheme package returns for a challenge of another scheme.
	var err error = &httpauth.SchemeError{Scheme: "Digest", Err: httpauth.ErrOtherScheme}
	fmt.Println(err, errors.Is(err, httpauth.ErrOtherScheme))
	var se *httpauth.SchemeError
	fmt.Println(errors.As(err, &se), se.Scheme)
	// Output:
	// httpauth: Digest: another auth-scheme true
	// true Digest
}
