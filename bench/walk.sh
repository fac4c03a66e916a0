#!/bin/sh
# Walks every GET route of the route table (`roundtable routes`) on the
# benchmark's data, signed in as an organisation admin, and writes a
# Markdown section naming every page slower than 200 ms (median of 3,
# after one unmeasured warm-up), every 5xx and every response over the
# byte ceiling.  Called by bench/run.sh; the behaviour (no 5xx, bounded
# size) is also a test, tests/http/test_lists.c, but timings live here.
#
#   sh bench/walk.sh ROUNDTABLE DB BASE_URL SESSION_COOKIE >section.md
#
# Each {id} is the heaviest record of its kind where that is cheap to
# find (the site with most logs, the group with most proposals, the
# issue with most logs, the proposal with most actions), else the first.
set -u
RT=$1 DB=$2 URL=$3 SESSION=$4
SLOW_MS=${BENCH_SLOW_MS:-200}
CEILING=$(sed -n 's/^#define PAGE_BYTES_MAX[[:space:]]*(\([0-9]*\) \* \([0-9]*\)).*/\1 \2/p' src/limits.h |
	awk '{ print $1 * $2 }')
q() { sqlite3 "$DB" "$1"; }
first() { q "SELECT ifnull(min($2), 0) FROM $1"; }
SITE=$(q "SELECT site_id FROM conversations GROUP BY site_id ORDER BY count(*) DESC LIMIT 1")

# The first record of each other kind of {id}: prefix, table, column.
FIRSTS="/units/ units id
/people/ people id
/memberships/ memberships id
/conversations/ conversations id
/followups/ followups id
/directory/ service_sites service_id
/arrivals/ arrivals id
/arrival-steps/ arrival_steps id
/actions/ actions id
/meetings/ meetings id
/agenda-items/ agenda_items id
/papers/ papers id
/topics/ topics id
/objectives/ strategy_objectives id
/procurements/ procurements id
/lots/ lots id
/questions/ lot_questions id
/bids/ bids id
/panel-members/ panel_members id
/scores/ scores id
/elections/ elections id
/seats/ seats id
/recruits/ recruits id
/shadowing/ shadowing id
/sessions/ course_sessions id
/completions/ completions id
/expenses/ expense_claims id
/surveys/ surveys id
/survey-questions/ survey_questions id
/survey-themes/ survey_themes id
/event-votes/ event_votes id"

id_for() {
	case $1 in
	/sites/) echo "$SITE" ;;
	/groups/) q "SELECT group_id FROM proposals GROUP BY group_id ORDER BY count(*) DESC LIMIT 1" ;;
	/issues/) q "SELECT issue_id FROM conversations WHERE issue_id IS NOT NULL GROUP BY issue_id ORDER BY count(*) DESC LIMIT 1" ;;
	/proposals/) q "SELECT proposal_id FROM actions GROUP BY proposal_id ORDER BY count(*) DESC LIMIT 1" ;;
	*)
		set -- $(printf '%s\n' "$FIRSTS" | awk -v p="$1" '$1 == p { print $2, $3 }')
		if [ $# -eq 2 ]; then first "$1" "$2"; else echo 0; fi ;;
	esac
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 slow=0 bad=0
: >"$tmp/slow" ; : >"$tmp/bad"
for pattern in $("$RT" routes | awk '$1 == "GET" { print $2 }'); do
	case $pattern in
	*"{id}"*)
		prefix=${pattern%%\{id\}*}
		id=$(id_for "$prefix")
		path="$prefix$id${pattern#*\{id\}}" ;;
	*.pdf) path="$pattern?site=$SITE" ;;
	*) path=$pattern ;;
	esac
	n=$((n + 1))
	curl -s -m 60 -o /dev/null -H "Cookie: rt_session=$SESSION" "$URL$path"
	for _ in 1 2 3; do
		curl -s -m 60 -o "$tmp/body" -w '%{time_total} %{http_code} %{size_download}\n' \
			-H "Cookie: rt_session=$SESSION" "$URL$path"
	done | sort -n | sed -n 2p >"$tmp/t"
	read -r t code bytes <"$tmp/t"
	ms=$(awk -v t="$t" 'BEGIN { printf "%.1f", t * 1000 }')
	if awk -v m="$ms" -v s="$SLOW_MS" 'BEGIN { exit !(m > s) }'; then
		slow=$((slow + 1))
		printf '| `%s` | %s | %s | %s |\n' "$path" "$ms" "$code" "$bytes" >>"$tmp/slow"
	fi
	case $path in *.pdf*|*.csv|*.xlsx) limit=0 ;; *) limit=$CEILING ;; esac
	if [ "$code" -ge 500 ] || { [ "$limit" -gt 0 ] && [ "$bytes" -gt "$limit" ]; }; then
		bad=$((bad + 1))
		printf '| `%s` | HTTP %s | %s bytes |\n' "$path" "$code" "$bytes" >>"$tmp/bad"
	fi
done

echo "## Every GET route, one at a time (bench/walk.sh)"
echo
echo "All $n GET routes of the route table, signed in as an organisation admin,"
echo "each {id} the heaviest of its kind where cheap to find (site $SITE, the one"
echo "with most logs); median of 3 after a warm-up, curl, one request at a time."
echo "Target: every page under $SLOW_MS ms."
echo
if [ "$slow" -eq 0 ]; then
	echo "Pages over $SLOW_MS ms: **none** (met)."
else
	echo "Pages over $SLOW_MS ms: **$slow** (NOT met):"
	echo
	echo "| page | ms | HTTP | bytes |"
	echo "| --- | ---: | ---: | ---: |"
	sort -t'|' -k3 -rn "$tmp/slow"
fi
echo
if [ "$bad" -eq 0 ]; then
	echo "Server errors (5xx) or pages over the $CEILING-byte ceiling: none."
else
	echo "Server errors (5xx) or pages over the $CEILING-byte ceiling: **$bad**:"
	echo
	echo "| page | status | size |"
	echo "| --- | --- | ---: |"
	cat "$tmp/bad"
fi
