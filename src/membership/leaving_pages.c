/*
 * Leaving well.  Recording that someone left is the people module's
 * leaving form (/people/{id}/leave), which ends their roles, hands on
 * their follow-ups and actions and closes their pipeline places.  Here:
 * the date they are expected to go (so succession starts in time), and
 * a thank-you letter to print once they have gone.
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
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/view.h"
#include "../server/text_size.h"

/* Checked with the fields, so every error shows in one answer. */
static int
expected_rules(const json_t *v, json_t *errors)
{
	if (json_is_null(json_object_get(v, "expected_leave_on")) !=
	    json_is_null(json_object_get(v, "expected_leave_reason")))
		form_error(errors, "expected_leave_reason", N_("Give the date and "
		    "why together, or leave both empty"));
	return 0;
}

static int
expected_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	rc = expected_leave_save(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/people/%lld", rq->ids[0]);
	return form_constraint(rc, errors, "expected_leave_on",
	    "This person has already left");
}

static json_t *
expected_prepare(struct request *rq, struct response *rs, json_t *person,
    struct form_page *fp, int *refused)
{
	(void)rq;
	(void)rs;
	(void)refused;
	fp->initial = person;
	return NULL;
}

void
leaving_expected(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		person_leaving_load, "/people/%lld", "display_name",
		expected_prepare,
	};
	struct form_page fp = {
		.title = N_("When they are expected to leave"),
		.submit = N_("Save"),
		.fields = expected_leave_fields,
		.nfields = expected_leave_fields_count, .save = expected_store,
		.rules = expected_rules,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static void
letter_draw(struct pdf *pdf, struct print_words *w, const json_t *p,
    const json_t *roles, const char *signer)
{
	const json_t	*r;
	size_t		 i;

	pdf_paragraph(pdf, view_str(p, "organisation_name"));
	pdf_paragraph(pdf, print_date(w, view_str(p, "left_on")));
	pdf_space(pdf, 10);
	pdf_paragraph(pdf, print_say(w, N_("Dear {display_name},"), p));
	pdf_heading(pdf, print_say(w, N_("Thank you"), NULL), 1);
	pdf_paragraph(pdf, print_say(w, N_("Thank you for the time, the care "
	    "and the experience you gave. What you raised, and the way you "
	    "raised it, changed things for the people who come after you. The "
	    "group goes on because of the work you put into it."), NULL));
	if (json_array_size(roles) > 0)
		pdf_heading(pdf, print_say(w, N_("The roles you held"), NULL),
		    2);
	json_array_foreach(roles, i, r)
		pdf_pair(pdf, view_str(r, "group_name"), print_say(w,
		    *view_str(r, "to_on") ? N_("{position_label | t}, from "
		    "{from_on | date} to {to_on | date}") :
		    N_("{position_label | t}, from {from_on | date} to now"),
		    r));
	pdf_space(pdf, 6);
	pdf_paragraph(pdf, print_say(w, N_("We wish you well in what comes "
	    "next. If you would like a reference for the work you did with "
	    "us, ask and we will write one."), NULL));
	pdf_space(pdf, 10);
	pdf_paragraph(pdf, print_say(w, N_("With thanks,"), NULL));
	pdf_space(pdf, 14);
	pdf_paragraph(pdf, signer);
	pdf_paragraph(pdf, view_str(p, "site_name"));
}

void
leaving_letter(struct request *rq, struct response *rs)
{
	json_t		*p, *roles;
	struct pdf	*pdf;
	struct print_words w;

	if (person_leaving_load(rq->db, rq->ids[0], &p) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (!json_is_string(json_object_get(p, "left_on"))) {
		json_decref(p);
		response_error(rs, 409, "The letter is for someone who has "
		    "left: record their leaving first.");
		return;
	}
	roles = person_memberships(rq->db, rq->ids[0]);
	people_labels_all(roles);
	print_words_init(&w, language_words(rq->lang), 0);
	pdf = print_pdf_new(&w, &rs->body, print_say(&w, N_("Thank you"),
	    NULL), pdf_size_for(rq, PDF_NORMAL));
	letter_draw(pdf, &w, p, roles, rq->who.display_name);
	print_words_free(&w);
	json_decref(roles);
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {left_on}, the day they left (never their name). */
	response_pdf(rq, rs, pdf, N_("thank-you-letter-{left_on}"), p);
	json_decref(p);
}
