#!/bin/sh
# The exchange's speed (issue 13): a bundle of BENCH_EXCHANGE_LOGS logged
# conversations (10,000) with two topics each, exported at a station and
# imported at the hub, beside sqlite3's own dump and read of the same rows
# into the same hub database, in the same run.  Prints a Markdown section
# (bench/run.sh appends it to RESULTS.md); `sh bench/exchange.sh` alone
# prints it too.  Needs build/roundtable and sqlite3.
set -eu
cd "$(dirname "$0")/.."

N=${BENCH_EXCHANGE_LOGS:-10000}
RT=./build/roundtable
W=build/bench-exchange
[ -x "$RT" ] || { echo "bench: build $RT first" >&2; exit 2; }
rm -rf "$W"
mkdir -p "$W"

now() { date +%s.%N; }
quiet() { "$@" >/dev/null 2>&1 || { echo "bench: $* failed" >&2; exit 1; }; }
calc() { awk "BEGIN { print $1 }"; }
secs() { calc "$2 - $1"; }

# A hub (the demo) and a station for HMP Fenwick, paired and joined.
quiet "$RT" init --db "$W/hub.db"
quiet "$RT" demo --db "$W/hub.db"
"$RT" exchange key --db "$W/hub.db" >"$W/hub.pub" 2>/dev/null
"$RT" exchange key --db "$W/station.db" >"$W/station.pub" 2>/dev/null
quiet "$RT" exchange pair --db "$W/hub.db" --origin 2 --sites 1 \
	--key "$W/station.pub" --name Bench
quiet "$RT" exchange join --db "$W/station.db" --origin 2 --sites 1 \
	--key "$W/hub.pub"
quiet "$RT" init --db "$W/station.db"
quiet "$RT" exchange export --db "$W/hub.db" --origin 2 --to "$W/first.rtx"
quiet "$RT" exchange import --db "$W/station.db" --from "$W/first.rtx"
quiet "$RT" exchange export --db "$W/station.db" --to "$W/echo.rtx"
quiet "$RT" exchange import --db "$W/hub.db" --from "$W/echo.rtx"

# N logs at the station, numbered in its range, two topics each.
sqlite3 "$W/station.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO conversations (id, site_id, author_id, entered_by, occurred_at,
    channel, raised, consent, outcome)
SELECT (2 << 40) + 100000 + i, 1, a.id, a.id,
    printf('2026-11-%02dT10:%02d', 1 + i % 28, i % 60), 'wing_visit',
    'Bench log ' || i || ': the kettle on B wing is broken again',
    'anonymous', 'resolved'
FROM n, (SELECT id FROM accounts WHERE username = 'rep.fenwick') a;
INSERT INTO conversation_topics SELECT id, t.topic FROM conversations,
    (SELECT 1 AS topic UNION ALL SELECT 2) t WHERE raised LIKE 'Bench log %';
SQL
cp "$W/hub.db" "$W/reference.db"

# The exchange: export at the station, import at the hub.
t0=$(now)
quiet "$RT" exchange export --db "$W/station.db" --to "$W/bundle.rtx"
t1=$(now)
quiet "$RT" exchange import --db "$W/hub.db" --from "$W/bundle.rtx"
t2=$(now)

# sqlite3's own: the same rows as INSERT statements, read into a copy of
# the same hub in one transaction (its triggers and indexes, as the
# import meets them; exchange_applying as the import sets it).
t3=$(now)
sqlite3 "$W/station.db" >"$W/dump.sql" <<SQL
.mode insert conversations
SELECT * FROM conversations WHERE raised LIKE 'Bench log %';
.mode insert conversation_topics
SELECT * FROM conversation_topics WHERE conversation_id IN
    (SELECT id FROM conversations WHERE raised LIKE 'Bench log %');
SQL
t4=$(now)
{ echo "BEGIN; INSERT INTO exchange_applying (id) VALUES (1);"
  cat "$W/dump.sql"
  echo "DELETE FROM exchange_applying; COMMIT;"; } |
	sqlite3 "$W/reference.db"
t5=$(now)

got=$(sqlite3 "$W/hub.db" "SELECT count(*) FROM conversations WHERE raised LIKE 'Bench log %'")
ref=$(sqlite3 "$W/reference.db" "SELECT count(*) FROM conversations WHERE raised LIKE 'Bench log %'")
[ "$got" = "$N" ] && [ "$ref" = "$N" ] ||
	{ echo "bench: imported $got, read $ref, wanted $N" >&2; exit 1; }

export_s=$(secs "$t0" "$t1")
import_s=$(secs "$t1" "$t2")
dump_s=$(secs "$t3" "$t4")
read_s=$(secs "$t4" "$t5")
ours=$(calc "$export_s + $import_s")
theirs=$(calc "$dump_s + $read_s")
bytes=$(stat -c %s "$W/bundle.rtx")
dump_bytes=$(stat -c %s "$W/dump.sql")
ratio=$(calc "$theirs / $ours")
met=no
[ "$(calc "($ratio >= 0.5) ? 1 : 0")" = 1 ] && met=yes

cat <<EOF

## The exchange (issue 13): $N logs with their topics, one run

A station's bundle of $N logged conversations with two topics each
($((N * 3)) rows), exported by \`roundtable exchange export\` and imported at
the hub by \`roundtable exchange import\` (the release build, each a process
of its own, every check made: session diff, sealing, signature, scope,
audit), beside sqlite3's own: the same rows dumped as INSERT statements and
read into a copy of the same hub in one transaction.

| | seconds | bytes |
| --- | ---: | ---: |
| export (station) | $(printf %.3f "$export_s") | $bytes (sealed) |
| import (hub) | $(printf %.3f "$import_s") | |
| **exchange, both** | **$(printf %.3f "$ours")** | |
| sqlite3 dump | $(printf %.3f "$dump_s") | $dump_bytes (plain) |
| sqlite3 read | $(printf %.3f "$read_s") | |
| **sqlite3, both** | **$(printf %.3f "$theirs")** | |

Rate against sqlite3's: **$(printf %.2f "$ratio")×** (target ≥ 0.5×: $met).
EOF
[ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$W"
