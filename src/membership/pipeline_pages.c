/*
 * A group's recruitment and succession: the pipeline with days in each
 * stage, the positions it wants filled and their vacancies, who is due to
 * leave soon, and who shadows whom.  Staff only: it names people.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "membership.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* Adds *_label for the stage, clearance and leaving reason columns, and
 * the people module's (position), in place. */
static void
stage_labels(json_t *rows)
{
	static const struct {
		const char		*key, *label;
		const struct choice	*choices;
	} columns[] = {
		{ "clearance", "clearance_label", clearance_statuses },
		{ "expected_leave_reason", "expected_leave_reason_label",
		    expected_leave_reasons },
	};
	json_t	*row;
	size_t	 i, c;
	int	 s;

	json_array_foreach(rows, i, row) {
		if ((s = recruit_stage_parse(view_str(row, "stage"))) >= 0)
			json_object_set_new(row, "stage_label",
			    json_string(recruit_stage_labels[s]));
		for (c = 0; c < sizeof(columns) / sizeof(columns[0]); c++)
			if (*view_str(row, columns[c].key) != '\0')
				json_object_set_new(row, columns[c].label,
				    json_string(choice_label(columns[c].choices,
				    view_str(row, columns[c].key))));
	}
	people_labels_all(rows);
}

void
pipeline_index(struct request *rq, struct response *rs)
{
	json_t	*group, *view;
	char	 today[DATE_CHARS + 1];
	int64_t	 g = rq->ids[0];

	if (group_load(rq->db, g, &group) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	date_today(rq->now, today);
	view = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:i}",
	    "title", N_("Recruitment and succession"), "group", group,
	    "recruits", recruit_list(rq->db, g, today),
	    "stage_times", stage_times(rq->db, g, today),
	    "posts", post_list(rq->db, g),
	    "leaving_soon", leaving_soon(rq->db, g, today, LEAVING_SOON_DAYS),
	    "shadowing", shadow_list(rq->db, g),
	    "leaving_soon_days", LEAVING_SOON_DAYS);
	if (view != NULL) {
		stage_labels(json_object_get(view, "recruits"));
		stage_labels(json_object_get(view, "stage_times"));
		people_labels_all(json_object_get(view, "posts"));
		stage_labels(json_object_get(view, "leaving_soon"));
	}
	response_view(rs, "membership/pipeline", view);
}

static int
recruit_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int64_t	 id;
	int	 rc;

	(void)ctx;
	date_today(rq->now, today);
	rc = recruit_add(rq->db, rq->who.account_id, rq->ids[0], v, today, &id);
	if (rc == DB_OK)
		*location = location_of("/groups/%lld/pipeline", rq->ids[0]);
	return form_constraint(rc, errors, "person_id",
	    "They are already in this group's pipeline");
}

static json_t *
recruit_prepare(struct request *rq, struct response *rs, json_t *group,
    struct form_page *fp, int *refused)
{
	json_t	*options;

	(void)rs;
	(void)group;
	(void)refused;
	options = json_pack("{s:o}", "person_id",
	    recruit_person_options(rq->db, rq->ids[0]));
	fp->options = options;
	return options;
}

void
pipeline_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld/pipeline", "name", recruit_prepare,
	};
	struct form_page fp = {
		.title = N_("Add someone to the pipeline"),
		.submit = N_("Add to the pipeline"),
		.fields = recruit_fields, .nfields = recruit_fields_count,
		.save = recruit_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static int
move_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*recruit = ctx;
	char		 today[DATE_CHARS + 1];
	int		 rc, event;

	date_today(rq->now, today);
	recruit_move_rules(v, view_str(recruit, "clearance"), errors);
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	event = recruit_event_parse(view_str(v, "event"));
	rc = recruit_move(rq->db, rq->who.account_id, rq->ids[0],
	    (enum recruit_event)event, v, today);
	if (rc == DB_OK)
		*location = location_of("/groups/%lld/pipeline",
		    view_int(recruit, "group_id"));
	return form_constraint(rc, errors, "event", "That step is not "
	    "possible from the stage they are at (or their clearance has "
	    "just changed)");
}

void
pipeline_move(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		recruit_load, "/recruits/%lld/move", "display_name",
		form_record_as_ctx,
	};
	struct form_page fp = {
		.title = N_("Move them on in the pipeline"),
		.submit = N_("Save"),
		.fields = recruit_move_fields,
		.nfields = recruit_move_fields_count, .save = move_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static int
posts_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = post_save(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/groups/%lld/pipeline", rq->ids[0]);
	return rc;
}

void
pipeline_posts(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld/pipeline", "name", NULL,
	};
	struct form_page fp = {
		.title = N_("Places the group wants filled"),
		.submit = N_("Save"),
		.fields = post_fields, .nfields = post_fields_count,
		.save = posts_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static int
shadow_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id;
	int	 rc;

	(void)ctx;
	if (view_int(v, "learner_id") == view_int(v, "mentor_id")) {
		form_error(errors, "mentor_id", N_("Choose someone other than the "
		    "new member"));
		return DB_CONSTRAINT;
	}
	rc = shadow_add(rq->db, rq->who.account_id, rq->ids[0], v, &id);
	if (rc == DB_OK)
		*location = location_of("/groups/%lld/pipeline", rq->ids[0]);
	return rc;
}

static json_t *
shadow_prepare(struct request *rq, struct response *rs, json_t *group,
    struct form_page *fp, int *refused)
{
	json_t	*options;

	(void)rs;
	(void)group;
	(void)refused;
	options = json_pack("{s:o, s:o}", "learner_id",
	    shadow_learner_options(rq->db, rq->ids[0]), "mentor_id",
	    group_member_options(rq->db, rq->ids[0]));
	fp->options = options;
	return options;
}

void
pipeline_shadow_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld/pipeline", "name", shadow_prepare,
	};
	struct form_page fp = {
		.title = N_("Pair a new member with someone to shadow"),
		.submit = N_("Pair them"), .fields = shadow_fields,
		.nfields = shadow_fields_count, .save = shadow_store,
	};
	char	 today[DATE_CHARS + 1];
	json_t	*initial;

	date_today(rq->now, today);
	initial = json_pack("{s:s}", "from_on", today);
	fp.initial = initial;
	form_page_record(rq, rs, &fp, &fr);
	json_decref(initial);
}

void
pipeline_shadow_end(struct request *rq, struct response *rs)
{
	char	 today[DATE_CHARS + 1];
	int64_t	 group_id = 0;
	int	 rc;

	date_today(rq->now, today);
	rc = shadow_end(rq->db, rq->who.account_id, rq->ids[0], today,
	    &group_id);
	response_after_move(rs, rc, "This pairing has already ended.",
	    "/groups/%lld/pipeline", group_id);
}
