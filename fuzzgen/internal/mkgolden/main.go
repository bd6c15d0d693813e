// Command mkgolden writes fuzzgen's golden table (golden_cases.go) from
// the repository's testdata. Run it from the fuzzgen directory, as
// go generate does:
//
//	go generate ./fuzzgen
package main

import (
	"fmt"
	"os"

	"github.com/authwire/httpauth/fuzzgen/internal/goldenfile"
)

func main() {
	cases, err := goldenfile.Load("../testdata")
	if err == nil {
		var src []byte
		if src, err = goldenfile.Source(cases); err == nil {
			err = os.WriteFile("golden_cases.go", src, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkgolden:", err)
		os.Exit(1)
	}
}
