/* src/auth/roles.h: access_covers, access_any and access_filter. */
#include "unit.h"

#include <jansson.h>

#include "auth/roles.h"

#define B(r)	ROLE_BIT(ROLE_ ## r)

static struct principal
who(struct grant *g, size_t n)
{
	struct principal	 p;

	memset(&p, 0, sizeof(p));
	p.account_id = 1;
	p.grants = g;
	p.ngrants = n;
	return p;
}

static void
test_nobody(void **state)
{
	struct principal	 p = who(NULL, 0);

	(void)state;
	assert_false(access_covers(&p, ROLES_ALL, 0, 0));
	assert_false(access_covers(&p, ROLES_ALL, 1, 0));
	assert_false(access_covers(&p, ROLES_ALL, 1, 1));
	assert_false(access_any(&p, ROLES_ALL));
}

static void
test_org_grant(void **state)
{
	struct grant		 g[] = { { ROLE_ADMIN, SCOPE_ORG, 0, 0 } };
	struct principal	 p = who(g, 1);

	(void)state;
	assert_true(access_covers(&p, B(ADMIN), 0, 0));		/* org */
	assert_true(access_covers(&p, B(ADMIN), 5, 0));		/* a site */
	assert_true(access_covers(&p, B(ADMIN), 5, 9));		/* a group */
	assert_true(access_covers(&p, B(ADMIN), 0, 9));		/* org group */
	assert_true(access_covers(&p, ROLES_STAFF, 5, 0));
	assert_true(access_covers(&p, ROLES_ALL, 5, 0));
	/* The role mask decides first. */
	assert_false(access_covers(&p, B(COORDINATOR), 0, 0));
	assert_false(access_covers(&p, B(MEMBER) | B(VIEWER), 5, 9));
	assert_false(access_covers(&p, 0, 0, 0));
	assert_true(access_any(&p, B(ADMIN)));
	assert_false(access_any(&p, B(REP)));
}

static void
test_site_grant(void **state)
{
	struct grant		 g[] = { { ROLE_COORDINATOR, SCOPE_SITE, 5, 0 } };
	struct principal	 p = who(g, 1);

	(void)state;
	assert_true(access_covers(&p, B(COORDINATOR), 5, 0));
	assert_true(access_covers(&p, ROLES_STAFF, 5, 0));
	/* Groups of that site. */
	assert_true(access_covers(&p, B(COORDINATOR), 5, 9));
	/* Not another site, nor its groups. */
	assert_false(access_covers(&p, B(COORDINATOR), 6, 0));
	assert_false(access_covers(&p, B(COORDINATOR), 6, 9));
	assert_false(access_covers(&p, B(COORDINATOR), 50, 0));
	/* Not the organisation, nor an organisation-wide group. */
	assert_false(access_covers(&p, B(COORDINATOR), 0, 0));
	assert_false(access_covers(&p, B(COORDINATOR), 0, 9));
	/* Not for another role. */
	assert_false(access_covers(&p, B(ADMIN), 5, 0));
	assert_true(access_any(&p, ROLES_STAFF));
	assert_false(access_any(&p, B(ADMIN)));
}

static void
test_group_grant(void **state)
{
	struct grant		 g[] = {
		{ ROLE_MEMBER, SCOPE_GROUP, 5, 9 },
		{ ROLE_REP, SCOPE_GROUP, 0, 12 },	/* org-wide group */
	};
	struct principal	 p = who(g, 2);

	(void)state;
	assert_true(access_covers(&p, B(MEMBER), 5, 9));
	/* Only its group: not the site, nor another group in it. */
	assert_false(access_covers(&p, B(MEMBER), 5, 0));
	assert_false(access_covers(&p, B(MEMBER), 5, 10));
	assert_false(access_covers(&p, B(MEMBER), 6, 10));
	assert_false(access_covers(&p, B(MEMBER), 0, 0));
	assert_false(access_covers(&p, B(MEMBER), 0, 12));
	assert_false(access_covers(&p, ROLES_STAFF, 5, 9));
	/* The organisation-wide group. */
	assert_true(access_covers(&p, B(REP), 0, 12));
	assert_false(access_covers(&p, B(REP), 0, 0));
	assert_false(access_covers(&p, B(REP), 0, 9));
	assert_true(access_covers(&p, B(REP) | B(MEMBER), 5, 9));
	assert_true(access_any(&p, B(REP)));
	assert_false(access_any(&p, B(VIEWER)));
}

static void
test_several_grants(void **state)
{
	struct grant		 g[] = {
		{ ROLE_VIEWER, SCOPE_ORG, 0, 0 },
		{ ROLE_COORDINATOR, SCOPE_SITE, 3, 0 },
		{ ROLE_MEMBER, SCOPE_GROUP, 4, 40 },
	};
	struct principal	 p = who(g, 3);

	(void)state;
	assert_true(access_covers(&p, B(VIEWER), 8, 0));
	assert_true(access_covers(&p, ROLES_STAFF, 3, 30));
	assert_false(access_covers(&p, ROLES_STAFF, 4, 40));
	assert_false(access_covers(&p, ROLES_STAFF, 0, 0));
	assert_true(access_covers(&p, B(MEMBER), 4, 40));
	assert_false(access_covers(&p, B(MEMBER), 3, 0));
}

static void
test_filter_org(void **state)
{
	struct grant		 g[] = {
		{ ROLE_COORDINATOR, SCOPE_SITE, 2, 0 },
		{ ROLE_ADMIN, SCOPE_ORG, 0, 0 },
	};
	struct principal	 p = who(g, 2);
	struct scope_filter	 f;

	(void)state;
	assert_int_equal(access_filter(&p, ROLES_STAFF, 0, &f), 0);
	assert_int_equal(f.all, 1);
	assert_string_equal(f.site_ids, "[2]");
	assert_string_equal(f.group_ids, "[]");
	scope_filter_clear(&f);
	assert_null(f.site_ids);
	/* Without the admin role in the mask, only the site. */
	assert_int_equal(access_filter(&p, B(COORDINATOR), 0, &f), 0);
	assert_int_equal(f.all, 0);
	assert_string_equal(f.site_ids, "[2]");
	scope_filter_clear(&f);
}

static void
test_filter_lists(void **state)
{
	struct grant		 g[] = {
		{ ROLE_COORDINATOR, SCOPE_SITE, 5, 0 },
		{ ROLE_MEMBER, SCOPE_GROUP, 7, 70 },
		{ ROLE_COORDINATOR, SCOPE_SITE, 12, 0 },
		{ ROLE_REP, SCOPE_GROUP, 0, 71 },
		{ ROLE_VIEWER, SCOPE_SITE, 99, 0 },
		{ ROLE_MEMBER, SCOPE_GROUP, 123456789012, 1234567890123 },
	};
	struct principal	 p = who(g, 6);
	struct scope_filter	 f;
	json_t			*j;
	json_error_t		 e;

	(void)state;
	assert_int_equal(access_filter(&p, B(COORDINATOR) | B(MEMBER) | B(REP),
	    0, &f), 0);
	assert_int_equal(f.all, 0);
	assert_string_equal(f.site_ids, "[5,12]");
	assert_string_equal(f.group_ids, "[70,71,1234567890123]");
	/* Valid JSON, as json_each needs. */
	j = json_loads(f.group_ids, 0, &e);
	assert_non_null(j);
	assert_int_equal(json_array_size(j), 3);
	json_decref(j);
	scope_filter_clear(&f);

	/* Group grants bring their site (not 0) when asked. */
	assert_int_equal(access_filter(&p, B(COORDINATOR) | B(MEMBER) | B(REP),
	    1, &f), 0);
	assert_string_equal(f.site_ids, "[5,7,12,123456789012]");
	assert_string_equal(f.group_ids, "[70,71,1234567890123]");
	scope_filter_clear(&f);

	/* Only members. */
	assert_int_equal(access_filter(&p, B(MEMBER), 1, &f), 0);
	assert_string_equal(f.site_ids, "[7,123456789012]");
	assert_string_equal(f.group_ids, "[70,1234567890123]");
	scope_filter_clear(&f);

	/* Only viewers. */
	assert_int_equal(access_filter(&p, B(VIEWER), 1, &f), 0);
	assert_int_equal(f.all, 0);
	assert_string_equal(f.site_ids, "[99]");
	assert_string_equal(f.group_ids, "[]");
	scope_filter_clear(&f);
}

static void
test_filter_nothing(void **state)
{
	struct grant		 g[] = { { ROLE_VIEWER, SCOPE_SITE, 3, 0 } };
	struct principal	 p = who(g, 1), nobody = who(NULL, 0);
	struct scope_filter	 f;

	(void)state;
	assert_int_equal(access_filter(&p, ROLES_STAFF, 1, &f), 0);
	assert_int_equal(f.all, 0);
	assert_string_equal(f.site_ids, "[]");
	assert_string_equal(f.group_ids, "[]");
	scope_filter_clear(&f);
	assert_int_equal(access_filter(&nobody, ROLES_ALL, 1, &f), 0);
	assert_int_equal(f.all, 0);
	assert_string_equal(f.site_ids, "[]");
	assert_string_equal(f.group_ids, "[]");
	scope_filter_clear(&f);
}

static void
test_roles_names(void **state)
{
	int	 r;

	(void)state;
	for (r = 0; r < ROLE__MAX; r++) {
		assert_non_null(role_names[r]);
		assert_non_null(role_labels[r]);
		assert_int_equal(role_parse(role_names[r]), r);
	}
	assert_int_equal(role_parse("admin"), ROLE_ADMIN);
	assert_int_equal(role_parse("Admin"), -1);
	assert_int_equal(role_parse(""), -1);
	assert_int_equal(role_parse("root"), -1);
	assert_string_equal(scope_names[SCOPE_ORG], "organisation");
	assert_int_equal(ROLES_ALL, 0x7f);
}

static void
test_principal_clear(void **state)
{
	struct principal	 p;

	(void)state;
	memset(&p, 0, sizeof(p));
	p.account_id = 3;
	p.username = strdup("ann");
	p.display_name = strdup("Ann");
	p.grants = calloc(2, sizeof(*p.grants));
	p.ngrants = 2;
	principal_clear(&p);
	assert_int_equal(p.account_id, 0);
	assert_null(p.username);
	assert_null(p.grants);
	assert_int_equal(p.ngrants, 0);
	assert_false(access_any(&p, ROLES_ALL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nobody),
		cmocka_unit_test(test_org_grant),
		cmocka_unit_test(test_site_grant),
		cmocka_unit_test(test_group_grant),
		cmocka_unit_test(test_several_grants),
		cmocka_unit_test(test_filter_org),
		cmocka_unit_test(test_filter_lists),
		cmocka_unit_test(test_filter_nothing),
		cmocka_unit_test(test_roles_names),
		cmocka_unit_test(test_principal_clear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
