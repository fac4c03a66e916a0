/* src/server/router.h on a local table, and the app's routes[] table. */
#include "unit.h"

#include "server/router.h"

static void h_a(struct request *rq, struct response *rs) { (void)rq; (void)rs; }
static void h_b(struct request *rq, struct response *rs) { (void)rq; (void)rs; }

#define R(m, p, h, s) { .method = (m), .pattern = (p), .handler = (h), \
	.roles = 1, .target = NULL, .scope = "x", .flags = 0, .summary = (s) }

static const struct route table[] = {
	R(HTTP_GET,  "/", h_a, "root"),
	R(HTTP_GET,  "/things", h_a, "list"),
	R(HTTP_GET,  "/things/new", h_a, "form"),
	R(HTTP_POST, "/things/new", h_b, "add"),
	R(HTTP_GET,  "/things/{id}", h_a, "one"),
	R(HTTP_POST, "/things/{id}/edit", h_b, "edit"),
	R(HTTP_GET,  "/a/{id}/b/{id}", h_a, "two ids"),
	R(HTTP_GET,  "/w/{id}/{id}/{id}/{id}", h_a, "four"),
	R(HTTP_GET,  "/x/{id}/{id}/{id}/{id}/{id}", h_a, "five"),
};
#define NTABLE	(sizeof(table) / sizeof(table[0]))

struct match {
	const struct route	*r;
	int64_t			 ids[ROUTE_IDS_MAX];
	size_t			 nids;
	int			 status;
};

static struct match
match(enum http_method m, const char *path)
{
	struct match	 x;

	memset(&x, 0, sizeof(x));
	x.nids = 99;
	x.status = -1;
	x.r = router_match(table, NTABLE, m, path, x.ids, &x.nids, &x.status);
	return x;
}

static void
found(enum http_method m, const char *path, size_t index)
{
	struct match	 x = match(m, path);

	if (x.r != &table[index])
		fail_msg("%s matched %s, wanted %s", path,
		    x.r ? x.r->pattern : "nothing", table[index].pattern);
}

static void
status(enum http_method m, const char *path, int want)
{
	struct match	 x = match(m, path);

	if (x.r != NULL)
		fail_msg("%s matched %s, wanted %d", path, x.r->pattern, want);
	assert_int_equal(x.status, want);
	assert_int_equal(x.nids, 0);
}

static void
test_exact(void **state)
{
	struct match	 x;

	(void)state;
	found(HTTP_GET, "/", 0);
	found(HTTP_GET, "/things", 1);
	found(HTTP_GET, "/things/new", 2);	/* literal before {id} */
	found(HTTP_POST, "/things/new", 3);
	x = match(HTTP_GET, "/things");
	assert_int_equal(x.nids, 0);
	status(HTTP_GET, "/thing", 404);
	status(HTTP_GET, "/thingss", 404);
	status(HTTP_GET, "/Things", 404);
	status(HTTP_GET, "/things/new/more", 404);
	status(HTTP_GET, "", 404);
	status(HTTP_GET, "things", 404);
	status(HTTP_GET, "//things", 404);
	status(HTTP_GET, "/things//new", 404);
}

static void
test_trailing_slash(void **state)
{
	(void)state;
	status(HTTP_GET, "/things/", 404);
	status(HTTP_GET, "/things/new/", 404);
	status(HTTP_POST, "/things/new/", 404);
	status(HTTP_GET, "/things/5/", 404);
	status(HTTP_POST, "/things/5/edit/", 404);
}

static void
test_ids(void **state)
{
	struct match	 x;

	(void)state;
	x = match(HTTP_GET, "/things/42");
	assert_ptr_equal(x.r, &table[4]);
	assert_int_equal(x.nids, 1);
	assert_int_equal(x.ids[0], 42);

	x = match(HTTP_POST, "/things/7/edit");
	assert_ptr_equal(x.r, &table[5]);
	assert_int_equal(x.nids, 1);
	assert_int_equal(x.ids[0], 7);

	x = match(HTTP_GET, "/a/12/b/3400");
	assert_ptr_equal(x.r, &table[6]);
	assert_int_equal(x.nids, 2);
	assert_int_equal(x.ids[0], 12);
	assert_int_equal(x.ids[1], 3400);

	x = match(HTTP_GET, "/w/1/2/3/4");
	assert_ptr_equal(x.r, &table[7]);
	assert_int_equal(x.nids, 4);
	assert_int_equal(x.ids[3], 4);

	/* 18 digits is the most. */
	x = match(HTTP_GET, "/things/999999999999999999");
	assert_ptr_equal(x.r, &table[4]);
	assert_int_equal(x.ids[0], INT64_C(999999999999999999));
	x = match(HTTP_GET, "/things/100000000000000000");
	assert_ptr_equal(x.r, &table[4]);
	assert_int_equal(x.ids[0], INT64_C(100000000000000000));
}

static void
test_ids_refused(void **state)
{
	(void)state;
	status(HTTP_GET, "/things/0", 404);
	status(HTTP_GET, "/things/00", 404);
	status(HTTP_GET, "/things/01", 404);
	status(HTTP_GET, "/things/007", 404);
	status(HTTP_GET, "/things/-1", 404);
	status(HTTP_GET, "/things/+1", 404);
	status(HTTP_GET, "/things/1a", 404);
	status(HTTP_GET, "/things/a1", 404);
	status(HTTP_GET, "/things/abc", 404);
	status(HTTP_GET, "/things/1.5", 404);
	status(HTTP_GET, "/things/1e3", 404);
	status(HTTP_GET, "/things/0x10", 404);
	status(HTTP_GET, "/things/ 1", 404);
	status(HTTP_GET, "/things/1%20", 404);
	status(HTTP_GET, "/things/\xd9\xa1", 404);		/* Arabic one */
	status(HTTP_GET, "/things/1000000000000000000", 404);	/* 19 digits */
	status(HTTP_GET, "/things/9999999999999999999", 404);
	status(HTTP_GET, "/things/99999999999999999999999999999", 404);
	status(HTTP_POST, "/things/0/edit", 404);
	status(HTTP_GET, "/a/1/b/0", 404);
	/* More ids than a request can hold never match. */
	status(HTTP_GET, "/x/1/2/3/4/5", 404);
}

static void
test_405(void **state)
{
	(void)state;
	status(HTTP_POST, "/things", 405);
	status(HTTP_POST, "/", 405);
	status(HTTP_POST, "/things/9", 405);
	status(HTTP_GET, "/things/9/edit", 405);
	/* A bad id is no such path, not another method. */
	status(HTTP_GET, "/things/09/edit", 404);
	status(HTTP_POST, "/nothing", 404);
}

static void
test_empty_table(void **state)
{
	int64_t	 ids[ROUTE_IDS_MAX];
	size_t	 n = 5;
	int	 st = 0;

	(void)state;
	assert_null(router_match(table, 0, HTTP_GET, "/", ids, &n, &st));
	assert_int_equal(st, 404);
	assert_int_equal(n, 0);
}

static void
test_print(void **state)
{
	char	*text = NULL;
	size_t	 len = 0;
	FILE	*f;

	(void)state;
	f = open_memstream(&text, &len);
	assert_non_null(f);
	router_print(routes, routes_count, f);
	fclose(f);
	assert_non_null(strstr(text, "/healthz"));
	assert_non_null(strstr(text, "public"));
	assert_non_null(strstr(text, "POST  /sign-in"));
	free(text);
}

/* ---- the app's own table --------------------------------------------- */

static void
test_app_public_routes(void **state)
{
	/* The only pages open to someone with no account: the health
	 * check, signing in, and answering a survey (a respondent never
	 * signs in; the survey comes from its secret link). */
	static const struct {
		enum http_method method;
		const char	*pattern;
	} open[] = {
		{ HTTP_GET, "/healthz" }, { HTTP_GET, "/sign-in" },
		{ HTTP_POST, "/sign-in" }, { HTTP_GET, "/answer" },
		{ HTTP_POST, "/answer" }, { HTTP_GET, "/answer/thanks" },
		{ HTTP_GET, "/kiosk" }, { HTTP_POST, "/kiosk" },
	};
	size_t	 i, k, seen[sizeof(open) / sizeof(open[0])] = { 0 };

	(void)state;
	assert_true(routes_count > 3);
	for (i = 0; i < routes_count; i++) {
		const struct route *r = &routes[i];

		if (r->roles != 0)
			continue;
		for (k = 0; k < sizeof(open) / sizeof(open[0]); k++)
			if (r->method == open[k].method &&
			    strcmp(r->pattern, open[k].pattern) == 0)
				break;
		if (k == sizeof(open) / sizeof(open[0]))
			fail_msg("route %d %s is public", r->method, r->pattern);
		seen[k]++;
	}
	for (k = 0; k < sizeof(open) / sizeof(open[0]); k++)
		assert_int_equal(seen[k], 1);
}

static void
test_app_routes_guarded(void **state)
{
	static const char any[] = "rows filtered to the caller's scopes";
	size_t	 i;

	(void)state;
	for (i = 0; i < routes_count; i++) {
		const struct route *r = &routes[i];

		if (r->handler == NULL)
			fail_msg("%s has no handler", r->pattern);
		assert_non_null(r->pattern);
		assert_non_null(r->summary);
		assert_non_null(r->scope);
		assert_true(r->method == HTTP_GET || r->method == HTTP_POST);
		assert_int_equal(r->roles & ~ROLES_ALL, 0);
		if (r->roles == 0)
			continue;
		if (r->target == NULL && r->flags == 0 &&
		    strcmp(r->scope, any) != 0)
			fail_msg("%s %s has roles but no target, flags or "
			    "filtered scope", r->method == HTTP_GET ? "GET" :
			    "POST", r->pattern);
	}
}

static void
test_app_routes_unique(void **state)
{
	size_t	 i, j;

	(void)state;
	for (i = 0; i < routes_count; i++)
		for (j = i + 1; j < routes_count; j++)
			if (routes[i].method == routes[j].method &&
			    strcmp(routes[i].pattern, routes[j].pattern) == 0)
				fail_msg("%s is in the table twice",
				    routes[i].pattern);
}

/* Each route is reached by its own pattern (with ids filled in), so no
 * earlier one shadows it. */
static void
test_app_routes_reachable(void **state)
{
	char		 path[256], *o;
	const char	*p;
	int64_t		 ids[ROUTE_IDS_MAX];
	size_t		 i, n;
	int		 st;

	(void)state;
	for (i = 0; i < routes_count; i++) {
		for (p = routes[i].pattern, o = path; *p != '\0';) {
			if (strncmp(p, "{id}", 4) == 0) {
				*o++ = '7';
				p += 4;
			} else
				*o++ = *p++;
			assert_true(o < path + sizeof(path) - 1);
		}
		*o = '\0';
		if (router_match(routes, routes_count, routes[i].method, path,
		    ids, &n, &st) != &routes[i])
			fail_msg("%s does not reach its route", path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_trailing_slash),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_ids_refused),
		cmocka_unit_test(test_405),
		cmocka_unit_test(test_empty_table),
		cmocka_unit_test(test_print),
		cmocka_unit_test(test_app_public_routes),
		cmocka_unit_test(test_app_routes_guarded),
		cmocka_unit_test(test_app_routes_unique),
		cmocka_unit_test(test_app_routes_reachable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
