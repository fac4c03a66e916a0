/*
 * The forms that keep the evidence up to date: the organisation's
 * targets, a group's strategy and objectives, a site's activity counts.
 * Each checks every field before anything is written (422 naming the
 * field, nothing stored).  The population and the member's own
 * monitoring record have files of their own (population_pages.c,
 * monitoring_pages.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/view.h"

#define F(...)	{ __VA_ARGS__ }
#define COUNT_MAX	1000000	/* one activity in one month at one site */

/* ---- targets ------------------------------------------------------------ */

static const struct field_spec target_fields[] = {
	F("representative", "Representative and involved: the largest gap "
	    "allowed, in points", FIELD_TEXT, 1, 3, NULL, "0 to 100", NULL),
	F("procedures", "Good procedures (%)", FIELD_TEXT, 1, 3, NULL, NULL,
	    NULL),
	F("support", "Top-level support (%)", FIELD_TEXT, 1, 3, NULL, NULL,
	    NULL),
	F("strategy", "A clear strategy (%)", FIELD_TEXT, 1, 3, NULL, NULL,
	    NULL),
	F("perceptions", "Perceptions of those involved (%)", FIELD_TEXT, 1,
	    3, NULL, NULL, NULL),
	F("trust", "Confidence and trust (%)", FIELD_TEXT, 1, 3, NULL, NULL,
	    NULL),
	F("training", "Support and training (%)", FIELD_TEXT, 1, 3, NULL, NULL,
	    NULL),
	F("monitoring", "Diversity and equality monitored (%)", FIELD_TEXT, 1,
	    3, NULL, NULL, NULL),
};
#define NTARGETS	(sizeof(target_fields) / sizeof(target_fields[0]))

static int
targets_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	size_t	 i;
	int	 rc = DB_OK;

	(void)ctx;
	for (i = 0; i < NTARGETS; i++)
		fields_whole_number(v, errors, target_fields[i].name,
		    target_fields[i].label, 100);
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	for (i = 0; i < NTARGETS && rc == DB_OK; i++)
		rc = targets_save(rq->db, rq->who.account_id,
		    target_fields[i].name, (int)view_int(v,
		    target_fields[i].name));
	if (rc == DB_OK)
		*location = strdup("/evidence");
	return rc;
}

void
targets_form(struct request *rq, struct response *rs)
{
	json_t		*initial = evidence_targets(rq->db), *v;
	const char	*key;
	struct form_page fp = {
		.title = "The organisation's targets", .submit = "Save targets",
		.back = "/evidence", .fields = target_fields,
		.nfields = NTARGETS, .save = targets_store,
	};

	if (initial == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	/* The form shows numbers as the text typed. */
	json_object_foreach(initial, key, v)
		json_object_set_new(initial, key, json_sprintf("%lld",
		    (long long)json_integer_value(v)));
	fp.initial = initial;
	form_page_run(rq, rs, &fp);
	json_decref(initial);
}

/* ---- a group's strategy and objectives ---------------------------------- */

static const struct field_spec strategy_fields[] = {
	F("aims", "The group's aims", FIELD_SHOWN_TEXTAREA, 1, TEXT_MAX_CHARS,
	    NULL, "What the group is for and what it wants to change this "
	    "year, in a few lines", NULL),
	F("reviewed_on", "Agreed or last reviewed on", FIELD_DATE, 1, 0, NULL,
	    "For example, 2026-04-01", NULL),
	FIELD_NO_NAMES_BOX,
};

static int
strategy_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = strategy_save(rq->db, rq->who.account_id, rq->ids[0],
	    view_str(v, "aims"), view_str(v, "reviewed_on"));
	if (rc == DB_OK)
		*location = location_of("/groups/%lld/evidence", rq->ids[0]);
	return rc;
}

static json_t *
strategy_prepare(struct request *rq, struct response *rs, json_t *group,
    struct form_page *fp, int *refused)
{
	json_t	*st = NULL;

	(void)rs;
	(void)group;
	*refused = 0;
	if (strategy_load(rq->db, rq->ids[0], &st) <= 0)
		return NULL;
	return form_page_keep(fp, json_pack("{s:o}", "initial", st));
}

void
strategy_form(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld/evidence", "name", strategy_prepare,
	};
	struct form_page fp = {
		.title = "The group's strategy", .submit = "Save the strategy",
		.fields = strategy_fields,
		.nfields = FIELDS_COUNT(strategy_fields),
		.save = strategy_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static const struct field_spec objective_fields[] = {
	F("text", "Objective", FIELD_SHOWN_TEXT, 1, NAME_MAX_CHARS * 2, NULL,
	    "For example, Run a survey on every wing by the summer", NULL),
	F("owner", "Who owns it", FIELD_SHOWN_TEXT, 1, NAME_MAX_CHARS, NULL,
	    "A role, such as The chair or The coordinator", NULL),
	F("due_on", "Done by", FIELD_DATE, 1, 0, NULL,
	    "For example, 2026-07-31", NULL),
	FIELD_NO_NAMES_BOX,
};

static int
objective_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	(void)ctx;
	(void)errors;
	date_today(rq->now, today);
	rc = objective_add(rq->db, rq->who.account_id, rq->ids[0],
	    view_str(v, "text"), view_str(v, "owner"), view_str(v, "due_on"),
	    today);
	if (rc == DB_OK)
		*location = location_of("/groups/%lld/evidence", rq->ids[0]);
	return rc;
}

void
objective_form(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld/evidence", "name", NULL,
	};
	struct form_page fp = {
		.title = "Add an objective", .submit = "Add it",
		.fields = objective_fields,
		.nfields = FIELDS_COUNT(objective_fields),
		.save = objective_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
objective_done(struct request *rq, struct response *rs)
{
	char	 today[DATE_CHARS + 1];
	int64_t	 group = 0;
	int	 rc;

	date_today(rq->now, today);
	rc = objective_close(rq->db, rq->who.account_id, rq->ids[0], today,
	    &group);
	response_after_move(rs, rc, "This objective is done already.",
	    "/groups/%lld/evidence", group);
}

/* ---- a site's activity ------------------------------------------------- */

static const struct field_spec activity_fields[] = {
	F("month", "Month", FIELD_TEXT, 1, 7, NULL, "For example, 2026-11",
	    NULL),
	F("attendance", "Attendance (visits counted)", FIELD_TEXT, 0, 7, NULL,
	    NULL, NULL),
	F("sessions", "Sessions held", FIELD_TEXT, 0, 7, NULL, NULL, NULL),
	F("new_members", "New members", FIELD_TEXT, 0, 7, NULL, NULL, NULL),
	F("moved_on", "People who moved on to work or volunteering",
	    FIELD_TEXT, 0, 7, NULL, NULL, NULL),
};
#define NACTIVITY	(sizeof(activity_fields) / sizeof(activity_fields[0]))

static int
activity_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const char	*month = view_str(v, "month");
	char		 first[DATE_CHARS + 1];
	size_t		 i;
	int		 rc = DB_OK;

	(void)ctx;
	snprintf(first, sizeof(first), "%.7s-01", month);
	if (strlen(month) != 7 || !date_valid(first))
		form_error(errors, "month", "Enter the month as year and month, "
		    "such as 2026-11");
	for (i = 1; i < NACTIVITY; i++)
		fields_whole_number(v, errors, activity_fields[i].name,
		    activity_fields[i].label, COUNT_MAX);
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	for (i = 1; i < NACTIVITY && rc == DB_OK; i++)
		if (json_is_integer(json_object_get(v, activity_fields[i].name)))
			rc = activity_save(rq->db, rq->who.account_id,
			    rq->ids[0], month, activity_fields[i].name,
			    view_int(v, activity_fields[i].name));
	if (rc == DB_OK)
		*location = location_of("/sites/%lld/evidence", rq->ids[0]);
	return rc;
}

void
activity_form(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		site_load, "/sites/%lld/evidence", "name", NULL,
	};
	struct form_page fp = {
		.title = "Record a month's activity", .submit = "Save",
		.fields = activity_fields, .nfields = NACTIVITY,
		.save = activity_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}
