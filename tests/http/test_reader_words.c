/*
 * What a reader reads, as the review of the demo in Welsh and easy read
 * found it (issue 21): dates in the reader's language and named once in
 * a title; a survey's skip rule and an event vote's method worded as
 * the form words them; titles that say which record without a number;
 * pictures kept out of the words a screen reader reads for a question;
 * links and buttons that say what they act on; a member's own plan
 * speaking to them; a late answer said to be late; every error on a
 * ballot at once, naming the name; figures of nothing said in words;
 * the seed for lots kept to the count sheet; a letter in easy read; a
 * date typed as people write it; and a page with no account reading
 * the browser's language (test_language).
 */
#define PW	"reader-words-test-password"
#include "http_test.h"

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum", "rep.fenwick",
	    "coordinator.fenwick", NULL };

	(void)state;
	return server_with_passwords(users);
}

/* The page's <title>, malloc'd ("" when it has none). */
static char *
title_of(const char *body)
{
	const char	*a = strstr(body, "<title>"), *b;

	if (a == NULL || (b = strstr(a, "</title>")) == NULL)
		return strdup("");
	a += strlen("<title>");
	return strndup(a, (size_t)(b - a));
}

/* How many times needle is in haystack. */
static int
count_of(const char *haystack, const char *needle)
{
	int	 n = 0;

	while ((haystack = strstr(haystack, needle)) != NULL) {
		n++;
		haystack += strlen(needle);
	}
	return n;
}

/* The first of the group's meetings (in order of id) whose form path
 * opens for c, into r: its status. */
static long
meeting_form(struct client *c, const char *form, struct reply *r)
{
	char		 path[96];
	long long	 m;
	long		 status = 404;
	int		 k;

	for (k = 0; k < 8 && status != 200; k++) {
		if (k > 0)
			reply_free(r);
		m = db_scalar_id(&srv, "SELECT m.id FROM meetings m JOIN groups "
		    "g ON g.id = m.group_id WHERE g.name = 'Over-50s Forum' "
		    "ORDER BY m.id LIMIT 1 OFFSET %lld", k);
		snprintf(path, sizeof(path), "/meetings/%lld/%s?lang=cy", m,
		    form);
		status = http_get(c, path, r);
	}
	return status;
}

static void
a_meeting_form_names_its_date_in_welsh_once(void **state)
{
	static const char *const forms[] = { "approve", "action-points",
	    "decisions", "agenda", "papers", NULL };
	struct client	 c;
	struct reply	 r;
	char		*title;
	size_t		 i;

	(void)state;
	as(&c, "coordinator.fenwick");
	for (i = 0; forms[i] != NULL; i++) {
		assert_int_equal(meeting_form(&c, forms[i], &r), 200);
		title = title_of(r.body);
		/* No English month in the caption or the title. */
		assert_lacks(title, "November");
		assert_lacks(title, "December");
		assert_lacks(strstr(r.body, "govuk-caption-l"), "November");
		assert_lacks(strstr(r.body, "govuk-caption-l"), "December");
		assert_contains(title, "Over-50s Forum");
		/* The day once in the title, not twice. */
		assert_int_equal(count_of(title, " 2026"), 1);
		free(title);
		reply_free(&r);
	}
	client_free(&c);
}

static void
a_skip_rule_words_its_answer_as_the_options_do(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/surveys/1?lang=cy", &r), 200);
	if (strstr(r.body, "ewch i gwestiwn") != NULL) {
		assert_lacks(r.body, "Os “No”");
		assert_lacks(r.body, "Os “Yes”");
	}
	/* The demo's forum wrote its choices in Welsh too: the skip says
	 * the one it stands beside, "Nac ydw", rather than the catalogue's
	 * "Na" for "No" (issue 20). */
	assert_contains(r.body, "Os “Nac ydw”, ewch i gwestiwn");
	reply_free(&r);
	client_free(&c);
}

static void
an_event_vote_reads_in_welsh_and_says_which(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64], *title;
	long long	 v = db_scalar(&srv, "SELECT min(v.id) FROM event_votes "
			    "v JOIN groups g ON g.id = v.group_id WHERE "
			    "g.name = 'Over-50s Forum'");

	(void)state;
	/* Open, so its form asks for the counts. */
	assert_int_equal(db_write(&srv, "UPDATE event_votes SET state = "
	    "'open', published_on = NULL WHERE id = (SELECT min(v.id) FROM "
	    "event_votes v JOIN groups g ON g.id = v.group_id WHERE "
	    "g.name = 'Over-50s Forum')"), 0);
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/event-votes/%lld?lang=cy", v);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Teipiwch y cyfrif ar gyfer pob dewis (Papurau "
	    "pleidleisio, wedi&#39;u cyfrif).");
	assert_lacks(r.body, "(ballot)");
	assert_contains(r.body, "pleidlais a gynhaliwyd ar ");
	title = title_of(r.body);
	assert_lacks(title, "rhif ");
	assert_contains(title, "Over-50s Forum");
	/* Its kind first: the vote's own title says what was asked. */
	assert_true(strncmp(title, "Pleidlais mewn digwyddiad: ", 27) == 0);
	free(title);
	reply_free(&r);
	/* A conversation log by its day and place, not its number. */
	snprintf(path, sizeof(path), "/conversations/%lld", db_scalar(&srv,
	    "SELECT min(id) FROM conversations"));
	assert_int_equal(http_get(&c, path, &r), 200);
	title = title_of(r.body);
	assert_lacks(title, "number");
	assert_lacks(title, "rhif");
	assert_contains(title, " 2026, ");
	free(title);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/overdue?lang=en", &r), 200);
	assert_contains(r.body, "<title>Overdue answers and actions");
	reply_free(&r);
	client_free(&c);
}

static void
pictures_stay_out_of_what_a_screen_reader_reads(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[600];
	char		*token = db_text(&srv, "SELECT min(token) FROM surveys "
			    "WHERE state = 'open'");

	(void)state;
	assert_non_null(token);
	client_init(&c, &srv);
	snprintf(path, sizeof(path), "/kiosk?t=%s&read=easy&lang=en", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	/* The question's legend reads "Question 1 ...", no picture's name
	 * before it: the picture beside it is decorative. */
	assert_contains(r.body, "<span class=\"rt-easy-point\"><svg class="
	    "\"rt-picture rt-picture--");
	assert_lacks(r.body, "role=\"img\" aria-label=\"A ");
	assert_contains(r.body, "aria-hidden=\"true\"><path");
	reply_free(&r);
	free(token);
	client_free(&c);
	/* Each log link says which; each form's button names its record. */
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/followups", &r), 200);
	assert_contains(r.body, "log<span class=\"govuk-visually-hidden\">"
	    " of the conversation behind “");
	reply_free(&r);
	snprintf(path, sizeof(path), "/followups/%lld/close", db_scalar(&srv,
	    "SELECT min(f.id) FROM followups f JOIN accounts a ON "
	    "a.id = f.owner_id WHERE a.username = 'rep.fenwick' AND "
	    "f.closed_on IS NULL"));
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Close it<span class=\"govuk-visually-hidden\">"
	    ": ");
	reply_free(&r);
	client_free(&c);
}

static void
a_members_own_plan_speaks_to_them(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/account/plan?lang=cy", &r), 200);
	assert_lacks(r.body, "Dydy&#39;r person");
	/* Not yet checked, so the sentence is there to read. */
	assert_contains(r.body, "Heb ei wirio");
	assert_contains(r.body, "Dydych chi ddim wedi dweud eto");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account/plan?lang=en", &r), 200);
	assert_lacks(r.body, "The person has not");
	reply_free(&r);
	client_free(&c);
}

static void
a_late_answer_is_said_to_be_late(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	/* A proposal waiting past its day. */
	assert_int_equal(db_write(&srv, "UPDATE proposals SET due_on = "
	    "'2026-01-05' WHERE id = (SELECT min(id) FROM proposals WHERE "
	    "state = 'submitted')"), 0);
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/groups/1/you-said-we-did?read=standard"
	    "&lang=en", &r), 200);
	assert_contains(r.body, "The answer is late: it was due 5 January "
	    "2026.");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/groups/1/you-said-we-did?lang=cy", &r),
	    200);
	assert_contains(r.body, "Mae&#39;r ateb yn hwyr: roedd i fod erbyn 5 "
	    "Ionawr 2026.");
	reply_free(&r);
	client_free(&c);
}

static void
figures_of_nothing_are_said_in_words(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "coordinator.fenwick");
	assert_int_equal(db_write(&srv, "UPDATE meetings SET chair_person_id = "
	    "NULL "
	    "WHERE id = 2"), 0);
	assert_int_equal(http_get(&c, "/meetings/2?lang=en", &r), 200);
	assert_contains(r.body, ">Chair</dt><dd class=\"govuk-summary-"
	    "list__value\">Not recorded</dd>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/groups/1/timeliness", &r), 200);
	assert_lacks(r.body, "0 closed; median 0 days");
	assert_contains(r.body, "None closed yet");
	assert_lacks(r.body, "0 answered; median 0 days");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/groups/1/meeting-measures", &r), 200);
	assert_lacks(r.body, "numeric\"></td>");
	reply_free(&r);
	client_free(&c);
}

static void
a_date_is_typed_as_people_write_it(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "rep.fenwick");
	assert_int_equal(http_post(&c, "/conversations/new", "site_id=1"
	    "&occurred_on=2026-02-30&occurred_time=09:00&channel=wing_visit"
	    "&topic_ids=1&raised=x&consent=anonymous&outcome=resolved", 1, &r),
	    422);
	assert_contains(r.body, "Date must be a real date: the day, month and "
	    "year, like 31/3/2026 (31 March 2026)");
	assert_lacks(r.body, "like 2026-03-31");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/conversations/new?lang=cy", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/conversations/new?lang=cy", "site_id=1"
	    "&occurred_on=30%2F2%2F2026&occurred_time=09:00&channel=wing_visit"
	    "&topic_ids=1&raised=x&consent=anonymous&outcome=resolved", 1, &r),
	    422);
	assert_contains(r.body, "31 Mawrth 2026");
	assert_lacks(r.body, "rhaid iddo");
	reply_free(&r);
	/* The day, month and year as people write them is taken. */
	assert_int_equal(http_post(&c, "/conversations/new", "site_id=1"
	    "&occurred_on=3%2F12%2F2026&occurred_time=09:00&channel=wing_visit"
	    "&topic_ids=1&raised=Typed+date&consent=anonymous&outcome=resolved",
	    1, &r), 303);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM conversations "
	    "WHERE raised = 'Typed date' AND occurred_at LIKE '2026-12-03%'"),
	    1);
	client_free(&c);
}

static void
every_error_of_a_form_comes_at_once(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64];

	(void)state;
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/actions/%lld/update?lang=cy", db_scalar(
	    &srv, "SELECT min(id) FROM actions WHERE closed_on IS NULL"));
	assert_int_equal(http_get(&c, path, &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, path, "note=&percent=150", 1, &r), 422);
	assert_contains(r.body, "href=\"#note\"");
	assert_contains(r.body, "href=\"#percent\"");
	/* A feminine "canran" is not "iddo". */
	assert_contains(r.body, "Y ganran a wnaed: rhowch rif cyfan o 0 i 100");
	assert_lacks(r.body, "rhaid iddo");
	reply_free(&r);
	client_free(&c);
}

static void
an_easy_read_letter_is_in_easy_read(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/proposals/1/letter.pdf?read=easy&"
	    "lang=en", &r), 200);
	assert_non_null(text = pdf_text(&srv, &r));
	assert_contains(text, "The problem:");
	assert_contains(text, "What we are asking for:");
	assert_lacks(text, "Signed and dated");
	assert_lacks(text, "Please respond by");
	/* It ends as the page does, for its reader (easy_questions_words). */
	assert_contains(text, "Ask your rep.");
	free(text);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/proposals/1/letter.pdf?read=standard",
	    &r), 200);
	assert_non_null(text = pdf_text(&srv, &r));
	assert_contains(text, "Please respond by");
	free(text);
	reply_free(&r);
	client_free(&c);
	/* A rep is not told to ask their rep. */
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/proposals/1/letter.pdf?read=easy&"
	    "lang=en", &r), 200);
	assert_non_null(text = pdf_text(&srv, &r));
	assert_contains(text, "You are a rep.");
	assert_lacks(text, "Ask your rep");
	free(text);
	reply_free(&r);
	client_free(&c);
}

/* c's page at path (200), its title (malloc'd). */
static char *
title_at(struct client *c, const char *fmt, long long id)
{
	struct reply	 r;
	char		 path[96], *title;

	snprintf(path, sizeof(path), fmt, id);
	if (http_get(c, path, &r) != 200)
		print_error("GET %s: %ld\n", path, r.status);
	assert_int_equal(r.status, 200);
	title = title_of(r.body);
	reply_free(&r);
	assert_lacks(title, "number ");
	assert_lacks(title, "rhif ");
	return title;
}

/*
 * Issue 20: a record's page says what and which, not "number N".  The
 * demo's follow-ups all say the same thing: the unit and the day each
 * is due tell them apart, in Welsh too.  A request for peer support is
 * named by its unit and the minute it was asked, never by what it is
 * about (a tab or the browser's history may be seen by others); a
 * shift's time, said in its form's caption, is not said twice; two
 * referrals to one service on one day are "1 of 2" and "2 of 2".
 */
static void
records_are_titled_by_what_and_which(void **state)
{
	static const char action[] = "Raise it with the healthcare manager "
	    "and report back to the wing";
	struct client	 c;
	char		*a, *b, *about, *unit;
	long long	 f1, f2, pr, ref;

	(void)state;
	f1 = db_scalar(&srv, "SELECT min(f.id) FROM followups f JOIN sites s "
	    "ON s.id = f.site_id WHERE s.name LIKE '%Fenwick%' AND f.action "
	    "LIKE 'Raise it with the healthcare manager%'");
	f2 = db_scalar_id(&srv, "SELECT min(f.id) FROM followups f WHERE "
	    "f.site_id = (SELECT site_id FROM followups WHERE id = %1$lld) "
	    "AND f.action = (SELECT action FROM followups WHERE id = %1$lld) "
	    "AND f.id > %1$lld", f1);
	assert_true(f1 > 0 && f2 > 0);
	as(&c, "coordinator.fenwick");
	a = title_at(&c, "/followups/%lld/close", f1);
	b = title_at(&c, "/followups/%lld/close", f2);
	assert_contains(a, action);
	assert_contains(a, ", due ");
	assert_string_not_equal(a, b);
	/* The action once: the form's caption says it already. */
	assert_int_equal(count_of(a, action), 1);
	free(a);
	free(b);
	a = title_at(&c, "/followups/%lld/close?lang=cy", f1);
	assert_contains(a, "erbyn ");
	free(a);

	pr = db_scalar(&srv, "SELECT min(r.id) FROM peer_requests r JOIN sites "
	    "s ON s.id = r.site_id WHERE s.name LIKE '%Fenwick%'");
	about = db_text(&srv, "SELECT about FROM peer_requests WHERE id = "
	    "(SELECT min(r.id) FROM peer_requests r JOIN sites s ON s.id = "
	    "r.site_id WHERE s.name LIKE '%Fenwick%')");
	unit = db_text(&srv, "SELECT u.name FROM peer_requests r JOIN units u "
	    "ON u.id = r.unit_id WHERE r.id = (SELECT min(r.id) FROM "
	    "peer_requests r JOIN sites s ON s.id = r.site_id WHERE s.name "
	    "LIKE '%Fenwick%')");
	assert_non_null(about);
	assert_non_null(unit);
	a = title_at(&c, "/peer-requests/%lld?lang=en", pr);
	assert_contains(a, unit);
	assert_lacks(a, about);
	free(a);
	free(about);
	free(unit);

	/* A shift's form says its time in the caption, in Welsh: the
	 * title does not say it again. */
	a = title_at(&c, "/peer-shifts/%lld/swap?lang=cy", db_scalar(&srv,
	    "SELECT min(p.id) FROM peer_shifts p JOIN sites s ON s.id = "
	    "p.site_id WHERE s.name LIKE '%Fenwick%'"));
	assert_int_equal(count_of(a, "Dydd "), 1);
	free(a);
	a = title_at(&c, "/peer-shifts/%lld/swap?lang=en", db_scalar(&srv,
	    "SELECT min(p.id) FROM peer_shifts p JOIN sites s ON s.id = "
	    "p.site_id WHERE s.name LIKE '%Fenwick%'"));
	assert_int_equal(count_of(a, "day "), 1);
	free(a);

	ref = db_scalar(&srv, "SELECT min(r.id) FROM referrals r WHERE (SELECT "
	    "count(*) FROM referrals o WHERE o.service_id = r.service_id AND "
	    "o.made_on = r.made_on) = 2");
	assert_true(ref > 0);
	a = title_at(&c, "/referrals/%lld/progress", ref);
	assert_contains(a, ", 1 of 2");
	free(a);

	/* A record's own page, titled by its name, says its kind first:
	 * in the JSON the title stays the name. */
	a = title_at(&c, "/proposals/%lld?lang=en", 1);
	assert_true(strncmp(a, "Proposal: ", 10) == 0);
	free(a);
	a = title_at(&c, "/proposals/%lld?lang=cy", 1);
	assert_true(strncmp(a, "Cynnig: ", 8) == 0);
	free(a);
	a = title_at(&c, "/groups/%lld?lang=en", 1);
	assert_true(strncmp(a, "Group: ", 7) == 0);
	free(a);
	/* Its kind, then its name, place and day. */
	a = title_at(&c, "/sessions/%lld?lang=en", db_scalar(&srv,
	    "SELECT min(id) FROM course_sessions"));
	assert_true(strncmp(a, "Course session: ", 16) == 0);
	assert_contains(a, " 2026");
	free(a);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_meeting_form_names_its_date_in_welsh_once),
		cmocka_unit_test(a_skip_rule_words_its_answer_as_the_options_do),
		cmocka_unit_test(an_event_vote_reads_in_welsh_and_says_which),
		cmocka_unit_test(pictures_stay_out_of_what_a_screen_reader_reads),
		cmocka_unit_test(a_members_own_plan_speaks_to_them),
		cmocka_unit_test(a_late_answer_is_said_to_be_late),
		cmocka_unit_test(figures_of_nothing_are_said_in_words),
		cmocka_unit_test(a_date_is_typed_as_people_write_it),
		cmocka_unit_test(every_error_of_a_form_comes_at_once),
		cmocka_unit_test(an_easy_read_letter_is_in_easy_read),
		cmocka_unit_test(records_are_titled_by_what_and_which),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
