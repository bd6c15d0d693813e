// Command interop runs the library against HTTP authentication
// implementations it did not write: Apache httpd, lighttpd, squid and the
// npm http-auth server as servers, curl, wget, Python's urllib and the npm
// digest-fetch and urllib clients as clients. run.sh installs them,
// starts the servers and calls this command twice:
//
//	interop setup -work DIR     pick free ports, write configurations and password files
//	interop run -work DIR [-readme README.md] [-run REGEXP]
//
// run waits for the servers, runs every row of the matrix, prints one
// line per row, and writes the matrix into the README. It exits 1 when a
// row fails because of the library; a row that fails because of the other
// implementation is reported with its evidence and does not fail the run.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "setup":
		fs := flag.NewFlagSet("setup", flag.ExitOnError)
		work := fs.String("work", "", "work directory (required)")
		fs.Parse(os.Args[2:])
		if *work == "" {
			usage()
		}
		var s *Setup
		if s, err = setup(*work); err == nil {
			fmt.Printf("interop: configurations in %s; ports %+v\n", s.Work, s.Ports)
		}
	case "run":
		fs := flag.NewFlagSet("run", flag.ExitOnError)
		work := fs.String("work", "", "work directory that setup wrote (required)")
		readme := fs.String("readme", "", "write the matrix into this README (only when every row runs)")
		filter := fs.String("run", "", "run only the rows whose \"impl/role/variant\" matches this regular expression")
		fs.Parse(os.Args[2:])
		if *work == "" {
			usage()
		}
		err = run(*work, *readme, *filter)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "interop:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: interop setup -work DIR | interop run -work DIR [-readme FILE] [-run REGEXP]")
	os.Exit(2)
}

// errLibrary is the error of a run in which a row failed because of the
// library.
type errLibrary int

func (e errLibrary) Error() string {
	return fmt.Sprintf("%d %s failed because of the library", int(e), plural(int(e), "row", "rows"))
}

func run(work, readme, filter string) error {
	s, err := loadSetup(work)
	if err != nil {
		return err
	}
	var re *regexp.Regexp
	if filter != "" {
		if re, err = regexp.Compile(filter); err != nil {
			return err
		}
	}
	if err := waitForServers(s, 30*time.Second); err != nil {
		return err
	}
	dir, err := os.Getwd()
	if err != nil {
		return err
	}
	// An interrupt or TERM ends the row in progress (its clients are
	// killed through the context) and the run.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var outcomes []outcome
	start := time.Now()
	for _, rw := range append(clientRows(), serverRows()...) {
		if re != nil && !re.MatchString(rw.impl+"/"+rw.role+"/"+rw.variant) {
			continue
		}
		o := runRow(ctx, s, dir, rw)
		if ctx.Err() != nil {
			return errors.New("interrupted")
		}
		outcomes = append(outcomes, o)
		fmt.Printf("%-17s %-9s %-6s %s (%.1fs)\n", o.result, rw.impl, rw.role, rw.variant, o.elapsed.Seconds())
		if o.result != pass {
			fmt.Printf("    %s\n", o.evidence)
			for _, f := range o.fails {
				fmt.Printf("    library: %s\n", f)
			}
		}
	}
	n := map[result]int{}
	for _, o := range outcomes {
		n[o.result]++
	}
	fmt.Printf("interop: %d rows in %.0fs\n", len(outcomes), time.Since(start).Seconds())
	fmt.Printf("interop: %d passed, %d failed\n", n[pass], n[fail])
	fmt.Printf("interop: %d failed because of the other implementation (evidence in the matrix)\n", n[otherSide])
	if readme != "" && re == nil {
		if err := writeMatrix(readme, versions(dir), outcomes); err != nil {
			return err
		}
		fmt.Printf("interop: matrix written to %s\n", readme)
	}
	if n[fail] > 0 {
		return errLibrary(n[fail])
	}
	return nil
}

// waitForServers waits until every server that run.sh started accepts
// connections, or the deadline passes.
func waitForServers(s *Setup, d time.Duration) error {
	deadline := time.Now().Add(d)
	servers := []struct {
		name string
		port int
		log  string
	}{
		{"apache", s.Ports.Apache, "apache/error.log"},
		{"apache (proxy)", s.Ports.ApacheProxy, "apache/error.log"},
		{"lighttpd", s.Ports.Lighttpd, "lighttpd/error.log"},
		{"squid (digest)", s.Ports.SquidDigest, "squid/cache.log"},
		{"squid (basic)", s.Ports.SquidBasic, "squid/cache.log"},
		{"http-auth", s.Ports.Node, "node/server.log"},
	}
	for _, sv := range servers {
		for {
			c, err := net.DialTimeout("tcp", port(sv.port), time.Second)
			if err == nil {
				c.Close()
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("%s is not listening on %s after %v; see %s/%s", sv.name, port(sv.port), d, s.Work, sv.log)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	return nil
}

// rowTimeout bounds one row; the longest (the 1-second nonce lifetime)
// takes about 3 seconds.
const rowTimeout = 60 * time.Second

// runRow runs one row with a deadline and checks the wire.
func runRow(parent context.Context, s *Setup, dir string, rw row) outcome {
	ctx, cancel := context.WithTimeout(parent, rowTimeout)
	defer cancel()
	r := &R{ctx: ctx, row: rw, setup: s, dir: dir}
	start := time.Now()
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			if v := recover(); v != nil {
				r.Fail("panic: %v\n%s", v, debug.Stack())
			}
		}()
		rw.run(r)
	}()
	select {
	case <-done:
	case <-parent.Done():
		r.Fail("interrupted")
	case <-time.After(rowTimeout + 5*time.Second):
		r.Fail("the row did not end within %v", rowTimeout)
	}
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
	exs := r.rec.exchanges()
	wire := allParsed(exs)
	r.checkWire(exs, wire)

	r.mu.Lock()
	defer r.mu.Unlock()
	o := outcome{row: rw, fails: r.fails, wire: wire, ex: exs, elapsed: time.Since(start)}
	switch {
	case len(r.fails) > 0:
		o.result = fail
	case len(r.others) > 0:
		o.result = otherSide
	}
	ev := []string{summary(exs)}
	if len(exs) == 0 {
		ev[0] = "nothing on the wire"
	}
	ev = append(ev, r.notes...)
	ev = append(ev, r.others...)
	o.evidence = strings.Join(ev, "; ")
	return o
}
