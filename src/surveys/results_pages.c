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
#include "../server/language.h"
#include "../util/text.h"
#include "../util/catalogue.h"
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
	    "by"), rq->app->config->suppression_threshold,
	    language_words(rq->lang), survey_reader_lang(rq));
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
	json_object_set_new(r, "title", json_string(N_("Results")));
	json_object_set_new(r, "survey", survey_view_words(s,
	    survey_reader_lang(rq)));
	json_object_set_new(r, "is_staff", json_boolean(access_covers(&rq->who,
	    ROLES_STAFF, view_int(s, "site_id"), view_int(s, "group_id"))));
	json_decref(s);
	json_object_set_new(r, "by", json_string(form_get(&rq->query, "by") ?
	    form_get(&rq->query, "by") : ""));
	response_page(rs, 200, "surveys/results", r);
}

/*
 * The answers a coding post names: the ticked "pick" boxes
 * ("response-question", as many as SURVEY_CODE_BATCH_MAX), or the one
 * answer of a single form (response, question).  An array of [response,
 * question] pairs, or NULL when one of them is not a pair of ids.
 */
static json_t *
theme_picks(struct request *rq)
{
	json_t		*out = json_array();
	const char	*p;
	char		*end;
	long long	 resp, q;
	size_t		 k;

	for (k = 0; (p = form_get_nth(&rq->body, "pick", k)) != NULL; k++) {
		resp = strtoll(p, &end, 10);
		q = *end == '-' ? strtoll(end + 1, &end, 10) : 0;
		if (resp <= 0 || q <= 0 || *end != '\0' ||
		    k >= SURVEY_CODE_BATCH_MAX) {
			json_decref(out);
			return NULL;
		}
		json_array_append_new(out, json_pack("[I, I]",
		    (json_int_t)resp, (json_int_t)q));
	}
	resp = form_get_id(&rq->body, "response");
	q = form_get_id(&rq->body, "question");
	if (resp > 0 && q > 0)
		json_array_append_new(out, json_pack("[I, I]",
		    (json_int_t)resp, (json_int_t)q));
	return out;
}

/* Whether every pick is a free-text answer of the survey: 1 yes, 0 no
 * (one is not), -1 error.  theme_tag alone would skip a stranger
 * silently and code the rest. */
static int
theme_picks_known(struct request *rq, const json_t *picks)
{
	const json_t	*p;
	size_t		 i;
	int		 rc;

	json_array_foreach(picks, i, p)
		if ((rc = text_answer_of(rq->db, rq->ids[0],
		    json_integer_value(json_array_get(p, 0)),
		    json_integer_value(json_array_get(p, 1)))) <= 0)
			return rc < 0 ? -1 : 0;
	return 1;
}

/* Marks the answers that were ticked ("picked"), so a refused post
 * shows the form as it was sent. */
static void
answers_mark_picked(json_t *answers, const json_t *picks)
{
	json_t		*a;
	const json_t	*p;
	size_t		 i, k;

	json_array_foreach(answers, i, a)
		json_array_foreach(picks, k, p)
			if (json_integer_value(json_array_get(p, 0)) ==
			    view_int(a, "response_id") &&
			    json_integer_value(json_array_get(p, 1)) ==
			    view_int(a, "question_id"))
				json_object_set_new(a, "picked", json_true());
}

/* Codes every picked answer into the theme called name: DB_OK, or the
 * first failure (the request's transaction then rolls them all back). */
static int
theme_code(struct request *rq, const char *name, const json_t *picks)
{
	const json_t	*p;
	int64_t		 theme;
	size_t		 i;
	int		 rc;

	rc = theme_add(rq->db, rq->who.account_id, rq->ids[0], name, &theme);
	json_array_foreach(picks, i, p)
		if (rc == DB_OK)
			rc = theme_tag(rq->db, rq->who.account_id, theme,
			    json_integer_value(json_array_get(p, 0)),
			    json_integer_value(json_array_get(p, 1)));
	return rc;
}

/*
 * The themes page: one page of the answers to tick (bounded like every
 * list: 200 answers are several pages, each coded in one post), those a
 * refused post ticked ticked again, the themes so far and the errors.
 */
static void
themes_show(struct request *rq, struct response *rs, const json_t *s,
    json_t *errors, const json_t *picks, const char *name)
{
	struct paging	 pg;
	json_t		*answers, *view;

	if (paging_refused(&pg, rq, rs))
		return;
	if ((answers = text_answers_page(rq->db, rq->ids[0], &pg)) == NULL) {
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	/* Each answer's question as its reader reads it. */
	survey_words_in(answers, "prompt", survey_reader_lang(rq));
	view = json_pack("{s:s, s:o, s:o, s:o?, s:O, s:b, s:s?}", "title",
	    "Free-text answers and themes", "survey", survey_view_words(s,
	    survey_reader_lang(rq)), "answers", answers,
	    "themes", survey_themes(rq->db, rq->ids[0]), "errors", errors,
	    "has_errors", json_array_size(errors) > 0, "typed_theme", name);
	if (view == NULL || paging_finish(&pg, rq, view, answers,
	    "page_key") == -1) {
		json_decref(view);
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	answers_mark_picked(answers, picks);
	json_object_set_new(view, "has_answers", json_boolean(
	    json_array_size(answers) > 0));
	response_page(rs, json_array_size(errors) ? 422 : 200,
	    "surveys/themes", view);
	paging_clear(&pg);
}

void
survey_themes_page(struct request *rq, struct response *rs)
{
	json_t		*s, *errors, *picks = NULL;
	const char	*name = form_get(&rq->body, "theme");
	int		 rc, known;

	if ((s = survey_of(rq, rs)) == NULL)
		return;
	errors = json_array();
	if (rq->method == HTTP_POST) {
		if (name == NULL || *name == '\0' || utf8_length(name,
		    strlen(name)) > NAME_MAX_CHARS)
			form_error(errors, "theme", N_("Theme: give a short name, "
			    "up to 120 characters"));
		else
			fields_names_check(errors, "theme", "Theme", name,
			    form_get(&rq->body, "no_names") != NULL);
		if ((picks = theme_picks(rq)) == NULL)
			form_error_words(errors, "pick", N_("Answers: tick "
			    "answers from the list, up to {max} at once"),
			    json_pack("{s:i}", "max", SURVEY_CODE_BATCH_MAX));
		else if (json_array_size(picks) == 0)
			form_error(errors, "pick", N_("Answers: tick the answers "
			    "to code"));
		else if ((known = theme_picks_known(rq, picks)) < 0) {
			response_error(rs, 500, "Something went wrong.");
			goto out;
		} else if (known == 0)
			form_error(errors, "pick", N_("Answers: tick answers from "
			    "the list; one ticked is not an answer of this "
			    "survey"));
		if (json_array_size(errors) == 0) {
			rc = theme_code(rq, name, picks);
			if (rc == DB_OK) {
				response_redirect(rs, "/surveys/%lld/themes",
				    (long long)rq->ids[0]);
				goto out;
			}
			if (rc != DB_CONSTRAINT) {
				response_error(rs, 500, "Something went wrong.");
				goto out;
			}
			form_error(errors, "theme", N_("Theme: the survey has as "
			    "many themes as it can hold"));
		}
	}
	themes_show(rq, rs, s, errors, picks, name);
out:
	json_decref(picks);
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
