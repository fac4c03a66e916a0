/*
 * The peer-support rota's arithmetic on worked examples: UK clock
 * changes (29 March and 25 October 2026), overnight shifts, a supporter
 * who leaves or steps back, training and two-at-once cover, and the
 * rules of the close form.  Each example writes its arithmetic out.
 */
#include "unit.h"

#include <jansson.h>

#include "peer/peer.h"
#include "util/uk_time.h"

#define HOUR	3600

static int64_t
at(const char *date, const char *hhmm)
{
	int64_t	 t = 0;

	assert_int_equal(uk_instant(date, peer_minutes(hhmm), &t), UK_TIME_OK);
	return t;
}

static const struct peer_need all_day = { 0, 24, 1 };

/* How many hours of a coverage are in a state. */
static long
count(const struct peer_hour *h, long n, enum peer_hour_state s)
{
	long	 i, k = 0;

	for (i = 0; i < n; i++)
		k += h[i].state == s;
	return k;
}

static void
test_uk_clock(void **state)
{
	int64_t	 t;
	char	 date[DATE_CHARS + 1], words[64];
	int	 minutes;

	(void)state;
	/* Summer: noon BST is 11:00 UTC (1782903600 = 2026-07-01T11:00Z). */
	assert_int_equal(uk_instant("2026-07-01", 12 * 60, &t), UK_TIME_OK);
	assert_int_equal(t, 1782903600);
	/* Winter: noon GMT is noon UTC (1796126400 = 2026-12-01T12:00Z). */
	assert_int_equal(uk_instant("2026-12-01", 12 * 60, &t), UK_TIME_OK);
	assert_int_equal(t, 1796126400);
	/* 29 March 2026: at 01:00 the clocks go to 02:00; 01:30 never is. */
	assert_int_equal(uk_instant("2026-03-29", 90, &t), UK_TIME_MISSING);
	assert_int_equal(uk_instant("2026-03-29", 120, &t), UK_TIME_OK);
	assert_int_equal(t, 1774746000);	/* 2026-03-29T01:00Z */
	/* 25 October 2026: 01:30 happens twice; the first (BST) is taken,
	 * 00:30 UTC, and an hour later it is 01:30 again, in GMT. */
	assert_int_equal(uk_instant("2026-10-25", 90, &t), UK_TIME_OK);
	assert_int_equal(t, 1792888200);	/* 2026-10-25T00:30Z */
	uk_local(t + HOUR, date, &minutes);
	assert_string_equal(date, "2026-10-25");
	assert_int_equal(minutes, 90);
	assert_int_equal(uk_instant("2026-02-30", 0, &t), UK_TIME_INVALID);
	uk_words(1796126400, NULL, words, sizeof(words));
	assert_string_equal(words, "Tuesday 1 December 2026, 12:00");
}

static void
test_overnight_winter(void **state)
{
	struct peer_hour	 h[PEER_WEEK_DAYS * PEER_DAY_HOURS_MAX];
	struct peer_duty	 d = { 0, 0, 1, 1, 0, 0, 0 };
	long			 n;

	(void)state;
	/* Monday 7 December 22:00 to Tuesday 06:00: 8 hours. */
	assert_int_equal(peer_shift_instants("2026-12-07", 22 * 60, 6 * 60,
	    &d.starts_at, &d.ends_at), UK_TIME_OK);
	assert_int_equal(d.ends_at - d.starts_at, 8 * HOUR);
	n = peer_coverage("2026-12-07", 7, &all_day, &d, 1, h, 200);
	/* 7 days of 24 hours; 22:00 and 23:00 Monday, 00:00-05:00 Tuesday. */
	assert_int_equal(n, 168);
	assert_int_equal(count(h, n, PEER_COVERED), 8);
	assert_int_equal(count(h, n, PEER_GAP), 160);
	assert_int_equal(h[22].state, PEER_COVERED);
	assert_int_equal(h[21].state, PEER_GAP);
	assert_string_equal(h[24 + 5].date, "2026-12-08");
	assert_int_equal(h[24 + 5].hour, 5);
	assert_int_equal(h[24 + 5].state, PEER_COVERED);
	assert_int_equal(h[24 + 6].state, PEER_GAP);
}

static void
test_clocks_go_forward(void **state)
{
	struct peer_hour	 h[PEER_WEEK_DAYS * PEER_DAY_HOURS_MAX];
	struct peer_duty	 d = { 0, 0, 1, 1, 0, 0, 0 };
	long			 n, i;

	(void)state;
	/* Saturday 28 March 22:00 to Sunday 06:00 across the change: 7
	 * real hours (22, 23, 00, 01 GMT then 03, 04, 05 BST). */
	assert_int_equal(peer_shift_instants("2026-03-28", 22 * 60, 6 * 60,
	    &d.starts_at, &d.ends_at), UK_TIME_OK);
	assert_int_equal(d.ends_at - d.starts_at, 7 * HOUR);
	/* A shift starting at 01:30 that night cannot be stored. */
	assert_int_equal(peer_shift_instants("2026-03-29", 90, 6 * 60,
	    &d.starts_at, &d.ends_at), UK_TIME_MISSING);
	assert_int_equal(peer_shift_instants("2026-03-28", 22 * 60, 6 * 60,
	    &d.starts_at, &d.ends_at), UK_TIME_OK);
	/* The week of Monday 23 March has 7 x 24 - 1 = 167 hours. */
	n = peer_coverage("2026-03-23", 7, &all_day, &d, 1, h, 200);
	assert_int_equal(n, 167);
	assert_int_equal(count(h, n, PEER_COVERED), 7);
	/* Sunday runs 00, 02, 03 ... 23: no 01:00 on the clock. */
	for (i = 0; i < n; i++)
		if (strcmp(h[i].date, "2026-03-29") == 0)
			assert_int_not_equal(h[i].hour, 1);
	assert_int_equal(h[6 * 24].hour, 0);
	assert_int_equal(h[6 * 24 + 1].hour, 2);
	assert_int_equal(h[6 * 24 + 1].state, PEER_COVERED);	/* BST 02:00 */
	assert_int_equal(h[6 * 24 + 4].hour, 5);
	assert_int_equal(h[6 * 24 + 4].state, PEER_COVERED);
	assert_int_equal(h[6 * 24 + 5].state, PEER_GAP);	/* 06:00 */
}

static void
test_clocks_go_back(void **state)
{
	struct peer_hour	 h[PEER_WEEK_DAYS * PEER_DAY_HOURS_MAX];
	struct peer_duty	 d = { 0, 0, 1, 1, 0, 0, 0 };
	long			 n, i, ones = 0;

	(void)state;
	/* Saturday 24 October 22:00 to Sunday 06:00: 9 real hours (01:00
	 * happens twice). */
	assert_int_equal(peer_shift_instants("2026-10-24", 22 * 60, 6 * 60,
	    &d.starts_at, &d.ends_at), UK_TIME_OK);
	assert_int_equal(d.ends_at - d.starts_at, 9 * HOUR);
	/* The week of Monday 19 October has 7 x 24 + 1 = 169 hours. */
	n = peer_coverage("2026-10-19", 7, &all_day, &d, 1, h, 200);
	assert_int_equal(n, 169);
	assert_int_equal(count(h, n, PEER_COVERED), 9);
	for (i = 0; i < n; i++)
		if (strcmp(h[i].date, "2026-10-25") == 0 && h[i].hour == 1) {
			ones++;
			assert_int_equal(h[i].state, PEER_COVERED);
		}
	assert_int_equal(ones, 2);
	/* Without the shift both 01:00s are gaps, counted as two hours. */
	n = peer_coverage("2026-10-19", 7, &all_day, &d, 0, h, 200);
	assert_int_equal(count(h, n, PEER_GAP), 169);
}

static void
test_supporter_leaves(void **state)
{
	static const struct peer_need days = { 8, 20, 1 };
	struct peer_hour	 h[PEER_WEEK_DAYS * PEER_DAY_HOURS_MAX];
	struct peer_duty	 d[7];
	char			 day[DATE_CHARS + 1];
	long			 n;
	int			 i;

	(void)state;
	/* 08:00-20:00 every day of the week of Monday 7 December. */
	for (i = 0; i < 7; i++) {
		date_add_days("2026-12-07", i, day);
		memset(&d[i], 0, sizeof(d[i]));
		d[i].person_id = 1;
		d[i].trained = 1;
		assert_int_equal(peer_shift_instants(day, 8 * 60, 20 * 60,
		    &d[i].starts_at, &d[i].ends_at), UK_TIME_OK);
	}
	n = peer_coverage("2026-12-07", 7, &days, d, 7, h, 200);
	assert_int_equal(count(h, n, PEER_COVERED), 7 * 12);
	assert_int_equal(count(h, n, PEER_NOT_NEEDED), 7 * 12);
	/* They leave on Thursday 10 December: Monday to Wednesday stay
	 * covered (3 x 12 = 36), Thursday to Sunday become gaps (48). */
	for (i = 0; i < 7; i++)
		d[i].gone_at = at("2026-12-10", "00:00");
	n = peer_coverage("2026-12-07", 7, &days, d, 7, h, 200);
	assert_int_equal(count(h, n, PEER_COVERED), 36);
	assert_int_equal(count(h, n, PEER_GAP), 48);
	/* Instead, they step back for Tuesday only and keep the rest. */
	for (i = 0; i < 7; i++) {
		d[i].gone_at = 0;
		d[i].away_from = at("2026-12-08", "00:00");
		d[i].away_to = at("2026-12-09", "00:00");
	}
	n = peer_coverage("2026-12-07", 7, &days, d, 7, h, 200);
	assert_int_equal(count(h, n, PEER_COVERED), 72);
	assert_int_equal(count(h, n, PEER_GAP), 12);
	assert_int_equal(h[24 + 8].state, PEER_GAP);	/* Tuesday 08:00 */
	/* A shift that ends mid-hour does not cover that hour. */
	d[0].ends_at -= 1800;
	n = peer_coverage("2026-12-07", 1, &days, d, 1, h, 200);
	assert_int_equal(h[19].state, PEER_GAP);
	assert_int_equal(h[18].state, PEER_COVERED);
}

static void
test_training_and_two_at_once(void **state)
{
	static const struct peer_need reception = { 8, 18, 2 };
	struct peer_hour	 h[PEER_DAY_HOURS_MAX];
	struct peer_duty	 d[2];
	long			 n;
	int			 i;

	(void)state;
	memset(d, 0, sizeof(d));
	for (i = 0; i < 2; i++) {
		d[i].person_id = i + 1;
		assert_int_equal(peer_shift_instants("2026-12-07", 8 * 60,
		    18 * 60, &d[i].starts_at, &d[i].ends_at), UK_TIME_OK);
	}
	/* Two on duty, neither trained: enough people, no trained one. */
	n = peer_coverage("2026-12-07", 1, &reception, d, 2, h, 25);
	assert_int_equal(count(h, n, PEER_UNTRAINED), 10);
	/* One of them trained: covered. */
	d[1].trained = 1;
	n = peer_coverage("2026-12-07", 1, &reception, d, 2, h, 25);
	assert_int_equal(count(h, n, PEER_COVERED), 10);
	assert_int_equal(h[12].on_duty, 2);
	/* Only the trained one: fewer than the two reception needs. */
	n = peer_coverage("2026-12-07", 1, &reception, d + 1, 1, h, 25);
	assert_int_equal(count(h, n, PEER_GAP), 10);
}

static void
test_week_and_percentiles(void **state)
{
	char	 monday[DATE_CHARS + 1];
	int64_t	 v[] = { 5, 1, 3, 10, 7, 2, 8, 4, 6, 9 }, median, p90;

	(void)state;
	peer_week_start("2026-12-04", monday);	/* a Friday */
	assert_string_equal(monday, "2026-11-30");
	peer_week_start("2026-12-06", monday);	/* a Sunday */
	assert_string_equal(monday, "2026-11-30");
	peer_week_start("2026-12-07", monday);	/* a Monday */
	assert_string_equal(monday, "2026-12-07");
	/* Sorted 1..10: the median is the 5th, the 90th percentile the 9th
	 * (nearest rank: ceil(0.9 x 10) = 9). */
	peer_percentiles(v, 10, &median, &p90);
	assert_int_equal(median, 5);
	assert_int_equal(p90, 9);
	assert_int_equal(peer_minutes("22:00"), 1320);
	assert_int_equal(peer_minutes("24:00"), -1);
	assert_int_equal(peer_minutes("2:00"), -1);
}

static void
test_safety_concern_needs_staff(void **state)
{
	json_t	*v, *errors;

	(void)state;
	v = json_pack("{s:s, s:n, s:n, s:n, s:n, s:n}", "outcome",
	    "safety_concern", "service_id", "told_name", "told_role",
	    "told_on", "told_time");
	errors = json_array();
	peer_close_rules(v, errors);
	assert_int_equal(json_array_size(errors), 4);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    errors, 0), "field")), "told_name");
	json_decref(errors);
	json_object_set_new(v, "told_name", json_string("Sam Jones"));
	json_object_set_new(v, "told_role", json_string("Wing officer"));
	json_object_set_new(v, "told_on", json_string("2026-12-04"));
	json_object_set_new(v, "told_time", json_string("14:05"));
	errors = json_array();
	peer_close_rules(v, errors);
	assert_int_equal(json_array_size(errors), 0);
	assert_string_equal(peer_log_outcome("safety_concern"),
	    "escalated_outside");
	assert_string_equal(peer_log_outcome("signposted"), "signposted");
	json_decref(errors);
	json_decref(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uk_clock),
		cmocka_unit_test(test_overnight_winter),
		cmocka_unit_test(test_clocks_go_forward),
		cmocka_unit_test(test_clocks_go_back),
		cmocka_unit_test(test_supporter_leaves),
		cmocka_unit_test(test_training_and_two_at_once),
		cmocka_unit_test(test_week_and_percentiles),
		cmocka_unit_test(test_safety_concern_needs_staff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
