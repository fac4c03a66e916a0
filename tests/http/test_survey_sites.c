/*
 * Organisation-wide surveys: a group with no site (the Lived Experience
 * Team) runs one, each answer says which site it came from (chosen on
 * screen, typed in from paper, recorded at interview), results break
 * down by site through the same suppression as every breakdown, and
 * only organisation-wide grants and the group see them.  And the
 * anonymous link and kiosk take at most answers_per_minute answers
 * from one address (set small here).
 */
#define PW	"survey-sites-password"
#include <jansson.h>

#include "http_test.h"

#define ANSWERS_PER_MINUTE	10

static int
setup(void **state)
{
	static const char *const users[] = { "admin", "coordinator.fenwick",
	    "viewer", NULL };

	(void)state;
	if (server_prepare(&srv, "[surveys]\nanswers_per_minute = 10\n") ==
	    -1 || server_passwords(&srv, users, PW) == -1)
		return -1;
	return server_launch(&srv);
}

/* One integer from the database: fmt's %lld filled with id. */
#define scalar(fmt, id)	db_scalar_id(&srv, fmt, id)

static long long	 survey, team, fenwick, harbour;
static char		 token[80];

/* An answer by the link from site (0: none chosen) with "Yes" or "No". */
static long
answer_at(struct client *c, long long site, const char *yes_no)
{
	struct reply	 r;
	char		 path[160], body[256];
	long		 status;

	snprintf(path, sizeof(path), "/answer?t=%s", token);
	assert_int_equal(http_get(c, path, &r), 200);
	reply_free(&r);
	if (site > 0)
		snprintf(body, sizeof(body), "t=%s&site=%lld&q1=%s&consent=1",
		    token, site, yes_no);
	else
		snprintf(body, sizeof(body), "t=%s&q1=%s&consent=1", token,
		    yes_no);
	status = http_post(c, "/answer", body, 1, &r);
	if (status == 429)
		assert_string_equal(r.retry_after, "60");
	if (status == 422)
		assert_contains(r.body, "href=\"#site-input\"");
	reply_free(&r);
	return status;
}

static void
organisation_wide_survey_is_made(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], sql[96], *t;

	(void)state;
	fenwick = db_scalar(&srv, "SELECT id FROM sites WHERE name LIKE "
	    "'%Fenwick%'");
	harbour = db_scalar(&srv, "SELECT id FROM sites WHERE name LIKE "
	    "'%Harbour%'");
	team = db_scalar(&srv, "SELECT id FROM groups WHERE name = "
	    "'Lived Experience Team' AND site_id IS NULL");
	assert_true(fenwick > 0 && harbour > 0 && team > 0);
	as(&c, "admin");
	/* The Lived Experience Team has no site: this was a 422. */
	snprintf(path, sizeof(path), "/groups/%lld/surveys/new", team);
	survey = submit_created(&c, path, "title=Being+heard&intro=Across+"
	    "every+site&consent=Anonymous", "/surveys/");
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM surveys WHERE id = "
	    "%%lld AND site_id IS NULL AND group_id = %lld", team);
	assert_int_equal(scalar(sql, survey), 1);
	snprintf(path, sizeof(path), "/surveys/%lld/questions/new", survey);
	submit_expect(&c, path, "prompt=Do+you+feel+heard%3F&kind=single&"
	    "choices=Yes%0ANo&required=1", 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/surveys/%lld", survey);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "All sites");
	reply_free(&r);
	snprintf(path, sizeof(path), "/surveys/%lld/open", survey);
	post_expect(&c, path, "", 303, &r);
	reply_free(&r);
	client_free(&c);
	snprintf(sql, sizeof(sql), "SELECT token FROM surveys WHERE id = %lld",
	    survey);
	assert_non_null(t = db_text(&srv, sql));
	snprintf(token, sizeof(token), "%s", t);
	free(t);
}

/* The cells of the breakdown row for group name. */
static json_t *
row_of(json_t *breakdown, const char *name)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(breakdown, i, row)
		if (strstr(json_string_value(json_object_get(row, "group")),
		    name) != NULL)
			return json_object_get(row, "cells");
	fail_msg("no row for %s", name);
	return NULL;
}

static void
answers_break_down_by_site_suppressed(void **state)
{
	struct client	 c;
	struct reply	 r;
	json_t		*v, *q, *cells;
	char		 path[96];
	int		 i;

	(void)state;
	client_init(&c, &srv);		/* a respondent: nobody signed in */
	snprintf(path, sizeof(path), "/answer?t=%s", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Which site are you at?");
	reply_free(&r);
	/* The site is required, by name; nothing is stored without it. */
	assert_int_equal(answer_at(&c, 0, "Yes"), 422);
	assert_int_equal(scalar("SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = %lld", survey), 0);
	/* Fenwick: 6 yes, 1 no; Harbour: 3 yes. */
	for (i = 0; i < 6; i++)
		assert_int_equal(answer_at(&c, fenwick, "Yes"), 303);
	assert_int_equal(answer_at(&c, fenwick, "No"), 303);
	for (i = 0; i < 3; i++)
		assert_int_equal(answer_at(&c, harbour, "Yes"), 303);
	client_free(&c);
	assert_int_equal(scalar("SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = %lld AND site_id IS NOT NULL", survey), 10);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "survey_responses WHERE site_id IS NULL"), 0);

	as(&c, "viewer");		/* an organisation-wide grant */
	snprintf(path, sizeof(path), "/surveys/%lld/results?by=site", survey);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Site");
	reply_free(&r);
	c.json = 1;
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_non_null(v = json_loads(r.body, 0, NULL));
	q = json_array_get(json_object_get(v, "questions"), 0);
	assert_true(json_is_true(json_object_get(q, "has_breakdown")));
	/* Fenwick's single "No" is small; its 6 "Yes" is hidden too, or
	 * 7 - 6 would give it away.  Harbour's 3 are small, its 0 shown. */
	cells = row_of(json_object_get(q, "breakdown"), "Fenwick");
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(cells, 0), "shown")), "hidden");
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(cells, 1), "shown")), "fewer than 5");
	cells = row_of(json_object_get(q, "breakdown"), "Harbour");
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(cells, 0), "shown")), "fewer than 5");
	assert_int_equal(json_integer_value(json_object_get(
	    json_array_get(cells, 1), "shown")), 0);
	json_decref(v);
	reply_free(&r);
	client_free(&c);

	/* A coordinator at one site is not covered by the survey of an
	 * organisation-wide group. */
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, path, &r), 403);
	reply_free(&r);
	client_free(&c);
}

static void
answers_are_rate_limited(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 body[256];

	(void)state;
	/* The ten answers above used this address's minute: the next is
	 * refused with Retry-After, nothing stored, by link or kiosk. */
	client_init(&c, &srv);
	assert_int_equal(answer_at(&c, harbour, "Yes"), 429);
	snprintf(body, sizeof(body), "/kiosk?t=%s", token);
	assert_int_equal(http_get(&c, body, &r), 200);
	reply_free(&r);
	snprintf(body, sizeof(body), "t=%s&site=%lld&q1=No&consent=1", token,
	    harbour);
	assert_int_equal(http_post(&c, "/kiosk", body, 1, &r), 429);
	assert_string_equal(r.retry_after, "60");
	reply_free(&r);
	client_free(&c);
	assert_int_equal(scalar("SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = %lld", survey), ANSWERS_PER_MINUTE);
	/* Only the address and a count are kept, as for sign-ins. */
	assert_int_equal(db_scalar(&srv, "SELECT failures FROM login_failures "
	    "WHERE key LIKE 'answer:%'"), ANSWERS_PER_MINUTE);
}

static void
paper_and_interview_record_the_site(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text, path[96], body[256], ref[32];

	(void)state;
	as(&c, "admin");
	/* The printed copy asks for the site first. */
	snprintf(path, sizeof(path), "/surveys/%lld/paper.pdf", survey);
	assert_int_equal(http_get(&c, path, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Which site are you at?");
	snprintf(ref, sizeof(ref), "S%lld-1", survey);
	assert_contains(text, ref);
	snprintf(ref, sizeof(ref), "%s", strstr(text, ref));
	ref[strcspn(ref, " \n")] = '\0';
	free(text);
	reply_free(&r);
	snprintf(path, sizeof(path), "/surveys/%lld/paper-entry", survey);
	/* No site typed in: refused by name, nothing stored. */
	snprintf(body, sizeof(body), "reference=%s&q1=1", ref);
	submit_expect(&c, path, body, 422, &r);
	assert_contains(r.body, "href=\"#site-input\"");
	reply_free(&r);
	snprintf(body, sizeof(body), "reference=%s&site=%lld&q1=1", ref,
	    harbour);
	submit_expect(&c, path, body, 303, &r);
	reply_free(&r);
	snprintf(body, sizeof(body), "SELECT count(*) FROM survey_responses "
	    "WHERE survey_id = %%lld AND channel = 'paper' AND site_id = %lld",
	    harbour);
	assert_int_equal(scalar(body, survey), 1);
	/* Interviews are not limited (staff are signed in) and record the
	 * site too. */
	snprintf(path, sizeof(path), "/surveys/%lld/interview", survey);
	submit_expect(&c, path, "q1=No&consent=1", 422, &r);
	assert_contains(r.body, "href=\"#site-input\"");
	reply_free(&r);
	snprintf(body, sizeof(body), "site=%lld&q1=No&consent=1", fenwick);
	submit_expect(&c, path, body, 303, &r);
	reply_free(&r);
	snprintf(body, sizeof(body), "SELECT count(*) FROM survey_responses "
	    "WHERE survey_id = %%lld AND channel = 'interview' AND "
	    "site_id = %lld", fenwick);
	assert_int_equal(scalar(body, survey), 1);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(organisation_wide_survey_is_made),
		cmocka_unit_test(answers_break_down_by_site_suppressed),
		cmocka_unit_test(answers_are_rate_limited),
		cmocka_unit_test(paper_and_interview_record_the_site),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
