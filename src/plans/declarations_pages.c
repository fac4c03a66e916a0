/*
 * Treating relationships: a staff member joining a co-production group
 * who has treated one of its members declares it, so that what they
 * know from treatment stays out of the group.  From then on they never
 * read that member's personal plan (plan_reader_rule), are never
 * offered as their named worker, and the group's coordinators see the
 * declaration.  Declarations are appended, never removed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "plans.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

static int
declaration_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	(void)ctx;
	date_today(rq->now, today);
	rc = declaration_add(rq->db, rq->who.account_id, rq->ids[0],
	    view_int(v, "person_id"), today);
	if (rc == DB_OK)
		*location = location_of("/groups/%lld", rq->ids[0]);
	return form_constraint(rc, errors, "person_id", "Choose a member of "
	    "the group");
}

static json_t *
declaration_prepare(struct request *rq, struct response *rs, json_t *group,
    struct form_page *fp, int *refused)
{
	(void)rs;
	(void)refused;
	return form_page_keep(fp, json_pack("{s:{s:o}}", "options",
	    "person_id", group_member_options(rq->db, view_int(group, "id"))));
}

void
declaration_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld", "name", declaration_prepare,
	};
	struct form_page fp = {
		.title = N_("Declare that you have treated a member"),
		.submit = N_("Declare"), .fields = declaration_fields,
		.nfields = declaration_fields_count, .save = declaration_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
declarations_index(struct request *rq, struct response *rs)
{
	json_t	*group;

	if ((group = group_for_page(rq, rs)) == NULL)
		return;
	response_view(rs, "plans/declarations", json_pack("{s:s, s:o, s:o}",
	    "title", N_("Treating relationships declared"), "group", group,
	    "declarations", declaration_list(rq->db, rq->ids[0])));
}
