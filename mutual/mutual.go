package mutual

import (
	"encoding/base64"
	"fmt"
	"io"
	"strconv"

	"github.com/authwire/httpauth"
)

// Scheme is the auth-scheme name.
const Scheme = "Mutual"

// Error reports a challenge, credentials or Authentication-Info value that
// is not a valid Mutual message. It names the parameter at fault and never
// quotes its value.
type Error struct {
	Param  string // parameter name, or "" for the scheme or the message as a whole
	Reason string
}

func (e *Error) Error() string {
	if e.Param == "" {
		return "mutual: " + e.Reason
	}
	return "mutual: " + e.Param + ": " + e.Reason
}

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
// flag is set.
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
	Extra httpauth.Params
}

// Credentials is a Mutual Authorization value: req-KEX-C1 or req-VFY-C.
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

// Info is the Authentication-Info of 200-VFY-S.
type Info struct {
	SID   string // hex
	VKS   string // base64
	Extra httpauth.Params
}

// field describes one typed parameter.
type field struct {
	name string
	typ  byte // 's' string, 'i' integer, 'h' hex, 'b' base64, 'v' version
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

// collect reads ps into vals (indexed like fields) and extra, refusing
// duplicates and checking each value's type. version is checked and
// dropped.
func collect(ps httpauth.Params, fields []field) (vals []string, seen []bool, extra httpauth.Params, err error) {
	vals = make([]string, len(fields))
	seen = make([]bool, len(fields))
	version := false
	for i, p := range ps {
		for _, q := range ps[:i] {
			if httpauth.EqualFold(q.Name, p.Name) {
				return nil, nil, nil, &Error{Param: p.Name, Reason: "duplicate parameter"}
			}
		}
		if httpauth.EqualFold(p.Name, "version") {
			if p.Value != "1" {
				return nil, nil, nil, &Error{Param: "version", Reason: `not 1`}
			}
			version = true
			continue
		}
		k := 0
		for k < len(fields) && !httpauth.EqualFold(fields[k].name, p.Name) {
			k++
		}
		if k == len(fields) {
			extra = append(extra, p)
			continue
		}
		if err := checkType(fields[k], p.Value); err != nil {
			return nil, nil, nil, err
		}
		vals[k], seen[k] = p.Value, true
	}
	if !version {
		return nil, nil, nil, &Error{Param: "version", Reason: "missing"}
	}
	return vals, seen, extra, nil
}

func checkType(f field, v string) error {
	switch f.typ {
	case 'i':
		_, err := parseInt(f.name, v)
		return err
	case 'h':
		if v == "" || len(v)%2 != 0 {
			return &Error{Param: f.name, Reason: "not hex with an even number of digits"}
		}
		for i := 0; i < len(v); i++ {
			c := v[i]
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return &Error{Param: f.name, Reason: "not hex with an even number of digits"}
			}
		}
	case 'b':
		if _, err := base64.StdEncoding.DecodeString(v); err != nil || v == "" {
			return &Error{Param: f.name, Reason: "not non-empty padded standard base64"}
		}
	}
	return nil
}

func parseInt(name, v string) (int64, error) {
	bad := &Error{Param: name, Reason: "not a non-negative integer of at most 18 digits"}
	if v == "" || len(v) > 18 {
		return 0, bad
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return 0, bad
		}
	}
	n, _ := strconv.ParseInt(v, 10, 64)
	return n, nil
}

func decode(name, v string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil || v == "" {
		return nil, &Error{Param: name, Reason: "not non-empty padded standard base64"}
	}
	return b, nil
}

// exclusive checks that exactly one of the named groups is present, where
// present[i] tells whether group i is. what names the groups for errors.
func exclusive(present []bool, what string) error {
	n := 0
	for _, p := range present {
		if p {
			n++
		}
	}
	switch {
	case n == 0:
		return &Error{Reason: "none of " + what + " (exactly one is required)"}
	case n > 1:
		return &Error{Reason: what + " are mutually exclusive"}
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

func checkScheme(scheme, token68 string) error {
	if !httpauth.EqualFold(scheme, Scheme) {
		return &Error{Reason: "scheme is not Mutual"}
	}
	if token68 != "" {
		return &Error{Reason: "token68 instead of auth-params"}
	}
	return nil
}

var challengeFields = []field{
	{"algorithm", 's'}, {"validation", 's'}, {"realm", 's'}, {"reason", 's'},
	{"sid", 'h'}, {"ks1", 'b'}, {"nc-max", 'i'}, {"nc-window", 'i'}, {"time", 'i'}, {"path", 's'},
	{"vks", 'b'}, {"kc1", 'b'}, {"vkc", 'b'},
}

// ParseChallenge reads a Mutual challenge (401-INIT, 401-STALE or
// 401-KEX-S1).
func ParseChallenge(c httpauth.Challenge) (Challenge, error) {
	if err := checkScheme(c.Scheme, c.Token68); err != nil {
		return Challenge{}, err
	}
	v, seen, extra, err := collect(c.Params, challengeFields)
	if err != nil {
		return Challenge{}, err
	}
	if seen[10] {
		return Challenge{}, &Error{Param: "vks", Reason: "belongs in Authentication-Info (200-VFY-S), not in a challenge"}
	}
	if seen[11] || seen[12] || anyNumbered(extra, "kc") {
		return Challenge{}, &Error{Reason: "request parameters (kc#, vkc) in a challenge"}
	}
	if seen[3] && v[3] == "" {
		return Challenge{}, &Error{Param: "reason", Reason: "empty"}
	}
	out := Challenge{
		Algorithm: v[0], Validation: v[1], Realm: v[2], Reason: v[3], SID: v[4], KS1: v[5], Path: v[9], Extra: extra,
		HasNCMax: seen[6], HasNCWindow: seen[7], HasTime: seen[8],
	}
	out.NCMax, _ = parseInt("nc-max", v[6])
	out.NCWindow, _ = parseInt("nc-window", v[7])
	out.Time, _ = parseInt("time", v[8])
	return out, out.check()
}

func (c Challenge) check() error {
	ks := c.KS1 != "" || anyNumbered(c.Extra, "ks")
	if err := exclusive([]bool{c.Reason != "", ks}, "reason and ks#"); err != nil {
		return err
	}
	if c.Algorithm == "" {
		return &Error{Param: "algorithm", Reason: "missing"}
	}
	if c.Validation == "" {
		return &Error{Param: "validation", Reason: "missing"}
	}
	if ks && c.SID == "" {
		return &Error{Param: "sid", Reason: "missing (required with ks#)"}
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
// when set, then Extra.
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
	{"algorithm", 's'}, {"validation", 's'}, {"realm", 's'}, {"user", 's'},
	{"sid", 'h'}, {"kc1", 'b'}, {"vkc", 'b'}, {"nc", 'i'},
	{"reason", 's'}, {"ks1", 'b'}, {"vks", 'b'},
}

// ParseCredentials reads Mutual credentials (req-KEX-C1 or req-VFY-C).
func ParseCredentials(c httpauth.Credentials) (Credentials, error) {
	if err := checkScheme(c.Scheme, c.Token68); err != nil {
		return Credentials{}, err
	}
	v, seen, extra, err := collect(c.Params, credentialFields)
	if err != nil {
		return Credentials{}, err
	}
	if seen[8] || seen[9] || seen[10] || anyNumbered(extra, "ks") {
		return Credentials{}, &Error{Reason: "response parameters (reason, ks#, vks) in credentials"}
	}
	out := Credentials{Algorithm: v[0], Validation: v[1], Realm: v[2], User: v[3], SID: v[4], KC1: v[5], VKC: v[6], HasNC: seen[7], Extra: extra}
	out.NC, _ = parseInt("nc", v[7])
	return out, out.check()
}

func (c Credentials) check() error {
	kc := c.KC1 != "" || anyNumbered(c.Extra, "kc")
	if err := exclusive([]bool{kc, c.VKC != ""}, "kc# and vkc"); err != nil {
		return err
	}
	if c.Algorithm == "" {
		return &Error{Param: "algorithm", Reason: "missing"}
	}
	if c.Validation == "" {
		return &Error{Param: "validation", Reason: "missing"}
	}
	if kc && c.User == "" {
		return &Error{Param: "user", Reason: "missing (required with kc#)"}
	}
	if c.VKC != "" {
		if c.SID == "" {
			return &Error{Param: "sid", Reason: "missing (required with vkc)"}
		}
		if !c.HasNC {
			return &Error{Param: "nc", Reason: "missing (required with vkc)"}
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
// validation, realm, then user, sid, kc1, nc, vkc when set, then Extra.
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

// Format prints the scheme and the message kind, never a value, for every
// verb.
func (c Credentials) Format(f fmt.State, verb rune) {
	io.WriteString(f, "Mutual "+string(c.Kind())+" [redacted]")
}

var infoFields = []field{{"sid", 'h'}, {"vks", 'b'}, {"reason", 's'}, {"ks1", 'b'}}

// ParseInfo reads the Authentication-Info of 200-VFY-S (parse the field
// with httpauth.ParseParams): version, sid and vks are required; reason and
// ks# are refused.
func ParseInfo(ps httpauth.Params) (Info, error) {
	v, seen, extra, err := collect(ps, infoFields)
	if err != nil {
		return Info{}, err
	}
	if seen[2] || seen[3] || anyNumbered(extra, "ks") {
		return Info{}, &Error{Reason: "reason, ks# and vks are mutually exclusive"}
	}
	out := Info{SID: v[0], VKS: v[1], Extra: extra}
	return out, out.check()
}

func (i Info) check() error {
	if i.VKS == "" {
		return &Error{Param: "vks", Reason: "missing"}
	}
	if i.SID == "" {
		return &Error{Param: "sid", Reason: "missing"}
	}
	return nil
}

// DecodeVKS returns the decoded vks value.
func (i Info) DecodeVKS() ([]byte, error) { return decode("vks", i.VKS) }

// Build returns i as an Authentication-Info list: version=1, sid, vks, then
// Extra.
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
