/*
 * The coordinator's subject access page for one person, and its two
 * downloads.  The downloads are POSTs that must say why (the request's
 * reference): producing someone's whole record is a security action that
 * writes an audit row naming who, whose and why, and a POST carries the
 * CSRF token, so a link followed by accident cannot make one.
 */
#include <string.h>

#include "people.h"
#include "subject_access.h"
#include "../db/db.h"
#include "../limits.h"
#include "../render/pdf.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../server/request.h"
#include "../server/text_size.h"
#include "../util/date.h"
#include "../util/catalogue.h"

static const struct field_spec reason_fields[] = {
	{ "reason", N_("Request reference or reason"), FIELD_TEXT, 1,
	    SUBJECT_ACCESS_REASON_MAX_CHARS, NULL, N_("Recorded in the audit "
	    "trail with your name, for example \"SAR 2026-014, asked in "
	    "person\""), NULL },
};

/* The page's form; caption borrowed from person, which must outlive it. */
static void
reason_form(struct form_page *fp, const json_t *person)
{
	memset(fp, 0, sizeof(*fp));
	fp->title = N_("Everything held about this person");
	fp->caption = json_string_value(json_object_get(person,
	    "display_name"));
	fp->submit = N_("Download for them to read (PDF)");
	fp->back = NULL;
	fp->fields = reason_fields;
	fp->nfields = FIELDS_COUNT(reason_fields);
	fp->template = "people/subject_access";
}

void
subject_access_page(struct request *rq, struct response *rs)
{
	struct form_page fp;
	json_t		*person;

	if (person_load(rq->db, rq->ids[0], &person) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	reason_form(&fp, person);
	form_page_show(rs, 200, &fp, NULL, NULL);
	json_decref(person);
}

/* Checks the reason, collects and audits the export ("how: reason"):
 * the document, or NULL with the response set (404, 422 or 500). */
static json_t *
export_for(struct request *rq, struct response *rs, const char *how)
{
	struct form_page fp;
	json_t		*person, *values = NULL, *errors = NULL, *ex = NULL;
	char		*detail = NULL;
	int		 rc;

	if ((rc = person_load(rq->db, rq->ids[0], &person)) <= 0) {
		response_error(rs, rc < 0 ? 500 : 404, rc < 0 ?
		    "Something went wrong." : "Page not found.");
		return NULL;
	}
	reason_form(&fp, person);
	if (!form_page_validate(rq, rs, &fp, &values, &errors))
		goto out;
	if (subject_access_collect(rq->db, rq->ids[0], &ex) <= 0 ||
	    asprintf(&detail, "%s: %s", how, json_string_value(
	    json_object_get(values, "reason"))) == -1 ||
	    subject_access_audit(rq->db, rq->who.account_id, rq->ids[0],
	    detail) != DB_OK) {
		json_decref(ex);
		ex = NULL;
		response_error(rs, 500, "Something went wrong.");
	}
out:
	free(detail);
	json_decref(values);
	json_decref(errors);
	json_decref(person);
	return ex;
}

/* The export made into rs's body (ok), answered as a file named by the
 * day it was made: never the person's name, nor only their number. */
static void
export_answer(struct request *rq, struct response *rs, int ok,
    const char *mime, const char *ext)
{
	char	 today[DATE_CHARS + 1];
	json_t	*named;

	date_today(rq->now, today);
	named = json_pack("{s:s}", "date", today);
	response_download(rs, ok ? 1 : -1, strdup(mime), strdup(ext),
	    language_words(rq->lang),
	    /* TRANSLATORS: a file's name: letters, digits and hyphens,
	     * keeping {date}, the day it was made. */
	    N_("subject-access-{date}"), named);
	json_decref(named);
}

void
subject_access_json(struct request *rq, struct response *rs)
{
	json_t	*ex;
	char	*text;
	int	 ok;

	if ((ex = export_for(rq, rs, "json")) == NULL)
		return;
	text = json_dumps(ex, JSON_INDENT(1) | JSON_SORT_KEYS);
	json_decref(ex);
	ok = text != NULL && buf_puts(&rs->body, text) == 0;
	free(text);
	export_answer(rq, rs, ok, "application/json", "json");
}

void
subject_access_pdf(struct request *rq, struct response *rs)
{
	json_t		*ex;
	int		 ok;

	if ((ex = export_for(rq, rs, "pdf")) == NULL)
		return;
	ok = subject_access_print(&rs->body, ex, language_words(rq->lang),
	    pdf_size_for(rq, PDF_NORMAL)) == 0;
	json_decref(ex);
	export_answer(rq, rs, ok, "application/pdf", "pdf");
}
