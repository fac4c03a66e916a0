/*
 * SQL for new arrivals: a group's standard plan, and each arrival's copy
 * of it, ticked step by step.  Arrivals are pseudonymous references.
 */
#include <stdlib.h>
#include <string.h>

#include "voice.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"

static const char *sql_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM arrivals a "
    "JOIN groups g ON g.id = a.group_id WHERE a.id = ?";
static const char *sql_step_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM arrival_steps st "
    "JOIN arrivals a ON a.id = st.arrival_id "
    "JOIN groups g ON g.id = a.group_id WHERE st.id = ?";
static const char *sql_plan =
    "SELECT position, text FROM arrival_plan_steps WHERE group_id = ? "
    "ORDER BY position";
static const char *sql_plan_clear =
    "DELETE FROM arrival_plan_steps WHERE group_id = ?";
static const char *sql_plan_add =
    "INSERT INTO arrival_plan_steps (id, group_id, position, text) "
    "VALUES (rt_next_id('arrival_plan_steps'), ?, ?, ?)";
static const char *sql_insert =
    "INSERT INTO arrivals (id, group_id, reference, arrived_on, unit_id, "
    "recorded_by, age_band) VALUES (rt_next_id('arrivals'), ?, ?, ?, ?, ?, "
    "?)";
static const char *sql_plan_count =
    "SELECT count(*) FROM arrival_plan_steps WHERE group_id = ?";
/* One step a statement: rt_next_id numbers one row each time. */
static const char *sql_copy_step =
    "INSERT INTO arrival_steps (id, arrival_id, position, text) "
    "SELECT rt_next_id('arrival_steps'), ?1, position, text "
    "FROM arrival_plan_steps WHERE group_id = ?2 AND position = ?3";
static const char *sql_load =
    "SELECT a.id, a.group_id, a.reference, a.arrived_on, a.unit_id, "
    "a.age_band, g.name AS group_name, g.site_id, u.name AS unit_name FROM arrivals a "
    "JOIN groups g ON g.id = a.group_id "
    "LEFT JOIN units u ON u.id = a.unit_id WHERE a.id = ?";
static const char *sql_steps =
    "SELECT st.id, st.position, st.text, st.done_on, st.note, "
    "ac.display_name AS done_by_name FROM arrival_steps st "
    "LEFT JOIN accounts ac ON ac.id = st.done_by WHERE st.arrival_id = ? "
    "ORDER BY st.position";
static const char *sql_step_load =
    "SELECT st.id, st.arrival_id, st.text, st.done_on, a.reference "
    "FROM arrival_steps st JOIN arrivals a ON a.id = st.arrival_id "
    "WHERE st.id = ?";
static const char *sql_step_done =
    "UPDATE arrival_steps SET done_on = ?, done_by = ?, note = ? "
    "WHERE id = ? AND done_on IS NULL";
static const char *sql_unfinished =
    "SELECT a.id, a.reference, a.arrived_on, g.name AS group_name, "
    "s.name AS site_name, sum(st.done_on IS NOT NULL) AS done, "
    "count(st.id) AS steps FROM arrivals a JOIN groups g ON g.id = a.group_id "
    "LEFT JOIN sites s ON s.id = g.site_id "
    "JOIN arrival_steps st ON st.arrival_id = a.id "
    "WHERE ?1 <> 0 OR g.site_id IN (SELECT value FROM json_each(?2)) "
    "OR g.id IN (SELECT value FROM json_each(?3)) "
    "GROUP BY a.id, g.name, s.name "
    "HAVING sum(st.done_on IS NOT NULL) < count(st.id) ORDER BY a.arrived_on";

int
arrival_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_target, ids[0], &t->site_id, &t->group_id);
}

int
arrival_step_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_step_target, ids[0], &t->site_id,
	    &t->group_id);
}

json_t *
arrival_plan(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_plan, "i", group_id);
}

int
arrival_plan_save(struct db *db, int64_t actor, int64_t group_id,
    const char *steps)
{
	const char	*line = steps, *end;
	char		*text;
	size_t		 n;
	int		 rc, position = 0;

	if ((rc = db_exec(db, sql_plan_clear, "i", group_id)) != DB_OK)
		return rc;
	while (*line != '\0' && position < ARRIVAL_STEPS_MAX) {
		end = line + strcspn(line, "\r\n");
		n = (size_t)(end - line);
		while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
			n--;
		while (n > 0 && (*line == ' ' || *line == '\t')) {
			line++;
			n--;
		}
		if (n > 0) {
			if ((text = strndup(line, n)) == NULL)
				return DB_ERROR;
			rc = db_exec(db, sql_plan_add, "idt", group_id,
			    ++position, text);
			free(text);
			if (rc != DB_OK)
				return rc;
		}
		line = end + strspn(end, "\r\n");
	}
	return audit_append(db, actor, "arrival_plan.update", "group",
	    group_id, NULL);
}

int
arrival_add(struct db *db, int64_t actor, int64_t group_id, json_t *v,
    int64_t *id)
{
	char	 ref[9];
	int64_t	 steps, pos;
	int	 rc, tries;

	for (tries = 0, rc = DB_CONSTRAINT; tries < 5 && rc == DB_CONSTRAINT;
	    tries++) {
		arrival_reference_new(ref);
		rc = db_exec(db, sql_insert, "itjjij", group_id, ref,
		    json_object_get(v, "arrived_on"),
		    json_object_get(v, "unit_id"), actor,
		    json_object_get(v, "age_band"));
	}
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	if (db_int(db, &steps, sql_plan_count, "i", group_id) < 0)
		return DB_ERROR;
	/* Positions run from 1 without a gap (arrival_plan_save). */
	for (pos = 1; pos <= steps; pos++)
		if ((rc = db_exec(db, sql_copy_step, "iii", *id, group_id,
		    pos)) != DB_OK)
			return rc;
	return audit_append(db, actor, "arrival.create", "arrival", *id, ref);
}

int
arrival_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

json_t *
arrival_steps(struct db *db, int64_t arrival_id)
{
	return db_rows(db, sql_steps, "i", arrival_id);
}

int
arrival_step_load(struct db *db, int64_t step_id, json_t **out)
{
	return db_row(db, out, sql_step_load, "i", step_id);
}

int
arrival_step_done(struct db *db, int64_t actor, int64_t step_id, json_t *v,
    const char *today)
{
	int	 rc;

	rc = db_exec(db, sql_step_done, "tiji", today, actor,
	    json_object_get(v, "note"), step_id);
	if (rc != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, actor, "arrival_step.done", "arrival_step",
	    step_id, NULL);
}

json_t *
arrival_unfinished(struct db *db, const struct scope_filter *f)
{
	return db_rows(db, sql_unfinished, "dtt", f->all, f->site_ids,
	    f->group_ids);
}
