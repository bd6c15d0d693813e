#!/bin/sh
# callgrind.sh counts the instructions per call of every BenchmarkCompare
# pair under valgrind's callgrind: a measure the load of a shared machine
# does not move, to check the timing ratios against. Each benchmark runs
# twice, with N1 and N2 iterations; (I(N2) - I(N1)) / (N2 - N1) cancels the
# start-up. GOMAXPROCS=1 keeps the runtime's idle threads from adding
# instructions that depend on wall time, GODEBUG=asyncpreemptoff=1 keeps
# callgrind from tripping on Go's preemption signals, and GOGC=off leaves
# the garbage collector out: the counts include allocation (mallocgc) but
# not the later collection, which favours the parsers that allocate most.
#
#   ./callgrind.sh BIN > results/instructions.txt
#
# BIN is this module's test binary (go test -c). Output lines:
# "<case> <impl> <instructions/op>". IMPL=regexp limits the impls measured
# (e.g. IMPL='^httpauth' to redo httpauth's rows only).
set -eu
bin=$1
n1=${N1:-1001}
n2=${N2:-10001}
count() {
	GOMAXPROCS=1 GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --fair-sched=yes --tool=callgrind --callgrind-out-file=/dev/null \
		"$bin" -test.run='^$' -test.bench="$1" -test.benchtime="${2}x" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'
}
"$bin" -test.run='^$' -test.bench='^BenchmarkCompare$' -test.benchtime=1x |
	sed -n 's/^BenchmarkCompare\/\([^/]*\)\/\([^ \t]*\)-[0-9]*[ \t].*/\1 \2/p; s/^BenchmarkCompare\/\([^/]*\)\/\([^ \t]*\)[ \t].*/\1 \2/p' |
	sort -u | awk -v re="${IMPL:-.}" '$2 ~ re' | while read -r c impl; do
		re="^BenchmarkCompare\$/^$c\$/^$impl\$"
		a=$(count "$re" "$n1")
		b=$(count "$re" "$n2")
		echo "$c $impl $(( (b - a) / (n2 - n1) ))"
	done
