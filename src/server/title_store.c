#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "router.h"
#include "language.h"
#include "title_store.h"
#include "../db/db.h"
#include "../elections/elections.h"
#include "../util/catalogue.h"
#include "../util/date.h"

/* The first {id} of a path under prefix names one of these (column
 * "which", a date shown in words, "of", what it belongs to, and "day",
 * a date that tells two of one kind apart); a record of any other kind,
 * with no name of its own, is called by its number.  A record named by
 * one of our words (an election by its post) stores the word's value,
 * and "words" says it in the reader's language. */
static const struct {
	const char	*prefix;
	const char	*sql;	/* one row: "which", perhaps "of" and "day" */
	const struct choice *words;	/* "which" is a value of these */
} which_sql[] = {
	{ "/groups/", "SELECT name AS which FROM groups WHERE id = ?", NULL },
	{ "/sites/", "SELECT name AS which FROM sites WHERE id = ?", NULL },
	{ "/units/", "SELECT name AS which FROM units WHERE id = ?", NULL },
	{ "/people/", "SELECT display_name AS which FROM people WHERE id = ?",
	    NULL },
	{ "/memberships/", "SELECT p.display_name AS which FROM memberships m "
	    "JOIN people p ON p.id = m.person_id WHERE m.id = ?", NULL },
	{ "/recruits/", "SELECT p.display_name AS which FROM recruits r "
	    "JOIN people p ON p.id = r.person_id WHERE r.id = ?", NULL },
	{ "/issues/", "SELECT title AS which FROM issues WHERE id = ?", NULL },
	{ "/proposals/", "SELECT title AS which FROM proposals WHERE id = ?",
	    NULL },
	{ "/actions/", "SELECT text AS which FROM actions WHERE id = ?", NULL },
	{ "/meetings/", "SELECT m.held_on AS which, g.name AS of FROM meetings m "
	    "JOIN groups g ON g.id = m.group_id WHERE m.id = ?", NULL },
	{ "/procurements/", "SELECT title AS which FROM procurements "
	    "WHERE id = ?", NULL },
	{ "/lots/", "SELECT l.title AS which, p.title AS of FROM lots l "
	    "JOIN procurements p ON p.id = l.procurement_id WHERE l.id = ?",
	    NULL },
	/* A survey's title in Welsh too, when written (which_cy). */
	{ "/surveys/", "SELECT title AS which, title_cy AS which_cy FROM "
	    "surveys WHERE id = ?", NULL },
	{ "/seats/", "SELECT name AS which FROM seats WHERE id = ?", NULL },
	/* The same post in the same group is elected again another year:
	 * the day the poll closes tells them apart. */
	{ "/elections/", "SELECT e.position AS which, g.name AS of, "
	    "e.voting_closes_on AS day FROM elections e JOIN groups g "
	    "ON g.id = e.group_id WHERE e.id = ?", election_positions },
	{ "/documents/", "SELECT title AS which FROM group_documents "
	    "WHERE id = ?", NULL },
	{ "/directory/", "SELECT name AS which FROM services WHERE id = ?",
	    NULL },
	/* A vote at an event has a title of its own, which the page's
	 * title is: the group and the day say which event. */
	{ "/event-votes/", "SELECT g.name AS which, v.held_on AS day "
	    "FROM event_votes v JOIN groups g ON g.id = v.group_id "
	    "WHERE v.id = ?", NULL },
	/* A conversation is told apart by when and where it was. */
	{ "/conversations/", "SELECT c.occurred_at AS which, "
	    "COALESCE(u.name, s.name) AS of FROM conversations c "
	    "JOIN sites s ON s.id = c.site_id LEFT JOIN units u "
	    "ON u.id = c.unit_id WHERE c.id = ?", NULL },
};

/* A row's column in words: a date in the language of words, else as
 * stored; NULL when the row has none. */
static const char *
part_words(const json_t *row, const char *column, char *day,
    const struct catalogue *words)
{
	const char	*s = json_string_value(json_object_get(row, column));

	return s == NULL || *s == '\0' ? NULL : date_words_in(s, day, words);
}

/* The record's words in the language of words (NULL: English) from its
 * row (NULL: a record called by its number), "which" worded by named
 * when it is one of our words; malloc'd, NULL when unknown. */
static char *
which_words(const struct request *rq, const json_t *row,
    const struct choice *named, const struct catalogue *words)
{
	const char	*which, *of, *on;
	char		 d1[DATE_WORDS_CHARS + 1], d2[DATE_WORDS_CHARS + 1];
	char		 d3[DATE_WORDS_CHARS + 1], *out = NULL;

	if (row == NULL)
		return strdup(catalogue_fill_n(catalogue_get(words,
		    N_("number {n}")), (long long)rq->ids[0], d1, sizeof(d1)));
	/* A record whose name was written in Welsh too (which_cy) is
	 * called by it in Welsh, the one language with a catalogue. */
	if ((which = part_words(row, words != NULL ? "which_cy" : "which",
	    d1, words)) == NULL &&
	    (which = part_words(row, "which", d1, words)) == NULL)
		return NULL;
	if (named != NULL)
		which = catalogue_get(words, choice_label(named, which));
	of = part_words(row, "of", d2, words);
	on = part_words(row, "day", d3, words);
	if (asprintf(&out, "%s%s%s%s%s", which, of ? ", " : "", of ? of : "",
	    on ? ", " : "", on ? on : "") == -1)
		return NULL;
	return out;
}

void
title_which(const struct request *rq, json_t *view)
{
	const char	*title, *sql = NULL;
	const struct choice *named = NULL;
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
			named = which_sql[i].words;
			break;
		}
	}
	if (sql != NULL && db_row(rq->db, &row, sql, "i", rq->ids[0]) <= 0)
		return;
	/* The JSON's title in English; the page's in its reader's words
	 * (templates/layout/top.html: title_base, then title_which). */
	if ((which = which_words(rq, row, named, NULL)) != NULL &&
	    strstr(title, which) == NULL &&
	    (said = which_words(rq, row, named,
	    language_words(rq->lang))) != NULL &&
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
