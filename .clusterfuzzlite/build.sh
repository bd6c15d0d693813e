#!/bin/bash -eu
set -o pipefail
# Builds every native Go fuzz target (func FuzzXxx(f *testing.F)) of the
# module for ClusterFuzzLite, as the targets are: they are listed with
# "go test -list", so a new target needs no edit here.
#
# compile_native_go_fuzzer (from base-builder-go) needs the module to require
# its testing shim; that is done here, in the build container's copy of the
# sources, never in the repository.
cd "$SRC/httpauth"
printf 'package httpauth\n\nimport _ "github.com/AdamKorcz/go-118-fuzz-build/testing"\n' >register_fuzz_build.go
go mod tidy

# "go test -list" prints a package's matching names, then its "ok <pkg>" line.
go test -list '^Fuzz' ./... >"$WORK/fuzzlist"
names=()
while IFS= read -r line; do
	case $line in
	Fuzz*) names+=("$line") ;;
	ok*)
		pkg=$(awk '{print $2}' <<<"$line")
		for name in "${names[@]}"; do
			# One binary per target, named after its package and target:
			# httpauth_FuzzParseChallenges, digest_FuzzParseChallenge, ...
			compile_native_go_fuzzer "$pkg" "$name" "${pkg##*/}_${name}"
		done
		names=()
		;;
	esac
done <"$WORK/fuzzlist"
