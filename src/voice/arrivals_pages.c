/*
 * New arrivals: each group keeps a standard plan (for an over-50s
 * arrival: medication, mobility aids, pension, a buddy, the forum); a rep
 * records an arrival by a pseudonymous reference and ticks each step.
 */
#include <stdlib.h>
#include <string.h>

#include "voice.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

static int
plan_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = arrival_plan_save(rq->db, rq->who.account_id, rq->ids[0],
	    json_string_value(json_object_get(v, "steps")));
	if (rc == DB_OK)
		*location = location_of("/groups/%lld", rq->ids[0]);
	return rc;
}

void
arrival_plan_edit(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Plan for every new arrival"),
		.submit = N_("Save plan"),
		.fields = arrival_plan_fields,
		.nfields = arrival_plan_fields_count, .save = plan_store,
	};
	json_t		*group, *plan, *step, *initial;
	struct buf	 text;
	char		*back;
	size_t		 i;

	if (group_load(rq->db, rq->ids[0], &group) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	plan = arrival_plan(rq->db, rq->ids[0]);
	buf_init(&text, TEXT_MAX_CHARS * 4);
	json_array_foreach(plan, i, step)
		buf_printf(&text, "%s\n", json_string_value(json_object_get(step,
		    "text")));
	initial = json_pack("{s:s}", "steps", text.data ? text.data : "");
	fp.back = back = location_of("/groups/%lld", rq->ids[0]);
	fp.caption = json_string_value(json_object_get(group, "name"));
	fp.initial = initial;
	form_page_run(rq, rs, &fp);
	free(back);
	buf_release(&text);
	json_decref(initial);
	json_decref(plan);
	json_decref(group);
}

static int
arrival_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id;
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = arrival_add(rq->db, rq->who.account_id, rq->ids[0], v, &id);
	if (rc == DB_OK)
		*location = location_of("/arrivals/%lld", id);
	return rc;
}

static json_t *
arrival_prepare(struct request *rq, struct response *rs, json_t *group,
    struct form_page *fp, int *refused)
{
	char	 today[DATE_CHARS + 1];
	json_t	*kept;

	(void)rs;
	(void)refused;
	date_today(rq->now, today);
	kept = json_pack("{s:{s:o}, s:{s:s}}", "options", "unit_id",
	    unit_options_at(rq->db, view_int(group, "site_id")), "initial", "arrived_on", today);
	return form_page_keep(fp, kept);
}

void
arrivals_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld", "name", arrival_prepare,
	};
	struct form_page fp = {
		.title = N_("Record a new arrival"),
		.submit = N_("Start their plan"),
		.fields = arrival_fields, .nfields = arrival_fields_count,
		.save = arrival_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
arrivals_show(struct request *rq, struct response *rs)
{
	json_t	*arrival;

	if (arrival_load(rq->db, rq->ids[0], &arrival) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (json_is_string(json_object_get(arrival, "age_band")))
		json_object_set_new(arrival, "age_band_label", json_string(
		    choice_label(age_bands, json_string_value(json_object_get(
		    arrival, "age_band")))));
	response_view(rs, "voice/arrival", json_pack("{s:s, s:o, s:o}",
	    "title", N_("New arrival"), "arrival", arrival,
	    "steps", arrival_steps(rq->db, rq->ids[0])));
}

static int
step_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*step = ctx;
	char		 today[DATE_CHARS + 1];
	int		 rc;

	date_today(rq->now, today);
	rc = arrival_step_done(rq->db, rq->who.account_id, rq->ids[0], v,
	    today);
	if (rc == DB_OK)
		*location = location_of("/arrivals/%lld", view_int(step,
		    "arrival_id"));
	return form_constraint(rc, errors, "note", N_("This step is already "
	    "done"));
}

/* A step already done takes no more: 409 before any form. */
static json_t *
step_prepare(struct request *rq, struct response *rs, json_t *step,
    struct form_page *fp, int *refused)
{
	(void)rq;
	if (json_is_string(json_object_get(step, "done_on"))) {
		response_error(rs, 409, "This step is already done.");
		*refused = 1;
	} else
		fp->ctx = step;	/* form_page_record keeps it until the end */
	return NULL;
}

/* A step is ticked from its arrival's page, which posts here; a note
 * refused comes back as this form, the note as typed and its error
 * beside it. */
void
arrivals_step(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		arrival_step_load, "/arrivals/%lld", "text", step_prepare,
	};
	struct form_page fp = {
		.title = N_("Mark a step done"), .submit = N_("Mark done"),
		.fields = arrival_step_fields,
		.nfields = arrival_step_fields_count, .save = step_store,
	};

	form_page_part(rq, rs, &fp, &fr, "arrival_id");
}

void
arrivals_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;

	if (access_filter(&rq->who, VOICE_LOGGERS, 0, &f) == -1) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	response_view(rs, "voice/arrivals", json_pack("{s:s, s:o}", "title",
	    N_("Arrivals with steps still to do"), "arrivals",
	    arrival_unfinished(rq->db, &f)));
	scope_filter_clear(&f);
}
