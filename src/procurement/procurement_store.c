/*
 * SQL for setting up procurements: lots, questions, bids, panels and the
 * bank of reserve evaluators, and the access targets (the procurement's
 * site) that the route table checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procurement.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../render/template.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* What a procurement covers, as the pages and the report say it: its
 * site's name, or the whole organisation (site_id NULL, migration 0027).
 * An expression over the procurement aliased p. */
#define SQL_SCOPE_NAME \
    "ifnull((SELECT name FROM sites WHERE id = p.site_id), " \
    "'Whole organisation, every site')"

/* An organisation-wide procurement's target is the organisation itself
 * (site 0, group 0), which only organisation-wide grants cover. */
static const char *sql_target =
    "SELECT ifnull(site_id, 0), 0 FROM procurements WHERE id = ?";
static const char *sql_lot_target =
    "SELECT ifnull(p.site_id, 0), 0 FROM lots l JOIN procurements p "
    "ON p.id = l.procurement_id WHERE l.id = ?";
static const char *sql_question_target =
    "SELECT ifnull(p.site_id, 0), 0 FROM lot_questions q "
    "JOIN lots l ON l.id = q.lot_id "
    "JOIN procurements p ON p.id = l.procurement_id WHERE q.id = ?";
static const char *sql_bid_target =
    "SELECT ifnull(p.site_id, 0), 0 FROM bids b "
    "JOIN lots l ON l.id = b.lot_id "
    "JOIN procurements p ON p.id = l.procurement_id WHERE b.id = ?";
static const char *sql_member_target =
    "SELECT ifnull(p.site_id, 0), 0 FROM panel_members m "
    "JOIN lots l ON l.id = m.lot_id "
    "JOIN procurements p ON p.id = l.procurement_id WHERE m.id = ?";
static const char *sql_score_target =
    "SELECT ifnull(p.site_id, 0), 0 FROM scores s JOIN lot_questions q "
    "ON q.id = s.question_id JOIN lots l ON l.id = q.lot_id "
    "JOIN procurements p ON p.id = l.procurement_id WHERE s.id = ?";

static const char *sql_add =
    "INSERT INTO procurements (site_id, title, description, created_by) "
    "VALUES (nullif(?, 0), ?, ifnull(?, ''), ?)";
static const char *sql_load =
    "SELECT p.id, ifnull(p.site_id, 0) AS site_id, p.title, p.description, "
    "substr(p.created_at, 1, 10) AS created_on, " SQL_SCOPE_NAME
    " AS scope_name FROM procurements p WHERE p.id = ?";
static const char *sql_list =
    "SELECT p.id, p.title, " SQL_SCOPE_NAME " AS scope_name, "
    "(SELECT count(*) FROM lots l WHERE l.procurement_id = p.id) AS lots, "
    "(SELECT count(*) FROM panel_members m JOIN lots l ON l.id = m.lot_id "
    "  WHERE l.procurement_id = p.id AND m.state = 'removed' "
    "  AND m.replaced_by IS NULL) AS need_reserves "
    "FROM procurements p "
    "WHERE (?1 <> 0 OR p.site_id IN (SELECT value FROM json_each(?2))) "
    "AND p.id < ?3 ORDER BY p.id DESC LIMIT ?4";
static const char *sql_lot_add =
    "INSERT INTO lots (procurement_id, title, scale_max, scale_descriptors, "
    "moderator_id) VALUES (?, ?, ?, ?, ?)";
static const char *sql_lot_load =
    "SELECT l.id, l.procurement_id, l.title, l.scale_max, "
    "l.scale_descriptors, l.moderator_id, a.display_name AS moderator_name, "
    "p.title AS procurement_title, ifnull(p.site_id, 0) AS site_id, "
    SQL_SCOPE_NAME " AS scope_name FROM lots l "
    "JOIN procurements p ON p.id = l.procurement_id "
    "JOIN accounts a ON a.id = l.moderator_id WHERE l.id = ?";
static const char *sql_lot_list =
    "SELECT l.id, l.title, a.display_name AS moderator_name, "
    "(SELECT count(*) FROM bids b WHERE b.lot_id = l.id) AS bids, "
    "(SELECT count(*) FROM lot_questions q WHERE q.lot_id = l.id) AS questions "
    "FROM lots l JOIN accounts a ON a.id = l.moderator_id "
    "WHERE l.procurement_id = ? ORDER BY l.id";
static const char *sql_question_add =
    "INSERT INTO lot_questions (lot_id, position, text, weight) "
    "SELECT ?1, ifnull(max(position), 0) + 1, ?2, ?3 FROM lot_questions "
    "WHERE lot_id = ?1 HAVING count(*) < ?4";
static const char *sql_question_load =
    "SELECT q.id, q.lot_id, q.position, q.text, q.weight FROM lot_questions q "
    "WHERE q.id = ?";
static const char *sql_question_list =
    "SELECT id, position, text, weight FROM lot_questions WHERE lot_id = ? "
    "ORDER BY position";
static const char *sql_question_options =
    "SELECT id AS value, position, substr(text, 1, 80) AS prompt "
    "FROM lot_questions WHERE lot_id = ? ORDER BY position";
static const char *sql_bid_add =
    "INSERT INTO bids (lot_id, bidder) SELECT ?1, ?2 "
    "WHERE (SELECT count(*) FROM bids WHERE lot_id = ?1) < ?3";
static const char *sql_bid_load =
    "SELECT id, lot_id, bidder, document_ext, document_size FROM bids "
    "WHERE id = ?";
static const char *sql_bid_list =
    "SELECT id, bidder, document_ext, document_size FROM bids "
    "WHERE lot_id = ? ORDER BY bidder, id";
static const char *sql_bid_document =
    "UPDATE bids SET document = ?, document_mime = ?, document_ext = ?, "
    "document_size = ? WHERE id = ?";
static const char *sql_bid_data =
    "SELECT document_mime, document_ext, document FROM bids WHERE id = ?";
/* The moderator oversees the panel and never sits on it. */
static const char *sql_panel_add =
    "INSERT INTO panel_members (lot_id, account_id, kind, added_on) "
    "SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM lots "
    "WHERE id = ?1 AND moderator_id = ?2)";
static const char *sql_panel_question =
    "INSERT INTO panel_questions (panel_member_id, question_id) "
    "SELECT ?1, id FROM lot_questions WHERE id = ?2 AND lot_id = "
    "(SELECT lot_id FROM panel_members WHERE id = ?1)";
/* Whom a removed member declared a conflict with: the words of their
 * removal are ours, worded for each reader ("Declared a conflict of
 * interest with {conflict_bidder}"), while removed_reason keeps what
 * was recorded, in English, for the record. */
#define CONFLICT_BIDDER \
    "(SELECT b.bidder FROM declarations d JOIN bids b ON b.id = d.bid_id " \
    "WHERE d.panel_member_id = m.id AND d.conflict = 1 ORDER BY d.id " \
    "LIMIT 1) AS conflict_bidder"
static const char *sql_member_load =
    "SELECT m.id, m.lot_id, m.account_id, m.kind, m.state, m.added_on, "
    "m.removed_on, m.removed_reason, m.replaced_by, "
    "a.display_name AS name FROM panel_members m "
    "JOIN accounts a ON a.id = m.account_id WHERE m.id = ?";
static const char *sql_panel_list =
    "SELECT m.id, m.account_id, m.kind, m.state, m.added_on, m.removed_on, "
    "m.removed_reason, " CONFLICT_BIDDER ", m.replaced_by, "
    "a.display_name AS name, "
    "(SELECT group_concat(q.position, ', ') FROM panel_questions pq "
    "  JOIN lot_questions q ON q.id = pq.question_id "
    "  WHERE pq.panel_member_id = m.id) AS questions, "
    "m.state = 'removed' AND m.replaced_by IS NULL AS needs_reserve "
    "FROM panel_members m JOIN accounts a ON a.id = m.account_id "
    "WHERE m.lot_id = ? ORDER BY m.id";
static const char *sql_reserve_add =
    "INSERT INTO reserves (procurement_id, account_id, kind) VALUES (?, ?, ?)";
static const char *sql_reserve_list =
    "SELECT r.id, r.kind, a.display_name AS name FROM reserves r "
    "JOIN accounts a ON a.id = r.account_id WHERE r.procurement_id = ? "
    "ORDER BY a.display_name";
static const char *sql_reserve_options =
    "SELECT a.id AS value, a.display_name AS label FROM reserves r "
    "JOIN lots l ON l.procurement_id = r.procurement_id "
    "JOIN accounts a ON a.id = r.account_id WHERE l.id = ?1 "
    "AND a.disabled_at IS NULL AND a.id NOT IN (SELECT account_id FROM "
    "panel_members WHERE lot_id = ?1) ORDER BY a.display_name";
static const char *sql_evaluator_options =
    "SELECT DISTINCT a.id AS value, a.display_name AS label FROM accounts a "
    "JOIN grants gr ON gr.account_id = a.id WHERE a.disabled_at IS NULL "
    "AND (gr.role = 'evaluator' OR (?2 <> 0 AND gr.role IN ('admin', "
    "'coordinator'))) AND (gr.scope = 'organisation' OR (gr.scope = 'site' "
    "AND (?1 = 0 OR gr.site_id = ?1))) ORDER BY a.display_name";
static const char *sql_member_of =
    "SELECT id FROM panel_members WHERE lot_id = ? AND account_id = ? "
    "AND state = 'active'";
/* Progress per lot for the evaluator's checklist. */
static const char *sql_panels_of =
    "SELECT m.id AS member_id, l.id AS lot_id, l.title AS lot_title, "
    "p.title AS procurement_title, " SQL_SCOPE_NAME " AS scope_name, "
    "(SELECT count(*) FROM bids b WHERE b.lot_id = l.id) AS bids, "
    "(SELECT count(DISTINCT d.bid_id) FROM declarations d "
    "  WHERE d.panel_member_id = m.id) AS declared, "
    "(SELECT count(*) FROM panel_questions pq WHERE pq.panel_member_id = "
    "  m.id) * (SELECT count(*) FROM bids b WHERE b.lot_id = l.id) AS to_score, "
    "(SELECT count(*) FROM scores s JOIN panel_questions pq ON "
    "  pq.panel_member_id = s.panel_member_id AND pq.question_id = "
    "  s.question_id WHERE s.panel_member_id = m.id AND s.submitted_at "
    "  IS NOT NULL) AS submitted, m.state = 'active' AS active, "
    "m.removed_on, m.removed_reason, " CONFLICT_BIDDER " "
    "FROM panel_members m JOIN lots l ON l.id = m.lot_id JOIN procurements p "
    "ON p.id = l.procurement_id WHERE m.account_id = ? ORDER BY l.id";
static const char *sql_member_questions =
    "SELECT q.id, q.position, q.text, q.weight, (SELECT count(*) FROM bids b "
    "WHERE b.lot_id = q.lot_id AND NOT EXISTS (SELECT 1 FROM scores s WHERE "
    "s.bid_id = b.id AND s.question_id = q.id AND s.panel_member_id = ?1 "
    "AND s.submitted_at IS NOT NULL)) = 0 AS submitted "
    "FROM panel_questions pq JOIN lot_questions q ON q.id = pq.question_id "
    "WHERE pq.panel_member_id = ?1 ORDER BY q.position";
static const char *sql_needing =
    "SELECT l.id AS lot_id, p.title || ': ' || l.title AS title, count(*) "
    "AS waiting FROM lots l JOIN procurements p ON p.id = l.procurement_id "
    "JOIN panel_members m ON m.lot_id = l.id AND m.state = 'removed' "
    "AND m.replaced_by IS NULL WHERE l.moderator_id = ? GROUP BY l.id, p.title, l.title "
    "ORDER BY l.id";
/* Every lot the account moderates, whatever role it holds: a moderator
 * may hold only the evaluator role, and must still reach the lot. */
static const char *sql_moderated =
    "SELECT l.id AS lot_id, p.title || ': ' || l.title AS title "
    "FROM lots l JOIN procurements p ON p.id = l.procurement_id "
    "WHERE l.moderator_id = ? ORDER BY l.id";
static const char *sql_removed_from =
    "SELECT count(*) FROM panel_members WHERE lot_id = ? AND account_id = ? "
    "AND state = 'removed'";
static const char *sql_member_scores =
    "SELECT count(*) FROM panel_questions WHERE panel_member_id = ? "
    "AND question_id = ?";
static const char *sql_panel_options =
    "SELECT m.id AS value, a.display_name AS label FROM panel_members m "
    "JOIN accounts a ON a.id = m.account_id WHERE m.lot_id = ? "
    "AND m.state = 'active' ORDER BY a.display_name";

int
procurement_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_target, ids[0], &t->site_id, &t->group_id);
}

int
lot_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_lot_target, ids[0], &t->site_id, &t->group_id);
}

int
question_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_question_target, ids[0], &t->site_id,
	    &t->group_id);
}

int
bid_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_bid_target, ids[0], &t->site_id, &t->group_id);
}

int
panel_member_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_member_target, ids[0], &t->site_id,
	    &t->group_id);
}

int
score_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_score_target, ids[0], &t->site_id,
	    &t->group_id);
}

#define V(name)	json_object_get(v, name)

/* The insert's new id into *id (if asked) and its audit row. */
static int
added(struct db *db, int rc, int64_t actor, const char *action,
    const char *entity, int64_t *id)
{
	int64_t	 new_id;

	if (rc != DB_OK)
		return rc;
	/* An INSERT ... SELECT that a count limit stopped adds nothing. */
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	new_id = db_last_id(db);
	if (id != NULL)
		*id = new_id;
	return audit_append(db, actor, action, entity, new_id, NULL);
}

int
procurement_add(struct db *db, int64_t actor, int64_t site_id, json_t *v,
    int64_t *id)
{
	return added(db, db_exec(db, sql_add, "ijji", site_id, V("title"),
	    V("description"), actor), actor, "procurement.create",
	    "procurement", id);
}

int
procurement_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

json_t *
procurement_list(struct db *db, const struct principal *who,
    const struct paging *pg)
{
	struct scope_filter	 f;
	json_t			*rows;

	if (access_filter(who, ROLES_STAFF, 0, &f) == -1)
		return NULL;
	rows = db_rows(db, sql_list, "dtid", f.all, f.site_ids,
	    paging_seek_id(pg, 1), paging_limit(pg));
	scope_filter_clear(&f);
	return rows;
}

int
lot_add(struct db *db, int64_t actor, int64_t procurement_id, json_t *v,
    int64_t *id)
{
	return added(db, db_exec(db, sql_lot_add, "ijjjj", procurement_id,
	    V("title"), V("scale_max"), V("scale_descriptors"),
	    V("moderator_id")), actor, "lot.create", "lot", id);
}

int
lot_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_lot_load, "i", id);
}

json_t *
lot_list(struct db *db, int64_t procurement_id)
{
	return db_rows(db, sql_lot_list, "i", procurement_id);
}

int
question_add(struct db *db, int64_t actor, int64_t lot_id, json_t *v,
    int64_t *id)
{
	return added(db, db_exec(db, sql_question_add, "ijjd", lot_id,
	    V("text"), V("weight"), LOT_QUESTIONS_MAX), actor,
	    "lot.question", "question", id);
}

int
question_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_question_load, "i", id);
}

json_t *
question_list(struct db *db, int64_t lot_id)
{
	return db_rows(db, sql_question_list, "i", lot_id);
}

json_t *
question_options(struct db *db, int64_t lot_id)
{
	json_t		*rows = db_rows(db, sql_question_options, "i", lot_id);
	json_t		*row;
	const char	*msgid = N_("Question {position}: {prompt}");
	size_t		 i;

	/* Worded by the form in its reader's language (msgid); label, the
	 * same message in English, is the JSON's. */
	json_array_foreach(rows, i, row) {
		json_object_set_new(row, "msgid", json_string(msgid));
		(void)template_words_set(row, "label", msgid, row, NULL,
		    TEXT_MAX_CHARS);
	}
	return rows;
}

int
bid_add(struct db *db, int64_t actor, int64_t lot_id, json_t *v,
    int64_t *id)
{
	return added(db, db_exec(db, sql_bid_add, "ijd", lot_id, V("bidder"),
	    LOT_BIDS_MAX), actor, "lot.bid", "bid", id);
}

int
bid_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_bid_load, "i", id);
}

json_t *
bid_list(struct db *db, int64_t lot_id)
{
	return db_rows(db, sql_bid_list, "i", lot_id);
}

int
bid_document_set(struct db *db, int64_t actor, int64_t bid_id,
    const char *mime, const char *ext, const void *data, size_t len)
{
	int	 rc;

	if ((rc = db_exec(db, sql_bid_document, "bttii", DB_BLOB(data, len), mime,
	    ext,
	    (int64_t)len, bid_id)) != DB_OK)
		return rc;
	return audit_append(db, actor, "bid.document", "bid", bid_id, ext);
}

int
bid_document_read(struct db *db, int64_t id, struct buf *out, char **mime,
    char **ext)
{
	return db_file_read(db, sql_bid_data, id, out, mime, ext);
}

int
panel_add(struct db *db, int64_t actor, int64_t lot_id, int64_t account,
    const char *kind, const json_t *question_ids, const char *today,
    int64_t *id)
{
	json_t	*q;
	size_t	 i;
	int	 rc;

	if ((rc = db_exec(db, sql_panel_add, "iitt", lot_id, account, kind,
	    today)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	*id = db_last_id(db);
	json_array_foreach(question_ids, i, q)
		if ((rc = db_exec(db, sql_panel_question, "ii", *id,
		    (int64_t)json_integer_value(q))) != DB_OK)
			return rc;
	return audit_append(db, actor, "panel.add", "panel_member", *id, kind);
}

int
panel_member_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_member_load, "i", id);
}

json_t *
panel_list(struct db *db, int64_t lot_id)
{
	return evaluator_kinds_labelled(db_rows(db, sql_panel_list, "i",
	    lot_id));
}

int
reserve_add(struct db *db, int64_t actor, int64_t procurement_id, json_t *v)
{
	return added(db, db_exec(db, sql_reserve_add, "ijj", procurement_id,
	    V("account_id"), V("kind")), actor, "procurement.reserve",
	    "reserve", NULL);
}

json_t *
reserve_list(struct db *db, int64_t procurement_id)
{
	return evaluator_kinds_labelled(db_rows(db, sql_reserve_list, "i",
	    procurement_id));
}

json_t *
reserve_options(struct db *db, int64_t lot_id)
{
	return db_rows(db, sql_reserve_options, "i", lot_id);
}

json_t *
evaluator_options(struct db *db, int64_t site_id, int with_staff)
{
	return db_rows(db, sql_evaluator_options, "id", site_id, with_staff);
}

int
panel_member_of(struct db *db, int64_t lot_id, int64_t account,
    int64_t *member)
{
	return db_int(db, member, sql_member_of, "ii", lot_id, account);
}

json_t *
panels_of(struct db *db, int64_t account)
{
	return db_rows(db, sql_panels_of, "i", account);
}

json_t *
member_questions(struct db *db, int64_t member)
{
	return db_rows(db, sql_member_questions, "i", member);
}

json_t *
panel_options(struct db *db, int64_t lot_id)
{
	return db_rows(db, sql_panel_options, "i", lot_id);
}

int
lot_overseen_by(struct db *db, const struct principal *who, const json_t *lot)
{
	int64_t	 removed = 1;

	if (who->account_id != view_int(lot, "moderator_id") &&
	    !access_covers(who, ROLES_STAFF, view_int(lot, "site_id"), 0))
		return 0;
	/* Unreadable counts as removed: deny by default. */
	return db_int(db, &removed, sql_removed_from, "ii", view_int(lot, "id"),
	    who->account_id) > 0 && removed == 0;
}

int
member_scores(struct db *db, int64_t member, int64_t question_id)
{
	int64_t	 n = 0;

	return db_int(db, &n, sql_member_scores, "ii", member, question_id) > 0
	    && n > 0;
}

void
lots_moderated_add(json_t *view, struct db *db, int64_t account)
{
	json_t	*lots = db_rows(db, sql_moderated, "i", account);

	if (view == NULL || lots == NULL) {
		json_decref(lots);
		return;
	}
	json_object_set_new(view, "moderates",
	    json_boolean(json_array_size(lots) > 0));
	json_object_set_new(view, "moderating", lots);
}

json_t *
lots_needing_reserves(struct db *db, int64_t account)
{
	return db_rows(db, sql_needing, "i", account);
}
