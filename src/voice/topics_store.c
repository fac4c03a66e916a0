/*
 * SQL for the topic taxonomy: topics for every site, and each site's own.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "voice.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../util/catalogue.h"
#include "../util/view.h"

static const char *sql_target =
    "SELECT ifnull(site_id, 0) FROM topics WHERE id = ?";
static const char *sql_list =
    "SELECT t.id, t.name, t.site_id, t.retired_on, (SELECT count(*) FROM "
    "conversation_topics ct WHERE ct.topic_id = t.id) AS uses FROM topics t "
    "WHERE t.site_id IS NULL OR t.site_id = ? "
    "ORDER BY t.retired_on IS NOT NULL, t.site_id IS NULL, t.name";
/* A topic every site has is marked to be worded in the reader's language
 * (msgid, as sql_topic_options does); a site's own, as the site named it. */
static const char *sql_options_at =
    "SELECT id AS value, name AS label, CASE WHEN site_id IS NULL THEN "
    "'{label | t}' END AS msgid FROM topics WHERE retired_on IS NULL "
    "AND (site_id IS NULL OR site_id = ?) ORDER BY site_id IS NOT NULL, name";
static const char *sql_insert =
    "INSERT INTO topics (id, site_id, name) VALUES (rt_next_id('topics'), ?, ?)";
static const char *sql_retire =
    "UPDATE topics SET retired_on = ? WHERE id = ? AND retired_on IS NULL";

int
topic_target(struct db *db, const int64_t *ids, struct target *t)
{
	t->group_id = 0;
	return db_int(db, &t->site_id, sql_target, "i", ids[0]);
}

json_t *
topic_list(struct db *db, int64_t site_id)
{
	return db_rows(db, sql_list, "i", site_id);
}

json_t *
topic_options_at(struct db *db, int64_t site_id, const struct catalogue *words)
{
	json_t	*o = db_rows(db, sql_options_at, "i", site_id);

	topics_in_words_order(o, words);
	return o;
}

/* A topic's place in its list, and the words it is sorted by. */
struct topic_place {
	json_t		*row;	/* borrowed from the list */
	const char	*said;	/* borrowed from the row or the catalogue */
	int		 rank;	/* 0 every site's, 1 a site's own, 2 Other */
};

static int
topic_place_cmp(const void *a, const void *b)
{
	const struct topic_place *x = a, *y = b;
	int	 c;

	if (x->rank != y->rank)
		return x->rank - y->rank;
	if ((c = strcasecmp(x->said, y->said)) != 0)
		return c;
	return strcmp(x->said, y->said);
}

/* Sorted here rather than by the SQL, which knows only the English: a
 * Welsh reader looks for "Arall" last and "Addysg" first. */
void
topics_in_words_order(json_t *options, const struct catalogue *words)
{
	struct topic_place *p;
	size_t		 i, n = json_array_size(options);
	int		 shared;

	if (n < 2 || (p = calloc(n, sizeof(*p))) == NULL)
		return;
	for (i = 0; i < n; i++) {
		p[i].row = json_incref(json_array_get(options, i));
		shared = json_is_string(json_object_get(p[i].row, "msgid"));
		p[i].said = shared ? catalogue_get(words, view_str(p[i].row,
		    "label")) : view_str(p[i].row, "label");
		p[i].rank = !shared ? 1 : strcmp(view_str(p[i].row, "label"),
		    "Other") == 0 ? 2 : 0;
	}
	qsort(p, n, sizeof(*p), topic_place_cmp);
	json_array_clear(options);
	for (i = 0; i < n; i++)
		json_array_append_new(options, p[i].row);
	free(p);
}

int
topic_add(struct db *db, int64_t actor, int64_t site_id, json_t *v)
{
	int	 rc;

	rc = db_exec(db, sql_insert, "ij", site_id, json_object_get(v, "name"));
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "topic.create", "topic", db_last_id(db),
	    json_string_value(json_object_get(v, "name")));
}

int
topic_retire(struct db *db, int64_t actor, int64_t id, const char *today)
{
	int	 rc;

	if ((rc = db_exec(db, sql_retire, "ti", today, id)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, actor, "topic.retire", "topic", id, NULL);
}
