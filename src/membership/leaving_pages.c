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
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/view.h"
#include "../server/text_size.h"

static int
expected_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	if (json_is_string(json_object_get(v, "expected_leave_on")) !=
	    json_is_string(json_object_get(v, "expected_leave_reason"))) {
		form_error(errors, "expected_leave_reason", N_("Give the date and "
		    "why together, or leave both empty"));
		return DB_CONSTRAINT;
	}
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
	};

	form_page_record(rq, rs, &fp, &fr);
}

static void
letter_draw(struct pdf *pdf, const json_t *p, const json_t *roles,
    const char *signer)
{
	const json_t	*r;
	char		 line[512], from[DATE_WORDS_CHARS + 1];
	char		 to[DATE_WORDS_CHARS + 1];
	size_t		 i;

	pdf_paragraph(pdf, view_str(p, "organisation_name"));
	pdf_paragraph(pdf, date_words_or(view_str(p, "left_on"), from));
	pdf_space(pdf, 10);
	snprintf(line, sizeof(line), "Dear %s,", view_str(p, "display_name"));
	pdf_paragraph(pdf, line);
	pdf_heading(pdf, "Thank you", 1);
	pdf_paragraph(pdf, "Thank you for the time, the care and the "
	    "experience you gave. What you raised, and the way you raised it, "
	    "changed things for the people who come after you. The group "
	    "goes on because of the work you put into it.");
	if (json_array_size(roles) > 0)
		pdf_heading(pdf, "The roles you held", 2);
	json_array_foreach(roles, i, r) {
		snprintf(line, sizeof(line), "%s, from %s to %s",
		    view_str(r, "position_label"), date_words_or(view_str(r,
		    "from_on"), from), *view_str(r, "to_on") ?
		    date_words_or(view_str(r, "to_on"), to) : "now");
		pdf_pair(pdf, view_str(r, "group_name"), line);
	}
	pdf_space(pdf, 6);
	pdf_paragraph(pdf, "We wish you well in what comes next. If you would "
	    "like a reference for the work you did with us, ask and we will "
	    "write one.");
	pdf_space(pdf, 10);
	pdf_paragraph(pdf, "With thanks,");
	pdf_space(pdf, 14);
	pdf_paragraph(pdf, signer);
	pdf_paragraph(pdf, view_str(p, "site_name"));
}

void
leaving_letter(struct request *rq, struct response *rs)
{
	json_t		*p, *roles;
	struct pdf	*pdf;

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
	pdf = pdf_new(&rs->body, "Thank you", pdf_size_for(rq, PDF_NORMAL));
	letter_draw(pdf, p, roles, rq->who.display_name);
	json_decref(roles);
	json_decref(p);
	membership_pdf_reply(rs, pdf);
}
