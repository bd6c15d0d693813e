// Command conformance runs the bench corpus and the project's golden inputs
// through every parser under comparison and prints, as markdown, who parsed
// what correctly.
//
//	go run ./cmd/conformance [-golden ../testdata/golden] [-details]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/authwire/httpauth/bench"
)

func main() {
	golden := flag.String("golden", "../testdata/golden", "directory of the golden txtar files (skipped if missing)")
	details := flag.Bool("details", true, "list what each failing parser returned")
	flag.Parse()
	cases, err := bench.AllCases(*golden)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		os.Exit(1)
	}
	sel := bench.All
	if !*details {
		sel = nil
	}
	bench.Run(cases).WriteMarkdown(os.Stdout, sel)
}
