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
#include "../render/print_words.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/decimal.h"
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
/* A tie decided "votes at stage 2" (as the count stores it) worded with
 * the stage as a value, in key_words beside key: the page and the
 * notice fill it in their reader's language (| words); any other way
 * ("lot") is a stored word, said as it is. */
static void
how_words_set(json_t *row, const char *key)
{
	const char	*how = json_string_value(json_object_get(row, key));
	char		 words_key[32];
	long		 stage;

	if (how == NULL)
		return;
	snprintf(words_key, sizeof(words_key), "%s_words", key);
	if (sscanf(how, "votes at stage %ld", &stage) == 1) {
		json_object_set_new(row, words_key, json_string(
		    N_("votes at stage {stage_of_tie}")));
		json_object_set_new(row, "stage_of_tie", json_integer(stage));
	} else
		json_object_set_new(row, words_key, json_string(how));
}

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
		how_words_set(st, "tie_break");
	}
	json_array_foreach(json_object_get(sheet, "elected"), i, el) {
		json_object_set_new(el, "name", json_string(name_of(cands,
		    view_int(el, "candidate_id"))));
		how_words_set(el, "how");
	}
}

/* The sheet stored when the result was published, its states settled
 * as a count makes them now (one published before said "continuing" of
 * those it elected).  New reference, NULL on error. */
static json_t *
sheet_stored(const json_t *e)
{
	json_t	*sheet = json_loads(view_str(e, "result"), 0, NULL);

	if (sheet != NULL)
		count_settle(sheet);
	return sheet;
}

/* The published sheet, or a fresh count while the result is private to
 * staff.  New reference, NULL on error. */
static json_t *
sheet_raw(struct db *db, const json_t *e, enum election_phase phase)
{
	if (phase == PHASE_PUBLISHED)
		return sheet_stored(e);
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
	/* The lot's seed, so staff can draw a tie again; a member reading
	 * the result has no use for it. */
	if (election_staff(rq, e))
		json_object_set(sheet, "lot_seed", json_object_get(e,
		    "lot_seed"));
	/* Only a transferable vote moves votes: no "Non-transferable 0"
	 * under a first-past-the-post count. */
	json_object_set_new(sheet, "transfers", json_boolean(strcmp(view_str(
	    e, "method"), "stv") == 0));
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
		response_error(rs, 409, phase == PHASE_PUBLISHED ?
		    N_("The result is already published.") :
		    N_("The poll has not closed."));
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
	stored = sheet_stored(e);
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

/* "Chair, Over-50s Forum" in the reader's language: the title of a
 * printed paper, owned by w. */
static const char *
election_title_in(struct print_words *w, const json_t *e)
{
	json_t		*ctx;
	const char	*title;

	ctx = json_pack("{s:s, s:s}", "position", choice_label(
	    election_positions, view_str(e, "position")), "group_name",
	    view_str(e, "group_name"));
	title = print_say(w, N_("{position | t}, {group_name}"), ctx);
	json_decref(ctx);
	return title;
}

/* e with what its file's name says: the position in words (its label,
 * translated by the name's "| t"), not the stored code.  e itself. */
static json_t *
election_named(json_t *e)
{
	(void)json_object_set_new(e, "position_label", json_string(
	    choice_label(election_positions, view_str(e, "position"))));
	return e;
}

static void
ballot_draw(struct pdf *pdf, struct print_words *w, const json_t *e,
    const json_t *cands, const char *title)
{
	json_t		*c;
	size_t		 i;
	int		 stv = strcmp(view_str(e, "method"), "stv") == 0;

	pdf_heading(pdf, print_say(w, N_("Ballot paper"), NULL), 1);
	pdf_paragraph(pdf, title);
	if (stv)
		pdf_paragraph(pdf, print_say(w, N_("Put the number 1 in the "
		    "box next to your first choice, 2 next to your second "
		    "choice, and so on. Number as many or as few names as you "
		    "like."), NULL));
	else {
		pdf_paragraph(pdf, print_say(w, view_int(e, "seats") > 1 ?
		    N_("Put a cross (X) in the box next to the names you vote "
		    "for, no more than the places to fill. Do not write your "
		    "name on this paper.") : N_("Put a cross (X) in the box "
		    "next to one name only. Do not write your name on this "
		    "paper."), NULL));
		pdf_paragraph(pdf, print_say(w, N_("Places to fill: {seats}"),
		    e));
	}
	json_array_foreach(cands, i, c) {
		json_t	*n = json_pack("{s:I, s:s}", "n", (json_int_t)(i + 1),
		    "name", view_str(c, "display_name"));

		pdf_write_box(pdf, print_say(w, N_("{n}. {name}"), n), 9);
		json_decref(n);
	}
	pdf_paragraph(pdf, print_say(w, N_("Fold the paper and put it in the "
	    "ballot box. Nobody will know how you voted."), NULL));
}

void
elections_ballot_pdf(struct request *rq, struct response *rs)
{
	enum election_phase phase;
	json_t		*e, *cands;
	struct pdf	*pdf;
	struct print_words w;
	const char	*title;
	int		 k;

	if ((e = election_for_page(rq, rs, &phase)) == NULL)
		return;
	if (phase != PHASE_VOTING) {
		json_decref(e);
		response_error(rs, 409, "Ballot papers are printed while the "
		    "poll is open, once the candidates are known.");
		return;
	}
	print_words_init(&w, language_words(rq->lang), 0);
	title = election_title_in(&w, e);
	cands = candidate_list(rq->db, rq->ids[0]);
	if (rq->wants_json || rq->api) {
		response_view(rs, "error", json_pack("{s:s, s:o}", "title",
		    title, "candidates", cands));
		json_decref(e);
		print_words_free(&w);
		return;
	}
	/* Papers carry no number: nothing on one can lead back to a voter. */
	pdf = print_pdf_new(&w, &rs->body, title, pdf_size_for(rq,
	    PDF_NORMAL));
	for (k = 0; k < BALLOT_PAPERS_PRINTED; k++) {
		pdf_page_break(pdf);
		ballot_draw(pdf, &w, e, cands, title);
	}
	json_decref(cands);
	print_words_free(&w);
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {position_label | t}, {group_name} and {voting_closes_on}. */
	response_pdf(rq, rs, pdf, N_("ballot-papers-{position_label | t}-"
	    "{group_name}-{voting_closes_on}"), election_named(e));
	json_decref(e);
}

static void
notice_draw(struct pdf *pdf, struct print_words *w, const json_t *e,
    const json_t *sheet, const char *title)
{
	json_t		*first, *t, *el, *n;
	size_t		 i, nstages;
	char		 shown[COUNT_VOTES_CHARS];

	pdf_heading(pdf, print_say(w, N_("Result of the election"), NULL), 1);
	pdf_paragraph(pdf, title);
	pdf_pair(pdf, print_say(w, N_("Declared on"), NULL), print_date(w,
	    view_str(e, "published_on")));
	pdf_pair(pdf, print_say(w, N_("Counted by"), NULL), print_say(w,
	    choice_label(election_methods, view_str(e, "method")), NULL));
	pdf_pairf(pdf, print_say(w, N_("Valid ballot papers"), NULL), "%lld",
	    (long long)view_int(sheet, "valid"));
	if (json_is_string(json_object_get(sheet, "quota")))
		pdf_pair(pdf, print_say(w, N_("Quota"), NULL), decimal_words(
		    view_str(sheet, "quota"), shown, sizeof(shown)));
	nstages = json_array_size(json_object_get(sheet, "stages"));
	first = json_array_get(json_object_get(sheet, "stages"), 0);
	pdf_heading(pdf, print_say(w, nstages > 1 ? N_("First preferences") :
	    N_("Votes"), NULL), 2);
	json_array_foreach(json_object_get(first, "totals"), i, t)
		pdf_pair(pdf, view_str(t, "name"), decimal_words(view_str(t,
		    "votes"), shown, sizeof(shown)));
	pdf_heading(pdf, print_say(w, N_("Elected"), NULL), 2);
	if (json_is_true(json_object_get(sheet, "unopposed")))
		pdf_paragraph(pdf, print_say(w, ELECTED_UNOPPOSED, NULL));
	json_array_foreach(json_object_get(sheet, "elected"), i, el)
		pdf_paragraph(pdf, print_say(w, N_("{name} ({how_words | words})"), el));
	if (nstages > 1) {
		n = json_pack("{s:I}", "n", (json_int_t)nstages);
		pdf_paragraph(pdf, print_say_n(w, "The count took {n} stage; "
		    "the count sheet shows it.", "The count took {n} stages; "
		    "the count sheet shows each one.", nstages, n));
		json_decref(n);
	}
	/* No seed for drawing lots: it settles ties on the count sheet,
	 * the record anyone checking the count reads; to a member reading
	 * the result it is a string of letters that says nothing. */
}

void
elections_result_pdf(struct request *rq, struct response *rs)
{
	enum election_phase phase;
	json_t		*e, *sheet;
	struct pdf	*pdf;
	struct print_words w;
	const char	*title;

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
	print_words_init(&w, language_words(rq->lang), 0);
	title = election_title_in(&w, e);
	if (rq->wants_json || rq->api) {
		response_view(rs, "error", json_pack("{s:s, s:o}", "title",
		    title, "sheet", sheet));
		json_decref(e);
		print_words_free(&w);
		return;
	}
	pdf = print_pdf_new(&w, &rs->body, title, pdf_size_for(rq,
	    PDF_NORMAL));
	notice_draw(pdf, &w, e, sheet, title);
	print_words_free(&w);
	json_decref(sheet);
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {position_label | t}, {group_name} and {voting_closes_on}. */
	response_pdf(rq, rs, pdf, N_("election-result-{position_label | t}-"
	    "{group_name}-{voting_closes_on}"), election_named(e));
	json_decref(e);
}
