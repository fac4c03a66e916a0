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

int
evidence_period(struct request *rq, struct response *rs,
    char from[DATE_CHARS + 1], char to[DATE_CHARS + 1])
{
	char		 today[DATE_CHARS + 1], back[DATE_CHARS + 1];
	char		 months[EVIDENCE_MONTHS_MAX][8];
	const char	*f = form_get(&rq->query, "from");
	const char	*t = form_get(&rq->query, "to");

	date_today(rq->now, today);
	if (t != NULL && *t != '\0' && !date_valid(t)) {
		response_error(rs, 400, "to: enter the last day of the period "
		    "as a date, such as 2026-03-31.");
		return -1;
	}
	snprintf(to, DATE_CHARS + 1, "%s", t != NULL && *t ? t : today);
	if (f != NULL && *f != '\0' && !date_valid(f)) {
		response_error(rs, 400, "from: enter the first day of the "
		    "period as a date, such as 2025-04-01.");
		return -1;
	}
	if (f != NULL && *f != '\0')
		snprintf(from, DATE_CHARS + 1, "%s", f);
	else {
		/* The first day of the month EVIDENCE_MONTHS - 1 back. */
		date_add_months(to, -(EVIDENCE_MONTHS - 1), back);
		snprintf(from, DATE_CHARS + 1, "%.7s-01", back);
	}
	if (evidence_months(from, to, months) < 0) {
		response_error(rs, 400, "from: the period must start on or "
		    "before its last day and last at most 24 months.");
		return -1;
	}
	return 0;
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

void
evidence_dashboard(struct request *rq, struct response *rs)
{
	json_t		*view;
	const char	*kind;
	char		 from[DATE_CHARS + 1], to[DATE_CHARS + 1], *base;

	/* The page in its reader's words; the JSON in English, as
	 * programs reading it have always had it. */
	if (evidence_period(rq, rs, from, to) == -1 ||
	    (view = evidence_view(rq, rs, from, to, &kind, rq->wants_json ||
	    rq->api ? NULL : language_words(rq->lang))) == NULL)
		return;
	/* The same path serves the documents: path + "/report.pdf". */
	if (asprintf(&base, "%s/report", rq->path) == -1) {
		json_decref(view);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	json_object_set_new(view, "report_base", json_string(base));
	free(base);
	json_object_set_new(view, "title", json_string(N_("Evidence of "
	    "involvement")));
	json_object_set_new(view, "is_group", json_boolean(strcmp(kind,
	    "group") == 0));
	json_object_set_new(view, "is_site", json_boolean(strcmp(kind,
	    "site") == 0));
	json_object_set_new(view, "is_organisation", json_boolean(strcmp(kind,
	    "organisation") == 0));
	response_view(rs, "evidence/dashboard", view);
}
