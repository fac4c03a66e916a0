#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "easy_read.h"
#include "saved_notice.h"
#include "language.h"
#include "layout.h"
#include "route_access.h"
#include "../limits.h"
#include "../util/catalogue.h"

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
	{ "/", N_("Home"), EVERYONE },
	{ "/conversations/new", N_("Log a conversation"), EVERYONE },
	{ "/followups", N_("Follow-ups"), WORKERS },
	{ "/issues", N_("Issues"), WORKERS },
	{ "/proposals", N_("Proposals"), EVERYONE },
	{ "/surveys", N_("Surveys"), WORKERS },
	{ "/decisions", N_("Decisions"), EVERYONE },
	{ "/overdue", N_("Overdue"), EVERYONE },
	{ "/evidence", N_("Evidence"), EVERYONE },
	{ "/groups", N_("Groups"), EVERYONE },
	{ "/procurements", N_("Procurement"), EVERYONE },
	{ "/sites", N_("Sites"), ROLES_STAFF | ROLE_BIT(ROLE_VIEWER) },
	{ "/people", N_("People"), EVERYONE },
	{ "/directory", N_("Directory"), EVERYONE },
	{ "/expenses", N_("Expenses"), EVERYONE },
	{ "/search", N_("Search"), WORKERS },
	{ "/audit", N_("Audit log"), EVERYONE },
	{ "/exchange", N_("Exchange"), ROLES_STAFF },
	{ "/account", N_("Account"), EVERYONE },
};

static int
nav_current(const char *path, const char *href)
{
	size_t	 n = strlen(href);

	if (n == 1)
		return strcmp(path, "/") == 0;
	return strncmp(path, href, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* Appends s to href (of size sz, used so far *len) percent-encoded
 * where a query needs it.  0, or -1 when it does not fit. */
static int
query_put(char *href, size_t sz, size_t *len, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		if (isalnum((unsigned char)*s) || strchr("-._~/", *s) != NULL) {
			if (*len + 1 >= sz)
				return -1;
			href[(*len)++] = *s;
			continue;
		}
		if (*len + 3 >= sz)
			return -1;
		href[(*len)++] = '%';
		href[(*len)++] = hex[(unsigned char)*s >> 4];
		href[(*len)++] = hex[(unsigned char)*s & 15];
	}
	href[*len] = '\0';
	return 0;
}

/*
 * This page as asked for, its query kept but for the switches' own
 * fields (a kiosk's survey token must survive a change of language),
 * with ?name=value added when name is not NULL (which also keeps the
 * choice in a cookie); the home page when it is too long.
 */
static void
page_again(const struct request *rq, const char *name, const char *value,
    char *href, size_t hrefsz)
{
	const struct form_field	*f;
	size_t			 len = 0, i;
	int			 rc, first = 1;

	rc = query_put(href, hrefsz, &len, rq->path != NULL ? rq->path : "/");
	for (i = 0; rc == 0 && i < rq->query.n; i++) {
		f = &rq->query.fields[i];
		/* Not what this page says once (a save's banner): the page
		 * again, or a switch's return to it, would say it again. */
		if (strcmp(f->name, "lang") == 0 ||
		    strcmp(f->name, "read") == 0 ||
		    strcmp(f->name, "saved") == 0)
			continue;
		rc = len + 2 < hrefsz ? 0 : -1;
		if (rc == 0)
			href[len++] = first ? '?' : '&';
		if (rc == 0)
			rc = query_put(href, hrefsz, &len, f->name);
		if (rc == 0 && (rc = len + 2 < hrefsz ? 0 : -1) == 0)
			href[len++] = '=';
		if (rc == 0)
			rc = query_put(href, hrefsz, &len, f->value);
		first = 0;
	}
	if (rc == 0 && name != NULL)
		rc = len + strlen(name) + strlen(value) + 3 < hrefsz ? 0 : -1;
	if (rc == 0 && name != NULL)
		snprintf(href + len, hrefsz - len, "%s%s=%s", first ? "?" : "&",
		    name, value);
	if (rc != 0) {
		if (name != NULL)
			snprintf(href, hrefsz, "/?%s=%s", name, value);
		else
			snprintf(href, hrefsz, "/");
	}
}

/* The switch to each other language: its name in itself, and this page
 * again in it. */
static json_t *
other_languages(const struct request *rq)
{
	json_t	*list = json_array();
	char	 href[LANG_HREF_MAX];
	size_t	 i;

	for (i = 0; list != NULL && i < languages_count; i++) {
		if (rq->lang == &languages[i] || (rq->lang == NULL && i == 0))
			continue;
		page_again(rq, "lang", languages[i].code, href, sizeof(href));
		json_array_append_new(list, json_pack("{s:s, s:s, s:s}",
		    "code", languages[i].code, "name", languages[i].name,
		    "href", href));
	}
	return list;
}

/* The switch between easy read and the standard pages: what it turns
 * to, and this page again that way. */
static json_t *
other_reading(const struct request *rq)
{
	char	 href[LANG_HREF_MAX];
	const char *to = rq->easy_read ? "standard" : "easy";

	page_again(rq, "read", to, href, sizeof(href));
	return json_pack("{s:s, s:s, s:b}", "to", to, "href", href,
	    "to_easy", !rq->easy_read);
}

void
layout_page_up(const struct request *rq, json_t *page)
{
	char		 up[LANG_HREF_MAX];
	const char	*slash = strrchr(rq->path, '/');

	if (slash == NULL || slash == rq->path ||
	    (size_t)(slash - rq->path) >= sizeof(up))
		return;
	memcpy(up, rq->path, (size_t)(slash - rq->path));
	up[slash - rq->path] = '\0';
	if (route_allowed(rq, HTTP_GET, up))
		json_object_set_new(page, "up", json_string(up));
}

json_t *
layout_context(const struct request *rq)
{
	json_t		*page, *nav, *saved;
	char		 here[LANG_HREF_MAX];
	size_t		 i;
	enum easy_reader reader;
	const char	*help;

	page_again(rq, NULL, NULL, here, sizeof(here));
	page = json_pack("{s:s, s:s, s:b, s:s, s:s, s:s, s:o, s:b, s:o}",
	    "csrf", rq->csrf, "version", rq->app->version,
	    "signed_in", rq->who.account_id != 0,
	    "lang", rq->lang != NULL ? rq->lang->code : "en",
	    "language_name", rq->lang != NULL ? rq->lang->name : "English",
	    "path", here, "languages", other_languages(rq),
	    "easy_read", rq->easy_read,
	    "reading", other_reading(rq));
	if (page == NULL)
		return NULL;
	if ((saved = saved_notice(rq)) != NULL)
		json_object_set_new(page, "saved", saved);
	/* An error page's advice on a page withheld, by the reader's part. */
	help = withheld_help_words(rq->who.account_id != 0 ? &rq->who : NULL);
	if (help != NULL)
		json_object_set_new(page, "withheld_help", json_string(help));
	if (rq->who.account_id == 0)
		return page;
	json_object_set_new(page, "user", json_pack("{s:s, s:s}",
	    "display_name", rq->who.display_name,
	    "username", rq->who.username));
	json_object_set_new(page, "large_text",
	    json_boolean(rq->who.large_text));
	/* Easy-read words that talk to the reader by their part. */
	reader = easy_reader_of(&rq->who);
	json_object_set_new(page, "reader_rep",
	    json_boolean(reader == EASY_READER_REP));
	json_object_set_new(page, "reader_staff",
	    json_boolean(reader == EASY_READER_STAFF));
	json_object_set_new(page, "reader_questions",
	    json_string(easy_questions_words(reader)));
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
