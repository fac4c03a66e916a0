/*
 * The moderator's side of a lot: its page (scores as far as the seal
 * allows, conflicts, who needs replacing, totals), bringing in a
 * reserve, the consensus meeting, and the agreed scores per question.
 * Open to the lot's moderator and to staff covering its site.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procurement.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

json_t *
lot_overseen(struct request *rq, struct response *rs, int64_t lot_id)
{
	json_t	*lot;

	if (lot_load(rq->db, lot_id, &lot) <= 0) {
		response_error(rs, 404, "Page not found.");
		return NULL;
	}
	if (!lot_overseen_by(rq->db, &rq->who, lot)) {
		response_error(rs, 403, "Only the lot's moderator and staff can "
		    "open this page.");
		json_decref(lot);
		return NULL;
	}
	return lot;
}

void
lots_show(struct request *rq, struct response *rs)
{
	json_t	*lot, *record;
	int64_t	 member;
	int	 oversees;

	if (lot_load(rq->db, rq->ids[0], &lot) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	oversees = lot_overseen_by(rq->db, &rq->who, lot);
	/* An evaluator on the panel has their own page for the lot. */
	if (!oversees && panel_member_of(rq->db, rq->ids[0],
	    rq->who.account_id, &member) > 0)
		response_redirect(rs, "/lots/%lld/evaluate",
		    (long long)rq->ids[0]);
	else if (!oversees)
		response_error(rs, 403, "Only the lot's moderator and staff can "
		    "open this page.");
	else if ((record = lot_record(rq->db, lot)) == NULL)
		response_error(rs, 500, "Something went wrong.");
	else {
		json_object_set_new(record, "title", json_string(view_str(lot,
		    "title")));
		json_object_set_new(record, "can_set_up", json_boolean(
		    access_covers(&rq->who, ROLES_STAFF, view_int(lot,
		    "site_id"), 0)));
		response_view(rs, "procurement/lot", record);
	}
	json_decref(lot);
}

struct replace_ctx {
	int64_t	 lot_id;
};

static int
replace_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const struct replace_ctx *rc_ctx = ctx;
	char	 today[DATE_CHARS + 1];
	int64_t	 id;
	int	 rc;

	date_today(rq->now, today);
	rc = panel_replace(rq->db, rq->who.account_id, rq->ids[0],
	    view_int(v, "account_id"), today, &id);
	if (rc == DB_OK)
		*location = location_of("/lots/%lld#panel", rc_ctx->lot_id);
	return form_constraint(rc, errors, "account_id", "Choose a reserve "
	    "who is not already on this panel and does not moderate it");
}

void
panel_replace_page(struct request *rq, struct response *rs)
{
	json_t			*member, *lot, *options;
	struct replace_ctx	 ctx;
	char			 back[64];
	struct form_page	 fp = {
		.title = N_("Bring in a reserve"),
		.submit = N_("Bring them in"),
		.fields = replace_fields, .nfields = replace_fields_count,
		.save = replace_store, .ctx = &ctx, .back = back,
	};

	if (panel_member_load(rq->db, rq->ids[0], &member) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	ctx.lot_id = view_int(member, "lot_id");
	if ((lot = lot_overseen(rq, rs, ctx.lot_id)) == NULL) {
		json_decref(member);
		return;
	}
	if (strcmp(view_str(member, "state"), "removed") != 0 ||
	    json_is_integer(json_object_get(member, "replaced_by")))
		response_error(rs, 409, "Only an evaluator removed from the "
		    "panel, and not yet replaced, can be replaced.");
	else {
		snprintf(back, sizeof(back), "/lots/%lld#panel",
		    (long long)ctx.lot_id);
		fp.caption = view_str(member, "name");
		options = json_pack("{s:o}", "account_id",
		    reserve_options(rq->db, ctx.lot_id));
		fp.options = options;
		form_page_run(rq, rs, &fp);
		json_decref(options);
	}
	json_decref(lot);
	json_decref(member);
}

static int
meeting_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = consensus_meeting_save(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/lots/%lld#consensus", rq->ids[0]);
	return rc;
}

void
consensus_meeting_page(struct request *rq, struct response *rs)
{
	json_t			*lot, *kept;
	char			 today[DATE_CHARS + 1], back[64];
	struct form_page	 fp = {
		.title = N_("The consensus meeting"), .submit = N_("Save"),
		.fields = consensus_meeting_fields,
		.nfields = consensus_meeting_fields_count,
		.save = meeting_store, .back = back,
	};

	if ((lot = lot_overseen(rq, rs, rq->ids[0])) == NULL)
		return;
	date_today(rq->now, today);
	snprintf(back, sizeof(back), "/lots/%lld", (long long)rq->ids[0]);
	fp.caption = view_str(lot, "title");
	kept = json_pack("{s:{s:o}, s:{s:s}}", "options", "present_ids",
	    panel_options(rq->db, rq->ids[0]), "initial", "held_on", today);
	(void)form_page_keep(&fp, kept);
	form_page_run(rq, rs, &fp);
	json_decref(kept);
	json_decref(lot);
}

/* The question's line of the lot record, or NULL. */
static json_t *
question_line(json_t *record, int64_t question_id)
{
	json_t	*q;
	size_t	 i;

	json_array_foreach(json_object_get(record, "questions"), i, q)
		if (view_int(q, "question_id") == question_id)
			return q;
	return NULL;
}

/* The form's values for a first showing: what was agreed, if anything. */
static void
values_from_consensus(json_t *question)
{
	json_t	*line, *agreed;
	size_t	 i;

	json_array_foreach(json_object_get(question, "bid_lines"), i, line) {
		agreed = json_object_get(line, "consensus");
		json_object_set_new(line, "score_value", json_is_object(agreed) ?
		    json_integer(view_int(agreed, "score")) : json_string(""));
		json_object_set_new(line, "rationale_value", json_string(
		    view_str(agreed, "rationale")));
	}
}

static void
consensus_show(struct response *rs, int status, json_t *record,
    json_t *question, json_t *errors)
{
	json_object_set_new(record, "title", json_string(N_("Consensus")));
	json_object_set(record, "question", question);
	json_object_set_new(record, "errors", errors ? errors : json_array());
	json_object_set_new(record, "has_errors", json_boolean(
	    json_array_size(errors) > 0));
	response_page(rs, status, "procurement/consensus", record);
}

/* Reads each bid's consensus from the form and saves those filled in. */
static int
consensus_read_save(struct request *rq, json_t *question, int64_t max,
    json_t *errors)
{
	json_t		*line, *score, *text, *reason, *agreed;
	const char	*bidder;
	char		 now[DATETIME_CHARS + 1];
	int64_t		 bid;
	size_t		 i;
	int		 rc = DB_OK;

	datetime_now(rq->now, now);
	json_array_foreach(json_object_get(question, "bid_lines"), i, line) {
		bid = view_int(line, "bid_id");
		bidder = view_str(line, "bidder");
		agreed = json_object_get(line, "consensus");
		score = bid_score(&rq->body, "score", bid, bidder, max, errors);
		text = bid_text(&rq->body, "rationale", bid, bidder,
		    JUSTIFICATION_MAX_CHARS, errors);
		reason = bid_text(&rq->body, "reason", bid, bidder,
		    NOTE_MAX_CHARS, errors);
		if (!json_is_null(score) && *json_string_value(text) == '\0')
			bid_error(errors, "rationale", bid, bidder,
			    N_("write the rationale the panel agreed"), 0);
		else if (!json_is_null(score) && json_is_object(agreed) &&
		    (view_int(agreed, "score") != json_integer_value(score) ||
		    strcmp(view_str(agreed, "rationale"),
		    json_string_value(text)) != 0) &&
		    *json_string_value(reason) == '\0')
			bid_error(errors, "reason", bid, bidder,
			    N_("say why the agreed score changes"), 0);
		else if (!json_is_null(score) && json_array_size(errors) == 0 &&
		    (!json_is_object(agreed) || *json_string_value(reason) != '\0'))
			rc = consensus_save(rq->db, rq->who.account_id,
			    view_int(question, "question_id"), bid,
			    json_integer_value(score), json_string_value(text),
			    json_string_value(reason), now);
		/* Kept on the line, so a form shown again holds what was
		 * typed. */
		json_object_set_new(line, "score_value", json_is_null(score) ?
		    json_string("") : score);
		json_object_set_new(line, "rationale_value", text);
		json_object_set_new(line, "reason_value", reason);
		if (rc != DB_OK)
			break;
	}
	return rc;
}

void
consensus_page(struct request *rq, struct response *rs)
{
	json_t	*q, *lot, *record, *question, *errors;
	int	 rc;

	if (question_load(rq->db, rq->ids[0], &q) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	lot = lot_overseen(rq, rs, view_int(q, "lot_id"));
	json_decref(q);
	if (lot == NULL)
		return;
	if ((record = lot_record(rq->db, lot)) == NULL ||
	    (question = question_line(record, rq->ids[0])) == NULL) {
		response_error(rs, 500, "Something went wrong.");
		json_decref(record);
		json_decref(lot);
		return;
	}
	if (rq->method == HTTP_GET) {
		values_from_consensus(question);
		consensus_show(rs, 200, record, question, NULL);
		record = NULL;
	} else if (view_int(question, "sealed"))
		response_error(rs, 409, "Scores for this question are sealed "
		    "until every evaluator has submitted theirs.");
	else if (!json_is_object(json_object_get(record, "meeting")))
		response_error(rs, 409, "Record the consensus meeting (date and "
		    "who was there) first.");
	else {
		errors = json_array();
		rc = consensus_read_save(rq, question, view_int(lot,
		    "scale_max"), errors);
		if (json_array_size(errors) > 0) {
			/* Nothing is kept when anything was wrong. */
			consensus_show(rs, 422, record, question, errors);
			record = NULL;
		} else if (rc != DB_OK) {
			json_decref(errors);
			response_error(rs, 503, "The scores were not saved. Try "
			    "again.");
		} else {
			json_decref(errors);
			response_redirect(rs, "/lots/%lld#totals",
			    (long long)view_int(lot, "id"));
		}
	}
	json_decref(record);
	json_decref(lot);
}
