#!/bin/sh
# Runs every test binary given and ends with "N passed, N failed".
# A binary written pg:PATH runs against PostgreSQL (RT_TEST_DB=pg: each
# server gets a throw-away cluster, tests/pg_cluster.sh); its counts join
# the same closing line.
# Each binary is a cmocka group; its summary lines are counted.  A binary
# that dies before its summary (a sanitizer report, a crash) counts as one
# failure more, so nothing is silently lost.
set -u
# Font libraries keep per-thread memory: see tests/lsan.supp.
LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export LSAN_OPTIONS
passed=0
failed=0
log=$(mktemp)
for t in "$@"; do
	echo "== $t"
	case $t in
	pg:*) RT_TEST_DB=pg "${t#pg:}" >"$log" 2>&1 ;;
	*) "$t" >"$log" 2>&1 ;;
	esac
	rc=$?
	cat "$log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed.*/\1/p' "$log" | tail -1)
	# A failed group set-up or tear-down (a leak found when the server
	# stops) fails no single test, so cmocka may still exit 0: count it.
	g=$(grep -c '^\[  FAILED  \] GROUP' "$log")
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0} + g))
	if [ "$rc" -ne 0 ] && [ -z "${f:-}" ]; then
		echo "!! $t exited with status $rc before reporting its tests"
		failed=$((failed + 1))
	fi
done
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
