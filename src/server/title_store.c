#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "router.h"
#include "title_store.h"
#include "../db/db.h"
#include "../util/date.h"

/* The first {id} of a path under prefix names one of these (column
 * "which", a date shown in words, and "of", what it belongs to); a record
 * of any other kind, with no name of its own, is called by its number. */
static const struct {
	const char	*prefix;
	const char	*sql;	/* one row: "which" and perhaps "of" */
} which_sql[] = {
	{ "/groups/", "SELECT name AS which FROM groups WHERE id = ?" },
	{ "/sites/", "SELECT name AS which FROM sites WHERE id = ?" },
	{ "/units/", "SELECT name AS which FROM units WHERE id = ?" },
	{ "/people/", "SELECT display_name AS which FROM people WHERE id = ?" },
	{ "/memberships/", "SELECT p.display_name AS which FROM memberships m "
	    "JOIN people p ON p.id = m.person_id WHERE m.id = ?" },
	{ "/recruits/", "SELECT p.display_name AS which FROM recruits r "
	    "JOIN people p ON p.id = r.person_id WHERE r.id = ?" },
	{ "/issues/", "SELECT title AS which FROM issues WHERE id = ?" },
	{ "/proposals/", "SELECT title AS which FROM proposals WHERE id = ?" },
	{ "/actions/", "SELECT text AS which FROM actions WHERE id = ?" },
	{ "/meetings/", "SELECT m.held_on AS which, g.name AS of FROM meetings m "
	    "JOIN groups g ON g.id = m.group_id WHERE m.id = ?" },
	{ "/procurements/", "SELECT title AS which FROM procurements "
	    "WHERE id = ?" },
	{ "/lots/", "SELECT l.title AS which, p.title AS of FROM lots l "
	    "JOIN procurements p ON p.id = l.procurement_id WHERE l.id = ?" },
	{ "/surveys/", "SELECT title AS which FROM surveys WHERE id = ?" },
	{ "/seats/", "SELECT name AS which FROM seats WHERE id = ?" },
	{ "/documents/", "SELECT title AS which FROM group_documents "
	    "WHERE id = ?" },
	{ "/directory/", "SELECT name AS which FROM services WHERE id = ?" },
};

/* The record's words, malloc'd; NULL when unknown. */
static char *
which_words(const struct request *rq, const char *sql)
{
	json_t		*row = NULL;
	const char	*s, *of;
	char		 words[DATE_WORDS_CHARS + 1], *out = NULL;
	int		 rc;

	if (sql == NULL) {
		if (asprintf(&out, "number %lld", (long long)rq->ids[0]) == -1)
			return NULL;
		return out;
	}
	if (db_row(rq->db, &row, sql, "i", rq->ids[0]) <= 0)
		return NULL;
	s = json_string_value(json_object_get(row, "which"));
	of = json_string_value(json_object_get(row, "of"));
	if (s != NULL && *s != '\0') {
		rc = of != NULL ? asprintf(&out, "%s, %s",
		    date_words_or(s, words), of) : asprintf(&out, "%s",
		    date_words_or(s, words));
		if (rc == -1)
			out = NULL;
	}
	json_decref(row);
	return out;
}

void
title_which(const struct request *rq, json_t *view)
{
	const char	*title;
	char		*which = NULL, *both;
	const char	*sql = NULL;
	size_t		 i, n;

	title = json_string_value(json_object_get(view, "title"));
	if (title == NULL || rq->nids == 0 || rq->route == NULL)
		return;
	for (i = 0; i < sizeof(which_sql) / sizeof(which_sql[0]); i++) {
		n = strlen(which_sql[i].prefix);
		if (strncmp(rq->route->pattern, which_sql[i].prefix, n) == 0 &&
		    strncmp(rq->route->pattern + n, "{id}", 4) == 0) {
			sql = which_sql[i].sql;
			break;
		}
	}
	which = which_words(rq, sql);
	if (which == NULL)
		return;
	if (strstr(title, which) == NULL &&
	    asprintf(&both, "%s: %s", title, which) != -1) {
		json_object_set_new(view, "title", json_string(both));
		free(both);
	}
	free(which);
}
