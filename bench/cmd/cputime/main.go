// Command cputime runs a command and prints the CPU time it used (user +
// system, in nanoseconds) on standard error's last line as "cputime N".
// rootcpu.sh uses it to time the root package's benchmarks by CPU rather
// than wall clock, which the load of a shared machine inflates.
//
//	cputime CMD [ARG...]
package main

import (
	"fmt"
	"os"
	"os/exec"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: cputime CMD [ARG...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, "cputime:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "cputime %d\n", (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Nanoseconds())
	if err != nil {
		os.Exit(1)
	}
}
