#!/bin/sh
# Crash safety: SIGKILL the server while several clients write, then check
# that the database is intact and that every write the server acknowledged
# (303 See Other) is there with its exact name.  `make crashtest`.
#
#   CRASH_ROUNDS=20        kills
#   CRASH_CONNECTIONS=4    concurrent writers
#   CRASH_KEEP=1           keep the temporary directory even on success
#   CRASH_VERIFY=http      verify through the server even with sqlite3 present
set -u
cd "$(dirname "$0")/../.." || exit 2

ROUNDS=${CRASH_ROUNDS:-20}
CONNS=${CRASH_CONNECTIONS:-4}
RT=./build/roundtable
W=./build/crash-writer

[ -x "$RT" ] || { echo "crashtest: build $RT first (make build/roundtable)" >&2; exit 2; }
mkdir -p build
# shellcheck disable=SC2046
cc -O2 -Wall -Wextra -o "$W" tests/crash/writer.c \
	$(pkg-config --cflags --libs libcurl) -lpthread || exit 2

T=$(mktemp -d "${TMPDIR:-/tmp}/rt-crash.XXXXXX") || exit 2
DB=$T/r.db
pid=""
wpid=""
failed=0
passed=0

cleanup() {
	[ -n "$wpid" ] && kill "$wpid" 2>/dev/null
	[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
	wait 2>/dev/null
	if [ "$failed" -eq 0 ] && [ "${CRASH_KEEP:-0}" = 0 ]; then
		rm -rf "$T"
	else
		echo "crashtest: files kept in $T"
	fi
}
trap cleanup EXIT
trap 'failed=$((failed + 1)); exit 130' INT TERM

rand() { od -An -N4 -tu4 /dev/urandom | tr -d ' \n'; }

# Starts the server on a free random loopback port; sets pid and URL.
start() {
	for _ in 1 2 3 4 5; do
		port=$((20000 + $(rand) % 40000))
		URL=http://127.0.0.1:$port
		"$RT" serve --db "$DB" --listen "127.0.0.1:$port" \
			--config "$T/rt.ini" >>"$T/server.log" 2>&1 &
		pid=$!
		# A hang guard, not a speed test: recovery after a kill
		# on a loaded machine may be slow (start-up time is in bench/).
		if "$W" health "$URL" 60 >/dev/null 2>>"$T/server.log"; then
			return 0
		fi
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		pid=""
	done
	return 1
}

stop() {
	[ -n "$pid" ] || return 0
	kill "$sig" "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	pid=""
}

# Acknowledged writes missing or changed, and duplicate ids: "BAD TOTAL".
verify_sqlite() {
	{
		echo "CREATE TEMP TABLE acks (id INTEGER NOT NULL, name TEXT NOT NULL);"
		echo "BEGIN;"
		sed "s/^\([0-9][0-9]*\) \([A-Za-z0-9-]*\)\$/INSERT INTO acks VALUES (\1, '\2');/" "$T/acks"
		echo "COMMIT;"
		echo "SELECT a.id, a.name, ifnull(p.display_name, '(missing)') FROM acks a"
		echo " LEFT JOIN people p ON p.id = a.id WHERE p.display_name IS NOT a.name;"
		echo "SELECT 'TOTAL', (SELECT count(*) FROM acks a LEFT JOIN people p ON p.id = a.id"
		echo "  WHERE p.display_name IS NOT a.name)"
		echo " + (SELECT count(*) - count(DISTINCT id) FROM acks), count(*) FROM acks;"
	} | sqlite3 -batch "$DB" >"$T/verify.out" 2>&1
	grep -v '^TOTAL' "$T/verify.out" | sed 's/^/  LOST (id|name|found): /' | head -20 >&2
	sed -n 's/^TOTAL|\([0-9]*\)|\([0-9]*\)$/\1 \2/p' "$T/verify.out"
}

verify_http() {
	sig=-TERM
	start || { echo "9999 0"; return; }
	"$W" verify "$URL" "$TOKEN" "$T/acks" 2>"$T/verify.err" |
		awk '{ print $2, $1 + $2 }'
	sed 's/^/  /' "$T/verify.err" | head -20 >&2
	stop
}

echo "crashtest: $ROUNDS rounds, $CONNS writers, files in $T"
"$RT" init --db "$DB" --name "Crash test" >"$T/init.out" 2>&1 &&
	"$RT" demo --db "$DB" >"$T/demo.out" 2>&1 || {
	cat "$T/init.out" "$T/demo.out"; failed=1; exit 1; }
PASS=$(sed -n 's/.*(password \([^)]*\)).*/\1/p' "$T/demo.out")
printf '[server]\naccess_log = 0\n' >"$T/rt.ini"
: >"$T/acks"

start || { echo "crashtest: the server did not start"; cat "$T/server.log"; failed=1; exit 1; }
TOKEN=$("$W" token "$URL" coordinator.fenwick "$PASS") || {
	echo "crashtest: no API token"; failed=1; exit 1; }
sig=-TERM
stop

if [ "${CRASH_VERIFY:-}" != http ] && command -v sqlite3 >/dev/null 2>&1; then
	how=sqlite
else
	how=http
	echo "crashtest: verifying through GET /people/ID (no sqlite3, or CRASH_VERIFY=http)"
fi

kills=0
acked=0
odd=0
r=1
while [ "$r" -le "$ROUNDS" ]; do
	if ! start; then
		echo "round $r: FAIL: the server did not restart after the crash"
		tail -5 "$T/server.log"
		failed=$((failed + 1))
		break
	fi
	"$W" write "$URL" "$TOKEN" "r$r" "$CONNS" "$T/acks" >"$T/write.out" 2>&1 &
	wpid=$!
	ms=$((200 + $(rand) % 1301))
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
	sig=-KILL
	stop
	kills=$((kills + 1))
	wait "$wpid"
	wpid=""
	# acknowledged, other HTTP answers, cut by the kill, last other status
	# shellcheck disable=SC2046
	set -- $(cat "$T/write.out") 0 0 0 0
	acked=$((acked + $1))
	odd=$((odd + $2))
	note=""
	[ "$2" -gt 0 ] && note=" ($2 answered other than 303, last HTTP $4)"

	ok=1
	if ! "$RT" check --db "$DB" >"$T/check.out" 2>&1; then
		echo "round $r: FAIL: roundtable check after the kill:"
		sed 's/^/  /' "$T/check.out" | head -20
		ok=0
	fi
	# shellcheck disable=SC2046
	set -- $(verify_$how) x x
	if [ "$1" != 0 ]; then
		echo "round $r: FAIL: $1 of $2 acknowledged writes lost, changed or duplicated"
		ok=0
	fi
	if [ "$ok" = 1 ]; then
		passed=$((passed + 1))
		echo "round $r: killed after ${ms} ms; $(head -c 40 "$T/write.out" | cut -d' ' -f1) acknowledged$note; check ok; $2/$2 verified"
	else
		failed=$((failed + 1))
	fi
	r=$((r + 1))
done

if [ "$acked" -eq 0 ]; then
	echo "crashtest: FAIL: no write was acknowledged in any round"
	failed=$((failed + 1))
fi
[ "$odd" -gt 0 ] && echo "crashtest: WARNING: $odd writes got an HTTP status other than 303"
echo "crashtest: $kills kills, $acked acknowledged writes, verified after every kill"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
