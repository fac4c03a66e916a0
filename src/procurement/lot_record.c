/*
 * Everything known about a lot as one view, with the seal applied.  The
 * lot page, its JSON and both formats of the final evaluation report
 * read this, so what one shows the others show, and the seal is applied
 * in one place (scores_visible and score_history underneath).
 */
#include <stdlib.h>

#include "procurement.h"
#include "../db/db.h"
#include "../util/view.h"

static const char *sql_audit =
    "SELECT a.at, a.action, a.entity, a.entity_id, a.detail, "
    "ifnull(ac.display_name, '') AS who FROM audit a "
    "LEFT JOIN accounts ac ON ac.id = a.account_id WHERE "
    "(a.entity = 'lot' AND a.entity_id = ?1) "
    "OR (a.entity = 'question' AND a.entity_id IN "
    "  (SELECT id FROM lot_questions WHERE lot_id = ?1)) "
    "OR (a.entity = 'bid' AND a.entity_id IN "
    "  (SELECT id FROM bids WHERE lot_id = ?1)) "
    "OR (a.entity = 'panel_member' AND a.entity_id IN "
    "  (SELECT id FROM panel_members WHERE lot_id = ?1)) "
    "OR (a.entity = 'score' AND a.entity_id IN (SELECT s.id FROM scores s "
    "  JOIN lot_questions q ON q.id = s.question_id WHERE q.lot_id = ?1)) "
    "OR (a.entity = 'consensus_score' AND a.entity_id IN (SELECT k.id FROM "
    "  consensus_scores k JOIN lot_questions q ON q.id = k.question_id "
    "  WHERE q.lot_id = ?1)) ORDER BY a.id";

/* The rows of rows whose key equals id, as a new array. */
static json_t *
rows_with(const json_t *rows, const char *key, int64_t id)
{
	json_t	*out = json_array(), *row;
	size_t	 i;

	json_array_foreach(rows, i, row)
		if (view_int(row, key) == id)
			json_array_append(out, row);
	return out;
}

/* One bid's line for one question: the individual scores (already
 * filtered by the seal), their spread, and the consensus if any. */
static json_t *
question_bid(const json_t *bid, const json_t *visible, const json_t *agreed)
{
	json_t	*scores, *line, *agreed_rows, *s;
	int64_t	 min = 0, max = 0, v;
	size_t	 i;

	scores = rows_with(visible, "bid_id", view_int(bid, "id"));
	json_array_foreach(scores, i, s) {
		v = view_int(s, "score");
		if (i == 0 || v < min)
			min = v;
		if (i == 0 || v > max)
			max = v;
	}
	agreed_rows = rows_with(agreed, "bid_id", view_int(bid, "id"));
	line = json_pack("{s:I, s:s, s:o, s:O}", "bid_id", (json_int_t)
	    view_int(bid, "id"), "bidder", view_str(bid, "bidder"), "scores",
	    scores, "consensus", json_array_size(agreed_rows) > 0 ?
	    json_array_get(agreed_rows, 0) : json_null());
	json_decref(agreed_rows);
	if (line != NULL && json_array_size(scores) > 0) {
		json_object_set_new(line, "min", json_integer(min));
		json_object_set_new(line, "max", json_integer(max));
		json_object_set_new(line, "wide", json_boolean(
		    spread_is_wide(min, max)));
	}
	return line;
}

/* Fills each question of seals with its bids' lines. */
static void
questions_fill(struct db *db, json_t *seals, const json_t *bids)
{
	json_t	*q, *visible, *agreed, *lines, *bid;
	size_t	 i, k;

	json_array_foreach(seals, i, q) {
		int64_t	 id = view_int(q, "question_id");

		visible = scores_visible(db, id);
		agreed = consensus_list(db, id);
		lines = json_array();
		json_array_foreach(bids, k, bid)
			json_array_append_new(lines, question_bid(bid,
			    visible, agreed));
		json_object_set_new(q, "bid_lines", lines);
		json_decref(visible);
		json_decref(agreed);
	}
}

json_t *
lot_record(struct db *db, json_t *lot)
{
	json_t	*meeting = NULL, *bids, *seals, *out;
	int64_t	 lot_id = view_int(lot, "id");

	bids = bid_list(db, lot_id);
	seals = seal_status(db, lot_id);
	if (bids == NULL || seals == NULL) {
		json_decref(bids);
		json_decref(seals);
		return NULL;
	}
	questions_fill(db, seals, bids);
	(void)consensus_meeting_load(db, lot_id, &meeting);
	out = json_pack("{s:O, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "lot", lot,
	    "descriptors", descriptors_json(view_str(lot, "scale_descriptors")),
	    "questions", seals,
	    "bids", bids,
	    "panel", panel_list(db, lot_id),
	    "declarations", declarations_history(db, lot_id),
	    "meeting", meeting ? meeting : json_null(),
	    "totals", lot_totals(db, lot_id),
	    "changes", score_history(db, lot_id),
	    "audit", db_rows(db, sql_audit, "i", lot_id));
	if (out != NULL)
		score_change_kinds_labelled(json_object_get(out, "changes"));
	return out;
}
