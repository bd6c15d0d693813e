package fuzzgen

import (
	"fmt"
	"io"
	"strconv"
)

// Dictionary returns the tokens of the grammar that a mutation-based
// fuzzer should insert whole: the delimiters and their usual
// combinations, the registered schemes and parameter names, the escapes,
// the bytes that split a header, and the ext-value prefix.
func Dictionary() []string {
	out := []string{
		" ", "\t", ",", ", ", " , ", ",,", "=", " = ", "==", "\"", "\"\"", `\"`, `\\`, `\`,
		"=\"", "\", ", "'", ";", "; ", "/", ":", "\r\n", "\r\n ", "\n", "\r", "\x00",
		"\x7f", "\x80", "\xff", "UTF-8''", "%C3%A4", "*=", "realm=\"",
	}
	out = append(out, schemes...)
	for _, n := range paramNames {
		out = append(out, n, n+"=")
	}
	return out
}

// WriteDictionary writes [Dictionary] to w in the dictionary format of AFL
// and libFuzzer (-dict=FILE): one `name="value"` per line, with '"', '\'
// and every byte outside printable ASCII written as \xNN.
func WriteDictionary(w io.Writer) error {
	for i, tok := range Dictionary() {
		b := []byte("t" + strconv.Itoa(i) + `="`)
		for j := 0; j < len(tok); j++ {
			c := tok[j]
			if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
				b = fmt.Appendf(b, `\x%02x`, c)
			} else {
				b = append(b, c)
			}
		}
		b = append(b, "\"\n"...)
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}
