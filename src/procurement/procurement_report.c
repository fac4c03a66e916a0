/*
 * The final evaluation report of a lot, as A4 PDF and as XLSX: the
 * individual scores and justifications, the consensus scores and their
 * rationales, the weighted totals, the conflicts declared, every change
 * to a score with its reason, and the audit trail.  Both are drawn from
 * lot_record(), so the seal holds here as on the page: a question still
 * sealed shows only how many scores are in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procurement.h"
#include "../db/db.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../render/xlsx.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/view.h"
#include "../server/text_size.h"

/* A number as a {name} for print_say: n in ctx under key. */
static void
set_int(json_t *ctx, const char *key, int64_t n)
{
	json_object_set_new(ctx, key, json_integer(n));
}

static void
report_question(struct pdf *pdf, struct print_words *w, const json_t *q)
{
	const json_t	*line, *s, *agreed;
	json_t		*ctx = json_object();
	size_t		 i, k;

	pdf_heading(pdf, print_say(w, N_("Question {position} (weight "
	    "{weight})"), q), 2);
	pdf_paragraph(pdf, view_str(q, "text"));
	if (view_int(q, "sealed")) {
		set_int(ctx, "submitted", view_int(q, "submitted"));
		set_int(ctx, "due", view_int(q, "assigned") * view_int(q,
		    "bids"));
		pdf_paragraph(pdf, print_say(w, N_("Sealed: {submitted} of "
		    "{due} scores submitted. Individual scores are shown once "
		    "every evaluator has submitted theirs."), ctx));
		json_decref(ctx);
		return;
	}
	json_array_foreach(json_object_get(q, "bid_lines"), i, line) {
		pdf_pair(pdf, print_say(w, N_("Bidder"), NULL), view_str(line,
		    "bidder"));
		json_array_foreach(json_object_get(line, "scores"), k, s)
			pdf_pairf(pdf, view_str(s, "evaluator"), "%lld: %s",
			    (long long)view_int(s, "score"),
			    view_str(s, "justification"));
		/* Words around the figures, as on the consensus page: a
		 * bare "2 i 3" alone on its line is read back as "2i3". */
		pdf_pair(pdf, print_say(w, N_("Spread"), NULL), print_say(w,
		    json_is_true(json_object_get(line, "wide")) ?
		    N_("Scores from {min} to {max} (wide disagreement)") :
		    N_("Scores from {min} to {max}"), line));
		agreed = json_object_get(line, "consensus");
		if (json_is_object(agreed))
			pdf_pairf(pdf, print_say(w, N_("Consensus"), NULL),
			    "%lld: %s", (long long)view_int(agreed, "score"),
			    view_str(agreed, "rationale"));
		else
			pdf_pair(pdf, print_say(w, N_("Consensus"), NULL),
			    print_say(w, N_("Not yet agreed"), NULL));
		pdf_rule(pdf);
	}
	json_decref(ctx);
}

/* The panel, the declarations, changes to scores and the audit trail:
 * what happened as recorded, ours (a panel member's kind too) in the
 * reader's language. */
static void
report_lists(struct pdf *pdf, struct print_words *w, const json_t *r)
{
	const json_t	*row;
	size_t		 i;

	pdf_heading(pdf, print_say(w, N_("Panel"), NULL), 1);
	json_array_foreach(json_object_get(r, "panel"), i, row)
		pdf_pair(pdf, view_str(row, "name"), print_say(w,
		    strcmp(view_str(row, "state"), "removed") == 0 ?
		    N_("{kind_label | t}, added {added_on | date}, questions "
		    "{questions}. Removed: declared a conflict of interest "
		    "with {conflict_bidder}") :
		    N_("{kind_label | t}, added {added_on | date}, questions "
		    "{questions}"), row));
	pdf_heading(pdf, print_say(w, N_("Declarations of interest"), NULL),
	    1);
	json_array_foreach(json_object_get(r, "declarations"), i, row)
		pdf_pair(pdf, view_str(row, "evaluator"), print_say(w,
		    view_int(row, "conflict") ? N_("{declared_at | time}, "
		    "{bidder}: conflict declared. {details}") :
		    N_("{declared_at | time}, {bidder}: no connection"), row));
	pdf_heading(pdf, print_say(w, N_("Changes to scores"), NULL), 1);
	if (json_array_size(json_object_get(r, "changes")) == 0)
		pdf_paragraph(pdf, print_say(w, N_("None."), NULL));
	json_array_foreach(json_object_get(r, "changes"), i, row)
		pdf_pair(pdf, view_str(row, "changed_by_name"), print_say(w,
		    N_("{changed_at | time}, {kind_label | t} score, question "
		    "{position}, {bidder}: from {old_score} to {new_score}. "
		    "Reason: {reason}"), row));
	/* Each row's "said" is already in the reader's words
	 * (audit_sentences_add). */
	pdf_heading(pdf, print_say(w, N_("Audit trail"), NULL), 1);
	json_array_foreach(json_object_get(r, "audit"), i, row)
		pdf_paragraph(pdf, print_say(w, N_("{at | time}: {said}."),
		    row));
}

static int
report_draw(struct buf *out, const json_t *r, enum pdf_size size,
    const struct catalogue *words)
{
	const json_t	*lot = json_object_get(r, "lot"), *row, *meeting;
	char		 text[24];
	struct print_words w;
	struct pdf	*pdf;
	size_t		 i;
	int		 rc;

	print_words_init(&w, words, 0);
	pdf = print_pdf_new(&w, out, print_say(&w, N_("Evaluation report"),
	    NULL), size);
	pdf_heading(pdf, print_say(&w, N_("Evaluation report"), NULL), 1);
	pdf_pair(pdf, print_say(&w, N_("Procurement"), NULL), view_str(lot,
	    "procurement_title"));
	pdf_pair(pdf, print_say(&w, N_("Covers"), NULL), view_str(lot,
	    "scope_name"));
	pdf_pair(pdf, print_say(&w, N_("Lot"), NULL), view_str(lot, "title"));
	pdf_pair(pdf, print_say(&w, N_("Moderator"), NULL), view_str(lot,
	    "moderator_name"));
	meeting = json_object_get(r, "meeting");
	if (json_is_object(meeting))
		pdf_pair(pdf, print_say(&w, N_("Consensus meeting"), NULL),
		    print_say(&w, *view_str(meeting, "others_present") ?
		    N_("{held_on | date}. Present: {present}; "
		    "{others_present}") : N_("{held_on | date}. Present: "
		    "{present}"), meeting));
	pdf_heading(pdf, print_say(&w, N_("Scoring scale"), NULL), 2);
	json_array_foreach(json_object_get(r, "descriptors"), i, row) {
		snprintf(text, sizeof(text), "%lld", (long long)view_int(row,
		    "score"));
		pdf_pair(pdf, text, descriptor_words(view_str(row, "text"),
		    words));
	}
	pdf_heading(pdf, print_say(&w, N_("Weighted totals"), NULL), 1);
	pdf_paragraph(pdf, print_say(&w, N_("Each consensus score is divided "
	    "by the top of the scale and multiplied by its question's weight; "
	    "the total is rounded once, to two decimal places, half away from "
	    "zero."), NULL));
	json_array_foreach(json_object_get(r, "totals"), i, row)
		pdf_pair(pdf, view_str(row, "bidder"), print_say(&w,
		    json_is_true(json_object_get(row, "complete")) ?
		    N_("{total}") : N_("{total} (not every question agreed "
		    "yet)"), row));
	pdf_page_break(pdf);
	pdf_heading(pdf, print_say(&w, N_("Scores by question"), NULL), 1);
	json_array_foreach(json_object_get(r, "questions"), i, row)
		report_question(pdf, &w, row);
	report_lists(pdf, &w, r);
	rc = pdf_finish(pdf);
	print_words_free(&w);
	return rc;
}

/* TRANSLATORS: a file's name: letters, digits and hyphens, keeping
 * {title}, the lot's ("Lot 1"), and {procurement_title}: a name ends in
 * words, not in a number a reader cannot tell from another's. */
static const char *const lot_report_name = N_("evaluation-{title}-"
    "{procurement_title}");

void
lot_report_pdf(struct request *rq, struct response *rs)
{
	json_t	*lot, *record;

	if ((lot = lot_overseen(rq, rs, rq->ids[0])) == NULL)
		return;
	if ((record = lot_record(rq->db, lot)) != NULL)
		audit_sentences_add(json_object_get(record, "audit"),
		    language_words(rq->lang));
	if (record == NULL || report_draw(&rs->body, record, pdf_size_for(rq,
	    PDF_NORMAL), language_words(rq->lang)) == -1) {
		buf_clear(&rs->body);
		response_error(rs, 500, "The report could not be made.");
	} else {
		rs->status = 200;
		rs->content_type = strdup("application/pdf");
		(void)response_named(rs, DOWNLOAD_SAVED,
		    language_words(rq->lang), lot_report_name, lot, "pdf");
	}
	json_decref(record);
	json_decref(lot);
}

/* Each declaration's conflict (0 or 1) as a word to translate. */
static void
conflicts_labelled(json_t *rows)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row)
		json_object_set_new(row, "conflict_label", json_string(
		    view_int(row, "conflict") ? N_("Yes") : N_("No")));
}

/* A copy of a score, labelled with its question and bidder. */
static json_t *
labelled(const json_t *score, const json_t *q, const json_t *line)
{
	json_t	*row = json_deep_copy(score);

	json_object_set_new(row, "position", json_integer(view_int(q,
	    "position")));
	json_object_set_new(row, "bidder", json_string(view_str(line,
	    "bidder")));
	return row;
}

/* One row per individual score, or per consensus score. */
static json_t *
score_rows(const json_t *r, int consensus)
{
	json_t		*out = json_array();
	const json_t	*q, *line, *s;
	size_t		 i, k, j;

	json_array_foreach(json_object_get(r, "questions"), i, q)
		json_array_foreach(json_object_get(q, "bid_lines"), k, line) {
			s = json_object_get(line, "consensus");
			if (consensus && json_is_object(s))
				json_array_append_new(out, labelled(s, q, line));
			if (consensus)
				continue;
			json_array_foreach(json_object_get(line, "scores"), j, s)
				json_array_append_new(out, labelled(s, q, line));
		}
	return out;
}

void
lot_report_xlsx(struct request *rq, struct response *rs)
{
	/* Our words (kinds, yes or no) and timestamps in the reader's
	 * language, through each column's message; the rest as recorded. */
	static const struct xlsx_column totals[] = {
		{ "rank", N_("Rank"), 6, NULL, NULL },
		{ "bidder", N_("Bidder"), 30, NULL, NULL },
		{ "total", N_("Weighted total"), 14, NULL, NULL },
		{ "complete", N_("Every question agreed"), 20, NULL, NULL },
	};
	static const struct xlsx_column scores[] = {
		{ "position", N_("Question"), 9, NULL, NULL },
		{ "bidder", N_("Bidder"), 30, NULL, NULL },
		{ "evaluator", N_("Evaluator"), 24, NULL, NULL },
		{ "kind", N_("Role"), 20, NULL, "{kind_label | t}" },
		{ "score", N_("Score"), 7, NULL, NULL },
		{ "justification", N_("Justification"), 60, NULL, NULL },
		{ "submitted_at", N_("Submitted"), 24, NULL,
		    "{submitted_at | time}" },
	};
	static const struct xlsx_column agreed[] = {
		{ "position", N_("Question"), 9, NULL, NULL },
		{ "bidder", N_("Bidder"), 30, NULL, NULL },
		{ "score", N_("Consensus score"), 15, NULL, NULL },
		{ "rationale", N_("Rationale"), 60, NULL, NULL },
		{ "recorded_by_name", N_("Recorded by"), 24, NULL, NULL },
		{ "recorded_at", N_("Recorded"), 24, NULL,
		    "{recorded_at | time}" },
	};
	static const struct xlsx_column declared[] = {
		{ "declared_at", N_("Declared"), 24, NULL,
		    "{declared_at | time}" },
		{ "evaluator", N_("Evaluator"), 24, NULL, NULL },
		{ "bidder", N_("Bidder"), 30, NULL, NULL },
		{ "conflict", N_("Conflict"), 9, NULL, "{conflict_label | t}" },
		{ "details", N_("Details"), 60, NULL, NULL },
	};
	static const struct xlsx_column changes[] = {
		{ "changed_at", N_("Changed"), 24, NULL, "{changed_at | time}" },
		{ "changed_by_name", N_("By"), 24, NULL, NULL },
		{ "kind", N_("Kind"), 11, NULL, "{kind_label | t}" },
		{ "position", N_("Question"), 9, NULL, NULL },
		{ "bidder", N_("Bidder"), 30, NULL, NULL },
		{ "old_score", N_("From"), 6, NULL, NULL },
		{ "new_score", N_("To"), 6, NULL, NULL },
		{ "reason", N_("Reason"), 60, NULL, NULL },
	};
	static const struct xlsx_column audit[] = {
		{ "at", N_("When"), 24, NULL, "{at | time}" },
		{ "who", N_("Who"), 24, NULL, NULL },
		{ "said", N_("What happened"), 60, NULL, NULL },
	};
	json_t	*lot, *record, *individual = NULL, *consensus = NULL;

	if ((lot = lot_overseen(rq, rs, rq->ids[0])) == NULL)
		return;
	if ((record = lot_record(rq->db, lot)) != NULL) {
		individual = score_rows(record, 0);
		consensus = score_rows(record, 1);
		audit_sentences_add(json_object_get(record, "audit"),
		    language_words(rq->lang));
		conflicts_labelled(json_object_get(record, "declarations"));
	}
	{
		/* The sheets' names and headers in the reader's language;
		 * the cells are the record's own. */
		const struct catalogue *words = language_words(rq->lang);
#define SHEET(name, columns, rows) \
	{ name, columns, FIELDS_COUNT(columns), rows, words }
		const struct xlsx_sheet sheets[] = {
			SHEET(N_("Totals"), totals, json_object_get(record,
			    "totals")),
			SHEET(N_("Scores"), scores, individual),
			SHEET(N_("Consensus"), agreed, consensus),
			SHEET(N_("Declarations"), declared, json_object_get(
			    record, "declarations")),
			SHEET(N_("Changes"), changes, json_object_get(record,
			    "changes")),
			SHEET(N_("Audit"), audit, json_object_get(record,
			    "audit")),
		};
#undef SHEET

		if (record == NULL || xlsx_write(&rs->body, sheets,
		    sizeof(sheets) / sizeof(sheets[0])) == -1) {
			buf_clear(&rs->body);
			response_error(rs, 500, "The report could not be made.");
		} else {
			rs->status = 200;
			rs->content_type = strdup("application/vnd.openxmlformats"
			    "-officedocument.spreadsheetml.sheet");
			(void)response_named(rs, DOWNLOAD_SAVED,
			    language_words(rq->lang), lot_report_name, lot,
			    "xlsx");
		}
	}
	json_decref(individual);
	json_decref(consensus);
	json_decref(record);
	json_decref(lot);
}
