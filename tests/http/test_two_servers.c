/*
 * Two `roundtable serve` processes on one database (issue 14): what one
 * knows, the other knows, because none of it lives in a process.  Runs
 * on SQLite (one file) and, with RT_TEST_DB=pg, on PostgreSQL.
 */
#include "http_test.h"

static struct server	 twin;

static int
setup(void **state)
{
	(void)state;
	if (server_start(&srv, "[security]\nlogin_failures_max = 3\n"
	    "login_window_s = 1200\nsession_touch_s = 0\n") == -1)
		return -1;
	return server_twin(&twin, &srv);
}

static int
teardown(void **state)
{
	int	 rc;

	(void)state;
	rc = server_stop(&twin);
	return server_stop(&srv) == 0 && rc == 0 ? 0 : -1;
}

/* A session made on one is honoured on the other and ended there; the
 * sign-out's CSRF token came from the first's page. */
static void
session_crosses_servers(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	client_init(&c, &srv);
	assert_int_equal(client_sign_in(&c, "rep.fenwick", srv.demo_password),
	    303);
	assert_int_equal(http_get(&c, "/groups", &r), 200);
	reply_free(&r);
	c.srv = &twin;
	assert_int_equal(http_get(&c, "/groups", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/sign-out", "", 1, &r), 303);
	reply_free(&r);
	c.srv = &srv;
	assert_int_equal(http_get(&c, "/groups", &r), 303);
	reply_free(&r);
	client_free(&c);
}

/* Failed sign-ins count together, wherever they were tried. */
static void
throttle_crosses_servers(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*body;
	int		 i;

	(void)state;
	client_init(&c, &srv);
	http_get(&c, "/sign-in", &r);
	reply_free(&r);
	for (i = 0; i < 3; i++) {
		c.srv = i % 2 == 0 ? &srv : &twin;
		assert_int_equal(http_post(&c, "/sign-in",
		    "username=evaluator&password=not-it-at-all", 1, &r), 422);
		reply_free(&r);
	}
	assert_true(asprintf(&body, "username=evaluator&password=%s",
	    srv.demo_password) > 0);
	c.srv = &twin;
	assert_int_equal(http_post(&c, "/sign-in", body, 1, &r), 429);
	reply_free(&r);
	c.srv = &srv;
	assert_int_equal(http_post(&c, "/sign-in", body, 1, &r), 429);
	reply_free(&r);
	free(body);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(session_crosses_servers),
		cmocka_unit_test(throttle_crosses_servers),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
