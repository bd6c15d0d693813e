#!/usr/bin/env bash
# fuzz/run.sh: a fuzzing campaign over every fuzz target of the module.
#
#   fuzz/run.sh [-t DURATION] [-j JOBS] [-p WORKERS] [-r REGEXP] [PACKAGE ...]
#
#   -t DURATION  fuzz time per target, as go test -fuzztime (default 10m)
#   -j JOBS      targets run at the same time (default: the number of cores)
#   -p WORKERS   fuzz workers per target, go test -parallel (default 1)
#   -r REGEXP    only the targets whose "package Name" matches (grep -E)
#   PACKAGE      packages to search for targets (default ./...)
#
# Targets are found with "go test -list '^Fuzz'" in each package, so a new
# target joins the campaign without editing this file. JOBS x WORKERS
# processes fuzz at once: keep it at the number of cores you may use.
#
# The corpus stays outside the repository: Go keeps the inputs that found new
# coverage in its fuzz cache, $(go env GOCACHE)/fuzz/<package path>/<Target>,
# and a later run starts from them (for a package other than the root, the
# path is that of the package). Logs go to $FUZZ_LOGS (default
# $HOME/.cache/httpauth-fuzz/logs/<UTC time>). Only a failing input (a
# crasher) is written inside the repository, under <package>/testdata/fuzz/
# <Target>/, which is where it must be committed once the bug is fixed; the
# script lists the new ones at the end and then exits with status 1.
#
# See fuzz/README.md.
set -uo pipefail

duration=10m
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
workers=1
select=.
while getopts t:j:p:r:h opt; do
	case $opt in
	t) duration=$OPTARG ;;
	j) jobs=$OPTARG ;;
	p) workers=$OPTARG ;;
	r) select=$OPTARG ;;
	*)
		sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 2
		;;
	esac
done
shift $((OPTIND - 1))
[[ $# -gt 0 ]] || set -- ./...

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
logs=${FUZZ_LOGS:-$HOME/.cache/httpauth-fuzz/logs/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$logs" || exit 2
cache="$(go env GOCACHE)/fuzz"

# Crashers present before the campaign, to report only the new ones.
crashers() { find . -path '*/testdata/fuzz/*' -type f -not -path './.git/*' 2>/dev/null | sort; }
crashers >"$logs/crashers.before"

# "go test -list" prints a package's matching names, then its "ok <pkg>"
# line: attribute each block of names to the package that follows it.
if ! go test -list '^Fuzz' "$@" >"$logs/list" 2>&1; then
	echo "go test -list failed:" >&2
	cat "$logs/list" >&2
	exit 2
fi
targets=()
names=()
while IFS= read -r line; do
	case $line in
	Fuzz*) names+=("$line") ;;
	ok*)
		pkg=$(awk '{print $2}' <<<"$line")
		for name in "${names[@]}"; do
			targets+=("$pkg $name")
		done
		names=()
		;;
	esac
done <"$logs/list"
mapfile -t targets < <(printf '%s\n' "${targets[@]}" | grep -E -- "$select")
if [[ ${#targets[@]} -eq 0 ]]; then
	echo "no fuzz target matches" >&2
	exit 2
fi

echo "${#targets[@]} targets, $duration each, $jobs at a time with $workers worker(s) each"
echo "corpus: $cache/<package import path>/<Target>"
echo "logs:   $logs"

run() {
	local pkg=$1 name=$2 log="$logs/$2.log" t0=$SECONDS rc
	go test -run='^$' -fuzz="^${name}\$" -fuzztime="$duration" -parallel="$workers" "$pkg" >"$log" 2>&1
	rc=$?
	# The last progress line holds the totals.
	local last
	last=$(grep -E '^fuzz: elapsed: .*execs: ' "$log" | tail -n 1 | sed 's/^fuzz: //')
	printf '%s\t%s\trc=%d\t%ds\t%s\n' "$pkg" "$name" "$rc" $((SECONDS - t0)) "$last" >>"$logs/summary.tsv"
	printf '%-45s %-32s rc=%d %s\n' "$pkg" "$name" "$rc" "$last"
}

for target in "${targets[@]}"; do
	while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do
		wait -n
	done
	read -r pkg name <<<"$target"
	run "$pkg" "$name" &
done
wait

status=0
if grep -q -v $'\trc=0\t' "$logs/summary.tsv"; then
	echo
	echo "failed targets (see their logs in $logs):"
	grep -v $'\trc=0\t' "$logs/summary.tsv" | cut -f1,2
	status=1
fi
crashers >"$logs/crashers.after"
new=$(comm -13 "$logs/crashers.before" "$logs/crashers.after")
if [[ -n $new ]]; then
	echo
	echo "new crashers (minimize, fix, then commit; see fuzz/README.md):"
	echo "$new"
	status=1
fi
exit $status
