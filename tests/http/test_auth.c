/*
 * Signing in and out, sessions, CSRF, throttling, passwords and API
 * tokens, against the real server.
 */
#include <unistd.h>

#include "http_test.h"

static int
setup(void **state)
{
	(void)state;
	return server_start(&srv, "[security]\nlogin_failures_max = 3\n"
	    "login_failures_ip_max = 8\nlogin_window_s = 1200\n"
	    "session_idle_s = 2\nsession_touch_s = 0\n");
}

static int
teardown(void **state)
{
	(void)state;
	/* A clean exit also means no leak report from the sanitizers. */
	return server_stop(&srv) == 0 ? 0 : -1;
}

static void
sign_in_sets_a_strict_session_cookie(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 line[512];

	(void)state;
	client_init(&c, &srv);
	assert_int_equal(client_sign_in(&c, "coordinator.fenwick",
	    srv.demo_password), 303);
	assert_int_equal(client_cookie(&c, "rt_session", line, sizeof(line)), 0);
	/* libcurl marks HttpOnly cookies with this prefix. */
	assert_true(strncmp(line, "#HttpOnly_", 10) == 0);
	assert_int_equal(http_get(&c, "/", &r), 200);
	assert_contains(r.body, "Fenwick coordinator");
	reply_free(&r);
	client_free(&c);
}

static void
wrong_password_gets_a_uniform_message(void **state)
{
	struct client	 c;
	struct reply	 r, r2;

	(void)state;
	client_init(&c, &srv);
	http_get(&c, "/sign-in", &r);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/sign-in",
	    "username=viewer&password=wrong-password", 1, &r), 422);
	assert_int_equal(http_post(&c, "/sign-in",
	    "username=nobody-at-all&password=wrong-password", 1, &r2), 422);
	assert_contains(r.body, "The username or password is not right");
	assert_contains(r2.body, "The username or password is not right");
	/* The typed username comes back; the password never does. */
	assert_contains(r.body, "value=\"viewer\"");
	assert_lacks(r.body, "wrong-password");
	reply_free(&r);
	reply_free(&r2);
	client_free(&c);
}

static void
repeated_failures_are_throttled(void **state)
{
	struct client	 c;
	struct reply	 r;
	int		 i;
	long		 status;

	(void)state;
	client_init(&c, &srv);
	http_get(&c, "/sign-in", &r);
	reply_free(&r);
	for (i = 0; i < 3; i++) {
		status = http_post(&c, "/sign-in",
		    "username=evaluator&password=not-it-at-all", 1, &r);
		assert_int_equal(status, 422);
		reply_free(&r);
	}
	/* Even the right password is refused while throttled. */
	{
		char *body;

		assert_true(asprintf(&body, "username=evaluator&password=%s",
		    srv.demo_password) > 0);
		assert_int_equal(http_post(&c, "/sign-in", body, 1, &r), 429);
		free(body);
	}
	assert_contains(r.body, "Too many attempts");
	/* The page and Retry-After give the configured window (1200 s). */
	assert_contains(r.body, "Wait 20 minutes");
	assert_string_equal(r.retry_after, "1200");
	reply_free(&r);
	client_free(&c);
	assert_true(db_scalar(&srv, "SELECT failures FROM login_failures "
	    "WHERE key = 'user:127.0.0.1:evaluator'") >= 3);
}

/* A client whose requests come from the loopback address addr, as if
 * from another machine. */
static void
client_from(struct client *c, const char *addr)
{
	struct reply	 r;

	client_init(c, &srv);
	curl_easy_setopt(c->curl, CURLOPT_INTERFACE, addr);
	assert_int_equal(http_get(c, "/sign-in", &r), 200);
	reply_free(&r);
}

static long
sign_in_post(struct client *c, const char *user, const char *password)
{
	struct reply	 r;
	char		*body;
	long		 status;

	assert_true(asprintf(&body, "username=%s&password=%s", user,
	    password) > 0);
	status = http_post(c, "/sign-in", body, 1, &r);
	free(body);
	reply_free(&r);
	return status;
}

static void
guessing_from_one_address_does_not_lock_the_owner_out(void **state)
{
	struct client	 attacker, owner;
	int		 i;

	(void)state;
	client_from(&attacker, "127.0.0.2");
	for (i = 0; i < 3; i++)
		assert_int_equal(sign_in_post(&attacker, "viewer",
		    "not-it-at-all"), 422);
	/* The guesser is stopped, even with the right password... */
	assert_int_equal(sign_in_post(&attacker, "viewer",
	    srv.demo_password), 429);
	/* ...while the owner, elsewhere, signs in. */
	client_from(&owner, "127.0.0.1");
	assert_int_equal(sign_in_post(&owner, "viewer", srv.demo_password),
	    303);
	client_free(&owner);
	client_free(&attacker);
}

static void
one_address_trying_many_usernames_meets_its_ceiling(void **state)
{
	struct client	 c, other;
	char		 user[32];
	int		 i;

	(void)state;
	client_from(&c, "127.0.0.3");
	/* Eight usernames, each failing once: under the per-name limit
	 * (3) but at the address's ceiling (8). */
	for (i = 0; i < 8; i++) {
		snprintf(user, sizeof(user), "guess%d", i);
		assert_int_equal(sign_in_post(&c, user, "not-it-at-all"), 422);
	}
	assert_int_equal(sign_in_post(&c, "rep.fenwick", srv.demo_password),
	    429);
	/* Nobody else is locked out by it. */
	client_from(&other, "127.0.0.4");
	assert_int_equal(sign_in_post(&other, "rep.fenwick",
	    srv.demo_password), 303);
	client_free(&other);
	client_free(&c);
}

static void
posts_without_csrf_are_refused(void **state)
{
	struct client	 c;
	struct reply	 r;
	long long	 before;

	(void)state;
	client_init(&c, &srv);
	assert_int_equal(client_sign_in(&c, "coordinator.fenwick",
	    srv.demo_password), 303);
	before = db_scalar(&srv, "SELECT count(*) FROM people");
	assert_int_equal(http_post(&c, "/people/new",
	    "display_name=Nobody&status=in_custody&site_id=1", 0, &r), 403);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/people/new",
	    "display_name=Nobody&status=in_custody&site_id=1&csrf="
	    "0000000000000000000000000000000000000000000000000000000000000000",
	    0, &r), 403);
	/* An expired form is no page withheld: no coordinator to ask. */
	assert_contains(r.body, "This form has expired");
	assert_lacks(r.body, "ask your coordinator");
	reply_free(&r);
	/* The sign-in form needs its token too. */
	{
		struct client	 anon;

		client_init(&anon, &srv);
		assert_int_equal(http_post(&anon, "/sign-in",
		    "username=viewer&password=x", 0, &r), 403);
		reply_free(&r);
		client_free(&anon);
	}
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM people"), before);
	client_free(&c);
}

static void
signed_out_visitors_are_sent_to_sign_in(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	client_init(&c, &srv);
	assert_int_equal(http_get(&c, "/people", &r), 303);
	assert_string_equal(r.location, "/sign-in");
	reply_free(&r);
	c.json = 1;
	assert_int_equal(http_get(&c, "/people", &r), 401);
	assert_contains(r.content_type, "application/json");
	reply_free(&r);
	client_free(&c);
}

static void
sign_out_ends_the_session(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	client_init(&c, &srv);
	assert_int_equal(client_sign_in(&c, "rep.fenwick", srv.demo_password),
	    303);
	assert_int_equal(http_get(&c, "/groups", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/sign-out", "", 1, &r), 303);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/groups", &r), 303);
	reply_free(&r);
	client_free(&c);
}

static void
idle_sessions_expire(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	client_init(&c, &srv);
	assert_int_equal(client_sign_in(&c, "governor.fenwick",
	    srv.demo_password), 303);
	assert_int_equal(http_get(&c, "/groups", &r), 200);
	reply_free(&r);
	sleep(4);	/* idle timeout is 2 s in this test's config */
	/* The sign-in form in place, saying why (signed_out.c). */
	assert_int_equal(http_get(&c, "/groups", &r), 401);
	assert_contains(r.body, "You were signed out after 2 seconds without "
	    "activity");
	reply_free(&r);
	client_free(&c);
}

static void
sign_out_everywhere_ends_other_sessions(void **state)
{
	struct client	 a, b;
	struct reply	 r;

	(void)state;
	client_init(&a, &srv);
	client_init(&b, &srv);
	assert_int_equal(client_sign_in(&a, "coordinator.westvale",
	    srv.demo_password), 303);
	assert_int_equal(client_sign_in(&b, "coordinator.westvale",
	    srv.demo_password), 303);
	assert_int_equal(http_get(&a, "/account", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&a, "/sign-out-everywhere", "", 1, &r), 303);
	reply_free(&r);
	assert_int_equal(http_get(&b, "/account", &r), 303);
	reply_free(&r);
	client_free(&a);
	client_free(&b);
}

static void
admin_must_change_the_one_time_password(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*body;

	(void)state;
	client_init(&c, &srv);
	assert_int_equal(client_sign_in(&c, "admin", srv.admin_password), 303);
	assert_int_equal(http_get(&c, "/sites", &r), 303);
	assert_string_equal(r.location, "/account/password");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account/password", &r), 200);
	reply_free(&r);
	/* Too short, then not confirmed: each error names its field. */
	assert_true(asprintf(&body, "current=%s&password=short&confirm=short",
	    srv.admin_password) > 0);
	assert_int_equal(http_post(&c, "/account/password", body, 1, &r), 422);
	assert_contains(r.body, "New password must be at least 10 characters");
	free(body);
	reply_free(&r);
	assert_true(asprintf(&body, "current=%s&password=correct-horse-battery"
	    "&confirm=correct-horse-battery", srv.admin_password) > 0);
	assert_int_equal(http_post(&c, "/account/password", body, 1, &r), 303);
	free(body);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/sites", &r), 200);
	reply_free(&r);
	client_free(&c);
	/* The old password no longer works; the new one does. */
	client_init(&c, &srv);
	assert_int_equal(client_sign_in(&c, "admin", srv.admin_password), 422);
	assert_int_equal(client_sign_in(&c, "admin", "correct-horse-battery"),
	    303);
	client_free(&c);
}

static void
api_tokens_work_until_revoked(void **state)
{
	struct client	 c, api;
	struct reply	 r;
	char		*p, token[64], path[64];
	long long	 id;

	(void)state;
	client_init(&c, &srv);
	assert_int_equal(client_sign_in(&c, "coordinator.harbour",
	    srv.demo_password), 303);
	assert_int_equal(http_get(&c, "/account", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/account/tokens", "name=reports", 1,
	    &r), 200);
	p = strstr(r.body, "class=\"rt-token\">");
	assert_non_null(p);
	snprintf(token, sizeof(token), "%.43s", p + strlen("class=\"rt-token\">"));
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM api_tokens "
	    "WHERE length(token_hash) = 32"), 1);

	client_init(&api, &srv);
	api.bearer = strdup(token);
	assert_int_equal(http_get(&api, "/groups", &r), 200);
	assert_contains(r.content_type, "application/json");
	assert_contains(r.body, "Women's Reference Group");
	reply_free(&r);
	/* Bearer requests need no CSRF token: there is no ambient cookie. */
	assert_int_equal(http_post(&api, "/people/new",
	    "display_name=Api+Person&status=in_community&site_id=2", 0, &r), 303);
	reply_free(&r);

	id = db_scalar(&srv, "SELECT id FROM api_tokens ORDER BY id DESC");
	snprintf(path, sizeof(path), "/account/tokens/%lld/revoke", id);
	assert_int_equal(http_post(&c, path, "", 1, &r), 303);
	reply_free(&r);
	assert_int_equal(http_get(&api, "/groups", &r), 401);
	reply_free(&r);
	client_free(&api);
	client_free(&c);
}

static void
json_and_html_carry_the_same_data(void **state)
{
	struct client	 c;
	struct reply	 html, json;

	(void)state;
	client_init(&c, &srv);
	assert_int_equal(client_sign_in(&c, "coordinator.fenwick",
	    srv.demo_password), 303);
	assert_int_equal(http_get(&c, "/groups/1", &html), 200);
	c.json = 1;
	assert_int_equal(http_get(&c, "/groups/1", &json), 200);
	assert_contains(html.content_type, "text/html");
	assert_contains(json.content_type, "application/json");
	assert_contains(html.body, "Over-50s Forum");
	assert_contains(json.body, "\"name\":\"Over-50s Forum\"");
	assert_contains(json.body, "\"display_name\":\"Arthur\"");
	assert_contains(html.body, "Arthur");
	/* The page chrome (CSRF token, navigation) is not in the JSON. */
	assert_lacks(json.body, "csrf");
	reply_free(&html);
	reply_free(&json);
	client_free(&c);
}

static void
every_response_has_security_headers(void **state)
{
	struct client	 c;
	struct reply	 r;
	struct curl_header *h;

	(void)state;
	client_init(&c, &srv);
	http_get(&c, "/sign-in", &r);
	assert_int_equal(curl_easy_header(c.curl, "Content-Security-Policy", 0,
	    CURLH_HEADER, -1, &h), CURLHE_OK);
	assert_contains(h->value, "default-src 'self'");
	assert_contains(h->value, "frame-ancestors 'none'");
	assert_int_equal(curl_easy_header(c.curl, "X-Content-Type-Options", 0,
	    CURLH_HEADER, -1, &h), CURLHE_OK);
	assert_int_equal(curl_easy_header(c.curl, "Referrer-Policy", 0,
	    CURLH_HEADER, -1, &h), CURLHE_OK);
	assert_int_equal(curl_easy_header(c.curl, "Cache-Control", 0,
	    CURLH_HEADER, -1, &h), CURLHE_OK);
	assert_string_equal(h->value, "no-store");
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sign_in_sets_a_strict_session_cookie),
		cmocka_unit_test(wrong_password_gets_a_uniform_message),
		cmocka_unit_test(repeated_failures_are_throttled),
		cmocka_unit_test(guessing_from_one_address_does_not_lock_the_owner_out),
		cmocka_unit_test(one_address_trying_many_usernames_meets_its_ceiling),
		cmocka_unit_test(posts_without_csrf_are_refused),
		cmocka_unit_test(signed_out_visitors_are_sent_to_sign_in),
		cmocka_unit_test(sign_out_ends_the_session),
		cmocka_unit_test(idle_sessions_expire),
		cmocka_unit_test(sign_out_everywhere_ends_other_sessions),
		cmocka_unit_test(admin_must_change_the_one_time_password),
		cmocka_unit_test(api_tokens_work_until_revoked),
		cmocka_unit_test(json_and_html_carry_the_same_data),
		cmocka_unit_test(every_response_has_security_headers),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
