/*
 * Surveys built and answered: one built with skip logic and an
 * instrument, versions once answers exist, answering by link, kiosk and
 * paper (with double entry), the printable questionnaire and exports,
 * and interviews recorded and answers removed.
 */
#include "surveys_test.h"

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

/* The next person at the kiosk starts as the kiosk does (its place's
 * language, standard pages), whatever the last person chose; the
 * switches stay offered, and the kiosk's header leads nowhere out of
 * it. */
static void
the_next_person_starts_as_the_kiosk_does(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*token, path[600];

	(void)state;
	token = kiosk_opened(&c);
	snprintf(path, sizeof(path), "/kiosk?t=%s&lang=cy&read=easy", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, " rt-easy-read\"");
	assert_lacks(r.body, "<a href=\"/\" class=\"govuk-header__link");
	reply_free(&r);
	snprintf(path, sizeof(path), "t=%s&q1=Yes&q2=Library&q3=Nothing&"
	    "q4=Often&q5=Often&q6=Often&q7=B&consent=1", token);
	post_expect(&c, "/kiosk", path, 303, &r);
	snprintf(path, sizeof(path), "%s", r.location);
	reply_free(&r);
	assert_int_equal(http_get(&c, path, &r), 200);
	/* The thank-you alone is the last one's, in their Welsh. */
	assert_contains(r.body, "Gall y person nesaf ddechrau nawr.");
	assert_lacks(r.body, "The next person can start now.");
	assert_contains(r.body, "<html lang=\"en\"");
	assert_lacks(r.body, "rt-easy-read");
	assert_contains(r.body, ">Cymraeg</a>");
	assert_contains(r.body, ">Easy read</a>");
	assert_lacks(r.body, "<a href=\"/\" class=\"govuk-header__link");
	reply_free(&r);
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
	/* The question, written only in English, is marked as English on
	 * the Welsh page (issue 20): "Which ones?" is too short to guess. */
	assert_error_beside(r.body, "q2", "Cwestiwn 2, \u201c<span lang=\"en\">"
	    "Which ones?</span>\u201d: Atebwch y cwestiwn hwn");
	assert_error_beside(r.body, "consent", "Ticiwch i ddweud eich bod yn "
	    "cytuno");
	assert_lacks(r.body, "Answer this question");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = %lld", built), before);
	client_free(&c);
	free(token);
}

/* A question's hint (where "No" skips to, "Choose all that apply") is
 * read with its question: the fieldset names it, and its error after it;
 * in easy read and in Welsh too. */
static void
kiosk_hints_are_read_with_their_questions(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*token, path[600];

	(void)state;
	token = kiosk_opened(&c);
	snprintf(path, sizeof(path), "/kiosk?t=%s&lang=en", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<fieldset class=\"govuk-fieldset\" "
	    "aria-describedby=\"q1-hint\">");
	assert_contains(r.body, "<div id=\"q1-hint\" class=\"govuk-hint\">"
	    "If you answer \u201cNo\u201d, go on to question 3.</div>");
	assert_contains(r.body, "<fieldset class=\"govuk-fieldset\" "
	    "aria-describedby=\"q2-hint\">");
	assert_contains(r.body, "<div id=\"q2-hint\" class=\"govuk-hint\">"
	    "Choose all that apply.</div>");
	reply_free(&r);
	snprintf(path, sizeof(path), "t=%s&q1=Yes&q4=Often&q5=Often&q6=Often",
	    token);
	assert_int_equal(http_post(&c, "/kiosk?lang=cy&read=easy", path, 1,
	    &r), 422);
	assert_contains(r.body, "<fieldset class=\"govuk-fieldset\" "
	    "aria-describedby=\"q2-hint q2-error\">");
	assert_contains(r.body, "<div id=\"q2-hint\" class=\"govuk-hint\">"
	    "Gallwch ddewis mwy nag un.</div>");
	assert_contains(r.body, "<p id=\"q2-error\" class=\"govuk-error-"
	    "message\">");
	assert_contains(r.body, "<div id=\"q1-hint\" class=\"govuk-hint\">"
	    "Os ");
	reply_free(&r);
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
		cmocka_unit_test(kiosk_hints_are_read_with_their_questions),
		cmocka_unit_test(the_next_person_starts_as_the_kiosk_does),
		cmocka_unit_test(paper_copies_and_double_entry),
		cmocka_unit_test(exports_are_safe_and_valid),
		/* Last: it makes a new version of the survey built above. */
		cmocka_unit_test(interviews_and_removals),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
