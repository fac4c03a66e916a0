/*
 * One-to-one supervision: a person's log (the notes only for their
 * supervisor and coordinators), logging a session, the member's own view
 * of their dates, and everyone overdue at the caller's sites.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "membership.h"
#include "../auth/account.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* Marks each row overdue when it is the latest and its date has passed. */
static void
due_flags(json_t *rows, const char *today)
{
	json_t	*row = json_array_get(rows, 0);

	if (row != NULL)
		json_object_set_new(row, "days_overdue", json_integer(
		    supervision_days_overdue(view_str(row, "next_due_on"),
		    today)));
}

void
supervision_person(struct request *rq, struct response *rs)
{
	json_t	*person, *view;
	char	 today[DATE_CHARS + 1];
	int	 coordinator;

	if (person_load(rq->db, rq->ids[0], &person) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	date_today(rq->now, today);
	coordinator = access_covers(&rq->who, ROLE_BIT(ROLE_COORDINATOR),
	    view_int(person, "site_id"), 0);
	view = json_pack("{s:s, s:o, s:o, s:i}", "title", N_("Supervision"),
	    "person", person, "supervisions", supervision_list(rq->db,
	    rq->ids[0], rq->who.account_id, coordinator),
	    "interval_months", rq->app->config->supervision_interval_months);
	if (view != NULL)
		due_flags(json_object_get(view, "supervisions"), today);
	response_view(rs, "membership/supervision", view);
}

/* Checked with the fields, so every error shows in one answer. */
static int
supervision_rules(const json_t *v, json_t *errors)
{
	const char	*held = json_string_value(json_object_get(v, "held_on"));
	const char	*next = json_string_value(json_object_get(v,
	    "next_due_on"));

	if (held != NULL && next != NULL && date_diff_days(held, next) <= 0)
		form_error(errors, "next_due_on", N_("The next one must be due "
		    "after this one"));
	return 0;
}

static int
supervision_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char		 next[DATE_CHARS + 1];
	const char	*held = view_str(v, "held_on");
	int		 rc;

	(void)ctx;
	(void)errors;
	if (!json_is_string(json_object_get(v, "next_due_on"))) {
		supervision_next_due(held, rq->app->config->
		    supervision_interval_months, next);
		json_object_set_new(v, "next_due_on", json_string(next));
	}
	rc = supervision_add(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/people/%lld/supervision", rq->ids[0]);
	return rc;
}

static json_t *
supervision_prepare(struct request *rq, struct response *rs, json_t *person,
    struct form_page *fp, int *refused)
{
	char	 today[DATE_CHARS + 1];
	json_t	*kept;

	(void)rs;
	(void)refused;
	date_today(rq->now, today);
	kept = json_pack("{s:{s:o}, s:{s:s, s:I}}", "options", "supervisor_id",
	    supervisor_options(rq->db, view_int(person, "site_id")),
	    "initial", "held_on", today, "supervisor_id",
	    (json_int_t)rq->who.account_id);
	return form_page_keep(fp, kept);
}

void
supervision_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		person_load, "/people/%lld/supervision", "display_name",
		supervision_prepare,
	};
	struct form_page fp = {
		.title = N_("Log a supervision session"), .submit = N_("Save"),
		.fields = supervision_fields,
		.nfields = supervision_fields_count, .save = supervision_store,
		.rules = supervision_rules,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
supervision_mine(struct request *rq, struct response *rs)
{
	json_t	*rows, *view;
	char	 today[DATE_CHARS + 1];
	int64_t	 person = account_person(rq->db, rq->who.account_id);

	/* Only their own dates: read as nobody in particular, so the notes
	 * stay blank whoever they are. */
	date_today(rq->now, today);
	rows = person ? supervision_list(rq->db, person, 0, 0) : json_array();
	due_flags(rows, today);
	view = json_pack("{s:s, s:o}", "title", N_("Your supervision"),
	    "supervisions", rows);
	response_view(rs, "membership/supervision_mine", view);
}

void
supervision_overdue_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;
	struct paging		 pg;
	json_t			*rows, *view;
	char			 today[DATE_CHARS + 1];

	if (paging_refused(&pg, rq, rs))
		return;
	if (access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1) {
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	date_today(rq->now, today);
	rows = supervision_overdue(rq->db, &f, today, &pg);
	view = json_pack("{s:s, s:o, s:i}", "title", N_("Supervision overdue"),
	    "people", rows, "interval_months",
	    rq->app->config->supervision_interval_months);
	paging_finish(&pg, rq, view, rows, "due_on");
	response_view(rs, "membership/supervision_overdue", view);
	paging_clear(&pg);
	scope_filter_clear(&f);
}
