/*
 * What staff and members enter for the evidence: a site's population,
 * the member's own equality monitoring record, a group's strategy and
 * objectives, activity counts and the organisation's targets.  Each
 * write has its audit row in the same transaction; the audit says that
 * a monitoring record changed, never what it says.
 */
#include <string.h>

#include "evidence.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../util/view.h"

/* The nearest target of each criterion: the group's own, its site's,
 * the organisation's; local ones only while the organisation lets them. */
json_t *
evidence_targets(struct db *db, const struct evidence_scope *scope)
{
	static const char *sql = "SELECT t.criterion, "
	    "coalesce(gt.target, st.target, t.target) AS target, "
	    "CASE WHEN gt.target IS NOT NULL THEN 'group' "
	    "WHEN st.target IS NOT NULL THEN 'site' ELSE 'organisation' END "
	    "AS set_by FROM evidence_targets t "
	    "JOIN evidence_target_policy p ON p.id = 1 "
	    "LEFT JOIN evidence_local_targets gt ON p.local_allowed = 1 AND "
	    "gt.scope = 'group' AND gt.scope_id = ?1 AND "
	    "gt.criterion = t.criterion "
	    "LEFT JOIN evidence_local_targets st ON p.local_allowed = 1 AND "
	    "st.scope = 'site' AND st.scope_id = ?2 AND "
	    "st.criterion = t.criterion";
	json_t	*rows, *row, *o;
	size_t	 i;

	if ((rows = db_rows(db, sql, "ii", scope->group_id,
	    scope->site_id)) == NULL || (o = json_object()) == NULL) {
		json_decref(rows);
		return NULL;
	}
	json_array_foreach(rows, i, row)
		json_object_set(o, view_str(row, "criterion"), row);
	json_decref(rows);
	return o;
}

json_t *
local_targets(struct db *db, const char *scope, int64_t scope_id)
{
	static const char *sql = "SELECT criterion, target FROM "
	    "evidence_local_targets WHERE scope = ? AND scope_id = ?";
	json_t	*rows, *row, *o;
	size_t	 i;

	if ((rows = db_rows(db, sql, "ti", scope, scope_id)) == NULL ||
	    (o = json_object()) == NULL) {
		json_decref(rows);
		return NULL;
	}
	json_array_foreach(rows, i, row)
		json_object_set(o, view_str(row, "criterion"),
		    json_object_get(row, "target"));
	json_decref(rows);
	return o;
}

int
local_targets_allowed(struct db *db)
{
	static const char *sql =
	    "SELECT local_allowed FROM evidence_target_policy WHERE id = 1";
	int64_t	 on;
	int	 rc;

	if ((rc = db_int(db, &on, sql, "")) <= 0)
		return rc < 0 ? -1 : 0;
	return on != 0;
}

int
targets_save(struct db *db, int64_t actor, const char *criterion, int target)
{
	static const char *sql = "UPDATE evidence_targets SET target = ?, "
	    "updated_by = ? WHERE criterion = ?";
	int	 rc;

	if ((rc = db_exec(db, sql, "dit", target, actor, criterion)) != DB_OK)
		return rc;
	return audit_append(db, actor, "evidence.target", "organisation", 1,
	    criterion);
}

int
targets_policy_save(struct db *db, int64_t actor, int local_allowed)
{
	static const char *sql = "UPDATE evidence_target_policy SET "
	    "local_allowed = ?1, updated_by = ?2 WHERE id = 1 AND "
	    "local_allowed != ?1";
	int	 rc;

	if ((rc = db_exec(db, sql, "di", local_allowed != 0, actor)) != DB_OK
	    || db_changes(db) == 0)
		return rc;
	return audit_append(db, actor, local_allowed ?
	    "evidence.targets_local_on" : "evidence.targets_local_off",
	    "organisation", 1, NULL);
}

int
local_target_save(struct db *db, int64_t actor, const char *scope,
    int64_t scope_id, const char *criterion, int target)
{
	static const char *sql_set = "INSERT INTO evidence_local_targets "
	    "(scope, scope_id, criterion, target, updated_by) "
	    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (scope, scope_id, "
	    "criterion) DO UPDATE SET target = ?4, updated_by = ?5 "
	    "WHERE evidence_local_targets.target != ?4";
	static const char *sql_drop = "DELETE FROM evidence_local_targets "
	    "WHERE scope = ? AND scope_id = ? AND criterion = ?";
	int	 rc;

	rc = target < 0 ? db_exec(db, sql_drop, "tit", scope, scope_id,
	    criterion) : db_exec(db, sql_set, "titdi", scope, scope_id,
	    criterion, target, actor);
	if (rc != DB_OK || db_changes(db) == 0)
		return rc;
	return audit_append(db, actor, target < 0 ? "evidence.target_drop" :
	    "evidence.target", scope, scope_id, criterion);
}

int
strategy_load(struct db *db, int64_t group_id, json_t **out)
{
	static const char *sql = "SELECT s.group_id, s.aims, s.reviewed_on, "
	    "g.name AS group_name FROM group_strategies s JOIN groups g ON "
	    "g.id = s.group_id WHERE s.group_id = ?";

	return db_row(db, out, sql, "i", group_id);
}

json_t *
strategy_objectives(struct db *db, int64_t group_id)
{
	static const char *sql = "SELECT id, text, owner, due_on, done_on "
	    "FROM strategy_objectives WHERE group_id = ? "
	    "ORDER BY done_on IS NOT NULL, due_on, id LIMIT ?";

	return db_rows(db, sql, "id", group_id, OBJECTIVES_MAX);
}

int
strategy_save(struct db *db, int64_t actor, int64_t group_id,
    const char *aims, const char *reviewed_on)
{
	static const char *sql = "INSERT INTO group_strategies (group_id, "
	    "aims, reviewed_on, updated_by) VALUES (?1, ?2, ?3, ?4) "
	    "ON CONFLICT (group_id) DO UPDATE SET aims = ?2, "
	    "reviewed_on = ?3, updated_by = ?4";
	int	 rc;

	if ((rc = db_exec(db, sql, "itti", group_id, aims, reviewed_on,
	    actor)) != DB_OK)
		return rc;
	return audit_append(db, actor, "strategy.save", "group", group_id,
	    NULL);
}

int
objective_add(struct db *db, int64_t actor, int64_t group_id,
    const char *text, const char *owner, const char *due_on,
    const char *today)
{
	static const char *sql = "INSERT INTO strategy_objectives (group_id, "
	    "text, owner, due_on, created_on, created_by) "
	    "VALUES (?, ?, ?, ?, ?, ?)";
	int	 rc;

	if ((rc = db_exec(db, sql, "itttti", group_id, text, owner, due_on,
	    today, actor)) != DB_OK)
		return rc;
	return audit_append(db, actor, "objective.create", "objective",
	    db_last_id(db), NULL);
}

int
objective_target(struct db *db, const int64_t *ids, struct target *t)
{
	static const char *sql = "SELECT ifnull(g.site_id, 0), g.id FROM "
	    "strategy_objectives o JOIN groups g ON g.id = o.group_id "
	    "WHERE o.id = ?";

	return db_pair(db, sql, ids[0], &t->site_id, &t->group_id);
}

int
objective_close(struct db *db, int64_t actor, int64_t id, const char *today,
    int64_t *group_id)
{
	static const char *sql = "UPDATE strategy_objectives SET done_on = ? "
	    "WHERE id = ? AND done_on IS NULL";
	static const char *sql_group = "SELECT group_id FROM "
	    "strategy_objectives WHERE id = ?";
	int	 rc;

	if (db_int(db, group_id, sql_group, "i", id) <= 0)
		return DB_ERROR;
	if ((rc = db_exec(db, sql, "ti", today, id)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;	/* done already */
	return audit_append(db, actor, "objective.done", "objective", id, NULL);
}

int
population_save(struct db *db, int64_t actor, int64_t site_id,
    const char *counted_on, const json_t *rows)
{
	static const char *sql_clear = "DELETE FROM site_population "
	    "WHERE site_id = ? AND counted_on = ?";
	static const char *sql_add = "INSERT INTO site_population (site_id, "
	    "counted_on, dimension, category, count, created_by) "
	    "VALUES (?, ?, ?, ?, ?, ?)";
	const json_t	*row;
	size_t		 i;
	int		 rc;

	if ((rc = db_exec(db, sql_clear, "it", site_id, counted_on)) != DB_OK)
		return rc;
	json_array_foreach(rows, i, row)
		if ((rc = db_exec(db, sql_add, "itttii", site_id, counted_on,
		    view_str(row, "dimension"), view_str(row, "category"),
		    view_int(row, "count"), actor)) != DB_OK)
			return rc;
	return audit_append(db, actor, "population.count", "site", site_id,
	    counted_on);
}

int
monitoring_load(struct db *db, int64_t person_id, json_t **out)
{
	static const char *sql_record = "SELECT updated_on FROM "
	    "equality_records WHERE person_id = ?";
	static const char *sql_answers = "SELECT item, answer FROM "
	    "equality_answers WHERE person_id = ?";
	json_t	*rows, *row;
	size_t	 i;
	int	 rc;

	if ((rc = db_row(db, out, sql_record, "i", person_id)) <= 0)
		return rc;
	if ((rows = db_rows(db, sql_answers, "i", person_id)) == NULL) {
		json_decref(*out);
		return -1;
	}
	json_array_foreach(rows, i, row)
		json_object_set(*out, view_str(row, "item"),
		    json_object_get(row, "answer"));
	json_decref(rows);
	return 1;
}

int
monitoring_save(struct db *db, int64_t actor, int64_t person_id,
    const json_t *answers, const char *today)
{
	static const char *sql_record = "INSERT INTO equality_records "
	    "(person_id, updated_on) VALUES (?1, ?2) ON CONFLICT (person_id) "
	    "DO UPDATE SET updated_on = ?2";
	static const char *sql_clear = "DELETE FROM equality_answers "
	    "WHERE person_id = ?";
	static const char *sql_add = "INSERT INTO equality_answers "
	    "(person_id, item, answer) VALUES (?, ?, ?)";
	const char	*item;
	json_t		*answer;
	int		 rc;

	if ((rc = db_exec(db, sql_record, "it", person_id, today)) != DB_OK ||
	    (rc = db_exec(db, sql_clear, "i", person_id)) != DB_OK)
		return rc;
	json_object_foreach((json_t *)answers, item, answer)
		if (json_is_string(answer) && (rc = db_exec(db, sql_add, "itt",
		    person_id, item, json_string_value(answer))) != DB_OK)
			return rc;
	/* That it changed, never what it says. */
	return audit_append(db, actor, "equality.update", "account", actor,
	    NULL);
}

int
activity_save(struct db *db, int64_t actor, int64_t site_id,
    const char *month, const char *activity, int64_t count)
{
	static const char *sql = "INSERT INTO activity_counts (site_id, month, "
	    "activity, count, updated_by) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "ON CONFLICT (site_id, month, activity) DO UPDATE SET "
	    "count = ?4, updated_by = ?5";
	int	 rc;

	if ((rc = db_exec(db, sql, "ittii", site_id, month, activity, count,
	    actor)) != DB_OK)
		return rc;
	return audit_append(db, actor, "activity.count", "site", site_id,
	    month);
}
