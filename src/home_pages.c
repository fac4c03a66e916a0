/*
 * The home page and the health check.
 */
#include <stdlib.h>
#include <string.h>

#include "home_pages.h"
#include "auth/account.h"
#include "db/db.h"
#include "peer/peer.h"
#include "people/people.h"
#include "plans/plans.h"
#include "procurement/procurement.h"
#include "server/form_page.h"

/* Staff hear what an account that can no longer act still owns, each
 * with the form that hands it on: a promise must not lie with nobody. */
static void
ownerless_add(struct request *rq, json_t *view)
{
	struct scope_filter	 f;
	json_t			*rows;

	if (view == NULL || !access_any(&rq->who, ROLES_STAFF) ||
	    access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1)
		return;
	if ((rows = needing_new_owner(rq->db, &f)) != NULL)
		json_object_set_new(view, "needs_new_owner", rows);
	scope_filter_clear(&f);
}

void
home(struct request *rq, struct response *rs)
{
	static const char *sql_org = "SELECT name FROM organisation WHERE id = 1";
	json_t	*org = NULL;
	json_t	*view;

	if (db_row(rq->db, &org, sql_org, "") < 0) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	/* A moderator hears at once that a panel needs a reserve. */
	view = json_pack("{s:s, s:o, s:o, s:o, s:b, s:b, "
	    "s:o}", "title", "Home",
	    "needs_reserves", lots_needing_reserves(rq->db,
	    rq->who.account_id),
	    "organisation", org ? org : json_object(),
	    "grants", account_grants_view(rq->db, rq->who.account_id),
	    "is_staff", access_any(&rq->who, ROLES_STAFF),
	    "has_role", rq->who.ngrants > 0,
	    "notice", password_notice(rq));
	/* A moderator who holds only the evaluator role reaches their lots
	 * from home, as from the Procurement page. */
	lots_moderated_add(view, rq->db, rq->who.account_id);
	ownerless_add(rq, view);
	/* A named worker finds the people whose plans they make (names
	 * only: opening a plan is the recorded read). */
	if (view != NULL) {
		json_t	*mine = plans_of_worker(rq->db, rq->who.account_id);

		json_object_set_new(view, "has_my_plans",
		    json_boolean(json_array_size(mine) > 0));
		json_object_set_new(view, "my_plans", mine ? mine :
		    json_array());
	}
	peer_home_add(rq, view);
	response_view(rs, "home", view);
}

void
healthz(struct request *rq, struct response *rs)
{
	static const char *sql = "SELECT count(*) FROM schema_migrations";
	int64_t	 n;

	if (db_int(rq->db, &n, sql, "") <= 0) {
		response_error(rs, 503, "The database is not ready.");
		return;
	}
	rs->status = 200;
	rs->content_type = strdup("application/json");
	buf_puts(&rs->body, "{\"status\":\"ok\"}\n");
}
