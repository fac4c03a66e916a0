/*
 * Flows that must run to where members expect (issue 22, findings 5-8):
 * no names in any free text members see or that is printed, dates in
 * words on what members read, elections that end in office, and the
 * one-to-one meeting of a forum chair and a decision maker.
 */
#include <jansson.h>

#define PW	"seams-test-pw"
#include "http_test.h"
#include "util/date.h"

#define NAMED	"Mr+Penhaligon+%28A1234BC%29+on+B+wing"
#define REPHRASE "Rephrase it so no one can be identified"

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum",
	    "coordinator.fenwick", "governor.fenwick", "coordinator.westvale",
	    NULL };

	char	 args[200];

	(void)state;
	if (server_prepare(&srv, NULL) == -1)
		return -1;
	if (server_passwords(&srv, users, PW) == -1)
		return -1;
	/* The chair of Westvale's council is also a decision maker there. */
	snprintf(args, sizeof(args), "user add dm.council --role "
	    "decision_maker --scope site:3 --person %lld --password-stdin",
	    db_scalar(&srv, "SELECT person_id FROM memberships m JOIN groups g "
	    "ON g.id = m.group_id WHERE g.kind = 'council' AND m.position = "
	    "'chair' AND m.to_on IS NULL"));
	if (roundtable_cli(&srv, args, PW "\n", NULL) != 0)
		return -1;
	return server_launch(&srv);
}

/* Posts body to path, expecting the names check to refuse it and nothing
 * stored to change (count is a query counting the rows it would add). */
static void
refused_for_names(struct client *c, const char *path, const char *body,
    const char *count)
{
	struct reply	 r;
	long long	 before = db_scalar(&srv, count);

	submit_expect(c, path, body, 422, &r);
	assert_contains(r.body, REPHRASE);
	/* A survey's answers say what to check: the written ones. */
	assert_contains(r.body, strncmp(path, "/answer", 7) == 0 ? "My written "
	    "answers do not name anyone" : "I have checked: it names no one");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, count), before);
}

static void
names_are_refused_in_every_text_members_see(void **state)
{
	struct client	 member, staff;
	struct reply	 r;
	char		 path[96], body[512];
	long long	 proposal, meeting, item;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	refused_for_names(&staff, "/issues/new", "site_id=1&group_id=1"
	    "&title=Cold+showers&statement=" NAMED "+says+they+are+cold",
	    "SELECT count(*) FROM issues");
	refused_for_names(&member, "/groups/1/proposals/new", "title=Showers"
	    "&problem=" NAMED "+has+cold+showers&options=Fix+them"
	    "&decider_text=the+governor", "SELECT count(*) FROM proposals");
	/* Confirming it names no one lets it through, as on the log form. */
	proposal = submit_created(&member, "/groups/1/proposals/new",
	    "title=Cakes&problem=Mr+Kipling+cakes+are+gone&options=Bring+them"
	    "+back&decider_text=the+governor&no_names=1", "/proposals/");
	snprintf(path, sizeof(path), "/proposals/%lld/comments", proposal);
	refused_for_names(&member, path, "body=" NAMED "+agrees"
	    "&visibility=members", "SELECT count(*) FROM proposal_comments");
	submit_expect(&member, "/groups/1/meetings/new", "kind=forum"
	    "&held_on=2027-09-07&starts_at=14:00&place=Chapel", 303, &r);
	meeting = strtoll(r.location + strlen("/meetings/"), NULL, 10);
	reply_free(&r);
	item = db_scalar(&srv, "SELECT min(id) FROM agenda_items WHERE "
	    "meeting_id = (SELECT max(id) FROM meetings)");
	snprintf(path, sizeof(path), "/meetings/%lld/minutes", meeting);
	snprintf(body, sizeof(body), "item_%lld=%s+spoke", item, NAMED);
	refused_for_names(&member, path, body, "SELECT count(*) FROM "
	    "agenda_items WHERE minutes LIKE '%Penhaligon%'");
	client_free(&member);
	client_free(&staff);
}

/* Survey free text and the themes it is coded into are read and printed
 * too: the same check, the same box. */
static void
names_are_refused_in_survey_answers_and_themes(void **state)
{
	struct client	 staff, anyone;
	struct reply	 r;
	char		 path[192], body[512], token[128];
	const char	*at;
	long long	 survey;
	size_t		 i;
	static const struct {
		const char	*lang, *said, *summary;
	} by_question[] = {
		{ "en", "Question 1, \u201cWhat one thing would make reporting "
		    "here easier?\u201d: The answer seems to contain",
		    "<a href=\"#q1-input\">Question 1, " },
		/* The question, written in English, marked so. */
		{ "cy", "Cwestiwn 1, \u201c<span lang=\"en\">What one thing "
		    "would make reporting here easier?</span>\u201d: Mae&#39;n "
		    "ymddangos bod yr ateb yn cynnwys",
		    "<a href=\"#q1-input\">Cwestiwn 1, " },
	};

	(void)state;
	as(&staff, "coordinator.westvale");
	survey = db_scalar(&srv, "SELECT id FROM surveys WHERE title LIKE "
	    "'What should reception%'");
	snprintf(path, sizeof(path), "/surveys/%lld", survey);
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_non_null(at = strstr(r.body, "/answer?t="));
	snprintf(token, sizeof(token), "%.*s", (int)strcspn(at + 10, "\"<&"),
	    at + 10);
	reply_free(&r);
	client_init(&anyone, &srv);
	snprintf(path, sizeof(path), "/answer?t=%s", token);
	assert_int_equal(http_get(&anyone, path, &r), 200);
	reply_free(&r);
	snprintf(body, sizeof(body), "t=%s&q1=%s+was+rude&consent=1", token,
	    NAMED);
	refused_for_names(&anyone, path, body, "SELECT count(*) FROM "
	    "survey_responses");
	/* Named by its question, as the answer's other errors are, the
	 * summary linking to its box; in the reader's language. */
	for (i = 0; i < sizeof(by_question) / sizeof(by_question[0]); i++) {
		snprintf(path, sizeof(path), "/answer?t=%s&lang=%s", token,
		    by_question[i].lang);
		submit_expect(&anyone, path, body, 422, &r);
		assert_error_beside(r.body, "q1", by_question[i].said);
		assert_contains(r.body, by_question[i].summary);
		reply_free(&r);
	}
	snprintf(body, sizeof(body), "t=%s&q1=%s+was+rude&consent=1"
	    "&no_names=1", token, NAMED);
	post_expect(&anyone, "/answer", body, 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/surveys/%lld/themes", survey);
	snprintf(body, sizeof(body), "theme=Mr+Penhaligon&response=%lld"
	    "&question=%lld", db_scalar(&srv, "SELECT min(response_id) FROM "
	    "survey_answers"), db_scalar(&srv, "SELECT min(question_id) FROM "
	    "survey_answers"));
	refused_for_names(&staff, path, body, "SELECT count(*) FROM "
	    "survey_themes");
	client_free(&staff);
	client_free(&anyone);
}

/* A date column of one row in words, as a member should read it; the ISO
 * form into iso. */
static void
words_of(const char *column, const char *table, long long id,
    char iso[DATE_CHARS + 1], char words[DATE_WORDS_CHARS + 1])
{
	char	 sql[192], *day;

	snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE id = %lld",
	    column, table, id);
	assert_non_null(day = db_text(&srv, sql));
	snprintf(iso, DATE_CHARS + 1, "%.10s", day);
	free(day);
	date_words(iso, words, NULL);
	assert_true(words[0] != '\0');
}

/* The poster on the wing notice board carries the dates the page shows,
 * sent, answered and done, in words, and so does the page. */
static void
the_poster_gives_its_dates_in_words(void **state)
{
	struct client	 staff;
	struct reply	 r;
	char		 iso[3][DATE_CHARS + 1], words[3][DATE_WORDS_CHARS + 1];
	char		 want[DATE_WORDS_CHARS * 3 + 64], sql[256], *text;
	long long	 proposal, action;

	(void)state;
	as(&staff, "coordinator.fenwick");
	proposal = db_scalar(&srv, "SELECT min(proposal_id) FROM actions a "
	    "JOIN accounts o ON o.id = a.owner_id WHERE a.closed_on IS NULL "
	    "AND o.username = 'coordinator.fenwick'");
	action = db_scalar(&srv, "SELECT min(id) FROM actions WHERE "
	    "closed_on IS NULL AND proposal_id = (SELECT min(proposal_id) "
	    "FROM actions a JOIN accounts o ON o.id = a.owner_id WHERE "
	    "a.closed_on IS NULL AND o.username = 'coordinator.fenwick')");
	snprintf(want, sizeof(want), "/actions/%lld/close", action);
	submit_expect(&staff, want, "evidence=New+urns+fitted&no_names=1",
	    303, &r);
	reply_free(&r);
	/* A sheet holds what fits with the line saying how many more: the
	 * group's other answers made older, so this one leads it. */
	snprintf(sql, sizeof(sql), "UPDATE responses SET responded_on = "
	    "'2026-01-02' WHERE proposal_id <> %lld AND proposal_id IN "
	    "(SELECT id FROM proposals WHERE group_id = 1)", proposal);
	assert_int_equal(db_write(&srv, sql), 0);
	words_of("submitted_on", "proposals", proposal, iso[0], words[0]);
	words_of("(SELECT max(responded_on) FROM responses WHERE proposal_id "
	    "= proposals.id)", "proposals", proposal, iso[1], words[1]);
	words_of("(SELECT max(closed_on) FROM actions WHERE proposal_id = "
	    "proposals.id)", "proposals", proposal, iso[2], words[2]);
	snprintf(want, sizeof(want), "Sent %s, answered %s, done %s",
	    words[0], words[1], words[2]);
	assert_int_equal(http_get(&staff, "/groups/1/you-said-we-did.pdf",
	    &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, want);
	assert_lacks(text, iso[0]);
	assert_lacks(text, iso[2]);
	free(text);
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/groups/1/you-said-we-did", &r),
	    200);
	assert_contains(r.body, want);
	assert_lacks(r.body, iso[0]);
	reply_free(&r);
	/* The letter that went with it, too. */
	snprintf(want, sizeof(want), "/proposals/%lld/letter.pdf", proposal);
	assert_int_equal(http_get(&staff, want, &r), 200);
	text = pdf_text(&srv, &r);
	snprintf(want, sizeof(want), "Sent on:  %s", words[0]);
	assert_contains(text, want);
	assert_lacks(text, iso[0]);
	free(text);
	reply_free(&r);
	client_free(&staff);
}

/* Agenda position of the first item whose title contains text, or 0. */
static long long
agenda_at(long long meeting, const char *text)
{
	char	 sql[256];

	snprintf(sql, sizeof(sql), "SELECT ifnull(min(position), 0) FROM "
	    "agenda_items WHERE meeting_id = %lld AND title LIKE '%%%s%%'",
	    meeting, text);
	return db_scalar(&srv, sql);
}

/*
 * The monthly one-to-one of the forum chair and the governor: no quorum
 * against the whole group, no standing items; the agenda is what awaits
 * the governor's answer, overdue first; an answer given there links to
 * the meeting.  And a decision maker who chairs a council is not counted
 * among its members.
 */
static void
a_one_to_one_is_a_meeting_of_its_own(void **state)
{
	struct client	 member, staff, governor, westvale;
	struct reply	 r;
	char		 path[96], body[256], today[DATE_CHARS + 1];
	long long	 gov, fresh, meeting, overdue, council;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	as(&governor, "governor.fenwick");
	date_today(time(NULL), today);
	gov = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'governor.fenwick'");
	overdue = db_scalar(&srv, "SELECT min(id) FROM proposals WHERE state "
	    "= 'submitted' AND decision_maker_id = (SELECT id FROM accounts "
	    "WHERE username = 'governor.fenwick') AND due_on < "
	    "CAST(CURRENT_DATE AS TEXT)");
	assert_true(overdue > 0);
	/* One more for the governor, due well after today. */
	fresh = submit_created(&member, "/groups/1/proposals/new", "title="
	    "Library+on+Sundays&problem=The+library+is+shut+at+weekends"
	    "&options=Open+it+on+Sundays&decider_text=the+governor",
	    "/proposals/");
	snprintf(path, sizeof(path), "/proposals/%lld/vote", fresh);
	snprintf(body, sizeof(body), "outcome=agree&decided_on=%s"
	    "&consensus=1", today);
	submit_expect(&member, path, body, 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/proposals/%lld/submit", fresh);
	snprintf(body, sizeof(body), "decision_maker_id=%lld", gov);
	submit_expect(&staff, path, body, 303, &r);
	reply_free(&r);

	snprintf(body, sizeof(body), "kind=one_to_one&held_on=%s&starts_at="
	    "10:00&place=Governor%%27s+office&invited_id=%lld", today, gov);
	meeting = submit_created(&staff, "/groups/1/meetings/new", body,
	    "/meetings/");
	assert_int_equal(agenda_at(meeting, "Welcome and apologies"), 0);
	assert_int_equal(agenda_at(meeting, "Pension advice every month"), 1);
	assert_int_equal(agenda_at(meeting, "Library on Sundays"), 2);
	snprintf(path, sizeof(path), "/meetings/%lld", meeting);
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_lacks(r.body, "Not quorate");
	assert_lacks(r.body, "needed.");
	reply_free(&r);

	/* The governor answers at the meeting: the answer links to it. */
	snprintf(path, sizeof(path), "/proposals/%lld/respond", fresh);
	snprintf(body, sizeof(body), "kind=accepted&meeting_id=%lld", meeting);
	submit_expect(&governor, path, body, 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "SELECT count(*) FROM responses WHERE "
	    "proposal_id = %lld AND meeting_id = %lld", fresh, meeting);
	assert_int_equal(db_scalar(&srv, path), 1);
	snprintf(path, sizeof(path), "/proposals/%lld", fresh);
	assert_int_equal(http_get(&member, path, &r), 200);
	snprintf(body, sizeof(body), "href=\"/meetings/%lld\"", meeting);
	assert_contains(r.body, body);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld", meeting);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Library on Sundays: accepted");
	reply_free(&r);

	/* Westvale's council: four members, one of them a decision maker. */
	as(&westvale, "coordinator.westvale");
	council = db_scalar(&srv, "SELECT id FROM groups WHERE kind = "
	    "'council'");
	snprintf(path, sizeof(path), "/groups/%lld/meetings/new", council);
	snprintf(body, sizeof(body), "kind=council&held_on=%s&starts_at=18:00"
	    "&place=Hall", today);
	meeting = submit_created(&westvale, path, body, "/meetings/");
	snprintf(path, sizeof(path), "/meetings/%lld", meeting);
	assert_int_equal(http_get(&westvale, path, &r), 200);
	assert_contains(r.body, "of 3 members needed for quorum");
	reply_free(&r);
	client_free(&member);
	client_free(&staff);
	client_free(&governor);
	client_free(&westvale);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_are_refused_in_every_text_members_see),
		cmocka_unit_test(names_are_refused_in_survey_answers_and_themes),
		cmocka_unit_test(the_poster_gives_its_dates_in_words),
		cmocka_unit_test(a_one_to_one_is_a_meeting_of_its_own),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
