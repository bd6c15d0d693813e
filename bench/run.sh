#!/bin/sh
# run.sh regenerates every table of bench/README.md: the comparison and
# scaling benchmarks of this module, the root package's benchmarks against
# BenchmarkScanFloor, benchstat summaries and the conformance table.
#
#   ./run.sh                      # 10 rounds of -benchtime=200ms, 20-45 minutes here
#   COUNT=3 BENCHTIME=50ms ./run.sh   # a quick look
#
# The raw outputs stay in results/ so that the tables can be checked.
set -eu
cd "$(dirname "$0")"
count=${COUNT:-10}
benchtime=${BENCHTIME:-200ms}
benchstat="go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da"
mkdir -p results
# Whether the tree differs from HEAD, asked before machine.txt is rewritten
# (the rewrite itself would count).
dirty=$(git diff --quiet HEAD -- .. 2>/dev/null || echo ' (+ uncommitted changes)')
{
	echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$dirty"
	echo "nproc:   $(nproc)"
	echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
	echo "go:      $(go version)"
	echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min, before the run)"
	echo "flags:   $count interleaved rounds of -benchtime=$benchtime -benchmem (as -count=$count)"
} > results/machine.txt
cat results/machine.txt

# Build both test binaries once, then run the whole set count times, one
# round after another, instead of each benchmark count times in a row: on a
# shared machine the load drifts over minutes, and interleaving spreads the
# drift over every benchmark alike instead of landing on a few of them.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/bench.test" .
(cd .. && go test -c -o "$tmp/root.test" .)
: > results/bench.txt
: > results/root.txt
i=0
while [ "$i" -lt "$count" ]; do
	i=$((i + 1))
	echo "round $i/$count"
	"$tmp/bench.test" -test.run='^$' -test.bench='Compare|Scaling|HeaderGet' -test.benchmem -test.benchtime="$benchtime" >> results/bench.txt
	(cd .. && "$tmp/root.test" -test.run='^$' -test.bench='ScanFloor|Lexer|ParseChallenges|ParseCredentials|AppendChallenge' -test.benchmem -test.benchtime="$benchtime") >> results/root.txt
done
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (after the run)" >> results/machine.txt

# The root benchmarks report only wall clock: time them again by process
# CPU time for the floor ratios.
echo "rootcpu: CPU time of the root benchmarks"
go build -o "$tmp/cputime" ./cmd/cputime
./rootcpu.sh "$tmp/root.test" "$tmp/cputime" > results/root-cpu.txt

# Instruction counts, when valgrind is there (CALLGRIND=0 skips them; they
# take a few seconds per benchmark).
# CALLGRIND_IMPL=regexp recounts only those impls (e.g. '^httpauth' after
# a change to the root package) and keeps the other rows.
if [ "${CALLGRIND:-1}" != 0 ] && command -v valgrind > /dev/null; then
	echo "callgrind: counting instructions"
	if [ -n "${CALLGRIND_IMPL:-}" ] && [ -f results/instructions.txt ]; then
		IMPL=$CALLGRIND_IMPL ./callgrind.sh "$tmp/bench.test" > "$tmp/instr"
		awk -v re="$CALLGRIND_IMPL" '!($2 ~ re)' results/instructions.txt >> "$tmp/instr"
		sort "$tmp/instr" > results/instructions.txt
	else
		./callgrind.sh "$tmp/bench.test" > results/instructions.txt
	fi
	echo "rootcallgrind: counting the root benchmarks' instructions"
	./rootcallgrind.sh "$tmp/root.test" > results/root-instructions.txt
fi

$benchstat results/bench.txt > results/benchstat.txt
$benchstat results/root.txt > results/benchstat-root.txt
go run ./cmd/conformance > results/conformance.md
go run ./cmd/report -readme README.md
echo "README.md updated"
