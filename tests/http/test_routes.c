/*
 * Walks every route in the table as every role: each account holds one
 * role at HMP Fenwick (site 1).  A route must answer as its declaration
 * says for its own site, refuse everything at another site, and lists
 * must never show another site's names.  Undeclared paths are 404.
 */
#include "http_test.h"
#include "auth/roles.h"
#include "server/router.h"
#include "http/route_walk.h"

#define PASSWORD	"route-walk-password"

static int
setup(void **state)
{
	char	 args[128];
	int	 r;

	(void)state;
	if (server_prepare(&srv, NULL) == -1)
		return -1;
	for (r = 0; r < ROLE__MAX; r++) {
		snprintf(args, sizeof(args), "user add walk.%s --role %s "
		    "--scope site:1 --password-stdin", role_names[r],
		    role_names[r]);
		if (roundtable_cli(&srv, args, PASSWORD "\n", NULL) != 0)
			return -1;
	}
	if (roundtable_cli(&srv, "user add walk.orgadmin --role admin "
	    "--password-stdin", PASSWORD "\n", NULL) != 0)
		return -1;
	if (route_walk_resolve(&srv) == -1)
		return -1;
	return server_launch(&srv);
}

static long
visit(struct client *c, const struct route *rt, const char *path)
{
	struct reply	 r;
	long		 status;

	if (rt->method == HTTP_GET)
		status = http_get(c, path, &r);
	else
		status = http_post(c, path, "", 1, &r);
	reply_free(&r);
	return status;
}

static void
signed_in(struct client *c, const char *user)
{
	assert_int_equal(client_as(c, &srv, user, PASSWORD), 0);
}

/* Sign-out routes end the session they are tried with: start again. */
static int
ends_session(const struct route *rt)
{
	return strncmp(rt->pattern, "/sign-out", 9) == 0;
}

static void
every_route_as_every_role(void **state)
{
	const struct route *rt;
	struct client	 c;
	char		 user[64], path[256];
	long		 status, want;
	size_t		 i;
	int		 role, other, allowed, checked = 0;

	(void)state;
	for (role = 0; role < ROLE__MAX; role++) {
		snprintf(user, sizeof(user), "walk.%s", role_names[role]);
		signed_in(&c, user);
		for (i = 0; i < routes_count; i++) {
			rt = &routes[i];
			if (rt->roles == 0)
				continue;	/* public: see below */
			for (other = 0; other < 2; other++) {
				assert_int_equal(route_walk_path(rt, other, path,
				    sizeof(path)), 0);
				if (other && strstr(rt->pattern, "{id}") == NULL)
					continue;
				allowed = (rt->flags & ROUTE_SIGNED_IN) ||
				    ((rt->roles & ROLE_BIT(role)) &&
				    rt->target != target_organisation && !other);
				/* The walk's accounts own no records. */
				if ((rt->flags & ROUTE_OWNER_OR_STAFF) &&
				    !(ROLES_STAFF & ROLE_BIT(role)))
					allowed = 0;
				status = visit(&c, rt, path);
				if (strcmp(rt->pattern, "/account/tokens/{id}/revoke") == 0)
					want = 404;	/* no such token of theirs */
				else if (!allowed)
					want = 403;
				else if (rt->method == HTTP_GET)
					want = 200;
				else
					want = ends_session(rt) ? 303 : 422;
				/* A form with nothing required succeeds the
				 * first time and finds it done after; a
				 * record's state may refuse (409) what the
				 * role allows. */
				if ((want == 422 && status == 303) ||
				    ((want == 422 || want == 200) &&
				    status == 409))
					want = status;
				if (status != want)
					print_error("%s %s as %s: got %ld, "
					    "want %ld\n", rt->method == HTTP_GET ?
					    "GET" : "POST", path, user, status,
					    want);
				assert_int_equal(status, want);
				checked++;
				if (ends_session(rt)) {
					client_free(&c);
					signed_in(&c, user);
				}
			}
		}
		client_free(&c);
	}
	print_message("checked %d route visits\n", checked);
	assert_true(checked > 200);
}

static void
organisation_admin_reaches_everything(void **state)
{
	const struct route *rt;
	struct client	 c;
	char		 path[256];
	long		 status;
	size_t		 i;

	(void)state;
	signed_in(&c, "walk.orgadmin");
	for (i = 0; i < routes_count; i++) {
		rt = &routes[i];
		if (rt->roles == 0 || rt->method != HTTP_GET ||
		    !(rt->roles & ROLE_BIT(ROLE_ADMIN)))
			continue;
		assert_int_equal(route_walk_path(rt, 1, path, sizeof(path)), 0);
		status = visit(&c, rt, path);
		if (status != 200 && status != 409)
			print_error("GET %s as org admin: %ld\n", path, status);
		assert_true(status == 200 || status == 409);
	}
	client_free(&c);
}

static void
lists_show_only_the_callers_site(void **state)
{
	static const char *lists[] = { "/sites", "/groups", "/people" };
	static const char *others[] = { "Westvale", "Harbour", "Sam",
	    "Maria", "Lived Experience Team" };
	struct client	 c;
	struct reply	 r;
	char		 user[64];
	size_t		 i, k;
	int		 role;

	(void)state;
	for (role = 0; role < ROLE__MAX; role++) {
		snprintf(user, sizeof(user), "walk.%s", role_names[role]);
		signed_in(&c, user);
		for (k = 0; k < 2; k++) {
			c.json = (int)k;
			for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
				if (http_get(&c, lists[i], &r) == 200) {
					for (size_t o = 0; o < sizeof(others) /
					    sizeof(others[0]); o++)
						assert_lacks(r.body, others[o]);
				}
				reply_free(&r);
			}
		}
		client_free(&c);
	}
}

static void
privacy_rules_hold_by_name(void **state)
{
	struct client	 c;
	struct reply	 r;
	static const char *no_people[] = { "walk.rep", "walk.member",
	    "walk.viewer", "walk.decision_maker", "walk.evaluator" };
	size_t		 i;

	(void)state;
	/* Only staff see the register of people and its restrictions. */
	for (i = 0; i < sizeof(no_people) / sizeof(no_people[0]); i++) {
		signed_in(&c, no_people[i]);
		assert_int_equal(http_get(&c, "/people", &r), 403);
		reply_free(&r);
		assert_int_equal(http_get(&c, "/people/1", &r), 403);
		reply_free(&r);
		assert_int_equal(http_get(&c, "/audit", &r), 403);
		reply_free(&r);
		client_free(&c);
	}
	/* A site admin is not an organisation admin. */
	signed_in(&c, "walk.admin");
	assert_int_equal(http_get(&c, "/audit", &r), 403);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/sites/new", &r), 403);
	reply_free(&r);
	client_free(&c);
}

static void
undeclared_paths_are_not_found(void **state)
{
	static const char *paths[] = { "/admin", "/sites/1/delete",
	    "/sites/01", "/sites/-1", "/sites/1/", "/people/999999999999999999999",
	    "/static/../src/main.c", "/.git/config", "//sites" };
	struct client	 c;
	struct reply	 r;
	size_t		 i;
	long		 status;

	(void)state;
	signed_in(&c, "walk.orgadmin");
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		status = http_get(&c, paths[i], &r);
		if (status != 404)
			print_error("%s: %ld\n", paths[i], status);
		assert_int_equal(status, 404);
		reply_free(&r);
	}
	/* A known path with another method is 405. */
	assert_int_equal(http_post(&c, "/sites", "", 1, &r), 405);
	reply_free(&r);
	/* Public routes need no sign-in. */
	client_free(&c);
	client_init(&c, &srv);
	assert_int_equal(http_get(&c, "/healthz", &r), 200);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/sign-in", &r), 200);
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_route_as_every_role),
		cmocka_unit_test(organisation_admin_reaches_everything),
		cmocka_unit_test(lists_show_only_the_callers_site),
		cmocka_unit_test(privacy_rules_hold_by_name),
		cmocka_unit_test(undeclared_paths_are_not_found),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
