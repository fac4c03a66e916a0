/*
 * Two `roundtable serve` processes on one database (issue 14): what one
 * knows, the other knows, because none of it lives in a process.  Runs
 * on SQLite (one file) and, with RT_TEST_DB=pg, on PostgreSQL.
 */
#include "http_test.h"

/* Each server's threads, each with its connection to the database. */
#define THREADS	"4"

static struct server	 twin;

static int
setup(void **state)
{
	(void)state;
	if (server_start(&srv, "[server]\nthreads = " THREADS "\n"
	    "[security]\nlogin_failures_max = 3\n"
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

/*
 * PostgreSQL restarts (a crash and its recovery, or a standby taking over
 * at the same address) and every connection of both servers is dropped.
 * Both go on serving at once: each finds its connection gone at its next
 * request and makes it again, and the session, kept in the database, is
 * still good.  Signed in and not; a read and a write.
 */
static void
servers_outlive_a_database_restart(void **state)
{
	struct client	 c, anon;
	struct reply	 r;
	char		 cmd[400];
	int		 i;

	(void)state;
	if (!server_on_pg(&srv))
		skip();
	client_init(&c, &srv);
	client_init(&anon, &srv);
	assert_int_equal(client_sign_in(&c, "rep.fenwick", srv.demo_password),
	    303);
	snprintf(cmd, sizeof(cmd), "sh tests/pg_cluster.sh restart '%s'",
	    srv.cluster);
	assert_int_equal(system(cmd), 0);
	/* Three times as many requests as either server has connections. */
	for (i = 0; i < 6 * atoi(THREADS); i++) {
		c.srv = anon.srv = i % 2 == 0 ? &srv : &twin;
		assert_int_equal(http_get(&c, "/groups", &r), 200);
		reply_free(&r);
		assert_int_equal(http_get(&anon, "/sign-in", &r), 200);
		reply_free(&r);
	}
	assert_int_equal(http_post(&c, "/sign-out", "", 1, &r), 303);
	reply_free(&r);
	client_free(&c);
	client_free(&anon);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(session_crosses_servers),
		cmocka_unit_test(throttle_crosses_servers),
		cmocka_unit_test(servers_outlive_a_database_restart),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
