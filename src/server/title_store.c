#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "router.h"
#include "language.h"
#include "title_store.h"
#include "../db/db.h"
#include "../util/catalogue.h"
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

/* The record's words in the language of words (NULL: English) from its
 * row (NULL: a record called by its number), malloc'd; NULL when
 * unknown. */
static char *
which_words(const struct request *rq, const json_t *row,
    const struct catalogue *words)
{
	const char	*s, *of;
	char		 day[DATE_WORDS_CHARS + 1], *out = NULL;
	int		 rc = -1;

	if (row == NULL)
		return strdup(catalogue_fill_n(catalogue_get(words,
		    N_("number {n}")), (long long)rq->ids[0], day, sizeof(day)));
	s = json_string_value(json_object_get(row, "which"));
	of = json_string_value(json_object_get(row, "of"));
	if (s != NULL && *s != '\0')
		rc = of != NULL ? asprintf(&out, "%s, %s",
		    date_words_in(s, day, words), of) : asprintf(&out, "%s",
		    date_words_in(s, day, words));
	return rc == -1 ? NULL : out;
}

void
title_which(const struct request *rq, json_t *view)
{
	const char	*title, *sql = NULL;
	char		*which = NULL, *said = NULL, *both;
	json_t		*row = NULL;
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
	if (sql != NULL && db_row(rq->db, &row, sql, "i", rq->ids[0]) <= 0)
		return;
	/* The JSON's title in English; the page's in its reader's words
	 * (templates/layout/top.html: title_base, then title_which). */
	if ((which = which_words(rq, row, NULL)) != NULL &&
	    strstr(title, which) == NULL &&
	    (said = which_words(rq, row, language_words(rq->lang))) != NULL &&
	    asprintf(&both, "%s: %s", title, which) != -1) {
		json_object_set_new(view, "title_base", json_string(title));
		json_object_set_new(view, "title_which", json_string(said));
		json_object_set_new(view, "title", json_string(both));
		free(both);
	}
	free(which);
	free(said);
	json_decref(row);
}
