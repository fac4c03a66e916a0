#!/bin/sh
# A throw-away PostgreSQL cluster for the tests, never a system service:
# initdb in a new temporary folder, a port of its own, a socket in that
# folder (no TCP), and pg_ctl to stop it.  As root (CI containers), the
# cluster runs as the postgres user, since PostgreSQL refuses root.
#   tests/pg_cluster.sh start      prints the folder, then the URL
#   tests/pg_cluster.sh restart DIR  drops every connection, as a crash
#   tests/pg_cluster.sh stop DIR   stops it and removes the folder
set -eu
bindir=$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
as=""
[ "$(id -u)" -eq 0 ] && as="runuser -u postgres --"

case "${1:-}" in
start)
	dir=$(mktemp -d /tmp/rt-pg.XXXXXX)
	chmod 0755 "$dir"
	[ -n "$as" ] && chown postgres "$dir"
	$as "$bindir/initdb" -D "$dir/data" -A trust -U roundtable -E UTF8 \
	    --no-sync >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		exit 1
	}
	# A port of our own: several clusters (one a test binary) at once.
	port=$((20000 + $$ % 20000))
	tries=0
	until $as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/data/log" -w \
	    -o "-p $port -k $dir -c listen_addresses='' -c fsync=off" \
	    start >/dev/null 2>&1; do
		tries=$((tries + 1))
		[ $tries -ge 10 ] && { cat "$dir/data/log" >&2; exit 1; }
		port=$((port + 1))
	done
	"$bindir/createdb" -h "$dir" -p "$port" -U roundtable roundtable
	echo "$dir"
	echo "postgresql://roundtable@/roundtable?host=$dir&port=$port"
	;;
restart)
	# As a crash and recovery (or a standby taking over at the same
	# address) looks to a client: every connection dropped at once.
	# pg_ctl starts it again with the options it was started with.
	$as "$bindir/pg_ctl" -D "$2/data" -l "$2/data/log" -w -m immediate \
	    restart >/dev/null
	;;
stop)
	[ -d "${2:-}/data" ] || exit 0
	$as "$bindir/pg_ctl" -D "$2/data" -m immediate stop >/dev/null 2>&1 || :
	rm -rf "$2"
	;;
*)
	echo "usage: $0 start | restart DIR | stop DIR" >&2
	exit 2
	;;
esac
