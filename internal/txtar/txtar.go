// Package txtar reads and writes the case files of the module's testdata
// (testdata/golden, testdata/lenient, testdata/corpus; testdata/README.md
// describes them), for the root package's golden tests and fuzz seeds and
// for the bench module. It is the one reader of that format.
//
// A case file is txtar-style, the format of golang.org/x/tools/txtar (which
// the module does not depend on): free text, then sections that each start
// with a line "-- name --". Its first section is the input, "input" or
// "input.q", one field line per line of the section:
//
//   - in "input", a "$" at the end of a line marks its end, so that trailing
//     spaces stay visible; "$$" stands for a line that really ends in "$";
//   - in "input.q", every line is a Go double-quoted string, for lines that
//     hold a control character (HTAB included) or a byte that is not UTF-8.
//
// Output sections use the same two forms ("encoded" and "encoded.q").
package txtar

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Archive is a parsed case file.
type Archive struct {
	Comment  string // the free text before the first section
	Sections []Section
}

// Section is one "-- name --" section and the text after it, up to the
// next section (each line with its final newline).
type Section struct {
	Name string
	Data string
}

// Parse reads a case file.
func Parse(data string) *Archive {
	a := new(Archive)
	cur := &a.Comment
	for len(data) > 0 {
		line, rest, _ := strings.Cut(data, "\n")
		if name, ok := sectionName(line); ok {
			a.Sections = append(a.Sections, Section{Name: name})
			cur = &a.Sections[len(a.Sections)-1].Data
		} else {
			*cur += line + "\n"
		}
		data = rest
	}
	return a
}

// ReadFile reads and parses the case file at path.
func ReadFile(path string) (*Archive, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(string(data)), nil
}

// Glob returns the case files of dir (*.txtar), sorted by name.
func Glob(dir string) ([]string, error) {
	return filepath.Glob(filepath.Join(dir, "*.txtar"))
}

// sectionName reports whether line is a section header "-- name --".
func sectionName(line string) (string, bool) {
	if !strings.HasPrefix(line, "-- ") || !strings.HasSuffix(line, " --") || len(line) < len("-- x --") {
		return "", false
	}
	return strings.TrimSpace(line[3 : len(line)-3]), true
}

// Get returns the data of the first section called name.
func (a *Archive) Get(name string) (string, bool) {
	for _, s := range a.Sections {
		if s.Name == name {
			return s.Data, true
		}
	}
	return "", false
}

// Format returns the file text of a.
func (a *Archive) Format() []byte {
	var b bytes.Buffer
	b.WriteString(a.Comment)
	for _, s := range a.Sections {
		fmt.Fprintf(&b, "-- %s --\n", s.Name)
		b.WriteString(s.Data)
	}
	return b.Bytes()
}

// Input returns the field lines of the case: its first section, which
// must be "input" or "input.q". An empty section is a field with no line.
func (a *Archive) Input() ([]string, error) {
	if len(a.Sections) == 0 || (a.Sections[0].Name != "input" && a.Sections[0].Name != "input.q") {
		return nil, fmt.Errorf("the first section must be input or input.q")
	}
	s := a.Sections[0]
	lines, err := DecodeLines(s.Data, s.Name == "input.q")
	if err != nil {
		return nil, fmt.Errorf("%s: %v", s.Name, err)
	}
	return lines, nil
}

// Field returns the field name of the case's "field" section, trimmed, or
// "" when there is none (the default, WWW-Authenticate).
func (a *Archive) Field() string {
	f, _ := a.Get("field")
	return strings.TrimSpace(f)
}

// DecodeLines splits a section into lines. Without quoted, it removes the
// "$" that marks the end of a line; with quoted, it unquotes each line as
// a Go string literal.
func DecodeLines(data string, quoted bool) ([]string, error) {
	if data == "" {
		return nil, nil
	}
	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	for i, l := range lines {
		if quoted {
			u, err := strconv.Unquote(l)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", i+1, err)
			}
			lines[i] = u
			continue
		}
		lines[i] = strings.TrimSuffix(l, "$")
	}
	return lines, nil
}

// EncodeLines formats lines as a section body and reports whether it chose
// the quoted form, which it does when any line holds a control character
// (HTAB included, as it would be invisible) or is not UTF-8. In the plain
// form, a line that ends in a space, a tab or "$" gets a "$" marker.
func EncodeLines(lines []string) (data string, quoted bool) {
	for _, l := range lines {
		if needsQuoting(l) {
			quoted = true
		}
	}
	var b strings.Builder
	for _, l := range lines {
		switch {
		case quoted:
			b.WriteString(strconv.Quote(l))
		case strings.HasSuffix(l, " ") || strings.HasSuffix(l, "\t") || strings.HasSuffix(l, "$"):
			b.WriteString(l + "$")
		default:
			b.WriteString(l)
		}
		b.WriteByte('\n')
	}
	return b.String(), quoted
}

// needsQuoting reports whether a line cannot be shown as is in a case
// file.
func needsQuoting(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xfffd {
			return true
		}
	}
	return false
}
