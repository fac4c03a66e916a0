/*
 * What an evaluator does, alone: declare any connection with each
 * bidder, read the bids, score their questions with a justification for
 * each score, submit, and change a submitted score only with a reason.
 *
 * Every page here first finds the caller's active row on the lot's
 * panel, so a conflict declared a moment ago closes all of them at once,
 * including bids already opened.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procurement.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

/* The lot and the caller's active panel row on it; else answers 404 or
 * 403 and returns NULL. */
static json_t *
evaluator_lot_of(struct request *rq, struct response *rs, int64_t lot_id,
    int64_t *member)
{
	json_t	*lot;
	int	 rc;

	if (lot_load(rq->db, lot_id, &lot) <= 0) {
		response_error(rs, 404, "Page not found.");
		return NULL;
	}
	if ((rc = panel_member_of(rq->db, lot_id, rq->who.account_id,
	    member)) <= 0) {
		response_error(rs, rc < 0 ? 500 : 403, rc < 0 ?
		    "Something went wrong." : N_("Only evaluators on this "
		    "lot's panel can open this page."));
		json_decref(lot);
		return NULL;
	}
	return lot;
}

/* As evaluator_lot_of, for the lot of a question (loaded into *q). */
static json_t *
evaluator_question_of(struct request *rq, struct response *rs,
    int64_t question_id, json_t **q, int64_t *member)
{
	json_t	*lot;

	if (question_load(rq->db, question_id, q) <= 0) {
		response_error(rs, 404, "Page not found.");
		return NULL;
	}
	if ((lot = evaluator_lot_of(rq, rs, view_int(*q, "lot_id"),
	    member)) == NULL) {
		json_decref(*q);
		*q = NULL;
	}
	return lot;
}

/* Progress through the evaluator's steps, for the checklist: each step
 * names itself (is_declare, ...) and carries its counts, so the page
 * says it as one sentence in the reader's language. */
static json_t *
checklist(struct db *db, const json_t *declared, const json_t *questions,
    int clear, int64_t lot_id)
{
	json_t	*row, *meeting = NULL;
	size_t	 i, done_declared = 0, done_questions = 0;
	json_t	*steps = json_array();

	json_array_foreach(declared, i, row)
		done_declared += json_is_integer(json_object_get(row, "conflict"));
	json_array_foreach(questions, i, row)
		done_questions += view_int(row, "submitted") != 0;
	json_array_append_new(steps, json_pack("{s:b, s:I, s:I, s:b}",
	    "is_declare", 1, "n", (json_int_t)done_declared, "of",
	    (json_int_t)json_array_size(declared), "done",
	    done_declared == json_array_size(declared)));
	/* Reading is not recorded (a GET writes nothing), so this step
	 * carries no done/to-do tag. */
	json_array_append_new(steps, json_pack("{s:b, s:b}", "is_read", 1,
	    "untracked", 1));
	json_array_append_new(steps, json_pack("{s:b, s:I, s:I, s:b}",
	    "is_score", 1, "n", (json_int_t)done_questions, "of",
	    (json_int_t)json_array_size(questions), "done",
	    clear && done_questions == json_array_size(questions)));
	(void)consensus_meeting_load(db, lot_id, &meeting);
	json_array_append_new(steps, json_pack("{s:b, s:b}", "is_meeting", 1,
	    "done", meeting != NULL));
	json_decref(meeting);
	return steps;
}

void
evaluator_lot(struct request *rq, struct response *rs)
{
	json_t	*lot, *declared, *questions;
	int64_t	 member;
	int	 clear;

	if ((lot = evaluator_lot_of(rq, rs, rq->ids[0], &member)) == NULL)
		return;
	declared = declarations_current(rq->db, member);
	questions = member_questions(rq->db, member);
	clear = declarations_clear(rq->db, member, rq->ids[0]);
	response_view(rs, "procurement/evaluate", json_pack("{s:O, s:o, s:o, "
	    "s:o, s:o, s:o, s:b, s:o}", "title", json_object_get(lot, "title"),
	    "checklist", checklist(rq->db, declared, questions, clear,
	    rq->ids[0]),
	    "lot", lot, "descriptors", descriptors_json(view_str(lot,
	    "scale_descriptors")),
	    "declarations", declared, "questions", questions, "clear", clear,
	    "bids", clear ? bid_list(rq->db, rq->ids[0]) : json_array()));
}

/* The declaration form as drawn: one row per bid, with what was typed. */
static void
declarations_show(struct response *rs, int status, json_t *lot,
    json_t *rows, json_t *errors)
{
	response_page(rs, status, "procurement/declare", json_pack("{s:s, "
	    "s:O, s:o, s:o, s:b}", "title", N_("Declare any connections"),
	    "lot", lot, "bids", rows, "errors", errors ? errors : json_array(),
	    "has_errors", json_array_size(errors) > 0));
}

void
declarations_page(struct request *rq, struct response *rs)
{
	json_t		*lot, *rows, *row, *errors, *entries;
	const char	*answer, *bidder;
	char		 field[64], now[32];
	int64_t		 member, bid;
	size_t		 i;
	int		 removed, rc;

	if ((lot = evaluator_lot_of(rq, rs, rq->ids[0], &member)) == NULL)
		return;
	rows = declarations_current(rq->db, member);
	if (rq->method == HTTP_GET) {
		declarations_show(rs, 200, lot, rows, NULL);
		json_decref(lot);
		return;
	}
	errors = json_array();
	entries = json_array();
	json_array_foreach(rows, i, row) {
		bid = view_int(row, "bid_id");
		bidder = view_str(row, "bidder");
		snprintf(field, sizeof(field), "conflict_%lld", (long long)bid);
		answer = form_get(&rq->body, field);
		if (answer == NULL || (strcmp(answer, "no") != 0 &&
		    strcmp(answer, "yes") != 0)) {
			bid_error(errors, "conflict", bid, bidder,
			    N_("say whether you have any connection with this "
			    "bidder"), 0);
			answer = "";
		}
		json_object_set_new(row, "conflict", strcmp(answer, "yes") == 0 ?
		    json_integer(1) : strcmp(answer, "no") == 0 ?
		    json_integer(0) : json_null());
		json_object_set_new(row, "details", bid_text(&rq->body,
		    "details", bid, bidder, TEXT_MAX_CHARS, errors));
		if (strcmp(answer, "yes") == 0 &&
		    *view_str(row, "details") == '\0')
			bid_error(errors, "details", bid, bidder,
			    N_("say what the connection is"), 0);
		json_array_append_new(entries, json_pack("{s:I, s:b, s:O}",
		    "bid_id", (json_int_t)bid, "conflict", strcmp(answer,
		    "yes") == 0, "details", json_object_get(row, "details")));
	}
	if (json_array_size(errors) > 0) {
		declarations_show(rs, 422, lot, rows, errors);
		json_decref(entries);
		json_decref(lot);
		return;
	}
	datetime_now(rq->now, now);
	rc = declarations_save(rq->db, rq->who.account_id, member, entries,
	    now, &removed);
	if (rc != DB_OK)
		response_error(rs, 503, "Your declarations were not saved. "
		    "Try again.");
	else if (removed)
		response_redirect(rs, "/procurements");
	else
		response_redirect(rs, "/lots/%lld/evaluate",
		    (long long)rq->ids[0]);
	json_decref(errors);
	json_decref(entries);
	json_decref(rows);
	json_decref(lot);
}

/* The scoring form: the question, the scale, and one row per bid. */
static void
scores_show(struct response *rs, int status, json_t *lot, json_t *q,
    json_t *rows, json_t *errors)
{
	json_t	*row, *scale;
	size_t	 i;

	scale = descriptors_json(view_str(lot, "scale_descriptors"));
	/* Each row offers every score, the chosen one marked. */
	json_array_foreach(rows, i, row) {
		json_t	*choices = json_array(), *d;
		size_t	 k;

		json_array_foreach(scale, k, d)
			json_array_append_new(choices, json_pack("{s:I, s:O, "
			    "s:b}", "score", (json_int_t)k, "text",
			    json_object_get(d, "text"), "checked",
			    json_is_integer(json_object_get(row, "score")) &&
			    view_int(row, "score") == (int64_t)k));
		json_object_set_new(row, "choices", choices);
		json_object_set_new(row, "locked", json_boolean(
		    json_is_string(json_object_get(row, "submitted_at"))));
	}
	response_page(rs, status, "procurement/score", json_pack("{s:s, s:O, "
	    "s:O, s:o, s:o, s:o, s:b}", "title", N_("Score a question"), "lot", lot,
	    "question", q, "scale", scale, "bids", rows, "errors",
	    errors ? errors : json_array(), "has_errors",
	    json_array_size(errors) > 0));
}

/* Reads the typed rows into rows (for showing again) and entries (for
 * saving); on submit every bid needs a score and a justification. */
static void
scores_read(const struct form *body, json_t *rows, json_t *entries,
    int64_t max, int submit, json_t *errors)
{
	json_t		*row, *score, *text;
	const char	*bidder;
	int64_t		 bid;
	size_t		 i;

	json_array_foreach(rows, i, row) {
		if (json_is_string(json_object_get(row, "submitted_at")))
			continue;	/* locked: only a change with a reason */
		bid = view_int(row, "bid_id");
		bidder = view_str(row, "bidder");
		score = bid_score(body, "score", bid, bidder, max, errors);
		text = bid_text(body, "justification", bid, bidder,
		    JUSTIFICATION_MAX_CHARS, errors);
		if (submit && json_is_null(score))
			bid_error(errors, "score", bid, bidder,
			    N_("choose a score"), 0);
		if (submit && *json_string_value(text) == '\0')
			bid_error(errors, "justification", bid, bidder,
			    N_("write why you gave this score"), 0);
		json_object_set(row, "score", score);
		json_object_set(row, "justification", text);
		json_array_append_new(entries, json_pack("{s:I, s:o, s:o}",
		    "bid_id", (json_int_t)bid, "score", score, "justification",
		    text));
	}
}

void
scores_page(struct request *rq, struct response *rs)
{
	json_t		*lot, *q = NULL, *rows, *errors, *entries;
	const char	*action = form_get(&rq->body, "action");
	char		 now[DATETIME_CHARS + 1];
	int64_t		 member;
	int		 submit, rc;

	if ((lot = evaluator_question_of(rq, rs, rq->ids[0], &q,
	    &member)) == NULL)
		return;
	rows = scores_own(rq->db, member, rq->ids[0]);
	if (!declarations_clear(rq->db, member, view_int(lot, "id")))
		response_error(rs, 409, "Declare any connection with each "
		    "bidder before you see the bids.");
	else if (!member_scores(rq->db, member, rq->ids[0]))
		response_error(rs, 403, "This question is scored by other "
		    "evaluators on the panel.");
	else if (rq->method == HTTP_GET) {
		scores_show(rs, 200, lot, q, rows, NULL);
		rows = NULL;
	} else if (scores_submitted(rq->db, member, rq->ids[0]))
		response_error(rs, 409, "You have submitted your scores for "
		    "this question. To change one, give a reason.");
	else {
		submit = action != NULL && strcmp(action, "submit") == 0;
		errors = json_array();
		entries = json_array();
		scores_read(&rq->body, rows, entries, view_int(lot, "scale_max"),
		    submit, errors);
		datetime_now(rq->now, now);
		if (json_array_size(errors) > 0) {
			scores_show(rs, 422, lot, q, rows, json_incref(errors));
			rows = NULL;
		} else if ((rc = scores_save(rq->db, rq->who.account_id, member,
		    rq->ids[0], entries, submit, now)) != DB_OK)
			response_error(rs, 503, "Your scores were not saved. "
			    "Try again.");
		else
			response_redirect(rs, submit ? "/lots/%lld/evaluate" :
			    "/questions/%lld/scores", (long long)(submit ?
			    view_int(lot, "id") : rq->ids[0]));
		json_decref(errors);
		json_decref(entries);
	}
	json_decref(rows);
	json_decref(q);
	json_decref(lot);
}

static int
change_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char			 now[DATETIME_CHARS + 1];
	int			 rc;

	(void)ctx;
	datetime_now(rq->now, now);
	rc = score_change(rq->db, rq->who.account_id, rq->ids[0],
	    view_int(v, "score"), view_str(v, "justification"),
	    view_str(v, "reason"), now);
	if (rc == DB_OK)
		*location = location_of("/scores/%lld/change", rq->ids[0]);
	return form_constraint(rc, errors, "score", "This score has not been "
	    "submitted: change it on the scoring page");
}

void
score_change_page(struct request *rq, struct response *rs)
{
	json_t			*score, *initial;
	struct field_spec	*fields;
	char			 back[64], *caption = NULL;
	struct form_page	 fp = {
		.title = N_("Change a submitted score"),
		.submit = N_("Change it"),
		.nfields = score_change_fields_count, .save = change_store,
		.back = back,
	};

	if (score_load(rq->db, rq->ids[0], &score) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	/* Only its own evaluator, while still on the panel. */
	if (view_int(score, "account_id") != rq->who.account_id ||
	    strcmp(view_str(score, "state"), "active") != 0)
		response_error(rs, 403, "Only the evaluator who gave this score "
		    "can change it.");
	else if (!json_is_string(json_object_get(score, "submitted_at")))
		response_error(rs, 409, "This score has not been submitted: "
		    "change it on the scoring page.");
	else if ((fields = calloc(score_change_fields_count,
	    sizeof(*fields))) == NULL)
		response_error(rs, 500, "Something went wrong.");
	else {
		/* The table with this lot's top of the scale, so a score
		 * above it is refused with the other fields. */
		memcpy(fields, score_change_fields, score_change_fields_count *
		    sizeof(*fields));
		fields[0].max_chars = (size_t)view_int(score, "scale_max");
		fp.fields = fields;
		snprintf(back, sizeof(back), "/questions/%lld/scores",
		    (long long)view_int(score, "question_id"));
		caption = request_words(rq, N_("Question {position}, "
		    "{bidder}"), score);
		fp.caption = caption;
		initial = json_pack("{s:I, s:O}", "score", (json_int_t)
		    view_int(score, "score"), "justification",
		    json_object_get(score, "justification"));
		json_object_set_new(initial, "score", json_sprintf("%lld",
		    (long long)view_int(score, "score")));
		fp.initial = initial;
		form_page_run(rq, rs, &fp);
		json_decref(initial);
		free(fields);
	}
	free(caption);
	json_decref(score);
}

void
bid_document_get(struct request *rq, struct response *rs)
{
	json_t	*bid = NULL, *lot = NULL;
	char	*mime = NULL, *ext = NULL;
	int64_t	 member;
	int	 rc;

	if (bid_load(rq->db, rq->ids[0], &bid) <= 0 ||
	    lot_load(rq->db, view_int(bid, "lot_id"), &lot) <= 0)
		rc = 0;
	else if (!lot_overseen_by(rq->db, &rq->who, lot) &&
	    (panel_member_of(rq->db, view_int(lot, "id"), rq->who.account_id,
	    &member) <= 0 || !declarations_clear(rq->db, member,
	    view_int(lot, "id")))) {
		/* Checked at every opening: a conflict declared since the
		 * last one closes the bid at once. */
		response_error(rs, 403, "Only panel members who have declared "
		    "no connection with any bidder can read the bids.");
		json_decref(bid);
		json_decref(lot);
		return;
	} else
		rc = bid_document_read(rq->db, rq->ids[0], &rs->body, &mime,
		    &ext);
	if (bid != NULL && lot != NULL)
		(void)json_object_set(bid, "lot", json_object_get(lot,
		    "title"));
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {lot}, the lot's title, and {bidder}. */
	response_download(rs, rc, mime, ext, language_words(rq->lang),
	    N_("bid-{lot}-{bidder}"), bid);
	json_decref(bid);
	json_decref(lot);
}
