/*
 * What a meeting's writers add to its record from the meeting's page: an
 * agenda item and a decision.  Each is a form of its own (GET shows it),
 * so a refused entry (empty, too long, a control character, a name)
 * comes back as typed with its error beside the box, and nothing is
 * stored; the meeting's page posts to the same address.
 */
#include <stdlib.h>

#include "meetings.h"
#include "../db/db.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/view.h"

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

void
meetings_agenda_add(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		meeting_load, "/meetings/%lld", "held_on", NULL,
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
	(void)rs;
	(void)refused;
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
