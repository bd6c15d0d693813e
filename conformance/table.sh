#!/usr/bin/env bash
# table.sh: reproduce the conformance table of README.md in one command.
#
#   ./table.sh [-n N] [-s SEED]
#
# Runs "httpauth conform" on every adapter (adapters.sh), over the golden
# cases and N generated ones of the adapter's field (default 2000, seed 1),
# with the flags that state the parser's scope; writes each report to
# results/NAME.FIELD.json and rewrites the table between the markers of
# README.md. Needs go, python3, node and npm (for npm ci, the first time).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
n=2000
seed=1
while getopts n:s: opt; do
	case $opt in
	n) n=$OPTARG ;;
	s) seed=$OPTARG ;;
	*) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
	esac
done
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
source "$here/adapters.sh"
build_tools
mkdir -p "$here/results"
rm -f "$here"/results/*.json
list_adapters >"$bin/adapters"
while IFS=$'\t' read -r name field flags cmd; do
	out="$here/results/$name.$field.json"
	echo "conform: $name ($field)" >&2
	# shellcheck disable=SC2086 # flags and cmd are word lists
	"$bin/httpauth" conform -field "$field" -n "$n" -seed "$seed" -json -examples 1 $flags -- $cmd >"$out" </dev/null || [[ $? -eq 1 ]]
done <"$bin/adapters"
(cd "$here" && go run ./cmd/table -readme README.md -adapters "$bin/adapters" -n "$n" -seed "$seed" results/*.json)
