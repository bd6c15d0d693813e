#!/usr/bin/env bash
# interop/run.sh: the library against HTTP authentication implementations
# it did not write, on 127.0.0.1 only. From any directory:
#
#   bash interop/run.sh                 # every row; rewrites interop/README.md
#   bash interop/run.sh -run 'squid'    # only the rows matching a regexp; README untouched
#
# 1. Installs what is missing: the Debian packages apache2, apache2-utils,
#    lighttpd, squid, curl and wget (only when a binary is absent, and then
#    only as root), and the npm packages pinned in package-lock.json (npm
#    ci, only when node_modules does not match the lockfile).
# 2. Vets and tests the driver (this directory is its own Go module).
# 3. Writes the configurations into a temporary directory (interop setup),
#    starts Apache, lighttpd, squid and the http-auth server on free ports
#    of 127.0.0.1, and records their PIDs.
# 4. Runs every row (interop run): each request loop has a count, each
#    row a deadline. The matrix goes into README.md.
# 5. On exit, also on failure or interrupt, stops each server it started
#    by its PID (TERM, then KILL after 10 s) and removes the directory.
#
# Exit status: non-zero when a row fails because of the library, or when
# a step above fails. Rows that fail because of the other implementation
# are reported with their evidence and do not change it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

work=""
policy=""
pids=()
names=()

stop_servers() {
	local rc=$? i pid
	for i in "${!pids[@]}"; do
		pid=${pids[$i]}
		if kill -0 "$pid" 2>/dev/null; then
			kill -TERM "$pid" 2>/dev/null || true
		fi
	done
	for i in "${!pids[@]}"; do
		pid=${pids[$i]}
		for _ in $(seq 100); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$pid" 2>/dev/null; then
			echo "run.sh: ${names[$i]} (pid $pid) still runs 10 s after TERM: KILL"
			kill -KILL "$pid" 2>/dev/null || true
		fi
		wait "$pid" 2>/dev/null || true
	done
	if [[ $rc -ne 0 && -n $work ]]; then
		for log in apache/error.log lighttpd/error.log squid/cache.log node/server.log; do
			if [[ -s $work/$log ]]; then
				echo "---- last lines of $log"
				tail -n 15 "$work/$log"
			fi
		done
	fi
	if [[ -n $work ]]; then
		rm -rf "$work"
	fi
	if [[ -n $policy ]]; then
		rm -f "$policy"
	fi
	exit "$rc"
}
trap stop_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. install -----------------------------------------------------------

debs=()
for pair in apache2:apache2 htpasswd:apache2-utils lighttpd:lighttpd squid:squid curl:curl wget:wget; do
	command -v "${pair%%:*}" >/dev/null || debs+=("${pair#*:}")
done
for helper in digest_file_auth basic_ncsa_auth; do
	[[ -x /usr/lib/squid/$helper ]] || debs+=(squid)
done
if ((${#debs[@]})); then
	mapfile -t debs < <(printf '%s\n' "${debs[@]}" | sort -u)
	if [[ $(id -u) -ne 0 ]]; then
		echo "run.sh: missing Debian packages: ${debs[*]}; install them (as root: apt-get install ${debs[*]}) or run this script as root"
		exit 1
	fi
	echo "run.sh: installing ${debs[*]}"
	# Debian starts a service when its package is installed, unless
	# policy-rc.d forbids it: the servers of this suite run only as
	# run.sh starts them, on 127.0.0.1.
	if [[ ! -e /usr/sbin/policy-rc.d ]]; then
		policy=/usr/sbin/policy-rc.d
		printf '#!/bin/sh\nexit 101\n' >"$policy"
		chmod 755 "$policy"
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${debs[@]}" >/dev/null
	if [[ -n $policy ]]; then
		rm -f "$policy"
		policy=""
	fi
fi
for b in node npm python3 go; do
	command -v "$b" >/dev/null || { echo "run.sh: $b is not installed"; exit 1; }
done

# npm ci only when node_modules does not hold what package-lock.json pins:
# npm writes its own copy of the lockfile to node_modules/.package-lock.json,
# and this script keeps a checksum of the lockfile beside it.
stamp=node_modules/.interop-lock.sha256
if [[ ! -f $stamp ]] || ! sha256sum --status -c "$stamp" 2>/dev/null; then
	echo "run.sh: npm ci"
	npm ci --no-audit --no-fund --loglevel=error
	sha256sum package-lock.json >"$stamp"
fi

# --- 2. the driver ----------------------------------------------------------

echo "run.sh: go vet, go test"
go vet ./...
go test -count=1 ./...
work=$(mktemp -d "${TMPDIR:-/tmp}/interop.XXXXXX")
go build -o "$work/interop" .

# --- 3. servers -------------------------------------------------------------

"$work/interop" setup -work "$work"

start() { # start NAME LOG COMMAND...: runs COMMAND in the background
	local name=$1 log=$2
	shift 2
	"$@" >"$log" 2>&1 &
	pids+=($!)
	names+=("$name")
	echo "run.sh: started $name (pid $!)"
}
start apache "$work/apache/stdout.log" apache2 -f "$work/apache/apache.conf" -D FOREGROUND
start lighttpd "$work/lighttpd/stdout.log" lighttpd -D -f "$work/lighttpd/lighttpd.conf"
start squid "$work/squid/stdout.log" squid -N -f "$work/squid/squid.conf"
start http-auth "$work/node/server.log" node node/server.mjs "$work/node/server.json"

# --- 4. rows ----------------------------------------------------------------

# In the background, so that a signal to this script is handled at once
# (bash runs a trap only after its foreground command ends): the trap
# stops the driver too.
if [[ $# -eq 0 ]]; then
	set -- -readme README.md
fi
"$work/interop" run -work "$work" "$@" &
pids+=($!)
names+=("interop run")
wait $!
