package fuzzgen

import (
	"github.com/authwire/httpauth"
)

// Field is the grammar of the header field a case is a value of (RFC 9110
// section 11.6 and 11.7). Its String is the field name the JSON-lines
// protocol of the command-line tool uses.
type Field uint8

// The three grammars of the authentication fields.
const (
	// Challenges is WWW-Authenticate or Proxy-Authenticate: #challenge.
	Challenges Field = iota + 1
	// Credentials is Authorization or Proxy-Authorization: one credentials.
	Credentials
	// Params is Authentication-Info or Proxy-Authentication-Info:
	// #auth-param.
	Params
)

// String returns "www-authenticate", "authorization" or
// "authentication-info".
func (f Field) String() string {
	switch f {
	case Challenges:
		return "www-authenticate"
	case Credentials:
		return "authorization"
	case Params:
		return "authentication-info"
	}
	return "unknown-field"
}

// Mode says what kind of value a case is, and so what its oracle predicts.
type Mode uint8

// The generator's modes.
const (
	// Valid values follow RFC 9110: a strict parser accepts them and
	// returns the values of the case.
	Valid Mode = iota + 1
	// NearValid values hold exactly one deviation of a kind that real
	// senders make and that a lenient parser recovers from (or, for
	// [httpauth.WarnDropped], more of them than it keeps warnings for):
	// a strict parser rejects them at Err, a lenient one
	// ([httpauth.Parser] with Lenient set) accepts them with exactly the
	// warnings of the case.
	NearValid
	// Hostile values are built to break parsers: control characters and
	// bytes %x80-FF where they may not stand, header-splitting CR LF,
	// limits passed by one, long runs of backslashes, quotes and commas,
	// unterminated quoted-strings, duplicates. A strict parser rejects
	// them at Err.
	Hostile
)

// String returns "valid", "near-valid" or "hostile".
func (m Mode) String() string {
	switch m {
	case Valid:
		return "valid"
	case NearValid:
		return "near-valid"
	case Hostile:
		return "hostile"
	}
	return "unknown-mode"
}

// ErrClass is the class of the error a strict parser reports, as the
// sentinel the httpauth error wraps.
type ErrClass uint8

// The error classes.
const (
	// ErrSyntax is any other grammar error.
	ErrSyntax ErrClass = iota + 1
	// ErrLimit: one of the default [httpauth.Limits] is passed
	// ([httpauth.ErrLimit]).
	ErrLimit
	// ErrDuplicate: a parameter name occurs twice in one challenge,
	// credentials or list ([httpauth.ErrDuplicateParam]).
	ErrDuplicate
	// ErrEmpty: an Authorization value with no credentials
	// ([httpauth.ErrEmpty]).
	ErrEmpty
)

// String returns "syntax", "limit", "duplicate" or "empty".
func (c ErrClass) String() string {
	switch c {
	case ErrSyntax:
		return "syntax"
	case ErrLimit:
		return "limit"
	case ErrDuplicate:
		return "duplicate"
	case ErrEmpty:
		return "empty"
	}
	return "unknown-error"
}

// Fault is where a strict parser must report the first error of a value:
// the 0-based field line and the 0-based byte offset in that line, as in
// [httpauth.SyntaxError], and the class of the error.
type Fault struct {
	Line   int
	Offset int
	Class  ErrClass
}

// Case is one generated (or golden) field value with its oracle: what a
// strict RFC 9110 parser must return for it.
type Case struct {
	// Name identifies a golden case (its file name); it is empty for
	// generated cases.
	Name string

	Field Field
	Mode  Mode

	// Lines are the field lines, in order. Several lines of a list field
	// are one list, as if joined by ", ".
	Lines []string

	// The values a strict parser returns, when Err is nil: Challenges for
	// a Challenges field, Credentials for a Credentials field, Params for
	// a Params field. Names and schemes are as written, values without
	// quotes and quoted-pairs.
	Challenges  []httpauth.Challenge
	Credentials httpauth.Credentials
	Params      httpauth.Params

	// Err is where a strict parser fails, nil when it accepts.
	Err *Fault

	// Warnings are, for a NearValid case, the kinds of the warnings a
	// lenient httpauth.Parser (default limits) reports, in order, when it
	// accepts the value. [Case.Deviation] says which one the case was
	// built around.
	Warnings []httpauth.WarningKind

	// Categories are the features of the grammar the case exercises, for
	// grouping results; a Hostile or NearValid case lists what makes it
	// invalid.
	Categories []Category
}

// Deviation returns the kind of deviation a NearValid case was built
// around: its first warning, or [httpauth.WarnDropped] when the case holds
// more deviations than the default [httpauth.Limits] keep warnings for
// (its warnings then end with that kind). It returns 0 for a case without
// warnings.
func (c *Case) Deviation() httpauth.WarningKind {
	switch n := len(c.Warnings); {
	case n == 0:
		return 0
	case c.Warnings[n-1] == httpauth.WarnDropped:
		return httpauth.WarnDropped
	}
	return c.Warnings[0]
}

// Category is a feature of the grammar, a kind of fault or a kind of
// deviation, used to group the results of a conformance run.
type Category uint8

// The categories. Their String is the name reports use.
const (
	CatToken68      Category = iota // token68 (Basic, Negotiate, Bearer credentials)
	CatParams                       // auth-params
	CatBareScheme                   // a scheme alone
	CatMulti                        // several challenges in one field
	CatLines                        // several field lines
	CatEmpty                        // empty list elements
	CatEscapes                      // quoted-pairs
	CatQuoted                       // quoted-string values
	CatBWS                          // whitespace around "="
	CatOWS                          // whitespace at the ends of lines and around commas
	CatObsText                      // bytes %x80-FF inside quoted-strings
	CatExtValue                     // RFC 8187 ext-values (name*=UTF-8''...)
	CatCase                         // schemes and names in unusual case
	CatLimits                       // the default limits, reached or passed by one
	CatDuplicates                   // a parameter name twice
	CatCTL                          // control characters and %x80-FF where they may not stand
	CatSplitting                    // CR, LF or NUL: header-splitting attempts
	CatUnterminated                 // an unterminated quoted-string
	CatRuns                         // long runs of backslashes, quotes or commas
	CatStructure                    // misplaced elements: a parameter without a scheme, after a token68, a second credentials
	CatLenient                      // a deviation that lenient parsers recover from
	CatRealistic                    // a value as real services send it (golden corpus)
	numCategories
)

var categoryNames = [numCategories]string{
	CatToken68:      "token68",
	CatParams:       "params",
	CatBareScheme:   "bare-scheme",
	CatMulti:        "several-challenges",
	CatLines:        "several-lines",
	CatEmpty:        "empty-elements",
	CatEscapes:      "escapes",
	CatQuoted:       "quoted-strings",
	CatBWS:          "bws",
	CatOWS:          "ows",
	CatObsText:      "obs-text",
	CatExtValue:     "ext-value",
	CatCase:         "case",
	CatLimits:       "limits",
	CatDuplicates:   "duplicates",
	CatCTL:          "control-characters",
	CatSplitting:    "header-splitting",
	CatUnterminated: "unterminated",
	CatRuns:         "long-runs",
	CatStructure:    "structure",
	CatLenient:      "lenient",
	CatRealistic:    "realistic",
}

// String returns the category's name, such as "token68" or
// "empty-elements".
func (c Category) String() string {
	if c < numCategories {
		return categoryNames[c]
	}
	return "unknown-category"
}

// Categories returns every category, in order.
func Categories() []Category {
	out := make([]Category, numCategories)
	for i := range out {
		out[i] = Category(i)
	}
	return out
}

// ParseCategory returns the category named name.
func ParseCategory(name string) (Category, bool) {
	for i, n := range categoryNames {
		if n == name {
			return Category(i), true
		}
	}
	return 0, false
}

// catSet is a set of categories.
type catSet uint32

func (s *catSet) add(cs ...Category) {
	for _, c := range cs {
		*s |= 1 << c
	}
}

func (s catSet) list() []Category {
	var out []Category
	for c := Category(0); c < numCategories; c++ {
		if s&(1<<c) != 0 {
			out = append(out, c)
		}
	}
	return out
}

// HasCategory reports whether c lists cat.
func (c *Case) HasCategory(cat Category) bool {
	for _, x := range c.Categories {
		if x == cat {
			return true
		}
	}
	return false
}
