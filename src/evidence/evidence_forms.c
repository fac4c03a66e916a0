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
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/view.h"

#define F(...)	{ __VA_ARGS__ }
#define COUNT_MAX	1000000	/* one activity in one month at one site */

/* ---- targets ------------------------------------------------------------ */

/* The criteria's targets: required on the organisation's form, optional
 * (a blank follows the target above) on a site's or a group's. */
#define TARGET_FIELDS(req, rep_hint, hint) \
	F("representative", N_("Representative and involved: the largest " \
	    "gap allowed, in points"), FIELD_WHOLE, req, 100, NULL, \
	    rep_hint, NULL), \
	F("procedures", N_("Good procedures (%)"), FIELD_WHOLE, req, 100, \
	    NULL, hint, NULL), \
	F("support", N_("Top-level support (%)"), FIELD_WHOLE, req, 100, NULL, \
	    hint, NULL), \
	F("strategy", N_("A clear strategy (%)"), FIELD_WHOLE, req, 100, NULL, \
	    hint, NULL), \
	F("perceptions", N_("Perceptions of those involved (%)"), \
	    FIELD_WHOLE, req, 100, NULL, hint, NULL), \
	F("trust", N_("Confidence and trust (%)"), FIELD_WHOLE, req, 100, \
	    NULL, hint, NULL), \
	F("training", N_("Support and training (%)"), FIELD_WHOLE, req, 100, \
	    NULL, hint, NULL), \
	F("monitoring", N_("Diversity and equality monitored (%)"), \
	    FIELD_WHOLE, req, 100, NULL, hint, NULL)

static const struct field_spec target_fields[] = {
	TARGET_FIELDS(1, N_("0 to 100"), NULL),
	F("local_allowed", N_("Sites and groups may set their own targets"),
	    FIELD_CHECK, 0, 0, NULL, N_("A site's or a group's own target then "
	    "stands on its dashboard and report instead of this one"), NULL),
};
static const struct field_spec local_target_fields[] = {
	TARGET_FIELDS(0, N_("0 to 100. Leave blank to follow the target "
	    "above"), N_("Leave blank to follow the target above")),
};
/* The criteria: every field of a local form, the first of the
 * organisation's. */
#define NTARGETS	FIELDS_COUNT(local_target_fields)

static int
targets_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	size_t	 i;
	int	 rc = DB_OK;

	(void)ctx;
	(void)errors;
	for (i = 0; i < NTARGETS && rc == DB_OK; i++)
		rc = targets_save(rq->db, rq->who.account_id,
		    target_fields[i].name, (int)view_int(v,
		    target_fields[i].name));
	if (rc == DB_OK)
		rc = targets_policy_save(rq->db, rq->who.account_id,
		    json_is_true(json_object_get(v, "local_allowed")));
	if (rc == DB_OK)
		*location = strdup("/evidence");
	return rc;
}

/* {key: target} of the targets that stand at scope, as the text typed. */
static json_t *
targets_initial(json_t *targets)
{
	json_t		*o = json_object(), *t;
	const char	*key;

	json_object_foreach(targets, key, t)
		json_object_set_new(o, key, json_sprintf("%lld",
		    (long long)view_int(t, "target")));
	return o;
}

void
targets_form(struct request *rq, struct response *rs)
{
	static const struct evidence_scope org = { 0, 0 };
	json_t		*targets = evidence_targets(rq->db, &org), *initial;
	int		 allowed = local_targets_allowed(rq->db);
	struct form_page fp = {
		.title = N_("The organisation's targets"),
		.submit = N_("Save targets"),
		.back = "/evidence", .fields = target_fields,
		.nfields = FIELDS_COUNT(target_fields), .save = targets_store,
	};

	if (targets == NULL || allowed < 0 ||
	    (initial = targets_initial(targets)) == NULL) {
		json_decref(targets);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	json_object_set_new(initial, "local_allowed", json_boolean(allowed));
	fp.initial = initial;
	form_page_run(rq, rs, &fp);
	json_decref(initial);
	json_decref(targets);
}

/* ---- a site's or a group's own targets ---------------------------------- */

static const char *
local_scope(const struct request *rq)
{
	return strncmp(rq->path, "/groups/", 8) == 0 ? "group" : "site";
}

/* The local form as one page shows it: each hint says what a blank box
 * follows ("Leave blank to follow the organisation's 80%"), in the
 * reader's words.  Lives in local_targets_form's frame while the form
 * runs. */
struct local_hints {
	struct field_spec	 fields[NTARGETS];
	char			 hint[NTARGETS][256];
};

/* A hint: whose target a blank follows, and the range of a gap's. */
static const char *const blank_hints[2][2] = {
	{ N_("Leave blank to follow the organisation's {target}"),
	    N_("0 to 100. Leave blank to follow the organisation's "
	    "{target}") },
	{ N_("Leave blank to follow the site's own {target}"),
	    N_("0 to 100. Leave blank to follow the site's own {target}") },
};

/* What a blank follows: the site's targets for a group (its own, or the
 * organisation's), the organisation's for a site. */
static int
local_hints_fill(struct db *db, const json_t *record, int is_group,
    const struct catalogue *words, struct local_hints *h)
{
	struct evidence_scope	 above = { 0, 0 };
	json_t			*targets, *t, *ctx;
	char			 target[64], *said;
	size_t			 i;

	if (is_group)
		above.site_id = view_int(record, "site_id");
	if ((targets = evidence_targets(db, &above)) == NULL)
		return -1;
	for (i = 0; i < NTARGETS; i++) {
		int	 points = strcmp(local_target_fields[i].name,
		    "representative") == 0;

		h->fields[i] = local_target_fields[i];
		t = json_object_get(targets, local_target_fields[i].name);
		evidence_target_words((int)view_int(t, "target"), points,
		    "organisation", words, target, sizeof(target));
		ctx = json_pack("{s:s}", "target", target);
		said = ctx != NULL ? evidence_say(blank_hints[strcmp(view_str(t,
		    "set_by"), "site") == 0][points], ctx, words) : NULL;
		json_decref(ctx);
		snprintf(h->hint[i], sizeof(h->hint[i]), "%s", said ? said : "");
		free(said);
		h->fields[i].hint = h->hint[i];
	}
	json_decref(targets);
	return 0;
}

static int
local_targets_store(struct request *rq, json_t *v, json_t *errors,
    void *ctx, char **location)
{
	const char	*scope = local_scope(rq);
	json_t		*t;
	size_t		 i;
	int		 rc = DB_OK;

	(void)ctx;
	(void)errors;
	for (i = 0; i < NTARGETS && rc == DB_OK; i++) {
		t = json_object_get(v, local_target_fields[i].name);
		rc = local_target_save(rq->db, rq->who.account_id, scope,
		    rq->ids[0], local_target_fields[i].name,
		    json_is_integer(t) ? (int)json_integer_value(t) : -1);
	}
	if (rc == DB_OK)
		*location = location_of(strcmp(scope, "group") == 0 ?
		    "/groups/%lld/evidence" : "/sites/%lld/evidence",
		    rq->ids[0]);
	return rc;
}

static json_t *
local_targets_prepare(struct request *rq, struct response *rs,
    json_t *record, struct form_page *fp, int *refused)
{
	json_t		*own, *t;
	const char	*key;
	int		 allowed = local_targets_allowed(rq->db);
	struct local_hints *h = fp->ctx;

	*refused = 0;
	if (allowed <= 0) {
		*refused = 1;
		if (allowed == 0)
			response_error(rs, 409, "The organisation sets the "
			    "targets for every site and group: ask it to let "
			    "sites and groups set their own.");
		else
			response_error(rs, 500, "Something went wrong.");
		return NULL;
	}
	if (local_hints_fill(rq->db, record, strcmp(local_scope(rq),
	    "group") == 0, language_words(rq->lang), h) == -1 || (own = local_targets(rq->db,
	    local_scope(rq), rq->ids[0])) == NULL)
		return NULL;
	fp->fields = h->fields;
	json_object_foreach(own, key, t)
		json_object_set_new(own, key, json_sprintf("%lld",
		    (long long)json_integer_value(t)));
	return form_page_keep(fp, json_pack("{s:o}", "initial", own));
}

void
local_targets_form(struct request *rq, struct response *rs)
{
	static const struct form_record site = {
		site_load, "/sites/%lld/evidence", "name",
		local_targets_prepare,
	};
	static const struct form_record group = {
		group_load, "/groups/%lld/evidence", "name",
		local_targets_prepare,
	};
	int		 is_group = strcmp(local_scope(rq), "group") == 0;
	struct local_hints hints;
	struct form_page fp = {
		.title = is_group ? N_("The group's own targets") :
		    N_("The site's own targets"), .submit = N_("Save targets"),
		.fields = local_target_fields, .nfields = NTARGETS,
		.save = local_targets_store, .ctx = &hints,
	};

	form_page_record(rq, rs, &fp, is_group ? &group : &site);
}

/* ---- a group's strategy and objectives ---------------------------------- */

static const struct field_spec strategy_fields[] = {
	F("aims", N_("The group's aims"),
	    FIELD_SHOWN_TEXTAREA, 1, TEXT_MAX_CHARS,
	    NULL, N_("What the group is for and what it wants to change this "
	    "year, in a few lines"), NULL),
	F("reviewed_on", N_("Agreed or last reviewed on"),
	    FIELD_DATE, 1, DATE_HAPPENED, NULL,
	    field_date_hint, NULL),
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
		.title = N_("The group's strategy"),
		.submit = N_("Save the strategy"),
		.fields = strategy_fields,
		.nfields = FIELDS_COUNT(strategy_fields),
		.save = strategy_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static const struct field_spec objective_fields[] = {
	F("text", N_("Objective"),
	    FIELD_SHOWN_TEXT, 1, NAME_MAX_CHARS * 2, NULL,
	    N_("For example, Run a survey on every wing by the summer"), NULL),
	F("owner", N_("Who owns it"), FIELD_SHOWN_TEXT, 1, NAME_MAX_CHARS, NULL,
	    N_("A role, such as The chair or The coordinator"), NULL),
	F("due_on", N_("Done by"), FIELD_DATE, 1, DATE_AHEAD, NULL,
	    field_date_hint, NULL),
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
		.title = N_("Add an objective"), .submit = N_("Add it"),
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
	F("month", N_("Month"), FIELD_MONTH, 1, DATE_HAPPENED, NULL,
	    N_("For example, 2026-11"), NULL),
	F("attendance", N_("Attendance (visits counted)"), FIELD_WHOLE, 0,
	    COUNT_MAX, NULL, NULL, NULL),
	F("sessions", N_("Sessions held"), FIELD_WHOLE, 0, COUNT_MAX, NULL,
	    NULL, NULL),
	F("new_members", N_("New members"), FIELD_WHOLE, 0, COUNT_MAX, NULL,
	    NULL, NULL),
	F("moved_on", N_("People who moved on to work or volunteering"),
	    FIELD_WHOLE, 0, COUNT_MAX, NULL, NULL, NULL),
};
#define NACTIVITY	(sizeof(activity_fields) / sizeof(activity_fields[0]))

static int
activity_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const char	*month = view_str(v, "month");
	size_t		 i;
	int		 rc = DB_OK;

	(void)ctx;
	(void)errors;
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
		.title = N_("Record a month's activity"), .submit = N_("Save"),
		.fields = activity_fields, .nfields = NACTIVITY,
		.save = activity_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}
