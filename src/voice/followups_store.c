/*
 * SQL for follow-ups: the actions a conversation (or a coordinator)
 * promised, each with an owner and a due date, until closed with a note.
 */
#include <stdio.h>

#include "voice.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../util/view.h"

static const char *sql_target =
    "SELECT site_id, owner_id FROM followups WHERE id = ?";
static const char *sql_insert =
    "INSERT INTO followups (site_id, conversation_id, action, owner_id, "
    "due_on, created_by) VALUES (?, nullif(?, 0), ?, ?, ?, ?)";
static const char *sql_load =
    "SELECT f.id, f.site_id, f.conversation_id, f.action, f.owner_id, "
    "f.due_on, f.closed_on, f.close_note, substr(f.created_at, 1, 10) "
    "AS created_on, s.name AS site_name, a.display_name AS owner_name "
    "FROM followups f JOIN sites s ON s.id = f.site_id "
    "JOIN accounts a ON a.id = f.owner_id WHERE f.id = ?";
static const char *sql_list =
    "SELECT f.id, f.site_id, f.conversation_id, f.action, f.owner_id, "
    "f.due_on, f.closed_on, f.close_note, substr(f.created_at, 1, 10) "
    "AS created_on, s.name AS site_name, a.display_name AS owner_name "
    "FROM followups f JOIN sites s ON s.id = f.site_id "
    "JOIN accounts a ON a.id = f.owner_id "
    "WHERE (?1 != 0 AND f.owner_id = ?1 OR ?1 = 0 AND (?2 <> 0 OR f.site_id IN "
    "(SELECT value FROM json_each(?3)))) AND (?4 = 0 OR f.closed_on IS NULL) "
    "AND (f.due_on, f.id) > (?6, ?5) "
    "ORDER BY f.due_on, f.id LIMIT ?7";
static const char *sql_of_conversation =
    "SELECT f.id, f.action, f.due_on, f.closed_on, f.close_note, "
    "a.display_name AS owner_name FROM followups f "
    "JOIN accounts a ON a.id = f.owner_id WHERE f.conversation_id = ? "
    "ORDER BY f.id";
/* Open follow-ups of a person's accounts at their site (?2 = 1) or at
 * other sites (?2 = 0). */
static const char *sql_open_of_person =
    "SELECT count(*) FROM followups f WHERE f.closed_on IS NULL "
    "AND f.owner_id IN (SELECT id FROM accounts WHERE person_id = ?1) "
    "AND CASE WHEN f.site_id = (SELECT site_id FROM people WHERE id = ?1) "
    "THEN 1 ELSE 0 END = ?2";
static const char *sql_hand_on =
    "UPDATE followups SET owner_id = ?1 WHERE closed_on IS NULL AND "
    "owner_id IN (SELECT id FROM accounts WHERE person_id = ?2) "
    "AND site_id = (SELECT site_id FROM people WHERE id = ?2)";
static const char *sql_close =
    "UPDATE followups SET closed_on = ?, close_note = ? "
    "WHERE id = ? AND closed_on IS NULL";
static const char *sql_reassign =
    "UPDATE followups SET owner_id = ?, due_on = ? "
    "WHERE id = ? AND closed_on IS NULL";

int
followup_target(struct db *db, const int64_t *ids, struct target *t)
{
	json_t	*row;
	int	 rc;

	/* The owner too: closing is for them or staff at the site. */
	if ((rc = db_row(db, &row, sql_target, "i", ids[0])) <= 0)
		return rc;
	t->group_id = 0;
	t->site_id = view_int(row, "site_id");
	t->owner_id = view_int(row, "owner_id");
	json_decref(row);
	return 1;
}

int
followup_add(struct db *db, int64_t actor, int64_t site_id,
    int64_t conversation_id, const char *action, int64_t owner,
    const char *due_on)
{
	int	 rc;

	rc = db_exec(db, sql_insert, "iititi", site_id, conversation_id,
	    action, owner, due_on, actor);
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "followup.create", "followup",
	    db_last_id(db), due_on);
}

int
followup_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

json_t *
followup_list(struct db *db, int64_t owner, const struct scope_filter *f,
    int open_only, const struct paging *pg)
{
	return db_rows(db, sql_list, "idtditd", owner, f ? f->all : 0,
	    f ? f->site_ids : "[]", open_only, pg->after_id, pg->after_key,
	    paging_limit(pg));
}

json_t *
followup_of_conversation(struct db *db, int64_t conversation_id)
{
	return db_rows(db, sql_of_conversation, "i", conversation_id);
}

int64_t
followups_open_of_person(struct db *db, int64_t person_id, int at_their_site)
{
	int64_t	 n = 0;

	return db_int(db, &n, sql_open_of_person, "id", person_id,
	    at_their_site) < 0 ? -1 : n;
}

int
followups_hand_on(struct db *db, int64_t actor, int64_t person_id,
    int64_t to_account)
{
	return person_hand_on(db, sql_hand_on, actor, person_id, to_account,
	    "followup");
}

/* An update that touched no row means the follow-up was already closed. */
static int
changed(struct db *db, int rc, int64_t actor, const char *action, int64_t id)
{
	if (rc != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, actor, action, "followup", id, NULL);
}

int
followup_close(struct db *db, int64_t actor, int64_t id, json_t *v,
    const char *today)
{
	return changed(db, db_exec(db, sql_close, "tji", today,
	    json_object_get(v, "close_note"), id), actor, "followup.close", id);
}

int
followup_reassign(struct db *db, int64_t actor, int64_t id, json_t *v)
{
	return changed(db, db_exec(db, sql_reassign, "jji",
	    json_object_get(v, "owner_id"), json_object_get(v, "due_on"), id),
	    actor, "followup.reassign", id);
}
