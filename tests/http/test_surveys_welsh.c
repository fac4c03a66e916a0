/*
 * A survey written in Welsh too (issue 20): its writers give each text
 * in Welsh beside the English, a Welsh reader answers it in Welsh on the
 * kiosk, the link and paper, and the results count answers given in
 * either language together.  What was left in English is marked so on a
 * Welsh page, for a screen reader.
 */
#include "surveys_test.h"
#include "limits.h"

static long long	survey;
static char		token[128];

/* 121 letters: one more than a title (in Welsh too) may have. */
static void
too_long(char *out, size_t n)
{
	memset(out, 'a', n);
	out[n] = '\0';
}

/* The Over-50s Forum's survey: one question in Welsh too, one left in
 * English, opened by staff. */
static void
a_survey_is_written_in_welsh_too(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], body[700], longer[NAME_MAX_CHARS + 2];
	long long	 before = db_scalar(&srv, "SELECT count(*) FROM surveys");
	char		*t;

	(void)state;
	as(&c, "member.forum");
	/* The form asks for each text in Welsh, as optional. */
	assert_int_equal(http_get(&c, "/groups/1/surveys/new?lang=en", &r),
	    200);
	assert_contains(r.body, "Title in Welsh (optional)");
	assert_contains(r.body, "Consent in Welsh (optional)");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/groups/1/surveys/new?lang=cy", &r),
	    200);
	assert_contains(r.body, "Teitl yn Gymraeg (dewisol)");
	assert_contains(r.body, "Yn cael ei ddangos i bobl sy&#39;n darllen yn "
	    "Gymraeg");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/groups/1/surveys/new?lang=en", &r),
	    200);
	reply_free(&r);
	/* Too long a Welsh title is named; nothing is stored. */
	too_long(longer, NAME_MAX_CHARS + 1);
	snprintf(body, sizeof(body), "title=Work&intro=Why&consent=Anonymous"
	    "&title_cy=%s", longer);
	submit_expect(&c, "/groups/1/surveys/new", body, 422, &r);
	assert_error_beside(r.body, "title_cy", "Title in Welsh must be 120 "
	    "characters or fewer");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM surveys"),
	    before);
	survey = submit_created(&c, "/groups/1/surveys/new", "title=Work+here"
	    "&title_cy=Gwaith+yma&intro=About+work&intro_cy=Am+waith+yma"
	    "&consent=Your+answers+are+anonymous&consent_cy=Mae+eich+atebion"
	    "+yn+ddienw", "/surveys/");
	snprintf(path, sizeof(path), "/surveys/%lld/questions/new", survey);
	/* More choices in Welsh than in English, and too long a Welsh
	 * question: each named by its field. */
	submit_expect(&c, path, "prompt=Do+you+have+a+job%3F&kind=single"
	    "&choices=Yes%0ANo&choices_cy=Oes%0ANac+oes%0ATrydydd", 422, &r);
	assert_error_beside(r.body, "choices_cy", "Give no more choices in "
	    "Welsh than in English, one a line in the same order");
	reply_free(&r);
	memset(body, 0, sizeof(body));
	snprintf(body, sizeof(body), "prompt=Job%%3F&kind=text&prompt_cy=");
	memset(body + strlen(body), 'a', SURVEY_PROMPT_MAX_CHARS + 1);
	submit_expect(&c, path, body, 422, &r);
	assert_error_beside(r.body, "prompt_cy", "Question in Welsh must be "
	    "500 characters or fewer");
	reply_free(&r);
	submit_expect(&c, path, "section=Work&section_cy=Gwaith&prompt=Do+you+"
	    "have+a+job%3F&prompt_cy=Oes+gennych+chi+swydd%3F&kind=single"
	    "&choices=Yes%0ANo&choices_cy=Oes%0ANac+oes&required=1", 303, &r);
	reply_free(&r);
	submit_expect(&c, path, "section=Work&prompt=Which+ones%3F&kind="
	    "multiple&choices=Gym%0ALibrary", 303, &r);
	reply_free(&r);
	/* Left in English, but words the catalogue has. */
	submit_expect(&c, path, "prompt=Are+you+well%3F&kind=single&choices="
	    "Yes%0ANo", 303, &r);
	reply_free(&r);
	client_free(&c);
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/surveys/%lld/open", survey);
	post_expect(&c, path, "", 303, &r);
	reply_free(&r);
	client_free(&c);
	snprintf(path, sizeof(path), "SELECT token FROM surveys WHERE id = "
	    "%lld", survey);
	assert_non_null(t = db_text(&srv, path));
	snprintf(token, sizeof(token), "%s", t);
	free(t);
}

/* One person answers at the kiosk in lang, "Yes" to the first question
 * and "Gym" to the second, and the kiosk says thank you. */
static void
kiosk_answer(const char *lang, const char *const *shown,
    const char *const *not_shown)
{
	struct client	 c;
	struct reply	 r;
	char		 path[300];

	client_init(&c, &srv);
	snprintf(path, sizeof(path), "/kiosk?t=%s&lang=%s", token, lang);
	assert_int_equal(http_get(&c, path, &r), 200);
	for (; *shown != NULL; shown++)
		assert_contains(r.body, *shown);
	for (; *not_shown != NULL; not_shown++)
		assert_lacks(r.body, *not_shown);
	reply_free(&r);
	snprintf(path, sizeof(path), "t=%s&q1=Yes&q2=Gym&consent=1", token);
	post_expect(&c, "/kiosk", path, 303, &r);
	assert_contains(r.location, "done=1");
	reply_free(&r);
	client_free(&c);
}

/* On the kiosk in Welsh the survey's own words are Welsh; what was left
 * in English is marked as English.  In English, none of the Welsh. */
static void
the_kiosk_reads_in_the_readers_language(void **state)
{
	static const char *const welsh[] = { "Gwaith yma", "Am waith yma",
	    "Mae eich atebion yn ddienw", "Gwaith</h2>",
	    "Oes gennych chi swydd?", ">Oes</label>", ">Nac oes</label>",
	    "<span lang=\"en\">Which ones?</span>",
	    "<span lang=\"en\">Gym</span>",
	    /* An English choice the catalogue has is worded by it. */
	    ">Ie</label>", ">Na</label>", NULL };
	static const char *const not_welsh[] = { "Do you have a job?",
	    "About work", "Your answers are anonymous", NULL };
	static const char *const english[] = { "Work here", "About work",
	    "Do you have a job?", ">Yes</label>", "Which ones?", NULL };
	static const char *const not_english[] = { "Gwaith yma",
	    "Oes gennych chi swydd?", "<span lang=\"en\">", NULL };
	int	 i;

	(void)state;
	/* Three answer in Welsh, three in English: six in all, enough to
	 * show counts above the threshold of 5. */
	for (i = 0; i < 3; i++) {
		kiosk_answer("cy", welsh, not_welsh);
		kiosk_answer("en", english, not_english);
	}
	/* Stored alike, as the English choice, whatever the language. */
	assert_int_equal(scalar("SELECT count(*) FROM survey_answers a JOIN "
	    "survey_responses r ON r.id = a.response_id WHERE r.survey_id = "
	    "%lld AND a.value = 'Yes'", survey), 6);
	assert_int_equal(scalar("SELECT count(*) FROM survey_answers a JOIN "
	    "survey_responses r ON r.id = a.response_id WHERE r.survey_id = "
	    "%lld AND a.value = 'Gym'", survey), 6);
}

/* The survey's file at what (after "/surveys/N/") is saved as name:
 * named by the title its reader reads. */
static void
saved_as(struct client *c, const char *what, const char *name)
{
	struct reply	 r;
	char		 path[128], want[160];

	snprintf(path, sizeof(path), "/surveys/%lld/%s", survey, what);
	snprintf(want, sizeof(want), "attachment; filename=\"%s\"", name);
	assert_int_equal(http_get(c, path, &r), 200);
	assert_string_equal(r.disposition, want);
	reply_free(&r);
}

/* The anonymous link, the paper copy and the results in Welsh, the
 * answers in both languages counted together. */
static void
link_paper_and_results_in_welsh(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[300], *text;

	(void)state;
	client_init(&c, &srv);
	snprintf(path, sizeof(path), "/answer?t=%s&lang=cy", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Oes gennych chi swydd?");
	assert_contains(r.body, "<span lang=\"en\">Library</span>");
	reply_free(&r);
	client_free(&c);
	/* A member's home page offers it by its Welsh title. */
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/?lang=cy", &r), 200);
	assert_contains(r.body, ">Gwaith yma</a>");
	reply_free(&r);
	client_free(&c);

	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/surveys/%lld/paper.pdf?lang=cy",
	    survey);
	assert_int_equal(http_get(&c, path, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Gwaith yma");
	assert_contains(text, "Mae eich atebion yn ddienw");
	assert_contains(text, "Oes gennych chi swydd?");
	assert_contains(text, "2 Nac oes");
	assert_contains(text, "Which ones?");
	assert_lacks(text, "Do you have a job?");
	free(text);
	reply_free(&r);

	/* Staff's list of surveys calls it by its Welsh title. */
	assert_int_equal(http_get(&c, "/surveys?lang=cy", &r), 200);
	assert_contains(r.body, ">Gwaith yma</a>");
	reply_free(&r);
	/* Six said "Yes", three of them in Welsh: one count, in Welsh. */
	snprintf(path, sizeof(path), "/surveys/%lld/results?lang=cy", survey);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Gwaith yma");
	assert_contains(r.body, "Oes gennych chi swydd?");
	assert_contains(r.body, ">Oes</th><td class=\"govuk-table__cell "
	    "govuk-table__cell--numeric\">6</td>");
	assert_contains(r.body, "<span lang=\"en\">Which ones?</span>");
	/* A chart's label cannot carry a language: it is worded as the
	 * reader reads the question. */
	assert_contains(r.body, "aria-label=\"Oes gennych chi swydd?");
	reply_free(&r);
	snprintf(path, sizeof(path), "/surveys/%lld/results?lang=en", survey);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, ">Yes</th><td class=\"govuk-table__cell "
	    "govuk-table__cell--numeric\">6</td>");
	assert_lacks(r.body, "Oes gennych chi swydd?");
	reply_free(&r);
	snprintf(path, sizeof(path), "/surveys/%lld/results.pdf?lang=cy",
	    survey);
	assert_int_equal(http_get(&c, path, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Gwaith yma");
	assert_contains(text, "Oes gennych chi swydd?");
	free(text);
	reply_free(&r);
	/* The spreadsheet's headers in the reader's language too. */
	snprintf(path, sizeof(path), "/surveys/%lld/responses.csv?lang=cy",
	    survey);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "1. Oes gennych chi swydd?");
	/* Its answers as the results page words them: the survey's own
	 * Welsh choice, not the catalogue's "Ie"; one left in English as
	 * written.  Named by the Welsh title. */
	assert_contains(r.body, "\"Oes\",\"Gym\"");
	assert_lacks(r.body, "\"Ie\"");
	assert_string_equal(r.disposition, "attachment; filename=\""
	    "atebion-arolwg-gwaith-yma.csv\"");
	reply_free(&r);
	saved_as(&c, "responses.xlsx?lang=cy",
	    "atebion-arolwg-gwaith-yma.xlsx");
	saved_as(&c, "results.pdf?lang=cy",
	    "canlyniadau-arolwg-gwaith-yma.pdf");
	saved_as(&c, "paper.pdf?lang=cy", "arolwg-gwaith-yma.pdf");
	saved_as(&c, "responses.csv?lang=en", "survey-responses-work-here.csv");
	snprintf(path, sizeof(path), "/surveys/%lld/responses.csv?lang=en",
	    survey);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "\"Yes\",\"Gym\"");
	reply_free(&r);
	client_free(&c);
}

/* The demo's loneliness survey is in Welsh, as its forum wrote it. */
static void
the_demo_loneliness_survey_is_in_welsh(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/surveys/1?lang=cy", &r), 200);
	assert_contains(r.body, "Unigrwydd ar yr adenydd (dros 50 oed)");
	assert_contains(r.body, "Pa rai?");
	assert_contains(r.body, "Campfa");
	assert_lacks(r.body, "Which ones?");
	reply_free(&r);
	/* Its free-text answers to code, each under its Welsh question. */
	assert_int_equal(http_get(&c, "/surveys/1/themes?lang=cy", &r), 200);
	assert_contains(r.body, "Beth fyddai\u2019n eich helpu i "
	    "deimlo\u2019n llai unig yma?");
	assert_lacks(r.body, "What would help you feel less lonely here?");
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_survey_is_written_in_welsh_too),
		cmocka_unit_test(the_kiosk_reads_in_the_readers_language),
		cmocka_unit_test(link_paper_and_results_in_welsh),
		cmocka_unit_test(the_demo_loneliness_survey_is_in_welsh),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
