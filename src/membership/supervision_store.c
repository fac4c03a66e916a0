/*
 * SQL for one-to-one supervision.  The notes are the sensitive part: the
 * one query that returns them blanks them unless the reader supervised
 * that session or is a coordinator, so no page, export or JSON can show
 * them to the person supervised or to other staff.
 */
#include <stdio.h>

#include "membership.h"
#include "../auth/audit.h"
#include "../db/db.h"

#define V(name)	json_object_get(v, name)

static const char *sql_list =
    "SELECT s.id, s.held_on, s.next_due_on, a.display_name AS supervisor_name, "
    "CASE WHEN ?3 <> 0 OR s.supervisor_id = ?2 THEN s.notes END AS notes, "
    "(?3 <> 0 OR s.supervisor_id = ?2) AS may_read_notes "
    "FROM supervisions s JOIN accounts a ON a.id = s.supervisor_id "
    "WHERE s.person_id = ?1 ORDER BY s.held_on DESC, s.id DESC";
static const char *sql_insert =
    "INSERT INTO supervisions (id, person_id, supervisor_id, held_on, "
    "next_due_on, notes) VALUES (rt_next_id('supervisions'), ?, ?, ?, ?, "
    "ifnull(?, ''))";
/* Everyone in a group now, with the due date of their next supervision:
 * never supervised counts from the day they joined. */
static const char *sql_overdue =
    "SELECT person_id AS id, person_id, display_name, site_name, "
    "last_held_on, due_on, "
    "CAST(julianday(?4) - julianday(due_on) AS INTEGER) AS days_overdue "
    "FROM (SELECT p.id AS person_id, p.display_name, st.name AS site_name, "
    " (SELECT max(held_on) FROM supervisions s WHERE s.person_id = p.id) "
    " AS last_held_on, coalesce((SELECT s.next_due_on FROM supervisions s "
    " WHERE s.person_id = p.id ORDER BY s.held_on DESC, s.id DESC LIMIT 1), "
    " (SELECT min(m.from_on) FROM memberships m WHERE m.person_id = p.id "
    " AND m.to_on IS NULL)) AS due_on FROM people p "
    " JOIN sites st ON st.id = p.site_id WHERE p.left_on IS NULL "
    " AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id "
    " AND m.to_on IS NULL) "
    " AND (?1 <> 0 OR p.site_id IN (SELECT value FROM json_each(?2)))) AS due "
    "WHERE due_on < ?4 AND (due_on, person_id) > (?6, ?5) "
    "ORDER BY due_on, person_id LIMIT ?7";
static const char *sql_supervisors =
    "SELECT DISTINCT a.id AS value, a.display_name AS label FROM accounts a "
    "JOIN grants g ON g.account_id = a.id WHERE a.disabled_at IS NULL "
    "AND g.role IN ('coordinator', 'admin') AND (g.scope = 'organisation' "
    "OR (g.scope = 'site' AND g.site_id = ?1)) ORDER BY a.display_name";

json_t *
supervision_list(struct db *db, int64_t person_id, int64_t viewer,
    int coordinator)
{
	return db_rows(db, sql_list, "iid", person_id, viewer, coordinator);
}

int
supervision_add(struct db *db, int64_t actor, int64_t person_id, json_t *v)
{
	int	 rc;

	rc = db_exec(db, sql_insert, "ijjjj", person_id, V("supervisor_id"),
	    V("held_on"), V("next_due_on"), V("notes"));
	if (rc != DB_OK)
		return rc;
	/* The chain records that supervision happened, never its notes. */
	return audit_append(db, actor, "supervision.create", "person",
	    person_id, json_string_value(V("held_on")));
}

json_t *
supervision_overdue(struct db *db, const struct scope_filter *f,
    const char *today, const struct paging *pg)
{
	return db_rows(db, sql_overdue, "dtttitd", f->all, f->site_ids,
	    f->group_ids, today, pg->after_id, pg->after_key,
	    paging_limit(pg));
}

json_t *
supervisor_options(struct db *db, int64_t site_id)
{
	return db_rows(db, sql_supervisors, "i", site_id);
}
