/*
 * Surveys end to end: building one with skip logic and an instrument,
 * versions once answers exist, answering by link, kiosk and paper (with
 * double entry), suppressed results, the printable questionnaire and
 * summary, exports, themes becoming issues, and event votes.
 */
#include <jansson.h>

#define PW	"survey-test-password"
#include "http_test.h"
#include "util/date.h"

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum",
	    "coordinator.fenwick", "rep.fenwick", "viewer", NULL };

	(void)state;
	if (server_prepare(&srv, NULL) == -1 ||
	    server_passwords(&srv, users, PW) == -1)
		return -1;
	return server_launch(&srv);
}

/* One integer from the database: fmt's %lld filled with id. */
#define scalar(fmt, id)	db_scalar_id(&srv, fmt, id)

/* The survey's anonymous link token, read from the database. */
static char *
token_of(long long survey)
{
	char	 sql[96], *out;

	snprintf(sql, sizeof(sql), "SELECT token FROM surveys WHERE id = %lld",
	    survey);
	assert_non_null(out = db_text(&srv, sql));
	return out;
}

/* A survey of the Over-50s Forum built by a member and staff: a skip
 * question, a follow-up, free text and the UCLA scale. */
static long long
survey_built(void)
{
	struct client	 c;
	struct reply	 r;
	long long	 id;
	char		 path[96];

	as(&c, "member.forum");
	/* A missing title is named; nothing is stored. */
	submit_expect(&c, "/groups/1/surveys/new", "title=&intro=Why&consent="
	    "Anonymous", 422, &r);
	assert_contains(r.body, "Title");
	reply_free(&r);
	id = submit_created(&c, "/groups/1/surveys/new", "title=Wing+life"
	    "&intro=We+ask+about+wing+life&consent=Anonymous+answers",
	    "/surveys/");
	snprintf(path, sizeof(path), "/surveys/%lld/questions/new", id);
	/* Skips go forward only. */
	submit_expect(&c, path, "prompt=Any+activities%3F&kind=single&choices="
	    "Yes%0ANo&required=1&skip_answer=No&skip_to=1", 422, &r);
	assert_contains(r.body, "forward");
	reply_free(&r);
	submit_expect(&c, path, "prompt=Any+activities%3F&kind=single&choices="
	    "Just+one", 422, &r);
	assert_contains(r.body, "Give from 2 to 12 choices");
	reply_free(&r);
	submit_expect(&c, path, "prompt=Any+activities%3F&kind=single&choices="
	    "Yes%0ANo&required=1&skip_answer=No&skip_to=3", 303, &r);
	reply_free(&r);
	submit_expect(&c, path, "prompt=Which+ones%3F&kind=multiple&choices="
	    "Gym%0ALibrary&required=1", 303, &r);
	reply_free(&r);
	submit_expect(&c, path, "prompt=Anything+else%3F&kind=text", 303, &r);
	reply_free(&r);
	/* An instrument not on the list comes back as its form, the error
	 * beside the list, in the reader's language. */
	snprintf(path, sizeof(path), "/surveys/%lld/instruments?lang=en", id);
	assert_int_equal(http_get(&c, path, &r), 200);
	reply_free(&r);
	post_expect(&c, path, "instrument=nope", 422, &r);
	assert_error_beside(r.body, "instrument", "Select set of tested "
	    "questions from the list");
	reply_free(&r);
	snprintf(path, sizeof(path), "/surveys/%lld/instruments?lang=cy", id);
	post_expect(&c, path, "instrument=", 422, &r);
	assert_error_beside(r.body, "instrument", "Set o gwestiynau wedi&#39;u "
	    "profi: dewiswch un");
	reply_free(&r);
	snprintf(path, sizeof(path), "/surveys/%lld/instruments?lang=en", id);
	post_expect(&c, path, "instrument=ucla3", 303, &r);
	reply_free(&r);
	/* Members build; staff open. */
	snprintf(path, sizeof(path), "/surveys/%lld/open", id);
	assert_int_equal(http_post(&c, path, "", 1, &r), 403);
	reply_free(&r);
	client_free(&c);
	as(&c, "coordinator.fenwick");
	post_expect(&c, path, "", 303, &r);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(scalar("SELECT count(*) FROM survey_questions q JOIN "
	    "survey_versions v ON v.id = q.version_id WHERE v.survey_id = %lld",
	    id), 6);
	return id;
}

static long long built;

static void
skip_logic_and_versions(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*token, path[128];
	long long	 v1, v2;

	(void)state;
	built = survey_built();
	token = token_of(built);
	client_init(&c, &srv);	/* nobody signed in */
	snprintf(path, sizeof(path), "/answer?t=%s", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Any activities?");
	reply_free(&r);
	/* Question 2 is required, but "No" skips it: accepted, and an
	 * answer typed there anyway is not kept. */
	snprintf(path, sizeof(path), "t=%s&q1=No&q2=Gym&q4=Often&q5=Often&"
	    "q6=Often&consent=1", token);
	post_expect(&c, "/answer", path, 303, &r);
	assert_contains(r.location, "/answer/thanks");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM survey_answers a JOIN "
	    "survey_responses r ON r.id = a.response_id WHERE r.survey_id = "
	    "%lld", built), 4);
	/* "Yes" does not skip: question 2 is then required, by name. */
	snprintf(path, sizeof(path), "/answer?t=%s", token);
	http_get(&c, path, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "t=%s&q1=Yes&consent=1", token);
	post_expect(&c, "/answer", path, 422, &r);
	assert_contains(r.body, "href=\"#q2-1\"");
	reply_free(&r);
	/* No consent, no answer. */
	snprintf(path, sizeof(path), "t=%s&q1=No", token);
	post_expect(&c, "/answer", path, 422, &r);
	assert_contains(r.body, "Tick to say you agree");
	reply_free(&r);
	/* A bad token is not found. */
	assert_int_equal(http_get(&c, "/answer?t=nope", &r), 404);
	reply_free(&r);
	client_free(&c);

	/* Answers exist: a change makes version 2; the answer keeps 1. */
	v1 = scalar("SELECT max(id) FROM survey_versions WHERE survey_id = "
	    "%lld", built);
	as(&c, "member.forum");
	snprintf(path, sizeof(path), "/surveys/%lld/questions/new", built);
	submit_expect(&c, path, "prompt=Your+wing&kind=single&choices=A%0AB",
	    303, &r);
	reply_free(&r);
	/* Another change to version 2 (no answers yet) stays in it. */
	submit_expect(&c, path, "prompt=How+long+here&kind=number", 303, &r);
	reply_free(&r);
	client_free(&c);
	v2 = scalar("SELECT max(id) FROM survey_versions WHERE survey_id = "
	    "%lld", built);
	assert_true(v2 > v1);
	assert_int_equal(scalar("SELECT count(*) FROM survey_versions WHERE "
	    "survey_id = %lld", built), 2);
	assert_int_equal(scalar("SELECT count(*) FROM survey_questions WHERE "
	    "version_id = %lld", v1), 6);
	assert_int_equal(scalar("SELECT count(*) FROM survey_questions WHERE "
	    "version_id = %lld", v2), 8);
	assert_int_equal(scalar("SELECT count(*) FROM survey_responses WHERE "
	    "version_id = %lld", v1), 1);
	/* Results say which version they are of. */
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/surveys/%lld/results", built);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "to version 1 of the questions");
	reply_free(&r);
	client_free(&c);
	free(token);
}

/* The built survey's kiosk opened by a fresh client c (nobody signed
 * in, as on the shared laptop); its token, which the caller frees. */
static char *
kiosk_opened(struct client *c)
{
	struct reply	 r;
	char		*token = token_of(built), path[160];

	client_init(c, &srv);
	snprintf(path, sizeof(path), "/kiosk?t=%s", token);
	assert_int_equal(http_get(c, path, &r), 200);
	reply_free(&r);
	return token;
}

static void
kiosk_forgets_the_last_person(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*token, path[600];

	(void)state;
	token = kiosk_opened(&c);
	snprintf(path, sizeof(path), "t=%s&q1=Yes&q2=Library&q3=Private+"
	    "worry+seven&q4=Often&q5=Often&q6=Often&q7=B&consent=1", token);
	post_expect(&c, "/kiosk", path, 303, &r);
	assert_contains(r.location, "/kiosk?t=");
	assert_contains(r.location, "done=1");
	snprintf(path, sizeof(path), "%s", r.location);
	reply_free(&r);
	/* The next person's form is empty: nothing of the last answers. */
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "The next person can start now");
	assert_lacks(r.body, "Private worry seven");
	/* " checked " is the attribute; the no-names box says "checked:". */
	assert_lacks(r.body, " checked ");
	assert_contains(r.body, "autocomplete=\"off\"");
	reply_free(&r);
	/* Counted against version 2, anonymously. */
	assert_int_equal(scalar("SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = %lld AND channel = 'kiosk' AND interviewer_id IS NULL",
	    built), 1);
	client_free(&c);
	free(token);
}

/* A kiosk answer refused comes back with each error beside what it
 * concerns: the question it names (the list at the top names it too,
 * and links to its first box) and the consent box.  A control character
 * in free text is refused, not cleaned away, and the text comes back
 * as typed.  In Welsh, in Welsh. */
static void
kiosk_errors_stand_beside_their_questions(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*token, path[600];
	long long	 before;

	(void)state;
	before = scalar("SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = %lld", built);
	token = kiosk_opened(&c);
	snprintf(path, sizeof(path), "t=%s&q1=Yes&q3=Private%%07worry&q4="
	    "Often&q5=Often&q6=Often", token);
	assert_int_equal(http_post(&c, "/kiosk?lang=en", path, 1, &r), 422);
	assert_error_beside(r.body, "q2", "Question 2, \u201cWhich ones?"
	    "\u201d: Answer this question");
	assert_contains(r.body, "<a href=\"#q2-1\">Question 2, \u201cWhich "
	    "ones?\u201d: Answer this question</a>");
	assert_error_beside(r.body, "q3", "Question 3, \u201cAnything else?"
	    "\u201d: There is a hidden character in the answer that "
	    "cannot be saved; remove it");
	assert_contains(r.body, "<a href=\"#q3-input\">");
	assert_contains(r.body, ">Private\x07worry</textarea>");
	assert_error_beside(r.body, "consent", "Tick to say you agree");
	assert_contains(r.body, "<a href=\"#consent-input\">");
	reply_free(&r);
	assert_int_equal(http_post(&c, "/kiosk?lang=cy", path, 1, &r), 422);
	assert_error_beside(r.body, "q2", "Cwestiwn 2, \u201cWhich ones?"
	    "\u201d: Atebwch y cwestiwn hwn");
	assert_error_beside(r.body, "consent", "Ticiwch i ddweud eich bod yn "
	    "cytuno");
	assert_lacks(r.body, "Answer this question");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = %lld", built), before);
	client_free(&c);
	free(token);
}

static void
paper_copies_and_double_entry(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text, path[96], body[256], ref[32];
	long long	 before;

	(void)state;
	as(&c, "coordinator.fenwick");
	/* The demo's loneliness survey (1) is printed with its questions. */
	assert_int_equal(http_get(&c, "/surveys/1/paper.pdf?copies=2", &r),
	    200);
	assert_contains(r.content_type, "application/pdf");
	text = pdf_text(&srv, &r);
	assert_contains(text, "How often do you feel that you lack "
	    "companionship?");
	assert_contains(text, "How often do you feel lonely?");
	assert_contains(text, "go on to question 3");
	assert_contains(text, "S1-1");
	assert_contains(text, "S1-2");
	free(text);
	/* Each copy ends its page, the last one too: the document ends on
	 * the last copy's thanks, not on a blank page. */
	text = pdf_page_text(&srv, &r, 0);
	assert_contains(text, "Thank you. Please hand this back");
	free(text);
	reply_free(&r);
	/* In Welsh, the published instruments' section headings too. */
	assert_int_equal(http_get(&c, "/surveys/1/paper.pdf?lang=cy", &r),
	    200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Pa mor aml ydych chi'n teimlo...");
	assert_contains(text, "Teimlo'n unig");
	assert_lacks(text, "How often do you feel...");
	assert_lacks(text, "Feeling lonely");
	free(text);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/surveys/1/paper.pdf?lang=en", &r),
	    200);
	reply_free(&r);

	/* The survey built above asks for double entry?  Turn it on. */
	snprintf(path, sizeof(path), "/surveys/%lld/edit", built);
	submit_expect(&c, path, "title=Wing+life&intro=We+ask&consent=Anon&"
	    "double_entry=1", 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/surveys/%lld/paper.pdf", built);
	assert_int_equal(http_get(&c, path, &r), 200);
	text = pdf_text(&srv, &r);
	/* The reference is on the copy: S<survey>-1<letter>. */
	snprintf(ref, sizeof(ref), "S%lld-1", built);
	assert_contains(text, ref);
	snprintf(ref, sizeof(ref), "%s", strstr(text, ref));
	ref[strcspn(ref, " ")] = '\0';
	free(text);
	reply_free(&r);

	client_free(&c);
	as(&c, "rep.fenwick");
	snprintf(path, sizeof(path), "/surveys/%lld/paper-entry", built);
	before = scalar("SELECT count(*) FROM survey_responses WHERE survey_id "
	    "= %lld", built);
	/* A mistyped reference is refused by name. */
	submit_expect(&c, path, "reference=S9-9Z&q1=2", 422, &r);
	assert_contains(r.body, "href=\"#reference\"");
	reply_free(&r);
	/* Box numbers as on the paper: 1 Yes, 2 No. */
	snprintf(body, sizeof(body), "reference=%s&q1=1&q2=1+2&q4=3&q5=3&"
	    "q6=3", ref);
	submit_expect(&c, path, body, 303, &r);
	assert_contains(r.location, "state=waiting");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = %lld", built), before);
	/* A second entry that disagrees does not count either. */
	snprintf(body, sizeof(body), "reference=%s&q1=1&q2=1&q4=3&q5=3&q6=3",
	    ref);
	submit_expect(&c, path, body, 303, &r);
	assert_contains(r.location, "state=disagree");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = %lld", built), before);
	/* One that agrees with the first: counted, once. */
	snprintf(body, sizeof(body), "reference=%s&q1=1&q2=1+2&q4=3&q5=3&"
	    "q6=3", ref);
	submit_expect(&c, path, body, 303, &r);
	assert_contains(r.location, "state=counted");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = %lld AND channel = 'paper'", built), 1);
	assert_int_equal(scalar("SELECT count(*) FROM survey_answers a JOIN "
	    "survey_responses r ON r.id = a.response_id WHERE r.survey_id = "
	    "%lld AND r.channel = 'paper' AND a.value IN ('Gym', 'Library')",
	    built), 2);
	submit_expect(&c, path, body, 422, &r);
	assert_contains(r.body, "already been counted");
	reply_free(&r);
	client_free(&c);
}

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
	/* A chart's title, cut to fit: drawn only in the chart. */
	assert_contains(text, "How often do you feel that you lack comp...");
	free(text);
	reply_free(&r);
	client_free(&c);
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
exports_are_safe_and_valid(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*token, body[256], *text, path[96];

	(void)state;
	/* Someone answers with what a spreadsheet would run. */
	token = token_of(built);
	client_init(&c, &srv);
	snprintf(path, sizeof(path), "/answer?t=%s", token);
	http_get(&c, path, &r);
	reply_free(&r);
	snprintf(body, sizeof(body), "t=%s&q1=No&q3=%%3DHYPERLINK(%%22x%%22)"
	    "&consent=1", token);
	post_expect(&c, "/answer", body, 303, &r);
	reply_free(&r);
	client_free(&c);
	free(token);

	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/surveys/%lld/responses.csv?version=2",
	    built);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.content_type, "text/csv");
	assert_contains(r.body, "\"'=HYPERLINK(\"\"x\"\")\"");
	assert_contains(r.body, "Anything else?");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/surveys/1/responses.xlsx", &r), 200);
	assert_non_null(text = xlsx_text(&srv, &r));
	assert_contains(text, "<sheet name=\"Responses\"");
	assert_contains(text, "How often do you feel lonely?");
	assert_contains(text, "Often/always");
	free(text);
	reply_free(&r);
	client_free(&c);
}

static void
themes_become_issues(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], body[160];
	long long	 resp, q, theme, issues;

	(void)state;
	resp = scalar("SELECT min(a.response_id) FROM survey_answers a JOIN "
	    "survey_questions q ON q.id = a.question_id WHERE q.kind = 'text' "
	    "AND q.version_id = (SELECT min(id) FROM survey_versions WHERE "
	    "survey_id = %lld)", 1);
	q = scalar("SELECT min(a.question_id) FROM survey_answers a JOIN "
	    "survey_questions q ON q.id = a.question_id WHERE q.kind = 'text' "
	    "AND a.response_id = %lld", resp);
	as(&c, "coordinator.fenwick");
	submit_expect(&c, "/surveys/1/themes", "theme=&response=1&question=1",
	    422, &r);
	assert_contains(r.body, "Theme:");
	reply_free(&r);
	snprintf(body, sizeof(body), "theme=Evenings&response=%lld&question="
	    "%lld", resp, q);
	submit_expect(&c, "/surveys/1/themes", body, 303, &r);
	reply_free(&r);
	theme = scalar("SELECT id FROM survey_themes WHERE survey_id = %lld "
	    "AND name = 'Evenings'", 1);
	issues = scalar("SELECT count(*) FROM issues WHERE %lld = 1", 1);
	snprintf(path, sizeof(path), "/survey-themes/%lld/issue", theme);
	post_expect(&c, path, "", 303, &r);
	assert_contains(r.location, "/issues/");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM issues WHERE %lld = 1",
	    1), issues + 1);
	post_expect(&c, path, "", 409, &r);
	reply_free(&r);
	client_free(&c);
}

/* The k-th free-text answer of survey 1 as "response-question". */
static void
text_answer(int k, char *out, size_t sz)
{
	char		 sql[400];
	long long	 resp, q;
	static const char from[] = "FROM survey_answers a JOIN "
	    "survey_questions q ON q.id = a.question_id JOIN survey_responses "
	    "r ON r.id = a.response_id WHERE r.survey_id = 1 AND q.kind = "
	    "'text' ORDER BY q.position, a.response_id LIMIT 1 OFFSET";

	snprintf(sql, sizeof(sql), "SELECT a.response_id %s %d", from, k);
	resp = db_scalar(&srv, sql);
	snprintf(sql, sizeof(sql), "SELECT a.question_id %s %d", from, k);
	q = db_scalar(&srv, sql);
	assert_true(resp > 0 && q > 0);
	snprintf(out, sz, "%lld-%lld", resp, q);
}

/*
 * Several free-text answers are coded into one theme in one post.  A
 * pick that is not a pair of ids, or not an answer of this survey,
 * refuses the lot with the field named and stores nothing.
 */
static void
several_answers_are_coded_at_once(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 a[3][48], body[256], want[80];

	(void)state;
	as(&c, "coordinator.fenwick");
	text_answer(0, a[0], sizeof(a[0]));
	text_answer(1, a[1], sizeof(a[1]));
	text_answer(2, a[2], sizeof(a[2]));
	assert_int_equal(http_get(&c, "/surveys/1/themes", &r), 200);
	assert_contains(r.body, "name=\"pick\"");
	reply_free(&r);
	snprintf(body, sizeof(body), "theme=Family+visits&pick=%s&pick=x",
	    a[0]);
	post_expect(&c, "/surveys/1/themes", body, 422, &r);
	assert_contains(r.body, "href=\"#pick\"");
	reply_free(&r);
	snprintf(body, sizeof(body), "theme=Family+visits&pick=%s"
	    "&pick=999999-999999", a[0]);
	post_expect(&c, "/surveys/1/themes", body, 422, &r);
	assert_contains(r.body, "href=\"#pick\"");
	/* The form comes back as it was sent. */
	assert_contains(r.body, "value=\"Family visits\"");
	snprintf(want, sizeof(want), "value=\"%s\" checked", a[0]);
	assert_contains(r.body, want);
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM survey_themes WHERE "
	    "name = 'Family visits' AND %lld = 1", 1), 0);
	snprintf(body, sizeof(body), "theme=Family+visits&pick=%s&pick=%s"
	    "&pick=%s", a[0], a[1], a[2]);
	post_expect(&c, "/surveys/1/themes", body, 303, &r);
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM survey_answer_themes at "
	    "JOIN survey_themes t ON t.id = at.theme_id WHERE t.name = "
	    "'Family visits' AND %lld = 1", 1), 3);
	client_free(&c);
}

/* The answers of one page of /surveys/1/themes (path), counted into *n;
 * the next page's path goes to next ("" on the last page). */
static void
themes_page(struct client *c, const char *path, size_t *n, char *next,
    size_t size)
{
	struct reply	 r;
	json_t		*v, *answers, *paging;

	c->json = 1;
	assert_int_equal(http_get(c, path, &r), 200);
	c->json = 0;
	v = json_loads(r.body, 0, NULL);
	reply_free(&r);
	assert_non_null(v);
	answers = json_object_get(v, "answers");
	assert_true(json_array_size(answers) <= 25);	/* list_page_size */
	*n += json_array_size(answers);
	paging = json_object_get(v, "paging");
	snprintf(next, size, "%s", json_is_string(json_object_get(paging,
	    "next_href")) ? json_string_value(json_object_get(paging,
	    "next_href")) : "");
	json_decref(v);
}

/*
 * The answers to code are a bounded list like every other: 30 more typed
 * answers make several pages, each at most a page long, which together
 * hold every answer once.
 */
static void
answers_to_code_come_a_page_at_a_time(void **state)
{
	struct client	 c;
	char		 path[256];
	size_t		 n = 0, pages = 0;
	long long	 q, total;

	(void)state;
	q = scalar("SELECT min(q.id) FROM survey_questions q JOIN "
	    "survey_versions v ON v.id = q.version_id WHERE v.survey_id = "
	    "%lld AND q.kind = 'text'", 1);
	snprintf(path, sizeof(path), "WITH RECURSIVE n(i) AS (SELECT 1 UNION "
	    "ALL SELECT i + 1 FROM n WHERE i < 30) INSERT INTO "
	    "survey_responses (survey_id, version_id, channel, reference) "
	    "SELECT 1, (SELECT version_id FROM survey_questions WHERE id = "
	    "%lld), 'paper', 'typed-' || i FROM n", q);
	assert_int_equal(db_write(&srv, path), 0);
	snprintf(path, sizeof(path), "INSERT INTO survey_answers (response_id, "
	    "question_id, value) SELECT id, %lld, 'More evening classes' FROM "
	    "survey_responses WHERE reference LIKE 'typed-%%'", q);
	assert_int_equal(db_write(&srv, path), 0);
	total = scalar("SELECT count(*) FROM survey_answers a JOIN "
	    "survey_questions q ON q.id = a.question_id JOIN survey_responses "
	    "r ON r.id = a.response_id WHERE r.survey_id = %lld AND q.kind = "
	    "'text'", 1);
	assert_true(total > 25);
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/surveys/1/themes");
	while (path[0] != '\0' && pages++ < 100)
		themes_page(&c, path, &n, path, sizeof(path));
	assert_true(pages > 1);
	assert_int_equal(n, total);
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

static void
interviews_and_removals(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96];
	long long	 v_before, v_after, q2;

	(void)state;
	/* A rep records an interview: the interviewer is kept, nobody
	 * else. */
	as(&c, "rep.fenwick");
	snprintf(path, sizeof(path), "/surveys/%lld/interview", built);
	submit_expect(&c, path, "q1=Yes&q2=Gym&place=1", 422, &r);
	assert_contains(r.body, "Tick to say the person agreed");
	reply_free(&r);
	submit_expect(&c, path, "q1=Yes&q2=Gym&place=1&consent=1", 303, &r);
	assert_contains(r.location, "done=1");
	reply_free(&r);
	client_free(&c);
	assert_int_equal(scalar("SELECT count(*) FROM survey_responses r JOIN "
	    "accounts a ON a.id = r.interviewer_id WHERE r.survey_id = %lld "
	    "AND r.channel = 'interview' AND a.username = 'rep.fenwick' AND "
	    "r.unit_id = 1", built), 1);

	/* Removing question 2 (answers exist: a new version) moves the
	 * skip of question 1 ("No" -> 3) up to 2, still forward. */
	v_before = scalar("SELECT max(id) FROM survey_versions WHERE survey_id "
	    "= %lld", built);
	q2 = scalar("SELECT id FROM survey_questions WHERE version_id = %lld "
	    "AND position = 2", v_before);
	as(&c, "member.forum");
	/* Not confirmed: the form asks, the error beside its box. */
	snprintf(path, sizeof(path), "/survey-questions/%lld/delete?lang=en",
	    q2);
	post_expect(&c, path, "", 422, &r);
	assert_error_beside(r.body, "confirm", "Tick to say you want to remove "
	    "the question");
	assert_contains(r.body, "Which ones?");
	reply_free(&r);
	snprintf(path, sizeof(path), "/survey-questions/%lld/delete?lang=cy",
	    q2);
	post_expect(&c, path, "", 422, &r);
	assert_error_beside(r.body, "confirm", "Ticiwch i ddweud eich bod "
	    "eisiau dileu&#39;r cwestiwn");
	reply_free(&r);
	snprintf(path, sizeof(path), "/survey-questions/%lld/delete?lang=en",
	    q2);
	post_expect(&c, path, "confirm=1", 303, &r);
	reply_free(&r);
	client_free(&c);
	v_after = scalar("SELECT max(id) FROM survey_versions WHERE survey_id "
	    "= %lld", built);
	assert_true(v_after > v_before);
	assert_int_equal(scalar("SELECT skip_to FROM survey_questions WHERE "
	    "version_id = %lld AND position = 1", v_after), 2);
	assert_int_equal(scalar("SELECT count(*) FROM survey_questions WHERE "
	    "version_id = %lld", v_after), scalar("SELECT count(*) - 1 FROM "
	    "survey_questions WHERE version_id = %lld", v_before));
	/* The old version and its answers are untouched. */
	assert_int_equal(scalar("SELECT count(*) FROM survey_questions WHERE "
	    "id = %lld", q2), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(skip_logic_and_versions),
		cmocka_unit_test(kiosk_forgets_the_last_person),
		cmocka_unit_test(kiosk_errors_stand_beside_their_questions),
		cmocka_unit_test(paper_copies_and_double_entry),
		cmocka_unit_test(results_are_suppressed),
		cmocka_unit_test(small_places_give_nothing_away),
		cmocka_unit_test(exports_are_safe_and_valid),
		cmocka_unit_test(themes_become_issues),
		cmocka_unit_test(several_answers_are_coded_at_once),
		cmocka_unit_test(answers_to_code_come_a_page_at_a_time),
		cmocka_unit_test(event_votes_are_recorded),
		cmocka_unit_test(event_votes_show_their_turnout),
		/* Last: it makes a new version of the survey built above. */
		cmocka_unit_test(interviews_and_removals),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
