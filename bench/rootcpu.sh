#!/bin/sh
# rootcpu.sh measures the CPU time per call of the root package's
# benchmarks (BenchmarkScanFloor and the parsers on the same cases), which
# report only wall clock: each runs as its own process twice, with N/10 and
# N iterations (N sized for about a second of work by a short wall-clock
# run, at least 10^6 and at most 2*10^7), and the difference of
# the processes' CPU time (user + system, GC included) over the difference
# of the iteration counts cancels start-up.
#
#   ./rootcpu.sh ROOT_TEST_BIN CPUTIME_BIN > results/root-cpu.txt
#
# Output lines: "<benchmark name> <cpu-ns/op>". Run from bench/.
set -eu
bin=$1
cputime=$2
target=${TARGET_NS:-1000000000}
cpu() {
	(cd .. && "$cputime" "$bin" -test.run='^$' -test.bench="$1" -test.benchtime="${2}x" 2>&1 >/dev/null) | sed -n 's/^cputime //p'
}
(cd .. && "$bin" -test.run='^$' -test.bench='ScanFloor|Lexer|ParseChallenges|ParseCredentials|AppendChallenge' -test.benchtime=20ms) |
	awk '/^Benchmark/ { n = $1; sub(/-[0-9]+$/, "", n); print n, $3 }' | while read -r name ns; do
		n2=$(awk -v t="$target" -v ns="$ns" 'BEGIN { n = int(t / ns); if (n < 1000000) n = 1000000; if (n > 20000000) n = 20000000; print n }')
		n1=$((n2 / 10))
		re=$(echo "$name" | sed 's/^\([^/]*\)\/\(.*\)$/^\1$\/^\2$/')
		a=$(cpu "$re" "$n1")
		b=$(cpu "$re" "$n2")
		awk -v name="$name" -v a="$a" -v b="$b" -v n1="$n1" -v n2="$n2" 'BEGIN { printf "%s %.2f\n", name, (b - a) / (n2 - n1) }'
	done
