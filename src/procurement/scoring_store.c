/*
 * SQL for what panels do: declarations of interest, independent scores,
 * the seal, consensus and weighted totals.
 *
 * Sealing lives here and only here: another evaluator's score is read
 * through scores_visible() and score_history(), both of which join the
 * question_seals view and return nothing for a sealed question.  Audit
 * rows say that a score was saved or submitted, never its value.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procurement.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/view.h"

/* A question is open once its panel is whole (no member removed from it
 * still waiting for a reserve: migration 0016) and every active assigned
 * evaluator has submitted for every bid (qs is a row of question_seals). */
#define UNSEALED(qs) \
	"(" qs ".assigned > 0 AND " qs ".bids > 0 AND " qs ".vacant = 0 AND " \
	qs ".submitted >= " qs ".assigned * " qs ".bids)"

static const char *sql_declare =
    "INSERT INTO declarations (panel_member_id, bid_id, conflict, details, "
    "declared_at) SELECT ?1, b.id, ?3, ifnull(?4, ''), ?5 FROM bids b "
    "JOIN panel_members m ON m.lot_id = b.lot_id AND m.id = ?1 "
    "WHERE b.id = ?2";
static const char *sql_remove =
    "UPDATE panel_members SET state = 'removed', removed_on = substr(?2, 1, "
    "10), removed_reason = 'Declared a conflict of interest with ' || "
    "(SELECT bidder FROM bids WHERE id = ?3) WHERE id = ?1 AND state = 'active'";
/* The latest declaration per bid stands. */
static const char *sql_current =
    "SELECT b.id AS bid_id, b.bidder, d.conflict, d.details, d.declared_at "
    "FROM bids b JOIN panel_members m ON m.lot_id = b.lot_id AND m.id = ?1 "
    "LEFT JOIN declarations d ON d.id = (SELECT max(id) FROM declarations "
    "WHERE panel_member_id = ?1 AND bid_id = b.id) ORDER BY b.bidder, b.id";
static const char *sql_history =
    "SELECT d.declared_at, d.conflict, d.details, b.bidder, "
    "a.display_name AS evaluator FROM declarations d "
    "JOIN bids b ON b.id = d.bid_id "
    "JOIN panel_members m ON m.id = d.panel_member_id "
    "JOIN accounts a ON a.id = m.account_id WHERE m.lot_id = ? "
    "ORDER BY d.id";
static const char *sql_clear =
    "SELECT count(*) = 0 FROM bids b WHERE b.lot_id = ?2 AND ifnull((SELECT "
    "conflict FROM declarations WHERE panel_member_id = ?1 AND bid_id = b.id "
    "ORDER BY id DESC LIMIT 1), 1) != 0";
static const char *sql_own =
    "SELECT b.id AS bid_id, b.bidder, s.id, s.score, s.justification, "
    "s.submitted_at FROM bids b JOIN lot_questions q ON q.lot_id = b.lot_id "
    "AND q.id = ?2 LEFT JOIN scores s ON s.bid_id = b.id AND "
    "s.question_id = q.id AND s.panel_member_id = ?1 ORDER BY b.bidder, b.id";
/* Only for a question assigned to the member and not yet submitted. */
static const char *sql_score_put =
    "INSERT INTO scores (panel_member_id, question_id, bid_id, score, "
    "justification, submitted_at) SELECT ?1, ?2, b.id, ?4, ifnull(?5, ''), ?6 "
    "FROM bids b JOIN lot_questions q ON q.lot_id = b.lot_id AND q.id = ?2 "
    "JOIN panel_questions pq ON pq.question_id = q.id "
    "AND pq.panel_member_id = ?1 WHERE b.id = ?3 "
    "ON CONFLICT (panel_member_id, question_id, bid_id) DO UPDATE SET "
    "score = excluded.score, justification = excluded.justification, "
    "submitted_at = excluded.submitted_at WHERE scores.submitted_at IS NULL";
static const char *sql_submitted =
    "SELECT count(*) = 0 FROM bids b JOIN lot_questions q ON "
    "q.lot_id = b.lot_id AND q.id = ?2 WHERE NOT EXISTS (SELECT 1 FROM "
    "scores s WHERE s.bid_id = b.id AND s.question_id = q.id AND "
    "s.panel_member_id = ?1 AND s.submitted_at IS NOT NULL)";
static const char *sql_score_load =
    "SELECT s.id, s.panel_member_id, s.question_id, s.bid_id, s.score, "
    "s.justification, s.submitted_at, b.bidder, m.account_id, m.state, "
    "m.lot_id, q.position, q.text AS question_text, l.scale_max "
    "FROM scores s JOIN bids b ON b.id = s.bid_id "
    "JOIN panel_members m ON m.id = s.panel_member_id "
    "JOIN lot_questions q ON q.id = s.question_id "
    "JOIN lots l ON l.id = q.lot_id WHERE s.id = ?";
static const char *sql_change_individual =
    "INSERT INTO score_changes (kind, score_id, old_score, old_text, "
    "new_score, new_text, reason, changed_by, changed_at) "
    "SELECT 'individual', id, score, justification, ?2, ?3, ?4, ?5, ?6 "
    "FROM scores WHERE id = ?1 AND submitted_at IS NOT NULL";
static const char *sql_score_update =
    "UPDATE scores SET score = ?2, justification = ?3 WHERE id = ?1";
static const char *sql_seals =
    "SELECT qs.question_id, q.position, q.text, q.weight, qs.assigned, "
    "qs.bids, qs.submitted, NOT " UNSEALED("qs") " AS sealed "
    "FROM question_seals qs JOIN lot_questions q ON q.id = qs.question_id "
    "WHERE qs.lot_id = ? ORDER BY q.position";
static const char *sql_sealed =
    "SELECT NOT " UNSEALED("qs") " FROM question_seals qs "
    "WHERE qs.question_id = ?";
static const char *sql_visible =
    "SELECT s.id, s.bid_id, s.score, s.justification, s.submitted_at, "
    "a.display_name AS evaluator, m.kind FROM scores s "
    "JOIN panel_members m ON m.id = s.panel_member_id AND m.state = 'active' "
    "JOIN panel_questions pq ON pq.panel_member_id = m.id "
    "AND pq.question_id = s.question_id "
    "JOIN accounts a ON a.id = m.account_id "
    "JOIN question_seals qs ON qs.question_id = s.question_id "
    "WHERE s.question_id = ? AND s.submitted_at IS NOT NULL "
    "AND " UNSEALED("qs") " ORDER BY s.bid_id, a.display_name";
/* Changes to individual scores show only once their question is open. */
static const char *sql_score_history =
    "SELECT c.kind, c.old_score, c.old_text, c.new_score, c.new_text, "
    "c.reason, c.changed_at, a.display_name AS changed_by_name, "
    "b.bidder, q.position FROM score_changes c "
    "LEFT JOIN scores s ON c.kind = 'individual' AND s.id = c.score_id "
    "LEFT JOIN consensus_scores k ON c.kind = 'consensus' AND k.id = c.score_id "
    "JOIN lot_questions q ON q.id = coalesce(s.question_id, k.question_id) "
    "JOIN bids b ON b.id = coalesce(s.bid_id, k.bid_id) "
    "JOIN accounts a ON a.id = c.changed_by "
    "JOIN question_seals qs ON qs.question_id = q.id "
    "WHERE q.lot_id = ? AND " UNSEALED("qs") " ORDER BY c.id";
static const char *sql_meeting_save =
    "INSERT INTO consensus_meetings (lot_id, held_on, others_present, "
    "recorded_by) VALUES (?1, ?2, ifnull(?3, ''), ?4) ON CONFLICT (lot_id) "
    "DO UPDATE SET held_on = excluded.held_on, others_present = "
    "excluded.others_present, recorded_by = excluded.recorded_by";
static const char *sql_present_clear =
    "DELETE FROM consensus_present WHERE lot_id = ?";
static const char *sql_present_add =
    "INSERT INTO consensus_present (lot_id, panel_member_id) "
    "SELECT ?1, id FROM panel_members WHERE lot_id = ?1 AND id IN "
    "(SELECT value FROM json_each(?2))";
static const char *sql_meeting_load =
    "SELECT c.held_on, c.others_present, (SELECT group_concat(a.display_name, "
    "', ') FROM consensus_present p JOIN panel_members m ON "
    "m.id = p.panel_member_id JOIN accounts a ON a.id = m.account_id "
    "WHERE p.lot_id = c.lot_id) AS present FROM consensus_meetings c "
    "WHERE c.lot_id = ?";
static const char *sql_consensus_list =
    "SELECT k.id, k.bid_id, k.score, k.rationale, k.recorded_at, "
    "a.display_name AS recorded_by_name FROM consensus_scores k "
    "JOIN accounts a ON a.id = k.recorded_by WHERE k.question_id = ? "
    "ORDER BY k.bid_id";
static const char *sql_consensus_add =
    "INSERT INTO consensus_scores (question_id, bid_id, score, rationale, "
    "recorded_by, recorded_at) SELECT ?1, b.id, ?3, ?4, ?5, ?6 FROM bids b "
    "JOIN lot_questions q ON q.lot_id = b.lot_id AND q.id = ?1 WHERE b.id = ?2";
static const char *sql_consensus_id =
    "SELECT id FROM consensus_scores WHERE question_id = ? AND bid_id = ?";
static const char *sql_change_consensus =
    "INSERT INTO score_changes (kind, score_id, old_score, old_text, "
    "new_score, new_text, reason, changed_by, changed_at) "
    "SELECT 'consensus', id, score, rationale, ?2, ?3, ?4, ?5, ?6 "
    "FROM consensus_scores WHERE id = ?1";
static const char *sql_consensus_update =
    "UPDATE consensus_scores SET score = ?2, rationale = ?3 WHERE id = ?1";
static const char *sql_totals =
    "SELECT b.id AS bid_id, b.bidder, q.weight, k.score, l.scale_max "
    "FROM bids b JOIN lots l ON l.id = b.lot_id "
    "JOIN lot_questions q ON q.lot_id = b.lot_id "
    "LEFT JOIN consensus_scores k ON k.bid_id = b.id AND k.question_id = q.id "
    "WHERE b.lot_id = ? ORDER BY b.id, q.position";
static const char *sql_replace_add =
    "INSERT INTO panel_members (lot_id, account_id, kind, added_on) "
    "SELECT m.lot_id, r.account_id, r.kind, ?3 FROM panel_members m "
    "JOIN lots l ON l.id = m.lot_id JOIN reserves r ON r.procurement_id = "
    "l.procurement_id AND r.account_id = ?2 WHERE m.id = ?1 "
    "AND m.state = 'removed' AND m.replaced_by IS NULL "
    "AND l.moderator_id != ?2";
static const char *sql_replace_questions =
    "INSERT INTO panel_questions (panel_member_id, question_id) "
    "SELECT ?2, question_id FROM panel_questions WHERE panel_member_id = ?1";
static const char *sql_replace_link =
    "UPDATE panel_members SET replaced_by = ?2 WHERE id = ?1";

int
declarations_save(struct db *db, int64_t actor, int64_t member,
    const json_t *entries, const char *now, int *removed)
{
	json_t	*e;
	size_t	 i;
	int64_t	 bid;
	int	 rc, conflict;

	*removed = 0;
	json_array_foreach(entries, i, e) {
		bid = view_int(e, "bid_id");
		conflict = json_is_true(json_object_get(e, "conflict"));
		if ((rc = db_exec(db, sql_declare, "iidjt", member, bid,
		    conflict, json_object_get(e, "details"), now)) != DB_OK)
			return rc;
		if (conflict && !*removed) {
			if ((rc = db_exec(db, sql_remove, "iti", member, now,
			    bid)) != DB_OK)
				return rc;
			*removed = db_changes(db) > 0;
		}
	}
	rc = audit_append(db, actor, "panel.declare", "panel_member", member,
	    *removed ? "conflict" : "none");
	if (rc == DB_OK && *removed)
		rc = audit_append(db, actor, "panel.removed", "panel_member",
		    member, "conflict");
	return rc;
}

json_t *
declarations_current(struct db *db, int64_t member)
{
	return db_rows(db, sql_current, "i", member);
}

json_t *
declarations_history(struct db *db, int64_t lot_id)
{
	return db_rows(db, sql_history, "i", lot_id);
}

int
declarations_clear(struct db *db, int64_t member, int64_t lot_id)
{
	int64_t	 clear = 0;

	return db_int(db, &clear, sql_clear, "ii", member, lot_id) > 0 &&
	    clear;
}

json_t *
scores_own(struct db *db, int64_t member, int64_t question_id)
{
	return db_rows(db, sql_own, "ii", member, question_id);
}

int
scores_save(struct db *db, int64_t actor, int64_t member, int64_t question_id,
    const json_t *entries, int submit, const char *now)
{
	json_t	*e;
	size_t	 i;
	int	 rc;

	json_array_foreach(entries, i, e)
		if ((rc = db_exec(db, sql_score_put, "iiijjt", member,
		    question_id, view_int(e, "bid_id"), json_object_get(e,
		    "score"), json_object_get(e, "justification"),
		    submit ? now : NULL)) != DB_OK)
			return rc;
	return audit_append(db, actor, submit ? "score.submit" : "score.draft",
	    "question", question_id, NULL);
}

int
scores_submitted(struct db *db, int64_t member, int64_t question_id)
{
	int64_t	 done = 0;

	return db_int(db, &done, sql_submitted, "ii", member, question_id) > 0 &&
	    done;
}

int
score_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_score_load, "i", id);
}

/* Writes the history row, then the change the triggers let through. */
static int
changed(struct db *db, const char *history_sql, const char *update_sql,
    int64_t actor, int64_t id, int64_t score, const char *text,
    const char *reason, const char *now)
{
	int	 rc;

	if ((rc = db_exec(db, history_sql, "iittit", id, score, text, reason,
	    actor, now)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return db_exec(db, update_sql, "iit", id, score, text);
}

int
score_change(struct db *db, int64_t actor, int64_t score_id, int64_t score,
    const char *text, const char *reason, const char *now)
{
	int	 rc;

	if ((rc = changed(db, sql_change_individual, sql_score_update, actor,
	    score_id, score, text, reason, now)) != DB_OK)
		return rc;
	return audit_append(db, actor, "score.change", "score", score_id, NULL);
}

json_t *
seal_status(struct db *db, int64_t lot_id)
{
	return db_rows(db, sql_seals, "i", lot_id);
}

int
question_sealed(struct db *db, int64_t question_id)
{
	int64_t	 sealed = 1;

	/* Anything but a clear answer counts as sealed. */
	if (db_int(db, &sealed, sql_sealed, "i", question_id) <= 0)
		return 1;
	return sealed != 0;
}

json_t *
scores_visible(struct db *db, int64_t question_id)
{
	return evaluator_kinds_labelled(db_rows(db, sql_visible, "i",
	    question_id));
}

json_t *
score_history(struct db *db, int64_t lot_id)
{
	return db_rows(db, sql_score_history, "i", lot_id);
}

int
consensus_meeting_save(struct db *db, int64_t actor, int64_t lot_id,
    json_t *v)
{
	char	*ids;
	int	 rc;

	if ((rc = db_exec(db, sql_meeting_save, "ijji", lot_id,
	    json_object_get(v, "held_on"), json_object_get(v,
	    "others_present"), actor)) != DB_OK ||
	    (rc = db_exec(db, sql_present_clear, "i", lot_id)) != DB_OK)
		return rc;
	if ((ids = json_dumps(json_object_get(v, "present_ids"),
	    JSON_COMPACT)) == NULL)
		return DB_ERROR;
	rc = db_exec(db, sql_present_add, "it", lot_id, ids);
	free(ids);
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "lot.consensus_meeting", "lot", lot_id,
	    json_string_value(json_object_get(v, "held_on")));
}

int
consensus_meeting_load(struct db *db, int64_t lot_id, json_t **out)
{
	return db_row(db, out, sql_meeting_load, "i", lot_id);
}

json_t *
consensus_list(struct db *db, int64_t question_id)
{
	return db_rows(db, sql_consensus_list, "i", question_id);
}

int
consensus_save(struct db *db, int64_t actor, int64_t question_id,
    int64_t bid_id, int64_t score, const char *rationale, const char *reason,
    const char *now)
{
	int64_t	 id;
	int	 rc;

	rc = db_int(db, &id, sql_consensus_id, "ii", question_id, bid_id);
	if (rc < 0)
		return DB_ERROR;
	if (rc > 0) {
		/* A recorded consensus changes only with a reason. */
		if (reason == NULL || *reason == '\0')
			return DB_CONSTRAINT;
		rc = changed(db, sql_change_consensus, sql_consensus_update,
		    actor, id, score, rationale, reason, now);
	} else {
		rc = db_exec(db, sql_consensus_add, "iiitit", question_id,
		    bid_id, score, rationale, actor, now);
		if (rc == DB_OK && db_changes(db) == 0)
			rc = DB_CONSTRAINT;
		id = db_last_id(db);
	}
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "consensus.score", "consensus_score",
	    id, NULL);
}

/* Orders totals highest first; incomplete ones last. */
static int
total_order(const void *a, const void *b)
{
	const json_t	*x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int		 cx = json_is_true(json_object_get(x, "complete"));
	int		 cy = json_is_true(json_object_get(y, "complete"));
	int64_t		 tx = view_int(x, "total_hundredths");
	int64_t		 ty = view_int(y, "total_hundredths");

	if (cx != cy)
		return cy - cx;
	return (tx < ty) - (tx > ty);
}

/* Appends one bid's total from its scores and weights so far. */
static void
total_add(json_t *out, json_t *bid, int64_t *scores, int64_t *weights,
    size_t n, size_t answered, int64_t scale_max)
{
	char	 text[24];
	int64_t	 h;

	h = weighted_total_hundredths(scores, weights, n, scale_max);
	hundredths_format(h < 0 ? 0 : h, text, sizeof(text));
	json_object_set_new(bid, "total_hundredths", json_integer(h));
	json_object_set_new(bid, "total", json_string(text));
	json_object_set_new(bid, "complete", json_boolean(answered == n));
	json_array_append_new(out, bid);
}

json_t *
lot_totals(struct db *db, int64_t lot_id)
{
	json_t	*rows, *row, *out, *bid = NULL, *sorted[LOT_BIDS_MAX];
	int64_t	 scores[LOT_QUESTIONS_MAX], weights[LOT_QUESTIONS_MAX], max = 1;
	size_t	 i, n = 0, answered = 0, k;

	if ((rows = db_rows(db, sql_totals, "i", lot_id)) == NULL ||
	    (out = json_array()) == NULL) {
		json_decref(rows);
		return NULL;
	}
	json_array_foreach(rows, i, row) {
		if (bid == NULL || view_int(bid, "bid_id") !=
		    view_int(row, "bid_id")) {
			if (bid != NULL)
				total_add(out, bid, scores, weights, n,
				    answered, max);
			bid = json_pack("{s:I, s:s}", "bid_id", (json_int_t)
			    view_int(row, "bid_id"), "bidder",
			    view_str(row, "bidder"));
			max = view_int(row, "scale_max");
			n = answered = 0;
		}
		if (n == LOT_QUESTIONS_MAX)
			continue;
		/* A question without consensus yet counts as 0 so far. */
		scores[n] = view_int(row, "score");
		weights[n] = view_int(row, "weight");
		answered += json_is_integer(json_object_get(row, "score"));
		n++;
	}
	if (bid != NULL)
		total_add(out, bid, scores, weights, n, answered, max);
	json_decref(rows);
	/* Rank: highest first; equal complete totals share a rank. */
	for (k = 0; k < json_array_size(out) && k < LOT_BIDS_MAX; k++)
		sorted[k] = json_array_get(out, k);
	qsort(sorted, k, sizeof(sorted[0]), total_order);
	for (i = 0; i < k; i++)
		json_object_set_new(sorted[i], "rank", json_integer(i > 0 &&
		    total_order(&sorted[i - 1], &sorted[i]) == 0 ?
		    view_int(sorted[i - 1], "rank") : (json_int_t)i + 1));
	rows = json_array();
	for (i = 0; i < k; i++)
		json_array_append(rows, sorted[i]);
	json_decref(out);
	return rows;
}

int
panel_replace(struct db *db, int64_t actor, int64_t member,
    int64_t reserve_account, const char *today, int64_t *id)
{
	int	 rc;

	if ((rc = db_exec(db, sql_replace_add, "iit", member, reserve_account,
	    today)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	*id = db_last_id(db);
	if ((rc = db_exec(db, sql_replace_questions, "ii", member, *id)) !=
	    DB_OK || (rc = db_exec(db, sql_replace_link, "ii", member, *id)) !=
	    DB_OK)
		return rc;
	return audit_append(db, actor, "panel.reserve", "panel_member", *id,
	    NULL);
}
