/*
 * Surveys' results: suppressed wherever a count is small, so that no
 * small place gives anyone away; and event votes recorded, with their
 * turnout against the group's members.
 */
#include "surveys_test.h"

/* No count from 1 to 4 anywhere in the results' JSON. */
static void
no_small_numbers(const json_t *v)
{
	const char	*key;
	json_t		*x;
	size_t		 i;

	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, x) {
			if ((strcmp(key, "shown") == 0 || strcmp(key, "total") ==
			    0 || strcmp(key, "answered") == 0 || strcmp(key,
			    "others") == 0 || strcmp(key, "complete") == 0 ||
			    strcmp(key, "n") == 0 || strcmp(key, "responses") ==
			    0) && json_is_integer(x))
				assert_false(json_integer_value(x) > 0 &&
				    json_integer_value(x) < 5);
			no_small_numbers(x);
		}
	} else if (json_is_array(v))
		json_array_foreach(v, i, x)
			no_small_numbers(x);
}

static void
results_are_suppressed(void **state)
{
	struct client	 c;
	struct reply	 r;
	json_t		*v;
	const char	*by[] = { "", "place", "q8" };
	char		 path[96], *text;
	long long	 age_q;
	size_t		 i;

	(void)state;
	age_q = scalar("SELECT q.id FROM survey_questions q JOIN survey_versions "
	    "v ON v.id = q.version_id WHERE v.survey_id = %lld AND q.item_key = "
	    "'age'", 1);
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/surveys/1/results?by=place", &r), 200);
	assert_contains(r.body, "fewer than 5");
	assert_contains(r.body, "hidden");
	assert_contains(r.body, "UCLA three-item loneliness scale");
	assert_contains(r.body, "Counted as lonely");
	assert_contains(r.body, "<svg");
	assert_lacks(r.body, "style=");
	assert_lacks(r.body, "<script>");
	reply_free(&r);
	/* Members see results but not the responses themselves. */
	assert_int_equal(http_get(&c, "/surveys/1/responses.csv", &r), 403);
	reply_free(&r);
	c.json = 1;
	for (i = 0; i < 3; i++) {
		if (i == 2)
			snprintf(path, sizeof(path), "/surveys/1/results?by=q%lld",
			    age_q);
		else
			snprintf(path, sizeof(path), "/surveys/1/results?by=%s",
			    by[i]);
		assert_int_equal(http_get(&c, path, &r), 200);
		assert_non_null(v = json_loads(r.body, 0, NULL));
		assert_int_equal(json_integer_value(json_object_get(v,
		    "responses")), 46);
		no_small_numbers(v);
		json_decref(v);
		reply_free(&r);
	}
	c.json = 0;
	/* The printable summary carries the same numbers and charts. */
	assert_int_equal(http_get(&c, "/surveys/1/results.pdf", &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "UCLA three-item loneliness scale");
	assert_contains(text, "fewer than 5");
	/* A chart's title is never cut: whole under the question's
	 * heading and again over its chart. */
	assert_true(occurrences(text, "How often do you feel that you lack "
	    "companionship?") >= 2);
	assert_lacks(text, "...");
	free(text);
	reply_free(&r);
	client_free(&c);
}

/*
 * The summary in large print (issue 20): its charts are set in the
 * document's type, so nothing in it is under 16 pt (drawn and scaled,
 * their labels were about 9 pt), and a Welsh question's title, longer
 * than the 40 characters a chart once had room for, is whole over its
 * chart as under its heading.
 */
static void
results_print_large(void **state)
{
	static const char	 welsh[] = "Pa mor aml ydych chi'n teimlo nad "
				    "oes gennych gwmn\xc3\xaf" "aeth?";
	struct client		 c;
	struct reply		 r;
	char			*text;
	long			 least;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/surveys/1/results.pdf?large=1&lang=cy",
	    &r), 200);
	least = pdf_smallest_font(&srv, &r);
	if (least < 16)
		print_error("smallest text %ld pt\n", least);
	assert_true(least >= 16);
	text = pdf_text(&srv, &r);
	assert_true(occurrences(text, welsh) >= 2);
	assert_lacks(text, "...");
	free(text);
	reply_free(&r);
	client_free(&c);
}

/* A survey of the forum's, opened, with questions single-choice
 * questions of choices choices each ("Question qN", "qN choice C"),
 * answered in full by six interviews; its id. */
static long long
survey_of(int questions, int choices)
{
	struct client	 member, staff, rep;
	struct reply	 r;
	char		 path[96], body[512];
	long long	 id, unit = scalar("SELECT min(id) FROM units WHERE "
			    "site_id = %lld", 1);
	int		 q, k, n;
	size_t		 len;

	as(&member, "member.forum");
	id = submit_created(&member, "/groups/1/surveys/new", "title=Kept+"
	    "whole&intro=Charts&consent=Anonymous+answers", "/surveys/");
	snprintf(path, sizeof(path), "/surveys/%lld/questions/new", id);
	for (q = 1; q <= questions; q++) {
		len = (size_t)snprintf(body, sizeof(body), "prompt=Question+"
		    "q%d&kind=single&required=1&choices=", q);
		for (k = 1; k <= choices; k++)
			len += (size_t)snprintf(body + len, sizeof(body) - len,
			    "%sq%d+choice+%d", k > 1 ? "%0A" : "", q, k);
		submit_expect(&member, path, body, 303, &r);
		reply_free(&r);
	}
	client_free(&member);
	as(&staff, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/surveys/%lld/open", id);
	post_expect(&staff, path, "", 303, &r);
	reply_free(&r);
	client_free(&staff);
	as(&rep, "rep.fenwick");
	snprintf(path, sizeof(path), "/surveys/%lld/interview", id);
	for (n = 0; n < 6; n++) {
		len = (size_t)snprintf(body, sizeof(body), "place=%lld&consent=1",
		    unit);
		for (q = 1; q <= questions; q++)
			len += (size_t)snprintf(body + len, sizeof(body) - len,
			    "&q%d=q%d+choice+%d", q, q, 1 + (n + q) % choices);
		submit_expect(&rep, path, body, 303, &r);
		reply_free(&r);
	}
	client_free(&rep);
	return id;
}

/* The page (from 0) of pages[0..n) that the i-th (from 0) occurrence of
 * what is on, or -1. */
static long
page_of(char **pages, long n, const char *what, int i)
{
	const char	*at;
	long		 p;

	for (p = 0; p < n; p++)
		for (at = pages[p]; (at = strstr(at, what)) != NULL; at++)
			if (i-- == 0)
				return p;
	return -1;
}

/*
 * In large print a chart is never split across pages, nor a question's
 * heading left at the foot of one: surveys of 5 questions with 2 to 7
 * choices each put their charts and headings at every height of a
 * page, and in each PDF every heading, its count ("Answered") and its
 * chart's title and bars are on one page.
 */
static void
results_large_keep_charts_whole(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], what[48], *pages[32];
	long		 n, p, title, heading;
	long long	 id;
	int		 choices, q, k, split = 0;

	(void)state;
	for (choices = 2; choices <= 7; choices++) {
		id = survey_of(5, choices);
		as(&c, "member.forum");
		snprintf(path, sizeof(path), "/surveys/%lld/results.pdf?large=1&"
		    "lang=en", id);
		assert_int_equal(http_get(&c, path, &r), 200);
		n = pdf_pages(&srv, &r);
		assert_true(n >= 2 && n <= 32);
		for (p = 0; p < n; p++)
			assert_non_null(pages[p] = pdf_page_text(&srv, &r,
			    p + 1));
		for (q = 1; q <= 5; q++) {
			/* The prompt: first the heading, then the chart's
			 * title; the heading's row follows it on its page. */
			snprintf(what, sizeof(what), "%d. Question q%d", q, q);
			heading = page_of(pages, n, what, 0);
			assert_true(heading >= 0);
			assert_non_null(strstr(strstr(pages[heading], what),
			    "Answered"));
			snprintf(what, sizeof(what), "Question q%d", q);
			title = page_of(pages, n, what, 1);
			assert_true(title >= 0);
			assert_int_equal(title, heading);
			split += q > 1 && heading > page_of(pages, n,
			    "Question q1", 1);
			/* Each choice: first its bar, then its row. */
			for (k = 1; k <= choices; k++) {
				snprintf(what, sizeof(what), "q%d choice %d", q,
				    k);
				if (page_of(pages, n, what, 0) != title)
					print_error("%d choices: q%d's bar %d "
					    "not on its title's page %ld\n",
					    choices, q, k, title + 1);
				assert_int_equal(page_of(pages, n, what, 0),
				    title);
			}
		}
		for (p = 0; p < n; p++)
			free(pages[p]);
		reply_free(&r);
		client_free(&c);
	}
	/* Some question did start a later page. */
	assert_true(split > 0);
}

/* Hidden among a line's counts: one alone is a subtraction away. */
static size_t
hidden_in(const json_t *rows, size_t from, size_t to)
{
	size_t	 i, n = 0;

	for (i = from; i < to; i++)
		n += json_is_string(json_object_get(json_array_get(rows, i),
		    "shown"));
	return n;
}

/*
 * The review's findings on the loneliness survey (D wing has 3
 * responses): zeros beside "fewer than 5" told how each man answered;
 * "counted as lonely" and "others" gave hidden scores away; the exports
 * named D wing on each of its 3 rows; the PDF had no breakdown.
 */
static void
small_places_give_nothing_away(void **state)
{
	struct client	 c;
	struct reply	 r;
	json_t		*v, *q, *row, *cell, *ucla, *dist, *l;
	size_t		 i, j, k, small_rows = 0;
	char		*text;

	(void)state;
	as(&c, "member.forum");
	c.json = 1;
	assert_int_equal(http_get(&c, "/surveys/1/results?by=place", &r), 200);
	assert_non_null(v = json_loads(r.body, 0, NULL));
	reply_free(&r);
	json_array_foreach(json_object_get(v, "questions"), i, q)
		json_array_foreach(json_object_get(q, "breakdown"), j, row) {
			if (!json_is_string(json_object_get(row, "total")) ||
			    strncmp(json_string_value(json_object_get(row,
			    "total")), "fewer", 5) != 0)
				continue;
			small_rows++;
			/* Only a 0 under an answer nobody gave anywhere (its
			 * total a shown 0) may read as a number. */
			json_array_foreach(json_object_get(row, "cells"), k,
			    cell)
				if (json_is_integer(json_object_get(cell,
				    "shown"))) {
					json_t *col = json_object_get(
					    json_array_get(json_object_get(q,
					    "rows"), k), "shown");

					assert_int_equal(json_integer_value(
					    json_object_get(cell, "shown")), 0);
					assert_true(json_is_integer(col) &&
					    json_integer_value(col) == 0);
				}
		}
	assert_true(small_rows > 0);
	/* Scores 3-5 add up to "others", 6-9 to "counted as lonely". */
	ucla = json_array_get(json_object_get(v, "instruments"), 0);
	dist = json_object_get(ucla, "distribution");
	l = json_object_get(ucla, "lonely");
	assert_int_equal(json_array_size(dist), 7);
	if (json_is_integer(json_object_get(l, "others")))
		assert_int_not_equal(hidden_in(dist, 0, 3), 1);
	if (json_is_integer(json_object_get(l, "shown")))
		assert_int_not_equal(hidden_in(dist, 3, 7), 1);
	json_decref(v);
	client_free(&c);

	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/surveys/1/responses.csv", &r), 200);
	assert_contains(r.body, "A wing");
	assert_lacks(r.body, "D wing");
	assert_contains(r.body, "\"Paper copy\"");
	assert_lacks(r.body, "\"paper\"");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/surveys/1/responses.xlsx", &r), 200);
	assert_non_null(text = xlsx_text(&srv, &r));
	assert_contains(text, "A wing");
	assert_lacks(text, "D wing");
	free(text);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/surveys/1/results.pdf", &r), 200);
	assert_non_null(text = pdf_text(&srv, &r));
	assert_contains(text, "Broken down by: Place");
	assert_contains(text, "A wing");
	assert_contains(text, "D wing");
	free(text);
	reply_free(&r);
	/* In Welsh: the headers and our words; the wings as the site named
	 * them. */
	assert_int_equal(http_get(&c, "/surveys/1/responses.csv?lang=cy", &r),
	    200);
	assert_contains(r.body, "\"Ymateb\",\"Sianel\",\"Lle\"");
	assert_contains(r.body, "A wing");
	assert_lacks(r.body, "\"Response\"");
	/* The way each came in, and a published instrument's answers, in
	 * words as the evidence report has them. */
	assert_contains(r.body, "\"Copi papur\"");
	assert_contains(r.body, "\"Cyfweliad\"");
	assert_lacks(r.body, "\"paper\"");
	assert_lacks(r.body, "\"interview\"");
	assert_contains(r.body, "Rhywfaint o'r amser");
	assert_lacks(r.body, "Some of the time");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/surveys/1/responses.xlsx", &r), 200);
	assert_non_null(text = xlsx_text(&srv, &r));
	assert_contains(text, "Copi papur");
	assert_contains(text, "Rhywfaint o'r amser");
	assert_lacks(text, "interview");
	assert_lacks(text, "Some of the time");
	free(text);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/surveys/1/results.pdf?lang=cy", &r),
	    200);
	assert_non_null(text = pdf_text(&srv, &r));
	assert_contains(text, "Ymatebion");
	assert_contains(text, "Wedi'i rannu yn ôl: Lle");
	assert_contains(text, "Tudalen 1");
	assert_contains(text, "D wing");
	assert_lacks(text, "Responses");
	assert_lacks(text, "Broken down by");
	assert_lacks(text, "Answered");
	free(text);
	reply_free(&r);
	/* The page: the breakdown's choices and the charts' labels. */
	assert_int_equal(http_get(&c, "/surveys/1/results?lang=cy", &r), 200);
	assert_contains(r.body, "<option value=\"place\">Lle</option>");
	assert_lacks(r.body, ">Place</option>");
	assert_contains(r.body, "role=\"img\" aria-label=\"");
	reply_free(&r);
	client_free(&c);
}

static void
event_votes_are_recorded(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96];
	long long	 id;

	(void)state;
	as(&c, "member.forum");
	submit_expect(&c, "/groups/1/event-votes/new", "title=Open+day&held_on="
	    "2026-05-01&method=hands&options=Only+one", 422, &r);
	assert_contains(r.body, "Give from 2 to 8 options");
	reply_free(&r);
	id = submit_created(&c, "/groups/1/event-votes/new", "title=Open+day"
	    "&held_on=2026-05-01&method=hands&options=Music%0AFood%0AGames",
	    "/event-votes/");
	snprintf(path, sizeof(path), "/event-votes/%lld/counts", id);
	post_expect(&c, path, "votes_1=12&votes_2=x&votes_3=4", 422, &r);
	assert_contains(r.body, "Votes for Food");
	reply_free(&r);
	post_expect(&c, path, "votes_1=12&votes_2=20&votes_3=4", 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/event-votes/%lld/publish", id);
	assert_int_equal(http_post(&c, path, "", 1, &r), 403);	/* staff */
	reply_free(&r);
	client_free(&c);
	as(&c, "coordinator.fenwick");
	post_expect(&c, path, "", 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/event-votes/%lld", id);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Result published");
	assert_contains(r.body, "Turnout: 36 votes");
	reply_free(&r);
	/* Published: the counts no longer change. */
	snprintf(path, sizeof(path), "/event-votes/%lld/counts", id);
	post_expect(&c, path, "votes_1=99&votes_2=0&votes_3=0", 409, &r);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(scalar("SELECT count(*) FROM audit WHERE entity = "
	    "'event_vote' AND entity_id = %lld", id), 3);
	assert_int_equal(scalar("SELECT votes FROM event_vote_options WHERE "
	    "vote_id = %lld AND position = 2", id), 20);
}

/* A published vote shows its turnout against the group's members on the
 * day; below the threshold a member reads "fewer than 5", staff the
 * number. */
static void
event_votes_show_their_turnout(void **state)
{
	struct client	 member, staff;
	struct reply	 r;
	char		 path[96], body[160], today[DATE_CHARS + 1], want[96];
	long long	 id, members;

	(void)state;
	date_today(time(NULL), today);
	members = scalar("SELECT count(*) FROM memberships WHERE group_id = "
	    "%lld AND from_on <= CAST(CURRENT_DATE AS TEXT) AND (to_on IS "
	    "NULL OR to_on >= CAST(CURRENT_DATE AS TEXT))", 1);
	assert_true(members >= 5);
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	snprintf(body, sizeof(body), "title=Quiz+night&held_on=%s&method=hands"
	    "&options=Yes%%0ANo", today);
	id = submit_created(&member, "/groups/1/event-votes/new", body,
	    "/event-votes/");
	snprintf(path, sizeof(path), "/event-votes/%lld/counts", id);
	post_expect(&member, path, "votes_1=2&votes_2=1", 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/event-votes/%lld/publish", id);
	post_expect(&staff, path, "", 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/event-votes/%lld", id);
	assert_int_equal(http_get(&staff, path, &r), 200);
	snprintf(want, sizeof(want), "Turnout: 3 votes from the %lld members "
	    "of the group (%lld%%)", members, (3 * 100 + members / 2) / members);
	assert_contains(r.body, want);
	reply_free(&r);
	assert_int_equal(http_get(&member, path, &r), 200);
	snprintf(want, sizeof(want), "Turnout: fewer than 5 votes from the "
	    "%lld members of the group", members);
	assert_contains(r.body, want);
	assert_lacks(r.body, "3 votes");
	reply_free(&r);
	client_free(&member);
	client_free(&staff);
}

/* Staff are given the anonymous link in words, its address in a box to
 * copy: a screen reader says the words, not a token. */
static void
the_survey_link_is_given_in_words(void **state)
{
	struct client	 c;
	struct reply	 r;

	char		 path[64];
	long long	 open = db_scalar(&srv, "SELECT id FROM surveys WHERE "
	    "title LIKE 'What should reception%'");

	(void)state;
	as(&c, "coordinator.westvale");	/* Westvale's survey is open */
	snprintf(path, sizeof(path), "/surveys/%lld", open);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "\">The survey&#39;s link for members to "
	    "answer</a>");
	assert_lacks(r.body, "\">/answer?t=");
	assert_contains(r.body, "<label class=\"govuk-label\" "
	    "for=\"survey-address\">The link&#39;s address, to copy and send");
	assert_contains(r.body, "readonly");
	reply_free(&r);
	snprintf(path, sizeof(path), "/surveys/%lld?lang=cy", open);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "\">Dolen yr arolwg i aelodau ei hateb</a>");
	assert_lacks(r.body, "\">/answer?t=");
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_survey_link_is_given_in_words),
		cmocka_unit_test(results_are_suppressed),
		cmocka_unit_test(results_print_large),
		cmocka_unit_test(results_large_keep_charts_whole),
		cmocka_unit_test(small_places_give_nothing_away),
		cmocka_unit_test(event_votes_are_recorded),
		cmocka_unit_test(event_votes_show_their_turnout),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
