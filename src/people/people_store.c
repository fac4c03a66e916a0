/*
 * SQL for people, places and groups.  Lists take a scope filter and bind
 * its id lists through json_each, so what a list can show is decided by
 * the same grants the router checks.
 */
#include <stdio.h>
#include <string.h>

#include "people.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../db/shared_rows.h"

static const char *sql_site_target = "SELECT id FROM sites WHERE id = ?";
static const char *sql_unit_target = "SELECT site_id FROM units WHERE id = ?";
static const char *sql_person_target = "SELECT site_id FROM people WHERE id = ?";
static const char *sql_group_target =
    "SELECT ifnull(site_id, 0) FROM groups WHERE id = ?";
static const char *sql_membership_target =
    "SELECT group_id FROM memberships WHERE id = ?";

static const char *sql_site_list =
    "SELECT s.id, s.name, s.kind AS site_kind, s.closed_on, "
    " (SELECT count(*) FROM units u WHERE u.site_id = s.id "
    "   AND u.closed_on IS NULL) AS unit_count, "
    " (SELECT count(*) FROM groups g WHERE g.site_id = s.id "
    "   AND g.ended_on IS NULL) AS group_count "
    "FROM sites s WHERE (?1 <> 0 OR s.id IN (SELECT value FROM json_each(?2))) "
    "AND (s.name, s.id) > (?4, ?3) "
    "ORDER BY s.name, s.id LIMIT ?5";
static const char *sql_site_load =
    "SELECT id, name, kind AS site_kind, kind, description, closed_on, "
    "created_at, language FROM sites WHERE id = ?";
static const char *sql_site_insert =
    "INSERT INTO sites (id, name, kind, description, closed_on, language) "
    "VALUES (rt_next_id('sites'), ?, ?, ifnull(?, ''), ?, ifnull(?, ''))";
static const char *sql_site_update =
    "UPDATE sites SET name = ?, kind = ?, description = ifnull(?, ''), "
    "closed_on = ?, language = ifnull(?, '') WHERE id = ?";
static const char *sql_site_options =
    "SELECT id AS value, name AS label FROM sites WHERE closed_on IS NULL "
    "AND (?1 <> 0 OR id IN (SELECT value FROM json_each(?2))) ORDER BY name";

static const char *sql_unit_list =
    "SELECT id, name, kind AS unit_kind, closed_on, "
    " (SELECT count(*) FROM people p WHERE p.unit_id = u.id "
    "   AND p.left_on IS NULL) AS person_count "
    "FROM units u WHERE site_id = ? ORDER BY closed_on IS NOT NULL, name";
static const char *sql_unit_load =
    "SELECT u.id, u.site_id, u.name, u.kind AS unit_kind, u.kind, "
    "u.closed_on, s.name AS site_name FROM units u "
    "JOIN sites s ON s.id = u.site_id WHERE u.id = ?";
static const char *sql_unit_insert =
    "INSERT INTO units (id, site_id, name, kind, closed_on) VALUES (rt_next_id('units'), ?, ?, ?, ?)";
static const char *sql_unit_update =
    "UPDATE units SET name = ?, kind = ?, closed_on = ? WHERE id = ?";
static const char *sql_unit_options =
    "SELECT u.id AS value, s.name || ': ' || u.name AS label FROM units u "
    "JOIN sites s ON s.id = u.site_id WHERE u.closed_on IS NULL "
    "AND (?1 <> 0 OR u.site_id IN (SELECT value FROM json_each(?2))) "
    "ORDER BY s.name, u.name";

static const char *sql_group_list =
    "SELECT g.id, g.name, g.kind AS group_kind, g.ended_on, g.site_id, "
    " ifnull(s.name, 'Whole organisation') AS site_name, "
    " ifnull(s.name, '') || ' / ' || g.name AS sort_key, "
    " (SELECT count(*) FROM memberships m WHERE m.group_id = g.id "
    "   AND m.to_on IS NULL) AS member_count "
    "FROM groups g LEFT JOIN sites s ON s.id = g.site_id "
    "WHERE (?1 <> 0 OR g.site_id IN (SELECT value FROM json_each(?2)) "
    "   OR g.id IN (SELECT value FROM json_each(?3))) "
    "AND (?4 = 0 OR g.site_id = ?4) "
    "AND (ifnull(s.name, '') || ' / ' || g.name, g.id) > (?6, ?5) "
    "ORDER BY sort_key, g.id LIMIT ?7";
static const char *sql_group_options =
    "SELECT g.id AS value, g.name || ' (' || ifnull(s.name, 'Whole "
    "organisation') || ')' AS label FROM groups g "
    "LEFT JOIN sites s ON s.id = g.site_id WHERE g.ended_on IS NULL "
    "AND (?1 <> 0 OR g.site_id IN (SELECT value FROM json_each(?2)) "
    "OR g.id IN (SELECT value FROM json_each(?3))) ORDER BY s.name, g.name";
static const char *sql_group_load =
    "SELECT g.id, g.name, g.kind AS group_kind, g.kind, g.site_id, "
    "g.purpose, g.ended_on, g.created_at, g.response_days, g.language, "
    "ifnull(s.name, 'Whole organisation') AS site_name "
    "FROM groups g LEFT JOIN sites s ON s.id = g.site_id WHERE g.id = ?";
static const char *sql_group_insert =
    "INSERT INTO groups (id, name, kind, site_id, purpose, ended_on, "
    "response_days, language) VALUES (rt_next_id('groups'), ?, ?, ?, "
    "ifnull(?, ''), ?, ifnull(?, 28), ifnull(?, ''))";
static const char *sql_group_update =
    "UPDATE groups SET name = ?, kind = ?, site_id = ?, "
    "purpose = ifnull(?, ''), ended_on = ?, "
    "response_days = ifnull(?, response_days), language = ifnull(?, '') "
    "WHERE id = ?";

/* A page of people by name after the cursor's (name, id): the name index
 * (people_name) seeks to the cursor, so a page deep in the list reads
 * no row before it (an OFFSET of 4,975 read every one of them). */
static const char *sql_person_list =
    "SELECT p.id, p.reference, p.display_name, p.status, p.left_reason, "
    "p.left_on, s.name AS site_name, u.name AS unit_name "
    "FROM people p JOIN sites s ON s.id = p.site_id "
    "LEFT JOIN units u ON u.id = p.unit_id "
    "WHERE (?1 <> 0 OR p.site_id IN (SELECT value FROM json_each(?2))) "
    "AND (CAST(?3 AS TEXT) IS NULL OR "
    "  instr(lower(p.display_name), lower(?3)) > 0 OR "
    "  instr(lower(p.reference), lower(?3)) > 0) "
    "AND (?4 = 0 OR p.site_id = ?4) AND (?5 <> 0 OR p.left_on IS NULL) "
    "AND (p.display_name, p.id) > (?7, ?6) "
    "ORDER BY p.display_name, p.id LIMIT ?8";
static const char *sql_person_load =
    "SELECT p.id, p.reference, p.display_name, p.status, p.site_id, "
    "p.unit_id, p.restrictions, p.left_reason, p.left_on, p.created_at, "
    "p.expected_leave_on, p.expected_leave_reason, p.erased_on, "
    "s.name AS site_name, u.name AS unit_name "
    "FROM people p JOIN sites s ON s.id = p.site_id "
    "LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = ?";
static const char *sql_person_insert =
    "INSERT INTO people (id, reference, display_name, status, site_id, "
    "unit_id, restrictions) VALUES (rt_next_id('people'), ?, ?, ?, ?, ?, "
    "ifnull(?, ''))";
static const char *sql_person_update =
    "UPDATE people SET display_name = ?, status = ?, site_id = ?, "
    "unit_id = ?, restrictions = ifnull(?, '') WHERE id = ?";
static const char *sql_person_leave =
    "UPDATE people SET left_reason = ?, left_on = ? "
    "WHERE id = ? AND left_on IS NULL";
static const char *sql_person_memberships_end =
    "UPDATE memberships SET to_on = max(from_on, ?1), "
    "end_reason = 'Left: ' || ?2 WHERE person_id = ?3 AND to_on IS NULL";
static const char *sql_person_sessions_end =
    "DELETE FROM sessions WHERE account_id IN "
    "(SELECT id FROM accounts WHERE person_id = ?)";
static const char *sql_person_accounts_disable =
    "UPDATE accounts SET disabled_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
    "WHERE person_id = ? AND disabled_at IS NULL";
static const char *sql_person_grants_elsewhere =
    "SELECT count(*) FROM grants g JOIN accounts a ON a.id = g.account_id "
    "LEFT JOIN groups gr ON gr.id = g.group_id WHERE a.person_id = ?1 "
    "AND a.disabled_at IS NULL AND (g.scope = 'organisation' OR "
    "coalesce(gr.site_id, g.site_id, 0) != "
    "(SELECT site_id FROM people WHERE id = ?1))";
static const char *sql_person_options =
    "SELECT p.id AS value, p.display_name || ' (' || p.reference || ')' "
    "AS label FROM people p WHERE p.left_on IS NULL "
    "AND (?1 = 0 OR p.site_id = ?1) AND p.id NOT IN (SELECT person_id "
    "FROM memberships WHERE group_id = ?2 AND to_on IS NULL) "
    "ORDER BY p.display_name";

static const char *sql_member_options =
    "SELECT p.id AS value, p.display_name AS label FROM memberships m "
    "JOIN people p ON p.id = m.person_id WHERE m.group_id = ? "
    "AND m.to_on IS NULL ORDER BY p.display_name";
static const char *sql_officer =
    "SELECT person_id FROM memberships WHERE group_id = ? AND position = ? "
    "AND to_on IS NULL ORDER BY id LIMIT 1";
static const char *sql_membership_list =
    "SELECT m.id, m.person_id, m.position, m.from_on, m.to_on, "
    "m.end_reason, p.display_name, p.reference FROM memberships m "
    "JOIN people p ON p.id = m.person_id WHERE m.group_id = ?1 "
    "AND ((?2 <> 0 AND m.to_on IS NULL) OR (?2 = 0 AND m.to_on IS NOT NULL)) "
    "ORDER BY m.position = 'member', m.position, p.display_name";
static const char *sql_person_membership_list =
    "SELECT m.id, m.group_id, m.position, m.from_on, m.to_on, "
    "m.end_reason, g.name AS group_name FROM memberships m "
    "JOIN groups g ON g.id = m.group_id WHERE m.person_id = ? "
    "ORDER BY m.to_on IS NOT NULL, m.from_on DESC";
static const char *sql_membership_load =
    "SELECT m.id, m.group_id, m.person_id, m.position, m.from_on, m.to_on, "
    "p.display_name, g.name AS group_name FROM memberships m "
    "JOIN people p ON p.id = m.person_id "
    "JOIN groups g ON g.id = m.group_id WHERE m.id = ?";
static const char *sql_membership_insert =
    "INSERT INTO memberships (id, group_id, person_id, position, from_on) "
    "VALUES (rt_next_id('memberships'), ?, ?, ?, ?)";
static const char *sql_membership_end =
    "UPDATE memberships SET to_on = ?, end_reason = ? "
    "WHERE id = ? AND to_on IS NULL";

static int
target_of(struct db *db, const char *sql, int64_t id, int64_t *out)
{
	return db_int(db, out, sql, "i", id);
}

int
site_target(struct db *db, const int64_t *ids, struct target *t)
{
	t->group_id = 0;
	return target_of(db, sql_site_target, ids[0], &t->site_id);
}

int
unit_target(struct db *db, const int64_t *ids, struct target *t)
{
	t->group_id = 0;
	return target_of(db, sql_unit_target, ids[0], &t->site_id);
}

int
person_target(struct db *db, const int64_t *ids, struct target *t)
{
	t->group_id = 0;
	return target_of(db, sql_person_target, ids[0], &t->site_id);
}

int
group_target(struct db *db, const int64_t *ids, struct target *t)
{
	t->group_id = ids[0];
	return target_of(db, sql_group_target, ids[0], &t->site_id);
}

int
membership_target(struct db *db, const int64_t *ids, struct target *t)
{
	int64_t	 group;
	int	 rc;

	if ((rc = target_of(db, sql_membership_target, ids[0], &group)) <= 0)
		return rc;
	return group_target(db, &group, t);
}

static json_t *
labelled(json_t *rows)
{
	people_labels_all(rows);
	return rows;
}

static int
loaded(int rc, json_t **out)
{
	if (rc > 0)
		people_labels(*out);
	return rc;
}

json_t *
site_list(struct db *db, const struct scope_filter *f,
    const struct paging *pg)
{
	return labelled(db_rows(db, sql_site_list, "dtitd", f->all,
	    f->site_ids, pg->after_id, pg->after_key, paging_limit(pg)));
}

json_t *
site_options(struct db *db, const struct scope_filter *f)
{
	return db_rows_shared(db, sql_site_options, f->all, f->site_ids);
}

json_t *
unit_list(struct db *db, int64_t site_id)
{
	return labelled(db_rows(db, sql_unit_list, "i", site_id));
}

json_t *
unit_options(struct db *db, const struct scope_filter *f)
{
	return db_rows_shared(db, sql_unit_options, f->all, f->site_ids);
}

json_t *
group_list(struct db *db, const struct scope_filter *f, int64_t site_id,
    const struct paging *pg)
{
	return labelled(db_rows(db, sql_group_list, "dttiitd", f->all,
	    f->site_ids, f->group_ids, site_id, pg->after_id, pg->after_key,
	    paging_limit(pg)));
}

json_t *
group_list_options(struct db *db, const struct scope_filter *f)
{
	return db_rows(db, sql_group_options, "dtt", f->all, f->site_ids,
	    f->group_ids);
}

json_t *
person_list(struct db *db, const struct scope_filter *f, const char *q,
    int64_t site_id, int include_left, const struct paging *pg)
{
	return labelled(db_rows(db, sql_person_list, "dttiditd", f->all,
	    f->site_ids, q, site_id, include_left, paging_seek_id(pg, 0),
	    paging_seek_key(pg, 0), paging_limit(pg)));
}

json_t *
person_options(struct db *db, int64_t site_id, int64_t not_in_group)
{
	return db_rows(db, sql_person_options, "ii", site_id, not_in_group);
}

int
group_officer(struct db *db, int64_t group_id, const char *position,
    int64_t *person)
{
	return db_int(db, person, sql_officer, "it", group_id, position);
}

json_t *
group_member_options(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_member_options, "i", group_id);
}

json_t *
membership_list(struct db *db, int64_t group_id, int current)
{
	return labelled(db_rows(db, sql_membership_list, "id", group_id,
	    current));
}

json_t *
person_memberships(struct db *db, int64_t person_id)
{
	return labelled(db_rows(db, sql_person_membership_list, "i",
	    person_id));
}

int
site_load(struct db *db, int64_t id, json_t **out)
{
	return loaded(db_row(db, out, sql_site_load, "i", id), out);
}

int
unit_load(struct db *db, int64_t id, json_t **out)
{
	return loaded(db_row(db, out, sql_unit_load, "i", id), out);
}

int
person_load(struct db *db, int64_t id, json_t **out)
{
	return loaded(db_row(db, out, sql_person_load, "i", id), out);
}

int
group_load(struct db *db, int64_t id, json_t **out)
{
	return loaded(db_row(db, out, sql_group_load, "i", id), out);
}

int
membership_load(struct db *db, int64_t id, json_t **out)
{
	return loaded(db_row(db, out, sql_membership_load, "i", id), out);
}

#define V(name)	json_object_get(v, name)

/* Audits a create (id 0) or an update; *out receives the row's id. */
static int
saved(struct db *db, int rc, int64_t actor, const char *entity, int64_t id,
    const char *detail, int64_t *out)
{
	char	 action[64];
	int	 created = id == 0;

	if (rc != DB_OK)
		return rc;
	if (created)
		id = db_last_id(db);
	else if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	if (out != NULL)
		*out = id;
	snprintf(action, sizeof(action), "%s.%s", entity,
	    created ? "create" : "update");
	return audit_append(db, actor, action, entity, id, detail);
}

int
site_save(struct db *db, int64_t actor, int64_t id, json_t *v, int64_t *out)
{
	int	 rc;

	if (id == 0)
		rc = db_exec(db, sql_site_insert, "jjjjj", V("name"), V("kind"),
		    V("description"), V("closed_on"), V("language"));
	else
		rc = db_exec(db, sql_site_update, "jjjjji", V("name"),
		    V("kind"), V("description"), V("closed_on"), V("language"),
		    id);
	return saved(db, rc, actor, "site", id,
	    json_string_value(V("name")), out);
}

int
unit_save(struct db *db, int64_t actor, int64_t id, int64_t site_id,
    json_t *v, int64_t *out)
{
	int	 rc;

	if (id == 0)
		rc = db_exec(db, sql_unit_insert, "ijjj", site_id, V("name"),
		    V("kind"), V("closed_on"));
	else
		rc = db_exec(db, sql_unit_update, "jjji", V("name"),
		    V("kind"), V("closed_on"), id);
	return saved(db, rc, actor, "unit", id,
	    json_string_value(V("name")), out);
}

int
person_save(struct db *db, int64_t actor, int64_t id, json_t *v,
    int64_t *out)
{
	char	 ref[9];
	int	 rc, tries;

	if (id != 0) {
		rc = db_exec(db, sql_person_update, "jjjjji",
		    V("display_name"), V("status"), V("site_id"),
		    V("unit_id"), V("restrictions"), id);
		return saved(db, rc, actor, "person", id, NULL, out);
	}
	/* A clash of random references is rare; try a few. */
	for (tries = 0, rc = DB_CONSTRAINT; tries < 5 && rc == DB_CONSTRAINT;
	    tries++) {
		person_reference_new(ref);
		rc = db_exec(db, sql_person_insert, "tjjjjj", ref,
		    V("display_name"), V("status"), V("site_id"),
		    V("unit_id"), V("restrictions"));
	}
	/* The audit names the reference, never the person's name. */
	return saved(db, rc, actor, "person", 0, ref, out);
}

int
group_at_site(struct db *db, int64_t group_id, int64_t site_id)
{
	static const char *sql =
	    "SELECT count(*) FROM groups WHERE id = ? AND site_id = ?";
	int64_t	 n = 0;

	return db_int(db, &n, sql, "ii", group_id, site_id) > 0 && n > 0;
}

int64_t
person_grants_elsewhere(struct db *db, int64_t id)
{
	int64_t	 n = 0;

	return db_int(db, &n, sql_person_grants_elsewhere, "i", id) < 0 ? -1 : n;
}

int
person_leave(struct db *db, int64_t actor, int64_t id, json_t *v)
{
	int	 rc;

	rc = db_exec(db, sql_person_leave, "jji", V("left_reason"),
	    V("left_on"), id);
	if (rc != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;	/* already left */
	if ((rc = db_exec(db, sql_person_memberships_end, "jji", V("left_on"),
	    V("left_reason"), id)) != DB_OK ||
	    (rc = db_exec(db, sql_person_sessions_end, "i", id)) != DB_OK ||
	    (rc = db_exec(db, sql_person_accounts_disable, "i", id)) != DB_OK)
		return rc;
	if (db_changes(db) > 0 && (rc = audit_append(db, actor,
	    "account.disable", "person", id, "left")) != DB_OK)
		return rc;
	return audit_append(db, actor, "person.leave", "person", id,
	    json_string_value(V("left_reason")));
}

int
person_hand_on(struct db *db, const char *sql, int64_t actor,
    int64_t person_id, int64_t to_account, const char *what)
{
	char	 action[48], detail[48];
	int	 rc;

	if ((rc = db_exec(db, sql, "ii", to_account, person_id)) != DB_OK)
		return rc;
	snprintf(action, sizeof(action), "%s.hand_on", what);
	snprintf(detail, sizeof(detail), "%d", db_changes(db));
	return audit_append(db, actor, action, "person", person_id, detail);
}

int
group_save(struct db *db, int64_t actor, int64_t id, json_t *v, int64_t *out)
{
	int	 rc;

	if (id == 0)
		rc = db_exec(db, sql_group_insert, "jjjjjjj", V("name"),
		    V("kind"), V("site_id"), V("purpose"), V("ended_on"),
		    V("response_days"), V("language"));
	else
		rc = db_exec(db, sql_group_update, "jjjjjjji", V("name"),
		    V("kind"), V("site_id"), V("purpose"), V("ended_on"),
		    V("response_days"), V("language"), id);
	return saved(db, rc, actor, "group", id,
	    json_string_value(V("name")), out);
}

int
membership_add(struct db *db, int64_t actor, int64_t group_id, json_t *v,
    int64_t *out)
{
	int	 rc;

	rc = db_exec(db, sql_membership_insert, "ijjj", group_id,
	    V("person_id"), V("position"), V("from_on"));
	return saved(db, rc, actor, "membership", 0,
	    json_string_value(V("position")), out);
}

int
membership_end(struct db *db, int64_t actor, int64_t id, json_t *v)
{
	int	 rc;

	rc = db_exec(db, sql_membership_end, "jji", V("to_on"),
	    V("end_reason"), id);
	if (rc != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, actor, "membership.end", "membership", id,
	    json_string_value(V("end_reason")));
}
