#!/bin/bash -eu
set -euo pipefail
# Builds every native Go fuzz target (func FuzzXxx(f *testing.F)) of the
# module for ClusterFuzzLite and OSS-Fuzz (oss-fuzz/build.sh runs this
# file), as the targets are: the harness finds them in the test files, so a
# new target needs no edit here. .ci/fuzzbuild runs this script without
# Docker on every CI run, and checks that the list is go test -list's.
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

# The targets, as "go test -list '^Fuzz'" would name them, read from the
# test files by the harness rather than by compiling every test binary.
go list -e -f '{{.ImportPath}} {{.Dir}}' ./... | while read -r pkg dir; do
	"$WORK/fuzzharness" -list -dir "$dir" | while read -r name; do
		printf '%s %s\n' "$pkg" "$name"
	done
done >"$WORK/targets"

# build_one PKG NAME builds one target in the current copy of the sources.
# Its binary is named after its package and target:
# httpauth_FuzzParseChallenges, digest_FuzzParseChallenge, ...
build_one() {
	local pkg=$1 name=$2 fuzzer="${1##*/}_$2" dir made
	if [[ ${SANITIZER:-address} == coverage ]]; then
		compile_native_go_fuzzer "$pkg" "$name" "$fuzzer"
		return
	fi
	dir=$(go list -f '{{.Dir}}' "$pkg")
	mapfile -t made < <("$WORK/fuzzharness" -dir "$dir" -func "$name")
	go-118-fuzz-build -o "$WORK/$fuzzer.a" -func "$name" "$pkg${made[0]}"
	rm -rf "${made[@]:1}"
	if [[ -n ${CXX:-} ]]; then
		# shellcheck disable=SC2086 # flag lists
		$CXX $CXXFLAGS $LIB_FUZZING_ENGINE "$WORK/$fuzzer.a" -o "$OUT/$fuzzer"
	fi
}

# Each target's build is one package and a link, which one core does; so
# the targets are shared among one copy of the sources per core (the
# harness writes its files into the package directory, so two targets of
# one package cannot build in the same copy at once). Coverage builds stay
# in one copy: compile_native_go_fuzzer works in $SRC/httpauth.
jobs=$(nproc 2>/dev/null || echo 1)
if [[ ${SANITIZER:-address} == coverage ]]; then
	jobs=1
fi
pids=()
for ((j = 0; j < jobs; j++)); do
	tree=$SRC/httpauth
	if ((j > 0)); then
		tree=$WORK/tree$j
		rm -rf "$tree"
		cp -a "$SRC/httpauth" "$tree"
	fi
	(
		cd "$tree"
		awk -v n="$jobs" -v j="$j" '(NR - 1) % n == j' "$WORK/targets" |
			while read -r pkg name; do build_one "$pkg" "$name"; done
	) &
	pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do
	wait "$pid" || failed=1
done
if ((failed)); then
	echo "a fuzz target did not build"
	exit 1
fi
echo "built $(wc -l <"$WORK/targets") fuzz targets"
