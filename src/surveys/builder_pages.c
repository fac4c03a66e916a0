/*
 * Building a survey, for the group's members and reps and for staff
 * (co-production: the route table gives them the same pages).  Staff
 * open and close it.  Questions are added one at a time or as a whole
 * instrument; once the current version has responses, a change starts
 * a new version (surveys_store.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../auth/secret.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../server/saved_notice.h"
#include "../server/route_access.h"
#include "../util/catalogue.h"
#include "../util/view.h"

void
surveys_index(struct request *rq, struct response *rs)
{
	json_t	*surveys = survey_list(rq->db, &rq->who);
	json_t	*votes = event_vote_list(rq->db, &rq->who);

	survey_words_in(surveys, "title", survey_reader_lang(rq));

	response_view(rs, "surveys/list", surveys && votes ? json_pack(
	    "{s:s, s:o, s:o}", "title", N_("Surveys and consultations"),
	    "surveys", surveys, "votes", votes) : NULL);
	if (surveys == NULL || votes == NULL) {
		json_decref(surveys);
		json_decref(votes);
	}
}

static int
survey_store_new(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id;
	int	 rc;

	(void)ctx;
	rc = survey_add(rq->db, rq->who.account_id, rq->ids[0], v, &id);
	if (rc == DB_OK)
		*location = location_of("/surveys/%lld", id);
	return form_constraint(rc, errors, "title", N_("That group no longer "
	    "exists"));
}

void
surveys_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld", "name", NULL,
	};
	struct form_page fp = {
		.title = N_("Start a survey"), .submit = N_("Start it"),
		.fields = survey_fields, .nfields = survey_fields_count,
		.save = survey_store_new,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static int
survey_store_edit(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = survey_update(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/surveys/%lld", rq->ids[0]);
	return rc;
}

static json_t *
survey_edit_prepare(struct request *rq, struct response *rs, json_t *record,
    struct form_page *fp, int *refused)
{
	(void)rq;
	(void)rs;
	(void)refused;
	fp->initial = record;
	return NULL;
}

void
surveys_edit(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		survey_load, "/surveys/%lld", "title", survey_edit_prepare,
	};
	struct form_page fp = {
		.title = N_("Change the survey"), .submit = N_("Save"),
		.fields = survey_fields, .nfields = survey_fields_count,
		.save = survey_store_edit,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/*
 * What an open survey's page offers for collecting answers, each only to
 * whoever can use it: a member or rep who is asked (not running it)
 * answers it themselves on its answer form; the interview and paper
 * entry, as the route table allows (collect_by_hand when either is, so
 * no empty row of buttons is drawn); staff get the link and the kiosk.
 */
static void
collecting_view(struct request *rq, json_t *view, const json_t *s,
    int staff)
{
	char	 path[64], href[TOKEN_CHARS + 16];
	int	 by_hand, asked;

	snprintf(path, sizeof(path), "/surveys/%lld/interview",
	    (long long)view_int(s, "id"));
	by_hand = route_allowed(rq, HTTP_GET, path);
	snprintf(path, sizeof(path), "/surveys/%lld/paper-entry",
	    (long long)view_int(s, "id"));
	by_hand |= route_allowed(rq, HTTP_GET, path);
	asked = !staff && access_covers(&rq->who, ROLE_BIT(ROLE_MEMBER) |
	    ROLE_BIT(ROLE_REP), view_int(s, "site_id"), view_int(s,
	    "group_id"));
	json_object_set_new(view, "collect_by_hand", json_boolean(by_hand));
	if (asked) {
		snprintf(href, sizeof(href), "/answer?t=%s", view_str(s,
		    "token"));
		json_object_set_new(view, "answer_href", json_string(href));
	}
	json_object_set_new(view, "collecting", json_boolean(staff ||
	    by_hand || asked));
}

void
surveys_show(struct request *rq, struct response *rs)
{
	json_t	*s, *qs, *view;
	int	 staff, writer, open;

	if (survey_load(rq->db, rq->ids[0], &s) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	staff = access_covers(&rq->who, ROLES_STAFF, view_int(s, "site_id"),
	    view_int(s, "group_id"));
	writer = access_covers(&rq->who, ROLE_BIT(ROLE_MEMBER) |
	    ROLE_BIT(ROLE_REP) | ROLES_STAFF, view_int(s, "site_id"),
	    view_int(s, "group_id"));
	qs = survey_questions(rq->db, view_int(s, "version_id"));
	open = strcmp(view_str(s, "state"), "open") == 0;
	view = json_pack("{s:s, s:o, s:b, s:b, s:b, s:b, s:o}", "title",
	    N_("Survey"), "versions", survey_versions(rq->db, rq->ids[0]),
	    "is_staff", staff, "is_writer", writer, "is_open", open,
	    "is_draft", strcmp(view_str(s, "state"), "draft") == 0,
	    "places", survey_places(rq->db, view_int(s, "site_id")));
	if (view != NULL && open)
		collecting_view(rq, view, s, staff);
	/* Only those who run it are shown the link to hand out; someone
	 * asked has it only as their way in (answer_href). */
	if (!staff)
		json_object_del(s, "token");
	if (view != NULL) {
		json_object_set_new(view, "survey", survey_view_words(s,
		    survey_reader_lang(rq)));
		json_object_set_new(view, "questions", answer_form_view(qs,
		    NULL, NULL, survey_reader_lang(rq)));
	}
	json_decref(s);
	json_decref(qs);
	response_view(rs, "surveys/show", view);
}

/* The choices in Welsh: each stands beside the English line in the
 * same place, so there are no more of them than choices (fewer leave
 * the rest in English), each no longer than a choice may be.  Only a
 * list has them. */
static void
welsh_choices_rules(json_t *v, json_t *errors, size_t choices)
{
	json_t	*lines = choices_lines(view_str(v, "choices_cy")), *l;
	size_t	 i;

	if (json_array_size(lines) > choices)
		form_error(errors, "choices_cy", choices == 0 ?
		    N_("Only a list of choices has choices in Welsh") :
		    N_("Give no more choices in Welsh than in English, one "
		    "a line in the same order"));
	json_array_foreach(lines, i, l)
		if (strlen(json_string_value(l)) > SURVEY_CHOICE_MAX_CHARS) {
			form_error(errors, "choices_cy", N_("A choice in Welsh "
			    "is too long"));
			break;
		}
	json_decref(lines);
}

/* Checks a question's fields against each other; adds errors.  count is
 * the number of questions already in the survey. */
static void
question_rules(json_t *v, json_t *errors, int64_t count)
{
	enum question_kind k = question_kind_of(view_str(v, "kind"));
	json_t		*lines, *l, *skip_to;
	const char	*problem;
	size_t		 i;
	int		 list = k == QK_SINGLE || k == QK_MULTIPLE;

	lines = choices_lines(view_str(v, "choices"));
	if (list && (json_array_size(lines) < 2 ||
	    json_array_size(lines) > SURVEY_CHOICES_MAX))
		form_error(errors, "choices", N_("Give from 2 to 12 choices, one "
		    "a line"));
	json_array_foreach(lines, i, l)
		if (strlen(json_string_value(l)) > SURVEY_CHOICE_MAX_CHARS)
			form_error(errors, "choices",
			    N_("A choice is too long"));
	welsh_choices_rules(v, errors, list ? json_array_size(lines) : 0);
	if (!list)
		json_object_set_new(v, "choices", json_string(""));
	if (k == QK_SCALE && view_int(v, "scale_max") < 2)
		form_error(errors, "scale_max", N_("Give the top of the scale, "
		    "from 2 to 10"));
	if (k != QK_SCALE)
		json_object_set_new(v, "scale_max", json_null());
	skip_to = json_object_get(v, "skip_to");
	if (json_is_string(json_object_get(v, "skip_answer")) !=
	    json_is_integer(skip_to))
		form_error(errors, "skip_to", N_("Give both the answer and the "
		    "question to go to, or neither"));
	else if (json_is_integer(skip_to)) {
		int found = 0;

		if (k != QK_SINGLE)
			form_error(errors, "skip_answer", N_("Only a one-answer "
			    "list can skip"));
		json_array_foreach(lines, i, l)
			if (strcmp(json_string_value(l), view_str(v,
			    "skip_answer")) == 0)
				found = 1;
		if (!found)
			form_error(errors, "skip_answer", N_("Type one of the "
			    "choices exactly"));
		/* Its own number will be count + 1; targets after it may
		 * not exist yet, and are checked again when it opens. */
		problem = skip_problem(count + 1, json_integer_value(skip_to),
		    SURVEY_QUESTIONS_MAX + 1);
		if (problem != NULL)
			form_error(errors, "skip_to", problem);
	}
	json_decref(lines);
}

static int
question_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	json_t	*s, *qs, *rows;
	int	 rc;

	(void)ctx;
	if (survey_load(rq->db, rq->ids[0], &s) <= 0)
		return DB_ERROR;
	qs = survey_questions(rq->db, view_int(s, "version_id"));
	json_decref(s);
	if (qs == NULL)
		return DB_ERROR;
	question_rules(v, errors, (int64_t)json_array_size(qs));
	json_decref(qs);
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	json_object_set_new(v, "instrument", json_null());
	json_object_set_new(v, "item_key", json_null());
	rows = json_pack("[O]", v);
	rc = survey_questions_add(rq->db, rq->who.account_id, rq->ids[0],
	    rows);
	json_decref(rows);
	if (rc == DB_OK)
		*location = location_of("/surveys/%lld#questions", rq->ids[0]);
	return form_constraint(rc, errors, "prompt", "The survey has as many "
	    "questions as it can hold");
}

void
survey_questions_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		survey_load, "/surveys/%lld", "title", NULL,
	};
	struct form_page fp = {
		.title = N_("Add a question"), .submit = N_("Add the question"),
		.fields = survey_question_fields,
		.nfields = survey_question_fields_count, .save = question_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* A whole instrument, chosen from the list the survey's page offers
 * too (it posts here); a choice refused comes back as this form. */
static const struct field_spec instrument_fields[] = {
	{ "instrument", N_("Set of tested questions"), FIELD_CHOICE, 1, 0,
	    instrument_choices, N_("Each set is scored for you"), NULL },
};

static int
instrument_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	json_t	*rows = instrument_questions(view_str(v, "instrument"));
	int	 rc;

	(void)ctx;
	if (rows == NULL)
		return DB_ERROR;
	rc = survey_questions_add(rq->db, rq->who.account_id, rq->ids[0],
	    rows);
	json_decref(rows);
	if (rc == DB_OK)
		*location = location_of("/surveys/%lld#questions", rq->ids[0]);
	return form_constraint(rc, errors, "instrument", N_("The survey cannot "
	    "hold that many more questions"));
}

void
survey_instrument_add(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		survey_load, "/surveys/%lld", "title", NULL,
	};
	struct form_page fp = {
		.title = N_("Add tested questions"), .submit = N_("Add them"),
		.fields = instrument_fields,
		.nfields = FIELDS_COUNT(instrument_fields),
		.save = instrument_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* Removing a question asks for a tick: the survey's page sends it with
 * its Remove button; without it, this form asks. */
static const struct field_spec question_remove_fields[] = {
	{ "confirm", N_("Remove this question"), FIELD_CHECK, 1, 0, NULL,
	    NULL, NULL },
};

static int
question_remove_rules(const json_t *values, json_t *errors)
{
	if (!json_is_true(json_object_get(values, "confirm")))
		form_error(errors, "confirm", N_("Tick to say you want to "
		    "remove the question"));
	return 0;
}

static int
question_remove_store(struct request *rq, json_t *v, json_t *errors,
    void *ctx, char **location)
{
	const json_t	*q = ctx;
	int		 rc;

	(void)v;
	rc = survey_question_remove(rq->db, rq->who.account_id, view_int(q,
	    "survey_id"), view_int(q, "position"));
	if (rc == DB_OK)
		*location = location_of("/surveys/%lld#questions", view_int(q,
		    "survey_id"));
	return form_constraint(rc, errors, "confirm", N_("That question has "
	    "already gone"));
}

void
survey_question_delete(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		survey_question_load, "/surveys/%lld#questions", "prompt",
		form_record_as_ctx,
	};
	struct form_page fp = {
		.title = N_("Remove a question"),
		.submit = N_("Remove the question"),
		.fields = question_remove_fields,
		.nfields = FIELDS_COUNT(question_remove_fields),
		.rules = question_remove_rules, .save = question_remove_store,
	};

	form_page_part(rq, rs, &fp, &fr, "survey_id");
}

/* Every skip must land on a question of this version, or just past the
 * last ("to the end"); NULL when they all do. */
static const char *
skips_problem(const json_t *questions)
{
	json_t		*q;
	const char	*p;
	size_t		 i, n = json_array_size(questions);

	json_array_foreach(questions, i, q)
		if (json_is_integer(json_object_get(q, "skip_to")) &&
		    (p = skip_problem(view_int(q, "position"), view_int(q,
		    "skip_to"), (int64_t)n + 1)) != NULL)
			return p;
	return NULL;
}

void
survey_open(struct request *rq, struct response *rs)
{
	json_t		*s, *qs;
	const char	*problem = NULL;
	int		 rc;

	if (survey_load(rq->db, rq->ids[0], &s) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	qs = survey_questions(rq->db, view_int(s, "version_id"));
	if (json_array_size(qs) == 0)
		problem = N_("Add a question before opening the survey.");
	else if (skips_problem(qs) != NULL)
		problem = N_("A skip goes to a question that does not exist.");
	json_decref(qs);
	json_decref(s);
	if (problem != NULL) {
		response_error(rs, 409, problem);
		return;
	}
	rc = survey_set_state(rq->db, rq->who.account_id, rq->ids[0], "draft",
	    "open");
	if (rc == DB_CONSTRAINT)
		rc = survey_set_state(rq->db, rq->who.account_id, rq->ids[0],
		    "closed", "open");
	if (rc == DB_OK)
		saved_redirect(rs, "/surveys/%lld", rq->ids[0],
		    SAVED_SURVEY_OPEN);
	else
		response_error(rs, rc == DB_CONSTRAINT ? 409 : 500, rc ==
		    DB_CONSTRAINT ? "The survey is already open." :
		    "Something went wrong.");
}

void
survey_close(struct request *rq, struct response *rs)
{
	int	 rc;

	rc = survey_set_state(rq->db, rq->who.account_id, rq->ids[0], "open",
	    "closed");
	if (rc == DB_OK)
		saved_redirect(rs, "/surveys/%lld", rq->ids[0],
		    SAVED_SURVEY_CLOSED);
	else
		response_error(rs, rc == DB_CONSTRAINT ? 409 : 500, rc ==
		    DB_CONSTRAINT ? "The survey is not open." :
		    "Something went wrong.");
}
