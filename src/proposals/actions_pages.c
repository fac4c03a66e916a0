/*
 * Actions: each accepted part of a proposal becomes actions with an
 * owner, a due date and progress, closed with evidence.  Anything past
 * its date is overdue, and its escalation level rises each week.
 */
#include <stdio.h>
#include <stdlib.h>

#include "proposals.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../voice/voice.h"
#include "../util/catalogue.h"
#include "../util/view.h"

static int
action_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int64_t	 id;
	int	 rc;

	(void)ctx;
	date_today(rq->now, today);
	rc = action_add(rq->db, rq->who.account_id, rq->ids[0], v, today, &id);
	if (rc == DB_OK)
		*location = location_of("/proposals/%lld#actions", rq->ids[0]);
	return form_constraint(rc, errors, "text",
	    "Actions follow from an accepted proposal");
}

/* Owners are people who work at the proposal's site. */
static json_t *
owners_prepare(struct request *rq, struct response *rs, json_t *p,
    struct form_page *fp, int *refused)
{
	json_t	*options;

	(void)rs;
	(void)refused;
	options = json_pack("{s:o}", "owner_id", account_options_at(rq->db,
	    view_int(p, "site_id")));
	fp->options = options;
	return options;
}

void
actions_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		proposal_load, "/proposals/%lld", "title", owners_prepare,
	};
	struct form_page fp = {
		.title = N_("Add an action"), .submit = N_("Add action"),
		.fields = action_fields, .nfields = action_fields_count,
		.save = action_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* The action; the route table has let through only its owner or staff
 * at the site (ROUTE_OWNER_OR_STAFF: action_target knows the owner). */
static json_t *
action_for(struct request *rq, struct response *rs)
{
	json_t	*a;

	if (action_load(rq->db, rq->ids[0], &a) <= 0) {
		response_error(rs, 404, "Page not found.");
		return NULL;
	}
	return a;
}

/* Where an action lives: its proposal, or its group's action points. */
static char *
action_home(const json_t *a)
{
	if (view_int(a, "proposal_id") > 0)
		return location_of("/proposals/%lld#actions",
		    view_int(a, "proposal_id"));
	return location_of("/groups/%lld/action-points", view_int(a, "group_id"));
}

static int
update_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	date_today(rq->now, today);
	rc = action_update(rq->db, rq->who.account_id, rq->ids[0], v, today);
	if (rc == DB_OK)
		*location = action_home(ctx);
	return form_constraint(rc, errors, "note", "This action is closed");
}

static int
close_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	date_today(rq->now, today);
	rc = action_close(rq->db, rq->who.account_id, rq->ids[0], v, today);
	if (rc == DB_OK)
		*location = action_home(ctx);
	return form_constraint(rc, errors, "evidence",
	    "This action is already closed");
}

static int
reassign_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	rc = action_reassign(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = action_home(ctx);
	return form_constraint(rc, errors, "owner_id",
	    "A closed action cannot be handed on");
}

/* A form_ready: a closed action is not changed, closed or handed on. */
static const char *
action_open(const struct request *rq, const json_t *a)
{
	(void)rq;
	return json_string_value(json_object_get(a, "closed_on")) == NULL ?
	    NULL :
	    N_("This action is closed");
}

/* The form for one action; with owners, offers who may take it over. */
static void
action_form(struct request *rq, struct response *rs, struct form_page *fp,
    int owners)
{
	json_t	*a, *options = NULL;
	char	*back;

	if ((a = action_for(rq, rs)) == NULL)
		return;
	if (owners)
		fp->options = options = json_pack("{s:o}", "owner_id",
		    takeover_options(rq->db, view_int(a, "site_id"), 0,
		    view_int(a, "owner_id")));
	fp->back = back = action_home(a);
	fp->caption = json_string_value(json_object_get(a, "text"));
	fp->ctx = a;
	fp->record = a;
	fp->ready = action_open;
	form_page_run(rq, rs, fp);
	free(back);
	json_decref(options);
	json_decref(a);
}

void
actions_update(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Record progress"), .submit = N_("Save progress"),
		.fields = action_update_fields,
		.nfields = action_update_fields_count, .save = update_store,
	};

	action_form(rq, rs, &fp, 0);
}

void
actions_close(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Close the action"), .submit = N_("Close it"),
		.fields = action_close_fields,
		.nfields = action_close_fields_count, .save = close_store,
	};

	action_form(rq, rs, &fp, 0);
}

void
actions_reassign(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Hand this action to someone else"),
		.submit = N_("Hand it on"), .fields = action_reassign_fields,
		.nfields = action_reassign_fields_count, .save = reassign_store,
	};

	action_form(rq, rs, &fp, 1);
}

static void
escalate_all(json_t *rows, const char *today)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row) {
		const char *due = json_string_value(json_object_get(row,
		    "due_on"));

		json_object_set_new(row, "days_overdue",
		    json_integer(date_diff_days(due, today)));
		json_object_set_new(row, "escalation",
		    json_integer(proposal_escalation(due, today)));
	}
}

void
overdue_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;
	struct paging		 pr, pa;
	json_t			*responses, *actions, *view;
	char			 today[DATE_CHARS + 1];

	if (paging_refused_list(&pr, rq, rs, "responses"))
		return;
	if (paging_refused_list(&pa, rq, rs, "actions")) {
		paging_clear(&pr);
		return;
	}
	if (access_filter(&rq->who, ROLES_STAFF | ROLE_BIT(ROLE_DECISION_MAKER),
	    0, &f) == -1) {
		response_error(rs, 500, "Something went wrong.");
		goto done;
	}
	date_today(rq->now, today);
	responses = overdue_responses(rq->db, &f, today, &pr);
	actions = overdue_actions(rq->db, &f, today, &pa);
	escalate_all(responses, today);
	escalate_all(actions, today);
	view = json_pack("{s:s, s:o, s:o}", "title",
	    N_("Overdue answers and actions"), "responses",
	    responses, "actions", actions);
	paging_finish(&pr, rq, view, responses, "due_on");
	paging_finish(&pa, rq, view, actions, "due_on");
	response_view(rs, "proposals/overdue", view);
	scope_filter_clear(&f);
done:
	paging_clear(&pr);
	paging_clear(&pa);
}
