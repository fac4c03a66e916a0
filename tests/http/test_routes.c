/*
 * Walks every route in the table as every role: each account holds one
 * role at HMP Fenwick (site 1).  A route must answer as its declaration
 * says for its own site, refuse everything at another site, and lists
 * must never show another site's names.  Undeclared paths are 404.
 */
#include "http_test.h"
#include "auth/roles.h"
#include "server/router.h"

#define PASSWORD	"route-walk-password"

/* Ids of things at the account's own site and at another one. */
struct fixture {
	const char	*prefix;	/* pattern prefix, "/sites/" */
	const char	*own_sql;
	const char	*other_sql;
	long long	 own, other;
};

static struct fixture fixtures[] = {
	{ "/sites/", "SELECT id FROM sites WHERE name = 'HMP Fenwick'",
	    "SELECT id FROM sites WHERE name = 'Westvale Probation Region'", 0, 0 },
	{ "/units/", "SELECT min(id) FROM units WHERE site_id = 1",
	    "SELECT min(id) FROM units WHERE site_id = 3", 0, 0 },
	{ "/people/", "SELECT min(id) FROM people WHERE site_id = 1",
	    "SELECT min(id) FROM people WHERE site_id = 3", 0, 0 },
	{ "/groups/", "SELECT min(id) FROM groups WHERE site_id = 1",
	    "SELECT min(id) FROM groups WHERE site_id = 3", 0, 0 },
	{ "/memberships/", "SELECT min(m.id) FROM memberships m JOIN groups g "
	    "ON g.id = m.group_id WHERE g.site_id = 1",
	    "SELECT min(m.id) FROM memberships m JOIN groups g "
	    "ON g.id = m.group_id WHERE g.site_id = 3", 0, 0 },
	{ "/account/tokens/", "SELECT 999999", "SELECT 999998", 0, 0 },
	{ "/conversations/", "SELECT min(id) FROM conversations WHERE site_id = 1",
	    "SELECT min(id) FROM conversations WHERE site_id = 3", 0, 0 },
	{ "/followups/", "SELECT min(id) FROM followups WHERE site_id = 1",
	    "SELECT min(id) FROM followups WHERE site_id = 3", 0, 0 },
	{ "/issues/", "SELECT min(id) FROM issues WHERE site_id = 1",
	    "SELECT min(id) FROM issues WHERE site_id = 3", 0, 0 },
	{ "/directory/", "SELECT min(service_id) FROM service_sites "
	    "WHERE site_id = 1", "SELECT min(service_id) FROM service_sites "
	    "WHERE service_id NOT IN (SELECT service_id FROM service_sites "
	    "WHERE site_id = 1)", 0, 0 },
	{ "/arrivals/", "SELECT min(a.id) FROM arrivals a JOIN groups g "
	    "ON g.id = a.group_id WHERE g.site_id = 1", "SELECT min(a.id) FROM "
	    "arrivals a JOIN groups g ON g.id = a.group_id WHERE g.site_id != 1",
	    0, 0 },
	{ "/arrival-steps/", "SELECT min(st.id) FROM arrival_steps st JOIN "
	    "arrivals a ON a.id = st.arrival_id JOIN groups g ON g.id = "
	    "a.group_id WHERE g.site_id = 1 AND st.done_on IS NULL",
	    "SELECT min(st.id) FROM arrival_steps st JOIN arrivals a ON a.id = "
	    "st.arrival_id JOIN groups g ON g.id = a.group_id WHERE "
	    "g.site_id != 1", 0, 0 },
	{ "/proposals/", "SELECT min(p.id) FROM proposals p JOIN groups g ON "
	    "g.id = p.group_id WHERE g.site_id = 1", "SELECT min(p.id) FROM "
	    "proposals p JOIN groups g ON g.id = p.group_id WHERE g.site_id = 3",
	    0, 0 },
	{ "/actions/", "SELECT min(a.id) FROM actions a JOIN proposals p ON "
	    "p.id = a.proposal_id JOIN groups g ON g.id = p.group_id WHERE "
	    "g.site_id = 1", "SELECT min(a.id) FROM actions a JOIN proposals p "
	    "ON p.id = a.proposal_id JOIN groups g ON g.id = p.group_id WHERE "
	    "g.site_id = 3", 0, 0 },
	{ "/meetings/", "SELECT min(m.id) FROM meetings m JOIN groups g ON "
	    "g.id = m.group_id WHERE g.site_id = 1 AND m.minutes_state = "
	    "'published'", "SELECT min(m.id) FROM meetings m JOIN groups g ON "
	    "g.id = m.group_id WHERE g.site_id = 3", 0, 0 },
	{ "/agenda-items/", "SELECT min(i.id) FROM agenda_items i JOIN meetings "
	    "m ON m.id = i.meeting_id JOIN groups g ON g.id = m.group_id WHERE "
	    "g.site_id = 1", "SELECT min(i.id) FROM agenda_items i JOIN meetings "
	    "m ON m.id = i.meeting_id JOIN groups g ON g.id = m.group_id WHERE "
	    "g.site_id = 3", 0, 0 },
	{ "/papers/", "SELECT min(p.id) FROM papers p JOIN meetings m ON m.id = "
	    "p.meeting_id JOIN groups g ON g.id = m.group_id WHERE g.site_id = 1",
	    "SELECT min(p.id) FROM papers p JOIN meetings m ON m.id = "
	    "p.meeting_id JOIN groups g ON g.id = m.group_id WHERE g.site_id = 3",
	    0, 0 },
	{ "/topics/", "SELECT min(id) FROM topics WHERE site_id = 1",
	    "SELECT min(id) FROM topics WHERE site_id = 3", 0, 0 },
#define PROCUREMENT_OF(sql, site) sql " AND l.procurement_id IN (SELECT id " \
	"FROM procurements WHERE site_id = " site ")"
	{ "/procurements/", "SELECT min(id) FROM procurements WHERE site_id = 1",
	    "SELECT min(id) FROM procurements WHERE site_id = 3", 0, 0 },
	{ "/lots/", PROCUREMENT_OF("SELECT min(l.id) FROM lots l WHERE 1", "1"),
	    PROCUREMENT_OF("SELECT min(l.id) FROM lots l WHERE 1", "3"), 0, 0 },
	{ "/questions/", PROCUREMENT_OF("SELECT min(q.id) FROM lot_questions q "
	    "JOIN lots l ON l.id = q.lot_id WHERE 1", "1"),
	    PROCUREMENT_OF("SELECT min(q.id) FROM lot_questions q "
	    "JOIN lots l ON l.id = q.lot_id WHERE 1", "3"), 0, 0 },
	{ "/bids/", PROCUREMENT_OF("SELECT min(b.id) FROM bids b JOIN lots l "
	    "ON l.id = b.lot_id WHERE b.document IS NOT NULL", "1"),
	    PROCUREMENT_OF("SELECT min(b.id) FROM bids b JOIN lots l "
	    "ON l.id = b.lot_id WHERE 1", "3"), 0, 0 },
	{ "/panel-members/", PROCUREMENT_OF("SELECT min(m.id) FROM panel_members "
	    "m JOIN lots l ON l.id = m.lot_id WHERE 1", "1"),
	    PROCUREMENT_OF("SELECT min(m.id) FROM panel_members m JOIN lots l "
	    "ON l.id = m.lot_id WHERE 1", "3"), 0, 0 },
	{ "/scores/", PROCUREMENT_OF("SELECT min(s.id) FROM scores s JOIN "
	    "lot_questions q ON q.id = s.question_id JOIN lots l ON l.id = "
	    "q.lot_id WHERE 1", "1"), PROCUREMENT_OF("SELECT min(s.id) FROM "
	    "scores s JOIN lot_questions q ON q.id = s.question_id JOIN lots l "
	    "ON l.id = q.lot_id WHERE 1", "3"), 0, 0 },
#undef PROCUREMENT_OF
	/* A published election: every action on it is done (409), every
	 * page of it readable. */
	{ "/elections/", "SELECT min(e.id) FROM elections e JOIN groups g ON "
	    "g.id = e.group_id WHERE g.site_id = 1 AND e.state = 'published'",
	    "SELECT min(e.id) FROM elections e JOIN groups g ON g.id = "
	    "e.group_id WHERE g.site_id = 3", 0, 0 },
	{ "/documents/", "SELECT min(d.id) FROM group_documents d JOIN groups g "
	    "ON g.id = d.group_id WHERE g.site_id = 1", "SELECT min(d.id) FROM "
	    "group_documents d JOIN groups g ON g.id = d.group_id WHERE "
	    "g.site_id = 3", 0, 0 },
	{ "/seats/", "SELECT min(s.id) FROM seats s JOIN groups g ON g.id = "
	    "s.group_id WHERE g.site_id = 1", "SELECT min(s.id) FROM seats s "
	    "JOIN groups g ON g.id = s.group_id WHERE g.site_id = 3", 0, 0 },
	{ "/recruits/", "SELECT min(r.id) FROM recruits r JOIN groups g ON "
	    "g.id = r.group_id WHERE g.site_id = 1", "SELECT min(r.id) FROM "
	    "recruits r JOIN groups g ON g.id = r.group_id WHERE g.site_id = 3",
	    0, 0 },
	{ "/shadowing/", "SELECT min(s.id) FROM shadowing s JOIN groups g ON "
	    "g.id = s.group_id WHERE g.site_id = 1", "SELECT min(s.id) FROM "
	    "shadowing s JOIN groups g ON g.id = s.group_id WHERE g.site_id = 3",
	    0, 0 },
	{ "/sessions/", "SELECT min(id) FROM course_sessions WHERE site_id = 1",
	    "SELECT min(id) FROM course_sessions WHERE site_id = 3", 0, 0 },
	{ "/completions/", "SELECT min(c.id) FROM completions c JOIN people p "
	    "ON p.id = c.person_id WHERE p.site_id = 1", "SELECT min(c.id) FROM "
	    "completions c JOIN people p ON p.id = c.person_id WHERE "
	    "p.site_id = 3", 0, 0 },
	{ "/expenses/", "SELECT min(e.id) FROM expense_claims e JOIN groups g "
	    "ON g.id = e.group_id WHERE g.site_id = 1", "SELECT min(e.id) FROM "
	    "expense_claims e JOIN groups g ON g.id = e.group_id WHERE "
	    "g.site_id = 3", 0, 0 },
	{ "/surveys/", "SELECT min(id) FROM surveys WHERE site_id = 1",
	    "SELECT min(id) FROM surveys WHERE site_id = 3", 0, 0 },
	{ "/survey-questions/", "SELECT min(q.id) FROM survey_questions q "
	    "JOIN survey_versions v ON v.id = q.version_id JOIN surveys s ON "
	    "s.id = v.survey_id WHERE s.site_id = 1", "SELECT min(q.id) FROM "
	    "survey_questions q JOIN survey_versions v ON v.id = q.version_id "
	    "JOIN surveys s ON s.id = v.survey_id WHERE s.site_id = 3", 0, 0 },
	{ "/survey-themes/", "SELECT min(t.id) FROM survey_themes t JOIN surveys "
	    "s ON s.id = t.survey_id WHERE s.site_id = 1", "SELECT min(t.id) "
	    "FROM survey_themes t JOIN surveys s ON s.id = t.survey_id WHERE "
	    "s.site_id = 3", 0, 0 },
	{ "/event-votes/", "SELECT min(v.id) FROM event_votes v JOIN groups g ON "
	    "g.id = v.group_id WHERE g.site_id = 1", "SELECT min(v.id) FROM "
	    "event_votes v JOIN groups g ON g.id = v.group_id WHERE "
	    "g.site_id = 3", 0, 0 },
};

static int
setup(void **state)
{
	char	 args[128];
	int	 r;
	size_t	 i;

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
	for (i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
		fixtures[i].own = db_scalar(&srv, fixtures[i].own_sql);
		fixtures[i].other = db_scalar(&srv, fixtures[i].other_sql);
		if (fixtures[i].own <= 0 || fixtures[i].other <= 0)
			return -1;
	}
	return server_launch(&srv);
}

/* The route's path with its {id} filled for own or other site. */
static int
route_path(const struct route *rt, int other, char *out, size_t sz)
{
	const char	*brace = strstr(rt->pattern, "{id}");
	size_t		 i, n;

	if (brace == NULL) {
		/* Printable documents are made for one site. */
		n = strlen(rt->pattern);
		snprintf(out, sz, "%s%s", rt->pattern, n > 4 &&
		    strcmp(rt->pattern + n - 4, ".pdf") == 0 ? "?site=1" : "");
		return 0;
	}
	for (i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
		n = strlen(fixtures[i].prefix);
		if (strncmp(rt->pattern, fixtures[i].prefix, n) == 0 &&
		    rt->pattern + n == brace) {
			snprintf(out, sz, "%.*s%lld%s", (int)(brace - rt->pattern),
			    rt->pattern, other ? fixtures[i].other :
			    fixtures[i].own, brace + 4);
			return 0;
		}
	}
	return -1;	/* a new kind of id: add a fixture for it */
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
				assert_int_equal(route_path(rt, other, path,
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
		assert_int_equal(route_path(rt, 1, path, sizeof(path)), 0);
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
