/*
 * What a meeting's writers add to its record from the meeting's page: an
 * agenda item and a decision.  Each is a form of its own (GET shows it),
 * so a refused entry (empty, too long, a control character, a name)
 * comes back as typed with its error beside the box, and nothing is
 * stored; the meeting's page posts to the same address.  A meeting whose
 * minutes are approved offers neither.
 */
#include <stdlib.h>
#include <string.h>

#include "meetings.h"
#include "../db/db.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* Once its minutes are approved a meeting's record is closed: a 409
 * before any form, since none could be saved (the store refuses too, for
 * a request that races the approval).  1 when it has answered. */
static int
record_closed(struct response *rs, const json_t *m, const char *why,
    int *refused)
{
	if (strcmp(view_str(m, "minutes_state"), "draft") == 0)
		return 0;
	response_error(rs, 409, why);
	*refused = 1;
	return 1;
}

static int
agenda_item_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	rc = agenda_add(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/meetings/%lld#agenda", rq->ids[0]);
	return form_constraint(rc, errors, "title", N_("The minutes are "
	    "approved: the agenda can no longer change"));
}

static json_t *
agenda_item_prepare(struct request *rq, struct response *rs, json_t *m,
    struct form_page *fp, int *refused)
{
	(void)rq;
	(void)fp;
	record_closed(rs, m, N_("The minutes are approved: the agenda can no "
	    "longer change."), refused);
	return NULL;
}

void
meetings_agenda_add(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		meeting_load, "/meetings/%lld", "held_on", agenda_item_prepare,
	};
	struct form_page fp = {
		.title = N_("Add to the agenda"),
		.submit = N_("Add to the agenda"),
		.fields = agenda_item_fields,
		.nfields = agenda_item_fields_count, .save = agenda_item_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static int
decision_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*m = ctx;
	int		 rc;

	rc = decision_add(rq->db, rq->who.account_id, rq->ids[0],
	    view_str(v, "text"), json_is_true(json_object_get(m, "quorate")));
	if (rc == DB_OK)
		*location = location_of("/meetings/%lld#decisions", rq->ids[0]);
	return form_constraint(rc, errors, "text", N_("The minutes are "
	    "approved: no more decisions can be added"));
}

/* A decision is marked with whether the meeting was quorate, which
 * meeting_summary works out from who came. */
static json_t *
decision_prepare(struct request *rq, struct response *rs, json_t *m,
    struct form_page *fp, int *refused)
{
	(void)rq;
	if (record_closed(rs, m, N_("The minutes are approved: no more "
	    "decisions can be added."), refused))
		return NULL;
	meeting_summary(m);
	fp->ctx = m;	/* form_page_record keeps it until the end */
	return NULL;
}

void
decisions_add(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		meeting_load, "/meetings/%lld", "held_on", decision_prepare,
	};
	struct form_page fp = {
		.title = N_("Record a decision"),
		.submit = N_("Record the decision"),
		.fields = decision_fields,
		.nfields = decision_fields_count, .save = decision_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}
