#!/bin/sh
# Where a server's time goes while wrk loads one page: perf samples the
# server's threads (with call stacks, so a function's share includes what
# it calls) and the result is written as markdown.
#   bench/profile.sh PID SECONDS OUT.md wrk-arguments...
# Without perf, or where the kernel refuses it, OUT.md says so.
set -u
pid=$1 secs=$2 out=$3
shift 3
data=$(mktemp /tmp/rt-perf.XXXXXX)
trap 'rm -f "$data" "$data.old"' EXIT
if ! command -v perf >/dev/null 2>&1; then
	echo "No profile: perf is not installed." >"$out"
	exit 0
fi
perf record -q -F 499 --call-graph dwarf,8192 -p "$pid" -o "$data" \
    -- sleep "$secs" >/dev/null 2>&1 &
rec=$!
sleep 0.3
wrk -t2 -c64 -d"$((secs - 1))s" "$@" >/dev/null 2>&1
wait "$rec"
if [ ! -s "$data" ]; then
	echo "No profile: perf could not sample the server here." >"$out"
	exit 0
fi
# A function's share of the samples, itself and what it calls.
perf report -i "$data" --children --sort symbol -g none --stdio \
    --percent-limit 0 2>/dev/null | awk '$3 == "[.]" { print $4, $1 }' \
    >"$data.sym"
# Each library's own share (what runs in its code, not what it calls).
perf report -i "$data" --no-children --sort dso -g none --stdio \
    2>/dev/null | awk '/%/ && $1 !~ /^#/ { print $2, $1 }' >"$data.dso"
share() { awk -v f="$1" '$1 == f { print $2; exit }' "$data.sym"; }
{
	echo "| part of serving the page | share of the server's time (with what it calls) |"
	echo "| --- | ---: |"
	while read -r fn what; do
		printf '| %s (`%s`) | %s |\n' "$what" "$fn" "$(share "$fn")"
	done <<EOF
on_request the request, from the first byte read to the response queued
session_resolve the session or token checked against the database
dispatch the route found, its roles and scope checked, the handler run
db_rows the page's queries, rows made into JSON
sqlite3_step SQLite executing them
sqlite_row a row's columns copied into a JSON object
voice_labels_all labels added to each row (choices, dates, ages)
send_response the view rendered into HTML or JSON and queued
layout_context the layout: navigation, each item asked of the router
template_render_in the templates walked over the JSON view
on_completed the request's memory freed after sending
EOF
	echo
	echo "| library or part | its own share |"
	echo "| --- | ---: |"
	awk '{ printf "| %s | %s |\n", $1, $2 }' "$data.dso" | head -8
} >"$out"
rm -f "$data.sym" "$data.dso"
