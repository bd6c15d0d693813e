package txtar

import (
	"reflect"
	"testing"
)

func TestParseFormat(t *testing.T) {
	const file = "What the case shows.\n\n-- input --\nBasic realm=\"x\"  $\n$\n-- field --\nauthorization\n-- parsed --\n"
	a := Parse(file)
	if a.Comment != "What the case shows.\n\n" {
		t.Errorf("Comment = %q", a.Comment)
	}
	want := []Section{
		{Name: "input", Data: "Basic realm=\"x\"  $\n$\n"},
		{Name: "field", Data: "authorization\n"},
		{Name: "parsed", Data: ""},
	}
	if !reflect.DeepEqual(a.Sections, want) {
		t.Errorf("Sections = %q, want %q", a.Sections, want)
	}
	if got := string(a.Format()); got != file {
		t.Errorf("Format() = %q, want the file back %q", got, file)
	}
	lines, err := a.Input()
	if err != nil || !reflect.DeepEqual(lines, []string{`Basic realm="x"  `, ""}) {
		t.Errorf("Input() = %q, %v", lines, err)
	}
	if f := a.Field(); f != "authorization" {
		t.Errorf("Field() = %q", f)
	}
	if _, ok := a.Get("error"); ok {
		t.Errorf("Get(error) found a section the file does not have")
	}
	// "-- x --" inside a line, or without its spaces, is text.
	b := Parse("a -- b --\n--c--\n-- input --\nx\n")
	if b.Comment != "a -- b --\n--c--\n" || len(b.Sections) != 1 {
		t.Errorf("Parse of look-alike headers = %q, %q", b.Comment, b.Sections)
	}
}

func TestInputQuoted(t *testing.T) {
	a := Parse("-- input.q --\n\"Basic\\trealm=\\\"\\xe9\\\"\"\n\"\\r\\n x\"\n")
	lines, err := a.Input()
	if err != nil || !reflect.DeepEqual(lines, []string{"Basic\trealm=\"\xe9\"", "\r\n x"}) {
		t.Errorf("Input() = %q, %v", lines, err)
	}
	if _, err := Parse("-- input.q --\nnot quoted\n").Input(); err == nil {
		t.Errorf("Input() of an unquoted line in input.q: no error")
	}
	if _, err := Parse("-- field --\nx\n-- input --\nBasic\n").Input(); err == nil {
		t.Errorf("Input() with input not first: no error")
	}
	if lines, err := Parse("-- input --\n").Input(); err != nil || lines != nil {
		t.Errorf("Input() of an empty section = %q, %v, want no line", lines, err)
	}
}

func TestEncodeLines(t *testing.T) {
	tests := []struct {
		lines  []string
		data   string
		quoted bool
	}{
		{[]string{"Basic", "a "}, "Basic\na $\n", false},
		{[]string{"ends in $"}, "ends in $$\n", false},
		{[]string{"tab\there", "plain"}, "\"tab\\there\"\n\"plain\"\n", true},
		{[]string{"\xff"}, "\"\\xff\"\n", true},
		{[]string{"caf\u00e9"}, "caf\u00e9\n", false},
	}
	for _, tt := range tests {
		data, quoted := EncodeLines(tt.lines)
		if data != tt.data || quoted != tt.quoted {
			t.Errorf("EncodeLines(%q) = %q, %v, want %q, %v", tt.lines, data, quoted, tt.data, tt.quoted)
		}
		back, err := DecodeLines(data, quoted)
		if err != nil || !reflect.DeepEqual(back, tt.lines) {
			t.Errorf("DecodeLines(EncodeLines(%q)) = %q, %v", tt.lines, back, err)
		}
	}
}
