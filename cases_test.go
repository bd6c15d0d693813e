package httpauth_test

// benchCase is one realistic field value used by the benchmarks, the
// allocation test and as a fuzz seed. The names are a contract (DESIGN.md):
// outside tooling compares BenchmarkX/<name> across packages.
type benchCase struct {
	name    string
	field   string // "challenge" (WWW-Authenticate) or "credentials" (Authorization)
	lenient bool   // needs lenient mode
	escapes bool   // holds a quoted-pair, so parsing it allocates once per escaped value
	in      string
}

var benchCases = []benchCase{
	{name: "docker-bearer", field: "challenge",
		in: `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull"`},
	{name: "digest-md5", field: "challenge",
		in: `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`},
	{name: "basic", field: "challenge",
		in: `Basic realm="WallyWorld", charset="UTF-8"`},
	{name: "basic", field: "credentials",
		in: `Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==`},
	{name: "multi", field: "challenge",
		in: `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", Basic realm="http-auth@example.org", Bearer realm="example", Negotiate`},
	{name: "multi-escaped", field: "challenge", escapes: true,
		in: `Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple"`},
	{name: "negotiate", field: "challenge",
		in: `Negotiate YIIBdgYJKoZIhvcSAQICAQBuggFlMIIBYaADAgEFoQMCAQ6iBwMFACAAAACjggEFYYIBATCB/qADAgEFoQ0bC0VYQU1QTEUuQ09NohswGaADAgEDoRIwEBsESFRUUBsIc2VydmVyMDGjgcowgcegAwIBF6EDAgEBooG6BIG3==`},
	{name: "negotiate", field: "credentials",
		in: `Negotiate YIIBdgYJKoZIhvcSAQICAQBuggFlMIIBYaADAgEFoQMCAQ6iBwMFACAAAACjggEFYYIBATCB/qADAgEFoQ0bC0VYQU1QTEUuQ09NohswGaADAgEDoRIwEBsESFRUUBsIc2VydmVyMDGjgcowgcegAwIBF6EDAgEBooG6BIG3==`},
	{name: "digest-authz", field: "credentials",
		in: `Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`},
	// AWS Signature V4 sends "/" and ";" in unquoted values: only lenient
	// mode reads it. It is an Authorization value; it also runs as a
	// challenge list so that BenchmarkParseChallenges/aws-sigv4 measures
	// lenient mode on the challenge path.
	{name: "aws-sigv4", field: "challenge", lenient: true, in: awsSigV4},
	{name: "aws-sigv4", field: "credentials", lenient: true, in: awsSigV4},
	{name: "bearer", field: "credentials",
		in: `Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`},
}

const awsSigV4 = `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024`
