/*
 * What comes of what voice hears: follow-ups listed overdue first and
 * closed, issues with their counts suppressed for members (none undone
 * by subtraction), built and decided with reasons, and new arrivals
 * following their plan.
 */
#include <ctype.h>

#include "voice_test.h"

static void
followups_are_listed_overdue_first_and_closed(void **state)
{
	struct client	 rep, staff;
	struct reply	 r;
	char		 path[64];
	long long	 id;

	(void)state;
	as(&rep, "rep.fenwick");
	assert_int_equal(http_get(&rep, "/followups", &r), 200);
	assert_contains(r.body, "Overdue");
	reply_free(&r);
	/* Overdue ones come before any that are not, each with its age. */
	rep.json = 1;
	assert_int_equal(http_get(&rep, "/followups", &r), 200);
	{
		json_t	*v = json_loads(r.body, 0, NULL), *f;
		size_t	 i;
		int	 seen_on_time = 0, overdue = 0;

		assert_non_null(v);
		json_array_foreach(json_object_get(v, "followups"), i, f) {
			assert_true(json_is_integer(json_object_get(f,
			    "age_days")));
			if (json_is_true(json_object_get(f, "overdue"))) {
				assert_false(seen_on_time);
				overdue++;
			} else
				seen_on_time = 1;
		}
		assert_true(overdue > 0 && seen_on_time);
		json_decref(v);
	}
	rep.json = 0;
	reply_free(&r);
	id = db_scalar(&srv, "SELECT min(f.id) FROM followups f JOIN accounts "
	    "a ON a.id = f.owner_id WHERE a.username = 'rep.fenwick' AND "
	    "f.closed_on IS NULL");
	snprintf(path, sizeof(path), "/followups/%lld/close", id);
	assert_int_equal(http_get(&rep, path, &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&rep, path, "close_note=", 1, &r), 422);
	assert_contains(r.body, "Enter what was done");
	reply_free(&r);
	assert_int_equal(http_post(&rep, path, "close_note=Healthcare+now+"
	    "brings+it+before+lock-up", 1, &r), 303);
	reply_free(&r);
	/* Closed: the form says so before it is filled in, and a second
	 * close is refused. */
	assert_int_equal(http_get(&rep, path, &r), 409);
	assert_contains(r.body, "This follow-up is already closed");
	assert_lacks(r.body, "name=\"close_note\"");
	reply_free(&r);
	assert_int_equal(http_post(&rep, path, "close_note=again", 1, &r), 409);
	assert_contains(r.body, "already closed");
	reply_free(&r);
	/* Another rep cannot close or hand on someone else's. */
	id = db_scalar(&srv, "SELECT min(f.id) FROM followups f JOIN accounts "
	    "a ON a.id = f.owner_id WHERE a.username = 'rep.fenwick' AND "
	    "f.closed_on IS NULL");
	snprintf(path, sizeof(path), "/followups/%lld/reassign", id);
	assert_int_equal(http_get(&rep, path, &r), 403);
	reply_free(&r);
	/* Staff hand it to the second rep. */
	as(&staff, "coordinator.fenwick");
	assert_int_equal(http_get(&staff, "/followups/all", &r), 200);
	assert_contains(r.body, "Hand on");
	reply_free(&r);
	assert_int_equal(http_get(&staff, path, &r), 200);
	reply_free(&r);
	{
		char body[128];

		snprintf(body, sizeof(body), "owner_id=%lld&due_on=2026-12-31",
		    db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
		    "'rep.two'"));
		assert_int_equal(http_post(&staff, path, body, 1, &r), 303);
		reply_free(&r);
	}
	{
		char sql[256];

		snprintf(sql, sizeof(sql), "SELECT owner_id = (SELECT id FROM "
		    "accounts WHERE username = 'rep.two') FROM followups "
		    "WHERE id = %lld", id);
		assert_int_equal(db_scalar(&srv, sql), 1);
	}
	client_free(&rep);
	client_free(&staff);
}

static void
issues_suppress_small_counts_for_members(void **state)
{
	struct client	 staff, member;
	struct reply	 r;

	(void)state;
	as(&staff, "coordinator.fenwick");
	as(&member, "member.forum");
	assert_int_equal(http_get(&member, "/issues/1", &r), 200);
	assert_contains(r.body, "Medication arrives late on C wing");
	assert_contains(r.body, "fewer than 5");
	/* Members see no logs, only the statement and the evidence. */
	assert_lacks(r.body, "Logs (staff only)");
	assert_lacks(r.body, "/conversations/");
	reply_free(&r);
	member.json = 1;
	assert_int_equal(http_get(&member, "/issues/1", &r), 200);
	assert_lacks(r.body, "\"logs\"");
	assert_contains(r.body, "fewer than 5");
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/issues/1", &r), 200);
	assert_contains(r.body, "Logs (staff only)");
	assert_lacks(r.body, "fewer than 5");
	reply_free(&r);
	client_free(&staff);
	client_free(&member);
}

/* Hidden counts on one line of evidence: the places and the number of
 * conversations they add up to.  One hidden alone is a subtraction. */
static void
evidence_line_holds(const char *path, const char *user)
{
	struct client	 member;
	struct reply	 r;
	json_t		*v, *ev, *pl;
	size_t		 i, hidden;
	const char	*first;
	char		 sql[160];

	as(&member, user);
	member.json = 1;
	if (http_get(&member, path, &r) != 200) {
		reply_free(&r);
		client_free(&member);
		return;
	}
	assert_non_null(v = json_loads(r.body, 0, NULL));
	ev = json_object_get(v, "evidence");
	hidden = json_is_string(json_object_get(ev, "log_count"));
	json_array_foreach(json_object_get(ev, "places"), i, pl)
		hidden += json_is_string(json_object_get(pl, "n"));
	if (hidden == 1)
		print_error("%s: one hidden count beside its total\n%s\n",
		    path, r.body);
	assert_int_not_equal(hidden, 1);
	/* The trend's windows, with the total, when the first sighting
	 * shows nothing is older: one hidden alone is a subtraction too,
	 * and "rising" between hidden counts says which is larger. */
	first = json_string_value(json_object_get(ev, "first_seen"));
	snprintf(sql, sizeof(sql), "SELECT '%s' >= date('now', '-%d days')",
	    first ? first : "9999", 2 * 30);
	if (first != NULL && json_is_integer(json_object_get(ev, "log_count"))
	    && db_scalar(&srv, sql) == 1) {
		hidden = json_is_string(json_object_get(ev, "recent")) +
		    json_is_string(json_object_get(ev, "earlier"));
		if (hidden == 1)
			print_error("%s: one hidden window beside its total\n%s\n",
			    path, r.body);
		assert_int_not_equal(hidden, 1);
		if (hidden > 0)
			assert_true(json_is_null(json_object_get(ev, "trend")));
	}
	json_decref(v);
	reply_free(&r);
	client_free(&member);
}

/* The review's case: total 11, Reception 8, A wing "fewer than 5" gave
 * 3 away.  Every issue and proposal a member can read, checked. */
static void
evidence_cannot_be_undone_by_subtraction(void **state)
{
	char		 path[64];
	long long	 id, last;

	(void)state;
	last = db_scalar(&srv, "SELECT max(id) FROM issues");
	assert_true(last > 0);
	for (id = 1; id <= last; id++) {
		snprintf(path, sizeof(path), "/issues/%lld", id);
		evidence_line_holds(path, "member.forum");
		evidence_line_holds(path, "rep.fenwick");
	}
	last = db_scalar(&srv, "SELECT max(id) FROM proposals");
	for (id = 1; id <= last; id++) {
		snprintf(path, sizeof(path), "/proposals/%lld", id);
		evidence_line_holds(path, "member.forum");
	}
}

static void
an_issue_is_built_and_decided_with_reasons(void **state)
{
	struct client	 staff;
	struct reply	 r;
	char		 body[256], path[64];
	long long	 log, id;

	(void)state;
	as(&staff, "coordinator.fenwick");
	log = db_scalar(&srv, "SELECT max(id) FROM conversations WHERE "
	    "site_id = 1 AND issue_id IS NULL AND consent != 'do_not_share'");
	assert_int_equal(http_get(&staff, "/issues/new?site=1", &r), 200);
	reply_free(&r);
	snprintf(body, sizeof(body), "site_id=1&group_id=1&title=Cold+showers"
	    "&statement=Members+report+that+showers+are+cold"
	    "&conversation_ids=%lld", log);
	id = submit_created(&staff, "/issues/new", body, "/issues/");
	snprintf(path, sizeof(path), "SELECT issue_id FROM conversations "
	    "WHERE id = %lld", log);
	assert_int_equal(db_scalar(&srv, path), id);

	snprintf(path, sizeof(path), "/issues/%lld/decision", id);
	assert_int_equal(http_get(&staff, path, &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&staff, path, "status=not_taken_forward"
	    "&decided_on=2026-11-24&votes_for=2&votes_against=x", 1, &r), 422);
	assert_contains(r.body, "Enter the reason");
	assert_contains(r.body, "Votes against must be a whole number from 0");
	reply_free(&r);
	assert_int_equal(http_post(&staff, path, "status=not_taken_forward"
	    "&decided_on=2026-11-24&votes_for=2&votes_against=5&votes_abstain=0"
	    "&decision_reason=Boiler+replaced+last+week", 1, &r), 303);
	reply_free(&r);
	snprintf(path, sizeof(path), "/issues/%lld", id);
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "Not taken forward");
	assert_contains(r.body, "Boiler replaced last week");
	assert_contains(r.body, "2 for, 5 against, 0 abstaining");
	reply_free(&r);
	client_free(&staff);
}

/* An issue raised before any conversation is linked to it says so,
 * instead of "First and last seen  to" and "Trend steady ( in ...". */
static void
an_issue_with_no_logs_reads_plainly(void **state)
{
	struct client	 staff;
	struct reply	 r;
	char		 path[64];
	long long	 id;

	(void)state;
	as(&staff, "coordinator.fenwick");
	id = submit_created(&staff, "/issues/new", "site_id=1&group_id=1"
	    "&title=Library+hours&statement=Members+report+the+library+"
	    "closes+early", "/issues/");
	snprintf(path, sizeof(path), "/issues/%lld", id);
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_lacks(r.body, " to </dd>");
	assert_lacks(r.body, "( in the last");
	assert_contains(r.body, "No conversations are linked to this issue yet");
	reply_free(&r);
	staff.json = 1;
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "\"recent\":0");
	reply_free(&r);
	/* A trend held back (its counts are small) leaves no bracket
	 * standing alone. */
	staff.json = 0;
	assert_int_equal(http_get(&staff, "/issues/1", &r), 200);
	assert_lacks(r.body, "__value\">(");
	assert_contains(r.body, " in the last 30 days");
	reply_free(&r);
	client_free(&staff);
}

static void
new_arrivals_follow_the_plan(void **state)
{
	struct client	 rep;
	struct reply	 r;
	char		 path[128], cancel[64];
	long long	 arrival, step;

	(void)state;
	as(&rep, "rep.fenwick");
	/* The group's page leads to the arrivals still being settled in,
	 * not only to recording a new one. */
	assert_int_equal(http_get(&rep, "/groups/1", &r), 200);
	assert_contains(r.body, "href=\"/arrivals\">Arrivals with steps still "
	    "to do</a>");
	reply_free(&r);
	arrival = submit_created(&rep, "/groups/1/arrivals/new",
	    "arrived_on=2026-11-25&unit_id=", "/arrivals/");
	snprintf(path, sizeof(path), "SELECT count(*) FROM arrival_steps "
	    "WHERE arrival_id = %lld", arrival);
	assert_int_equal(db_scalar(&srv, path), 5);
	snprintf(path, sizeof(path), "SELECT min(id) FROM arrival_steps "
	    "WHERE arrival_id = %lld", arrival);
	step = db_scalar(&srv, path);
	snprintf(path, sizeof(path), "/arrivals/%lld", arrival);
	assert_int_equal(http_get(&rep, path, &r), 200);
	assert_contains(r.body, "Check medication carries on");
	reply_free(&r);
	/* A note refused comes back as the step's form, as typed, with
	 * its error beside it; in Welsh, in Welsh.  Nothing is ticked. */
	snprintf(path, sizeof(path), "/arrival-steps/%lld/done?lang=en", step);
	assert_int_equal(http_get(&rep, path, &r), 200);
	assert_contains(r.body, "Check medication carries on");
	/* Cancel goes back to the arrival the step is part of. */
	snprintf(cancel, sizeof(cancel), "href=\"/arrivals/%lld\">Cancel",
	    arrival);
	assert_contains(r.body, cancel);
	reply_free(&r);
	assert_int_equal(http_post(&rep, path, "note=Pharmacy%07", 1, &r),
	    422);
	assert_error_beside(r.body, "note", "Note: there is a hidden character "
	    "that cannot be saved; remove it");
	assert_contains(r.body, "value=\"Pharmacy\x07\"");
	reply_free(&r);
	snprintf(path, sizeof(path), "/arrival-steps/%lld/done?lang=cy", step);
	assert_int_equal(http_post(&rep, path, "note=Pharmacy%07", 1, &r),
	    422);
	assert_error_beside(r.body, "note", "Nodyn: mae nod cudd na ellir ei "
	    "gadw; tynnwch ef");
	reply_free(&r);
	snprintf(path, sizeof(path), "SELECT count(*) FROM arrival_steps "
	    "WHERE id = %lld AND done_on IS NULL", step);
	assert_int_equal(db_scalar(&srv, path), 1);
	/* Back to English, which ?lang=cy changed for this browser. */
	snprintf(path, sizeof(path), "/arrival-steps/%lld/done?lang=en", step);
	assert_int_equal(http_post(&rep, path, "note=Confirmed+with+pharmacy",
	    1, &r), 303);
	reply_free(&r);
	assert_int_equal(http_post(&rep, path, "note=again", 1, &r), 409);
	reply_free(&r);
	assert_int_equal(http_get(&rep, "/arrivals", &r), 200);
	assert_contains(r.body, "1 of 5");
	reply_free(&r);
	/* An optional age band, for the over-50s plan; nothing else. */
	assert_int_equal(http_post(&rep, "/groups/1/arrivals/new", "arrived_on="
	    "2026-11-26&unit_id=&age_band=over_99", 1, &r), 422);
	assert_contains(r.body, "href=\"#age_band\"");
	reply_free(&r);
	arrival = submit_created(&rep, "/groups/1/arrivals/new",
	    "arrived_on=2026-11-26&unit_id=&age_band=50_64", "/arrivals/");
	snprintf(path, sizeof(path), "SELECT age_band = '50_64' FROM arrivals "
	    "WHERE id = %lld", arrival);
	assert_int_equal(db_scalar(&srv, path), 1);
	snprintf(path, sizeof(path), "/arrivals/%lld", arrival);
	assert_int_equal(http_get(&rep, path, &r), 200);
	assert_contains(r.body, "Aged 50 to 64");
	reply_free(&r);
	client_free(&rep);
}

/* Is there an ISO date (2026-12-05) in [s, end)? */
static int
iso_date_in(const char *s, const char *end)
{
	for (; s + 10 <= end; s++)
		if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[3])
		    && s[4] == '-' && isdigit((unsigned char)s[5]) &&
		    s[7] == '-' && isdigit((unsigned char)s[9]))
			return 1;
	return 0;
}

/* The logs offered to an issue name their day in words, in the
 * reader's language: never "2026-12-05, B wing: ...". */
static void
logs_offered_to_an_issue_say_their_day_in_words(void **state)
{
	static const char *const paths[] = { "/issues/new?site=1",
	    "/issues/new?site=1&lang=cy" };
	struct client	 staff;
	struct reply	 r;
	const char	*at, *end;
	size_t		 i, n;

	(void)state;
	as(&staff, "coordinator.fenwick");
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		assert_int_equal(http_get(&staff, paths[i], &r), 200);
		n = 0;
		for (at = r.body; (at = strstr(at, "for=\"conversation_ids-"))
		    != NULL; at = end) {
			assert_non_null(end = strstr(at, "</label>"));
			assert_false(iso_date_in(at + 20, end));
			n++;
		}
		assert_true(n > 0);
		/* "5 December 2026, B wing: ...", "5 Rhagfyr 2026, ..." */
		assert_contains(r.body, " 2026, ");
		reply_free(&r);
	}
	client_free(&staff);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(followups_are_listed_overdue_first_and_closed),
		cmocka_unit_test(issues_suppress_small_counts_for_members),
		cmocka_unit_test(evidence_cannot_be_undone_by_subtraction),
		cmocka_unit_test(an_issue_is_built_and_decided_with_reasons),
		cmocka_unit_test(an_issue_with_no_logs_reads_plainly),
		cmocka_unit_test(logs_offered_to_an_issue_say_their_day_in_words),
		cmocka_unit_test(new_arrivals_follow_the_plan),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
