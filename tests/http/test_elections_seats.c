/*
 * Board seats: fixed and rotating seats, turns by period or by the
 * group's board meetings, swaps (a member gives away only their own
 * turn), and a seat's past turns.  Helpers and set-up: elections_test.h.
 */
#include "elections_test.h"

/* Schedules in JSON: the holders of the turns shown, in order. */
static void
holders(struct client *c, long long seat, const char *const *want)
{
	struct reply	 r;
	json_t		*v, *sched;
	char		 path[64];
	size_t		 i;

	snprintf(path, sizeof(path), "/seats/%lld", seat);
	c->json = 1;
	assert_int_equal(http_get(c, path, &r), 200);
	c->json = 0;
	v = json_loads(r.body, 0, NULL);
	assert_non_null(v);
	sched = json_object_get(json_object_get(v, "seat"), "schedule");
	for (i = 0; want[i] != NULL; i++)
		assert_string_equal(json_string_value(json_object_get(
		    json_array_get(sched, i), "holder")), want[i]);
	json_decref(v);
	reply_free(&r);
}

static void
seats_rotate_and_swap(void **state)
{
	static const char *const order[] = { "Arthur", "Bernard", "Clive",
	    "Arthur", "Bernard", NULL };
	/* Arthur cannot make turn 1: Clive, whose next turn is 3, takes it
	 * and gives Arthur turn 3. */
	static const char *const swapped[] = { "Clive", "Bernard", "Arthur",
	    "Arthur", "Bernard", "Clive", NULL };
	struct client	 staff, member;
	struct reply	 r;
	char		 body[256], path[64];
	long long	 seat, fixed;

	(void)state;
	as(&staff, "coordinator.fenwick");
	snprintf(body, sizeof(body), "name=Board+seat&kind=rotating"
	    "&rotation=period&period_days=14&starts_on=%s&members=%lld"
	    "&members=%lld&members=%lld", today, person("Arthur"),
	    person("Bernard"), person("Clive"));
	seat = submit_created(&staff, "/groups/1/seats/new", body, "/seats/");
	as(&member, "member.forum");
	holders(&member, seat, order);
	snprintf(path, sizeof(path), "/seats/%lld/swap", seat);
	/* Swapping with the holder themselves means nothing. */
	snprintf(body, sizeof(body), "turn=1&person_id=%lld&reason=Visit",
	    person("Arthur"));
	submit_expect(&staff, path, body, 422, &r);
	assert_contains(r.body, "That member already holds this turn");
	reply_free(&r);
	/* A member gives away only their own turn: Eric cannot give
	 * Arthur's away, nothing stored. */
	snprintf(body, sizeof(body), "turn=1&person_id=%lld&reason=Legal+visit",
	    person("Clive"));
	submit_expect(&member, path, body, 422, &r);
	assert_contains(r.body, "You can only swap a turn you hold yourself");
	assert_contains(r.body, "href=\"#turn\"");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM seat_swaps WHERE "
	    "seat_id = %lld", seat), 0);
	/* Staff can, for Arthur, who has no account. */
	submit_expect(&staff, path, body, 303, &r);
	reply_free(&r);
	holders(&member, seat, swapped);
	/* Bernard, holding turn 2, gives it to Arthur (whose next turn, 3,
	 * comes back to him); he cannot give away Clive's turn 1. */
	{
		static const char *const again[] = { "Clive", "Arthur",
		    "Bernard", "Arthur", "Bernard", "Clive", NULL };
		struct client	 bernard;

		as(&bernard, "voter.Bernard");
		snprintf(body, sizeof(body), "turn=1&person_id=%lld"
		    "&reason=Visit", person("Arthur"));
		submit_expect(&bernard, path, body, 422, &r);
		reply_free(&r);
		snprintf(body, sizeof(body), "turn=2&person_id=%lld"
		    "&reason=Visit", person("Arthur"));
		submit_expect(&bernard, path, body, 303, &r);
		reply_free(&r);
		holders(&member, seat, again);
		client_free(&bernard);
	}
	/* The group's members see the schedule on the group's page too. */
	assert_int_equal(http_get(&member, "/groups/1/seats", &r), 200);
	assert_contains(r.body, "Board seat");
	reply_free(&r);

	/* A fixed seat has exactly one holder and no turns to swap. */
	snprintf(body, sizeof(body), "name=Chair%%27s+seat&kind=fixed"
	    "&rotation=meeting&starts_on=%s&members=%lld&members=%lld", today,
	    person("Arthur"), person("Bernard"));
	submit_expect(&staff, "/groups/1/seats/new", body, 422, &r);
	assert_contains(r.body, "A fixed seat has exactly one holder");
	reply_free(&r);
	snprintf(body, sizeof(body), "name=Chair%%27s+seat&kind=fixed"
	    "&rotation=meeting&starts_on=%s&members=%lld", today,
	    person("Arthur"));
	fixed = submit_created(&staff, "/groups/1/seats/new", body, "/seats/");
	assert_int_equal(get_status(&member, "/seats/%lld/swap", fixed), 409);
	client_free(&member);
	client_free(&staff);
}

/* Per meeting: turns follow the group's board meetings from the start
 * date, in date order, whenever they were planned; turns beyond the
 * meetings planned so far read "a later board meeting". */
static void
seats_rotate_per_board_meeting(void **state)
{
	static const char *const order[] = { "Bernard", "Clive", "Bernard",
	    NULL };
	struct client	 staff;
	struct reply	 r;
	char		 body[256], later[DATE_CHARS + 1], sooner[DATE_CHARS + 1];
	char		 path[64];
	long long	 seat;
	json_t		*v, *sched;

	(void)state;
	as(&staff, "coordinator.fenwick");
	date_add_days(today, 30, later);
	date_add_days(today, 2, sooner);
	snprintf(body, sizeof(body), "name=One-to-one+seat&kind=rotating"
	    "&rotation=meeting&starts_on=%s&members=%lld&members=%lld", today,
	    person("Bernard"), person("Clive"));
	seat = submit_created(&staff, "/groups/1/seats/new", body, "/seats/");
	/* Planned out of order: the later one first.  A forum meeting is
	 * not a board meeting and takes no turn. */
	snprintf(body, sizeof(body), "kind=board&held_on=%s&starts_at=10:00",
	    later);
	submit_created(&staff, "/groups/1/meetings/new", body, "/meetings/");
	snprintf(body, sizeof(body), "kind=forum&held_on=%s&starts_at=10:00",
	    sooner);
	submit_created(&staff, "/groups/1/meetings/new", body, "/meetings/");
	snprintf(body, sizeof(body), "kind=board&held_on=%s&starts_at=10:00",
	    sooner);
	submit_created(&staff, "/groups/1/meetings/new", body, "/meetings/");
	holders(&staff, seat, order);
	snprintf(path, sizeof(path), "/seats/%lld", seat);
	staff.json = 1;
	assert_int_equal(http_get(&staff, path, &r), 200);
	v = json_loads(r.body, 0, NULL);
	sched = json_object_get(json_object_get(v, "seat"), "schedule");
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    json_array_get(sched, 0), "meeting"), "held_on")), sooner);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    json_array_get(sched, 1), "meeting"), "held_on")), later);
	assert_true(json_is_null(json_object_get(json_array_get(sched, 2),
	    "meeting")));
	json_decref(v);
	reply_free(&r);
	staff.json = 0;
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "A later board meeting");
	reply_free(&r);
	client_free(&staff);
}

/*
 * A seat's page shows who held the past turns and the swaps made, and a
 * swap is asked for by the turn's date or meeting, not a turn number: a
 * past turn is not offered (422 on turn, nothing stored).
 */
static void
a_seat_shows_its_past_and_swaps_by_date(void **state)
{
	struct client	 staff;
	struct reply	 r;
	char		 body[256], path[64], start[DATE_CHARS + 1];
	char		 words[DATE_WORDS_CHARS + 1], want[128];
	json_t		*v, *past;
	long long	 seat;

	(void)state;
	as(&staff, "coordinator.fenwick");
	date_add_days(today, -28, start);
	date_words(today, words, NULL);
	snprintf(body, sizeof(body), "name=Visits+board+seat&kind=rotating"
	    "&rotation=period&period_days=14&starts_on=%s&members=%lld"
	    "&members=%lld&members=%lld", start, person("Arthur"),
	    person("Bernard"), person("Clive"));
	seat = submit_created(&staff, "/groups/1/seats/new", body, "/seats/");
	snprintf(path, sizeof(path), "/seats/%lld/swap", seat);
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_lacks(r.body, "Its number in the schedule");
	snprintf(want, sizeof(want), "Turn 3, from %s: Clive", words);
	assert_contains(r.body, want);
	reply_free(&r);
	snprintf(body, sizeof(body), "turn=1&person_id=%lld&reason=Late",
	    person("Clive"));
	post_expect(&staff, path, body, 422, &r);
	assert_contains(r.body, "href=\"#turn\"");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM seat_swaps WHERE "
	    "seat_id = %lld", seat), 0);
	snprintf(body, sizeof(body), "turn=3&person_id=%lld&reason=Hospital+"
	    "visit", person("Arthur"));
	post_expect(&staff, path, body, 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/seats/%lld", seat);
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "Earlier turns");
	assert_contains(r.body, "Turns 3 and 4 exchanged: Hospital visit");
	reply_free(&r);
	staff.json = 1;
	assert_int_equal(http_get(&staff, path, &r), 200);
	staff.json = 0;
	v = json_loads(r.body, 0, NULL);
	assert_non_null(v);
	past = json_object_get(json_object_get(v, "seat"), "past");
	assert_int_equal(json_array_size(past), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    past, 0), "holder")), "Arthur");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    past, 1), "holder")), "Bernard");
	json_decref(v);
	reply_free(&r);
	client_free(&staff);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seats_rotate_and_swap),
		cmocka_unit_test(seats_rotate_per_board_meeting),
		cmocka_unit_test(a_seat_shows_its_past_and_swaps_by_date),
	};

	return cmocka_run_group_tests(tests, elections_setup,
	    server_teardown);
}
