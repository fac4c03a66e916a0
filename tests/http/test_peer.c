/*
 * Peer support over HTTP on the demo: a request for support asked by an
 * officer, offered to the supporter on duty on its unit, accepted, seen
 * and closed into a conversation log, with the privacy rules (a
 * supporter sees only the requests of the places they are rostered on,
 * whoever asked sees how far it got, not its outcome); a safety concern
 * that cannot close without the member of staff told and stays on the
 * site's staff home page until acknowledged; a shift across the autumn
 * clock change printed and read back from the rota PDF; stepping back;
 * the measures suppressed for non-staff.
 */
#define PW	"peer-support-password"
#include "http_test.h"

static long long	 fenwick, dwing, awing, jamal;

/* Jamal's shift from an hour ago to two hours ahead; now is each
 * engine's Unix time. */
#define SHIFT_NOW(now)							\
	"INSERT INTO peer_shifts (site_id, unit_id, person_id, starts_at, "	\
	"ends_at, created_by) SELECT u.site_id, u.id, p.id, " now " - 3600, "	\
	now " + 7200, 1 FROM units u, people p WHERE u.name = 'D wing' AND "	\
	"p.display_name = 'Jamal'"

static int
setup(void **state)
{
	static const char *const users[] = { "coordinator.fenwick",
	    "rep.fenwick", "governor.fenwick", "supporter.fenwick",
	    "coordinator.westvale", NULL };

	(void)state;
	if (server_prepare(&srv, NULL) == -1 ||
	    server_passwords(&srv, users, PW) == -1)
		return -1;
	fenwick = db_scalar(&srv, "SELECT id FROM sites WHERE name = "
	    "'HMP Fenwick'");
	dwing = db_scalar(&srv, "SELECT id FROM units WHERE name = 'D wing'");
	awing = db_scalar(&srv, "SELECT id FROM units WHERE name = 'A wing'");
	jamal = db_scalar(&srv, "SELECT id FROM people WHERE display_name = "
	    "'Jamal'");
	/* Jamal is on duty on D wing now, whatever the time of day the
	 * test runs. */
	if (fenwick <= 0 || dwing <= 0 || awing <= 0 || jamal <= 0 ||
	    db_write(&srv, server_on_pg(&srv) ? SHIFT_NOW("CAST(extract("
	    "epoch FROM now()) AS BIGINT)") : SHIFT_NOW("CAST(strftime('%s', "
	    "'now') AS INTEGER)")) == -1)
		return -1;
	return server_launch(&srv);
}

/* One integer from the database: fmt's %lld filled with id. */
#define scalar(fmt, id)	db_scalar_id(&srv, fmt, id)

/* An officer's request on unit about what: its id. */
static long long
ask(struct client *c, long long unit, const char *about, const char *urgency)
{
	char	 path[64], body[256];

	snprintf(path, sizeof(path), "/sites/%lld/peer/requests/new", fenwick);
	snprintf(body, sizeof(body), "unit_id=%lld&asked_by=officer&urgency=%s"
	    "&about=%s", unit, urgency, about);
	return submit_created(c, path, body, "/peer-requests/");
}

static void
post_path(struct client *c, const char *fmt, long long id, const char *body,
    long want)
{
	struct reply	 r;
	char		 path[96];

	snprintf(path, sizeof(path), fmt, id);
	post_expect(c, path, body, want, &r);
	reply_free(&r);
}

static long
get_path(struct client *c, const char *fmt, long long id, struct reply *r)
{
	char	 path[128];

	snprintf(path, sizeof(path), fmt, id);
	return http_get(c, path, r);
}

/* The page at fmt (with id) says a day as says, and (unless lacks is
 * NULL) never as lacks: "ar ddydd Iau", never "ar Dydd Iau". */
static void
day_said(struct client *c, const char *fmt, long long id, const char *says,
    const char *lacks)
{
	struct reply	 r;

	assert_int_equal(get_path(c, fmt, id, &r), 200);
	assert_contains(r.body, says);
	if (lacks != NULL)
		assert_lacks(r.body, lacks);
	reply_free(&r);
}

static void
request_cycle_with_privacy(void **state)
{
	struct client	 officer, supporter, coordinator;
	struct reply	 r;
	char		 path[96];
	long long	 id, awing_id, westvale_id, before;

	(void)state;
	as(&officer, "rep.fenwick");
	as(&supporter, "supporter.fenwick");
	as(&coordinator, "coordinator.fenwick");
	/* A name in "what about" is refused, naming the field; nothing is
	 * stored. */
	before = db_scalar(&srv, "SELECT count(*) FROM peer_requests");
	snprintf(path, sizeof(path), "/sites/%lld/peer/requests/new", fenwick);
	{
		char	 body[200];

		snprintf(body, sizeof(body), "unit_id=%lld&asked_by=officer&"
		    "urgency=now&about=Mr+Smith+is+upset", dwing);
		submit_expect(&officer, path, body, 422, &r);
		assert_contains(r.body, "href=\"#about\"");
		reply_free(&r);
	}
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM peer_requests"),
	    before);

	id = ask(&officer, dwing, "low+mood", "now");
	/* Offered to the supporter on duty on D wing. */
	assert_int_equal(scalar("SELECT count(*) FROM peer_request_offers "
	    "WHERE request_id = %lld", id), 1);
	assert_int_equal(get_path(&supporter, "/peer-requests/%lld", id, &r),
	    200);
	assert_contains(r.body, "Offered to</dt><dd class=\"govuk-summary-list"
	    "__value\">Jamal");
	reply_free(&r);

	/* A request on A wing, where Jamal is not rostered, is not his. */
	awing_id = ask(&officer, awing, "feeling+alone", "today");
	assert_int_equal(get_path(&supporter, "/peer-requests/%lld", awing_id,
	    &r), 403);
	reply_free(&r);
	post_path(&supporter, "/peer-requests/%lld/accept", awing_id, "", 403);
	snprintf(path, sizeof(path), "/sites/%lld/peer/requests", fenwick);
	assert_int_equal(http_get(&supporter, path, &r), 200);
	assert_contains(r.body, "low mood");
	assert_lacks(r.body, "feeling alone");
	reply_free(&r);
	/* ... nor is another site's, for him or its staff's list. */
	westvale_id = db_scalar(&srv, "SELECT min(id) FROM peer_requests "
	    "WHERE site_id != 1");
	assert_int_equal(get_path(&supporter, "/peer-requests/%lld",
	    westvale_id, &r), 403);
	reply_free(&r);
	assert_int_equal(http_get(&coordinator, path, &r), 200);
	assert_contains(r.body, "feeling alone");
	assert_lacks(r.body, "first appointment nerves");
	reply_free(&r);

	/* Accepted once, seen, closed into a log. */
	post_path(&supporter, "/peer-requests/%lld/accept", id, "", 303);
	post_path(&supporter, "/peer-requests/%lld/accept", id, "", 409);
	assert_int_equal(scalar("SELECT on_duty FROM peer_requests WHERE "
	    "id = %lld", id), 1);
	post_path(&supporter, "/peer-requests/%lld/seen", id, "", 303);
	assert_true(scalar("SELECT seen_at - asked_at FROM peer_requests "
	    "WHERE id = %lld", id) >= 0);
	snprintf(path, sizeof(path), "/peer-requests/%lld/close", id);
	submit_expect(&supporter, path, "outcome=signposted", 422, &r);
	assert_contains(r.body, "href=\"#service_id\"");
	reply_free(&r);
	assert_int_equal(scalar("SELECT closed_at IS NULL FROM peer_requests "
	    "WHERE id = %lld", id), 1);
	submit_expect(&supporter, path, "outcome=resolved", 303, &r);
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM conversations c JOIN "
	    "peer_requests r ON r.conversation_id = c.id WHERE r.id = %lld AND "
	    "c.channel = 'peer_support' AND c.raised = 'low mood' AND "
	    "c.outcome = 'resolved' AND c.consent = 'anonymous'", id), 1);
	/* Whoever asked sees it was closed, not how. */
	assert_int_equal(get_path(&officer, "/peer-requests/%lld", id, &r),
	    200);
	assert_contains(r.body, "closed");
	assert_lacks(r.body, "Talked it through");
	reply_free(&r);
	assert_int_equal(get_path(&supporter, "/peer-requests/%lld", id, &r),
	    200);
	assert_contains(r.body, "Talked it through");
	reply_free(&r);
	/* The supporter asks for a debrief; the supervisors see it. */
	post_path(&supporter, "/peer-requests/%lld/debrief", id, "", 303);
	assert_int_equal(get_path(&coordinator, "/sites/%lld/peer/wellbeing",
	    fenwick, &r), 200);
	assert_contains(r.body, "Jamal asked");
	reply_free(&r);
	/* Saying when he asked, Welsh mutates the day: "ddydd Sadwrn". */
	day_said(&coordinator, "/sites/%lld/peer/wellbeing?lang=cy", fenwick,
	    "Gofynnodd Jamal ddydd ", "Gofynnodd Jamal Dydd ");
	client_free(&officer);
	client_free(&supporter);
	client_free(&coordinator);
}

static void
safety_concern_needs_staff_contact(void **state)
{
	struct client	 officer, supporter, coordinator, other;
	struct reply	 r;
	char		 path[96], href[64], body[320];
	long long	 id;

	(void)state;
	as(&officer, "rep.fenwick");
	as(&supporter, "supporter.fenwick");
	as(&coordinator, "coordinator.fenwick");
	as(&other, "coordinator.westvale");
	id = ask(&officer, dwing, "bad+news", "now");
	post_path(&supporter, "/peer-requests/%lld/accept", id, "", 303);
	/* Not closed before it is seen. */
	snprintf(path, sizeof(path), "/peer-requests/%lld/close", id);
	assert_int_equal(http_get(&supporter, path, &r), 409);
	reply_free(&r);
	post_path(&supporter, "/peer-requests/%lld/seen", id, "", 303);
	/* Without the member of staff told, by name and role, and when: 422
	 * naming each, and the request stays open. */
	submit_expect(&supporter, path, "outcome=safety_concern", 422, &r);
	assert_contains(r.body, "href=\"#told_name\"");
	assert_contains(r.body, "href=\"#told_role\"");
	assert_contains(r.body, "href=\"#told_on\"");
	assert_contains(r.body, "href=\"#told_time\"");
	assert_contains(r.body, "What you must hand on, and to whom");
	reply_free(&r);
	submit_expect(&supporter, path, "outcome=safety_concern&told_name=Ms+"
	    "Adeyemi&told_role=Safer+custody&told_on=2026-01-01", 422, &r);
	assert_contains(r.body, "href=\"#told_time\"");
	reply_free(&r);
	assert_int_equal(scalar("SELECT closed_at IS NULL FROM peer_requests "
	    "WHERE id = %lld", id), 1);
	/* The schema refuses it too. */
	assert_int_equal(db_write(&srv, "UPDATE peer_requests SET closed_at = "
	    "1, outcome = 'safety_concern' WHERE outcome IS NULL AND seen_at "
	    "IS NOT NULL"), -1);
	/* Told at a time before now (an old date): closed. */
	snprintf(body, sizeof(body), "outcome=safety_concern&told_name=Ms+"
	    "Adeyemi&told_role=Safer+custody&told_on=2026-01-01&"
	    "told_time=09:15");
	submit_expect(&supporter, path, body, 303, &r);
	reply_free(&r);
	/* On the site's staff home page until acknowledged. */
	snprintf(href, sizeof(href), "/peer-requests/%lld\"", id);
	assert_int_equal(http_get(&coordinator, "/", &r), 200);
	assert_contains(r.body, href);
	assert_contains(r.body, "Ms Adeyemi (Safer custody) on Thursday 1 "
	    "January 2026, 09:15.");
	reply_free(&r);
	/* After a preposition Welsh says the day mutated, without its
	 * capital: "ar ddydd Iau", never "ar Dydd Iau". */
	day_said(&coordinator, "/?lang=cy", 0,
	    ") ar ddydd Iau 1 Ionawr 2026, 09:15.", "ar Dydd");
	day_said(&coordinator, "/peer-requests/%lld?lang=cy", id,
	    ", ar ddydd Iau 1 Ionawr 2026, 09:15", "ar Dydd");
	day_said(&coordinator, "/peer-requests/%lld?lang=en", id,
	    "Ms Adeyemi, Safer custody, at Thursday 1 January 2026, 09:15",
	    NULL);
	assert_int_equal(http_get(&other, "/", &r), 200);
	assert_lacks(r.body, href);
	reply_free(&r);
	/* Only staff acknowledge. */
	post_path(&supporter, "/peer-requests/%lld/acknowledge", id, "", 403);
	post_path(&coordinator, "/peer-requests/%lld/acknowledge", id, "", 303);
	post_path(&coordinator, "/peer-requests/%lld/acknowledge", id, "", 409);
	assert_int_equal(http_get(&coordinator, "/", &r), 200);
	assert_lacks(r.body, href);
	reply_free(&r);
	client_free(&officer);
	client_free(&supporter);
	client_free(&coordinator);
	client_free(&other);
}

static void
rota_pdf_reads_back(void **state)
{
	struct client	 coordinator;
	struct reply	 r;
	char		 path[96], body[200], *text;

	(void)state;
	as(&coordinator, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/sites/%lld/peer/shifts/new", fenwick);
	/* 01:30 on 29 March 2026 never happens. */
	snprintf(body, sizeof(body), "unit_id=%lld&person_id=%lld&on="
	    "2026-03-29&starts=01:30&ends=06:00&repeat=1", dwing, jamal);
	submit_expect(&coordinator, path, body, 422, &r);
	assert_contains(r.body, "href=\"#starts\"");
	reply_free(&r);
	/* Overnight across the autumn change: nine real hours. */
	snprintf(body, sizeof(body), "unit_id=%lld&person_id=%lld&on="
	    "2026-10-24&starts=22:00&ends=06:00&repeat=1", awing, jamal);
	submit_expect(&coordinator, path, body, 303, &r);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT ends_at - starts_at FROM "
	    "peer_shifts ORDER BY id DESC LIMIT 1"), 9 * 3600);
	assert_int_equal(get_path(&coordinator, "/sites/%lld/peer/rota?from="
	    "2026-10-19", fenwick, &r), 200);
	assert_contains(r.body, "govuk-tag--red");
	assert_contains(r.body, "Jamal, 22:00 to 06:00 (next day)");
	assert_contains(r.body, "Jamal&#39;s shift on Saturday 24 October "
	    "2026");
	reply_free(&r);
	assert_int_equal(get_path(&coordinator, "/sites/%lld/peer/rota.pdf?"
	    "from=2026-10-19", fenwick, &r), 200);
	assert_string_equal(r.content_type, "application/pdf");
	text = pdf_text(&srv, &r);
	assert_contains(text, "Peer support rota: HMP Fenwick");
	assert_contains(text, "Seven days from Monday 19 October 2026.");
	assert_contains(text, "Sunday 25 October 2026");
	assert_contains(text, "22:00 to 06:00 (next day)");
	/* A wing, needed around the clock: Jamal is not trained yet in
	 * October (his course was 40 days ago), a gap of its own kind from
	 * 22:00 to 06:00, and nobody at all before and after. */
	assert_contains(text, "22:00 to 24:00: No trained supporter");
	assert_contains(text, "00:00 to 22:00: Nobody on duty");
	assert_contains(text, "Needs 1 on duty from 00:00 to 24:00");
	assert_contains(text, "00:00 to 06:00: No trained supporter");
	free(text);
	/* Each unit ends its page, the last one too: the document ends on
	 * the last unit's last day, not on a blank page. */
	text = pdf_page_text(&srv, &r, 0);
	assert_contains(text, "Sunday 25 October 2026");
	free(text);
	reply_free(&r);
	/* In Welsh: the days' names and months, the gaps' words. */
	assert_int_equal(get_path(&coordinator, "/sites/%lld/peer/rota.pdf?"
	    "from=2026-10-19&lang=cy", fenwick, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Rota cymorth gan gymheiriaid: HMP Fenwick");
	assert_contains(text, "Dydd Sul 25 Hydref 2026");
	assert_contains(text, "Saith niwrnod o ddydd Llun 19 Hydref 2026 "
	    "ymlaen.");
	assert_contains(text, "22:00 i 06:00 (y diwrnod wedyn)");
	assert_contains(text, "BWLCH");
	assert_contains(text, "Tudalen 1");
	assert_lacks(text, "Sunday");
	assert_lacks(text, "October");
	assert_lacks(text, "next day");
	assert_lacks(text, "GAP");
	assert_lacks(text, "Nobody on duty");
	assert_lacks(text, "Page 1");
	free(text);
	reply_free(&r);
	day_said(&coordinator, "/sites/%lld/peer/rota?from=2026-10-19&lang=cy",
	    fenwick, "shifft Jamal ar ddydd Sadwrn 24 Hydref 2026", "ar Dydd");
	day_said(&coordinator, "/sites/%lld/peer/now?lang=cy", fenwick,
	    "Ar ddydd ", "Ar Dydd");
	/* The choice is kept (the rt_lang cookie) until changed back. */
	assert_int_equal(get_path(&coordinator, "/sites/%lld/peer/rota.pdf?"
	    "lang=en", fenwick, &r), 200);
	reply_free(&r);
	/* The paper slip a person fills in, typed in as "on a paper slip". */
	assert_int_equal(get_path(&coordinator, "/sites/%lld/peer/slip.pdf",
	    fenwick, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Ask for a peer supporter");
	assert_contains(text, "D wing");
	/* In the words of the person filling it in. */
	assert_contains(text, "Now: I need someone straight away");
	assert_lacks(text, "they need someone");
	assert_contains(text, "do not write names");
	free(text);
	reply_free(&r);
	/* The slip in Welsh, large for everyone: the wings' names as the
	 * site wrote them. */
	assert_int_equal(get_path(&coordinator, "/sites/%lld/peer/slip.pdf?"
	    "lang=cy", fenwick, &r), 200);
	assert_true(pdf_smallest_font(&srv, &r) >= 16);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Gofyn am gefnogwr cymheiriaid");
	assert_contains(text, "D wing");
	assert_contains(text, "Pa mor frys");
	assert_contains(text, "Nawr: mae angen rhywun arna i ar unwaith");
	assert_contains(text, "Peidiwch ag ysgrifennu enwau");
	assert_lacks(text, "Ask for a peer supporter");
	assert_lacks(text, "How urgent");
	assert_lacks(text, "straight away");
	free(text);
	reply_free(&r);
	client_free(&coordinator);
}

static void
stepping_back_keeps_the_role(void **state)
{
	struct client	 supporter, officer;
	struct reply	 r;
	char		 body[64], today[16];
	const char	*from;
	long long	 id;

	(void)state;
	as(&supporter, "supporter.fenwick");
	as(&officer, "rep.fenwick");
	/* The form offers the server's local today (UK time), whatever
	 * the hour the test runs at. */
	assert_int_equal(http_get(&supporter, "/account/peer/step-back", &r),
	    200);
	from = strstr(r.body, "id=\"from_on\" name=\"from_on\" type=\"date\" "
	    "value=\"");
	assert_non_null(from);
	snprintf(today, sizeof(today), "%.10s", from + 47);
	reply_free(&r);
	snprintf(body, sizeof(body), "from_on=%s", today);
	post_expect(&supporter, "/account/peer/step-back", body, 303, &r);
	reply_free(&r);
	assert_int_equal(http_get(&supporter, "/account/peer/step-back", &r),
	    200);
	assert_contains(r.body, "You keep your role");
	reply_free(&r);
	/* Not offered a request while away; still a member. */
	id = ask(&officer, dwing, "a+chat", "today");
	assert_int_equal(scalar("SELECT count(*) FROM peer_request_offers "
	    "WHERE request_id = %lld", id), 0);
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "person_id = %lld AND position = 'peer_supporter' AND to_on IS "
	    "NULL", jamal), 1);
	post_path(&supporter, "/account/peer/return", 0, "", 303);
	assert_int_equal(http_get(&supporter, "/account/peer/step-back", &r),
	    200);
	assert_contains(r.body, "Stepping back from");
	reply_free(&r);
	/* Someone who is not a supporter cannot. */
	assert_int_equal(http_get(&officer, "/account/peer/step-back", &r),
	    200);
	assert_contains(r.body, "You are not a peer supporter");
	reply_free(&r);
	submit_expect(&officer, "/account/peer/step-back", body, 422, &r);
	assert_contains(r.body, "href=\"#from_on\"");
	reply_free(&r);
	client_free(&supporter);
	client_free(&officer);
}

static void
measures_suppressed_for_non_staff(void **state)
{
	struct client	 coordinator, governor;
	struct reply	 r;

	(void)state;
	as(&coordinator, "coordinator.fenwick");
	as(&governor, "governor.fenwick");
	assert_int_equal(get_path(&governor, "/sites/%lld/peer/measures",
	    fenwick, &r), 200);
	assert_contains(r.body, "fewer than 5");
	/* A grand total is always shown, and the note says why. */
	assert_contains(r.body, "The totals for all hours in all places, and "
	    "for all closed requests, are always shown, even when fewer than "
	    "5: a total says how many asked, not who.");
	/* The catalogue's words are escaped as they are written. */
	assert_contains(r.body, "Concerns for someone&#39;s safety handed "
	    "to staff");
	reply_free(&r);
	assert_int_equal(get_path(&governor, "/sites/%lld/peer/measures?"
	    "lang=cy", fenwick, &r), 200);
	assert_contains(r.body, "hyd yn oed pan fyddan nhw&#39;n llai na 5: "
	    "mae cyfanswm yn dweud faint a ofynnodd, nid pwy.");
	reply_free(&r);
	assert_int_equal(get_path(&coordinator, "/sites/%lld/peer/measures",
	    fenwick, &r), 200);
	assert_lacks(r.body, "fewer than");
	assert_lacks(r.body, "are always shown");
	assert_contains(r.body, "Cover, week by week");
	reply_free(&r);
	client_free(&coordinator);
	client_free(&governor);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(request_cycle_with_privacy),
		cmocka_unit_test(safety_concern_needs_staff_contact),
		cmocka_unit_test(rota_pdf_reads_back),
		cmocka_unit_test(stepping_back_keeps_the_role),
		cmocka_unit_test(measures_suppressed_for_non_staff),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
