/*
 * SQL for votes at events: the vote and its options, counts entered
 * (from ballot papers or a show of hands) and the published result,
 * which a trigger keeps from changing.  Each step is audited with the
 * counts, since a vote's result is public.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../auth/audit.h"
#include "../auth/scoped.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/view.h"

static const char *sql_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM event_votes v "
    "JOIN groups g ON g.id = v.group_id WHERE v.id = ?";
static const char *sql_add =
    "INSERT INTO event_votes (group_id, title, held_on, method, created_by) "
    "VALUES (?, ?, ?, ?, ?)";
static const char *sql_option_add =
    "INSERT INTO event_vote_options (vote_id, position, label) "
    "VALUES (?, ?, ?)";
static const char *sql_load =
    "SELECT v.id, v.group_id, v.title, v.held_on, v.method, v.state, "
    "v.published_on, g.name AS group_name, g.site_id, "
    "(SELECT sum(votes) FROM event_vote_options o WHERE o.vote_id = v.id) "
    "AS total, (SELECT count(*) FROM event_vote_options o WHERE "
    "o.vote_id = v.id AND o.votes IS NULL) AS uncounted, "
    /* Who could have voted: the group's members on the day. */
    "(SELECT count(*) FROM memberships m WHERE m.group_id = v.group_id "
    "AND m.from_on <= v.held_on AND (m.to_on IS NULL OR "
    "m.to_on >= v.held_on)) AS eligible "
    "FROM event_votes v JOIN groups g ON g.id = v.group_id WHERE v.id = ?";
static const char *sql_options =
    "SELECT position, label, votes, votes = (SELECT max(votes) FROM "
    "event_vote_options m WHERE m.vote_id = o.vote_id) AS leading "
    "FROM event_vote_options o WHERE vote_id = ? ORDER BY position";
static const char *sql_list =
    "SELECT v.id, v.title, v.held_on, v.state, g.name AS group_name "
    "FROM event_votes v JOIN groups g ON g.id = v.group_id "
    "WHERE ?1 <> 0 OR g.site_id IN (SELECT value FROM json_each(?2)) "
    "OR g.id IN (SELECT value FROM json_each(?3)) "
    "ORDER BY v.held_on DESC, v.id DESC";
static const char *sql_count =
    "UPDATE event_vote_options SET votes = ? WHERE vote_id = ? "
    "AND position = ?";
static const char *sql_publish =
    "UPDATE event_votes SET state = 'published', published_on = ? "
    "WHERE id = ? AND state = 'open' AND NOT EXISTS (SELECT 1 FROM "
    "event_vote_options o WHERE o.vote_id = event_votes.id AND "
    "o.votes IS NULL)";

int
event_vote_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_target, ids[0], &t->site_id, &t->group_id);
}

int
event_vote_add(struct db *db, int64_t actor, int64_t group_id, json_t *v,
    int64_t *id)
{
	json_t	*lines, *l;
	size_t	 i;
	int	 rc;

	rc = db_exec(db, sql_add, "ijjji", group_id, json_object_get(v,
	    "title"), json_object_get(v, "held_on"), json_object_get(v,
	    "method"), actor);
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	lines = choices_lines(view_str(v, "options"));
	json_array_foreach(lines, i, l)
		if ((rc = db_exec(db, sql_option_add, "iit", *id, (int64_t)i +
		    1, json_string_value(l))) != DB_OK)
			break;
	json_decref(lines);
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "event_vote.create", "event_vote", *id,
	    view_str(v, "title"));
}

int
event_vote_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

json_t *
event_vote_options(struct db *db, int64_t id)
{
	return db_rows(db, sql_options, "i", id);
}

json_t *
event_vote_list(struct db *db, const struct principal *who)
{
	return scoped_rows(db, who, ROLES_ALL, sql_list);
}

int
event_vote_count(struct db *db, int64_t actor, int64_t id,
    const json_t *counts)
{
	struct buf	 detail;
	json_t		*n;
	size_t		 i;
	int		 rc = DB_OK;

	buf_init(&detail, 1024);
	json_array_foreach(counts, i, n) {
		rc = db_exec(db, sql_count, "iii", (int64_t)json_integer_value(n),
		    id, (int64_t)i + 1);
		if (rc != DB_OK)
			break;
		if (buf_printf(&detail, "%s%lld", i ? " " : "",
		    (long long)json_integer_value(n)) == -1)
			rc = DB_ERROR;
	}
	if (rc == DB_OK && buf_putc(&detail, '\0') == 0)
		rc = audit_append(db, actor, "event_vote.count", "event_vote",
		    id, detail.data);
	buf_release(&detail);
	return rc;
}

int
event_vote_publish(struct db *db, int64_t actor, int64_t id,
    const char *today)
{
	int	 rc;

	if ((rc = db_exec(db, sql_publish, "ti", today, id)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, actor, "event_vote.publish", "event_vote", id,
	    NULL);
}
