/*
 * Evidence of involvement over HTTP, kept from telling on anyone: a group
 * of three people in one characteristic cannot be worked out from any
 * combination of the figures on one page, and a snapshot counts each
 * person as they were on its day.
 */
#include "evidence_test.h"

/* The count shown for key in o: its value, or -1 when it is words. */
static long long
shown_count(const json_t *o, const char *key)
{
	const json_t	*v = json_object_get(o, key);

	return json_is_integer(v) ? json_integer_value(v) : -1;
}

static void
three_in_one_characteristic_cannot_be_recovered(void **state)
{
	struct client	 staff;
	struct reply	 r;
	json_t		*v, *crit, *rep, *t, *row, *target = NULL;
	size_t		 i, k;
	long long	 members, answered, rest, rest_real, x;
	int		 unknown_all = 0, unknown_real = 0;

	(void)state;
	/* Thirteen members joined a group today: three answer "Black, Black
	 * British, Caribbean or African", ten "White". */
#define S	"WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT " \
	    "value + 1 FROM s WHERE value < 13) "
	assert_int_equal(db_write(&srv, "INSERT INTO groups (id, site_id, name,"
	    " kind) VALUES (90, 1, 'Evidence test forum', 'forum');"
	    S "INSERT INTO people (id, reference, display_name, status, site_id,"
	    " unit_id) SELECT 900 + value, 'E' || value, 'Person ' || value, "
	    "'in_custody', 1, 1 FROM s;"
	    S "INSERT INTO memberships (group_id, person_id, position, from_on) "
	    "SELECT 90, 900 + value, 'member', date('now') FROM "
	    "s;"
	    S "INSERT INTO equality_records (person_id, updated_on) SELECT "
	    "900 + value, date('now') FROM s;"
	    S "INSERT INTO equality_answers (person_id, item, answer) SELECT "
	    "900 + value, 'race', CASE WHEN value <= 3 THEN 'Black, Black "
	    "British, Caribbean or African' ELSE 'White' END FROM "
	    "s;"), 0);
	as(&staff, "coordinator.fenwick");
	staff.json = 1;
	assert_int_equal(http_get(&staff, "/groups/90/evidence", &r), 200);
	v = json_loads(r.body, 0, NULL);
	assert_non_null(v);
	crit = json_array_get(json_object_get(v, "criteria"), 0);
	rep = json_object_get(crit, "representation");
	json_array_foreach(json_object_get(rep, "tables"), i, t)
		if (strcmp(json_string_value(json_object_get(t, "key")),
		    "race") == 0)
			target = t;
	assert_non_null(target);
	members = shown_count(rep, "members");
	answered = shown_count(target, "answered");
	rest = rest_real = 0;
	json_array_foreach(json_object_get(target, "rows"), k, row) {
		const char	*cat = json_string_value(json_object_get(row,
		    "category"));

		x = shown_count(row, "members");
		if (strncmp(cat, "Black", 5) == 0) {
			/* The three read "fewer than 5", with no share. */
			assert_string_equal(json_string_value(json_object_get(
			    row, "members")), "fewer than 5");
			assert_true(json_is_null(json_object_get(row,
			    "members_percent")));
			continue;
		}
		if (x < 0)
			unknown_all = 1;
		else
			rest += x;
		if (strcmp(cat, "Prefer not to say") != 0 &&
		    strcmp(cat, "Not answered") != 0) {
			if (x < 0)
				unknown_real = 1;
			else
				rest_real += x;
		}
	}
	/* The members less every other answer, or the answered less every
	 * other answer, would be the three: one term must be unknown. */
	assert_true(members < 0 || unknown_all || members - rest != 3);
	assert_true(answered < 0 || unknown_real || answered - rest_real != 3);
	assert_true(members < 0 || unknown_all);
	assert_true(answered < 0 || unknown_real);
	/* The monitoring measure's members are the same count: hidden too
	 * when the members are. */
	crit = json_array_get(json_object_get(v, "criteria"), 7);
	row = json_object_get(json_array_get(json_object_get(crit,
	    "measures"), 0), "period");
	assert_true(members >= 0 || shown_count(row, "whole") < 0);
	/* No share of the three anywhere. */
	json_array_foreach(json_object_get(target, "rows"), k, row)
		if (json_is_integer(json_object_get(row, "members_percent")))
			assert_true(json_integer_value(json_object_get(row,
			    "members_percent")) != 23);	/* 3 of 13 */
	json_decref(v);
	reply_free(&r);
	/* The page as HTML shows no 3 either. */
	staff.json = 0;
	assert_int_equal(http_get(&staff, "/groups/90/evidence", &r), 200);
	assert_contains(r.body, "fewer than 5");
	assert_lacks(r.body, "23%");
	reply_free(&r);
	client_free(&staff);
}

/* The measure keyed key among the criteria's: its period's figures. */
static void
measure_period(const json_t *v, const char *key, long long *part,
    long long *whole)
{
	const json_t	*crit, *m;
	size_t		 i, k;

	*part = *whole = -2;
	json_array_foreach(json_object_get(v, "criteria"), i, crit)
		json_array_foreach(json_object_get(crit, "measures"), k, m)
			if (strcmp(json_string_value(json_object_get(m, "key")),
			    key) == 0) {
				*part = shown_count(json_object_get(m,
				    "period"), "part");
				*whole = shown_count(json_object_get(m,
				    "period"), "whole");
			}
}

static void
snapshots_count_each_person_on_the_day(void **state)
{
	struct client	 staff;
	struct reply	 r;
	json_t		*v;
	long long	 part, whole;

	(void)state;
	/* Twelve reps of a new group.  Supervision: the latest held by
	 * today counts, not an older one still "due" later (reps 7 to 12:
	 * held 100 days ago and due in 30, then held 40 days ago and due 10
	 * days ago), nor one held tomorrow.  Training: 1 to 7 current,
	 * 8 expired.  Monitoring: 1 to 5 reviewed 30 days ago, 6 reviewed
	 * 400 days ago. */
#define R	"WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT " \
	    "value + 1 FROM s WHERE value < 12) "
	assert_int_equal(db_write(&srv, "INSERT INTO groups (id, site_id, name,"
	    " kind) VALUES (91, 1, 'Snapshot test council', 'forum');"
	    R "INSERT INTO people (id, reference, display_name, status, site_id,"
	    " unit_id) SELECT 950 + value, 'S' || value, 'Rep ' || value, "
	    "'in_custody', 1, 1 FROM s;"
	    R "INSERT INTO memberships (group_id, person_id, position, from_on) "
	    "SELECT 91, 950 + value, 'rep', date('now', '-500 days') FROM s;"
	    R "INSERT INTO supervisions (person_id, supervisor_id, held_on, "
	    "next_due_on) SELECT 950 + value, 1, date('now', '-10 days'), "
	    "date('now', '+20 days') FROM s WHERE value <= 6;"
	    R "INSERT INTO supervisions (person_id, supervisor_id, held_on, "
	    "next_due_on) SELECT 950 + value, 1, date('now', '-100 days'), "
	    "date('now', '+30 days') FROM s WHERE value > 6;"
	    R "INSERT INTO supervisions (person_id, supervisor_id, held_on, "
	    "next_due_on) SELECT 950 + value, 1, date('now', '-40 days'), "
	    "date('now', '-10 days') FROM s WHERE value > 6;"
	    R "INSERT INTO supervisions (person_id, supervisor_id, held_on, "
	    "next_due_on) SELECT 950 + value, 1, date('now', '+1 days'), "
	    "date('now', '+60 days') FROM s WHERE value > 6;"
	    "INSERT INTO courses (id, name) VALUES (91, 'Snapshot course');"
	    R "INSERT INTO completions (course_id, person_id, completed_on, "
	    "renew_on, created_by) SELECT 91, 950 + value, "
	    "date('now', '-30 days'), NULL, 1 FROM s WHERE value <= 7;"
	    "INSERT INTO completions (course_id, person_id, completed_on, "
	    "renew_on, created_by) VALUES (91, 958, date('now', '-400 days'), "
	    "date('now', '-10 days'), 1);"
	    R "INSERT INTO equality_records (person_id, updated_on) SELECT "
	    "950 + value, date('now', '-30 days') FROM s WHERE value <= 5;"
	    "INSERT INTO equality_records (person_id, updated_on) VALUES "
	    "(956, date('now', '-400 days'));"), 0);
#undef R
	as(&staff, "coordinator.fenwick");
	staff.json = 1;
	assert_int_equal(http_get(&staff, "/groups/91/evidence", &r), 200);
	v = json_loads(r.body, 0, NULL);
	assert_non_null(v);
	measure_period(v, "supervised", &part, &whole);
	assert_int_equal(whole, 12);
	assert_int_equal(part, 6);
	measure_period(v, "trained", &part, &whole);
	assert_int_equal(whole, 12);
	assert_int_equal(part, 7);
	measure_period(v, "monitored", &part, &whole);
	assert_int_equal(whole, 12);
	assert_int_equal(part, 5);
	json_decref(v);
	reply_free(&r);
	client_free(&staff);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(three_in_one_characteristic_cannot_be_recovered),
		cmocka_unit_test(snapshots_count_each_person_on_the_day),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
