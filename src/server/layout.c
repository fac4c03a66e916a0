#include <string.h>

#include "layout.h"
#include "route_access.h"
#include "../limits.h"

static const struct {
	const char	*href;
	const char	*label;
} nav_items[] = {
	{ "/", "Home" },
	{ "/conversations/new", "Log a conversation" },
	{ "/followups", "Follow-ups" },
	{ "/issues", "Issues" },
	{ "/proposals", "Proposals" },
	{ "/surveys", "Surveys" },
	{ "/decisions", "Decisions" },
	{ "/overdue", "Overdue" },
	{ "/groups", "Groups" },
	{ "/procurements", "Procurement" },
	{ "/sites", "Sites" },
	{ "/people", "People" },
	{ "/directory", "Directory" },
	{ "/expenses", "Expenses" },
	{ "/search", "Search" },
	{ "/audit", "Audit log" },
	{ "/account", "Account" },
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
	nav = json_array();
	for (i = 0; i < sizeof(nav_items) / sizeof(nav_items[0]); i++) {
		if (rq->who.must_change_password || !route_allowed(rq, HTTP_GET,
		    nav_items[i].href))
			continue;
		json_array_append_new(nav, json_pack("{s:s, s:s, s:b}",
		    "href", nav_items[i].href, "label", nav_items[i].label,
		    "current", nav_current(rq->path, nav_items[i].href)));
	}
	json_object_set_new(page, "nav", nav);
	return page;
}
