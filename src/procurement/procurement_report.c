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
#include "../render/xlsx.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/view.h"
#include "../server/text_size.h"

static void
report_question(struct pdf *pdf, const json_t *q)
{
	const json_t	*line, *s, *agreed;
	char		 heading[64];
	size_t		 i, k;

	snprintf(heading, sizeof(heading), "Question %lld (weight %lld)",
	    (long long)view_int(q, "position"), (long long)view_int(q, "weight"));
	pdf_heading(pdf, heading, 2);
	pdf_paragraph(pdf, view_str(q, "text"));
	if (view_int(q, "sealed")) {
		pdf_paragraphf(pdf, "Sealed: %lld of %lld scores submitted. "
		    "Individual scores are shown once every evaluator has "
		    "submitted theirs.", (long long)view_int(q, "submitted"),
		    (long long)(view_int(q, "assigned") * view_int(q, "bids")));
		return;
	}
	json_array_foreach(json_object_get(q, "bid_lines"), i, line) {
		pdf_pair(pdf, "Bidder", view_str(line, "bidder"));
		json_array_foreach(json_object_get(line, "scores"), k, s)
			pdf_pairf(pdf, view_str(s, "evaluator"), "%lld: %s",
			    (long long)view_int(s, "score"),
			    view_str(s, "justification"));
		pdf_pairf(pdf, "Spread", "%lld to %lld%s",
		    (long long)view_int(line, "min"),
		    (long long)view_int(line, "max"),
		    json_is_true(json_object_get(line, "wide")) ?
		    " (wide disagreement)" : "");
		agreed = json_object_get(line, "consensus");
		if (json_is_object(agreed))
			pdf_pairf(pdf, "Consensus", "%lld: %s",
			    (long long)view_int(agreed, "score"),
			    view_str(agreed, "rationale"));
		else
			pdf_pair(pdf, "Consensus", "Not yet agreed");
		pdf_rule(pdf);
	}
}

/* The panel, the declarations, changes to scores and the audit trail. */
static void
report_lists(struct pdf *pdf, const json_t *r)
{
	const json_t	*row;
	size_t		 i;

	pdf_heading(pdf, "Panel", 1);
	json_array_foreach(json_object_get(r, "panel"), i, row)
		pdf_pairf(pdf, view_str(row, "name"), "%s, added %s, questions "
		    "%s%s%s", view_str(row, "kind"), view_str(row, "added_on"),
		    view_str(row, "questions"), strcmp(view_str(row, "state"),
		    "removed") == 0 ? ". Removed: " : "",
		    view_str(row, "removed_reason"));
	pdf_heading(pdf, "Declarations of interest", 1);
	json_array_foreach(json_object_get(r, "declarations"), i, row)
		pdf_pairf(pdf, view_str(row, "evaluator"), "%s, %s: %s%s%s",
		    view_str(row, "declared_at"), view_str(row, "bidder"),
		    view_int(row, "conflict") ? "conflict declared" :
		    "no connection", view_int(row, "conflict") ? ". " : "",
		    view_str(row, "details"));
	pdf_heading(pdf, "Changes to scores", 1);
	if (json_array_size(json_object_get(r, "changes")) == 0)
		pdf_paragraph(pdf, "None.");
	json_array_foreach(json_object_get(r, "changes"), i, row)
		pdf_pairf(pdf, view_str(row, "changed_by_name"), "%s, %s score, "
		    "question %lld, %s: %lld to %lld. Reason: %s",
		    view_str(row, "changed_at"), view_str(row, "kind"),
		    (long long)view_int(row, "position"), view_str(row,
		    "bidder"), (long long)view_int(row, "old_score"),
		    (long long)view_int(row, "new_score"),
		    view_str(row, "reason"));
	pdf_heading(pdf, "Audit trail", 1);
	json_array_foreach(json_object_get(r, "audit"), i, row)
		pdf_paragraphf(pdf, "%s: %s%s%s%s.", view_str(row, "at"),
		    view_str(row, "said"), *view_str(row, "detail") ? " (" : "",
		    view_str(row, "detail"), *view_str(row, "detail") ? ")" :
		    "");
}

static int
report_draw(struct buf *out, const json_t *r, enum pdf_size size)
{
	const json_t	*lot = json_object_get(r, "lot"), *row, *meeting;
	char		 text[24];
	struct pdf	*pdf;
	size_t		 i;

	pdf = pdf_new(out, "Evaluation report", size);
	pdf_heading(pdf, "Evaluation report", 1);
	pdf_pair(pdf, "Procurement", view_str(lot, "procurement_title"));
	pdf_pair(pdf, "Covers", view_str(lot, "scope_name"));
	pdf_pair(pdf, "Lot", view_str(lot, "title"));
	pdf_pair(pdf, "Moderator", view_str(lot, "moderator_name"));
	meeting = json_object_get(r, "meeting");
	if (json_is_object(meeting)) {
		pdf_pairf(pdf, "Consensus meeting", "%s. Present: %s%s%s",
		    view_str(meeting, "held_on"), view_str(meeting, "present"),
		    *view_str(meeting, "others_present") ? "; " : "",
		    view_str(meeting, "others_present"));
	}
	pdf_heading(pdf, "Scoring scale", 2);
	json_array_foreach(json_object_get(r, "descriptors"), i, row) {
		snprintf(text, sizeof(text), "%lld", (long long)view_int(row,
		    "score"));
		pdf_pair(pdf, text, view_str(row, "text"));
	}
	pdf_heading(pdf, "Weighted totals", 1);
	pdf_paragraph(pdf, "Each consensus score is divided by the top of the "
	    "scale and multiplied by its question's weight; the total is "
	    "rounded once, to two decimal places, half away from zero.");
	json_array_foreach(json_object_get(r, "totals"), i, row) {
		pdf_pairf(pdf, view_str(row, "bidder"), "%s%s", view_str(row,
		    "total"), json_is_true(json_object_get(row, "complete")) ?
		    "" : " (not every question agreed yet)");
	}
	pdf_page_break(pdf);
	pdf_heading(pdf, "Scores by question", 1);
	json_array_foreach(json_object_get(r, "questions"), i, row)
		report_question(pdf, row);
	report_lists(pdf, r);
	return pdf_finish(pdf);
}

void
lot_report_pdf(struct request *rq, struct response *rs)
{
	json_t	*lot, *record;

	if ((lot = lot_overseen(rq, rs, rq->ids[0])) == NULL)
		return;
	if ((record = lot_record(rq->db, lot)) == NULL ||
	    report_draw(&rs->body, record,
	    pdf_size_for(rq, PDF_NORMAL)) == -1) {
		buf_clear(&rs->body);
		response_error(rs, 500, "The report could not be made.");
	} else {
		rs->status = 200;
		rs->content_type = strdup("application/pdf");
		if (asprintf(&rs->disposition, "attachment; filename="
		    "\"evaluation-lot-%lld.pdf\"", (long long)rq->ids[0]) == -1)
			rs->disposition = NULL;
	}
	json_decref(record);
	json_decref(lot);
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
	static const struct xlsx_column totals[] = {
		{ "rank", N_("Rank"), 6, NULL },
		{ "bidder", N_("Bidder"), 30, NULL },
		{ "total", N_("Weighted total"), 14, NULL },
		{ "complete", N_("Every question agreed"), 20, NULL },
	};
	static const struct xlsx_column scores[] = {
		{ "position", N_("Question"), 9, NULL },
		{ "bidder", N_("Bidder"), 30, NULL },
		{ "evaluator", N_("Evaluator"), 24, NULL },
		{ "kind", N_("Role"), 20, NULL },
		{ "score", N_("Score"), 7, NULL },
		{ "justification", N_("Justification"), 60, NULL },
		{ "submitted_at", N_("Submitted"), 21, NULL },
	};
	static const struct xlsx_column agreed[] = {
		{ "position", N_("Question"), 9, NULL },
		{ "bidder", N_("Bidder"), 30, NULL },
		{ "score", N_("Consensus score"), 15, NULL },
		{ "rationale", N_("Rationale"), 60, NULL },
		{ "recorded_by_name", N_("Recorded by"), 24, NULL },
		{ "recorded_at", N_("Recorded"), 21, NULL },
	};
	static const struct xlsx_column declared[] = {
		{ "declared_at", N_("Declared"), 21, NULL },
		{ "evaluator", N_("Evaluator"), 24, NULL },
		{ "bidder", N_("Bidder"), 30, NULL },
		{ "conflict", N_("Conflict"), 9, NULL },
		{ "details", N_("Details"), 60, NULL },
	};
	static const struct xlsx_column changes[] = {
		{ "changed_at", N_("Changed"), 21, NULL },
		{ "changed_by_name", N_("By"), 24, NULL },
		{ "kind", N_("Kind"), 11, NULL },
		{ "position", N_("Question"), 9, NULL },
		{ "bidder", N_("Bidder"), 30, NULL },
		{ "old_score", N_("From"), 6, NULL },
		{ "new_score", N_("To"), 6, NULL },
		{ "reason", N_("Reason"), 60, NULL },
	};
	static const struct xlsx_column audit[] = {
		{ "at", N_("When"), 21, NULL },
		{ "who", N_("Who"), 24, NULL },
		{ "said", N_("What happened"), 40, NULL },
		{ "entity", N_("Record"), 16, NULL },
		{ "entity_id", N_("Id"), 8, NULL },
		{ "detail", N_("Detail"), 30, NULL },
	};
	json_t	*lot, *record, *individual = NULL, *consensus = NULL;

	if ((lot = lot_overseen(rq, rs, rq->ids[0])) == NULL)
		return;
	if ((record = lot_record(rq->db, lot)) != NULL) {
		individual = score_rows(record, 0);
		consensus = score_rows(record, 1);
	}
	{
		/* The headers in the reader's language; the cells are the
		 * record's own. */
		const struct catalogue *words = language_words(rq->lang);
#define SHEET(name, columns, rows) \
	{ name, columns, FIELDS_COUNT(columns), rows, words }
		const struct xlsx_sheet sheets[] = {
			SHEET("Totals", totals, json_object_get(record,
			    "totals")),
			SHEET("Scores", scores, individual),
			SHEET("Consensus", agreed, consensus),
			SHEET("Declarations", declared, json_object_get(record,
			    "declarations")),
			SHEET("Changes", changes, json_object_get(record,
			    "changes")),
			SHEET("Audit", audit, json_object_get(record, "audit")),
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
			if (asprintf(&rs->disposition, "attachment; filename="
			    "\"evaluation-lot-%lld.xlsx\"",
			    (long long)rq->ids[0]) == -1)
				rs->disposition = NULL;
		}
	}
	json_decref(individual);
	json_decref(consensus);
	json_decref(record);
	json_decref(lot);
}
