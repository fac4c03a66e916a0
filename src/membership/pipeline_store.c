/*
 * SQL for recruitment and succession.  A recruit moves only through
 * recruit_move(), which asks the state machine, writes the new stage only
 * if it is still the one read (two staff cannot both move it), adds the
 * event row that times each stage, and appends to the audit chain.
 */
#include <stdio.h>
#include <string.h>

#include "membership.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/view.h"

#define V(name)	json_object_get(v, name)

static const char *sql_recruit_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM recruits r "
    "JOIN groups g ON g.id = r.group_id WHERE r.id = ?";
static const char *sql_shadow_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM shadowing s "
    "JOIN groups g ON g.id = s.group_id WHERE s.id = ?";
static const char *sql_recruit_insert =
    "INSERT INTO recruits (group_id, person_id, position, referred_by, "
    "stage_on, created_on) VALUES (?, ?, ?, ?, ?, ?)";
static const char *sql_event =
    "INSERT INTO recruit_events (recruit_id, on_date, actor_id, event, "
    "stage) VALUES (?, ?, nullif(?, 0), ?, ?)";
static const char *sql_recruit_load =
    "SELECT r.id, r.group_id, r.person_id, r.position, r.referred_by, "
    "r.stage, r.stage_on, r.clearance, r.clearance_on, r.created_on, "
    "p.display_name, p.reference, g.name AS group_name, g.site_id "
    "FROM recruits r JOIN people p ON p.id = r.person_id "
    "JOIN groups g ON g.id = r.group_id WHERE r.id = ?";
static const char *sql_stage =
    "SELECT stage, group_id, person_id, position FROM recruits WHERE id = ?";
/* ?3 and ?4 are NULL unless the event records clearance; with ?7 the
 * recruit must be cleared (after what is recorded), checked here too so
 * that a clearance changed since the rules read it cannot slip through. */
static const char *sql_stage_set =
    "UPDATE recruits SET stage = ?1, stage_on = ?2, "
    "clearance = coalesce(?3, clearance), "
    "clearance_on = coalesce(?4, clearance_on) WHERE id = ?5 AND stage = ?6 "
    "AND (?7 = 0 OR coalesce(?3, clearance) = 'cleared')";
/* Activating adds a role only for someone not already in the group (they
 * may have been added directly meanwhile), and the recruit keeps which
 * membership it made; leaving from active ends that one alone. */
static const char *sql_membership_start =
    "INSERT INTO memberships (id, group_id, person_id, position, from_on) "
    "SELECT rt_next_id('memberships'), ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM memberships "
    "WHERE group_id = ?1 AND person_id = ?2 AND to_on IS NULL)";
static const char *sql_membership_made =
    "UPDATE recruits SET membership_id = ? WHERE id = ?";
static const char *sql_membership_stop =
    "UPDATE memberships SET to_on = max(from_on, ?1), end_reason = "
    "'Left the role' WHERE id = (SELECT membership_id FROM recruits "
    "WHERE id = ?2) AND to_on IS NULL";
static const char *sql_recruit_list =
    "SELECT r.id, r.person_id, r.position, r.referred_by, r.stage, "
    "r.stage_on, r.clearance, r.clearance_on, p.display_name, "
    "CAST(julianday(?2) - julianday(r.stage_on) AS INTEGER) AS days_in_stage "
    "FROM recruits r JOIN people p ON p.id = r.person_id "
    "WHERE r.group_id = ?1 ORDER BY r.stage = 'left', "
    "instr('referred applied  checked  inducted trained  active   left', "
    "r.stage), r.stage_on, r.id";
/* Each event opens a stage; the next event (or today) closes it. */
static const char *sql_stage_times =
    "SELECT stage, count(*) AS recruits, "
    "CAST(round(avg(days)) AS INTEGER) AS average_days, "
    "max(days) AS longest_days FROM (SELECT e.stage, "
    "CAST(julianday(coalesce(lead(e.on_date) OVER w, ?2)) - "
    "julianday(e.on_date) AS INTEGER) AS days FROM recruit_events e "
    "JOIN recruits r ON r.id = e.recruit_id WHERE r.group_id = ?1 "
    "WINDOW w AS (PARTITION BY e.recruit_id ORDER BY e.id)) AS spans "
    "WHERE stage != 'left' GROUP BY stage ORDER BY "
    "instr('referred applied  checked  inducted trained  active', stage)";
static const char *sql_post_list =
    "SELECT position, places, held, max(places - held, 0) AS vacant FROM "
    "(SELECT p.position, p.places, (SELECT count(*) FROM memberships m "
    "WHERE m.group_id = p.group_id AND m.position = p.position "
    "AND m.to_on IS NULL) AS held FROM group_posts p "
    "WHERE p.group_id = ? AND p.places > 0) AS posts ORDER BY position = 'member', "
    "position";
static const char *sql_post_save =
    "INSERT INTO group_posts (group_id, position, places) VALUES (?, ?, ?) "
    "ON CONFLICT (group_id, position) DO UPDATE SET places = excluded.places";
static const char *sql_leaving_soon =
    "SELECT p.id AS person_id, p.display_name, m.position, "
    "p.expected_leave_on, p.expected_leave_reason, "
    "CAST(julianday(p.expected_leave_on) - julianday(?2) AS INTEGER) "
    "AS days_left, EXISTS (SELECT 1 FROM shadowing s WHERE s.group_id = ?1 "
    "AND s.mentor_id = p.id AND s.to_on IS NULL) AS shadowed "
    "FROM memberships m JOIN people p ON p.id = m.person_id "
    "WHERE m.group_id = ?1 AND m.to_on IS NULL AND p.left_on IS NULL "
    "AND p.expected_leave_on IS NOT NULL "
    "AND p.expected_leave_on <= date(?2, '+' || ?3 || ' days') "
    "ORDER BY p.expected_leave_on, p.display_name";
static const char *sql_shadow_list =
    "SELECT s.id, s.from_on, s.to_on, l.display_name AS learner_name, "
    "m.display_name AS mentor_name, m.expected_leave_on FROM shadowing s "
    "JOIN people l ON l.id = s.learner_id JOIN people m ON m.id = s.mentor_id "
    "WHERE s.group_id = ? ORDER BY s.to_on IS NOT NULL, s.from_on DESC";
static const char *sql_shadow_insert =
    "INSERT INTO shadowing (group_id, learner_id, mentor_id, from_on) "
    "VALUES (?, ?, ?, ?)";
static const char *sql_shadow_end =
    "UPDATE shadowing SET to_on = max(from_on, ?) WHERE id = ? "
    "AND to_on IS NULL";
static const char *sql_shadow_group =
    "SELECT group_id FROM shadowing WHERE id = ?";
static const char *sql_learner_options =
    "SELECT p.id AS value, p.display_name AS label FROM people p "
    "WHERE p.left_on IS NULL AND (p.id IN (SELECT person_id FROM recruits "
    "WHERE group_id = ?1 AND stage != 'left') OR p.id IN (SELECT person_id "
    "FROM memberships WHERE group_id = ?1 AND to_on IS NULL)) "
    "ORDER BY p.display_name";
static const char *sql_person_options =
    "SELECT p.id AS value, p.display_name || ' (' || p.reference || ')' "
    "AS label FROM people p JOIN groups g ON g.id = ?1 "
    "WHERE p.left_on IS NULL AND (g.site_id IS NULL OR p.site_id = g.site_id) "
    "AND p.id NOT IN (SELECT person_id FROM memberships WHERE group_id = ?1 "
    "AND to_on IS NULL) AND p.id NOT IN (SELECT person_id FROM recruits "
    "WHERE group_id = ?1 AND stage != 'left') ORDER BY p.display_name";
static const char *sql_person_leaving =
    "SELECT p.id, p.display_name, p.site_id, p.expected_leave_on, "
    "p.expected_leave_reason, p.left_on, p.left_reason, s.name AS site_name, "
    "(SELECT name FROM organisation WHERE id = 1) AS organisation_name "
    "FROM people p JOIN sites s ON s.id = p.site_id WHERE p.id = ?";
static const char *sql_expected_leave =
    "UPDATE people SET expected_leave_on = ?, expected_leave_reason = ? "
    "WHERE id = ? AND left_on IS NULL";
static const char *sql_left_events =
    "INSERT INTO recruit_events (recruit_id, on_date, actor_id, event, "
    "stage) SELECT id, ?2, nullif(?3, 0), 'leave', 'left' FROM recruits "
    "WHERE person_id = ?1 AND stage != 'left'";
static const char *sql_left_stage =
    "UPDATE recruits SET stage = 'left', stage_on = ?2 "
    "WHERE person_id = ?1 AND stage != 'left'";
static const char *sql_left_shadowing =
    "UPDATE shadowing SET to_on = max(from_on, ?2) WHERE to_on IS NULL "
    "AND (learner_id = ?1 OR mentor_id = ?1)";

int
recruit_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_recruit_target, ids[0], &t->site_id,
	    &t->group_id);
}

int
shadow_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_shadow_target, ids[0], &t->site_id,
	    &t->group_id);
}

int
recruit_add(struct db *db, int64_t actor, int64_t group_id, json_t *v,
    const char *today, int64_t *id)
{
	int	 rc;

	rc = db_exec(db, sql_recruit_insert, "ijjjtt", group_id,
	    V("person_id"), V("position"), V("referred_by"), today, today);
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	if ((rc = db_exec(db, sql_event, "ititt", *id, today, actor,
	    "refer", recruit_stage_names[RS_REFERRED])) != DB_OK)
		return rc;
	return audit_append(db, actor, "recruit.refer", "recruit", *id,
	    json_string_value(V("referred_by")));
}

int
recruit_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_recruit_load, "i", id);
}

/* What a stage change does to the group: activating makes the
 * membership (unless they already have one there), leaving from active
 * ends the one it made. */
static int
recruit_membership(struct db *db, int64_t id, const json_t *r, int from,
    int to, const char *today)
{
	int	 rc;

	if (to == RS_ACTIVE) {
		rc = db_exec(db, sql_membership_start, "iijt",
		    view_int(r, "group_id"), view_int(r, "person_id"),
		    json_object_get(r, "position"), today);
		if (rc != DB_OK || db_changes(db) == 0)
			return rc;
		return db_exec(db, sql_membership_made, "ii",
		    db_last_id(db), id);
	}
	if (to == RS_LEFT && from == RS_ACTIVE)
		return db_exec(db, sql_membership_stop, "ti", today, id);
	return DB_OK;
}

int
recruit_move(struct db *db, int64_t actor, int64_t id,
    enum recruit_event event, json_t *v, const char *today)
{
	json_t	*r;
	char	 action[32];
	int	 rc, stage, next, records;

	if ((rc = db_row(db, &r, sql_stage, "i", id)) <= 0)
		return rc < 0 ? DB_ERROR : DB_CONSTRAINT;
	stage = recruit_stage_parse(view_str(r, "stage"));
	if (stage < 0 || (next = recruit_next((enum recruit_stage)stage,
	    event)) < 0) {
		json_decref(r);
		return DB_CONSTRAINT;
	}
	records = recruit_event_records_clearance(event);
	rc = db_exec(db, sql_stage_set, "ttjjitd", recruit_stage_names[next],
	    today, records ? V("clearance") : NULL,
	    records ? V("clearance_on") : NULL, id,
	    recruit_stage_names[stage], recruit_event_needs_cleared(event));
	if (rc == DB_OK && db_changes(db) == 0)
		rc = DB_CONSTRAINT;
	if (rc == DB_OK)
		rc = recruit_membership(db, id, r, stage, next, today);
	json_decref(r);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_exec(db, sql_event, "ititt", id, today, actor,
	    recruit_event_names[event], recruit_stage_names[next])) != DB_OK)
		return rc;
	snprintf(action, sizeof(action), "recruit.%s",
	    recruit_event_names[event]);
	return audit_append(db, actor, action, "recruit", id,
	    recruit_stage_names[next]);
}

json_t *
recruit_list(struct db *db, int64_t group_id, const char *today)
{
	return db_rows(db, sql_recruit_list, "it", group_id, today);
}

json_t *
stage_times(struct db *db, int64_t group_id, const char *today)
{
	return db_rows(db, sql_stage_times, "it", group_id, today);
}

json_t *
post_list(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_post_list, "i", group_id);
}

int
post_save(struct db *db, int64_t actor, int64_t group_id, json_t *v)
{
	int	 rc;

	rc = db_exec(db, sql_post_save, "ijj", group_id, V("position"),
	    V("places"));
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "group.posts", "group", group_id,
	    json_string_value(V("position")));
}

json_t *
leaving_soon(struct db *db, int64_t group_id, const char *today, int days)
{
	return db_rows(db, sql_leaving_soon, "itd", group_id, today, days);
}

json_t *
shadow_list(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_shadow_list, "i", group_id);
}

int
shadow_add(struct db *db, int64_t actor, int64_t group_id, json_t *v,
    int64_t *id)
{
	int	 rc;

	rc = db_exec(db, sql_shadow_insert, "ijjj", group_id, V("learner_id"),
	    V("mentor_id"), V("from_on"));
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	return audit_append(db, actor, "shadowing.start", "shadowing", *id,
	    NULL);
}

int
shadow_end(struct db *db, int64_t actor, int64_t id, const char *today,
    int64_t *group_id)
{
	int	 rc;

	if ((rc = db_int(db, group_id, sql_shadow_group, "i", id)) <= 0)
		return rc < 0 ? DB_ERROR : DB_CONSTRAINT;
	if ((rc = db_exec(db, sql_shadow_end, "ti", today, id)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, actor, "shadowing.end", "shadowing", id, NULL);
}

json_t *
shadow_learner_options(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_learner_options, "i", group_id);
}

json_t *
recruit_person_options(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_person_options, "i", group_id);
}

int
person_leaving_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_person_leaving, "i", id);
}

int
expected_leave_save(struct db *db, int64_t actor, int64_t person_id,
    json_t *v)
{
	int	 rc;

	rc = db_exec(db, sql_expected_leave, "jji", V("expected_leave_on"),
	    V("expected_leave_reason"), person_id);
	if (rc != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;	/* already left */
	return audit_append(db, actor, "person.expected_leave", "person",
	    person_id, json_string_value(V("expected_leave_on")));
}

int
pipeline_person_left(struct db *db, int64_t actor, int64_t person_id,
    const char *left_on)
{
	int	 rc;

	if ((rc = db_exec(db, sql_left_events, "iti", person_id, left_on,
	    actor)) != DB_OK ||
	    (rc = db_exec(db, sql_left_stage, "it", person_id, left_on)) !=
	    DB_OK ||
	    (rc = db_exec(db, sql_left_shadowing, "it", person_id, left_on)) !=
	    DB_OK)
		return rc;
	return audit_append(db, actor, "recruit.left", "person", person_id,
	    left_on);
}
