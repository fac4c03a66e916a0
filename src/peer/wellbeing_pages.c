/*
 * Supporters' own wellbeing: the supervisors' page of a site (debriefs
 * asked for after difficult contacts, each supporter's supervision due
 * or overdue, who has stepped back), marking a debrief done, and a
 * supporter stepping back for a while, and returning, without losing
 * their role.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peer.h"
#include "../server/language.h"
#include "../auth/account.h"
#include "../db/db.h"
#include "../membership/membership.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../server/paging.h"
#include "../util/uk_time.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* Adds to each supporter (rows of {value, label}) their break in force
 * and whether their supervision is overdue (overdue: rows of
 * supervision_overdue at the site). */
static void
supporters_state(struct db *db, json_t *supporters, const json_t *overdue,
    const char *today)
{
	json_t	*s, *o, *brk;
	size_t	 i, j;

	json_array_foreach(supporters, i, s) {
		if (peer_break_current(db, view_int(s, "value"), today,
		    &brk) > 0)
			json_object_set_new(s, "stepped_back", brk);
		json_array_foreach(overdue, j, o)
			if (view_int(o, "person_id") == view_int(s, "value")) {
				json_object_set(s, "supervision_due",
				    json_object_get(o, "due_on"));
				json_object_set(s, "days_overdue",
				    json_object_get(o, "days_overdue"));
			}
	}
}

void
peer_wellbeing(struct request *rq, struct response *rs)
{
	struct scope_filter	 f = { 0, NULL, NULL };
	struct paging		 pg = { 0, NULL, LIST_ROWS_MAX, NULL };
	char			 ids[32], today[DATE_CHARS + 1];
	json_t			*site, *debriefs, *supporters, *overdue;
	int			 minutes;

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	uk_local((int64_t)rq->now, today, &minutes);
	snprintf(ids, sizeof(ids), "[%lld]", (long long)rq->ids[0]);
	f.site_ids = ids;
	f.group_ids = (char *)"[]";
	debriefs = peer_debriefs_open(rq->db, rq->ids[0]);
	supporters = peer_supporter_options(rq->db, rq->ids[0], today);
	overdue = supervision_overdue(rq->db, &f, today, &pg);
	supporters_state(rq->db, supporters, overdue, today);
	json_decref(overdue);
	response_view(rs, "peer/wellbeing", json_pack("{s:s, s:o, s:o, s:o}",
	    "title", N_("Supporters' wellbeing"), "site", site, "debriefs",
	    debriefs, "supporters", supporters));
}

void
peer_debrief_done_page(struct request *rq, struct response *rs)
{
	char		 today[DATE_CHARS + 1];
	struct target	 t;

	date_today(rq->now, today);
	if (peer_debrief_target(rq->db, rq->ids, &t) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	response_after_move(rs, peer_debrief_done(rq->db, rq->who.account_id,
	    rq->ids[0], today), "This debrief is already done.",
	    "/sites/%lld/peer/wellbeing", t.site_id);
}

/* The caller's person when they are a current supporter, else 0. */
static int64_t
own_supporter(struct request *rq)
{
	char	 today[DATE_CHARS + 1];
	json_t	*person;
	int64_t	 id = account_person(rq->db, rq->who.account_id);
	int	 minutes, yes;

	uk_local((int64_t)rq->now, today, &minutes);
	if (id <= 0 || person_load(rq->db, id, &person) <= 0)
		return 0;
	yes = peer_is_supporter(rq->db, id, view_int(person, "site_id"),
	    today) > 0;
	json_decref(person);
	return yes ? id : 0;
}

static int
step_back_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const int64_t	*person = ctx;
	char		 today[DATE_CHARS + 1];
	int		 minutes, rc;

	uk_local((int64_t)rq->now, today, &minutes);
	if (*person <= 0) {
		form_error(errors, "from_on", N_("Only a peer supporter can step "
		    "back from peer support"));
		return DB_CONSTRAINT;
	}
	if (date_diff_days(today, view_str(v, "from_on")) < 0) {
		form_error(errors, "from_on",
		    N_("Step back from today or later"));
		return DB_CONSTRAINT;
	}
	if (json_is_string(json_object_get(v, "to_on")) &&
	    date_diff_days(view_str(v, "from_on"), view_str(v, "to_on")) <= 0) {
		form_error(errors, "to_on", N_("The day you are back must be after "
		    "the day you step back"));
		return DB_CONSTRAINT;
	}
	rc = peer_step_back(rq->db, rq->who.account_id, *person,
	    view_str(v, "from_on"), json_string_value(json_object_get(v,
	    "to_on")));
	if (rc == DB_OK)
		*location = strdup("/account/peer/step-back");
	return rc;
}

void
peer_step_back_page(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Step back from peer support for a while"),
		.submit = N_("Step back"), .fields = peer_step_back_fields,
		.nfields = peer_step_back_fields_count, .save = step_back_store,
		.back = "/",
	};
	char	 today[DATE_CHARS + 1];
	json_t	*brk, *initial;
	int64_t	 id = own_supporter(rq);
	int	 minutes;

	uk_local((int64_t)rq->now, today, &minutes);
	if (rq->method == HTTP_GET && id == 0) {
		response_view(rs, "peer/stepped_back", json_pack("{s:s, s:b}",
		    "title", N_("Stepping back"), "not_supporter", 1));
		return;
	}
	if (rq->method == HTTP_GET && peer_break_current(rq->db, id, today,
	    &brk) > 0) {
		response_view(rs, "peer/stepped_back", json_pack("{s:s, s:o}",
		    "title", N_("You have stepped back"), "break", brk));
		return;
	}
	initial = json_pack("{s:s}", "from_on", today);
	fp.lede = N_("You keep your role; no requests are offered to you and "
	    "your shifts show as gaps while you are away.");
	fp.initial = initial;
	fp.ctx = &id;
	form_page_run(rq, rs, &fp);
	json_decref(initial);
}

void
peer_step_return_page(struct request *rq, struct response *rs)
{
	char	 today[DATE_CHARS + 1];
	int64_t	 id = own_supporter(rq);
	int	 minutes;

	uk_local((int64_t)rq->now, today, &minutes);
	/* Someone who is not a supporter has no time away to end either. */
	switch (id == 0 ? DB_CONSTRAINT : peer_step_return(rq->db,
	    rq->who.account_id, id, today)) {
	case DB_OK:
		response_redirect(rs, "/account/peer/step-back");
		break;
	case DB_CONSTRAINT:
		response_error(rs, 409, "You have not stepped back.");
		break;
	default:
		response_error(rs, 503, "The service is busy. Try again.");
	}
}
