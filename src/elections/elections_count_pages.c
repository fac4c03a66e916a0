/*
 * The count sheet (page and JSON), publishing the result, verifying it
 * by counting again from the stored ballots, and the two printed papers:
 * ballot papers and the result notice.
 *
 * Every way to a count goes through election_sheet_for(), which refuses
 * (409) before the poll has closed, whoever asks: admin, coordinator or
 * API token alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elections.h"
#include "../db/db.h"
#include "../limits.h"
#include "../render/pdf.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"
#include "../server/text_size.h"

static const char *
name_of(const json_t *cands, int64_t id)
{
	json_t	*c;
	size_t	 i;

	json_array_foreach(cands, i, c)
		if (view_int(c, "id") == id)
			return view_str(c, "display_name");
	return "";
}

/* Adds names beside every candidate id in the sheet (in place). */
static void
sheet_names(json_t *sheet, const json_t *cands)
{
	json_t	*st, *t, *el, *header;
	size_t	 i, j;

	header = json_array();
	json_array_foreach(cands, i, t)
		json_array_append_new(header, json_pack("{s:I, s:s}", "id",
		    (json_int_t)view_int(t, "id"), "name", view_str(t,
		    "display_name")));
	json_object_set_new(sheet, "candidates", header);
	json_array_foreach(json_object_get(sheet, "stages"), i, st) {
		if (!json_is_null(json_object_get(st, "candidate_id")))
			json_object_set_new(st, "candidate_name", json_string(
			    name_of(cands, view_int(st, "candidate_id"))));
		json_array_foreach(json_object_get(st, "totals"), j, t)
			json_object_set_new(t, "name", json_string(name_of(
			    cands, view_int(t, "candidate_id"))));
	}
	json_array_foreach(json_object_get(sheet, "elected"), i, el)
		json_object_set_new(el, "name", json_string(name_of(cands,
		    view_int(el, "candidate_id"))));
}

/* The published sheet, or a fresh count while the result is private to
 * staff.  New reference, NULL on error. */
static json_t *
sheet_raw(struct db *db, const json_t *e, enum election_phase phase)
{
	if (phase == PHASE_PUBLISHED)
		return json_loads(view_str(e, "result"), 0, NULL);
	return election_count(db, e);
}

json_t *
election_sheet_for(struct request *rq, struct response *rs, json_t *e,
    enum election_phase phase)
{
	json_t	*sheet, *cands;

	/* Before the close nobody, whatever their role (409: the state of
	 * the election refuses); after it, staff until published (403). */
	if (phase < PHASE_CLOSED) {
		response_error(rs, 409, "No count is shown to anyone until the "
		    "poll has closed.");
		return NULL;
	}
	if (!election_count_visible(phase, election_staff(rq, e))) {
		response_error(rs, 403, "The result is not published yet.");
		return NULL;
	}
	if ((sheet = sheet_raw(rq->db, e, phase)) == NULL) {
		response_error(rs, 500, "The count could not be made.");
		return NULL;
	}
	cands = candidate_list(rq->db, view_int(e, "id"));
	sheet_names(sheet, cands);
	json_decref(cands);
	json_object_set_new(sheet, "published", json_boolean(
	    phase == PHASE_PUBLISHED));
	/* The lot's seed, so anyone can draw a tie again. */
	json_object_set(sheet, "lot_seed", json_object_get(e, "lot_seed"));
	return sheet;
}

void
elections_count_sheet(struct request *rq, struct response *rs)
{
	enum election_phase phase;
	json_t		*e, *sheet;

	if ((e = election_for_page(rq, rs, &phase)) == NULL)
		return;
	if ((sheet = election_sheet_for(rq, rs, e, phase)) == NULL) {
		json_decref(e);
		return;
	}
	json_object_del(e, "result");
	response_view(rs, "elections/count", json_pack("{s:s, s:o, s:o}",
	    "title", N_("Count sheet"), "election", e, "sheet", sheet));
}

void
elections_publish(struct request *rq, struct response *rs)
{
	enum election_phase phase;
	json_t		*e, *sheet;
	char		 today[DATE_CHARS + 1];
	int		 rc;

	if ((e = election_for_page(rq, rs, &phase)) == NULL)
		return;
	if (phase != PHASE_CLOSED) {
		json_decref(e);
		response_error(rs, 409, phase == PHASE_PUBLISHED ? "The result "
		    "is already published." : "The poll has not closed.");
		return;
	}
	date_today(rq->now, today);
	sheet = election_count(rq->db, e);
	rc = sheet == NULL ? DB_ERROR : election_publish(rq->db,
	    rq->who.account_id, e, sheet, today);
	json_decref(sheet);
	json_decref(e);
	if (rc == DB_CONSTRAINT)
		response_error(rs, 409, "The result is already published.");
	else if (rc != DB_OK)
		response_error(rs, 503, "The service is busy. Try again.");
	else {
		/* The ballots were shuffled: old WAL frames must go too. */
		rs->checkpoint_after_commit = 1;
		response_redirect(rs, "/elections/%lld/count",
		    (long long)rq->ids[0]);
	}
}

void
elections_verify(struct request *rq, struct response *rs)
{
	enum election_phase phase;
	json_t		*e, *stored, *again, *cands;
	int		 same;

	if ((e = election_for_page(rq, rs, &phase)) == NULL)
		return;
	if (phase != PHASE_PUBLISHED) {
		json_decref(e);
		response_error(rs, 409, "Only a published result can be "
		    "checked against its ballots.");
		return;
	}
	stored = json_loads(view_str(e, "result"), 0, NULL);
	again = election_count(rq->db, e);
	if (stored == NULL || again == NULL) {
		json_decref(stored);
		json_decref(again);
		json_decref(e);
		response_error(rs, 500, "The count could not be made.");
		return;
	}
	same = json_equal(stored, again);
	json_decref(stored);
	cands = candidate_list(rq->db, rq->ids[0]);
	sheet_names(again, cands);
	json_decref(cands);
	json_object_del(e, "result");
	response_view(rs, "elections/verify", json_pack("{s:s, s:o, s:b, "
	    "s:O, s:I}", "title", N_("Count checked"), "election", e, "same", same,
	    "elected", json_object_get(again, "elected"), "ballots",
	    (json_int_t)view_int(again, "valid")));
	json_decref(again);
}

/* "Chair, Over-50s Forum" for titles, whole however long the group's
 * name (up to NAME_MAX_CHARS characters of up to 4 bytes): the caller
 * frees; NULL when out of memory. */
static char *
election_title(const json_t *e)
{
	char	*out;

	if (asprintf(&out, "%s, %s", choice_label(election_positions,
	    view_str(e, "position")), view_str(e, "group_name")) == -1)
		return NULL;
	return out;
}

static void
pdf_reply(struct response *rs, struct pdf *pdf)
{
	if (pdf_finish(pdf) == -1) {
		response_error(rs, 500, "The document could not be made.");
		return;
	}
	rs->status = 200;
	rs->content_type = strdup("application/pdf");
}

static void
ballot_draw(struct pdf *pdf, const json_t *e, const json_t *cands,
    const char *title)
{
	char		 line[NAME_MAX_CHARS * 4 + 16];
	json_t		*c;
	size_t		 i;
	int		 stv = strcmp(view_str(e, "method"), "stv") == 0;

	pdf_heading(pdf, "Ballot paper", 1);
	pdf_paragraph(pdf, title);
	if (stv)
		pdf_paragraph(pdf, "Put the number 1 in the box next to your "
		    "first choice, 2 next to your second choice, and so on. "
		    "Number as many or as few names as you like.");
	else {
		snprintf(line, sizeof(line), "Put a cross (X) in the box next "
		    "to %s. Do not write your name on this paper.",
		    view_int(e, "seats") > 1 ? "the names you vote for, no "
		    "more than the places to fill" : "one name only");
		pdf_paragraph(pdf, line);
		snprintf(line, sizeof(line), "Places to fill: %lld",
		    (long long)view_int(e, "seats"));
		pdf_paragraph(pdf, line);
	}
	json_array_foreach(cands, i, c) {
		snprintf(line, sizeof(line), "%zu. %s", i + 1,
		    view_str(c, "display_name"));
		pdf_write_box(pdf, line, 9);
	}
	pdf_paragraph(pdf, "Fold the paper and put it in the ballot box. "
	    "Nobody will know how you voted.");
}

void
elections_ballot_pdf(struct request *rq, struct response *rs)
{
	enum election_phase phase;
	json_t		*e, *cands;
	struct pdf	*pdf;
	char		*title;
	int		 k;

	if ((e = election_for_page(rq, rs, &phase)) == NULL)
		return;
	if (phase != PHASE_VOTING) {
		json_decref(e);
		response_error(rs, 409, "Ballot papers are printed while the "
		    "poll is open, once the candidates are known.");
		return;
	}
	if ((title = election_title(e)) == NULL) {
		json_decref(e);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	cands = candidate_list(rq->db, rq->ids[0]);
	if (rq->wants_json || rq->api) {
		response_view(rs, "error", json_pack("{s:s, s:o}", "title",
		    title, "candidates", cands));
		json_decref(e);
		free(title);
		return;
	}
	/* Papers carry no number: nothing on one can lead back to a voter. */
	pdf = pdf_new(&rs->body, title, pdf_size_for(rq, PDF_NORMAL));
	for (k = 0; k < BALLOT_PAPERS_PRINTED; k++) {
		pdf_page_break(pdf);
		ballot_draw(pdf, e, cands, title);
	}
	json_decref(cands);
	json_decref(e);
	free(title);
	pdf_reply(rs, pdf);
}

static void
notice_draw(struct pdf *pdf, const json_t *e, const json_t *sheet,
    const char *title)
{
	json_t		*first, *t, *el;
	char		 line[2 * COUNT_SEED_BYTES + 96], *who;	/* numbers, the seed */
	char		 day[DATE_WORDS_CHARS + 1];
	size_t		 i, nstages;

	pdf_heading(pdf, "Result of the election", 1);
	pdf_paragraph(pdf, title);
	pdf_pair(pdf, "Declared on", date_words_or(view_str(e, "published_on"),
	    day));
	pdf_pair(pdf, "Counted by", choice_label(election_methods,
	    view_str(e, "method")));
	snprintf(line, sizeof(line), "%lld", (long long)view_int(sheet,
	    "valid"));
	pdf_pair(pdf, "Valid ballot papers", line);
	if (json_is_string(json_object_get(sheet, "quota")))
		pdf_pair(pdf, "Quota", view_str(sheet, "quota"));
	nstages = json_array_size(json_object_get(sheet, "stages"));
	first = json_array_get(json_object_get(sheet, "stages"), 0);
	pdf_heading(pdf, nstages > 1 ? "First preferences" : "Votes", 2);
	json_array_foreach(json_object_get(first, "totals"), i, t)
		pdf_pair(pdf, view_str(t, "name"), view_str(t, "votes"));
	pdf_heading(pdf, "Elected", 2);
	if (json_is_true(json_object_get(sheet, "unopposed")))
		pdf_paragraph(pdf, ELECTED_UNOPPOSED);
	json_array_foreach(json_object_get(sheet, "elected"), i, el) {
		/* A name is up to NAME_MAX_CHARS characters, 4 bytes each. */
		if (asprintf(&who, "%s (%s)", view_str(el, "name"),
		    view_str(el, "how")) == -1)
			continue;
		pdf_paragraph(pdf, who);
		free(who);
	}
	if (nstages > 1) {
		snprintf(line, sizeof(line), "The count took %zu stages; the "
		    "count sheet shows each one.", nstages);
		pdf_paragraph(pdf, line);
	}
	snprintf(line, sizeof(line), "Seed for drawing lots: %s",
	    view_str(sheet, "lot_seed"));
	pdf_paragraph(pdf, line);
}

void
elections_result_pdf(struct request *rq, struct response *rs)
{
	enum election_phase phase;
	json_t		*e, *sheet;
	struct pdf	*pdf;
	char		*title;

	if ((e = election_for_page(rq, rs, &phase)) == NULL)
		return;
	if (phase != PHASE_PUBLISHED) {
		json_decref(e);
		response_error(rs, 409, "The result notice is printed once the "
		    "result is published.");
		return;
	}
	if ((sheet = election_sheet_for(rq, rs, e, phase)) == NULL) {
		json_decref(e);
		return;
	}
	if ((title = election_title(e)) == NULL) {
		json_decref(sheet);
		json_decref(e);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	if (rq->wants_json || rq->api) {
		response_view(rs, "error", json_pack("{s:s, s:o}", "title",
		    title, "sheet", sheet));
		json_decref(e);
		free(title);
		return;
	}
	pdf = pdf_new(&rs->body, title, pdf_size_for(rq, PDF_NORMAL));
	notice_draw(pdf, e, sheet, title);
	free(title);
	json_decref(sheet);
	json_decref(e);
	pdf_reply(rs, pdf);
}
