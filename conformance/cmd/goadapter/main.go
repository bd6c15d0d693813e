// Command goadapter speaks the protocol of "httpauth conform" (httpauth help
// conform) for the Go parsers that bench/ compares, through bench's
// wrappers (bench.Impls), so that one list serves the benchmarks and the
// conformance table.
//
//	goadapter -impl NAME        answer requests with the parser NAME
//	goadapter -list             print each parser and field with its conform flags
//
// A request for a field the parser does not read is "unsupported". A panic
// of the parser is printed on standard error and ends the adapter, which
// conform counts as a failure of the case and restarts.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/authwire/httpauth"
	"github.com/authwire/httpauth/bench"
)

// request and answer are the protocol's.
type request struct {
	Field   string   `json:"field"`
	Lines   []string `json:"lines"`
	Lenient bool     `json:"lenient"`
}

type auth struct {
	Scheme  string      `json:"scheme"`
	Token68 string      `json:"token68,omitempty"`
	Params  [][2]string `json:"params,omitempty"`
}

type answer struct {
	Challenges  *[]auth   `json:"challenges,omitempty"`
	Credentials *auth     `json:"credentials,omitempty"`
	Error       *errorPos `json:"error,omitempty"`
	Unsupported string    `json:"unsupported,omitempty"`
}

type errorPos struct {
	Line    int    `json:"line"`
	Offset  int    `json:"offset"`
	Message string `json:"message"`
}

func field(name string) (bench.Field, bool) {
	switch strings.ToLower(name) {
	case "www-authenticate", "proxy-authenticate":
		return bench.Challenges, true
	case "authorization", "proxy-authorization":
		return bench.Credentials, true
	}
	return 0, false
}

// scope returns the conform flags that state what im claims to do: the
// schemes it reads, whether it can report errors, how its output compares
// (httpauth exactly; the others return maps: case-insensitively, in any
// order), and for the parsers that extract fixed fields, which.
func scope(im *bench.Impl) []string {
	var flags []string
	if len(im.Schemes) > 0 {
		flags = append(flags, "-schemes", strings.Join(im.Schemes, ","))
	}
	if !im.Errors {
		flags = append(flags, "-no-errors")
	}
	if bench.IsHTTPAuth(im) {
		return append(flags, "-offsets")
	}
	flags = append(flags, "-compare", "set")
	// The parsers whose bench.Impl.View keeps a fixed set of fields: the
	// same restriction, as conform flags. Booleans and nc, which they
	// return converted, are left out of the comparison.
	switch im.Name {
	case "oras":
		// Basic is returned without its parameters (bench's View).
		flags = append(flags, "-no-params", "basic")
	case "icholy-digest":
		flags = append(flags, "-first")
		if im.Field == bench.Challenges {
			flags = append(flags, "-params", "realm,domain,nonce,opaque,algorithm,qop,charset")
		} else {
			flags = append(flags, "-params", "username,realm,nonce,uri,response,algorithm,cnonce,opaque,qop")
		}
	}
	return flags
}

func main() {
	name := flag.String("impl", "", "the parser to run (see -list)")
	list := flag.Bool("list", false, "print each parser and field with its conform flags")
	flag.Parse()
	if *list {
		for _, im := range bench.Impls {
			f := "www-authenticate"
			if im.Field == bench.Credentials {
				f = "authorization"
			}
			fmt.Printf("%s\t%s\t%s\n", im.Name, f, strings.Join(scope(im), " "))
		}
		return
	}
	impls := map[bench.Field]*bench.Impl{}
	for _, im := range bench.Impls {
		if im.Name == *name {
			impls[im.Field] = im
		}
	}
	if len(impls) == 0 {
		fmt.Fprintf(os.Stderr, "goadapter: no parser %q (see -list)\n", *name)
		os.Exit(2)
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(nil, 1<<26)
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var req request
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			fmt.Fprintln(os.Stderr, "goadapter: bad request:", err)
			os.Exit(2)
		}
		if err := enc.Encode(serve(impls, &req)); err != nil {
			os.Exit(1)
		}
		if err := w.Flush(); err != nil {
			os.Exit(1)
		}
	}
}

func serve(impls map[bench.Field]*bench.Impl, req *request) answer {
	f, ok := field(req.Field)
	im := impls[f]
	if !ok || im == nil {
		return answer{Unsupported: "no parser of this field"}
	}
	c := &bench.Case{Field: f, Lines: req.Lines, Lenient: req.Lenient}
	if f == bench.Credentials && len(c.Lines) != 1 {
		return answer{Unsupported: "one Authorization line expected"}
	}
	got, err := im.Parse(c)
	var a answer
	if err != nil {
		a.Error = &errorPos{Message: err.Error()}
		// httpauth's errors say where (the others' do not).
		var se *httpauth.SyntaxError
		if errors.As(err, &se) {
			a.Error.Line, a.Error.Offset = se.Line, se.Offset
		}
		return a
	}
	out := []auth{}
	for _, x := range got {
		y := auth{Scheme: x.Scheme, Token68: x.Token68}
		for _, p := range x.Params {
			y.Params = append(y.Params, [2]string{p.Name, p.Value})
		}
		out = append(out, y)
	}
	if f == bench.Credentials {
		if len(out) == 0 {
			return a // nothing: no error, no value
		}
		a.Credentials = &out[0]
		return a
	}
	a.Challenges = &out
	return a
}
