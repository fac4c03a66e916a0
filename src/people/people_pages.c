/*
 * People: the pseudonymous register that groups draw their members from.
 * Only coordinators and administrators reach these pages (see routes.c);
 * the restrictions note is shown nowhere else.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "people.h"
#include "../plans/plans.h"
#include "../db/db.h"
#include "../server/form_page.h"
#include "../membership/membership.h"
#include "../proposals/proposals.h"
#include "../voice/voice.h"
#include "../limits.h"
#include "../util/catalogue.h"
#include "../util/view.h"


void
people_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;
	struct paging		 pg;
	const char		*q = form_get(&rq->query, "q");
	int64_t			 site = form_get_id(&rq->query, "site");
	int			 left = form_get(&rq->query, "left") != NULL;
	json_t			*view, *people;

	if (q != NULL && (*q == '\0' || strlen(q) > SEARCH_MAX_CHARS))
		q = NULL;
	if (paging_refused(&pg, rq, rs))
		return;
	if (access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1) {
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	people = person_list(rq->db, &f, q, site, left, &pg);
	view = json_pack("{s:s, s:o, s:o, s:s?, s:I, s:b}",
	    "title", N_("People"), "people", people,
	    "sites", site_options(rq->db, &f),
	    "q", q, "site", (json_int_t)site, "left", left);
	/* How many is said only when one page holds them all: a count of
	 * every match on every page walked the whole table. */
	if (view != NULL && people != NULL && pg.after_id == 0 &&
	    json_array_size(people) <= (size_t)pg.rows)
		json_object_set_new(view, "found", json_pack("{s:I}", "n",
		    (json_int_t)json_array_size(people)));
	if (paging_finish(&pg, rq, view, people, "display_name") == -1) {
		json_decref(view);
		view = NULL;
	}
	response_view(rs, "people/people", view);
	scope_filter_clear(&f);
	paging_clear(&pg);
}

void
people_show(struct request *rq, struct response *rs)
{
	json_t	*person;
	int	 reader;

	if (person_load(rq->db, rq->ids[0], &person) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	/* The plan's links only for who may open it (its handler's rule,
	 * finer than the route table's). */
	reader = plan_reader_of(rq->db, &rq->who, rq->ids[0]);
	response_view(rs, "people/person", json_pack("{s:O, s:b, s:b, s:b, "
	    "s:o, s:o}",
	    "title", json_object_get(person, "display_name"),
	    "can_read_plan", reader > PLAN_NOBODY,
	    "can_name_worker", reader == PLAN_COORDINATOR,
	    "can_see_reads", access_covers(&rq->who, ROLE_BIT(ROLE_ADMIN),
	    view_int(person, "site_id"), 0),
	    "person", person,
	    "memberships", person_memberships(rq->db, rq->ids[0])));
}

/* The site and unit lists the person forms offer. */
static json_t *
person_form_options(struct request *rq)
{
	struct scope_filter	 f;
	json_t			*o;

	if (access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1)
		return NULL;
	o = json_pack("{s:o, s:o}", "site_id", site_options(rq->db, &f),
	    "unit_id", unit_options(rq->db, &f));
	scope_filter_clear(&f);
	return o;
}

/* ctx: the person's id for an edit, or NULL for a new person. */
static int
person_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id = ctx ? *(int64_t *)ctx : 0;
	json_t	*unit;
	int	 rc, same;

	if (json_is_integer(json_object_get(v, "unit_id"))) {
		rc = unit_load(rq->db, view_int(v, "unit_id"), &unit);
		if (rc < 0)
			return DB_ERROR;
		same = rc > 0 && view_int(unit, "site_id") == view_int(v, "site_id");
		json_decref(unit);
		if (!same) {
			form_error(errors, "unit_id", N_("Select a wing or place "
			    "at the site you chose"));
			return DB_CONSTRAINT;
		}
	}
	rc = person_save(rq->db, rq->who.account_id, id, v, &id);
	if (rc == DB_OK)
		*location = location_of("/people/%lld", id);
	return form_constraint(rc, errors, "display_name",
	    "This person could not be saved. Check the details");
}

void
people_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Add a person"), .submit = N_("Add person"),
		.back = "/people", .fields = person_fields,
		.nfields = person_fields_count, .save = person_store,
	};
	json_t	*options;

	if ((options = person_form_options(rq)) == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	fp.options = options;
	form_page_run(rq, rs, &fp);
	json_decref(options);
}

void
people_edit(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Change details"), .submit = N_("Save changes"),
		.fields = person_fields, .nfields = person_fields_count,
		.save = person_store, .ctx = &rq->ids[0],
	};
	json_t	*person, *options;
	char	*back;

	if (person_load(rq->db, rq->ids[0], &person) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if ((options = person_form_options(rq)) == NULL) {
		json_decref(person);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	fp.back = back = location_of("/people/%lld", rq->ids[0]);
	fp.initial = person;
	fp.options = options;
	fp.caption = json_string_value(json_object_get(person, "reference"));
	form_page_run(rq, rs, &fp);
	free(back);
	json_decref(options);
	json_decref(person);
}

/* What someone leaving still has open, counted when the form is shown. */
struct leaving_open {
	int64_t	 followups;	/* at their site */
	int64_t	 actions;	/* proposal actions and action points */
};

/* Hands on what they promised: refuses (an error on field) when there
 * is something open and nobody chosen to take it. */
static int
hand_on(struct request *rq, json_t *v, json_t *errors, const char *field,
    int64_t open, const char *unchosen,
    int (*give)(struct db *, int64_t, int64_t, int64_t))
{
	const json_t	*to = json_object_get(v, field);

	if (open == 0)
		return DB_OK;
	if (!json_is_integer(to)) {
		form_error(errors, field, unchosen);
		return DB_CONSTRAINT;
	}
	return give(rq->db, rq->who.account_id, rq->ids[0],
	    json_integer_value(to));
}

static int
leave_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const struct leaving_open *open = ctx;
	int		 rc;

	/* Their accounts reach other sites: only the organisation may end
	 * those; and what they promised elsewhere is handed on there. */
	if (person_grants_elsewhere(rq->db, rq->ids[0]) != 0 &&
	    !access_covers(&rq->who, ROLES_STAFF, 0, 0)) {
		form_error(errors, "left_reason", N_("Their account has roles at "
		    "other sites: ask an organisation administrator"));
		return DB_CONSTRAINT;
	}
	if (followups_open_of_person(rq->db, rq->ids[0], 0) != 0) {
		form_error(errors, "hand_to", N_("They have open follow-ups at "
		    "other sites: staff there must hand those on first"));
		return DB_CONSTRAINT;
	}
	/* Nothing a rep promised may vanish with them. */
	if ((rc = hand_on(rq, v, errors, "hand_to", open->followups,
	    N_("Choose who takes over their open follow-ups"),
	    followups_hand_on)) != DB_OK ||
	    (rc = hand_on(rq, v, errors, "hand_actions_to", open->actions,
	    N_("Choose who takes over their open actions"),
	    actions_hand_on)) != DB_OK)
		return rc;
	rc = person_leave(rq->db, rq->who.account_id, rq->ids[0], v);
	/* Their places in recruitment pipelines close, and shadowing ends. */
	if (rc == DB_OK)
		rc = pipeline_person_left(rq->db, rq->who.account_id,
		    rq->ids[0], json_string_value(json_object_get(v,
		    "left_on")));
	if (rc == DB_OK)
		*location = location_of("/people/%lld", rq->ids[0]);
	return form_constraint(rc, errors, "left_reason",
	    "This person has already left");
}

void
people_leave(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Record that this person has left"),
		.submit = N_("Record leaving"), .fields = leaving_fields,
		.nfields = leaving_fields_count, .save = leave_store,
	};
	json_t			*person, *options, *accounts;
	char			*back;
	struct leaving_open	 open;

	if (person_load(rq->db, rq->ids[0], &person) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	open.followups = followups_open_of_person(rq->db, rq->ids[0], 1);
	open.actions = actions_open_of_person(rq->db, rq->ids[0]);
	if (open.followups < 0 || open.actions < 0) {
		json_decref(person);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	/* What they promised goes to someone who works at their site. */
	accounts = takeover_options(rq->db, view_int(person, "site_id"),
	    rq->ids[0], 0);
	options = json_pack("{s:O, s:o}", "hand_to", accounts,
	    "hand_actions_to", accounts);
	fp.back = back = location_of("/people/%lld", rq->ids[0]);
	fp.caption = json_string_value(json_object_get(person,
	    "display_name"));
	fp.options = options;
	fp.ctx = &open;
	form_page_run(rq, rs, &fp);
	free(back);
	json_decref(options);
	json_decref(person);
}
