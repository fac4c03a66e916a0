/*
 * Voice end to end: logging, the rules on what a log may say, who may
 * read it, paper sheets, follow-ups, issues with suppressed counts, the
 * directory, new arrivals and search.
 */
#include <jansson.h>

#define PW	"voice-test-password"
#include "http_test.h"

static int
setup(void **state)
{
	(void)state;
	if (server_prepare(&srv, NULL) == -1)
		return -1;
	/* A second rep at Fenwick, and a rep at Westvale (site 3). */
	if (roundtable_cli(&srv, "user add rep.two --role rep --scope site:1 "
	    "--password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user add rep.westvale --role rep --scope "
	    "site:3 --password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user passwd rep.fenwick --password-stdin",
	    PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user passwd coordinator.fenwick "
	    "--password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user passwd member.forum --password-stdin",
	    PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user add org.admin --role admin "
	    "--password-stdin", PW "\n", NULL) != 0)
		return -1;
	return server_launch(&srv);
}

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

static long long
log_count(void)
{
	return db_scalar(&srv, "SELECT count(*) FROM conversations");
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

static void
paper_sheets_are_saved_all_or_nothing(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 body[1024];
	long long	 before = log_count(), me = db_scalar(&srv, "SELECT id "
	    "FROM accounts WHERE username = 'rep.fenwick'");

	(void)state;
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/conversations/batch", &r), 200);
	assert_contains(r.body, "Sheet 6");
	reply_free(&r);
	/* Sheet 2 lacks its outcome: nothing is saved. */
	snprintf(body, sizeof(body), "site_id=1&r1_author_id=%lld"
	    "&r1_occurred_on=2026-11-01&r1_occurred_time=10:00"
	    "&r1_channel=letter&r1_topic_ids=4"
	    "&r1_raised=Portions+small&r1_consent=anonymous&r1_outcome=resolved"
	    "&r2_author_id=%lld&r2_occurred_on=2026-11-02"
	    "&r2_occurred_time=10:00&r2_channel=letter&r2_topic_ids=4"
	    "&r2_raised=Cold+food&r2_consent=anonymous", me, me);
	assert_int_equal(http_post(&c, "/conversations/batch", body, 1, &r),
	    422);
	assert_contains(r.body, "Sheet 2: Select outcome");
	assert_contains(r.body, "Portions small");
	reply_free(&r);
	assert_int_equal(log_count(), before);
	snprintf(body, sizeof(body), "site_id=1&r1_author_id=%lld"
	    "&r1_occurred_on=2026-11-01&r1_occurred_time=10:00"
	    "&r1_channel=letter&r1_topic_ids=4"
	    "&r1_raised=Portions+small&r1_consent=anonymous&r1_outcome=resolved"
	    "&r3_author_id=%lld&r3_occurred_on=2026-11-02"
	    "&r3_occurred_time=10:00&r3_channel=letter&r3_topic_ids=4"
	    "&r3_raised=Cold+food&r3_consent=anonymous&r3_outcome=coordinator"
	    "&r3_followup_action=Ask+the+kitchen&r3_followup_due=2026-11-30",
	    me, me);
	assert_int_equal(http_post(&c, "/conversations/batch", body, 1, &r),
	    303);
	assert_string_equal(r.location, "/conversations/batch?saved=2");
	reply_free(&r);
	assert_int_equal(log_count(), before + 2);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM conversations "
	    "WHERE from_paper = 1"), 2);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM followups WHERE "
	    "action = 'Ask the kitchen'"), 1);
	client_free(&c);
}

static void
printable_sheet_and_directory_are_pdfs(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text;

	(void)state;
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/conversations/sheet.pdf?site=1", &r),
	    200);
	assert_string_equal(r.content_type, "application/pdf");
	assert_true(r.len > 1000 && memcmp(r.body, "%PDF-", 5) == 0);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Conversation log sheet: HMP Fenwick");
	assert_contains(text, "What was raised");
	assert_contains(text, "Outcome");
	assert_contains(text, "C wing");
	assert_contains(text, "Canteen prices");
	free(text);
	reply_free(&r);
	/* Not for a site the rep does not work at. */
	assert_int_equal(http_get(&c, "/conversations/sheet.pdf?site=3", &r),
	    404);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/directory.pdf?site=1", &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Later Life Advice Service");
	assert_contains(text, "How to be referred");
	assert_lacks(text, "Harbour Housing Advice");
	free(text);
	reply_free(&r);
	client_free(&c);
}

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
	assert_int_equal(http_post(&rep, path, "close_note=again", 1, &r), 422);
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

/* Types in one sheet about the laundry, written by author, and expects
 * want; the reply is left in r. */
static void
laundry_sheet(struct client *c, long long author, long long topic2,
    long want, struct reply *r)
{
	char	 body[1024];

	snprintf(body, sizeof(body), "site_id=1&r1_author_id=%lld"
	    "&r1_occurred_on=2026-11-03&r1_occurred_time=14:30"
	    "&r1_channel=letter&r1_topic_ids=4&r1_topic_ids=%lld"
	    "&r1_raised=Laundry+returned+damp&r1_consent=anonymous"
	    "&r1_outcome=coordinator&r1_followup_action=Chase+the+laundry"
	    "&r1_followup_due=2026-11-20", author, topic2);
	assert_int_equal(http_post(c, "/conversations/batch", body, 1, r),
	    want);
}

/* A paper sheet typed in keeps everything the sheet asks for: its time,
 * every topic ticked, the follow-up's date, and whose sheet it was; the
 * typist is recorded apart, and the log is the author's to read. */
static void
a_typed_sheet_keeps_what_the_sheet_says(void **state)
{
	struct client	 c, two, other;
	struct reply	 r;
	char		 sql[256], path[64];
	long long	 author, typist, westvale, member, topic2, log;

	(void)state;
	author = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'rep.two'");
	typist = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'coordinator.fenwick'");
	westvale = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'rep.westvale'");
	member = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'member.forum'");
	topic2 = db_scalar(&srv, "SELECT max(id) FROM topics WHERE id != 4 "
	    "AND (site_id IS NULL OR site_id = 1)");
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/conversations/batch", &r), 200);
	assert_contains(r.body, "name=\"r1_author_id\"");
	assert_contains(r.body, "name=\"r1_occurred_time\"");
	assert_contains(r.body, "name=\"r1_followup_due\"");
	reply_free(&r);
	/* The author is a rep at the sheets' site, and no one else. */
	laundry_sheet(&c, westvale, topic2, 422, &r);
	assert_contains(r.body, "href=\"#r1_author_id\"");
	reply_free(&r);
	laundry_sheet(&c, member, topic2, 422, &r);
	assert_contains(r.body, "href=\"#r1_author_id\"");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM conversations "
	    "WHERE raised = 'Laundry returned damp'"), 0);

	laundry_sheet(&c, author, topic2, 303, &r);
	reply_free(&r);
	log = db_scalar(&srv, "SELECT id FROM conversations WHERE raised = "
	    "'Laundry returned damp'");
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM conversations WHERE "
	    "id = %lld AND occurred_at = '2026-11-03T14:30' AND author_id = "
	    "%lld AND entered_by = %lld AND from_paper = 1", log, author,
	    typist);
	assert_int_equal(db_scalar(&srv, sql), 1);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM conversation_topics "
	    "WHERE conversation_id = %lld", log);
	assert_int_equal(db_scalar(&srv, sql), 2);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM followups WHERE "
	    "conversation_id = %lld AND owner_id = %lld AND due_on = "
	    "'2026-11-20' AND created_by = %lld", log, author, typist);
	assert_int_equal(db_scalar(&srv, sql), 1);
	client_free(&c);

	/* The author reads it; another rep does not. */
	snprintf(path, sizeof(path), "/conversations/%lld", log);
	as(&two, "rep.two");
	assert_int_equal(http_get(&two, path, &r), 200);
	assert_contains(r.body, "Laundry returned damp");
	assert_contains(r.body, "typed in by Fenwick coordinator");
	reply_free(&r);
	client_free(&two);
	as(&other, "rep.fenwick");
	assert_true(http_get(&other, path, &r) >= 403);
	assert_lacks(r.body, "Laundry returned damp");
	reply_free(&r);
	client_free(&other);
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
		cmocka_unit_test(paper_sheets_are_saved_all_or_nothing),
		cmocka_unit_test(a_typed_sheet_keeps_what_the_sheet_says),
		cmocka_unit_test(printable_sheet_and_directory_are_pdfs),
		cmocka_unit_test(followups_are_listed_overdue_first_and_closed),
		cmocka_unit_test(issues_suppress_small_counts_for_members),
		cmocka_unit_test(evidence_cannot_be_undone_by_subtraction),
		cmocka_unit_test(an_issue_is_built_and_decided_with_reasons),
		cmocka_unit_test(an_issue_with_no_logs_reads_plainly),
		cmocka_unit_test(new_arrivals_follow_the_plan),
		cmocka_unit_test(log_filters_show_the_choice_and_follow_changes),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
