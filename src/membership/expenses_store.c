/*
 * SQL for volunteers' expenses.  A claim belongs to its claimant and to
 * the group whose work it was for, so that group's coordinators decide
 * it.  A claim is decided once (approved or rejected with a reason) and
 * an approved one is paid once: both updates name the state they expect,
 * and neither touches a claim of the one who makes it (nobody decides or
 * pays their own claim).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "membership.h"
#include "../limits.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/date.h"
#include "../util/view.h"

#define V(name)	json_object_get(v, name)

#define CLAIM_COLUMNS \
    "e.id, e.claimant_id, e.group_id, e.kind, e.description, " \
    "e.amount_pence, e.incurred_on, e.state, e.decided_on, e.reason, " \
    "e.paid_on, e.created_on, e.receipt IS NOT NULL AS has_receipt, " \
    "c.display_name AS claimant_name, g.name AS group_name, g.site_id, " \
    "ifnull(s.name, 'Whole organisation') AS site_name, " \
    "d.display_name AS decided_by_name, e.meeting_id, "                 \
    "(SELECT mg.name || ', ' || mm.held_on FROM meetings mm JOIN groups mg " \
    " ON mg.id = mm.group_id WHERE mm.id = e.meeting_id) AS meeting_label "
#define CLAIM_JOINS \
    "FROM expense_claims e JOIN accounts c ON c.id = e.claimant_id " \
    "JOIN groups g ON g.id = e.group_id LEFT JOIN sites s ON s.id = g.site_id " \
    "LEFT JOIN accounts d ON d.id = e.decided_by "
#define CLAIM_SCOPE \
    "(?1 <> 0 OR g.site_id IN (SELECT value FROM json_each(?2)) " \
    "OR g.id IN (SELECT value FROM json_each(?3)))"

static const char *sql_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM expense_claims e "
    "JOIN groups g ON g.id = e.group_id WHERE e.id = ?";
static const char *sql_insert =
    "INSERT INTO expense_claims (id, claimant_id, group_id, kind, "
    "description, amount_pence, incurred_on, receipt_mime, receipt_ext, "
    "receipt, created_on, meeting_id) VALUES (rt_next_id('expense_claims'), "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
/* Meetings a claim may name: of the groups the claimant reaches, held
 * in the last EXPENSE_MEETING_DAYS. */
static const char *sql_meeting_options =
    "SELECT m.id AS value, g.name AS label, m.held_on "
    "FROM meetings m JOIN groups g ON g.id = m.group_id "
    "WHERE m.held_on <= ?4 AND m.held_on >= date(?4, ?5) "
    "AND (?1 <> 0 OR g.site_id IN (SELECT value FROM json_each(?2)) "
    "OR g.id IN (SELECT value FROM json_each(?3))) "
    "ORDER BY m.held_on DESC, m.id DESC";
static const char *sql_meeting_group =
    "SELECT group_id FROM meetings WHERE id = ?";
static const char *sql_load =
    "SELECT " CLAIM_COLUMNS CLAIM_JOINS "WHERE e.id = ?";
static const char *sql_list_own =
    "SELECT " CLAIM_COLUMNS CLAIM_JOINS "WHERE e.claimant_id = ?1 "
    "AND e.id < ?2 ORDER BY e.id DESC LIMIT ?3";
static const char *sql_list_scope =
    "SELECT " CLAIM_COLUMNS CLAIM_JOINS "WHERE " CLAIM_SCOPE " "
    "AND (CAST(?4 AS TEXT) IS NULL OR e.state = ?4) AND e.id < ?5 "
    "ORDER BY e.id DESC LIMIT ?6";
/* The latest ?4 (EXPORT_ROWS_MAX), oldest first: bounded, and the page
 * says so. */
static const char *sql_export =
    "SELECT * FROM (SELECT " CLAIM_COLUMNS CLAIM_JOINS "WHERE " CLAIM_SCOPE
    " AND e.state IN ('approved', 'paid') ORDER BY e.id DESC LIMIT ?4) AS recent "
    "ORDER BY id";
static const char *sql_decide =
    "UPDATE expense_claims SET state = ?, decided_by = ?, decided_on = ?, "
    "reason = ? WHERE id = ? AND state = 'submitted' "
    "AND claimant_id != ?2";
static const char *sql_paid =
    "UPDATE expense_claims SET state = 'paid', paid_on = ?1 "
    "WHERE id = ?2 AND state = 'approved' AND claimant_id != ?3";
static const char *sql_receipt =
    "SELECT receipt_mime, receipt_ext, receipt FROM expense_claims "
    "WHERE id = ? AND receipt IS NOT NULL";

int
expense_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_target, ids[0], &t->site_id, &t->group_id);
}

static const char *sql_duplicate =
    "SELECT id FROM expense_claims WHERE claimant_id = ? AND kind = ? "
    "AND incurred_on = ? AND amount_pence = ? AND state != 'rejected' "
    "ORDER BY id LIMIT 1";

json_t *
expense_meeting_options(struct db *db, const struct scope_filter *f,
    const char *today, const struct catalogue *reader)
{
	char	 back[24], words[DATE_WORDS_CHARS + 1], *label;
	json_t	*rows, *row;
	size_t	 i;

	snprintf(back, sizeof(back), "-%d days", EXPENSE_MEETING_DAYS);
	rows = db_rows(db, sql_meeting_options, "dtttt", f->all, f->site_ids,
	    f->group_ids, today, back);
	/* "Over-50s Forum, 9 November 2026": the date as members read it. */
	json_array_foreach(rows, i, row) {
		date_words(view_str(row, "held_on"), words, reader);
		if (asprintf(&label, "%s, %s", view_str(row, "label"),
		    words) == -1)
			continue;
		json_object_set_new(row, "label", json_string(label));
		json_object_del(row, "held_on");
		free(label);
	}
	return rows;
}

int64_t
expense_meeting_group(struct db *db, int64_t meeting_id)
{
	int64_t	 g = 0;

	return db_int(db, &g, sql_meeting_group, "i", meeting_id) > 0 ? g : 0;
}

int
expense_duplicate(struct db *db, int64_t claimant, const char *kind,
    const char *incurred_on, int64_t pence, int64_t *id)
{
	*id = 0;
	return db_int(db, id, sql_duplicate, "itti", claimant, kind,
	    incurred_on, pence);
}

int
expense_add(struct db *db, int64_t actor, json_t *v, int64_t pence,
    const char *mime, const char *ext, const void *receipt, size_t len,
    const char *today, int64_t *id)
{
	char	 amount[32];
	int	 rc;

	if (receipt != NULL)
		rc = db_exec(db, sql_insert, "ijjjijttbtj", actor,
		    V("group_id"), V("kind"), V("description"), pence,
		    V("incurred_on"), mime, ext, DB_BLOB(receipt, len), today,
		    V("meeting_id"));
	else
		rc = db_exec(db, sql_insert, "ijjjijnnntj", actor,
		    V("group_id"), V("kind"), V("description"), pence,
		    V("incurred_on"), DB_NULL, DB_NULL, DB_NULL, today,
		    V("meeting_id"));
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	money_format(pence, amount, sizeof(amount));
	return audit_append(db, actor, "expense.claim", "expense", *id, amount);
}

int
expense_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

json_t *
expense_list(struct db *db, const struct scope_filter *f, int64_t own,
    const char *state, const struct paging *pg)
{
	if (own != 0)
		return db_rows(db, sql_list_own, "iid", own,
		    paging_seek_id(pg, 1), paging_limit(pg));
	return db_rows(db, sql_list_scope, "dtttid", f->all, f->site_ids,
	    f->group_ids, state, paging_seek_id(pg, 1), paging_limit(pg));
}

/* An update that touched no row found the claim in another state. */
static int
moved(struct db *db, int rc, int64_t actor, const char *action, int64_t id,
    const char *detail)
{
	return audit_moved(db, rc, actor, action, "expense", id, detail);
}

int
expense_decide(struct db *db, int64_t actor, int64_t id, json_t *v,
    const char *today)
{
	return moved(db, db_exec(db, sql_decide, "jitji", V("decision"),
	    actor, today, V("reason"), id), actor, "expense.decide", id,
	    json_string_value(V("decision")));
}

int
expense_paid(struct db *db, int64_t actor, int64_t id, const char *today)
{
	return moved(db, db_exec(db, sql_paid, "tii", today, id, actor), actor,
	    "expense.paid", id, today);
}

int
expense_receipt(struct db *db, int64_t id, struct buf *out, char **mime,
    char **ext)
{
	return db_file_read(db, sql_receipt, id, out, mime, ext);
}

json_t *
expense_export_rows(struct db *db, const struct scope_filter *f)
{
	return db_rows(db, sql_export, "dttd", f->all, f->site_ids,
	    f->group_ids, EXPORT_ROWS_MAX);
}
