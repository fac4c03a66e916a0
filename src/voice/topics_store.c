/*
 * SQL for the topic taxonomy: topics for every site, and each site's own.
 */
#include "voice.h"
#include "../auth/audit.h"
#include "../db/db.h"

static const char *sql_target =
    "SELECT ifnull(site_id, 0) FROM topics WHERE id = ?";
static const char *sql_list =
    "SELECT t.id, t.name, t.site_id, t.retired_on, (SELECT count(*) FROM "
    "conversation_topics ct WHERE ct.topic_id = t.id) AS uses FROM topics t "
    "WHERE t.site_id IS NULL OR t.site_id = ? "
    "ORDER BY t.retired_on IS NOT NULL, t.site_id IS NULL, t.name";
static const char *sql_options_at =
    "SELECT id AS value, name AS label FROM topics WHERE retired_on IS NULL "
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
topic_options_at(struct db *db, int64_t site_id)
{
	return db_rows(db, sql_options_at, "i", site_id);
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
