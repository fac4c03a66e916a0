/*
 * The printed plan: A4, plain words, normal or large print (?large=1,
 * every size 1.6 times larger), for the person to keep and to check it
 * says what they meant.  Drawn from the same view as the page (plan_view),
 * so paper and screen cannot disagree.  Reading it is a plan read like
 * the page: the person's own copy is not audited, anyone else's is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plans.h"
#include "../auth/account.h"
#include "../render/pdf.h"
#include "../server/text_size.h"
#include "../util/date.h"
#include "../util/view.h"

static void
cards_draw(struct pdf *pdf, const json_t *cards, const char *none)
{
	const json_t	*c;
	size_t		 i;

	if (json_array_size(cards) == 0)
		pdf_paragraph(pdf, none);
	json_array_foreach(cards, i, c)
		pdf_pair(pdf, json_is_string(json_object_get(c, "area_label")) ?
		    view_str(c, "area_label") : "My life", view_str(c, "text"));
}

static void
wishes_draw(struct pdf *pdf, const json_t *wishes)
{
	const json_t	*w;
	char		 day[DATE_WORDS_CHARS + 1];
	size_t		 i;

	pdf_heading(pdf, "What I asked for", 2);
	if (json_array_size(wishes) == 0)
		pdf_paragraph(pdf, "Nothing asked for yet.");
	json_array_foreach(wishes, i, w) {
		pdf_pair(pdf, view_str(w, "about_label"), view_str(w, "text"));
		pdf_pairf(pdf, "Who answers", "%s, by %s",
		    view_str(w, "responder_name"),
		    date_words_or(view_str(w, "due_on"), day));
		if (json_is_string(json_object_get(w, "answer")))
			pdf_pairf(pdf, "Answer", "%s. %s",
			    view_str(w, "answer_label"), view_str(w, "reason"));
		else
			pdf_pair(pdf, "Answer", "Not answered yet.");
		pdf_space(pdf, 2);
	}
}

static void
release_draw(struct pdf *pdf, const json_t *release, const json_t *referrals)
{
	const json_t	*r;
	char		 day[DATE_WORDS_CHARS + 1];
	size_t		 i;

	if (release == NULL || json_is_null(release))
		return;
	pdf_heading(pdf, "When I leave", 2);
	pdf_pairf(pdf, "Leaving on", "%s, to %s",
	    date_words_or(view_str(release, "release_on"), day),
	    view_str(release, "to_site_name"));
	json_array_foreach(referrals, i, r) {
		pdf_pairf(pdf, view_str(r, "need_label"), "%s (%s)",
		    view_str(r, "service_name"), view_str(r, "service_contact"));
		if (json_is_string(json_object_get(r, "offered_on")))
			pdf_pairf(pdf, "First appointment", "%s",
			    date_words_or(view_str(r, "offered_on"), day));
	}
}

void
plan_draw(struct pdf *pdf, const json_t *view)
{
	const json_t	*person = json_object_get(view, "person");
	const json_t	*plan = json_object_get(view, "plan"), *s;
	size_t		 i;

	pdf_heading(pdf, "My plan", 1);
	pdf_pair(pdf, "Name", view_str(person, "display_name"));
	if (plan != NULL && !json_is_null(plan))
		pdf_pairf(pdf, "Made with", "%s (%s)", view_str(plan,
		    "worker_name"), view_str(plan, "worker_kind_label"));
	pdf_heading(pdf, "My blue life: the life I want", 2);
	cards_draw(pdf, json_object_get(view, "blue"), "Not written yet.");
	pdf_heading(pdf, "My orange life: the life I have now", 2);
	cards_draw(pdf, json_object_get(view, "orange"), "Not written yet.");
	pdf_heading(pdf, "Steps from orange to blue", 2);
	if (json_array_size(json_object_get(view, "steps")) == 0)
		pdf_paragraph(pdf, "No steps yet.");
	json_array_foreach(json_object_get(view, "steps"), i, s)
		pdf_pairf(pdf, "", "%zu. %s", i + 1, view_str(s, "text"));
	wishes_draw(pdf, json_object_get(view, "wishes"));
	release_draw(pdf, json_object_get(view, "release"),
	    json_object_get(view, "referrals"));
	pdf_heading(pdf, "Is this right?", 2);
	pdf_paragraph(pdf, "If this plan says what you meant, tick yes. If "
	    "not, tell your worker what to change.");
	pdf_choices(pdf, "Is this right?", (const char *const []){ "Yes",
	    "No, it needs changing", NULL });
	pdf_write_box(pdf, "What needs changing", 30);
}

/* The PDF of person_id's plan for whoever may read it. */
static void
plan_pdf_of(struct request *rq, struct response *rs, int64_t person_id)
{
	enum plan_reader reader;
	struct pdf	*pdf;
	json_t		*person, *view;
	const char	*large = form_get(&rq->query, "large");
	char		 today[DATE_CHARS + 1];

	if ((person = plan_open(rq, rs, person_id, "printed", &reader)) ==
	    NULL)
		return;
	date_today(rq->now, today);
	view = plan_view(rq->db, person, today);
	json_decref(person);
	if (view == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	/* Large print when asked for, or always for an account that reads
	 * large text. */
	pdf = pdf_new(&rs->body, "My plan", large != NULL &&
	    strcmp(large, "1") == 0 ? PDF_LARGE : pdf_size_for(rq, PDF_NORMAL));
	plan_draw(pdf, view);
	json_decref(view);
	if (pdf_finish(pdf) == -1) {
		response_error(rs, 500, "The plan could not be printed.");
		return;
	}
	rs->status = 200;
	rs->content_type = strdup("application/pdf");
}

void
plan_pdf(struct request *rq, struct response *rs)
{
	plan_pdf_of(rq, rs, rq->ids[0]);
}

void
plan_pdf_mine(struct request *rq, struct response *rs)
{
	int64_t	 person = account_person(rq->db, rq->who.account_id);

	if (person == 0) {
		response_error(rs, 409, "You do not have a plan yet.");
		return;
	}
	plan_pdf_of(rq, rs, person);
}
