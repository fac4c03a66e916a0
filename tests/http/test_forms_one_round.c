/*
 * Every form reports all its errors in one answer (issue 20): a number
 * that is not one and another field wrong, posted together, come back
 * together, each beside the box it is about and naming it, with nothing
 * stored.  And dates that cannot be true are refused the same way: a
 * conversation or an expense dated tomorrow, a follow-up due yesterday;
 * a follow-up whose due day has passed can still be handed on keeping
 * that day, but not moved to another day already gone.
 */
#include <jansson.h>
#include <time.h>

#define PW	"forms-one-round-pw"
#include "http_test.h"
#include "util/date.h"

static char	 today[DATE_CHARS + 1], tomorrow[DATE_CHARS + 1];
static char	 yesterday[DATE_CHARS + 1], next_month[DATE_CHARS + 1];

static int
setup(void **state)
{
	static const char *const users[] = { "coordinator.fenwick",
	    "rep.fenwick", "member.forum", NULL };

	(void)state;
	date_today(time(NULL), today);
	date_add_days(today, 1, tomorrow);
	date_add_days(today, -1, yesterday);
	date_add_days(today, 30, next_month);
	return server_with_passwords(users);
}

static long long
scalar(const char *fmt, long long id)
{
	return db_scalar_id(&srv, fmt, id);
}

static long long
account(const char *username)
{
	char	 sql[160];

	snprintf(sql, sizeof(sql), "SELECT id FROM accounts WHERE username = "
	    "'%s'", username);
	return db_scalar(&srv, sql);
}

/* Posts body to path as a browser does and expects 422 with each
 * (field, message) pair of the NULL-terminated list beside its box. */
static void
refused_beside(struct client *c, const char *path, const char *body,
    const char *const *pairs)
{
	struct reply	 r;

	submit_expect(c, path, body, 422, &r);
	for (; pairs[0] != NULL; pairs += 2)
		assert_error_beside(r.body, pairs[0], pairs[1]);
	reply_free(&r);
}

static void
numbers_and_other_fields_come_back_together(void **state)
{
	struct client	 staff, member;
	struct reply	 r;
	char		 body[400], path[64];
	long long	 before, id;

	(void)state;
	as(&staff, "coordinator.fenwick");
	as(&member, "member.forum");

	/* A course: no name, and renewing after no months. */
	before = db_scalar(&srv, "SELECT count(*) FROM courses");
	refused_beside(&staff, "/courses/new", "name=&renew_months=0",
	    (const char *const[]){ "name", "Enter course", "renew_months",
	    "Renew after (months) must be a whole number from 1 to 120",
	    NULL });
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM courses"),
	    before);

	/* An election: places not a number, no method, a term of none, and
	 * voting closing before it opens. */
	before = db_scalar(&srv, "SELECT count(*) FROM elections");
	snprintf(body, sizeof(body), "position=chair&seats=two&method="
	    "&nominations_close_on=%s&voting_opens_on=%s&voting_closes_on=%s"
	    "&term_months=0", today, next_month, tomorrow);
	refused_beside(&staff, "/groups/1/elections/new", body,
	    (const char *const[]){ "seats", "Places to fill must be a whole "
	    "number from 1 to 20", "method", "Select how votes are counted",
	    "term_months", "Term of office in months must be a whole number "
	    "from 1 to 60", "voting_closes_on", "Voting closes on or after "
	    "the day it opens", NULL });
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM elections"),
	    before);

	/* A group's recorded vote: a count that is not one, and the day
	 * it was decided still to come. */
	id = submit_created(&member, "/groups/1/proposals/new", "title="
	    "Benches&problem=Nowhere+to+sit&options=Benches%0AChairs"
	    "&issue_ids=1&decider_text=the+governor", "/proposals/");
	snprintf(path, sizeof(path), "/proposals/%lld/vote", id);
	snprintf(body, sizeof(body), "outcome=agree&decided_on=%s"
	    "&votes_for=many&votes_against=1&votes_abstain=-2", tomorrow);
	refused_beside(&member, path, body, (const char *const[]){
	    "decided_on", "Decided on cannot be in the future", "votes_for",
	    "Votes for must be a whole number from 0 to 100000",
	    "votes_abstain", "Abstentions must be a whole number from 0 to "
	    "100000", NULL });
	assert_int_equal(scalar("SELECT count(*) FROM proposals WHERE id = "
	    "%lld AND state = 'draft' AND votes_against IS NULL", id), 1);

	/* An event's counts: one not a number, one left empty. */
	id = submit_created(&member, "/groups/1/event-votes/new", "title="
	    "Open+day&held_on=2026-05-01&method=hands&options=Music%0AFood",
	    "/event-votes/");
	snprintf(path, sizeof(path), "/event-votes/%lld/counts", id);
	post_expect(&member, path, "votes_1=lots&votes_2=", 422, &r);
	assert_contains(r.body, "Votes for Music must be a whole number from "
	    "0 to 100000");
	assert_contains(r.body, "Enter votes for Food");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM event_vote_options "
	    "WHERE vote_id = %lld AND votes IS NOT NULL", id), 0);

	/* A site's activity: a month to come and a count in words. */
	before = db_scalar(&srv, "SELECT count(*) FROM activity_counts");
	snprintf(body, sizeof(body), "month=%.7s&attendance=seven&sessions=2",
	    next_month);
	if (strncmp(next_month, today, 7) == 0)	/* the 1st: a year on */
		snprintf(body, sizeof(body), "month=2099-01&attendance=seven"
		    "&sessions=2");
	refused_beside(&staff, "/sites/1/activity", body,
	    (const char *const[]){ "month", "Month cannot be in the future",
	    "attendance", "Attendance (visits counted) must be a whole number "
	    "from 0 to 1000000", NULL });
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "activity_counts"), before);
	client_free(&staff);
	client_free(&member);
}

static void
an_expense_in_words_and_tomorrow_comes_back_once(void **state)
{
	struct client	 rep;
	struct reply	 r;
	char		 group[32];
	const char	*fields[] = { "group_id", group, "kind", "travel",
	    "description", "Bus+fare", "amount", "twelve",
	    "incurred_on", tomorrow, NULL };
	long long	 before = db_scalar(&srv, "SELECT count(*) FROM "
	    "expense_claims");

	(void)state;
	as(&rep, "rep.fenwick");
	snprintf(group, sizeof(group), "%lld", db_scalar(&srv, "SELECT id "
	    "FROM groups WHERE name = 'Wellbeing Rep Team'"));
	http_get(&rep, "/expenses/new", &r);
	reply_free(&r);
	assert_int_equal(http_post_files(&rep, "/expenses/new", fields,
	    "receipt", NULL, NULL, 0, &r), 422);
	assert_error_beside(r.body, "amount", "Amount in pounds: enter pounds "
	    "and pence, like 12.50, up to 1000.00");
	assert_error_beside(r.body, "incurred_on", "Date cannot be in the "
	    "future");
	/* The summary in the order of the fields: the amount (a rule's)
	 * before the date (the table's), as on the form. */
	assert_non_null(strstr(r.body, "href=\"#amount\""));
	assert_true(strstr(r.body, "href=\"#amount\"") < strstr(r.body,
	    "href=\"#incurred_on\""));
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "expense_claims"), before);
	client_free(&rep);
}

/* A conversation log with a follow-up for its writer, dated on and due
 * due. */
static void
log_body(char *out, size_t sz, const char *on, const char *due)
{
	snprintf(out, sz, "site_id=1&occurred_on=%s&occurred_time=10:00"
	    "&channel=wing_visit&topic_ids=3&raised=Low+mood&consent=anonymous"
	    "&outcome=coordinator&followup_action=Check+in&followup_owner=%lld"
	    "&followup_due=%s", on, account("rep.fenwick"), due);
}

static void
dates_that_cannot_be_true_are_refused(void **state)
{
	struct client	 rep, staff;
	struct reply	 r;
	char		 body[512], path[64];
	long long	 logs = db_scalar(&srv, "SELECT count(*) FROM "
	    "conversations"), fu;

	(void)state;
	as(&rep, "rep.fenwick");
	as(&staff, "coordinator.fenwick");

	/* Talked tomorrow, to be followed up yesterday: both named. */
	log_body(body, sizeof(body), tomorrow, yesterday);
	refused_beside(&rep, "/conversations/new", body,
	    (const char *const[]){ "occurred_on", "Date cannot be in the "
	    "future", "followup_due", "By when cannot be in the past", NULL });
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM conversations"),
	    logs);

	/* Today and today are true. */
	log_body(body, sizeof(body), today, today);
	submit_expect(&rep, "/conversations/new", body, 303, &r);
	reply_free(&r);
	fu = db_scalar(&srv, "SELECT max(id) FROM followups");

	/* Its day passes: it cannot be moved to another day gone... */
	snprintf(body, sizeof(body), "UPDATE followups SET due_on = '2020-03-02'"
	    " WHERE id = %lld", fu);
	assert_int_equal(db_write(&srv, body), 0);
	snprintf(path, sizeof(path), "/followups/%lld/reassign", fu);
	snprintf(body, sizeof(body), "owner_id=%lld&due_on=2020-03-01",
	    account("coordinator.fenwick"));
	refused_beside(&staff, path, body, (const char *const[]){ "due_on",
	    "By when cannot be in the past", NULL });
	assert_int_equal(scalar("SELECT count(*) FROM followups WHERE id = "
	    "%lld AND due_on = '2020-03-02'", fu), 1);
	/* ...but it can be handed on keeping the day it holds. */
	snprintf(body, sizeof(body), "owner_id=%lld&due_on=2020-03-02",
	    account("coordinator.fenwick"));
	submit_expect(&staff, path, body, 303, &r);
	reply_free(&r);
	assert_int_equal(scalar("SELECT owner_id FROM followups WHERE id = "
	    "%lld", fu), account("coordinator.fenwick"));
	client_free(&rep);
	client_free(&staff);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_and_other_fields_come_back_together),
		cmocka_unit_test(an_expense_in_words_and_tomorrow_comes_back_once),
		cmocka_unit_test(dates_that_cannot_be_true_are_refused),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
