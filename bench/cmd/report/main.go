// Command report turns the raw benchmark output of run.sh into the tables
// of bench/README.md: medians and the ratio of every implementation to
// httpauth, the DESIGN.md targets met or missed, the ratio of each root
// benchmark to BenchmarkScanFloor, the scaling flatness and the
// conformance table. With -readme it rewrites the generated blocks of that
// file (between "<!-- begin:NAME -->" and "<!-- end:NAME -->"); without it
// it prints them.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/authwire/httpauth/bench"
)

// samples maps a benchmark name (without the -GOMAXPROCS suffix) to the
// values of each unit.
type samples map[string]map[string][]float64

var procSuffix = regexp.MustCompile(`-\d+$`)

func load(path string) (samples, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	s := samples{}
	var order []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 4 || !strings.HasPrefix(fs[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(fs[1]); err != nil {
			continue
		}
		name := procSuffix.ReplaceAllString(fs[0], "")
		if s[name] == nil {
			s[name] = map[string][]float64{}
			order = append(order, name)
		}
		var nsop, mbs float64
		for i := 2; i+1 < len(fs); i += 2 {
			v, err := strconv.ParseFloat(fs[i], 64)
			if err != nil {
				continue
			}
			s[name][fs[i+1]] = append(s[name][fs[i+1]], v)
			switch fs[i+1] {
			case "ns/op":
				nsop = v
			case "MB/s":
				mbs = v
			}
		}
		if nsop > 0 && mbs > 0 {
			// The input length (b.SetBytes), recovered from one line.
			s[name]["bytes"] = append(s[name]["bytes"], math.Round(nsop*mbs/1e3))
		}
	}
	return s, order, sc.Err()
}

// med returns the median of name's unit, and whether there is one.
func (s samples) med(name, unit string) (float64, bool) {
	vs := s[name][unit]
	if len(vs) == 0 {
		return 0, false
	}
	vs = slices.Clone(vs)
	slices.Sort(vs)
	n := len(vs)
	if n%2 == 1 {
		return vs[n/2], true
	}
	return (vs[n/2-1] + vs[n/2]) / 2, true
}

func ns(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.2f ms", v/1e6)
	case v >= 1e4:
		return fmt.Sprintf("%.1f µs", v/1e3)
	case v >= 100:
		return fmt.Sprintf("%.0f ns", v)
	}
	return fmt.Sprintf("%.1f ns", v)
}

func num(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

func ratio(v float64) string {
	if v >= 10 {
		return fmt.Sprintf("%.0f×", v)
	}
	return fmt.Sprintf("%.2f×", v)
}

func compareTables(s samples, conf map[[2]string]bench.Verdict) (cmp, targets string) {
	var b, t strings.Builder
	fmt.Fprintf(&b, "Medians. `ns/op` is wall clock, `cpu-ns/op` the process's CPU time per call (GC included), which the load of the other sessions moves less. `× httpauth` is the impl's cpu-ns/op over httpauth's (convenience API) on the same case, wall-clock ratio in parentheses: above 1 is slower than httpauth. `correct` is the conformance verdict on that case.\n\n")
	fmt.Fprintf(&b, "| case | impl | ns/op | cpu-ns/op | B/op | allocs/op | × httpauth | correct |\n|---|---|--:|--:|--:|--:|--:|---|\n")
	fmt.Fprintf(&t, "Speedups are the fastest correct other impl's cpu-ns/op over httpauth's, wall-clock speedup in parentheses; ✓/✗ judge the CPU-time speedup.\n\n")
	fmt.Fprintf(&t, "| case | fastest correct other | its cpu-ns/op | httpauth-parser | speedup (≥8×) | httpauth | × parser (≤1.5×) | parser allocs (0%s) | httpauth allocs (≤1%s) |\n|---|---|--:|--:|--:|--:|--:|--:|--:|\n", "¹", "¹")
	for _, c := range bench.BenchCases() {
		base := "BenchmarkCompare/" + c.Name + "/httpauth"
		hns, hok := s.med(base, "ns/op")
		hcpu, _ := s.med(base, "cpu-ns/op")
		type other struct {
			name    string
			ns, cpu float64
		}
		var best *other
		for _, n := range bench.ImplNames() {
			full := "BenchmarkCompare/" + c.Name + "/" + n
			v, ok := s.med(full, "ns/op")
			if !ok {
				continue
			}
			cpu, _ := s.med(full, "cpu-ns/op")
			bop, _ := s.med(full, "B/op")
			aop, _ := s.med(full, "allocs/op")
			r := "–"
			if hok && hcpu > 0 {
				r = fmt.Sprintf("%s (%s)", ratio(cpu/hcpu), ratio(v/hns))
			}
			verdict := conf[[2]string{c.Name, n}]
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", c.Name, n, ns(v), ns(cpu), num(bop), num(aop), r, verdict.Mark())
			if !strings.HasPrefix(n, "httpauth") && verdict == bench.OK && (best == nil || cpu < best.cpu) {
				best = &other{n, v, cpu}
			}
		}
		pns, pok := s.med("BenchmarkCompare/"+c.Name+"/httpauth-parser", "ns/op")
		pcpu, _ := s.med("BenchmarkCompare/"+c.Name+"/httpauth-parser", "cpu-ns/op")
		pal, _ := s.med("BenchmarkCompare/"+c.Name+"/httpauth-parser", "allocs/op")
		hal, _ := s.med(base, "allocs/op")
		if !pok || !hok {
			fmt.Fprintf(&t, "| %s | | | no httpauth result (skipped when it fails the case; see conformance) | | | | | |\n", c.Name)
			continue
		}
		escaped := c.HasTag(bench.TagEscape)
		parserAllocOK := pal == 0 || (escaped && pal <= float64(escapedValues(c)))
		convAllocOK := hal <= 1+float64(escapedValues(c))
		conv := hcpu / pcpu
		convCell := mark(ratio(conv), conv <= 1.5) + " (" + ratio(hns/pns) + ")"
		if best == nil {
			fmt.Fprintf(&t, "| %s | none | | %s | – | %s | %s | %s | %s |\n", c.Name, ns(pcpu), ns(hcpu), convCell, mark(num(pal), parserAllocOK), mark(num(hal), convAllocOK))
			continue
		}
		sp := best.cpu / pcpu
		fmt.Fprintf(&t, "| %s | %s | %s | %s | %s (%s) | %s | %s | %s | %s |\n", c.Name, best.name, ns(best.cpu), ns(pcpu),
			mark(ratio(sp), sp >= 8), ratio(best.ns/pns), ns(hcpu), convCell, mark(num(pal), parserAllocOK), mark(num(hal), convAllocOK))
	}
	fmt.Fprintf(&t, "\n¹ plus one per quoted value holding a quoted-pair (DESIGN.md).\n")
	return b.String(), t.String()
}

// instrTable reads callgrind.sh's output and writes instructions/op with
// the same speedups as the targets table.
func instrTable(path string, conf map[[2]string]bench.Verdict) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "(no instruction counts: " + err.Error() + ")\n"
	}
	ir := map[[2]string]float64{}
	for _, l := range strings.Split(string(data), "\n") {
		f := strings.Fields(l)
		if len(f) != 3 {
			continue
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err == nil {
			ir[[2]string{f[0], f[1]}] = v
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| case |")
	names := bench.ImplNames()
	for _, n := range names {
		fmt.Fprintf(&b, " %s |", n)
	}
	fmt.Fprintf(&b, " parser speedup (≥8×) | httpauth speedup |\n|---|%s--:|--:|\n", strings.Repeat("--:|", len(names)))
	for _, c := range bench.BenchCases() {
		fmt.Fprintf(&b, "| %s |", c.Name)
		best := 0.0
		for _, n := range names {
			v, ok := ir[[2]string{c.Name, n}]
			switch {
			case !ok:
				fmt.Fprintf(&b, " |")
			case strings.HasPrefix(n, "httpauth") || conf[[2]string{c.Name, n}] == bench.OK:
				fmt.Fprintf(&b, " %.0f |", v)
			default:
				fmt.Fprintf(&b, " (%.0f) |", v)
			}
			if ok && !strings.HasPrefix(n, "httpauth") && conf[[2]string{c.Name, n}] == bench.OK && (best == 0 || v < best) {
				best = v
			}
		}
		p, pok := ir[[2]string{c.Name, "httpauth-parser"}]
		h, hok := ir[[2]string{c.Name, "httpauth"}]
		if best == 0 || !pok || !hok {
			fmt.Fprintf(&b, " – | – |\n")
			continue
		}
		fmt.Fprintf(&b, " %s | %s |\n", mark(ratio(best/p), best/p >= 8), ratio(best/h))
	}
	fmt.Fprintf(&b, "\nIn parentheses: an implementation that gets the case wrong (not counted as the fastest correct one).\n")
	return b.String()
}

func mark(s string, ok bool) string {
	if ok {
		return s + " ✓"
	}
	return "**" + s + " ✗**"
}

// escapedValues counts the quoted values of c holding a quoted-pair.
func escapedValues(c *bench.Case) int {
	n := 0
	for _, l := range c.Lines {
		in := false
		esc := false
		for i := 0; i < len(l); i++ {
			switch {
			case !in && l[i] == '"':
				in, esc = true, false
			case in && l[i] == '\\':
				if !esc {
					n++
				}
				esc = true
				i++
			case in && l[i] == '"':
				in = false
			}
		}
	}
	return n
}

// readPairs reads lines "<benchmark name> <number>", the output of
// rootcpu.sh and rootcallgrind.sh; a missing file gives an empty map.
func readPairs(path string) map[string]float64 {
	m := map[string]float64{}
	if data, err := os.ReadFile(path); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if f := strings.Fields(l); len(f) == 2 {
				if v, err := strconv.ParseFloat(f[1], 64); err == nil {
					m[f[0]] = v
				}
			}
		}
	}
	return m
}

func floorTable(s samples, order []string, cpuPath, instrPath string) string {
	cpu := readPairs(cpuPath)
	instr := readPairs(instrPath)
	// bytes is each benchmark's input length (see load).
	bytes := func(name string) float64 {
		v, _ := s.med(name, "bytes")
		return v
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Per input byte, so that a case name covering a challenge and a credentials input of different lengths (`basic`) compares like with like: `× floor` is the benchmark's CPU time per byte over ScanFloor's (rootcpu.sh: process CPU time, GC included), wall-clock ratio in parentheses; `instr × floor` the same ratio of instructions (rootcallgrind.sh). ✓/✗ judge each ratio against its target, on the cases of 40 bytes or more without quoted-pair escapes.\n\n")
	fmt.Fprintf(&b, "| case | bytes | benchmark | cpu-ns/op | ns/op | × floor (Lexer ≤1.1×, Parse ≤1.25×) | instr/op | instr × floor (Lexer ≤1.1×, Parse ≤1.5×) |\n|---|--:|---|--:|--:|--:|--:|--:|\n")
	for _, name := range order {
		c, ok := strings.CutPrefix(name, "BenchmarkScanFloor/")
		if !ok {
			continue
		}
		fb := bytes(name)
		fw, _ := s.med(name, "ns/op")
		fc, fok := cpu[name]
		fi, fiok := instr[name]
		fmt.Fprintf(&b, "| %s | %.0f | ScanFloor | %s | %s | | %s | |\n", c, fb, nsOrDash(fc, fok), ns(fw), numOrDash(fi, fiok))
		for _, kind := range []string{"Lexer", "ParseChallenges", "ParseChallengesFunc", "ParseCredentials", "ParseCredentialsFunc", "AppendChallenge"} {
			full := "Benchmark" + kind + "/" + c
			w, ok := s.med(full, "ns/op")
			if !ok {
				continue
			}
			nb := bytes(full)
			wr := (w / nb) / (fw / fb)
			cc, cok := cpu[full]
			// Targets: none for the convenience functions and the
			// encoder, nor below 40 bytes or with escapes.
			cpuTarget, instrTarget := 1.25, 1.5
			switch {
			case kind == "Lexer":
				cpuTarget, instrTarget = 1.1, 1.1
			case kind != "ParseChallenges" && kind != "ParseCredentials", nb < 40, c == "multi-escaped":
				cpuTarget, instrTarget = 0, 0
			}
			judge := func(r, target float64) string {
				if target == 0 {
					return ratio(r)
				}
				return mark(ratio(r), r <= target)
			}
			cell := "(" + ratio(wr) + ")"
			if cok && fok && fc > 0 {
				cell = judge((cc/nb)/(fc/fb), cpuTarget) + " " + cell
			}
			ic, icok := instr[full]
			icell := ""
			if icok && fiok && fi > 0 {
				icell = judge((ic/nb)/(fi/fb), instrTarget)
			}
			fmt.Fprintf(&b, "| %s | %.0f | %s | %s | %s | %s | %s | %s |\n", c, nb, kind, nsOrDash(cc, cok), ns(w), cell, numOrDash(ic, icok), icell)
		}
	}
	return b.String()
}

func numOrDash(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.0f", v)
}

func nsOrDash(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	return ns(v)
}

func scalingTable(s samples) string {
	var b strings.Builder
	ns := []string{"1", "4", "16", "64", "256", "1024", "4096"}
	fmt.Fprintf(&b, "Medians per input byte for a field of n challenges and for one challenge of n params, reused Parser, Limits raised to n: `cpu` is process CPU time per byte, `wall` wall-clock ns per byte.\n\n| field | metric |")
	for _, n := range ns {
		fmt.Fprintf(&b, " n=%s |", n)
	}
	fmt.Fprintf(&b, " n=4096 / n=1 | max / min |\n|---|---|%s--:|--:|\n", strings.Repeat("--:|", len(ns)))
	for _, kind := range []string{"challenges", "params"} {
		for _, m := range []struct{ label, unit string }{{"cpu", "cpu-ns/B"}, {"wall", "ns/B"}} {
			fmt.Fprintf(&b, "| %s | %s |", kind, m.label)
			var vs []float64
			for _, n := range ns {
				v, ok := s.med("BenchmarkScaling/"+kind+"/n="+n, m.unit)
				if !ok {
					fmt.Fprintf(&b, " |")
					continue
				}
				vs = append(vs, v)
				fmt.Fprintf(&b, " %.2f |", v)
			}
			if len(vs) == len(ns) && vs[0] > 0 && slices.Min(vs) > 0 {
				r := vs[len(vs)-1] / vs[0]
				fmt.Fprintf(&b, " %s | %s |\n", ratio(r), ratio(slices.Max(vs)/slices.Min(vs)))
			} else {
				fmt.Fprintf(&b, " | |\n")
			}
		}
	}
	return b.String()
}

func splice(readme string, blocks map[string]string) error {
	data, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	s := string(data)
	for name, body := range blocks {
		begin, end := "<!-- begin:"+name+" -->\n", "<!-- end:"+name+" -->"
		i := strings.Index(s, begin)
		j := strings.Index(s, end)
		if i < 0 || j < i {
			return fmt.Errorf("%s: no %q ... %q block", readme, begin, end)
		}
		s = s[:i+len(begin)] + body + s[j:]
	}
	return os.WriteFile(readme, []byte(s), 0o644)
}

func main() {
	var (
		benchFile = flag.String("bench", "results/bench.txt", "go test -bench output of this module")
		rootFile  = flag.String("root", "results/root.txt", "go test -bench output of the root package")
		statFile  = flag.String("benchstat", "results/benchstat.txt", "benchstat of -bench")
		rootStat  = flag.String("benchstat-root", "results/benchstat-root.txt", "benchstat of -root")
		machine   = flag.String("machine", "results/machine.txt", "description of the machine")
		instr     = flag.String("instructions", "results/instructions.txt", "callgrind.sh output")
		rootCPU   = flag.String("root-cpu", "results/root-cpu.txt", "rootcpu.sh output")
		rootInstr = flag.String("root-instructions", "results/root-instructions.txt", "rootcallgrind.sh output")
		golden    = flag.String("golden", "../testdata/golden", "golden txtar directory")
		readme    = flag.String("readme", "", "README to rewrite in place (default: print)")
	)
	flag.Parse()
	s, _, err := load(*benchFile)
	if err != nil {
		fatal(err)
	}
	cases, err := bench.AllCases(*golden)
	if err != nil {
		fatal(err)
	}
	rep := bench.Run(cases)
	conf := map[[2]string]bench.Verdict{}
	for i, c := range rep.Cases {
		for j, n := range rep.Names {
			if c.Source == "corpus" {
				conf[[2]string{c.Name, n}] = rep.Results[i][j].Verdict
			}
		}
	}
	var cb strings.Builder
	rep.WriteMarkdown(&cb, bench.FromCorpus)
	cb.WriteString("\nWhat the other parsers returned on the golden inputs: `go run ./cmd/conformance` (results/conformance.md).\n")
	cmp, targets := compareTables(s, conf)
	blocks := map[string]string{
		"compare":      cmp,
		"targets":      targets,
		"scaling":      scalingTable(s),
		"instructions": instrTable(*instr, conf),
		"conformance":  cb.String(),
	}
	if rs, order, err := load(*rootFile); err == nil {
		blocks["floor"] = floorTable(rs, order, *rootCPU, *rootInstr)
	} else {
		blocks["floor"] = "(no root benchmark results: " + err.Error() + ")\n"
	}
	for name, path := range map[string]string{"benchstat": *statFile, "benchstat-root": *rootStat, "machine": *machine} {
		data, err := os.ReadFile(path)
		if err != nil {
			blocks[name] = "(missing: " + err.Error() + ")\n"
			continue
		}
		blocks[name] = "```\n" + string(data) + "```\n"
	}
	if *readme == "" {
		for _, name := range []string{"machine", "compare", "targets", "instructions", "floor", "scaling", "conformance", "benchstat", "benchstat-root"} {
			fmt.Printf("## %s\n\n%s\n", name, blocks[name])
		}
		return
	}
	if err := splice(*readme, blocks); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "report:", err)
	os.Exit(1)
}
