/*
 * Surveys' free-text answers coded into themes: a theme becomes an
 * issue, several answers are coded at once, and the answers to code
 * come a page at a time.
 */
#include "surveys_test.h"

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(themes_become_issues),
		cmocka_unit_test(several_answers_are_coded_at_once),
		cmocka_unit_test(answers_to_code_come_a_page_at_a_time),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
