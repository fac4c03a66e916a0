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

	(void)state;
	if (server_prepare(&srv, NULL) == -1)
		return -1;
	if (server_passwords(&srv, users, PW) == -1)
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
	assert_contains(r.body, "I have checked: it names no one");
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
	char	 sql[192];

	snprintf(sql, sizeof(sql), "SELECT strftime('%%s', %s) FROM %s WHERE "
	    "id = %lld", column, table, id);
	date_today((time_t)db_scalar(&srv, sql), iso);
	date_words(iso, words);
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
	char		 want[128], *text;
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
	client_free(&staff);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_are_refused_in_every_text_members_see),
		cmocka_unit_test(names_are_refused_in_survey_answers_and_themes),
		cmocka_unit_test(the_poster_gives_its_dates_in_words),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
