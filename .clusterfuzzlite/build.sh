#!/bin/bash -eu
set -euo pipefail
# Builds every native Go fuzz target (func FuzzXxx(f *testing.F)) of the
# module for ClusterFuzzLite and OSS-Fuzz (oss-fuzz/build.sh runs this
# file), as the targets are: they are listed with "go test -list", so a new
# target needs no edit here. .ci/fuzzbuild runs this script without Docker
# on every CI run.
#
# A target lives in a _test.go file, often of an external test package
# (package x_test), with helpers in other test files; go-118-fuzz-build
# builds only non-test packages. So .clusterfuzzlite/harness first copies
# the target and the declarations it needs into non-test files (a new
# package for an external test package), with go-118-fuzz-build's testing
# package; then go-118-fuzz-build makes the libFuzzer archive, which $CXX
# links. All of it happens in the build's copy of the sources, never in the
# repository. Coverage builds go through the base image's
# compile_native_go_fuzzer, which builds the test binary as it is.
cd "$SRC/httpauth"
printf 'package httpauth\n\nimport _ "github.com/AdamKorcz/go-118-fuzz-build/testing"\n' >register_fuzz_build.go
go mod tidy
go build -o "$WORK/fuzzharness" ./.clusterfuzzlite/harness

# "go test -list" prints a package's matching names, then its "ok <pkg>" line.
go test -list '^Fuzz' ./... >"$WORK/fuzzlist"
names=()
built=0
while IFS= read -r line; do
	case $line in
	Fuzz*) names+=("$line") ;;
	ok*)
		pkg=$(awk '{print $2}' <<<"$line")
		for name in "${names[@]}"; do
			# One binary per target, named after its package and target:
			# httpauth_FuzzParseChallenges, digest_FuzzParseChallenge, ...
			fuzzer="${pkg##*/}_${name}"
			if [[ ${SANITIZER:-address} == coverage ]]; then
				compile_native_go_fuzzer "$pkg" "$name" "$fuzzer"
				continue
			fi
			dir=$(go list -f '{{.Dir}}' "$pkg")
			mapfile -t made < <("$WORK/fuzzharness" -dir "$dir" -func "$name")
			go-118-fuzz-build -o "$WORK/$fuzzer.a" -func "$name" "$pkg${made[0]}"
			rm -rf "${made[@]:1}"
			if [[ -n ${CXX:-} ]]; then
				# shellcheck disable=SC2086 # flag lists
				$CXX $CXXFLAGS $LIB_FUZZING_ENGINE "$WORK/$fuzzer.a" -o "$OUT/$fuzzer"
			fi
			built=$((built + 1))
		done
		names=()
		;;
	esac
done <"$WORK/fuzzlist"
echo "built $built fuzz targets"
