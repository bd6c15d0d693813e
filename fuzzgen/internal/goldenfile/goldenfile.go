// Package goldenfile reads the repository's hand-written test cases
// (testdata/golden, testdata/corpus and testdata/lenient, in the format of
// testdata/README.md) as fuzzgen cases, and writes them as the Go source
// of fuzzgen's golden table, so that the cases travel inside the package
// (and the httpauth command) without the repository.
package goldenfile

import (
	"bytes"
	"fmt"
	"go/format"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/fuzzgen"
	"github.com/authwire/httpauth/internal/txtar"
)

// Dirs are the directories of testdata read, in order.
var Dirs = []string{"golden", "corpus", "lenient"}

// Load reads every case of the directories Dirs under testdata.
func Load(testdata string) ([]fuzzgen.Case, error) {
	var out []fuzzgen.Case
	for _, dir := range Dirs {
		files, err := txtar.Glob(filepath.Join(testdata, dir))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no case in %s", filepath.Join(testdata, dir))
		}
		for _, f := range files {
			a, err := txtar.ReadFile(f)
			if err != nil {
				return nil, err
			}
			name := dir + "/" + strings.TrimSuffix(filepath.Base(f), ".txtar")
			c, ok, err := parse(name, a)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", f, err)
			}
			if ok {
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// section returns the lines of a's section called name, and whether it
// has one.
func section(a *txtar.Archive, name string) ([]string, bool) {
	data, ok := a.Get(name)
	if !ok || data == "" {
		return nil, ok
	}
	return strings.Split(strings.TrimSuffix(data, "\n"), "\n"), true
}

// parse reads one case file. ok is false for a case fuzzgen cannot
// state: an Authorization field of other than one line.
func parse(name string, a *txtar.Archive) (c fuzzgen.Case, ok bool, err error) {
	c.Name = name
	c.Field = fuzzgen.Challenges
	switch f := a.Field(); f {
	case "", "www-authenticate", "proxy-authenticate":
	case "authorization", "proxy-authorization":
		c.Field = fuzzgen.Credentials
	case "authentication-info", "proxy-authentication-info":
		c.Field = fuzzgen.Params
	default:
		return c, false, fmt.Errorf("unknown field %q", f)
	}
	if c.Lines, err = a.Input(); err != nil {
		return c, false, err
	}
	if c.Field == fuzzgen.Credentials && len(c.Lines) != 1 {
		return c, false, nil
	}
	// golden/ has parsed or error; corpus/ and lenient/ have strict, whose
	// last line is "error: ..." on an error.
	var errLine string
	parsed, _ := section(a, "parsed")
	if e, ok := section(a, "error"); ok {
		errLine = strings.Join(e, "")
	} else if st, ok := section(a, "strict"); ok {
		if n := len(st); n > 0 && strings.HasPrefix(st[n-1], "error: ") {
			errLine = strings.TrimPrefix(st[n-1], "error: ")
		} else {
			parsed = st
		}
	}
	if errLine == "" {
		c.Mode = fuzzgen.Valid
		if err := setValues(&c, parsed); err != nil {
			return c, false, err
		}
	} else {
		c.Mode = fuzzgen.Hostile
		if c.Err, err = parseError(errLine); err != nil {
			return c, false, err
		}
		if _, lenient := a.Get("lenient"); lenient {
			if _, failed := a.Get("lenient-error"); !failed {
				c.Mode = fuzzgen.NearValid
				warns, _ := section(a, "warnings")
				if c.Warnings, err = warningKinds(warns); err != nil {
					return c, false, err
				}
			}
		}
	}
	c.Categories = categories(&c, strings.Contains(errLine, "unterminated"))
	return c, true, nil
}

// parseError reads "httpauth: line L, offset O: reason".
func parseError(s string) (*fuzzgen.Fault, error) {
	f := &fuzzgen.Fault{Class: fuzzgen.ErrSyntax}
	if _, err := fmt.Sscanf(s, "httpauth: line %d, offset %d:", &f.Line, &f.Offset); err != nil {
		return nil, fmt.Errorf("error %q: %v", s, err)
	}
	switch {
	case strings.HasSuffix(s, "(limit)"):
		f.Class = fuzzgen.ErrLimit
	case strings.Contains(s, "duplicate parameter"):
		f.Class = fuzzgen.ErrDuplicate
	case strings.Contains(s, "empty credentials"):
		f.Class = fuzzgen.ErrEmpty
	}
	return f, nil
}

// warningKinds reads a warnings section ("line:offset: message") as
// kinds, by message.
func warningKinds(lines []string) ([]httpauth.WarningKind, error) {
	var out []httpauth.WarningKind
	for _, l := range lines {
		if l == "" {
			continue
		}
		_, msg, ok := strings.Cut(l, ": ")
		if !ok {
			return nil, fmt.Errorf("warning %q", l)
		}
		k := kindOf(msg)
		if k == 0 {
			return nil, fmt.Errorf("warning %q: unknown message", l)
		}
		out = append(out, k)
	}
	return out, nil
}

// kindOf returns the warning kind whose message starts msg (a warning
// about a skipped element adds the syntax error after ": ").
func kindOf(msg string) httpauth.WarningKind {
	for k := httpauth.WarningKind(1); k.String() != "unknown warning"; k++ {
		if msg == k.String() || strings.HasPrefix(msg, k.String()+": ") {
			return k
		}
	}
	return 0
}

// setValues reads a parsed section into c's values.
func setValues(c *fuzzgen.Case, lines []string) error {
	var auths []httpauth.Challenge
	var list httpauth.Params
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
		case strings.HasPrefix(t, "challenge ") || strings.HasPrefix(t, "credentials "):
			_, q, _ := strings.Cut(t, " ")
			s, err := strconv.Unquote(q)
			if err != nil {
				return fmt.Errorf("%q: %v", l, err)
			}
			auths = append(auths, httpauth.Challenge{Scheme: s})
		case strings.HasPrefix(t, "token68 "):
			if len(auths) == 0 {
				return fmt.Errorf("%q before a scheme", l)
			}
			s, err := strconv.Unquote(strings.TrimPrefix(t, "token68 "))
			if err != nil {
				return fmt.Errorf("%q: %v", l, err)
			}
			auths[len(auths)-1].Token68 = s
		default:
			qn, err := strconv.QuotedPrefix(t)
			if err != nil {
				return fmt.Errorf("%q: %v", l, err)
			}
			n, _ := strconv.Unquote(qn)
			rest, ok := strings.CutPrefix(t[len(qn):], " = ")
			if !ok {
				return fmt.Errorf("%q: no ' = '", l)
			}
			v, err := strconv.Unquote(rest)
			if err != nil {
				return fmt.Errorf("%q: %v", l, err)
			}
			p := httpauth.Param{Name: n, Value: v}
			if c.Field == fuzzgen.Params {
				list = append(list, p)
			} else if len(auths) == 0 {
				return fmt.Errorf("%q before a scheme", l)
			} else {
				auths[len(auths)-1].Params = append(auths[len(auths)-1].Params, p)
			}
		}
	}
	switch c.Field {
	case fuzzgen.Challenges:
		c.Challenges = auths
	case fuzzgen.Credentials:
		if len(auths) != 1 {
			return fmt.Errorf("%d credentials in parsed", len(auths))
		}
		c.Credentials = httpauth.Credentials(auths[0])
	case fuzzgen.Params:
		c.Params = list
	}
	return nil
}

var (
	bwsRE   = regexp.MustCompile(`[ \t]=|=[ \t]`)
	emptyRE = regexp.MustCompile(`^[ \t]*,|,[ \t]*,|,[ \t]*$`)
)

// categories guesses the features a case exercises from its input and
// expected result.
func categories(c *fuzzgen.Case, unterminated bool) []fuzzgen.Category {
	var cats []fuzzgen.Category
	add := func(x fuzzgen.Category, yes bool) {
		if yes {
			cats = append(cats, x)
		}
	}
	all := strings.Join(c.Lines, "\n")
	vals := c.Challenges
	if c.Field == fuzzgen.Credentials && c.Err == nil {
		vals = []httpauth.Challenge{httpauth.Challenge(c.Credentials)}
	}
	t68, bare, params := false, false, c.Field == fuzzgen.Params && len(c.Params) > 0
	for _, a := range vals {
		t68 = t68 || a.Token68 != ""
		bare = bare || a.Token68 == "" && len(a.Params) == 0
		params = params || len(a.Params) > 0
	}
	empty := false
	for _, l := range c.Lines {
		empty = empty || strings.Trim(l, " \t") == "" || emptyRE.MatchString(l)
	}
	ctl, obs, split := false, false, false
	for _, l := range c.Lines {
		quoted, escaped := false, false // inside a quoted-string; after its "\"
		for i := 0; i < len(l); i++ {
			b := l[i]
			switch {
			case b < 0x20 && b != '\t' || b == 0x7f:
				ctl = true
				split = split || b == '\r' || b == '\n' || b == 0
			case b >= 0x80 && quoted:
				obs = true
			case b >= 0x80:
				ctl = true // obs-text where it may not stand
			}
			switch {
			case escaped:
				escaped = false
			case b == '"':
				quoted = !quoted
			case b == '\\' && quoted:
				escaped = true
			}
		}
	}
	add(fuzzgen.CatToken68, t68)
	add(fuzzgen.CatParams, params)
	add(fuzzgen.CatBareScheme, bare)
	add(fuzzgen.CatMulti, len(vals) > 1)
	add(fuzzgen.CatLines, len(c.Lines) > 1)
	add(fuzzgen.CatEmpty, empty)
	add(fuzzgen.CatEscapes, strings.Contains(all, `\`))
	add(fuzzgen.CatQuoted, strings.Contains(all, `"`))
	add(fuzzgen.CatBWS, bwsRE.MatchString(all))
	add(fuzzgen.CatObsText, obs)
	add(fuzzgen.CatExtValue, strings.Contains(all, "*="))
	add(fuzzgen.CatLimits, c.Err != nil && c.Err.Class == fuzzgen.ErrLimit)
	add(fuzzgen.CatDuplicates, c.Err != nil && c.Err.Class == fuzzgen.ErrDuplicate)
	add(fuzzgen.CatCTL, ctl)
	add(fuzzgen.CatSplitting, split)
	add(fuzzgen.CatUnterminated, unterminated)
	add(fuzzgen.CatLenient, c.Mode == fuzzgen.NearValid)
	add(fuzzgen.CatRealistic, strings.HasPrefix(c.Name, "corpus/"))
	if len(cats) == 0 {
		// An empty field, or a misplaced element.
		add(fuzzgen.CatEmpty, c.Err == nil)
		add(fuzzgen.CatStructure, c.Err != nil)
	}
	return cats
}

// Source returns the Go source of the file that holds cases as fuzzgen's
// golden table.
func Source(cases []fuzzgen.Case) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ./internal/mkgolden; DO NOT EDIT.\n\n")
	b.WriteString("// The cases of the repository's testdata/golden, testdata/corpus and\n// testdata/lenient (see testdata/README.md).\n\n")
	b.WriteString("package fuzzgen\n\nimport \"github.com/authwire/httpauth\"\n\nvar goldenCases = []Case{\n")
	q := strconv.Quote
	for _, c := range cases {
		fmt.Fprintf(&b, "{Name: %s, Field: %s, Mode: %s, Lines: []string{", q(c.Name), fieldName(c.Field), modeName(c.Mode))
		for i, l := range c.Lines {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(q(l))
		}
		b.WriteString("},\n")
		writeAuths := func(as []httpauth.Challenge) {
			for _, a := range as {
				fmt.Fprintf(&b, "{Scheme: %s", q(a.Scheme))
				if a.Token68 != "" {
					fmt.Fprintf(&b, ", Token68: %s", q(a.Token68))
				}
				if len(a.Params) > 0 {
					b.WriteString(", Params: ")
					writeParams(&b, a.Params)
				}
				b.WriteString("},\n")
			}
		}
		switch {
		case c.Err != nil:
			fmt.Fprintf(&b, "Err: &Fault{Line: %d, Offset: %d, Class: %s},\n", c.Err.Line, c.Err.Offset, className(c.Err.Class))
		case c.Field == fuzzgen.Challenges && len(c.Challenges) > 0:
			b.WriteString("Challenges: []httpauth.Challenge{\n")
			writeAuths(c.Challenges)
			b.WriteString("},\n")
		case c.Field == fuzzgen.Credentials:
			b.WriteString("Credentials: httpauth.Credentials")
			var cb bytes.Buffer
			b, cb = cb, b
			writeAuths([]httpauth.Challenge{httpauth.Challenge(c.Credentials)})
			b, cb = cb, b
			b.WriteString(strings.TrimSuffix(cb.String(), ",\n"))
			b.WriteString(",\n")
		case c.Field == fuzzgen.Params && len(c.Params) > 0:
			b.WriteString("Params: ")
			writeParams(&b, c.Params)
			b.WriteString(",\n")
		}
		if len(c.Warnings) > 0 {
			b.WriteString("Warnings: []httpauth.WarningKind{")
			for i, k := range c.Warnings {
				if i > 0 {
					b.WriteString(", ")
				}
				name, ok := kindNames[k]
				if !ok {
					return nil, fmt.Errorf("%s: no Go name for warning kind %d (add it to kindNames)", c.Name, k)
				}
				b.WriteString(name)
			}
			b.WriteString("},\n")
		}
		b.WriteString("Categories: []Category{")
		for i, x := range c.Categories {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(catNames[x])
		}
		b.WriteString("},\n},\n")
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

func writeParams(b *bytes.Buffer, ps httpauth.Params) {
	b.WriteString("httpauth.Params{")
	for i, p := range ps {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "{Name: %s, Value: %s}", strconv.Quote(p.Name), strconv.Quote(p.Value))
	}
	b.WriteString("}")
}

func fieldName(f fuzzgen.Field) string {
	return [...]string{fuzzgen.Challenges: "Challenges", fuzzgen.Credentials: "Credentials", fuzzgen.Params: "Params"}[f]
}

func modeName(m fuzzgen.Mode) string {
	return [...]string{fuzzgen.Valid: "Valid", fuzzgen.NearValid: "NearValid", fuzzgen.Hostile: "Hostile"}[m]
}

func className(c fuzzgen.ErrClass) string {
	return [...]string{fuzzgen.ErrSyntax: "ErrSyntax", fuzzgen.ErrLimit: "ErrLimit", fuzzgen.ErrDuplicate: "ErrDuplicate", fuzzgen.ErrEmpty: "ErrEmpty"}[c]
}

// kindNames are the Go names of the warning kinds.
var kindNames = map[httpauth.WarningKind]string{
	httpauth.WarnObsFold:              "httpauth.WarnObsFold",
	httpauth.WarnTabAfterScheme:       "httpauth.WarnTabAfterScheme",
	httpauth.WarnSemicolonAfterScheme: "httpauth.WarnSemicolonAfterScheme",
	httpauth.WarnCommaAfterScheme:     "httpauth.WarnCommaAfterScheme",
	httpauth.WarnUnterminatedQuote:    "httpauth.WarnUnterminatedQuote",
	httpauth.WarnLooseValue:           "httpauth.WarnLooseValue",
	httpauth.WarnSpaceInValue:         "httpauth.WarnSpaceInValue",
	httpauth.WarnMissingComma:         "httpauth.WarnMissingComma",
	httpauth.WarnMissingCommaScheme:   "httpauth.WarnMissingCommaScheme",
	httpauth.WarnSemicolonSeparator:   "httpauth.WarnSemicolonSeparator",
	httpauth.WarnDuplicateParam:       "httpauth.WarnDuplicateParam",
	httpauth.WarnSingleQuotes:         "httpauth.WarnSingleQuotes",
	httpauth.WarnSkippedChallenge:     "httpauth.WarnSkippedChallenge",
	httpauth.WarnSkippedParam:         "httpauth.WarnSkippedParam",
	httpauth.WarnStrayParam:           "httpauth.WarnStrayParam",
	httpauth.WarnOpaqueCredentials:    "httpauth.WarnOpaqueCredentials",
	httpauth.WarnDropped:              "httpauth.WarnDropped",
}

// catNames are the Go names of the categories.
var catNames = map[fuzzgen.Category]string{
	fuzzgen.CatToken68: "CatToken68", fuzzgen.CatParams: "CatParams", fuzzgen.CatBareScheme: "CatBareScheme",
	fuzzgen.CatMulti: "CatMulti", fuzzgen.CatLines: "CatLines", fuzzgen.CatEmpty: "CatEmpty",
	fuzzgen.CatEscapes: "CatEscapes", fuzzgen.CatQuoted: "CatQuoted", fuzzgen.CatBWS: "CatBWS",
	fuzzgen.CatOWS: "CatOWS", fuzzgen.CatObsText: "CatObsText", fuzzgen.CatExtValue: "CatExtValue",
	fuzzgen.CatCase: "CatCase", fuzzgen.CatLimits: "CatLimits", fuzzgen.CatDuplicates: "CatDuplicates",
	fuzzgen.CatCTL: "CatCTL", fuzzgen.CatSplitting: "CatSplitting", fuzzgen.CatUnterminated: "CatUnterminated",
	fuzzgen.CatRuns: "CatRuns", fuzzgen.CatStructure: "CatStructure", fuzzgen.CatLenient: "CatLenient",
	fuzzgen.CatRealistic: "CatRealistic",
}
