/*
 * Training: the course catalogue, sessions at a site, completions (from a
 * session or on their own), the matrix of who is trained for what, and a
 * printable certificate for each completion or graduation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "membership.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../server/text_size.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/view.h"

void
training_courses(struct request *rq, struct response *rs)
{
	response_view(rs, "membership/courses", json_pack("{s:s, s:o}",
	    "title", N_("Courses"), "courses", course_list(rq->db)));
}

static int
course_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id;
	int	 rc;

	(void)ctx;
	rc = course_add(rq->db, rq->who.account_id, v, &id);
	if (rc == DB_OK)
		*location = strdup("/courses");
	return form_constraint(rc, errors, "name",
	    "There is already a course with this name");
}

void
training_course_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Add a course"), .submit = N_("Add course"),
		.back = "/courses", .fields = course_fields,
		.nfields = course_fields_count, .save = course_store,
	};

	form_page_run(rq, rs, &fp);
}

void
training_site(struct request *rq, struct response *rs)
{
	struct paging	 pg;
	json_t		*site, *matrix, *view;
	char		 today[DATE_CHARS + 1];

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (paging_refused(&pg, rq, rs)) {
		json_decref(site);
		return;
	}
	date_today(rq->now, today);
	matrix = training_matrix(rq->db, rq->ids[0], today, &pg);
	view = json_pack("{s:s, s:o, s:o, s:o}", "title", N_("Training"), "site",
	    site, "matrix", matrix, "sessions", session_list(rq->db,
	    rq->ids[0]));
	paging_finish(&pg, rq, view, json_object_get(matrix, "people"),
	    "display_name");
	paging_clear(&pg);
	response_view(rs, "membership/training", view);
}

static int
session_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id;
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = session_add(rq->db, rq->who.account_id, rq->ids[0], v, &id);
	if (rc == DB_OK)
		*location = location_of("/sessions/%lld", id);
	return rc;
}

static json_t *
session_prepare(struct request *rq, struct response *rs, json_t *site,
    struct form_page *fp, int *refused)
{
	json_t	*options;

	(void)rs;
	(void)site;
	(void)refused;
	options = json_pack("{s:o}", "course_id", course_options(rq->db));
	fp->options = options;
	return options;
}

void
training_session_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		site_load, "/sites/%lld/training", "name", session_prepare,
	};
	struct form_page fp = {
		.title = N_("Add a training session"),
		.submit = N_("Add session"),
		.fields = session_fields, .nfields = session_fields_count,
		.save = session_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
training_session_show(struct request *rq, struct response *rs)
{
	json_t	*session, *done;

	if (session_load(rq->db, rq->ids[0], &session) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	done = session_completions(rq->db, rq->ids[0]);
	response_view(rs, "membership/session", json_pack("{s:O, s:o, s:o, "
	    "s:b}", "title", json_object_get(session, "course_name"), "session",
	    session, "completions", done ? done : json_array(),
	    "has_completions", json_array_size(done) > 0));
}

/* Where a completion form came from: a session, or a person's page. */
struct completion_ctx {
	int64_t	 session_id;	/* 0: the person's page */
	int64_t	 person_id;	/* the person's page: who it is for */
};

static int
completion_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const struct completion_ctx *c = ctx;
	char	 today[DATE_CHARS + 1];
	int64_t	 id;
	int	 rc;

	date_today(rq->now, today);
	if (date_diff_days(today, view_str(v, "completed_on")) > 0) {
		form_error(errors, "completed_on", N_("The date cannot be in the "
		    "future"));
		return DB_CONSTRAINT;
	}
	rc = completion_add(rq->db, rq->who.account_id, view_int(v,
	    "person_id"), c->session_id, v, &id);
	if (rc == DB_OK)
		*location = c->session_id ? location_of("/sessions/%lld",
		    c->session_id) : location_of("/people/%lld/training",
		    c->person_id);
	return rc;
}

/* A session's completions: its site's people, its course, its date. */
static json_t *
session_completion_prepare(struct request *rq, struct response *rs,
    json_t *session, struct form_page *fp, int *refused)
{
	json_t	*kept;

	(void)rs;
	(void)refused;
	kept = json_pack("{s:{s:o, s:[{s:O, s:O}]}, s:{s:O, s:O}}",
	    "options", "person_id", site_people_options(rq->db,
	    view_int(session, "site_id")), "course_id", "value",
	    json_object_get(session, "course_id"), "label",
	    json_object_get(session, "course_name"), "initial", "course_id",
	    json_object_get(session, "course_id"), "completed_on",
	    json_object_get(session, "held_on"));
	return form_page_keep(fp, kept);
}

void
training_session_complete(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		session_load, "/sessions/%lld", "course_name",
		session_completion_prepare,
	};
	struct completion_ctx c = { rq->ids[0], 0 };
	struct form_page fp = {
		.title = N_("Record who completed the course"),
		.submit = N_("Save"),
		.fields = completion_fields,
		.nfields = completion_fields_count, .save = completion_store,
		.ctx = &c,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
training_person(struct request *rq, struct response *rs)
{
	json_t	*person;
	char	 today[DATE_CHARS + 1];

	if (person_load(rq->db, rq->ids[0], &person) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	date_today(rq->now, today);
	response_view(rs, "membership/person_training", json_pack("{s:s, s:o, "
	    "s:o}", "title", N_("Training"), "person", person, "completions",
	    person_completions(rq->db, rq->ids[0], today)));
}

static json_t *
person_completion_prepare(struct request *rq, struct response *rs,
    json_t *person, struct form_page *fp, int *refused)
{
	char	 today[DATE_CHARS + 1];
	json_t	*kept;

	(void)rs;
	(void)refused;
	date_today(rq->now, today);
	kept = json_pack("{s:{s:[{s:O, s:O}], s:o}, s:{s:O, s:s}}",
	    "options", "person_id", "value", json_object_get(person, "id"),
	    "label", json_object_get(person, "display_name"), "course_id",
	    course_options(rq->db), "initial", "person_id",
	    json_object_get(person, "id"), "completed_on", today);
	return form_page_keep(fp, kept);
}

void
training_person_complete(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		person_load, "/people/%lld/training", "display_name",
		person_completion_prepare,
	};
	struct completion_ctx c = { 0, rq->ids[0] };
	struct form_page fp = {
		.title = N_("Record a completed course"), .submit = N_("Save"),
		.fields = completion_fields,
		.nfields = completion_fields_count, .save = completion_store,
		.ctx = &c,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static void
certificate_draw(struct pdf *pdf, struct print_words *w, const json_t *c)
{
	int	 graduation = json_is_true(json_object_get(c, "graduation")) ||
	    view_int(c, "graduation") != 0;

	pdf_space(pdf, 30);
	pdf_heading(pdf, print_say(w, graduation ?
	    N_("Certificate of graduation") : N_("Certificate of completion"),
	    NULL), 1);
	pdf_paragraph(pdf, print_say(w, N_("This is to certify that"), NULL));
	pdf_heading(pdf, view_str(c, "display_name"), 1);
	pdf_paragraph(pdf, print_say(w, graduation ? N_("graduated, "
	    "completing the course {course_name} on {completed_on | date}.") :
	    N_("completed the course {course_name} on {completed_on | date}."),
	    c));
	pdf_space(pdf, 8);
	if (*view_str(c, "accreditation") != '\0')
		pdf_pair(pdf, print_say(w, N_("Accreditation"), NULL),
		    view_str(c, "accreditation"));
	if (*view_str(c, "renew_on") != '\0')
		pdf_pair(pdf, print_say(w, N_("Renew by"), NULL), print_date(w,
		    view_str(c, "renew_on")));
	pdf_pair(pdf, print_say(w, N_("Awarded by"), NULL), view_str(c,
	    "organisation_name"));
	pdf_pair(pdf, print_say(w, N_("At"), NULL), view_str(c, "site_name"));
	pdf_space(pdf, 20);
	pdf_write_box(pdf, print_say(w, N_("Signed"), NULL), 15);
}

void
training_certificate(struct request *rq, struct response *rs)
{
	json_t		*c;
	struct pdf	*pdf;
	struct print_words w;

	if (completion_load(rq->db, rq->ids[0], &c) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	print_words_init(&w, language_words(rq->lang), 0);
	/* A certificate is large for everyone: it goes on a wall. */
	pdf = print_pdf_new(&w, &rs->body, print_say(&w, N_("Certificate"),
	    NULL), pdf_size_for(rq, PDF_LARGE));
	certificate_draw(pdf, &w, c);
	print_words_free(&w);
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {course_name} and {completed_on}, the day.  Not the
	 * person's name: the certificate says it. */
	response_pdf(rq, rs, pdf, N_("certificate-{course_name}-"
	    "{completed_on}"), c);
	json_decref(c);
}

/* Every certificate of a session in one PDF, a page for each person, so
 * a trainer prints them at once for the ceremony. */
void
training_session_certificates(struct request *rq, struct response *rs)
{
	json_t		*done, *row, *c, *first = NULL;
	struct pdf	*pdf;
	struct print_words w;
	size_t		 i;

	if ((done = session_completions(rq->db, rq->ids[0])) == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	if (json_array_size(done) == 0) {
		json_decref(done);
		response_error(rs, 404, "Nobody has completed this session yet.");
		return;
	}
	print_words_init(&w, language_words(rq->lang), 0);
	pdf = print_pdf_new(&w, &rs->body, print_say(&w, N_("Certificates"),
	    NULL), pdf_size_for(rq, PDF_LARGE));
	json_array_foreach(done, i, row) {
		if (completion_load(rq->db, view_int(row, "id"), &c) <= 0)
			continue;
		if (i > 0)
			pdf_page_break(pdf);
		certificate_draw(pdf, &w, c);
		if (first == NULL)
			first = c;
		else
			json_decref(c);
	}
	print_words_free(&w);
	json_decref(done);
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {course_name} and {completed_on}, the session's day. */
	response_pdf(rq, rs, pdf, N_("certificates-{course_name}-"
	    "{completed_on}"), first);
	json_decref(first);
}
