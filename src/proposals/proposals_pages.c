/*
 * Drafting a proposal, commenting on it, the group's vote and sending it
 * to a decision maker.  Staff-only comments are filtered in SQL, so no
 * page, search or JSON can show them to members.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proposals.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../server/saved_notice.h"
#include "../voice/voice.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* Who may read staff-only comments and act for the organisation. */
#define PROPOSAL_STAFF	(ROLES_STAFF | ROLE_BIT(ROLE_DECISION_MAKER))

/* Labels the row with its state on the day, which it returns (-1 when
 * unknown): a deferral that has run out is due again and escalates. */
static int
proposal_labels(json_t *row, const char *today)
{
	int	 state = proposal_state_parse(json_string_value(
	    json_object_get(row, "state")));
	const char *due = json_string_value(json_object_get(row, "due_on"));
	const char *until = json_string_value(json_object_get(row,
	    "deferred_until"));

	if (state < 0)
		return -1;
	json_object_set_new(row, "state_label", json_string(
	    proposal_state_label_on((enum proposal_state)state, until, today)));
	state = proposal_state_on((enum proposal_state)state, until, today);
	json_object_set_new(row, "answer", proposal_answer(state, row, today));
	if (state == PS_SUBMITTED && due != NULL) {
		json_object_set_new(row, "escalation",
		    json_integer(proposal_escalation(due, today)));
		json_object_set_new(row, "days_waiting", json_integer(
		    date_diff_days(json_string_value(json_object_get(row,
		    "submitted_on")), today)));
	}
	return state;
}

void
proposals_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;
	struct paging		 pg;
	struct choice		 states[PS__MAX + 1];
	json_t			*rows, *row, *view;
	char			 today[DATE_CHARS + 1];
	size_t			 i;

	if (paging_refused(&pg, rq, rs))
		return;
	if (access_filter(&rq->who, ROLES_ALL, 0, &f) == -1) {
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	date_today(rq->now, today);
	rows = proposal_list(rq->db, &f, paging_filter(rq, "state"), &pg);
	json_array_foreach(rows, i, row)
		proposal_labels(row, today);
	for (i = 0; i < PS__MAX; i++)
		states[i] = (struct choice){ proposal_state_names[i],
		    proposal_state_labels[i] };
	states[PS__MAX] = (struct choice){ NULL, NULL };
	view = json_pack("{s:s, s:o, s:o}", "title", N_("Proposals"), "proposals",
	    rows, "filter", paging_filter_view("state", N_("State"), states,
	    paging_filter(rq, "state")));
	paging_finish(&pg, rq, view, rows, NULL);
	response_view(rs, "proposals/list", view);
	paging_clear(&pg);
	scope_filter_clear(&f);
}

/* Options as the form's one-a-line text. */
static char *
options_text(struct db *db, int64_t id)
{
	json_t		*opts = proposal_options_list(db, id), *o;
	struct buf	 b;
	size_t		 i;

	buf_init(&b, TEXT_MAX_CHARS * 4);
	json_array_foreach(opts, i, o)
		buf_printf(&b, "%s\n", json_string_value(json_object_get(o,
		    "text")));
	json_decref(opts);
	return buf_detach(&b, NULL);
}

static int
proposal_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int64_t	 id = ctx ? *(int64_t *)ctx : 0;
	int	 rc;

	date_today(rq->now, today);
	if (id == 0)
		rc = proposal_add(rq->db, rq->who.account_id, rq->ids[0], v,
		    today, &id);
	else
		rc = proposal_update(rq->db, rq->who.account_id, id, v);
	if (rc == DB_OK)
		*location = location_of("/proposals/%lld", id);
	return form_constraint(rc, errors, "title",
	    "Only a draft can be changed");
}

static json_t *
new_prepare(struct request *rq, struct response *rs, json_t *group,
    struct form_page *fp, int *refused)
{
	json_t	*options;

	(void)rs;
	(void)group;
	(void)refused;
	options = json_pack("{s:o}", "issue_ids", group_issue_options(rq->db,
	    rq->ids[0]));
	fp->options = options;
	return options;
}

void
proposals_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld", "name", new_prepare,
	};
	struct form_page fp = {
		.title = N_("Draft a proposal"), .submit = N_("Save draft"),
		.fields = proposal_fields, .nfields = proposal_fields_count,
		.save = proposal_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* Whether a proposal's state lets each form be saved (form_ready):
 * the form says so before it is filled in, as its save would after. */
static int
proposal_is(const struct request *rq, const json_t *p,
    enum proposal_state state)
{
	char	 today[DATE_CHARS + 1];
	int	 now = proposal_state_parse(view_str(p, "state"));

	date_today(rq->now, today);
	return now >= 0 && proposal_state_on((enum proposal_state)now,
	    view_str(p, "deferred_until"), today) == state;
}

static const char *
draft_to_change(const struct request *rq, const json_t *p)
{
	return proposal_is(rq, p, PS_DRAFT) ? NULL :
	    N_("Only a draft can be changed.");
}

static const char *
draft_to_decide(const struct request *rq, const json_t *p)
{
	return proposal_is(rq, p, PS_DRAFT) ? NULL :
	    N_("The group can only decide on a draft");
}

static const char *
agreed_to_send(const struct request *rq, const json_t *p)
{
	return proposal_is(rq, p, PS_AGREED) ? NULL :
	    N_("Only a proposal the group agreed can be sent");
}

const char *
proposal_waits_for_response(const struct request *rq, const json_t *p)
{
	return proposal_is(rq, p, PS_SUBMITTED) ? NULL :
	    N_("This proposal is not waiting for your response");
}

/* The draft's values as the form shows them; its group's issues. */
static json_t *
edit_prepare(struct request *rq, struct response *rs, json_t *p,
    struct form_page *fp, int *refused)
{
	char	*opts;

	(void)rs;
	(void)refused;
	opts = options_text(rq->db, rq->ids[0]);
	json_object_set_new(p, "options", json_string(opts ? opts : ""));
	json_object_set_new(p, "issue_ids", proposal_issue_ids(rq->db,
	    rq->ids[0]));
	free(opts);
	fp->initial = p;	/* form_page_record keeps it until the end */
	fp->options = json_pack("{s:o}", "issue_ids", group_issue_options(
	    rq->db, view_int(p, "group_id")));
	return (json_t *)fp->options;
}

void
proposals_edit(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		proposal_load, "/proposals/%lld", "group_name", edit_prepare,
	};
	struct form_page fp = {
		.title = N_("Change the draft"), .submit = N_("Save draft"),
		.fields = proposal_fields, .nfields = proposal_fields_count,
		.save = proposal_store, .ctx = &rq->ids[0],
		.ready = draft_to_change,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* Words for the timeline's states and the responses' kinds. */
static void
history_labels(json_t *view)
{
	json_t	*row;
	size_t	 i;
	int	 state;

	json_array_foreach(json_object_get(view, "timeline"), i, row) {
		state = proposal_state_parse(json_string_value(
		    json_object_get(row, "state")));
		if (state >= 0)
			json_object_set_new(row, "state_label",
			    json_string(proposal_state_labels[state]));
	}
	json_array_foreach(json_object_get(view, "responses"), i, row)
		json_object_set_new(row, "kind_label", json_string(choice_label(
		    response_kinds, json_string_value(json_object_get(row,
		    "kind")))));
}

void
proposals_show(struct request *rq, struct response *rs)
{
	json_t	*p, *ev, *view;
	char	 today[DATE_CHARS + 1];
	int	 staff, exact, state, t = rq->app->config->suppression_threshold;

	if (proposal_load(rq->db, rq->ids[0], &p) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	date_today(rq->now, today);
	state = proposal_labels(p, today);
	staff = access_covers(&rq->who, PROPOSAL_STAFF, view_int(p, "site_id"),
	    view_int(p, "group_id"));
	/* The evidence is counted from logs: small counts stay hidden
	 * outside coordinators' views, decision makers' included. */
	exact = access_covers(&rq->who, ROLES_STAFF, view_int(p, "site_id"),
	    view_int(p, "group_id"));
	if ((ev = proposal_evidence(rq->db, rq->ids[0])) != NULL &&
	    voice_evidence_counts(ev, t, exact, NULL) == -1) {
		json_decref(ev);
		json_decref(p);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	view = json_pack("{s:O, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "title", json_object_get(p, "title"), "proposal", p,
	    "options", proposal_options_list(rq->db, rq->ids[0]),
	    "evidence", ev ? ev : json_object(),
	    "timeline", proposal_timeline(rq->db, rq->ids[0]),
	    "comments", proposal_comments(rq->db, rq->ids[0], staff),
	    "responses", proposal_responses(rq->db, rq->ids[0]),
	    "actions", action_list(rq->db, rq->ids[0]));
	if (view != NULL) {
		history_labels(view);
		json_object_set_new(view, "can_amend", json_boolean(
		    state == PS_DRAFT));
		json_object_set_new(view, "can_vote", json_boolean(
		    state == PS_DRAFT));
		json_object_set_new(view, "can_submit", json_boolean(
		    state == PS_AGREED && access_covers(&rq->who, ROLES_STAFF,
		    view_int(p, "site_id"), view_int(p, "group_id"))));
		json_object_set_new(view, "can_resubmit", json_boolean(
		    (state == PS_DEFERRED || state == PS_MORE_INFO) &&
		    access_covers(&rq->who, ROLES_STAFF, view_int(p, "site_id"),
		    view_int(p, "group_id"))));
		json_object_set_new(view, "can_respond", json_boolean(
		    state == PS_SUBMITTED && view_int(p, "decision_maker_id") ==
		    rq->who.account_id));
		json_object_set_new(view, "can_add_action", json_boolean(
		    (state == PS_ACCEPTED || state == PS_ACCEPTED_IN_PART) &&
		    staff));
		json_object_set_new(view, "is_staff", json_boolean(staff));
		json_object_set_new(view, "can_respond_or_wait", json_boolean(
		    state == PS_SUBMITTED));
		json_object_set_new(view, "has_actions", json_boolean(
		    json_array_size(json_object_get(view, "actions")) > 0));
		actions_mark_late(json_object_get(view, "actions"), today);
	}
	response_view(rs, "proposals/show", view);
}

static int
comment_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = proposal_comment(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/proposals/%lld#comments", rq->ids[0]);
	return rc;
}

void
proposals_comment(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Comment on the proposal"),
		.submit = N_("Add comment"),
		.fields = comment_fields, .nfields = comment_fields_count,
		.save = comment_store,
	};
	char	*back = location_of("/proposals/%lld", rq->ids[0]);

	fp.back = back;
	form_page_run(rq, rs, &fp);
	free(back);
}

/* Checked with the fields, so every error shows in one answer, in
 * the words of the form the reader was given. */
static int
votes_given(const json_t *v)
{
	return json_is_true(json_object_get(v, "consensus")) ||
	    json_is_integer(json_object_get(v, "votes_for"));
}

static int
vote_rules(const json_t *v, json_t *errors)
{
	if (!votes_given(v))
		form_error(errors, "votes_for", N_("Enter the votes, or tick that "
		    "it was decided by consensus"));
	return 0;
}

static int
vote_rules_easy(const json_t *v, json_t *errors)
{
	if (!votes_given(v))
		form_error(errors, "votes_for", N_("Write how many people said "
		    "yes, or tick that everyone agreed"));
	return 0;
}

static int
vote_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1], *page;
	int	 rc;

	(void)ctx;
	date_today(rq->now, today);
	rc = proposal_vote(rq->db, rq->who.account_id, rq->ids[0], v, today);
	if (rc == DB_OK && (page = location_of("/proposals/%lld",
	    rq->ids[0])) != NULL) {
		*location = saved_location(page, SAVED_DECISION);
		free(page);
	}
	return form_constraint(rc, errors, "outcome",
	    "The group can only decide on a draft");
}

/* The vote form's date: today, which the group may change. */
static json_t *
vote_prepare(struct request *rq, struct response *rs, json_t *p,
    struct form_page *fp, int *refused)
{
	char	 today[DATE_CHARS + 1];

	(void)rs;
	(void)p;
	(void)refused;
	date_today(rq->now, today);
	return form_page_keep(fp, json_pack("{s:{s:s}}", "initial",
	    "decided_on", today));
}

void
proposals_vote(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		proposal_load, "/proposals/%lld", "title", vote_prepare,
	};
	struct form_page fp = {
		.title = N_("Record the group's decision"),
		.submit = N_("Save the decision"),
		.fields = vote_fields, .nfields = vote_fields_count,
		.save = vote_store, .rules = vote_rules,
		.ready = draft_to_decide,
	};

	if (rq->easy_read) {
		fp.fields = vote_fields_easy;
		fp.rules = vote_rules_easy;
		fp.title = N_("Write down what the group decided");
		fp.lede = N_("Did your group agree to send this? Write down "
		    "what the group said.");
		fp.submit = N_("Save what the group decided");
	}
	form_page_record(rq, rs, &fp, &fr);
}

static int
submit_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	(void)ctx;
	date_today(rq->now, today);
	rc = proposal_submit(rq->db, rq->who.account_id, rq->ids[0],
	    view_int(v, "decision_maker_id"), today);
	if (rc == DB_OK)
		*location = location_of("/proposals/%lld", rq->ids[0]);
	return form_constraint(rc, errors, "decision_maker_id",
	    "Only a proposal the group agreed can be sent");
}

static json_t *
submit_prepare(struct request *rq, struct response *rs, json_t *p,
    struct form_page *fp, int *refused)
{
	json_t	*options;

	(void)rs;
	(void)refused;
	options = json_pack("{s:o}", "decision_maker_id",
	    decision_maker_options(rq->db, view_int(p, "site_id"),
	    view_int(p, "group_id"), 0));
	fp->options = options;
	return options;
}

void
proposals_submit(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		proposal_load, "/proposals/%lld", "title", submit_prepare,
	};
	struct form_page fp = {
		.title = N_("Send to a decision maker"),
		.submit = N_("Send to the decision maker"),
		.fields = submit_fields, .nfields = submit_fields_count,
		.save = submit_store, .ready = agreed_to_send,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
proposals_resubmit(struct request *rq, struct response *rs)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	date_today(rq->now, today);
	rc = proposal_resubmit(rq->db, rq->who.account_id, rq->ids[0], today);
	response_after_move(rs, rc, "Only a deferred proposal, or one that "
	    "needed more information, can be sent again.", "/proposals/%lld",
	    rq->ids[0]);
}
