/*
 * Regression tests for the access and integrity defects a review found:
 * each is a request that once did something it must not.
 */
#define PW	"review-test-password"
#include "http_test.h"

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum", "coordinator.fenwick",
	    "coordinator.westvale", NULL };

	(void)state;
	if (server_prepare(&srv, NULL) == -1)
		return -1;
	if (server_passwords(&srv, users, PW) == -1)
		return -1;
	/* A coordinator for the Over-50s Forum only (group 1). */
	if (roundtable_cli(&srv, "user add gcoord --role coordinator --scope "
	    "group:1 --password-stdin", PW "\n", NULL) != 0)
		return -1;
	return server_launch(&srv);
}

static void
a_group_coordinator_reads_no_logs_and_no_register(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "gcoord");
	assert_int_equal(http_get(&c, "/issues/1/logs", &r), 403);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/issues/1/logs", "conversation_ids=9",
	    1, &r), 403);
	reply_free(&r);
	c.json = 1;
	assert_int_equal(http_get(&c, "/issues/1", &r), 200);
	assert_lacks(r.body, "\"logs\"");
	assert_lacks(r.body, "\"raised\"");
	reply_free(&r);
	c.json = 0;
	assert_int_equal(http_get(&c, "/groups/1/members/new", &r), 403);
	reply_free(&r);
	client_free(&c);
}

static void
members_see_names_not_register_references(void **state)
{
	struct client	 member, staff;
	struct reply	 r;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	member.json = staff.json = 1;
	assert_int_equal(http_get(&member, "/groups/1", &r), 200);
	assert_contains(r.body, "\"display_name\"");
	assert_lacks(r.body, "\"reference\"");
	assert_lacks(r.body, "\"person_id\"");
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/groups/1", &r), 200);
	assert_contains(r.body, "\"reference\"");
	reply_free(&r);
	client_free(&member);
	client_free(&staff);
}

static void
editing_a_shared_service_keeps_other_sites(void **state)
{
	struct client	 c;
	struct reply	 r;
	long long	 service;
	char		 path[64], sql[160];

	(void)state;
	service = db_scalar(&srv, "SELECT service_id FROM service_sites GROUP "
	    "BY service_id HAVING count(*) = 2 AND min(site_id) = 1 AND "
	    "max(site_id) = 3");
	assert_true(service > 0);
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/directory/%lld/edit", service);
	assert_int_equal(http_get(&c, path, &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, path, "name=Later+Life+Advice+Service"
	    "&offer=Advice+on+pensions&site_ids=1", 1, &r), 303);
	reply_free(&r);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM service_sites WHERE "
	    "service_id = %lld AND site_id = 3", service);
	assert_int_equal(db_scalar(&srv, sql), 1);
	client_free(&c);
}

static void
tokens_end_when_the_password_changes(void **state)
{
	struct client	 c, api;
	struct reply	 r;
	char		*p, token[64];

	(void)state;
	as(&c, "coordinator.westvale");
	assert_int_equal(http_post(&c, "/account/tokens", "name=export", 1, &r),
	    200);
	p = strstr(r.body, "class=\"rt-token\">");
	assert_non_null(p);
	snprintf(token, sizeof(token), "%.43s", p + strlen("class=\"rt-token\">"));
	reply_free(&r);
	client_init(&api, &srv);
	api.bearer = strdup(token);
	assert_int_equal(http_get(&api, "/groups", &r), 200);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account/password", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/account/password", "current=" PW
	    "&password=a-brand-new-password&confirm=a-brand-new-password", 1,
	    &r), 303);
	reply_free(&r);
	assert_int_equal(http_get(&api, "/groups", &r), 401);
	reply_free(&r);
	client_free(&api);
	client_free(&c);
}

static void
an_invalid_bearer_token_does_not_waive_csrf(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	client_init(&c, &srv);
	c.bearer = strdup("junk");
	assert_int_equal(http_post(&c, "/sign-in", "username=member.forum"
	    "&password=" PW, 0, &r), 403);
	reply_free(&r);
	client_free(&c);
}

static void
approved_agendas_do_not_change(void **state)
{
	struct client	 c;
	struct reply	 r;
	long long	 published, item;
	char		 path[64];

	(void)state;
	published = db_scalar(&srv, "SELECT min(id) FROM meetings WHERE "
	    "minutes_state = 'published'");
	item = db_scalar(&srv, "SELECT max(id) FROM agenda_items WHERE "
	    "meeting_id = (SELECT min(id) FROM meetings WHERE minutes_state = "
	    "'published')");
	as(&c, "member.forum");
	snprintf(path, sizeof(path), "/meetings/%lld/agenda", published);
	assert_int_equal(http_post(&c, path, "title=Late+addition", 1, &r), 409);
	reply_free(&r);
	/* Nor its decisions: no form is offered that could not be saved. */
	snprintf(path, sizeof(path), "/meetings/%lld/decisions", published);
	assert_int_equal(http_get(&c, path, &r), 409);
	assert_contains(r.body, "no more decisions can be added");
	reply_free(&r);
	assert_int_equal(http_post(&c, path, "text=Late+decision", 1, &r),
	    409);
	reply_free(&r);
	snprintf(path, sizeof(path), "/agenda-items/%lld/up", item);
	assert_int_equal(http_post(&c, path, "", 1, &r), 409);
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_group_coordinator_reads_no_logs_and_no_register),
		cmocka_unit_test(members_see_names_not_register_references),
		cmocka_unit_test(editing_a_shared_service_keeps_other_sites),
		cmocka_unit_test(tokens_end_when_the_password_changes),
		cmocka_unit_test(an_invalid_bearer_token_does_not_waive_csrf),
		cmocka_unit_test(approved_agendas_do_not_change),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
