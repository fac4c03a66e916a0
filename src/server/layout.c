#include <string.h>

#include "layout.h"
#include "route_access.h"
#include "../limits.h"

#define EVERYONE	ROLES_ALL
#define WORKERS		(ROLES_STAFF | ROLE_BIT(ROLE_REP) | \
			    ROLE_BIT(ROLE_DECISION_MAKER) | ROLE_BIT(ROLE_VIEWER))

/*
 * The navigation: an item is drawn when the route table lets the reader
 * open it and they hold a role that uses it (uses), so a member is not
 * offered eleven places they have no business in (a forum member sees
 * Home, Proposals, Groups, Directory, Expenses and Account).
 */
static const struct {
	const char	*href;
	const char	*label;
	unsigned	 uses;	/* ROLE_BIT()s of the roles that use it */
} nav_items[] = {
	{ "/", "Home", EVERYONE },
	{ "/conversations/new", "Log a conversation", EVERYONE },
	{ "/followups", "Follow-ups", WORKERS },
	{ "/issues", "Issues", WORKERS },
	{ "/proposals", "Proposals", EVERYONE },
	{ "/surveys", "Surveys", WORKERS },
	{ "/decisions", "Decisions", EVERYONE },
	{ "/overdue", "Overdue", EVERYONE },
	{ "/evidence", "Evidence", EVERYONE },
	{ "/groups", "Groups", EVERYONE },
	{ "/procurements", "Procurement", EVERYONE },
	{ "/sites", "Sites", ROLES_STAFF | ROLE_BIT(ROLE_VIEWER) },
	{ "/people", "People", EVERYONE },
	{ "/directory", "Directory", EVERYONE },
	{ "/expenses", "Expenses", EVERYONE },
	{ "/search", "Search", WORKERS },
	{ "/audit", "Audit log", EVERYONE },
	{ "/account", "Account", EVERYONE },
};

static int
nav_current(const char *path, const char *href)
{
	size_t	 n = strlen(href);

	if (n == 1)
		return strcmp(path, "/") == 0;
	return strncmp(path, href, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

json_t *
layout_context(const struct request *rq)
{
	json_t	*page, *nav;
	size_t	 i;

	page = json_pack("{s:s, s:s, s:b}", "csrf", rq->csrf, "version",
	    rq->app->version, "signed_in", rq->who.account_id != 0);
	if (page == NULL)
		return NULL;
	if (rq->who.account_id == 0)
		return page;
	json_object_set_new(page, "user", json_pack("{s:s, s:s}",
	    "display_name", rq->who.display_name,
	    "username", rq->who.username));
	json_object_set_new(page, "large_text",
	    json_boolean(rq->who.large_text));
	/* For the script that warns before the idle timeout. */
	json_object_set_new(page, "idle_seconds",
	    json_integer(rq->app->config->session_idle_s));
	nav = json_array();
	for (i = 0; i < sizeof(nav_items) / sizeof(nav_items[0]); i++) {
		if (rq->who.must_change_password ||
		    !access_any(&rq->who, nav_items[i].uses) ||
		    !route_allowed(rq, HTTP_GET, nav_items[i].href))
			continue;
		json_array_append_new(nav, json_pack("{s:s, s:s, s:b}",
		    "href", nav_items[i].href, "label", nav_items[i].label,
		    "current", nav_current(rq->path, nav_items[i].href)));
	}
	json_object_set_new(page, "nav", nav);
	return page;
}
