/*
 * Who reads a personal plan, and the one way a page opens one: the
 * facts are read in one query, the rule (plan_reader_rule) decides, and
 * every read by anyone but the person is written to the audit chain in
 * the request's own transaction, so a read that cannot be recorded is
 * not shown (the routes are ROUTE_AUDITED_READ: a write transaction).
 */
#include <stdio.h>
#include <stdlib.h>

#include "plans.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../util/catalogue.h"
#include "../util/view.h"

static const char *sql_facts =
    "SELECT p.site_id, "
    "ifnull((SELECT person_id FROM accounts WHERE id = ?2), 0) = p.id "
    "AS is_person, "
    "ifnull((SELECT worker_id FROM plans WHERE person_id = p.id), 0) = ?2 "
    "AS is_worker, "
    "ifnull((SELECT to_site_id FROM release_plans WHERE person_id = p.id), "
    "0) AS to_site_id, "
    "EXISTS (SELECT 1 FROM treating_declarations d WHERE d.person_id = p.id "
    "AND d.account_id = ?2) AS declared FROM people p WHERE p.id = ?1";

int
plan_reader_of(struct db *db, const struct principal *who, int64_t person_id)
{
	struct plan_facts	 f;
	json_t			*row;
	int64_t			 to_site;
	int			 rc;

	if (who->account_id == 0)
		return PLAN_NOBODY;
	if ((rc = db_row(db, &row, sql_facts, "ii", person_id,
	    who->account_id)) <= 0)
		return rc < 0 ? -1 : PLAN_NOBODY;
	to_site = view_int(row, "to_site_id");
	f.is_person = view_int(row, "is_person") != 0;
	f.is_worker = view_int(row, "is_worker") != 0;
	f.declared = view_int(row, "declared") != 0;
	/* The site they are released to takes over their care. */
	f.coordinator = access_covers(who, ROLE_BIT(ROLE_COORDINATOR),
	    view_int(row, "site_id"), 0) || (to_site != 0 &&
	    access_covers(who, ROLE_BIT(ROLE_COORDINATOR), to_site, 0));
	json_decref(row);
	return plan_reader_rule(&f);
}

int
plan_read_recorded(struct request *rq, struct response *rs,
    int64_t person_id, const char *what)
{
	char	*detail;
	int	 rc;

	/* The page read, as dispatch records a person's record read, so the
	 * admin's list of reads says where: "/people/5/plan (printed)". */
	if (asprintf(&detail, "%s (%s)", rq->path, what) == -1)
		detail = NULL;
	rc = detail != NULL ? audit_append(rq->db, rq->who.account_id,
	    "plan.read", "person", person_id, detail) : DB_ERROR;
	free(detail);
	if (rc == DB_OK)
		return 1;
	rs->retry_after = 1;
	response_error(rs, 503, "The plan was not shown because its reading "
	    "could not be recorded. Try again.");
	return 0;
}

json_t *
plan_open(struct request *rq, struct response *rs, int64_t person_id,
    const char *what, enum plan_reader *reader)
{
	json_t	*person;
	int	 r;

	if ((r = person_load(rq->db, person_id, &person)) <= 0) {
		response_error(rs, r < 0 ? 500 : 404, r < 0 ?
		    "Something went wrong." : "Page not found.");
		return NULL;
	}
	if ((r = plan_reader_of(rq->db, &rq->who, person_id)) <= PLAN_NOBODY) {
		json_decref(person);
		response_error(rs, r < 0 ? 500 : 403, r < 0 ?
		    "Something went wrong." : N_("Only the person, their "
		    "named worker and coordinators at their site can read "
		    "this plan."));
		return NULL;
	}
	if (r != PLAN_PERSON && !plan_read_recorded(rq, rs, person_id, what)) {
		json_decref(person);
		return NULL;
	}
	*reader = (enum plan_reader)r;
	return person;
}

int
plan_writer(struct request *rq, struct response *rs, int64_t person_id)
{
	int	 r = plan_reader_of(rq->db, &rq->who, person_id);

	if (r != PLAN_WORKER && r != PLAN_COORDINATOR) {
		response_error(rs, r < 0 ? 500 : 403, r < 0 ?
		    "Something went wrong." : N_("Only their named worker "
		    "and coordinators at their site can change this plan."));
		return 0;
	}
	/* A form on the plan shows some of it (the release date, the
	 * service referred to): showing it is a read. */
	return rq->method != HTTP_GET || plan_read_recorded(rq, rs, person_id,
	    "form");
}
