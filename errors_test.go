package httpauth_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

// Errors and warnings carry offsets and constant reasons, never the input:
// a syntax error built from an Authorization value does not carry its
// secrets into a log.

// secretAlphabet avoids the letters of the error messages' words being
// matched by chance: secrets are long random runs checked by 8-byte
// windows.
const secretAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

func newSecret(r *rand.Rand) string {
	b := make([]byte, 24)
	for i := range b {
		b[i] = secretAlphabet[r.IntN(len(secretAlphabet))]
	}
	return string(b)
}

// secretLeak returns a window of a secret that msg contains, or "".
func secretLeak(msg string, secrets []string) string {
	const w = 8
	for _, s := range secrets {
		for i := 0; i+w <= len(s); i++ {
			if strings.Contains(msg, s[i:i+w]) {
				return s[i : i+w]
			}
		}
	}
	return ""
}

// malformedCredentials returns a credentials value holding secrets (a
// token68 or param values, quoted or not) with one fault put in it.
func malformedCredentials(r *rand.Rand) (string, []string) {
	var b strings.Builder
	var secrets []string
	b.WriteString([]string{"Basic", "Bearer", "Digest", "DPoP", "X"}[r.IntN(5)])
	b.WriteByte(' ')
	if r.IntN(2) == 0 {
		s := newSecret(r)
		secrets = append(secrets, s)
		b.WriteString(s + strings.Repeat("=", r.IntN(3)))
	} else {
		for i, n := 0, 1+r.IntN(4); i < n; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			s := newSecret(r)
			secrets = append(secrets, s)
			if r.IntN(2) == 0 {
				fmt.Fprintf(&b, "n%d=%s", i, s)
			} else {
				fmt.Fprintf(&b, `n%d="%s\%s"`, i, s[:12], s[12:])
			}
		}
	}
	v := []byte(b.String())
	// One fault, anywhere, including inside a secret.
	faults := []string{"\x00", "\r\n", "\x7f", "\x80", `"`, `\`, ",", "=", "@", " ", "\t", ", Basic x", ",,", "é"}
	i := r.IntN(len(v) + 1)
	switch r.IntN(3) {
	case 0:
		v = append(v[:i], append([]byte(faults[r.IntN(len(faults))]), v[i:]...)...)
	case 1:
		if i < len(v) {
			v[i] = faults[r.IntN(len(faults))][0]
		}
	case 2:
		v = v[:i] // truncated, e.g. inside a quoted-string
	}
	return string(v), secrets
}

func TestErrorsHoldNoSecrets(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 6))
	errs := 0
	for i := 0; i < 20000; i++ {
		v, secrets := malformedCredentials(r)
		_, err := httpauth.ParseCredentials(v)
		if err == nil {
			continue
		}
		errs++
		if w := secretLeak(err.Error(), secrets); w != "" {
			t.Fatalf("ParseCredentials(%q) error %q quotes the secret fragment %q", v, err, w)
		}
		if w := secretLeak(fmt.Sprintf("%v %+v %#v", err, err, err), secrets); w != "" {
			t.Fatalf("ParseCredentials(%q) error printed with %%v/%%+v/%%#v quotes the secret fragment %q", v, w)
		}
		// The same value as a WWW-Authenticate or Authentication-Info
		// field must not leak either.
		if _, err := httpauth.ParseChallenges(v); err != nil {
			if w := secretLeak(err.Error(), secrets); w != "" {
				t.Fatalf("ParseChallenges(%q) error %q quotes the secret fragment %q", v, err, w)
			}
		}
		// Nor must a lenient parse's warnings.
		p := httpauth.Parser{Lenient: true}
		_, err = p.ParseCredentials(nil, v)
		for _, w := range p.Warnings() {
			if f := secretLeak(w.Message, secrets); f != "" {
				t.Fatalf("lenient ParseCredentials(%q) warning %q quotes the secret fragment %q", v, w.Message, f)
			}
		}
		if err != nil {
			if w := secretLeak(err.Error(), secrets); w != "" {
				t.Fatalf("lenient ParseCredentials(%q) error %q quotes the secret fragment %q", v, err, w)
			}
		}
	}
	if errs < 5000 {
		t.Fatalf("only %d of the generated values were malformed; the generator no longer tests errors", errs)
	}
}
