#!/bin/sh
# make run-pg: the demo organisation on a throw-away PostgreSQL cluster
# (tests/pg_cluster.sh: a folder under /tmp, a port of its own, no system
# service), served by two servers at once, as a national organisation
# would run several behind one proxy.  Sign in on one, carry on on the
# other.  Ctrl-C stops both servers and removes the cluster.
set -eu
RT=./build/roundtable
PORTS="${RUN_PG_PORTS:-8080 8081}"
out=$(sh tests/pg_cluster.sh start)
dir=$(echo "$out" | sed -n 1p)
url=$(echo "$out" | sed -n 2p)
pids=""
stop() {
	trap - EXIT INT TERM
	# shellcheck disable=SC2086
	[ -z "$pids" ] || kill $pids 2>/dev/null || :
	wait 2>/dev/null || :
	sh tests/pg_cluster.sh stop "$dir"
}
# Asked to stop is a clean end: exit 0, not the signal's status.
trap stop EXIT
trap 'stop; exit 0' INT TERM
# No database file to keep the audit key beside: the config names it.
conf="$dir/roundtable.ini"
printf '[keys]\naudit_key = %s/audit.key\n' "$dir" >"$conf"
"$RT" init --db "$url" --config "$conf" --name "Roundtable"
"$RT" demo --db "$url" --config "$conf"
for port in $PORTS; do
	"$RT" serve --db "$url" --config "$conf" --listen "127.0.0.1:$port" &
	pids="$pids $!"
done
for port in $PORTS; do
	echo "Serving http://127.0.0.1:$port/"
done
echo "(two servers, one PostgreSQL database at $url; Ctrl-C stops both"
echo " and deletes the cluster with everything in it; RUN_PG_PORTS names"
echo " other ports)"
wait
