/*
 * Voice's conversation logs end to end: logging one and the next, the
 * rules on what a log may say (each naming its field; names and prison
 * numbers caught), who may read a log, search that survives odd input,
 * and the log's filters.
 */
#include "voice_test.h"

/* A valid log's form body, with extra fields appended. */
static char *
log_body(const char *raised, const char *extra)
{
	char	*body, *enc = url_encode(raised);

	if (asprintf(&body, "site_id=1&unit_id=%lld&occurred_on=2026-11-20"
	    "&occurred_time=10:15&channel=wing_visit&topic_ids=1&topic_ids=2"
	    "&raised=%s&consent=anonymous&outcome=resolved%s",
	    db_scalar(&srv, "SELECT min(id) FROM units WHERE site_id = 1"),
	    enc, extra ? extra : "") == -1)
		body = NULL;
	free(enc);
	return body;
}

static void
a_rep_logs_a_conversation_and_can_log_the_next(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*body;
	long long	 before = log_count(), id;

	(void)state;
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/conversations/new", &r), 200);
	/* Defaults: the rep's site, today, a time. */
	assert_contains(r.body, "<option value=\"1\" selected>");
	assert_contains(r.body, "name=\"occurred_time\" type=\"time\" value=\"");
	reply_free(&r);
	body = log_body("Showers on A wing are cold in the morning", NULL);
	assert_int_equal(http_post(&c, "/conversations/new", body, 1, &r), 303);
	assert_true(strncmp(r.location, "/conversations/new?logged=", 26) == 0);
	id = strtoll(r.location + 26, NULL, 10);
	reply_free(&r);
	free(body);
	assert_int_equal(log_count(), before + 1);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "conversation_topics WHERE conversation_id = (SELECT max(id) FROM "
	    "conversations)"), 2);
	assert_int_equal(http_get(&c, "/conversations/new?logged=1", &r), 200);
	assert_contains(r.body, "Conversation logged");
	reply_free(&r);
	/* The audit records the log, not what was said. */
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "detail LIKE '%Showers%'"), 0);
	{
		char path[64];

		snprintf(path, sizeof(path), "/conversations/%lld", id);
		assert_int_equal(http_get(&c, path, &r), 200);
		assert_contains(r.body, "Showers on A wing are cold");
		reply_free(&r);
	}
	client_free(&c);
}

static void
each_rule_names_its_field(void **state)
{
	struct client	 c;
	struct reply	 r;
	long long	 before = log_count();

	(void)state;
	as(&c, "rep.fenwick");
	assert_int_equal(http_post(&c, "/conversations/new", "site_id=1", 1,
	    &r), 422);
	assert_contains(r.body, "Select at least one of the topics");
	assert_contains(r.body, "Enter what was raised");
	assert_contains(r.body, "Select outcome");
	reply_free(&r);
	assert_int_equal(http_post(&c, "/conversations/new", "site_id=1"
	    "&occurred_on=2026-11-20&occurred_time=09:00&channel=wing_visit"
	    "&topic_ids=1&raised=Advice+on+benefits&consent=anonymous"
	    "&outcome=signposted", 1, &r), 422);
	assert_contains(r.body, "Select the service signposted to");
	reply_free(&r);
	assert_int_equal(http_post(&c, "/conversations/new", "site_id=1"
	    "&occurred_on=2026-11-20&occurred_time=09:00&channel=wing_visit"
	    "&topic_ids=1&raised=Complaint+about+the+kitchen&consent=anonymous"
	    "&outcome=escalated_outside", 1, &r), 422);
	assert_contains(r.body, "Enter who it was escalated to");
	assert_contains(r.body, "Enter the follow-up action");
	reply_free(&r);
	assert_int_equal(http_post(&c, "/conversations/new", "site_id=1"
	    "&occurred_on=2026-02-30&occurred_time=25:00&channel=wing_visit"
	    "&topic_ids=1&raised=x&consent=anonymous&outcome=resolved", 1, &r),
	    422);
	assert_contains(r.body, "Date must be a real date");
	assert_contains(r.body, "Time must be a time");
	reply_free(&r);
	/* A wing at another site is refused. */
	assert_int_equal(http_post(&c, "/conversations/new", "site_id=1"
	    "&unit_id=9&occurred_on=2026-11-20&occurred_time=09:00"
	    "&channel=wing_visit&topic_ids=1&raised=x&consent=anonymous"
	    "&outcome=resolved", 1, &r), 422);
	reply_free(&r);
	assert_int_equal(log_count(), before);
	client_free(&c);
}

static void
names_and_prison_numbers_are_caught(void **state)
{
	static const char *identifying[] = { "Mr Jones on B wing says no",
	    "A1234BC has not had his tablets", "Call him on 07700 900123",
	    "Dr. Patel would not see him" };
	struct client	 c;
	struct reply	 r;
	char		*body;
	long long	 before = log_count();
	size_t		 i;

	(void)state;
	as(&c, "rep.fenwick");
	for (i = 0; i < sizeof(identifying) / sizeof(identifying[0]); i++) {
		body = log_body(identifying[i], NULL);
		assert_int_equal(http_post(&c, "/conversations/new", body, 1,
		    &r), 422);
		assert_contains(r.body, "Rephrase it so no one can be identified");
		reply_free(&r);
		free(body);
	}
	assert_int_equal(log_count(), before);
	/* The rep may confirm it names no one (Mr Kipling is a cake). */
	body = log_body("Mr Kipling cakes gone from the canteen list",
	    "&no_names=1");
	assert_int_equal(http_post(&c, "/conversations/new", body, 1, &r), 303);
	reply_free(&r);
	free(body);
	assert_int_equal(log_count(), before + 1);
	client_free(&c);
}

static void
only_the_author_and_staff_read_a_log(void **state)
{
	struct client	 author, other, westvale, staff, member;
	struct reply	 r;
	char		*body, path[64];
	long long	 id;

	(void)state;
	as(&author, "rep.fenwick");
	body = log_body("Zebra crossing outside the gym is faded", NULL);
	assert_int_equal(http_post(&author, "/conversations/new", body, 1, &r),
	    303);
	reply_free(&r);
	free(body);
	id = db_scalar(&srv, "SELECT max(id) FROM conversations");
	snprintf(path, sizeof(path), "/conversations/%lld", id);

	as(&other, "rep.two");
	as(&westvale, "rep.westvale");
	as(&staff, "coordinator.fenwick");
	as(&member, "member.forum");
	assert_int_equal(http_get(&other, path, &r), 403);
	reply_free(&r);
	assert_int_equal(http_get(&westvale, path, &r), 403);
	reply_free(&r);
	assert_int_equal(http_get(&member, path, &r), 403);
	reply_free(&r);
	assert_int_equal(http_get(&staff, path, &r), 200);
	reply_free(&r);
	/* Not by list, search or JSON either. */
	other.json = 1;
	assert_int_equal(http_get(&other, "/conversations?q=zebra", &r), 200);
	assert_lacks(r.body, "Zebra");
	reply_free(&r);
	assert_int_equal(http_get(&westvale, "/search?q=zebra", &r), 200);
	assert_lacks(r.body, "Zebra");
	reply_free(&r);
	assert_int_equal(http_get(&member, "/search?q=zebra", &r), 200);
	assert_lacks(r.body, "Zebra");
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/search?q=zebra", &r), 200);
	assert_contains(r.body, "Zebra crossing");
	reply_free(&r);
	assert_int_equal(http_get(&author, "/conversations?q=zeb", &r), 200);
	assert_contains(r.body, "Zebra crossing");
	reply_free(&r);
	client_free(&author);
	client_free(&other);
	client_free(&westvale);
	client_free(&staff);
	client_free(&member);
}

static void
search_survives_odd_input(void **state)
{
	static const char *queries[] = { "%22", "*", "OR", "AND+NOT",
	    "a%22b%22c", "NEAR(x+y)", "%E2%80%94", "-", "col:val", "%5E" };
	struct client	 c;
	struct reply	 r;
	char		 path[128];
	size_t		 i;

	(void)state;
	as(&c, "coordinator.fenwick");
	/* Filters narrow each part of the results. */
	assert_int_equal(http_get(&c, "/search?q=medication&status=taken_forward",
	    &r), 200);
	assert_contains(r.body, "Medication arrives late on C wing");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/search?q=medication&status=open", &r),
	    200);
	assert_lacks(r.body, "Medication arrives late on C wing");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/search?q=medication&site=1&from=2099-01-01",
	    &r), 200);
	assert_lacks(r.body, "lock-up again");
	reply_free(&r);
	for (i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		snprintf(path, sizeof(path), "/search?q=%s", queries[i]);
		assert_int_equal(http_get(&c, path, &r), 200);
		reply_free(&r);
		snprintf(path, sizeof(path), "/conversations?q=%s", queries[i]);
		assert_int_equal(http_get(&c, path, &r), 200);
		reply_free(&r);
	}
	client_free(&c);
}

/*
 * The log list's filters show what the list is filtered by, list a site's
 * wings and places once a site is chosen (every place of every site made
 * the page 60 KB), and follow changes made anywhere: the lists are kept per
 * server process, stamped by a counter that triggers bump in the writing
 * transaction (migration 0050), so even another program's write shows.
 */
static void
log_filters_show_the_choice_and_follow_changes(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], want[160];
	long long	 unit = db_scalar(&srv, "SELECT id FROM units WHERE "
	    "site_id = 1 AND name = 'C wing'");

	(void)state;
	as(&c, "org.admin");
	assert_int_equal(http_get(&c, "/conversations", &r), 200);
	assert_contains(r.body, "Choose a site and filter first");
	assert_lacks(r.body, "C wing</option>");
	assert_contains(r.body, "<option value=\"1\">HMP Fenwick</option>");
	reply_free(&r);

	snprintf(path, sizeof(path), "/conversations?site=1&place=%lld", unit);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<option value=\"1\" selected>HMP Fenwick"
	    "</option>");
	snprintf(want, sizeof(want), "<option value=\"%lld\" selected>C wing"
	    "</option>", unit);
	assert_contains(r.body, want);
	assert_lacks(r.body, "Choose a site and filter first");
	reply_free(&r);
	/* A site the viewer cannot log at lists no places. */
	assert_int_equal(http_get(&c, "/conversations?site=999999", &r), 200);
	assert_lacks(r.body, "C wing</option>");
	reply_free(&r);

	/* Another program adds a site, then renames it: both show at once. */
	assert_int_equal(db_write(&srv, "INSERT INTO sites (name, kind) "
	    "VALUES ('HMP Testbury', 'prison')"), 0);
	assert_int_equal(http_get(&c, "/conversations", &r), 200);
	assert_contains(r.body, ">HMP Testbury</option>");
	reply_free(&r);
	assert_int_equal(db_write(&srv, "UPDATE sites SET name = "
	    "'HMP Testbury Vale' WHERE name = 'HMP Testbury'"), 0);
	assert_int_equal(http_get(&c, "/conversations", &r), 200);
	assert_contains(r.body, ">HMP Testbury Vale</option>");
	assert_lacks(r.body, ">HMP Testbury</option>");
	reply_free(&r);
	assert_int_equal(db_write(&srv, "UPDATE sites SET closed_on = "
	    "'2026-01-01' WHERE name = 'HMP Testbury Vale'"), 0);
	assert_int_equal(http_get(&c, "/conversations", &r), 200);
	assert_lacks(r.body, "HMP Testbury");
	reply_free(&r);
	client_free(&c);

	/* A rep at one site sees that site's places without choosing. */
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/conversations", &r), 200);
	assert_contains(r.body, "C wing</option>");
	assert_lacks(r.body, "Choose a site and filter first");
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_rep_logs_a_conversation_and_can_log_the_next),
		cmocka_unit_test(each_rule_names_its_field),
		cmocka_unit_test(names_and_prison_numbers_are_caught),
		cmocka_unit_test(only_the_author_and_staff_read_a_log),
		cmocka_unit_test(search_survives_odd_input),
		cmocka_unit_test(log_filters_show_the_choice_and_follow_changes),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
