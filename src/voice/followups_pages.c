/*
 * Follow-ups: each person's own, overdue first; a coordinator's view of
 * everyone's at their sites; closing with a note; handing one on when
 * its owner is moved or released.
 */
#include <stdlib.h>

#include "voice.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

static void
followups_page(struct request *rq, struct response *rs, int everyone)
{
	struct scope_filter	 f;
	struct paging		 pg;
	json_t			*rows, *view;
	char			 today[DATE_CHARS + 1];
	int			 open_only = form_get(&rq->query, "closed") == NULL;

	if (paging_refused(&pg, rq, rs))
		return;
	if (access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1) {
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	date_today(rq->now, today);
	rows = followup_list(rq->db, everyone ? 0 : rq->who.account_id,
	    everyone ? &f : NULL, open_only, &pg);
	voice_labels_all(rows, today);
	view = json_pack("{s:s, s:o, s:b, s:b, "
	    "s:b, s:o}", "title", everyone ? N_("Everyone's follow-ups") :
	    N_("My follow-ups"), "followups", rows, "everyone", everyone,
	    "open_only", open_only, "is_staff",
	    access_any(&rq->who, ROLES_STAFF), "notice",
	    form_get_id(&rq->query, "closed_id") ? json_pack("{s:s}", "text",
	    N_("Follow-up closed.")) : form_get_id(&rq->query, "moved") ?
	    json_pack("{s:s}", "text", N_("Follow-up handed on.")) :
	    json_null());
	paging_finish(&pg, rq, view, rows, "due_on");
	response_view(rs, "voice/followups", view);
	paging_clear(&pg);
	scope_filter_clear(&f);
}

void
followups_mine(struct request *rq, struct response *rs)
{
	followups_page(rq, rs, 0);
}

void
followups_all(struct request *rq, struct response *rs)
{
	followups_page(rq, rs, 1);
}

static int
close_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	(void)ctx;
	date_today(rq->now, today);
	rc = followup_close(rq->db, rq->who.account_id, rq->ids[0], v, today);
	if (rc == DB_OK)
		*location = location_of("/followups?closed_id=%lld", rq->ids[0]);
	return form_constraint(rc, errors, "close_note",
	    "This follow-up is already closed");
}

/* A form_ready: a closed follow-up is not closed again. */
static const char *
followup_open(const struct request *rq, const json_t *fu)
{
	(void)rq;
	return json_string_value(json_object_get(fu, "closed_on")) == NULL ?
	    NULL :
	    N_("This follow-up is already closed");
}

/* Loads the follow-up for a form, or answers 404 itself.  Who may
 * close it (its owner, or staff at its site) the route table has
 * decided: followup_target knows the owner, so a page asking
 * route_allowed draws the Close link by the same rule. */
static json_t *
followup_for_form(struct request *rq, struct response *rs)
{
	json_t	*fu;

	if (followup_load(rq->db, rq->ids[0], &fu) <= 0) {
		response_error(rs, 404, "Page not found.");
		return NULL;
	}
	return fu;
}

void
followups_close(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Close this follow-up"), .submit = N_("Close it"),
		.back = "/followups", .fields = followup_close_fields,
		.nfields = followup_close_fields_count, .save = close_store,
		.ready = followup_open,
	};
	json_t	*fu;

	if ((fu = followup_for_form(rq, rs)) == NULL)
		return;
	fp.caption = json_string_value(json_object_get(fu, "action"));
	fp.record = fu;
	form_page_run(rq, rs, &fp);
	json_decref(fu);
}

static int
reassign_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	rc = followup_reassign(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/followups/all?moved=%lld", rq->ids[0]);
	return form_constraint(rc, errors, "owner_id",
	    "A closed follow-up cannot be handed on");
}

void
followups_reassign(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Hand this follow-up to someone else"),
		.submit = N_("Hand it on"), .back = "/followups/all",
		.fields = followup_reassign_fields,
		.nfields = followup_reassign_fields_count,
		.save = reassign_store,
	};
	json_t	*fu, *options = NULL;

	if ((fu = followup_for_form(rq, rs)) == NULL)
		return;
	/* Someone else able to hold it at the follow-up's site. */
	options = json_pack("{s:o}", "owner_id", takeover_options(rq->db,
	    view_int(fu, "site_id"), 0, view_int(fu, "owner_id")));
	fp.caption = json_string_value(json_object_get(fu, "action"));
	fp.options = options;
	fp.initial = fu;
	form_page_run(rq, rs, &fp);
	json_decref(options);
	json_decref(fu);
}
