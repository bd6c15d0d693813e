#!/bin/sh
# rootcallgrind.sh counts the instructions per call of the root package's
# benchmarks (BenchmarkScanFloor and the lexer, parsers and encoder on the
# same cases) under valgrind's callgrind, the check beside rootcpu.sh's CPU
# times that the load of a shared machine does not move. Each benchmark
# runs twice, with N1 and N2 iterations; (I(N2) - I(N1)) / (N2 - N1)
# cancels the start-up. The environment is callgrind.sh's (GOMAXPROCS=1,
# no asynchronous preemption, GOGC=off: allocation is counted, collection
# is not).
#
#   ./rootcallgrind.sh ROOT_TEST_BIN > results/root-instructions.txt
#
# ROOT_TEST_BIN is the root package's test binary (go test -c in ..).
# Output lines: "<benchmark name> <instructions/op>". BENCH=regexp limits
# the benchmarks counted. Run from bench/.
set -eu
bin=$1
n1=${N1:-1001}
n2=${N2:-10001}
count() {
	(cd .. && GOMAXPROCS=1 GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --fair-sched=yes --tool=callgrind --callgrind-out-file=/dev/null \
		"$bin" -test.run='^$' -test.bench="$1" -test.benchtime="${2}x" 2>&1 >/dev/null) | sed -n 's/.*Collected : //p'
}
(cd .. && "$bin" -test.run='^$' -test.bench="${BENCH:-ScanFloor|Lexer|ParseChallenges|ParseCredentials|AppendChallenge}" -test.benchtime=1x) |
	awk '/^Benchmark/ { n = $1; sub(/-[0-9]+$/, "", n); print n }' | while read -r name; do
		re=$(echo "$name" | sed 's/^\([^/]*\)\/\(.*\)$/^\1$\/^\2$/')
		a=$(count "$re" "$n1")
		b=$(count "$re" "$n2")
		echo "$name $(( (b - a) / (n2 - n1) ))"
	done
