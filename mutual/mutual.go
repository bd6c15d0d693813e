package mutual

import (
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/internal/redact"
	"github.com/authwire/httpauth/internal/scheme"
)

// Scheme is the auth-scheme name, as registered by RFC 8120.
const Scheme = "Mutual"

// Reasons of this package's errors. Each is the Err of the
// *httpauth.SchemeError that reports it; none holds input.
const (
	errVersion        scheme.Reason = "not 1"
	errHex            scheme.Reason = "not hex with an even number of digits"
	errBase64         scheme.Reason = "not non-empty padded standard base64"
	errNoReasonKS     scheme.Reason = "neither reason nor ks# (a challenge has exactly one)"
	errReasonAndKS    scheme.Reason = "reason and ks# are mutually exclusive"
	errNoKCVKC        scheme.Reason = "neither kc# nor vkc (credentials have exactly one)"
	errKCAndVKC       scheme.Reason = "kc# and vkc are mutually exclusive"
	errVKSInChallenge scheme.Reason = "belongs in Authentication-Info (200-VFY-S), not in a challenge"
	errRequestParams  scheme.Reason = "request parameters (kc#, vkc) in a challenge"
	errResponseParam  scheme.Reason = "response parameters (reason, ks#, vks) in credentials"
	errInfoParams     scheme.Reason = "reason and ks# in Authentication-Info, where vks excludes them"
)

// Kind names a Mutual message.
type Kind string

// The messages of RFC 8120 section 4.
const (
	Init  Kind = "401-INIT"   // challenge with reason (401-STALE when reason=stale-session)
	KexS1 Kind = "401-KEX-S1" // challenge with ks1
	KexC1 Kind = "req-KEX-C1" // credentials with kc1
	VfyC  Kind = "req-VFY-C"  // credentials with vkc
	VfyS  Kind = "200-VFY-S"  // Authentication-Info with vks
)

// Challenge is a Mutual challenge: 401-INIT, 401-STALE or 401-KEX-S1. Empty
// strings are absent parameters; integers are meaningful when their Has
// flag is set. A challenge holds no secret: ks1 is the server's public
// key-exchange value.
type Challenge struct {
	Algorithm   string
	Validation  string
	Realm       string
	Reason      string // initial, stale-session, auth-failed, ...
	SID         string // hex
	KS1         string // base64
	NCMax       int64
	HasNCMax    bool
	NCWindow    int64
	HasNCWindow bool
	Time        int64
	HasTime     bool
	Path        string // space-separated paths
	// Extra holds the other parameters (auth-scope, ks2, ...), as sent.
	// One named with a final "*" must hold an RFC 8187 ext-value (else
	// the Parse functions return an error wrapping httpauth.ErrExtValue);
	// so for the Extra of Credentials and Info.
	Extra httpauth.Params
}

// Credentials is a Mutual Authorization value: req-KEX-C1 or req-VFY-C.
// VKC, the client's verifier, and Extra are secret (see the package
// documentation).
type Credentials struct {
	Algorithm  string
	Validation string
	Realm      string
	User       string
	SID        string // hex
	KC1        string // base64
	VKC        string // base64
	NC         int64
	HasNC      bool
	Extra      httpauth.Params
}

// Info is the Authentication-Info of 200-VFY-S. VKS, the server's
// verifier, and Extra are secret.
type Info struct {
	SID   string // hex
	VKS   string // base64
	Extra httpauth.Params
}

// typ is how a parameter's value is checked.
type typ byte

const (
	text typ = iota
	integer
	hex
	b64
)

// field describes one typed parameter.
type field struct {
	name string
	typ  typ
}

// numbered reports whether name is prefix followed by one or more digits
// (ks1, kc2, ...).
func numbered(name, prefix string) bool {
	if len(name) <= len(prefix) || !httpauth.EqualFold(name[:len(prefix)], prefix) {
		return false
	}
	for i := len(prefix); i < len(name); i++ {
		if name[i] < '0' || name[i] > '9' {
			return false
		}
	}
	return true
}

// names returns "version" and the names of fields: the parameters a
// message of fields knows.
func names(fields []field) []string {
	ns := make([]string, len(fields)+1)
	ns[0] = "version"
	for i, f := range fields {
		ns[i+1] = f.name
	}
	return ns
}

// collect reads ps into vals and seen (indexed like fields) and extra,
// refusing duplicates and checking each value's type. known is
// names(fields). version is required, checked and dropped.
func collect(ps httpauth.Params, fields []field, known []string) (vals []string, seen []bool, extra httpauth.Params, err error) {
	all, present, err := scheme.Lookup(Scheme, ps, known...)
	if err != nil {
		return nil, nil, nil, err
	}
	if !present[0] {
		return nil, nil, nil, scheme.Err(Scheme, "version", httpauth.ErrMissingParam)
	}
	if all[0] != "1" {
		return nil, nil, nil, scheme.Err(Scheme, "version", errVersion)
	}
	vals, seen = all[1:], present[1:]
	for k, f := range fields {
		if seen[k] {
			if err := checkType(f, vals[k]); err != nil {
				return nil, nil, nil, err
			}
		}
	}
	for _, p := range ps {
		if scheme.Known(p.Name, known...) == "" {
			if err := scheme.Extra(Scheme, p); err != nil {
				return nil, nil, nil, err
			}
			extra = append(extra, p)
		}
	}
	return vals, seen, extra, nil
}

func checkType(f field, v string) error {
	switch f.typ {
	case integer:
		_, err := parseInt(f.name, v)
		return err
	case hex:
		if v == "" || len(v)%2 != 0 {
			return scheme.Err(Scheme, f.name, errHex)
		}
		for i := 0; i < len(v); i++ {
			c := v[i]
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return scheme.Err(Scheme, f.name, errHex)
			}
		}
	case b64:
		_, err := decode(f.name, v)
		return err
	}
	return nil
}

func parseInt(name, v string) (int64, error) {
	n, ok := scheme.Digits(v)
	if !ok {
		return 0, scheme.Err(Scheme, name, scheme.NotDigits)
	}
	return n, nil
}

func decode(name, v string) ([]byte, error) {
	b, ok := scheme.DecodeBase64(base64.StdEncoding, v)
	if !ok || len(b) == 0 {
		return nil, scheme.Err(Scheme, name, errBase64)
	}
	return b, nil
}

// exclusive checks that exactly one of a and b holds.
func exclusive(a, b bool, none, both scheme.Reason) error {
	switch {
	case !a && !b:
		return scheme.Err(Scheme, "", none)
	case a && b:
		return scheme.Err(Scheme, "", both)
	}
	return nil
}

func anyNumbered(ps httpauth.Params, prefix string) bool {
	for _, p := range ps {
		if numbered(p.Name, prefix) {
			return true
		}
	}
	return false
}

var challengeFields = []field{
	{"algorithm", text}, {"validation", text}, {"realm", text}, {"reason", text},
	{"sid", hex}, {"ks1", b64}, {"nc-max", integer}, {"nc-window", integer}, {"time", integer}, {"path", text},
	{"vks", b64}, {"kc1", b64}, {"vkc", b64},
}

var challengeNames = names(challengeFields)

// ParseChallenge reads a Mutual challenge (401-INIT, 401-STALE or
// 401-KEX-S1) from a generic one. A challenge of another scheme is an
// error wrapping [httpauth.ErrOtherScheme]; a missing version, algorithm
// or validation, or sid with ks1, wraps [httpauth.ErrMissingParam].
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Challenge{}, err
	}
	v, seen, extra, err := collect(c.Params, challengeFields, challengeNames)
	if err != nil {
		return Challenge{}, err
	}
	if seen[10] {
		return Challenge{}, scheme.Err(Scheme, "vks", errVKSInChallenge)
	}
	if seen[11] || seen[12] || anyNumbered(extra, "kc") {
		return Challenge{}, scheme.Err(Scheme, "", errRequestParams)
	}
	if seen[3] && v[3] == "" {
		return Challenge{}, scheme.Err(Scheme, "reason", scheme.Empty)
	}
	out := Challenge{
		Algorithm: v[0], Validation: v[1], Realm: v[2], Reason: v[3], SID: v[4], KS1: v[5], Path: v[9], Extra: extra,
		HasNCMax: seen[6], HasNCWindow: seen[7], HasTime: seen[8],
	}
	out.NCMax, _ = scheme.Digits(v[6])
	out.NCWindow, _ = scheme.Digits(v[7])
	out.Time, _ = scheme.Digits(v[8])
	return out, out.check()
}

func (c Challenge) check() error {
	ks := c.KS1 != "" || anyNumbered(c.Extra, "ks")
	if err := exclusive(c.Reason != "", ks, errNoReasonKS, errReasonAndKS); err != nil {
		return err
	}
	if c.Algorithm == "" {
		return scheme.Err(Scheme, "algorithm", httpauth.ErrMissingParam)
	}
	if c.Validation == "" {
		return scheme.Err(Scheme, "validation", httpauth.ErrMissingParam)
	}
	if ks && c.SID == "" {
		return scheme.Err(Scheme, "sid", httpauth.ErrMissingParam)
	}
	return nil
}

// Kind returns Init for a challenge with reason and KexS1 for one with ks#.
func (c Challenge) Kind() Kind {
	if c.Reason != "" {
		return Init
	}
	return KexS1
}

// DecodeKS1 returns the decoded ks1 value.
func (c Challenge) DecodeKS1() ([]byte, error) { return decode("ks1", c.KS1) }

// Build returns c as a generic challenge: version=1, algorithm,
// validation, realm, then reason, sid, ks1, nc-max, nc-window, time, path
// when set, then Extra. It refuses what ParseChallenge refuses.
func (c Challenge) Build() (httpauth.Challenge, error) {
	if err := c.check(); err != nil {
		return httpauth.Challenge{}, err
	}
	ps := httpauth.Params{{Name: "version", Value: "1"}}
	ps = add(ps, "algorithm", c.Algorithm, true)
	ps = add(ps, "validation", c.Validation, true)
	ps = add(ps, "realm", c.Realm, c.Realm != "")
	ps = add(ps, "reason", c.Reason, c.Reason != "")
	ps = add(ps, "sid", c.SID, c.SID != "")
	ps = add(ps, "ks1", c.KS1, c.KS1 != "")
	ps = add(ps, "nc-max", strconv.FormatInt(c.NCMax, 10), c.HasNCMax)
	ps = add(ps, "nc-window", strconv.FormatInt(c.NCWindow, 10), c.HasNCWindow)
	ps = add(ps, "time", strconv.FormatInt(c.Time, 10), c.HasTime)
	ps = add(ps, "path", c.Path, c.Path != "")
	ps = append(ps, c.Extra...)
	hc := httpauth.Challenge{Scheme: Scheme, Params: ps}
	if _, err := ParseChallenge(hc); err != nil {
		return httpauth.Challenge{}, err
	}
	return hc, nil
}

func add(ps httpauth.Params, name, v string, set bool) httpauth.Params {
	if !set {
		return ps
	}
	return append(ps, httpauth.Param{Name: name, Value: v})
}

var credentialFields = []field{
	{"algorithm", text}, {"validation", text}, {"realm", text}, {"user", text},
	{"sid", hex}, {"kc1", b64}, {"vkc", b64}, {"nc", integer},
	{"reason", text}, {"ks1", b64}, {"vks", b64},
}

var credentialNames = names(credentialFields)

// ParseCredentials reads Mutual credentials (req-KEX-C1 or req-VFY-C) from
// generic ones. Credentials of another scheme are an error wrapping
// [httpauth.ErrOtherScheme]; a missing version, algorithm or validation,
// user with kc1, or sid or nc with vkc, wraps [httpauth.ErrMissingParam].
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := scheme.Params(Scheme, c.Scheme, c.Token68); err != nil {
		return Credentials{}, err
	}
	v, seen, extra, err := collect(c.Params, credentialFields, credentialNames)
	if err != nil {
		return Credentials{}, err
	}
	if seen[8] || seen[9] || seen[10] || anyNumbered(extra, "ks") {
		return Credentials{}, scheme.Err(Scheme, "", errResponseParam)
	}
	out := Credentials{Algorithm: v[0], Validation: v[1], Realm: v[2], User: v[3], SID: v[4], KC1: v[5], VKC: v[6], HasNC: seen[7], Extra: extra}
	out.NC, _ = scheme.Digits(v[7])
	return out, out.check()
}

func (c Credentials) check() error {
	kc := c.KC1 != "" || anyNumbered(c.Extra, "kc")
	if err := exclusive(kc, c.VKC != "", errNoKCVKC, errKCAndVKC); err != nil {
		return err
	}
	if c.Algorithm == "" {
		return scheme.Err(Scheme, "algorithm", httpauth.ErrMissingParam)
	}
	if c.Validation == "" {
		return scheme.Err(Scheme, "validation", httpauth.ErrMissingParam)
	}
	if kc && c.User == "" {
		return scheme.Err(Scheme, "user", httpauth.ErrMissingParam)
	}
	if c.VKC != "" {
		if c.SID == "" {
			return scheme.Err(Scheme, "sid", httpauth.ErrMissingParam)
		}
		if !c.HasNC {
			return scheme.Err(Scheme, "nc", httpauth.ErrMissingParam)
		}
	}
	return nil
}

// Kind returns KexC1 for credentials with kc# and VfyC for those with vkc.
func (c Credentials) Kind() Kind {
	if c.VKC != "" {
		return VfyC
	}
	return KexC1
}

// DecodeKC1 returns the decoded kc1 value.
func (c Credentials) DecodeKC1() ([]byte, error) { return decode("kc1", c.KC1) }

// DecodeVKC returns the decoded vkc value.
func (c Credentials) DecodeVKC() ([]byte, error) { return decode("vkc", c.VKC) }

// Build returns c as generic credentials: version=1, algorithm,
// validation, realm, then user, sid, kc1, nc, vkc when set, then Extra. It
// refuses what ParseCredentials refuses.
func (c Credentials) Build() (httpauth.Credentials, error) {
	if err := c.check(); err != nil {
		return httpauth.Credentials{}, err
	}
	ps := httpauth.Params{{Name: "version", Value: "1"}}
	ps = add(ps, "algorithm", c.Algorithm, true)
	ps = add(ps, "validation", c.Validation, true)
	ps = add(ps, "realm", c.Realm, c.Realm != "")
	ps = add(ps, "user", c.User, c.User != "")
	ps = add(ps, "sid", c.SID, c.SID != "")
	ps = add(ps, "kc1", c.KC1, c.KC1 != "")
	ps = add(ps, "nc", strconv.FormatInt(c.NC, 10), c.HasNC)
	ps = add(ps, "vkc", c.VKC, c.VKC != "")
	ps = append(ps, c.Extra...)
	hc := httpauth.Credentials{Scheme: Scheme, Params: ps}
	if _, err := ParseCredentials(hc); err != nil {
		return httpauth.Credentials{}, err
	}
	return hc, nil
}

func (c Credentials) view() redact.View {
	return redact.View{Type: "mutual.Credentials", Fields: []redact.Field{
		{Name: "Algorithm", Value: c.Algorithm},
		{Name: "Validation", Value: c.Validation},
		{Name: "Realm", Value: c.Realm},
		{Name: "User", Value: c.User},
		{Name: "SID", Value: c.SID},
		{Name: "KC1", Value: c.KC1},
		{Name: "VKC", Value: c.VKC, Secret: true},
		{Name: "NC", Value: c.NC},
		{Name: "HasNC", Value: c.HasNC},
		{Name: "Extra", Value: c.Extra, Secret: true},
	}}
}

// String returns c with its secrets masked, as every printed form does.
func (c Credentials) String() string { return c.view().String() }

// Format prints c with its secrets masked, under every verb.
func (c Credentials) Format(f fmt.State, verb rune) { c.view().Format(f, verb) }

// MarshalJSON returns c as a JSON object with its secrets masked.
func (c Credentials) MarshalJSON() ([]byte, error) { return c.view().MarshalJSON() }

// MarshalXML writes c as an XML element with its secrets masked.
func (c Credentials) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return c.view().MarshalXML(e, start)
}

// LogValue returns c as a slog group with its secrets masked.
func (c Credentials) LogValue() slog.Value { return c.view().LogValue() }

var (
	infoFields = []field{{"sid", hex}, {"vks", b64}, {"reason", text}, {"ks1", b64}}
	infoNames  = names(infoFields)
)

// ParseInfo reads the Authentication-Info of 200-VFY-S (parse the field
// with httpauth.ParseParams): version, sid and vks are required (a missing
// one wraps [httpauth.ErrMissingParam]); reason and ks# are refused.
func ParseInfo(ps httpauth.Params) (Info, error) {
	v, seen, extra, err := collect(ps, infoFields, infoNames)
	if err != nil {
		return Info{}, err
	}
	if seen[2] || seen[3] || anyNumbered(extra, "ks") {
		return Info{}, scheme.Err(Scheme, "", errInfoParams)
	}
	out := Info{SID: v[0], VKS: v[1], Extra: extra}
	return out, out.check()
}

func (i Info) check() error {
	if i.VKS == "" {
		return scheme.Err(Scheme, "vks", httpauth.ErrMissingParam)
	}
	if i.SID == "" {
		return scheme.Err(Scheme, "sid", httpauth.ErrMissingParam)
	}
	return nil
}

// DecodeVKS returns the decoded vks value.
func (i Info) DecodeVKS() ([]byte, error) { return decode("vks", i.VKS) }

// Build returns i as an Authentication-Info list: version=1, sid, vks, then
// Extra. It refuses what ParseInfo refuses.
func (i Info) Build() (httpauth.Params, error) {
	if err := i.check(); err != nil {
		return nil, err
	}
	ps := httpauth.Params{{Name: "version", Value: "1"}, {Name: "sid", Value: i.SID}, {Name: "vks", Value: i.VKS}}
	ps = append(ps, i.Extra...)
	if _, err := ParseInfo(ps); err != nil {
		return nil, err
	}
	return ps, nil
}

func (i Info) view() redact.View {
	return redact.View{Type: "mutual.Info", Fields: []redact.Field{
		{Name: "SID", Value: i.SID},
		{Name: "VKS", Value: i.VKS, Secret: true},
		{Name: "Extra", Value: i.Extra, Secret: true},
	}}
}

// String returns i with its secrets masked, as every printed form does.
func (i Info) String() string { return i.view().String() }

// Format prints i with its secrets masked, under every verb.
func (i Info) Format(f fmt.State, verb rune) { i.view().Format(f, verb) }

// MarshalJSON returns i as a JSON object with its secrets masked.
func (i Info) MarshalJSON() ([]byte, error) { return i.view().MarshalJSON() }

// MarshalXML writes i as an XML element with its secrets masked.
func (i Info) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return i.view().MarshalXML(e, start)
}

// LogValue returns i as a slog group with its secrets masked.
func (i Info) LogValue() slog.Value { return i.view().LogValue() }
