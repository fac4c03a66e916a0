/*
 * Every route Roundtable answers, with who may use it and at what scope.
 * Anything not here is 404; the server and `roundtable routes` both read
 * this table, and tests/http/test_routes.c walks it with every role.
 */
#include "home_pages.h"
#include "auth/auth_pages.h"
#include "people/people.h"
#include "server/router.h"

#define ADMIN	ROLE_BIT(ROLE_ADMIN)
#define STAFF	ROLES_STAFF
#define ALL	ROLES_ALL

#define GET	HTTP_GET
#define POST	HTTP_POST
#define SIGNED	ROUTE_SIGNED_IN
#define PWOK	(ROUTE_SIGNED_IN | ROUTE_DURING_PASSWORD_CHANGE)

#define ORG	target_organisation, "organisation"
#define SITE	site_target, "site"
#define UNIT	unit_target, "site of the unit"
#define PERSON	person_target, "site of the person"
#define GROUP	group_target, "group"
#define MEMBER	membership_target, "group of the membership"
#define ANY	NULL, "rows filtered to the caller's scopes"
#define SELF	NULL, "the caller's own account"
#define NONE	NULL, "public"

const struct route routes[] = {
	{ GET,  "/healthz", healthz, 0, NONE, 0, "Health check" },
	{ GET,  "/sign-in", sign_in, 0, NONE, 0, "Sign-in form" },
	{ POST, "/sign-in", sign_in, 0, NONE, 0, "Sign in" },
	{ POST, "/sign-out", sign_out, ALL, SELF, PWOK, "Sign out" },
	{ POST, "/sign-out-everywhere", sign_out_everywhere, ALL, SELF, PWOK,
	    "End every session of this account" },
	{ GET,  "/", home, ALL, SELF, SIGNED, "Home" },
	{ GET,  "/account", account_show, ALL, SELF, SIGNED, "Your account" },
	{ GET,  "/account/password", account_password, ALL, SELF, PWOK,
	    "Password form" },
	{ POST, "/account/password", account_password, ALL, SELF, PWOK,
	    "Change password" },
	{ POST, "/account/tokens", account_token_create, ALL, SELF, SIGNED,
	    "Create an API token" },
	{ POST, "/account/tokens/{id}/revoke", account_token_revoke, ALL,
	    SELF, SIGNED, "Revoke an API token" },
	{ GET,  "/audit", audit_index, ADMIN, ORG, 0, "Audit log" },

	{ GET,  "/sites", sites_index, ALL, ANY, 0, "Sites" },
	{ GET,  "/sites/new", sites_new, ADMIN, ORG, 0, "New site form" },
	{ POST, "/sites/new", sites_new, ADMIN, ORG, 0, "Add a site" },
	{ GET,  "/sites/{id}", sites_show, ALL, SITE, 0, "A site" },
	{ GET,  "/sites/{id}/edit", sites_edit, ADMIN, SITE, 0, "Site form" },
	{ POST, "/sites/{id}/edit", sites_edit, ADMIN, SITE, 0, "Change a site" },
	{ GET,  "/sites/{id}/units/new", units_new, STAFF, SITE, 0,
	    "New wing or place form" },
	{ POST, "/sites/{id}/units/new", units_new, STAFF, SITE, 0,
	    "Add a wing or place" },
	{ GET,  "/units/{id}/edit", units_edit, STAFF, UNIT, 0,
	    "Wing or place form" },
	{ POST, "/units/{id}/edit", units_edit, STAFF, UNIT, 0,
	    "Change or close a wing or place" },

	{ GET,  "/people", people_index, STAFF, ANY, 0, "People, searchable" },
	{ GET,  "/people/new", people_new, STAFF, ANY, 0, "New person form" },
	{ POST, "/people/new", people_new, STAFF, ANY, 0, "Add a person" },
	{ GET,  "/people/{id}", people_show, STAFF, PERSON, 0, "A person" },
	{ GET,  "/people/{id}/edit", people_edit, STAFF, PERSON, 0,
	    "Person form" },
	{ POST, "/people/{id}/edit", people_edit, STAFF, PERSON, 0,
	    "Change a person" },
	{ GET,  "/people/{id}/leave", people_leave, STAFF, PERSON, 0,
	    "Leaving form" },
	{ POST, "/people/{id}/leave", people_leave, STAFF, PERSON, 0,
	    "Record leaving; ends their roles" },

	{ GET,  "/groups", groups_index, ALL, ANY, 0, "Groups" },
	{ GET,  "/groups/new", groups_new, STAFF, ANY, 0, "New group form" },
	{ POST, "/groups/new", groups_new, STAFF, ANY, 0, "Add a group" },
	{ GET,  "/groups/{id}", groups_show, ALL, GROUP, 0,
	    "A group and its members" },
	{ GET,  "/groups/{id}/edit", groups_edit, STAFF, GROUP, 0,
	    "Group form" },
	{ POST, "/groups/{id}/edit", groups_edit, STAFF, GROUP, 0,
	    "Change or end a group" },
	{ GET,  "/groups/{id}/members/new", members_new, STAFF, GROUP, 0,
	    "New member form" },
	{ POST, "/groups/{id}/members/new", members_new, STAFF, GROUP, 0,
	    "Add a member" },
	{ GET,  "/memberships/{id}/end", members_end, STAFF, MEMBER, 0,
	    "End-of-role form" },
	{ POST, "/memberships/{id}/end", members_end, STAFF, MEMBER, 0,
	    "End a role" },
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
