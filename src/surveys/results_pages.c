/*
 * Results people can read: the page (counts, shares, charts, scored
 * instruments, a breakdown), and for staff the free-text answers to code
 * into themes, a theme becoming a collective issue for the group.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../util/text.h"
#include "../util/view.h"

/* The survey of the path, or NULL with the response answered. */
static json_t *
survey_of(struct request *rq, struct response *rs)
{
	json_t	*s;
	int	 rc;

	if ((rc = survey_load(rq->db, rq->ids[0], &s)) <= 0) {
		response_error(rs, rc < 0 ? 500 : 404, rc < 0 ?
		    "Something went wrong." : "Page not found.");
		return NULL;
	}
	json_object_del(s, "token");
	return s;
}

json_t *
survey_results_of(struct request *rq, const json_t *s)
{
	int64_t	 version = results_version(rq->db, s, form_get_id(&rq->query,
		    "version"));

	return survey_results_build(rq->db, version, form_get(&rq->query,
	    "by"), rq->app->config->suppression_threshold);
}

void
survey_results(struct request *rq, struct response *rs)
{
	json_t	*s, *r;

	if ((s = survey_of(rq, rs)) == NULL)
		return;
	if ((r = survey_results_of(rq, s)) == NULL) {
		json_decref(s);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	json_object_set_new(r, "title", json_string("Results"));
	json_object_set_new(r, "survey", s);
	json_object_set_new(r, "is_staff", json_boolean(access_covers(&rq->who,
	    ROLES_STAFF, view_int(s, "site_id"), view_int(s, "group_id"))));
	json_object_set_new(r, "by", json_string(form_get(&rq->query, "by") ?
	    form_get(&rq->query, "by") : ""));
	response_page(rs, 200, "surveys/results", r);
}

void
survey_themes_page(struct request *rq, struct response *rs)
{
	json_t		*s, *errors;
	const char	*name = form_get(&rq->body, "theme");
	int64_t		 theme, resp = form_get_id(&rq->body, "response");
	int64_t		 q = form_get_id(&rq->body, "question");
	int		 rc;

	if ((s = survey_of(rq, rs)) == NULL)
		return;
	errors = json_array();
	if (rq->method == HTTP_POST) {
		if (name == NULL || *name == '\0' || utf8_length(name,
		    strlen(name)) > NAME_MAX_CHARS)
			form_error(errors, "theme", "Theme: give a short name, "
			    "up to 120 characters");
		else
			fields_names_check(errors, "theme", "Theme", name,
			    form_get(&rq->body, "no_names") != NULL);
		if (resp == 0 || q == 0)
			form_error(errors, "theme", "Theme: choose an answer "
			    "to code");
		if (json_array_size(errors) == 0) {
			rc = theme_add(rq->db, rq->who.account_id, rq->ids[0],
			    name, &theme);
			if (rc == DB_OK)
				rc = theme_tag(rq->db, rq->who.account_id,
				    theme, resp, q);
			if (rc == DB_OK) {
				response_redirect(rs, "/surveys/%lld/themes",
				    (long long)rq->ids[0]);
				goto out;
			}
			if (rc != DB_CONSTRAINT) {
				response_error(rs, 500, "Something went wrong.");
				goto out;
			}
			form_error(errors, "theme", "Theme: the survey has as "
			    "many themes as it can hold");
		}
	}
	response_page(rs, json_array_size(errors) ? 422 : 200,
	    "surveys/themes", json_pack("{s:s, s:O, s:o, s:o, s:O, s:b}",
	    "title", "Free-text answers and themes", "survey", s,
	    "answers",
	    text_answers(rq->db, rq->ids[0]), "themes", survey_themes(rq->db,
	    rq->ids[0]), "errors", errors, "has_errors",
	    json_array_size(errors) > 0));
out:
	json_decref(errors);
	json_decref(s);
}

void
survey_theme_issue(struct request *rq, struct response *rs)
{
	json_t	*t;
	int64_t	 issue;
	int	 rc;

	if (theme_load(rq->db, rq->ids[0], &t) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	/* Collective issues belong to a site; an organisation-wide survey
	 * has none to give them. */
	if (view_int(t, "site_id") == 0) {
		response_error(rs, 409, "An issue belongs to one site, and this "
		    "survey is organisation-wide: raise the theme as an issue "
		    "at the site it concerns.");
		json_decref(t);
		return;
	}
	rc = theme_to_issue(rq->db, rq->who.account_id, t, &issue);
	if (rc == DB_OK)
		response_redirect(rs, "/issues/%lld", (long long)issue);
	else
		response_error(rs, rc == DB_CONSTRAINT ? 409 : 500, rc ==
		    DB_CONSTRAINT ? "This theme is already an issue." :
		    "Something went wrong.");
	json_decref(t);
}
