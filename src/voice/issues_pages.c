/*
 * Collective issues: what the group raises as an entity, never a person.
 * Staff build them from logs; members see the statement and the
 * evidence, with small counts suppressed; the group records whether it
 * judges the issue valid and representative, and why not when it does not.
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

/* Counts in a row shown as the viewer may see them. */
static void
suppress(json_t *row, const char *key, int threshold, int exact)
{
	json_t	*n = json_object_get(row, key);

	if (json_is_integer(n))
		json_object_set_new(row, key, voice_count(json_integer_value(n),
		    threshold, exact));
}

void
issues_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;
	struct paging		 pg;
	json_t			*rows, *row, *view;
	char			 today[DATE_CHARS + 1];
	size_t			 i;
	int			 t = rq->app->config->suppression_threshold;

	if (paging_refused(&pg, rq, rs))
		return;
	if (access_filter(&rq->who, ROLES_ALL, 0, &f) == -1) {
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	date_today(rq->now, today);
	rows = issue_list(rq->db, &f, paging_filter(rq, "status"), &pg);
	json_array_foreach(rows, i, row) {
		voice_labels(row, today);
		suppress(row, "log_count", t, access_covers(&rq->who,
		    ROLES_STAFF, view_int(row, "site_id"), 0));
	}
	view = json_pack("{s:s, s:o, s:o}", "title", N_("Collective issues"),
	    "issues", rows,
	    "filter", paging_filter_view("status", N_("Status"), issue_statuses,
	    paging_filter(rq, "status")));
	paging_finish(&pg, rq, view, rows, NULL);
	response_view(rs, "voice/issues", view);
	paging_clear(&pg);
	scope_filter_clear(&f);
}

void
issues_show(struct request *rq, struct response *rs)
{
	struct paging	 pg;
	json_t		*issue, *ev, *view;
	char		 today[DATE_CHARS + 1];
	int		 staff, t = rq->app->config->suppression_threshold;

	if (issue_load(rq->db, rq->ids[0], &issue) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	date_today(rq->now, today);
	voice_labels(issue, today);
	/* Logs are read by staff at the site (voice_log_visible); a grant
	 * for the issue's group alone does not reach them. */
	staff = access_covers(&rq->who, ROLES_STAFF, json_integer_value(
	    json_object_get(issue, "site_id")), 0);
	if (paging_refused(&pg, rq, rs)) {
		json_decref(issue);
		return;
	}
	if ((ev = issue_evidence(rq->db, rq->ids[0], today, &pg)) != NULL) {
		if (voice_evidence_counts(ev, t, staff, today) == -1) {
			json_decref(ev);
			json_decref(issue);
			paging_clear(&pg);
			response_error(rs, 500, "Something went wrong.");
			return;
		}
		/* The logs themselves are for staff only. */
		if (!staff)
			json_object_del(ev, "logs");
		else
			voice_labels_all(json_object_get(ev, "logs"), today);
	}
	view = json_pack("{s:O, s:o, s:o, s:b}", "title", json_object_get(
	    issue, "title"), "issue", issue, "evidence", ev ? ev :
	    json_object(), "can_manage", staff);
	/* Only staff see the logs, so only they get their cursor. */
	if (staff && ev != NULL)
		paging_finish(&pg, rq, view, json_object_get(ev, "logs"),
		    "occurred_at");
	paging_clear(&pg);
	response_view(rs, "voice/issue", view);
}

static json_t *
issue_options(struct request *rq, int64_t site)
{
	struct scope_filter	 f;
	json_t			*o;

	if (access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1)
		return NULL;
	o = json_pack("{s:o, s:o, s:o}", "site_id", site_options(rq->db, &f),
	    "group_id", group_list_options(rq->db, &f),
	    "conversation_ids", site > 0 ? conversation_ungrouped(rq->db,
	    site) : json_array());
	scope_filter_clear(&f);
	return o;
}

static int
issue_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id;
	int	 rc;

	(void)ctx;
	if (json_is_integer(json_object_get(v, "group_id")) &&
	    !group_at_site(rq->db, view_int(v, "group_id"), view_int(v, "site_id"))) {
		form_error(errors, "group_id", N_("Select a group that meets at "
		    "the site you chose"));
		return DB_CONSTRAINT;
	}
	if ((rc = issue_add(rq->db, rq->who.account_id, v, &id)) == DB_OK)
		*location = location_of("/issues/%lld", id);
	return rc;
}

void
issues_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Raise a collective issue"),
		.submit = N_("Save issue"),
		.back = "/issues", .fields = issue_fields,
		.nfields = issue_fields_count, .save = issue_store,
		.lede = N_("Choose the site first to see its logs."),
	};
	int64_t		 site = form_get_id(&rq->query, "site");
	json_t		*options, *initial;

	/* The logs offered are the chosen site's: from the query on GET,
	 * from the form on POST. */
	if (rq->method == HTTP_POST)
		site = form_get_id(&rq->body, "site_id");
	if (site > 0 && !access_covers(&rq->who, ROLES_STAFF, site, 0))
		site = 0;
	if ((options = issue_options(rq, site)) == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	initial = site > 0 ? json_pack("{s:I}", "site_id", (json_int_t)site) :
	    NULL;
	fp.options = options;
	fp.initial = initial;
	form_page_run(rq, rs, &fp);
	json_decref(options);
	json_decref(initial);
}

static int
logs_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = issue_add_logs(rq->db, rq->who.account_id, rq->ids[0],
	    json_object_get(v, "conversation_ids"));
	if (rc == DB_OK)
		*location = location_of("/issues/%lld", rq->ids[0]);
	return rc;
}

static json_t *
logs_prepare(struct request *rq, struct response *rs, json_t *issue,
    struct form_page *fp, int *refused)
{
	json_t	*options;
	int64_t	 site = view_int(issue, "site_id");

	if (!access_covers(&rq->who, ROLES_STAFF, site, 0)) {
		response_error(rs, 403, "Only staff at the site choose its logs.");
		*refused = 1;
		return NULL;
	}
	options = json_pack("{s:o}", "conversation_ids",
	    conversation_ungrouped(rq->db, site));
	fp->options = options;
	return options;
}

void
issues_add_logs(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		issue_load, "/issues/%lld", "title", logs_prepare,
	};
	struct form_page fp = {
		.title = N_("Add logs to this issue"), .submit = N_("Add logs"),
		.fields = issue_logs_fields, .nfields = issue_logs_fields_count,
		.save = logs_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* Checked with the fields, so every error shows in one answer. */
static int
decision_rules(const json_t *v, json_t *errors)
{
	const char	*status = json_string_value(json_object_get(v, "status"));

	if (status != NULL && strcmp(status, "not_taken_forward") == 0 &&
	    json_string_value(json_object_get(v, "decision_reason")) == NULL)
		form_error(errors, "decision_reason", N_("Enter the reason: members "
		    "are told why an issue is not taken forward"));
	return 0;
}

static int
decision_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int		 rc;

	(void)ctx;
	(void)errors;
	rc = issue_decide(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/issues/%lld", rq->ids[0]);
	return rc;
}

static json_t *
decision_prepare(struct request *rq, struct response *rs, json_t *issue,
    struct form_page *fp, int *refused)
{
	char	 today[DATE_CHARS + 1];
	json_t	*initial;

	(void)rs;
	(void)issue;
	(void)refused;
	date_today(rq->now, today);
	initial = json_pack("{s:s}", "decided_on", today);
	fp->initial = initial;
	return initial;
}

void
issues_decision(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		issue_load, "/issues/%lld", "title", decision_prepare,
	};
	struct form_page fp = {
		.title = N_("Record the group's decision"),
		.submit = N_("Save decision"),
		.fields = issue_decision_fields,
		.nfields = issue_decision_fields_count, .save = decision_store,
		.rules = decision_rules,
	};

	form_page_record(rq, rs, &fp, &fr);
}
