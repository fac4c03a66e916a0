/*
 * SQL for collective issues: statements a group owns, built from logs,
 * with the evidence computed from those logs and the group's decision.
 */
#include <stdio.h>
#include <stdlib.h>

#include "voice.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/date.h"
#include "../util/view.h"

static const char *sql_target =
    "SELECT site_id, ifnull(group_id, 0) FROM issues WHERE id = ?";
static const char *sql_insert =
    "INSERT INTO issues (id, site_id, group_id, title, statement, created_by) "
    "VALUES (rt_next_id('issues'), ?, ?, ?, ?, ?)";
static const char *sql_link =
    "UPDATE conversations SET issue_id = ?1 WHERE issue_id IS NULL "
    "AND consent != 'do_not_share' AND site_id = (SELECT site_id FROM "
    "issues WHERE id = ?1) AND id IN (SELECT value FROM json_each(?2))";
static const char *sql_load =
    "SELECT i.id, i.site_id, i.group_id, i.title, i.statement, "
    "i.status AS issue_status, i.decided_on, i.votes_for, i.votes_against, "
    "i.votes_abstain, i.decision_reason, substr(i.created_at, 1, 10) "
    "AS created_on, s.name AS site_name, g.name AS group_name "
    "FROM issues i JOIN sites s ON s.id = i.site_id "
    "LEFT JOIN groups g ON g.id = i.group_id WHERE i.id = ?";
static const char *sql_decide =
    "UPDATE issues SET status = ?, decided_on = ?, votes_for = ?, "
    "votes_against = ?, votes_abstain = ?, decision_reason = ? WHERE id = ?";
static const char *sql_list =
    "SELECT i.id, i.site_id, i.group_id, i.title, i.status AS issue_status, "
    "substr(i.created_at, 1, 10) AS created_on, s.name AS site_name, "
    "g.name AS group_name, (SELECT count(*) FROM conversations c "
    "  WHERE c.issue_id = i.id) AS log_count, "
    "(SELECT substr(max(c.occurred_at), 1, 10) FROM conversations c "
    "  WHERE c.issue_id = i.id) AS last_seen "
    "FROM issues i JOIN sites s ON s.id = i.site_id "
    "LEFT JOIN groups g ON g.id = i.group_id "
    "WHERE (?1 <> 0 OR i.site_id IN (SELECT value FROM json_each(?2)) "
    "OR i.group_id IN (SELECT value FROM json_each(?3))) "
    "AND (CAST(?4 AS TEXT) IS NULL OR i.status = ?4) AND i.id < ?5 "
    "ORDER BY i.id DESC LIMIT ?6";
#define SEARCH_SQL(match)						\
    "SELECT i.id, i.title, i.status AS issue_status, s.name AS site_name "	\
    "FROM issues i JOIN sites s ON s.id = i.site_id "			\
    "WHERE " match " "						\
    "AND (?1 <> 0 OR i.site_id IN (SELECT value FROM json_each(?2)) "	\
    "OR i.group_id IN (SELECT value FROM json_each(?3))) "		\
    "AND (?5 = 0 OR i.site_id = ?5) AND (CAST(?6 AS TEXT) IS NULL OR "	\
    "i.status = ?6) ORDER BY i.id DESC LIMIT ?7"
DB_SQL(sql_search, SEARCH_SQL(FTS_MATCH_SQLITE("issues", "i", "?4")),
    SEARCH_SQL(FTS_MATCH_PG("issues", "i", "?4")));
static const char *sql_evidence =
    "SELECT count(*) AS log_count, substr(min(occurred_at), 1, 10) "
    "AS first_seen, substr(max(occurred_at), 1, 10) AS last_seen, "
    "coalesce(sum(occurred_at >= ?2), 0) AS recent, "
    "coalesce(sum(occurred_at >= ?3 AND occurred_at < ?2), 0) AS earlier "
    "FROM conversations WHERE issue_id = ?1";
static const char *sql_places =
    "SELECT ifnull(u.name, 'No place given') AS place, count(*) AS n "
    "FROM conversations c LEFT JOIN units u ON u.id = c.unit_id "
    "WHERE c.issue_id = ? GROUP BY c.unit_id, u.name ORDER BY n DESC, place";
static const char *sql_logs =
    "SELECT c.id, c.occurred_at, replace(c.occurred_at, 'T', ' at ') "
    "AS when_label, substr(c.occurred_at, 12, 5) AS at_time, "
    "substr(c.raised, 1, 160) AS raised, "
    "c.outcome, u.name AS unit_name FROM conversations c "
    "LEFT JOIN units u ON u.id = c.unit_id WHERE c.issue_id = ?1 "
    "AND (c.occurred_at, c.id) < (?3, ?2) "
    "ORDER BY c.occurred_at DESC, c.id DESC LIMIT ?4";

int
issue_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_target, ids[0], &t->site_id, &t->group_id);
}

#define V(name)	json_object_get(v, name)

int
issue_add(struct db *db, int64_t actor, json_t *v, int64_t *id)
{
	int	 rc;

	rc = db_exec(db, sql_insert, "jjjji", V("site_id"), V("group_id"),
	    V("title"), V("statement"), actor);
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	if ((rc = audit_append(db, actor, "issue.create", "issue", *id,
	    json_string_value(V("title")))) != DB_OK)
		return rc;
	return issue_add_logs(db, actor, *id, V("conversation_ids"));
}

int
issue_add_logs(struct db *db, int64_t actor, int64_t id, const json_t *ids)
{
	char	*list;
	char	 detail[32];
	int	 rc;

	if (json_array_size(ids) == 0)
		return DB_OK;
	if ((list = json_dumps(ids, JSON_COMPACT)) == NULL)
		return DB_ERROR;
	rc = db_exec(db, sql_link, "it", id, list);
	free(list);
	if (rc != DB_OK)
		return rc;
	/* Kept without words (auth/audit_detail.c): how many. */
	snprintf(detail, sizeof(detail), "%d", db_changes(db));
	return audit_append(db, actor, "issue.logs", "issue", id, detail);
}

int
issue_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

int
issue_decide(struct db *db, int64_t actor, int64_t id, json_t *v)
{
	int	 rc;

	rc = db_exec(db, sql_decide, "jjjjjji", V("status"), V("decided_on"),
	    V("votes_for"), V("votes_against"), V("votes_abstain"),
	    V("decision_reason"), id);
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "issue.decide", "issue", id,
	    json_string_value(V("status")));
}

json_t *
issue_list(struct db *db, const struct scope_filter *f, const char *status,
    const struct paging *pg)
{
	return db_rows(db, sql_list, "dtttid", f->all, f->site_ids,
	    f->group_ids, status, paging_seek_id(pg, 1), paging_limit(pg));
}

json_t *
issue_search(struct db *db, const struct scope_filter *f, const char *fts,
    int64_t site_id, const char *status, int limit)
{
	return db_rows(db, sql_search, "dtttitd", f->all, f->site_ids,
	    f->group_ids, fts, site_id, status, limit);
}

json_t *
issue_evidence(struct db *db, int64_t id, const char *today,
    const struct paging *pg)
{
	char	 recent[DATE_CHARS + 1], earlier[DATE_CHARS + 1];
	json_t	*ev = NULL;

	date_add_days(today, -TREND_DAYS, recent);
	date_add_days(today, -2 * TREND_DAYS, earlier);
	if (db_row(db, &ev, sql_evidence, "itt", id, recent, earlier) <= 0)
		return NULL;
	json_object_set_new(ev, "trend", json_string(voice_trend(
	    view_int(ev, "recent"),
	    view_int(ev, "earlier"))));
	json_object_set_new(ev, "places", db_rows(db, sql_places, "i", id));
	json_object_set_new(ev, "logs", db_rows(db, sql_logs, "iitd", id,
	    paging_seek_id(pg, 1), paging_seek_key(pg, 1), paging_limit(pg)));
	return ev;
}
