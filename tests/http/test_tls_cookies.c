/*
 * Behind TLS (cookie_secure = 1): cookies are __Host- prefixed and
 * Secure, and every response asks for HTTPS from now on (HSTS).
 */
#include "http_test.h"

static int
setup(void **state)
{
	(void)state;
	return server_start(&srv, "cookie_secure = 1\n");
}

static void
cookies_are_host_only_and_secure(void **state)
{
	const char	*rq = "GET /sign-in HTTP/1.1\r\nHost: x\r\n"
	    "Connection: close\r\n\r\n";
	char		 head[8192];

	(void)state;
	assert_int_equal(raw_request(&srv, rq, strlen(rq), head, sizeof(head)),
	    200);
	assert_contains(head, "Set-Cookie: __Host-rt_anon=");
	assert_contains(head, "; Path=/; HttpOnly; SameSite=Strict; Secure\r\n");
	assert_contains(head, "Strict-Transport-Security: max-age=");
	assert_contains(head, "Cross-Origin-Resource-Policy: same-origin\r\n");
}

/* The session works under its prefixed name, and only under it. */
static void
the_session_cookie_is_read_under_its_prefixed_name(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 line[512];

	(void)state;
	assert_int_equal(client_as(&c, &srv, "coordinator.fenwick",
	    srv.demo_password), 0);
	assert_int_equal(client_cookie(&c, "__Host-rt_session", line,
	    sizeof(line)), 0);
	assert_int_equal(client_cookie(&c, "rt_session", line, sizeof(line)),
	    -1);
	/* The server reads the session back under the prefixed name. */
	assert_int_equal(http_get(&c, "/people", &r), 200);
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cookies_are_host_only_and_secure),
		cmocka_unit_test(the_session_cookie_is_read_under_its_prefixed_name),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
