/*
 * The decision maker's side: what awaits their response, oldest first,
 * the response itself (with a reason for anything but "accepted"), and
 * a printable letter of the proposal for those who prefer paper.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proposals.h"
#include "../db/db.h"
#include "../limits.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../server/download_name.h"
#include "../server/easy_read.h"
#include "../server/language.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/view.h"
#include "../server/text_size.h"

void
decisions_index(struct request *rq, struct response *rs)
{
	struct paging	 pg;
	json_t		*rows, *row, *done, *view;
	char		 today[DATE_CHARS + 1];
	size_t		 i;

	if (paging_refused(&pg, rq, rs))
		return;
	date_today(rq->now, today);
	rows = proposals_awaiting(rq->db, rq->who.account_id, today, &pg);
	json_array_foreach(rows, i, row) {
		const char *due = json_string_value(json_object_get(row,
		    "due_on"));

		json_object_set_new(row, "age_days", json_integer(
		    date_diff_days(json_string_value(json_object_get(row,
		    "submitted_on")), today)));
		json_object_set_new(row, "escalation",
		    json_integer(proposal_escalation(due, today)));
	}
	done = timeliness_rows(rq->db, 0, 0, rq->who.account_id);
	view = json_pack("{s:s, s:o, s:o}", "title", N_("Awaiting your response"),
	    "proposals", rows, "your_timeliness", timeliness_summary(done,
	    "days_taken", "on_time"));
	paging_finish(&pg, rq, view, rows, "submitted_on");
	paging_clear(&pg);
	response_view(rs, "proposals/decisions", view);
	json_decref(done);
}

static int
respond_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	(void)ctx;
	date_today(rq->now, today);
	proposal_response_rules(v, today, errors);
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	rc = proposal_respond(rq->db, rq->who.account_id, rq->ids[0], v, today);
	if (rc == DB_OK)
		*location = location_of("/proposals/%lld", rq->ids[0]);
	return form_constraint(rc, errors, "kind",
	    "This proposal is not waiting for your response");
}

static json_t *
respond_prepare(struct request *rq, struct response *rs, json_t *p,
    struct form_page *fp, int *refused)
{
	json_t	*options;
	char	 today[DATE_CHARS + 1];

	/* Only the decision maker it was sent to answers it. */
	if (view_int(p, "decision_maker_id") != rq->who.account_id) {
		response_error(rs, 403, "This proposal was sent to someone else.");
		*refused = 1;
		return NULL;
	}
	date_today(rq->now, today);
	options = json_pack("{s:o, s:o}", "referred_to", decision_maker_options(
	    rq->db, view_int(p, "site_id"), view_int(p, "group_id"),
	    rq->who.account_id), "meeting_id", one_to_one_options(rq->db,
	    view_int(p, "group_id"), rq->who.account_id, today,
	    language_words(rq->lang)));
	fp->options = options;
	return options;
}

void
decisions_respond(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		proposal_load, "/proposals/%lld", "title", respond_prepare,
	};
	struct form_page fp = {
		.title = N_("Respond to the proposal"),
		.submit = N_("Send response"),
		.fields = response_fields, .nfields = response_fields_count,
		.save = respond_store, .ready = proposal_waits_for_response,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* The answers given, in place of the form to answer on: a letter
 * printed after the answer says what it was. */
static void
letter_answers(struct pdf *pdf, struct print_words *w, json_t *responses)
{
	json_t		*r, *on_time;
	size_t		 i;

	pdf_heading(pdf, print_say(w, json_array_size(responses) > 1 ?
	    N_("The answers") : N_("The answer"), NULL), 2);
	json_array_foreach(responses, i, r) {
		json_object_set_new(r, "kind_label", json_string(choice_label(
		    response_kinds, view_str(r, "kind"))));
		on_time = json_object_get(r, "on_time");
		pdf_pair(pdf, print_say(w, N_("Decision"), NULL), print_say(w,
		    !json_is_integer(on_time) ? N_("{kind_label | t}, by "
		    "{responder_name} on {responded_on | date}") :
		    json_integer_value(on_time) ? N_("{kind_label | t}, by "
		    "{responder_name} on {responded_on | date} (on time)") :
		    N_("{kind_label | t}, by {responder_name} on "
		    "{responded_on | date} (late)"), r));
		if (view_text(r, "reason") != NULL)
			pdf_pair(pdf, print_say(w, N_("Reason"), NULL),
			    view_str(r, "reason"));
		if (view_text(r, "deferred_until") != NULL)
			pdf_paragraph(pdf, print_say(w, N_("Deferred until "
			    "{deferred_until | date}."), r));
		if (view_text(r, "referred_to_name") != NULL)
			pdf_paragraph(pdf, print_say(w, N_("Referred to "
			    "{referred_to_name}."), r));
	}
}

static void
letter_draw(struct pdf *pdf, struct print_words *w, const json_t *p,
    const json_t *options, json_t *responses)
{
	const json_t	*o;
	size_t		 i;
	char		 n[24];
	const char	*decisions[7];

	pdf_heading(pdf, view_str(p, "title"), 1);
	pdf_paragraph(pdf, print_say(w, N_("A proposal from {group_name}, "
	    "{site_name}"), p));
	pdf_pair(pdf, print_say(w, N_("To"), NULL), view_str(p,
	    "decision_maker_name"));
	pdf_pair(pdf, print_say(w, N_("Sent on"), NULL), print_date(w,
	    view_str(p, "submitted_on")));
	pdf_pair(pdf, print_say(w, N_("Please respond by"), NULL),
	    print_date(w, view_str(p, "due_on")));
	pdf_heading(pdf, print_say(w, N_("The problem"), NULL), 2);
	pdf_paragraph(pdf, view_str(p, "problem"));
	pdf_heading(pdf, print_say(w, N_("What we propose"), NULL), 2);
	json_array_foreach(options, i, o) {
		snprintf(n, sizeof(n), "%zu.", i + 1);
		pdf_pair(pdf, n, view_str(o, "text"));
	}
	if (json_array_size(responses) > 0) {
		letter_answers(pdf, w, responses);
		return;
	}
	/* The form to answer on stays whole on one page. */
	pdf_keep_next(pdf, 110);
	pdf_heading(pdf, print_say(w, N_("Your response"), NULL), 2);
	decisions[0] = print_say(w, N_("Accepted"), NULL);
	decisions[1] = print_say(w, N_("Accepted in part"), NULL);
	decisions[2] = print_say(w, N_("Not accepted"), NULL);
	decisions[3] = print_say(w, N_("Deferred until a date"), NULL);
	decisions[4] = print_say(w, N_("More information needed"), NULL);
	decisions[5] = print_say(w, N_("Referred to someone else"), NULL);
	decisions[6] = NULL;
	pdf_choices(pdf, print_say(w, N_("Decision"), NULL), decisions);
	pdf_write_box(pdf, print_say(w, N_("Reason (needed for anything but "
	    "accepted)"), NULL), 50);
	pdf_write_box(pdf, print_say(w, N_("Signed and dated"), NULL), 15);
}

void
decisions_letter(struct request *rq, struct response *rs)
{
	json_t		*p, *options, *responses;
	struct pdf	*pdf;
	struct print_words w;
	char		 today[DATE_CHARS + 1];

	if (proposal_load(rq->db, rq->ids[0], &p) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	options = proposal_options_list(rq->db, rq->ids[0]);
	responses = proposal_responses(rq->db, rq->ids[0]);
	if (rq->wants_json || rq->api) {
		response_view(rs, "error", json_pack("{s:o, s:o, s:o*}",
		    "proposal", p, "options", options, "responses", responses));
		return;
	}
	/* In the reader's language: whoever prints it to send. */
	print_words_init(&w, language_words(rq->lang), 0);
	pdf = print_pdf_new(&w, &rs->body, view_str(p, "title"),
	    pdf_size_for(rq, PDF_NORMAL));
	/* A reader in easy read prints what their page says, in easy
	 * read; the standard letter is the one answered on. */
	date_today(rq->now, today);
	if (rq->easy_read)
		letter_easy_draw(pdf, &w, p, options, responses, today,
		    easy_questions_words(easy_reader_of(&rq->who)));
	else
		letter_draw(pdf, &w, p, options, responses);
	print_words_free(&w);
	json_decref(options);
	json_decref(responses);
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {title}, the proposal's. */
	response_pdf(rq, rs, pdf, N_("proposal-letter-{title}"), p);
	json_decref(p);
}
