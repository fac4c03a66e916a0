/*
 * The evidence dashboards: the organisation's, a site's and a group's,
 * each the builder's view (evidence_build.c) for a period, with links to
 * the records behind each measure for staff covering the scope, and the
 * annual report's documents for the same period.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "../auth/roles.h"
#include "../config.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* The period's two boxes: dates (the browser shows them in its
 * reader's style and sends them as ISO), both optional. */
static const struct field_spec period_fields[] = {
	{ "from", N_("First day of the period"), FIELD_DATE, 0, 0, NULL,
	    NULL, NULL },
	{ "to", N_("Last day of the period"), FIELD_DATE, 0, 0, NULL,
	    N_("At most 24 months after the first"), NULL },
};

/* The first day of the month EVIDENCE_MONTHS - 1 before to. */
static void
period_start(const char *to, char from[DATE_CHARS + 1])
{
	char	 back[DATE_CHARS + 1];

	date_add_months(to, -(EVIDENCE_MONTHS - 1), back);
	snprintf(from, DATE_CHARS + 1, "%.7s-01", back);
}

int
evidence_period(struct request *rq, char from[DATE_CHARS + 1],
    char to[DATE_CHARS + 1], json_t **typed, json_t **errors)
{
	char		 months[EVIDENCE_MONTHS_MAX][8];
	const char	*f, *t;

	if (fields_validate(period_fields, FIELDS_COUNT(period_fields),
	    &rq->query, NULL, typed, errors) == -1)
		return -1;
	f = json_string_value(json_object_get(*typed, "from"));
	t = json_string_value(json_object_get(*typed, "to"));
	date_today(rq->now, to);
	if (json_array_size(*errors) == 0 && t != NULL)
		snprintf(to, DATE_CHARS + 1, "%s", t);
	period_start(to, from);
	if (json_array_size(*errors) == 0 && f != NULL)
		snprintf(from, DATE_CHARS + 1, "%s", f);
	if (json_array_size(*errors) == 0 &&
	    evidence_months(from, to, months) < 0)
		form_error(*errors, "to", strcmp(to, from) < 0 ?
		    N_("The last day of the period must be on or after its "
		    "first day") : N_("The period can last at most 24 months"));
	if (json_array_size(*errors) == 0)
		return 0;
	/* The page still shows figures, for the last months, beside the
	 * form that names what to change. */
	date_today(rq->now, to);
	period_start(to, from);
	return 1;
}

json_t *
evidence_period_form(const json_t *typed, const json_t *errors)
{
	return json_pack("{s:o}", "fields", fields_view(period_fields,
	    FIELDS_COUNT(period_fields), typed, errors, NULL));
}

int
evidence_scope_of(struct request *rq, struct evidence_scope *s,
    json_t **about, const char **kind)
{
	int	 rc;

	s->site_id = s->group_id = 0;
	*about = NULL;
	if (strncmp(rq->path, "/groups/", 8) == 0) {
		*kind = "group";
		if ((rc = group_load(rq->db, rq->ids[0], about)) <= 0)
			return rc;
		s->group_id = rq->ids[0];
		s->site_id = view_int(*about, "site_id");
		return 1;
	}
	if (strncmp(rq->path, "/sites/", 7) == 0) {
		*kind = "site";
		if ((rc = site_load(rq->db, rq->ids[0], about)) <= 0)
			return rc;
		s->site_id = rq->ids[0];
		return 1;
	}
	*kind = "organisation";
	*about = json_pack("{s:s}", "name", N_("the organisation"));
	return *about != NULL ? 1 : -1;
}

json_t *
evidence_view(struct request *rq, struct response *rs, const char *from,
    const char *to, const char **kind, const struct catalogue *words)
{
	struct evidence_scope	 s;
	json_t			*about, *view;
	char			 today[DATE_CHARS + 1];
	int			 rc, staff;

	if ((rc = evidence_scope_of(rq, &s, &about, kind)) <= 0) {
		if (rc == 0)
			response_error(rs, 404, "Page not found.");
		else
			response_error(rs, 500, "Something went wrong.");
		return NULL;
	}
	if (strcmp(*kind, "organisation") == 0)
		json_object_set_new(about, "name", json_string(catalogue_get(
		    words, N_("the organisation"))));
	date_today(rq->now, today);
	/* Records behind a figure only for staff covering the scope. */
	staff = access_covers(&rq->who, ROLES_STAFF, s.site_id, s.group_id);
	view = evidence_build(rq->db, &s, view_str(about, "name"), from, to,
	    today, rq->app->config->suppression_threshold, staff, words);
	if (view == NULL) {
		json_decref(about);
		response_error(rs, 500, "Something went wrong.");
		return NULL;
	}
	json_object_set_new(view, "about", about);
	json_object_set_new(view, "scope", json_string(*kind));
	json_object_set_new(view, "can_edit", json_boolean(staff));
	json_object_set_new(view, "local_targets", json_boolean(staff &&
	    strcmp(*kind, "organisation") != 0 &&
	    local_targets_allowed(rq->db) == 1));
	return view;
}

/* A period refused comes back as the dashboard of the last months,
 * 422, with the boxes as they were typed and each error beside its box;
 * a period taken shows in the boxes as the figures were counted. */
void
evidence_dashboard(struct request *rq, struct response *rs)
{
	json_t		*view = NULL, *typed = NULL, *errors = NULL;
	const char	*kind;
	char		 from[DATE_CHARS + 1], to[DATE_CHARS + 1], *base;
	int		 refused;

	/* The page in its reader's words; the JSON in English, as
	 * programs reading it have always had it. */
	if ((refused = evidence_period(rq, from, to, &typed, &errors)) == -1) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	if ((view = evidence_view(rq, rs, from, to, &kind, rq->wants_json ||
	    rq->api ? NULL : language_words(rq->lang))) == NULL)
		goto out;
	/* The same path serves the documents: path + "/report.pdf". */
	if (asprintf(&base, "%s/report", rq->path) == -1) {
		response_error(rs, 500, "Something went wrong.");
		goto out;
	}
	json_object_set_new(view, "report_base", json_string(base));
	free(base);
	if (!refused) {
		json_object_set_new(typed, "from", json_string(from));
		json_object_set_new(typed, "to", json_string(to));
	}
	json_object_set_new(view, "period_form", evidence_period_form(typed,
	    errors));
	json_object_set(view, "errors", errors);
	json_object_set_new(view, "has_errors", json_boolean(refused));
	json_object_set_new(view, "title", json_string(N_("Evidence of "
	    "involvement")));
	json_object_set_new(view, "is_group", json_boolean(strcmp(kind,
	    "group") == 0));
	json_object_set_new(view, "is_site", json_boolean(strcmp(kind,
	    "site") == 0));
	json_object_set_new(view, "is_organisation", json_boolean(strcmp(kind,
	    "organisation") == 0));
	response_page(rs, refused ? 422 : 200, "evidence/dashboard", view);
	view = NULL;
out:
	json_decref(view);
	json_decref(typed);
	json_decref(errors);
}
