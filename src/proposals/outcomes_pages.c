/*
 * "You said, we did": every proposal sent on, what was decided and why,
 * and what happened, for a group or a whole site; a poster of it for the
 * wing notice board; and how quickly decision makers answer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proposals.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../render/pdf.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

/* "Sent 4 November 2026, answered 2 December 2026, done 9 January
 * 2027": the dates the page and the poster both show, in words. */
static void
outcome_when(json_t *row)
{
	char	 sent[DATE_WORDS_CHARS + 1], answered[DATE_WORDS_CHARS + 1];
	char	 done[DATE_WORDS_CHARS + 1], again[DATE_WORDS_CHARS + 1];
	char	*when = NULL;

	/* First sent, then sent again when it was (sent_again_on).  The
	 * page names the dates in its reader's language from sent_on and
	 * the others; "when" is the poster's. */
	json_object_set(row, "sent_on", json_object_get(row,
	    view_str(row, "first_sent_on") ? "first_sent_on" :
	    "submitted_on"));
	date_words(view_str(row, "sent_on"), sent);
	date_words(view_str(row, "sent_again_on"), again);
	date_words(view_str(row, "responded_on"), answered);
	date_words(view_str(row, "done_on"), done);
	if (asprintf(&when, "Sent %s%s%s%s%s%s%s", sent, *again ?
	    ", sent again " : "", again, *answered ? ", answered " : "",
	    answered, *done ? ", done " : "", done) >= 0)
		json_object_set_new(row, "when", json_string(when));
	free(when);
}

/* Each outcome in plain words, for the page and the poster. */
static void
outcome_words(json_t *row, const char *today)
{
	int		 state = proposal_state_parse(json_string_value(
	    json_object_get(row, "state")));
	const char	*first = json_string_value(json_object_get(row,
	    "first_sent_on"));
	const char	*last = json_string_value(json_object_get(row,
	    "submitted_on"));
	char		*we_did = outcome_sentence(row);

	if (we_did != NULL)
		json_object_set_new(row, "we_did", json_string(we_did));
	free(we_did);
	/* Sent again after a request for more information or a deferral:
	 * both dates, the first one first. */
	if (first != NULL && last != NULL && strcmp(first, last) != 0)
		json_object_set_new(row, "sent_again_on", json_string(last));
	outcome_when(row);
	if (state >= 0)
		json_object_set_new(row, "state_label",
		    json_string(proposal_state_labels[state]));
	/* How long ago it was answered, or how long it has waited. */
	json_object_set_new(row, "age_days", json_integer(date_diff_days(
	    json_string_value(json_object_get(row, json_is_string(
	    json_object_get(row, "responded_on")) ? "responded_on" :
	    "submitted_on")), today)));
}

/* One page of outcomes (the poster: the first page). */
static json_t *
outcomes_view(struct request *rq, const struct paging *pg, int64_t group,
    int64_t site, const char *place)
{
	json_t	*rows, *row, *view;
	char	 today[DATE_CHARS + 1], title[NAME_MAX_CHARS * 4 + 32];
	size_t	 i;

	date_today(rq->now, today);
	rows = outcomes_list(rq->db, group, site, pg);
	json_array_foreach(rows, i, row)
		outcome_words(row, today);
	snprintf(title, sizeof(title), "You said, we did: %s", place);
	view = json_pack("{s:s, s:s, s:o, s:I, s:I}", "title", title,
	    "place", place, "outcomes", rows, "group_id", (json_int_t)group,
	    "site_id", (json_int_t)site);
	paging_finish(pg, rq, view, rows, "listed_on");
	return view;
}

void
outcomes_group(struct request *rq, struct response *rs)
{
	struct paging	 pg;
	json_t		*g, *view;

	if (group_load(rq->db, rq->ids[0], &g) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (paging_refused(&pg, rq, rs)) {
		json_decref(g);
		return;
	}
	view = outcomes_view(rq, &pg, rq->ids[0], 0, json_string_value(
	    json_object_get(g, "name")));
	json_decref(g);
	paging_clear(&pg);
	response_view(rs, "proposals/outcomes", view);
}

void
outcomes_site(struct request *rq, struct response *rs)
{
	struct paging	 pg;
	json_t		*s, *view;

	if (site_load(rq->db, rq->ids[0], &s) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (paging_refused(&pg, rq, rs)) {
		json_decref(s);
		return;
	}
	view = outcomes_view(rq, &pg, 0, rq->ids[0], json_string_value(
	    json_object_get(s, "name")));
	json_decref(s);
	paging_clear(&pg);
	response_view(rs, "proposals/outcomes", view);
}

/* The first n of total outcomes and, with more, how many more there
 * are. */
static void
poster_draw(struct pdf *pdf, const json_t *view, size_t n, size_t total,
    int more)
{
	const json_t	*row;
	size_t		 i;

	pdf_heading(pdf, json_string_value(json_object_get(view, "title")), 1);
	json_array_foreach(json_object_get(view, "outcomes"), i, row) {
		if (i == n)
			break;
		pdf_heading(pdf, json_string_value(json_object_get(row,
		    "title")), 2);
		pdf_pair(pdf, "You said", json_string_value(json_object_get(row,
		    "problem")));
		pdf_pair(pdf, "We did", json_string_value(json_object_get(row,
		    "we_did")));
		pdf_pair(pdf, "When", view_str(row, "when"));
		pdf_rule(pdf);
	}
	if (total == 0)
		pdf_paragraph(pdf, "Nothing has been sent on yet.");
	else if (more && n < total)
		pdf_paragraphf(pdf, "%zu more: ask your rep, or see \"You said, "
		    "we did\" on the group's page.", total - n);
}

/* Does the poster drawn so fit on one sheet?  A trial drawing. */
static int
poster_fits(const json_t *view, const char *title, size_t n, size_t total,
    int more)
{
	struct buf	 trial;
	struct pdf	*pdf;
	int		 pages;

	buf_init(&trial, DOCUMENT_BYTES_MAX);
	pdf = pdf_new(&trial, title, PDF_LARGE);
	poster_draw(pdf, view, n, total, more);
	pages = pdf_page_number(pdf);
	(void)pdf_finish(pdf);
	buf_release(&trial);
	return pages == 1;
}

/*
 * A poster is one sheet for a notice board: the most outcomes (newest
 * first) that fit on one page, found by drawing trials, at least one;
 * the line saying how many more is added only where it fits too.
 * Counting lines instead would have to repeat how pdf.c wraps text.
 */
static size_t
poster_fit(const json_t *view, const char *title, size_t total, int *more)
{
	size_t	 n;

	for (n = total; n > 1 && !poster_fits(view, title, n, total, 0); n--)
		;
	*more = n < total && poster_fits(view, title, n, total, 1);
	return n;
}

void
outcomes_poster(struct request *rq, struct response *rs)
{
	struct paging	 pg;
	json_t		*g, *view;
	struct pdf	*pdf;
	const char	*title;
	size_t		 total, n;
	int		 more;

	if (group_load(rq->db, rq->ids[0], &g) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	/* The poster shows the latest POSTER_ITEMS_MAX at most: the first
	 * page of the list, and of those what fits on one sheet. */
	if (paging_refused(&pg, rq, rs)) {
		json_decref(g);
		return;
	}
	view = outcomes_view(rq, &pg, rq->ids[0], 0, json_string_value(
	    json_object_get(g, "name")));
	json_decref(g);
	paging_clear(&pg);
	if (view == NULL || rq->wants_json || rq->api) {
		response_view(rs, "error", view);
		return;
	}
	title = json_string_value(json_object_get(view, "title"));
	total = json_array_size(json_object_get(view, "outcomes"));
	if (total > POSTER_ITEMS_MAX)
		total = POSTER_ITEMS_MAX;
	pdf = pdf_new(&rs->body, title, PDF_LARGE);
	n = poster_fit(view, title, total, &more);
	poster_draw(pdf, view, n, total, more);
	json_decref(view);
	if (pdf_finish(pdf) == -1) {
		response_error(rs, 500, "The poster could not be made.");
		return;
	}
	rs->status = 200;
	rs->content_type = strdup("application/pdf");
}

/* Days to response and completion for a group, or every group at a
 * site (group 0), with what is still open by age. */
static void
timeliness_page(struct request *rq, struct response *rs, int64_t group,
    int64_t site, json_t *place)
{
	json_t	*responses, *completions;
	char	 today[DATE_CHARS + 1];

	date_today(rq->now, today);
	responses = timeliness_rows(rq->db, group, site, 0);
	completions = completion_rows(rq->db, group, site);
	response_view(rs, "proposals/timeliness", json_pack("{s:s, s:o, s:o, "
	    "s:o, s:o}", "title", N_("How quickly we get answers"), "place", place,
	    "responses", timeliness_summary(responses, "days_taken",
	    "on_time"), "completion", timeliness_summary(completions, "days",
	    "on_time"), "open_by_age", open_age_bands(rq->db, group, site,
	    today)));
	json_decref(responses);
	json_decref(completions);
}

void
timeliness_group(struct request *rq, struct response *rs)
{
	json_t	*g;

	if (group_load(rq->db, rq->ids[0], &g) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	timeliness_page(rq, rs, rq->ids[0], 0, g);
}

void
timeliness_site(struct request *rq, struct response *rs)
{
	json_t	*s;

	if (site_load(rq->db, rq->ids[0], &s) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	timeliness_page(rq, rs, 0, rq->ids[0], s);
}
