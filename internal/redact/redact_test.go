package redact_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/schemetest"
)

const secret = "S3cretPlanted"

type creds struct {
	User string
	Pass string
	Key  []byte
}

func (c creds) view() redact.View {
	return redact.View{Type: "x.creds", Fields: []redact.Field{
		{Name: "User", Value: c.User},
		{Name: "Pass", Value: c.Pass, Secret: true},
		{Name: "Key", Value: c.Key, Secret: true},
	}}
}
func (c creds) String() string                                      { return c.view().String() }
func (c creds) Format(f fmt.State, verb rune)                       { c.view().Format(f, verb) }
func (c creds) MarshalJSON() ([]byte, error)                        { return c.view().MarshalJSON() }
func (c creds) MarshalXML(e *xml.Encoder, s xml.StartElement) error { return c.view().MarshalXML(e, s) }
func (c creds) LogValue() slog.Value                                { return c.view().LogValue() }

// outer holds a redacting value in a field, as a client holds credentials.
type outer struct {
	Name string
	C    creds
}

func TestNoRouteLeaks(t *testing.T) {
	c := creds{User: "alice", Pass: secret, Key: []byte(secret)}
	hexSecret := fmt.Sprintf("%x", secret)
	for _, v := range []any{c, &c, outer{Name: "o", C: c}, &outer{C: c}} {
		for route, s := range schemetest.Routes(v) {
			if strings.Contains(s, secret) || strings.Contains(strings.ToLower(s), hexSecret) {
				t.Errorf("%T via %s = %q: holds the secret", v, route, s)
			}
			if !strings.Contains(s, "alice") && !strings.Contains(s, fmt.Sprintf("%x", "alice")) {
				t.Errorf("%T via %s = %q: the user (not a secret) is missing", v, route, s)
			}
		}
	}
}

func TestForms(t *testing.T) {
	c := creds{User: "alice", Pass: secret}
	for _, tt := range []struct{ verb, want string }{
		{"%v", "{alice [redacted] }"},
		{"%+v", "{User:alice Pass:[redacted] Key:}"},
		{"%#v", `x.creds{User:"alice", Pass:"[redacted]", Key:""}`},
		{"%q", `"{alice [redacted] }"`},
	} {
		if got := fmt.Sprintf(tt.verb, c); got != tt.want {
			t.Errorf("Sprintf(%q) = %q, want %q", tt.verb, got, tt.want)
		}
	}
	j, _ := json.Marshal(c)
	if want := `{"User":"alice","Pass":"[redacted]","Key":""}`; string(j) != want {
		t.Errorf("json = %s, want %s", j, want)
	}
	x, _ := xml.Marshal(c)
	if want := `<creds><User>alice</User><Pass>[redacted]</Pass><Key></Key></creds>`; string(x) != want {
		t.Errorf("xml = %s, want %s", x, want)
	}
}
