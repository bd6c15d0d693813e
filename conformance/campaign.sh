#!/usr/bin/env bash
# campaign.sh: a differential campaign: generated values through each
# adapter, one adapter at a time, each for a given time.
#
#   ./campaign.sh [-t DURATION] [-b BATCH] [-o DIR] [NAME.FIELD ...]
#
#   -t DURATION  time per adapter, as sleep takes it (default 10m)
#   -b BATCH     generated cases per conform run (default 2000)
#   -o DIR       where the reports go (default ~/.cache/httpauth-conformance/
#                campaign-<UTC time>); keep it outside the repository
#   NAME.FIELD   the adapters to run (default all, as table.sh lists them)
#
# Each adapter runs "httpauth conform -golden=false -minimize" in batches of
# BATCH cases with seeds 1, 2, 3, ... until its time is up; every
# disagreement listed (a few per category and batch) is minimized against
# httpauth's strict parser. The reports go to DIR/NAME.FIELD/SEED.json, and
# at the end "go run ./cmd/table -campaign DIR" sums them up: cases run,
# disagreements per verdict and category, and the shortest minimized ones.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
duration=10m
batch=2000
out=${HOME}/.cache/httpauth-conformance/campaign-$(date -u +%Y%m%dT%H%M%SZ)
while getopts t:b:o: opt; do
	case $opt in
	t) duration=$OPTARG ;;
	b) batch=$OPTARG ;;
	o) out=$OPTARG ;;
	*) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
source "$here/adapters.sh"
build_tools
mkdir -p "$out"
list_adapters >"$bin/adapters"
seconds=$(python3 -c "import sys; s=sys.argv[1]; u={'s':1,'m':60,'h':3600}; print(int(float(s[:-1])*u[s[-1]]) if s[-1] in u else int(s))" "$duration")
echo "campaign: $seconds s per adapter, reports in $out"
while IFS=$'\t' read -r name field flags cmd; do
	if [[ $# -gt 0 ]] && ! printf '%s\n' "$@" | grep -qxF "$name.$field"; then
		continue
	fi
	dir="$out/$name.$field"
	mkdir -p "$dir"
	start=$SECONDS
	seed=1
	while ((SECONDS - start < seconds)); do
		# shellcheck disable=SC2086 # flags and cmd are word lists
		"$bin/httpauth" conform -golden=false -field "$field" -n "$batch" -seed "$seed" -json -minimize -examples 2 $flags -- $cmd >"$dir/$seed.json" </dev/null || [[ $? -eq 1 ]]
		seed=$((seed + 1))
	done
	echo "$name.$field: $((seed - 1)) batches in $((SECONDS - start)) s"
done <"$bin/adapters"
(cd "$here" && go run ./cmd/table -campaign "$out") | tee "$out/summary.md"
