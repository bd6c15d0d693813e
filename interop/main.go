// Command interop runs the library against HTTP authentication
// implementations it did not write: Apache httpd, lighttpd, squid and the
// npm http-auth server as servers. Its setup command prepares them:
//
//	interop setup -work DIR     pick free ports, write configurations and password files
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "setup" {
		usage()
	}
	fs := flag.NewFlagSet("setup", flag.ExitOnError)
	work := fs.String("work", "", "work directory (required)")
	fs.Parse(os.Args[2:])
	if *work == "" {
		usage()
	}
	s, err := setup(*work)
	if err != nil {
		fmt.Fprintln(os.Stderr, "interop:", err)
		os.Exit(1)
	}
	fmt.Printf("interop: configurations in %s; ports %+v\n", s.Work, s.Ports)
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: interop setup -work DIR")
	os.Exit(2)
}
