#!/bin/sh
# Builds and runs the libFuzzer targets (tests/fuzz/fuzz_*.c).
#   sh tests/fuzz/run.sh [SECONDS]      (make fuzz; FUZZ_SECONDS, default 60)
#
# For each target: first every file of tests/fuzz/corpus/TARGET/ and
# tests/fuzz/regressions/TARGET/ is run once (a crash there is a known bug
# come back, or not yet fixed), then the target is fuzzed for SECONDS
# seconds from those seeds.  New inputs go to build/fuzz/corpus/TARGET/
# (kept between runs, never into the source tree), crashes to
# build/fuzz/crashes/, full logs to build/fuzz/logs/.  One summary line per
# target; the exit status is 1 if any target crashed.
#
# Environment: FUZZ_TARGETS="fuzz_text fuzz_router" runs only those;
# FUZZ_FLAGS adds libFuzzer options.
set -u

seconds=${1:-60}
case $seconds in
''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/../.." || exit 2

command -v clang >/dev/null 2>&1 || {
	echo "clang is missing: sh tools/deps.sh fuzz" >&2
	exit 2
}

# Font libraries keep memory for the life of the process (fuzz_paper draws
# PDFs): the same suppressions as the tests, see tests/lsan.supp.
LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export LSAN_OPTIONS

jobs=$(nproc 2>/dev/null || echo 2)
make --no-print-directory -s build/embedded.c || exit 2
make --no-print-directory -s -j"$jobs" -f tests/fuzz/fuzz.mk || {
	echo "fuzz: the build failed" >&2
	exit 2
}

mkdir -p build/fuzz/crashes build/fuzz/logs
targets=${FUZZ_TARGETS:-$(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//')}
failed=0

# The useful part of a crash report: what failed, on which input, where.
tail_log() {
	echo "---- from $1"
	grep -E '^Running: |check failed|^fuzz_[a-z]*: |^  (GET|POST) |ERROR: |runtime error|READ of|WRITE of|^    #[0-9]+ .* in [^ ]* /.*(src|tests)/|^SUMMARY|Test unit written' "$1" |
	    grep -v '^Running: .*corpus/' | head -n 30
	echo "----"
}

for t in $targets; do
	bin=build/fuzz/$t
	seeds=tests/fuzz/corpus/$t
	regress=tests/fuzz/regressions/$t
	work=build/fuzz/corpus/$t
	log=build/fuzz/logs/$t.log
	rlog=build/fuzz/logs/$t.regress.log
	mkdir -p "$work"
	dirs=""
	for d in "$seeds" "$regress"; do
		[ -d "$d" ] && dirs="$dirs $d"
	done
	# The real templates seed the template target straight from the
	# tree, so the corpus never holds stale copies of them.
	[ "$t" = fuzz_template ] && dirs="$dirs templates"

	# 1. Regression check: each seed and regression input once.
	# shellcheck disable=SC2086
	files=$(find $dirs -type f 2>/dev/null | sort)
	nfiles=$(printf '%s\n' "$files" | grep -c .)
	if [ "$nfiles" -gt 0 ]; then
		# shellcheck disable=SC2086
		if ! "$bin" -artifact_prefix=build/fuzz/crashes/"$t"- $files \
		    >"$rlog" 2>&1; then
			echo "$t: REGRESSION FAILED on one of $nfiles inputs," \
			    "not fuzzed (log $rlog)"
			tail_log "$rlog"
			failed=1
			continue
		fi
	fi

	# 2. Fuzz.
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$seconds" -max_len=4096 -timeout=25 \
	    -print_final_stats=1 -artifact_prefix=build/fuzz/crashes/"$t"- \
	    ${FUZZ_FLAGS:-} "$work" $dirs >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	[ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
	corpus=$(find "$work" -type f | wc -l)
	if [ "$rc" -eq 0 ]; then
		echo "$t: ok, ${execs:-0} execs in ${seconds}s," \
		    "$nfiles seeds, corpus $corpus"
	else
		crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
		echo "$t: CRASH after ${execs:-?} execs (exit $rc)," \
		    "input ${crash:-unknown} (log $log)"
		tail_log "$log"
		failed=1
	fi
done
exit $failed
