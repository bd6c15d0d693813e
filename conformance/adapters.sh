# adapters.sh, sourced by table.sh and campaign.sh: the adapters of the
# conformance table, one per line of list_adapters:
#
#	NAME <TAB> FIELD <TAB> CONFORM FLAGS <TAB> COMMAND
#
# The Go parsers come from bench's list (goadapter -list), so that a parser
# added to bench/impls.go joins the table. $bin must hold the goadapter
# binary and $here the conformance directory.

list_adapters() {
	"$bin/goadapter" -list | while IFS=$'\t' read -r name field flags; do
		printf '%s\t%s\t%s\t%s\n' "$name" "$field" "$flags" "$bin/goadapter -impl $name"
	done
	# Python's standard library: the Basic handler's realm search and the
	# Digest handler's parameter parsing (python/adapter.py).
	printf 'python-basic\twww-authenticate\t-schemes basic -params realm -compare set -no-errors\tpython3 %s/python/adapter.py python-basic\n' "$here"
	printf 'python-digest\twww-authenticate\t-schemes digest -first -compare set\tpython3 %s/python/adapter.py python-digest\n' "$here"
	# npm: auth-header, one challenge or credentials per field line.
	printf 'auth-header\twww-authenticate\t-compare set\tnode %s/node/adapter.js auth-header\n' "$here"
	printf 'auth-header\tauthorization\t-compare set\tnode %s/node/adapter.js auth-header\n' "$here"
}

# build_tools builds httpauth and goadapter into $bin and installs the npm
# packages pinned in node/package-lock.json if they are missing.
build_tools() {
	mkdir -p "$bin"
	(cd "$here/.." && go build -o "$bin/httpauth" ./cmd/httpauth)
	(cd "$here" && go build -o "$bin/goadapter" ./cmd/goadapter)
	if [[ ! -d $here/node/node_modules/auth-header ]]; then
		(cd "$here/node" && npm ci --no-audit --no-fund >/dev/null)
	fi
}
