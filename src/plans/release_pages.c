/*
 * Continuity of care: the release plan (the date and where the person
 * goes), a referral for each need to a directory service that serves
 * that place, made by ticking every step of the service's standard
 * referral procedure, and its progress (acknowledged, first appointment
 * offered, attended) recorded by their worker, or by coordinators at
 * their site or the one they go to (probation).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plans.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

static json_t *
release_prepare(struct request *rq, struct response *rs, json_t *person,
    struct form_page *fp, int *refused)
{
	struct scope_filter	 all = { 1, NULL, NULL };
	json_t			*release = NULL;

	if (!plan_writer(rq, rs, view_int(person, "id"))) {
		*refused = 1;
		return NULL;
	}
	if (release_load(rq->db, view_int(person, "id"), &release) <= 0)
		release = json_object();
	/* Any site may take someone on: release is to the community. */
	return form_page_keep(fp, json_pack("{s:{s:o}, s:o}", "options",
	    "to_site_id", site_options(rq->db, &all), "initial", release));
}

void
release_page(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		person_load, "/people/%lld/plan", "display_name",
		release_prepare,
	};
	static const struct plan_write w = { release_save, "to_site_id",
	    N_("Choose a site from the list") };
	struct form_page fp = {
		.title = N_("Release or transfer plan"), .submit = N_("Save"),
		.fields = release_fields, .nfields = release_fields_count,
		.save = plan_form_save, .ctx = (void *)&w,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* The service chosen for a need, with its checklist, or NULL. */
static json_t *
chosen_service(json_t *services, int64_t id)
{
	json_t	*sv;
	size_t	 i;

	json_array_foreach(services, i, sv)
		if (view_int(sv, "value") == id)
			return sv;
	return NULL;
}

/* Every need with the services that meet it where the person goes. */
static json_t *
needs_view(struct db *db, int64_t site_id)
{
	const struct choice	*c;
	json_t			*needs = json_array();

	for (c = plan_needs; c->value != NULL; c++)
		json_array_append_new(needs, json_pack("{s:s, s:s, s:o}",
		    "need", c->value, "need_label", c->label, "services",
		    need_services(db, c->value, site_id)));
	return needs;
}

/* The checklist as the form draws it: [{number, text}].  New reference. */
static json_t *
numbered(const json_t *steps)
{
	json_t	*out = json_array(), *step;
	size_t	 i;

	json_array_foreach(steps, i, step)
		json_array_append_new(out, json_pack("{s:I, s:O}", "number",
		    (json_int_t)(i + 1), "text", step));
	return out;
}

/* Checks the POSTed referral; adds errors naming the fields. */
static void
referral_check(struct request *rq, const char *need, const json_t *sv,
    const json_t *steps, const char *made_on, const char *today,
    json_t *errors)
{
	char	 field[32];
	size_t	 i;

	if (need == NULL || choice_label(plan_needs, need) == need)
		form_error(errors, "need", N_("Choose a need from the list"));
	if (sv == NULL)
		form_error(errors, "service", N_("Choose a service that meets the "
		    "need where they are going"));
	for (i = 0; i < json_array_size(steps); i++) {
		snprintf(field, sizeof(field), "step_%zu", i + 1);
		if (form_get(&rq->body, field) == NULL)
			form_error(errors, field, N_("Tick each step of the "
			    "service's referral procedure once it is done"));
	}
	if (made_on == NULL || !date_valid(made_on) ||
	    date_diff_days(today, made_on) > 0)
		form_error(errors, "made_on", N_("Enter the date the referral "
		    "was made, today or earlier"));
}

void
referral_new(struct request *rq, struct response *rs)
{
	json_t		*person = NULL, *release = NULL, *services = NULL,
			*sv = NULL, *steps = NULL, *errors = json_array(), *view;
	const char	*need = form_get(&rq->query, "need");
	const char	*made_on = form_get(&rq->body, "made_on");
	char		 today[DATE_CHARS + 1], now[DATETIME_CHARS + 1];
	char		 made[DATE_CHARS + 1];
	int64_t		 id = rq->ids[0];
	int		 rc, status = 200;

	date_today(rq->now, today);
	datetime_now(rq->now, now);
	if (person_load(rq->db, id, &person) <= 0) {
		response_error(rs, 404, "Page not found.");
		goto done;
	}
	if (!plan_writer(rq, rs, id))
		goto done;
	if (release_load(rq->db, id, &release) <= 0) {
		response_error(rs, 409, "Make the release plan first: the "
		    "services are those where they are going.");
		goto done;
	}
	if (need != NULL && choice_label(plan_needs, need) != need) {
		services = need_services(rq->db, need, view_int(release,
		    "to_site_id"));
		sv = chosen_service(services, form_get_id(&rq->query,
		    "service"));
	}
	steps = referral_checklist(sv != NULL ? view_str(sv, "referral") :
	    NULL);
	/* Typed as the hint says (31/3/2026), or as a date picker sends
	 * it; stored as the day it is. */
	if (made_on != NULL && date_typed(made_on, made))
		made_on = made;
	if (rq->method == HTTP_POST) {
		referral_check(rq, need, sv, steps, made_on, today, errors);
		if (json_array_size(errors) == 0) {
			rc = referral_add(rq->db, rq->who.account_id, id, need,
			    view_int(sv, "value"), view_str(sv, "referral"),
			    made_on, now);
			if (rc == DB_OK) {
				response_redirect(rs, "/people/%lld/plan",
				    (long long)id);
				goto done;
			}
			if (rc != DB_CONSTRAINT) {
				rs->retry_after = 1;
				response_error(rs, 503, "The service is busy. "
				    "Try again.");
				goto done;
			}
			form_error(errors, "service", N_("They have already been "
			    "referred to this service for this need"));
		}
		status = 422;
	}
	view = json_pack("{s:s, s:O, s:O, s:s?, s:O?, s:o, s:s, s:O, s:b}",
	    "title", N_("Make a referral"), "person", person, "release", release,
	    "need", need, "service", sv, "steps", numbered(steps), "made_on",
	    made_on != NULL ? made_on : today, "errors", errors, "has_errors",
	    json_array_size(errors) > 0);
	if (view != NULL && sv == NULL)
		json_object_set_new(view, "needs", needs_view(rq->db,
		    view_int(release, "to_site_id")));
	if (view != NULL && sv != NULL)
		json_object_set_new(view, "need_label",
		    json_string(choice_label(plan_needs, need)));
	if (view == NULL)
		response_error(rs, 500, "Something went wrong.");
	else
		response_page(rs, status, "plans/referral_new", view);
done:
	json_decref(person);
	json_decref(release);
	json_decref(services);
	json_decref(steps);
	json_decref(errors);
}

static int
progress_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*referral = ctx;
	char		 today[DATE_CHARS + 1], now[DATETIME_CHARS + 1];
	const char	*on = view_str(v, "on");
	int		 rc;

	date_today(rq->now, today);
	datetime_now(rq->now, now);
	/* An appointment is offered for a day that may be ahead; the rest
	 * have happened. */
	if (strcmp(view_str(v, "stage"), "offered") != 0 &&
	    date_diff_days(today, on) > 0) {
		form_error(errors, "on", N_("Enter a date today or earlier"));
		return DB_CONSTRAINT;
	}
	rc = referral_progress(rq->db, rq->who.account_id, rq->ids[0],
	    view_str(v, "stage"), on, now);
	if (rc == DB_OK)
		*location = location_of("/people/%lld/plan",
		    view_int(referral, "person_id"));
	return form_constraint(rc, errors, "stage", "Record the stages in "
	    "order (acknowledged, offered, attended), each once, on or "
	    "after the one before");
}

static json_t *
progress_prepare(struct request *rq, struct response *rs, json_t *referral,
    struct form_page *fp, int *refused)
{
	if (!plan_writer(rq, rs, view_int(referral, "person_id"))) {
		*refused = 1;
		return NULL;
	}
	fp->ctx = referral;
	return NULL;
}

void
referral_progress_page(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		referral_load, "/referrals/%lld/progress", "service_name",
		progress_prepare,
	};
	struct form_page fp = {
		.title = N_("Record the referral's progress"),
		.submit = N_("Save"),
		.fields = referral_progress_fields,
		.nfields = referral_progress_fields_count,
		.save = progress_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}
