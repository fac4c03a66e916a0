#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_page.h"
#include "language.h"
#include "../limits.h"
#include "../render/template.h"
#include "../util/catalogue.h"
#include "../db/db.h"
#include "../util/date.h"

void
form_error_words(json_t *errors, const char *field, const char *msgid,
    json_t *words)
{
	char		 href[128], *english = NULL;
	json_t		*e;

	/* The JSON reads the message filled, in English; a page fills
	 * msgid again in its reader's language. */
	if (words != NULL && (english = template_words_dup(msgid, words,
	    NULL, FORM_ERROR_CHARS_MAX)) == NULL)
		words = (json_decref(words), NULL);
	snprintf(href, sizeof(href), "#%s", field);
	e = json_pack("{s:s, s:s, s:s}", "field", field, "message",
	    english != NULL ? english : msgid, "href", href);
	/* A message that will not pack (text cut mid-character) must still
	 * count: a lost error would let bad input be saved. */
	if (e == NULL)
		e = json_pack("{s:s, s:s, s:s}", "field", "", "message",
		    N_("One of the answers is not valid."), "href", "#");
	else if (words != NULL) {
		json_object_set_new(e, "msgid", json_string(msgid));
		json_object_set(e, "words", words);
	}
	json_decref(words);
	free(english);
	json_array_append_new(errors, e);
}

char *
request_words(const struct request *rq, const char *msgid,
    const json_t *values)
{
	json_t		*copy = values != NULL ? json_deep_copy(values) :
			    json_object();
	char		*out = NULL;

	if (copy != NULL)
		out = template_words_dup(msgid, copy, language_words(rq->lang),
		    FORM_ERROR_CHARS_MAX);
	json_decref(copy);
	return out;
}

void
response_error_words(const struct request *rq, struct response *rs,
    int status, const char *msgid, const json_t *words)
{
	char	*said;

	if (msgid == NULL)
		msgid = N_("The request could not be read.");
	said = request_words(rq, msgid, words);
	response_error(rs, status, said != NULL ? said : msgid);
	free(said);
}

void
response_form_error(struct request *rq, struct response *rs, int status,
    const json_t *errors)
{
	const json_t	*e = json_array_get(errors, 0);
	const char	*msgid = json_string_value(json_object_get(e, "msgid"));

	if (msgid == NULL)
		msgid = json_string_value(json_object_get(e, "message"));
	response_error_words(rq, rs, status, msgid, json_object_get(e,
	    "words"));
}

void
form_error(json_t *errors, const char *field, const char *message)
{
	form_error_words(errors, field, message, NULL);
}

void
form_error_link(json_t *errors, const char *href)
{
	json_object_set_new(json_array_get(errors, json_array_size(errors) -
	    1), "href", json_string(href));
}

/* The table's dates against today; a due date the record already holds
 * (the form's initial value) may stay, though it has passed. */
static void
form_page_dates(const struct request *rq, const struct form_page *fp,
    const json_t *values, json_t *errors)
{
	char	 today[DATE_CHARS + 1];

	date_today(rq->now, today);
	fields_dates_check(fp->fields, fp->nfields, values, fp->initial, today,
	    errors);
}

/* fp's cross-field rules, adding only errors for fields not yet in error. */
static void
form_page_rules(const struct form_page *fp, const json_t *values,
    json_t *errors)
{
	json_t		*found, *e;
	const char	*field;
	size_t		 i;

	if (fp->rules == NULL || (found = json_array()) == NULL)
		return;
	fp->rules(values, found);
	json_array_foreach(found, i, e) {
		field = json_string_value(json_object_get(e, "field"));
		if (field == NULL || fields_error_for(errors, field) == NULL)
			json_array_append(errors, e);
	}
	json_decref(found);
}

json_t *
form_page_keep(struct form_page *fp, json_t *kept)
{
	fp->options = json_object_get(kept, "options");
	fp->initial = json_object_get(kept, "initial");
	return kept;
}

/*
 * A button whose word alone says nothing when read aloud out of its
 * page ("Save", "Add"): the form's title follows it, visually hidden,
 * and its caption after that ("Save: How the group votes (Forum)"); the
 * caption alone says which record, not what is done to it.  The crawl fails on any
 * button or link whose whole name is one of these (tests/http/
 * test_crawl.c), in English and Welsh.
 */
static int
submit_says_nothing(const char *submit)
{
	static const char *const bare[] = { "Save", "Update", "Submit", "Go",
	    "Continue", "Change", "Edit", "View", "Delete", "Add", "Open",
	    "Download", "Send" };
	size_t	 i;

	for (i = 0; submit != NULL && i < sizeof(bare) / sizeof(bare[0]); i++)
		if (strcmp(submit, bare[i]) == 0)
			return 1;
	return 0;
}

/* Appends to out each of errors for field (NULL: for no field of fp's),
 * in the order they were found. */
static void
errors_for(json_t *out, const json_t *errors, const struct form_page *fp,
    const char *field)
{
	const json_t	*e;
	const char	*f;
	size_t		 i, j;
	int		 known;

	json_array_foreach(errors, i, e) {
		f = json_string_value(json_object_get(e, "field"));
		if (field != NULL) {
			if (f != NULL && strcmp(f, field) == 0)
				json_array_append(out, (json_t *)e);
			continue;
		}
		known = f != NULL && fp->file != NULL &&
		    strcmp(f, fp->file->name) == 0;
		for (j = 0; f != NULL && !known && j < fp->nfields; j++)
			known = strcmp(f, fp->fields[j].name) == 0;
		if (!known)
			json_array_append(out, (json_t *)e);
	}
}

/*
 * The summary lists errors in the order of the fields they are about,
 * whichever check found them (a field's own, the dates', a rule across
 * fields, the save): a reader goes down the form as down the list.  The
 * file comes after the fields, as on the page; an error for no field of
 * the table (a question's choice) keeps its place after them.
 */
static json_t *
errors_in_field_order(const struct form_page *fp, const json_t *errors)
{
	json_t	*out = json_array();
	size_t	 i;

	if (out == NULL || errors == NULL)
		return out;
	for (i = 0; i < fp->nfields; i++)
		errors_for(out, errors, fp, fp->fields[i].name);
	if (fp->file != NULL)
		errors_for(out, errors, fp, fp->file->name);
	errors_for(out, errors, fp, NULL);
	return out;
}

void
form_page_show(struct response *rs, int status, const struct form_page *fp,
    const json_t *values, const json_t *errors)
{
	json_t	*view;

	view = json_pack("{s:s, s:s, s:s?, s:o, s:o}",
	    "title", fp->title,
	    "submit", fp->submit,
	    "back", fp->back,
	    "fields", fields_view(fp->fields, fp->nfields, values, errors,
	    fp->options),
	    "errors", errors_in_field_order(fp, errors));
	if (view != NULL)
		json_object_set_new(view, "has_errors",
		    json_boolean(json_array_size(errors) > 0));
	if (view != NULL && fp->file != NULL) {
		json_t	*file = json_pack("{s:s, s:s, s:s?, s:s?, s:b}", "name",
			    fp->file->name, "label", fp->file->label, "hint",
			    fp->file->hint, "accept", fp->file->accept,
			    "required", fp->file->required);

		if (file != NULL)
			fields_error_beside(file, fp->file->name,
			    fp->file->hint != NULL, errors);
		json_object_set_new(view, "file", file);
	}
	if (view != NULL && fp->notice != NULL)
		json_object_set_new(view, "notice", json_pack("{s:s, s:s?}",
		    "text", fp->notice, "href", fp->notice_href));
	if (view != NULL && fp->lede != NULL)
		json_object_set_new(view, "lede", json_string(fp->lede));
	/* On the page, the form's title in the reader's words, whatever
	 * the page's title says which record it is. */
	if (view != NULL)
		json_object_set_new(view, "form_title", json_string(fp->title));
	if (view != NULL && fp->caption != NULL)
		json_object_set_new(view, "caption", json_string(fp->caption));
	if (view != NULL && submit_says_nothing(fp->submit))
		json_object_set_new(view, "submit_what",
		    json_string(fp->title));
	if (view != NULL && fp->caption != NULL && !fp->caption_date) {
		char	*title;

		/* The title says which record too: two records' forms are
		 * two pages ("End this role: Ann Lee, member in Forum"). */
		if (asprintf(&title, "%s: %s", fp->title, fp->caption) != -1) {
			json_object_set_new(view, "title", json_string(title));
			free(title);
		}
		json_object_set_new(view, "title_words", json_string(
		    N_("{form_title | t}: {caption}")));
	}
	if (view == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	response_page(rs, status, fp->template ? fp->template : "form", view);
}

void
form_page_run(struct request *rq, struct response *rs,
    const struct form_page *fp)
{
	json_t		*values = NULL, *errors = NULL;
	char		*location = NULL;
	const char	*why;
	int		 rc;

	if (fp->ready != NULL && (why = fp->ready(rq, fp->record)) != NULL) {
		response_error_words(rq, rs, 409, why, NULL);
		return;
	}
	if (rq->method == HTTP_GET) {
		form_page_show(rs, 200, fp, fp->initial, NULL);
		return;
	}
	rc = fields_validate(fp->fields, fp->nfields, &rq->body, fp->options,
	    &values, &errors);
	if (rc != -1) {
		form_page_dates(rq, fp, values, errors);
		form_page_rules(fp, values, errors);
		if (json_array_size(errors) > 0)
			rc = 1;
	}
	if (rc == 0) {
		rc = fp->save(rq, values, errors, fp->ctx, &location);
		if (rc == DB_OK && location != NULL) {
			response_redirect(rs, "%s", location);
			goto out;
		}
		if (rc == DB_OK || rc == DB_CONSTRAINT)
			rc = 1;
	}
	if (rc == 1 && json_array_size(errors) > 0)
		form_page_show(rs, 422, fp, values, errors);
	else if (rc == DB_BUSY) {
		rs->retry_after = 1;
		response_error(rs, 503, "The service is busy. Try again.");
	} else
		response_error(rs, 500, "Something went wrong.");
out:
	free(location);
	json_decref(values);
	json_decref(errors);
}

int
form_page_validate(struct request *rq, struct response *rs,
    const struct form_page *fp, json_t **values, json_t **errors)
{
	int	 rc;

	*values = *errors = NULL;
	rc = fields_validate(fp->fields, fp->nfields, &rq->body, fp->options,
	    values, errors);
	if (rc != -1) {
		form_page_dates(rq, fp, *values, *errors);
		rc = json_array_size(*errors) > 0;
	}
	if (rc == 1)
		form_page_show(rs, 422, fp, *values, *errors);
	else if (rc != 0)
		response_error(rs, 500, "Something went wrong.");
	return rc == 0;
}

int
form_constraint(int rc, json_t *errors, const char *field,
    const char *message)
{
	if (rc == DB_CONSTRAINT)
		form_error(errors, field, message);
	return rc;
}

void
response_view(struct response *rs, const char *template, json_t *view)
{
	if (view == NULL)
		response_error(rs, 500, "Something went wrong.");
	else
		response_page(rs, 200, template, view);
}

json_t *
password_notice(const struct request *rq)
{
	const char	*p = form_get(&rq->query, "password");

	if (p == NULL || strcmp(p, "changed") != 0)
		return json_null();
	return json_pack("{s:s}", "text",
	    N_("Your password has been changed."));
}

char *
location_of(const char *fmt, int64_t id)
{
	char	*s;

	if (asprintf(&s, fmt, (long long)id) == -1)
		return NULL;
	return s;
}

json_t *
form_initial_record(struct request *rq, struct response *rs, json_t *record,
    struct form_page *fp, int *refused)
{
	(void)rq;
	(void)rs;
	(void)refused;
	fp->initial = record;	/* form_page_record keeps it until the end */
	return NULL;
}

void
form_page_record(struct request *rq, struct response *rs,
    struct form_page *fp, const struct form_record *fr)
{
	form_page_part(rq, rs, fp, fr, NULL);
}

void
form_page_part(struct request *rq, struct response *rs, struct form_page *fp,
    const struct form_record *fr, const char *back_key)
{
	json_t	*record, *kept = NULL;
	char	*back, words[DATE_WORDS_CHARS + 1];
	int	 refused = 0;

	if (fr->load(rq->db, rq->ids[0], &record) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (fr->prepare != NULL)
		kept = fr->prepare(rq, rs, record, fp, &refused);
	if (!refused) {
		fp->back = back = location_of(fr->back_fmt, back_key ?
		    json_integer_value(json_object_get(record, back_key)) :
		    rq->ids[0]);
		/* A caption that is a date (a meeting's) reads in words,
		 * in the reader's language. */
		fp->caption = date_words_in(json_string_value(
		    json_object_get(record, fr->caption_key)), words,
		    language_words(rq->lang));
		/* A date alone does not say which meeting: the title
		 * leaves that to title_which (date and group), once. */
		fp->caption_date = words[0] != '\0';
		if (fp->record == NULL)
			fp->record = record;
		form_page_run(rq, rs, fp);
		free(back);
	}
	json_decref(kept);
	json_decref(record);
}

json_t *
form_record_as_ctx(struct request *rq, struct response *rs, json_t *record,
    struct form_page *fp, int *refused)
{
	(void)rq;
	(void)rs;
	(void)refused;
	fp->ctx = record;
	return NULL;
}

void
response_after_move(struct response *rs, int rc, const char *conflict,
    const char *fmt, int64_t id)
{
	if (rc == DB_CONSTRAINT)
		response_error(rs, 409, conflict);
	else if (rc != DB_OK) {
		rs->retry_after = 1;
		response_error(rs, 503, "The service is busy. Try again.");
	} else
		response_redirect(rs, fmt, (long long)id);
}
