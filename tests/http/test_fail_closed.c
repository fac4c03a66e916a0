/*
 * Security actions fail closed: a statement cache that once filled in
 * ordinary use made pages answer 500, sign-out answer 503 while the old
 * cookie still worked, token revocation fail, and failed sign-ins go
 * uncounted.  One worker thread, so one connection's cache sees every
 * statement a coordinator's day touches.
 */
#define PW	srv.demo_password
#include "http_test.h"


#define CRAWL_PAGES_MAX	600	/* pages a crawl visits at most */
#define LINK_MAX	300	/* characters of one link kept */

static int
setup(void **state)
{
	(void)state;
	return server_start(&srv, "[server]\nthreads = 1\n"
	    "[security]\nlogin_failures_max = 3\n");
}

/* Pages a crawl skips: the ones that end what is being tested, and the
 * archive (it draws every paper; slow under the sanitizers). */
static int
crawl_skips(const char *path)
{
	static const char *const ends[] = { "/archive" };
	size_t	 i, n = strlen(path), m;

	if (strstr(path, "sign-out") != NULL || strchr(path, '#') != NULL)
		return 1;
	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		m = strlen(ends[i]);
		if (n >= m && strcmp(path + n - m, ends[i]) == 0)
			return 1;
	}
	return 0;
}

/* Visits every page reachable from / by same-site links, breadth first;
 * returns how many it visited, failing on any 5xx. */
static int
crawl(struct client *c)
{
	static char	 seen[CRAWL_PAGES_MAX][LINK_MAX];
	struct reply	 r;
	int		 nseen = 1, next = 0, i;
	const char	*p, *q;
	size_t		 len;
	long		 status;

	snprintf(seen[0], LINK_MAX, "/");
	while (next < nseen) {
		status = http_get(c, seen[next], &r);
		if (status >= 500)
			fail_msg("GET %s answered %ld", seen[next], status);
		next++;
		for (p = r.body; status == 200 && p != NULL &&
		    (p = strstr(p, "href=\"/")) != NULL; p = q) {
			p += 6;
			if ((q = strchr(p, '"')) == NULL)
				break;
			len = (size_t)(q - p);
			if (len >= LINK_MAX || nseen == CRAWL_PAGES_MAX)
				continue;
			char link[LINK_MAX];
			memcpy(link, p, len);
			link[len] = '\0';
			if (crawl_skips(link) || strncmp(link, "/static/", 8) == 0)
				continue;
			for (i = 0; i < nseen && strcmp(seen[i], link) != 0; i++)
				;
			if (i == nseen)
				memcpy(seen[nseen++], link, len + 1);
		}
		reply_free(&r);
	}
	return next;
}

/* The session cookie's value in c's jar, malloc'd. */
static char *
session_cookie(struct client *c)
{
	struct curl_slist *cookies = NULL, *k;
	char		*value = NULL, *tab;

	curl_easy_getinfo(c->curl, CURLINFO_COOKIELIST, &cookies);
	for (k = cookies; k != NULL; k = k->next)
		if ((tab = strrchr(k->data, '\t')) != NULL &&
		    strstr(k->data, "session") != NULL)
			value = strdup(tab + 1);
	curl_slist_free_all(cookies);
	assert_non_null(value);
	return value;
}

static void
a_days_pages_never_fill_the_cache(void **state)
{
	struct client	 c, old;
	struct reply	 r;
	char		*cookie, header[200], path[80];
	const char	*token;
	long long	 id;

	static const char *const day[] = { "rep.fenwick", "governor.fenwick",
	    "evaluator", "coordinator.fenwick" };
	size_t		 i;
	int		 pages;

	(void)state;
	/* Everyone's pages on the one worker: the coordinator last, whose
	 * session the rest of the test uses. */
	for (i = 0; i < sizeof(day) / sizeof(day[0]); i++) {
		if (i > 0)
			client_free(&c);
		as(&c, day[i]);
		pages = crawl(&c);
		print_message("%s: %d pages\n", day[i], pages);
		assert_true(pages > 10);
	}
	/* Tokens are still made and revoked, and the revoked one dies. */
	assert_int_equal(http_get(&c, "/account", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/account/tokens", "name=after-crawl",
	    1, &r), 200);
	assert_non_null(token = strstr(r.body, "class=\"rt-token\">"));
	{
		struct client	 api;
		char		 t[64];

		snprintf(t, sizeof(t), "%.43s", token +
		    strlen("class=\"rt-token\">"));
		reply_free(&r);
		client_init(&api, &srv);
		api.bearer = strdup(t);
		assert_int_equal(http_get(&api, "/groups", &r), 200);
		reply_free(&r);
		id = db_scalar(&srv, "SELECT max(id) FROM api_tokens");
		snprintf(path, sizeof(path), "/account/tokens/%lld/revoke", id);
		assert_int_equal(http_get(&c, "/account", &r), 200);
		reply_free(&r);
		assert_int_equal(http_post(&c, path, "", 1, &r), 303);
		reply_free(&r);
		assert_int_equal(http_get(&api, "/groups", &r), 401);
		reply_free(&r);
		client_free(&api);
	}
	/* Sign-out works, and the cookie it ended stays dead when replayed. */
	cookie = session_cookie(&c);
	assert_int_equal(http_get(&c, "/", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/sign-out", "", 1, &r), 303);
	reply_free(&r);
	client_init(&old, &srv);
	snprintf(header, sizeof(header), "%s", cookie);
	{
		char	*pair;

		assert_true(asprintf(&pair, "rt_session=%s", header) > 0);
		curl_easy_setopt(old.curl, CURLOPT_COOKIE, pair);
		assert_int_equal(http_get(&old, "/groups", &r), 303);
		reply_free(&r);
		free(pair);
	}
	client_free(&old);
	free(cookie);
	client_free(&c);
}

/* Runs sql on the test's database (read-write), asserting success. */
static void
db_run(const char *sql)
{
	assert_int_equal(db_write(&srv, sql), 0);
}

static long
sign_in_status(const char *user, const char *password)
{
	struct client	 c;
	struct reply	 r;
	char		*body;
	long		 status;

	client_init(&c, &srv);
	http_get(&c, "/sign-in", &r);
	reply_free(&r);
	assert_true(asprintf(&body, "username=%s&password=%s", user,
	    password) > 0);
	status = http_post(&c, "/sign-in", body, 1, &r);
	reply_free(&r);
	free(body);
	client_free(&c);
	return status;
}

/* When a failed attempt cannot be counted, no password is checked at
 * all: the right one is refused too, so guessing cannot go on uncounted. */
static void
an_uncounted_attempt_is_refused(void **state)
{
	(void)state;
	assert_int_equal(sign_in_status("viewer", PW), 303);
	db_run(server_on_pg(&srv) ?
	    "CREATE FUNCTION test_no_counting() RETURNS trigger LANGUAGE "
	    "plpgsql AS $$BEGIN RAISE EXCEPTION 'test: cannot count'; END$$;"
	    "CREATE TRIGGER no_counting BEFORE INSERT OR UPDATE ON "
	    "login_failures FOR EACH ROW EXECUTE FUNCTION test_no_counting();" :
	    "CREATE TRIGGER no_counting BEFORE INSERT ON login_failures "
	    "BEGIN SELECT RAISE(ABORT, 'test: cannot count'); END;"
	    "CREATE TRIGGER no_recounting BEFORE UPDATE ON login_failures "
	    "BEGIN SELECT RAISE(ABORT, 'test: cannot count'); END;");
	assert_int_equal(sign_in_status("viewer", "wrong-password"), 503);
	assert_int_equal(sign_in_status("viewer", PW), 503);
	db_run(server_on_pg(&srv) ?
	    "DROP TRIGGER no_counting ON login_failures;"
	    "DROP FUNCTION test_no_counting();" :
	    "DROP TRIGGER no_counting; DROP TRIGGER no_recounting;");
	/* Counted again: a wrong guess is a 422, the owner gets in, and a
	 * success takes its own count back. */
	assert_int_equal(sign_in_status("viewer", "wrong-password"), 422);
	assert_int_equal(sign_in_status("viewer", PW), 303);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM login_failures "
	    "WHERE key LIKE 'user:%viewer' AND failures > 0"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_days_pages_never_fill_the_cache),
		cmocka_unit_test(an_uncounted_attempt_is_refused),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
