// Command conformance prints the conformance table of the conformance kit
// (../conformance/README.md, between its table markers), which bench
// reuses rather than keeping a second one: every parser bench compares,
// Python's and npm's, over the golden cases and generated values. The
// table is reproduced by ../conformance/table.sh.
//
//	go run ./cmd/conformance [-kit ../conformance/README.md]
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	kit := flag.String("kit", "../conformance/README.md", "the conformance kit's README")
	flag.Parse()
	data, err := os.ReadFile(*kit)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		os.Exit(1)
	}
	const begin, end = "<!-- begin:table -->\n", "<!-- end:table -->"
	s := string(data)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		fmt.Fprintln(os.Stderr, "conformance: no table in", *kit)
		os.Exit(1)
	}
	fmt.Print(s[i+len(begin) : j])
}
