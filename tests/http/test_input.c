/*
 * Bad input: every kind is answered 4xx with a message naming the
 * problem, and the database is byte-for-byte what it was.
 */
#include "http_test.h"

static struct client c;
static char *before;

static int
setup(void **state)
{
	(void)state;
	if (server_start(&srv, "[limits]\nbody_max = 65536\nfield_max = 4096\n"
	    "fields_max = 50\n") == -1)
		return -1;
	client_init(&c, &srv);
	if (client_sign_in(&c, "coordinator.fenwick", srv.demo_password) != 303)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	client_free(&c);
	return server_stop(&srv) == 0 ? 0 : -1;
}

/* Each test starts from the form page, with the database fingerprinted. */
static int
each_setup(void **state)
{
	struct reply	 r;

	(void)state;
	http_get(&c, "/people/new", &r);
	reply_free(&r);
	before = db_fingerprint(srv.db);
	return before ? 0 : -1;
}

static int
each_teardown(void **state)
{
	char	*after = db_fingerprint(srv.db);
	int	 same = after && strcmp(before, after) == 0;

	(void)state;
	if (!same)
		print_error("the database changed: %s -> %s\n", before, after);
	free(after);
	free(before);
	return same ? 0 : -1;
}

static void
missing_fields_are_named(void **state)
{
	struct reply	 r;

	(void)state;
	assert_int_equal(http_post(&c, "/people/new", "display_name=", 1, &r),
	    422);
	assert_contains(r.body, "There is a problem");
	assert_contains(r.body, "Enter name used in the group");
	assert_contains(r.body, "Select status");
	assert_contains(r.body, "Select site");
	assert_contains(r.body, "href=\"#status\"");
	reply_free(&r);
}

static void
overlong_fields_are_named_and_kept(void **state)
{
	struct reply	 r;
	char		 body[512];

	(void)state;
	snprintf(body, sizeof(body), "display_name=%0200d&status=in_custody"
	    "&site_id=1&restrictions=keep+me", 7);
	assert_int_equal(http_post(&c, "/people/new", body, 1, &r), 422);
	assert_contains(r.body, "Name used in the group must be 120 characters "
	    "or fewer");
	/* What the user typed comes back. */
	assert_contains(r.body, ">keep me</textarea>");
	assert_contains(r.body, "<option value=\"in_custody\" selected>");
	reply_free(&r);
}

static void
values_outside_the_lists_are_refused(void **state)
{
	struct reply	 r;

	(void)state;
	/* Site 3 exists but is not this coordinator's. */
	assert_int_equal(http_post(&c, "/people/new", "display_name=Zed"
	    "&status=emperor&site_id=3", 1, &r), 422);
	assert_contains(r.body, "Select status from the list");
	assert_contains(r.body, "Select site from the list");
	reply_free(&r);
	assert_int_equal(http_post(&c, "/people/new", "display_name=Zed"
	    "&status=in_custody&site_id=1&unit_id=999", 1, &r), 422);
	assert_contains(r.body, "Select wing or place from the list");
	reply_free(&r);
}

static void
invalid_dates_are_refused(void **state)
{
	struct reply	 r;

	(void)state;
	assert_int_equal(http_post(&c, "/people/1/leave",
	    "left_reason=release&left_on=2025-02-29", 1, &r), 422);
	assert_contains(r.body, "Date they left must be a real date");
	reply_free(&r);
}

static void
invalid_utf8_is_refused(void **state)
{
	struct reply	 r;

	(void)state;
	assert_int_equal(http_post(&c, "/people/new", "display_name=%C3%28"
	    "&status=in_custody&site_id=1", 1, &r), 400);
	assert_contains(r.body, "display_name is not valid UTF-8");
	reply_free(&r);
	assert_int_equal(http_post(&c, "/people/new", "display_name=a%00b"
	    "&status=in_custody&site_id=1", 1, &r), 400);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/people?q=%FF%FE", &r), 400);
	reply_free(&r);
}

static void
control_characters_are_refused(void **state)
{
	struct reply	 r;

	(void)state;
	assert_int_equal(http_post(&c, "/people/new", "display_name=a%1Bb"
	    "&status=in_custody&site_id=1", 1, &r), 422);
	assert_contains(r.body, ": there is a hidden character that cannot be saved");
	reply_free(&r);
}

static void
oversized_bodies_are_refused(void **state)
{
	struct reply	 r;
	size_t		 n = 200 * 1024;
	char		*body = malloc(n + 1);

	(void)state;
	memset(body, 'a', n);
	memcpy(body, "display_name=", 13);
	body[n] = '\0';
	assert_int_equal(http_post_raw(&c, "/people/new",
	    "application/x-www-form-urlencoded", body, n, &r), 413);
	reply_free(&r);
	free(body);
}

static void
oversized_fields_are_refused(void **state)
{
	struct reply	 r;
	size_t		 n = 8 * 1024;
	char		*body = malloc(n + 64);

	(void)state;
	memcpy(body, "display_name=", 13);
	memset(body + 13, 'b', n);
	strcpy(body + 13 + n, "&status=in_custody");
	assert_int_equal(http_post(&c, "/people/new", body, 1, &r), 413);
	assert_contains(r.body, "display_name is too long");
	reply_free(&r);
	free(body);
}

static void
too_many_fields_are_refused(void **state)
{
	struct reply	 r;
	char		 body[2048];
	size_t		 len = 0;
	int		 i;

	(void)state;
	for (i = 0; i < 60; i++)
		len += (size_t)snprintf(body + len, sizeof(body) - len,
		    "%sf%d=x", i ? "&" : "", i);
	assert_int_equal(http_post(&c, "/people/new", body, 1, &r), 413);
	assert_contains(r.body, "too many fields");
	reply_free(&r);
}

static void
other_body_types_are_refused(void **state)
{
	struct reply	 r;

	(void)state;
	assert_int_equal(http_post_raw(&c, "/people/new", "application/json",
	    "{\"display_name\":\"x\"}", 20, &r), 415);
	reply_free(&r);
}

static void
malformed_paths_are_not_found(void **state)
{
	struct reply	 r;

	(void)state;
	assert_int_equal(http_get(&c, "/people/%2e%2e/1", &r), 404);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/people/1%00", &r), 404);
	reply_free(&r);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, each_setup, each_teardown)
	const struct CMUnitTest tests[] = {
		T(missing_fields_are_named),
		T(overlong_fields_are_named_and_kept),
		T(values_outside_the_lists_are_refused),
		T(invalid_dates_are_refused),
		T(invalid_utf8_is_refused),
		T(control_characters_are_refused),
		T(oversized_bodies_are_refused),
		T(oversized_fields_are_refused),
		T(too_many_fields_are_refused),
		T(other_body_types_are_refused),
		T(malformed_paths_are_not_found),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
