#!/bin/sh
# What auditing reads of a person's record costs: GET /people/1 (audited:
# a write of one audit row under the writers' lock, a durable commit)
# beside GET /people (a list, not audited) on the same server, and the
# same two on a build without read audit, side by side.  wrk, 2 threads,
# 8 connections, 10 s each.  Usage: bench/read_audit.sh BIN [BIN_BEFORE]
set -eu
run_one() {
	bin=$1; port=$2
	W=$(mktemp -d)
	"$bin" init --db "$W/r.db" >/dev/null
	"$bin" demo --db "$W/r.db" >/dev/null
	echo 'bench-password-1234' | "$bin" user passwd coordinator.fenwick \
		--password-stdin --db "$W/r.db" >/dev/null
	"$bin" serve --db "$W/r.db" --listen "127.0.0.1:$port" 2>/dev/null &
	pid=$!
	sleep 1
	J=$W/cookies
	curl -s -c "$J" -b "$J" "http://127.0.0.1:$port/sign-in" >"$W/s.html"
	CSRF=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$W/s.html" | head -1)
	curl -s -o /dev/null -c "$J" -b "$J" --data-urlencode username=coordinator.fenwick \
		--data-urlencode password=bench-password-1234 --data-urlencode "csrf=$CSRF" \
		"http://127.0.0.1:$port/sign-in"
	S=$(awk '$6 == "rt_session" { print $7 }' "$J")
	for path in /people/1 /people; do
		printf '%s %s: ' "$bin" "$path"
		wrk -t2 -c8 -d10s -H "Cookie: rt_session=$S" \
			"http://127.0.0.1:$port$path" | awk '/Requests\/sec/ { r = $2 }
			/Latency/ { l = $2 } END { print r " req/s, mean latency " l }'
	done
	kill "$pid"; wait "$pid" || true
	rm -rf "$W"
}
run_one "$1" 18181
[ $# -gt 1 ] && run_one "$2" 18182
exit 0
