/*
 * The annual involvement report for a chosen period and scope: an A4
 * PDF (a cover, the eight criteria at a glance, a page per criterion
 * with its chart, the representation tables, "you said, we did") and an
 * XLSX of every figure.  Both are drawn from the builder's view, so they
 * show exactly what the dashboard shows, suppressed the same way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../render/xlsx.h"
#include "../server/download_name.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../server/text_size.h"
#include "../surveys/surveys.h"
#include "../util/catalogue.h"
#include "../util/suppression.h"
#include "../util/view.h"


/* "3 (20%)": a count with its share, when it has one. */
static const char *
with_share(const json_t *row, const char *count, const char *share,
    char *buf, size_t sz)
{
	if (*view_str(row, share) != '\0')
		snprintf(buf, sz, "%s (%s)", count, view_str(row, share));
	return *view_str(row, share) != '\0' ? buf : count;
}

static void
draw_representation(struct pdf *pdf, struct print_words *w,
    const json_t *rep)
{
	const json_t	*t, *row, *g;
	json_t		*ctx;
	size_t		 i, k;
	char		 a[32], b[32], as[64], bs[64];

	pdf_pair(pdf, print_say(w, N_("Members at the end of the period"),
	    NULL), suppressed_words(json_object_get(rep, "members"), w->words,
	    a, sizeof(a)));
	if (json_is_string(json_object_get(rep, "counted_on")))
		pdf_pair(pdf, print_say(w, N_("Population counted on"), NULL),
		    print_date(w, view_str(rep, "counted_on")));
	else
		pdf_paragraph(pdf, print_say(w, N_("No population has been "
		    "entered for this place yet."), NULL));
	json_array_foreach(json_object_get(rep, "gaps"), i, g)
		pdf_paragraph(pdf, view_str(g, "text"));
	json_array_foreach(json_object_get(rep, "tables"), i, t) {
		pdf_heading(pdf, catalogue_get(w->words, view_str(t, "label")),
		    2);
		json_array_foreach(json_object_get(t, "rows"), k, row) {
			suppressed_words(json_object_get(row, "members"),
			    w->words, a, sizeof(a));
			suppressed_words(json_object_get(row, "population"),
			    w->words, b, sizeof(b));
			ctx = json_pack("{s:s, s:s}", "members", with_share(row,
			    a, "members_share", as, sizeof(as)), "population",
			    *b ? with_share(row, b, "population_share", bs,
			    sizeof(bs)) : print_say(w, N_("not counted"),
			    NULL));
			pdf_pair(pdf, view_str(row, "category"), print_say(w,
			    N_("members {members}, population {population}"),
			    ctx));
			json_decref(ctx);
		}
	}
}

/* A measure's months, one line each: "March 2026: 8 of 10 (80%)". */
static void
draw_months(struct pdf *pdf, const json_t *m)
{
	const json_t	*pt;
	size_t		 i;

	json_array_foreach(json_object_get(m, "months"), i, pt)
		pdf_pair(pdf, view_str(pt, "month_words"), view_str(pt,
		    "words"));
}

/* A criterion, its published title, question and verdict in the
 * reader's language as the dashboard shows them (| t). */
static void
draw_criterion(struct pdf *pdf, struct print_words *w, const json_t *c)
{
	const json_t	*m, *rep;
	json_t		*ctx;
	size_t		 i;

	pdf_page_break(pdf);
	ctx = json_pack("{s:I, s:s}", "n", (json_int_t)view_int(c, "number"),
	    "name", catalogue_get(w->words, view_str(c, "title")));
	pdf_heading(pdf, print_say(w, N_("{n}. {name}"), ctx), 1);
	json_decref(ctx);
	pdf_paragraph(pdf, catalogue_get(w->words, view_str(c, "question")));
	pdf_pair(pdf, print_say(w, N_("Verdict"), NULL), print_say(w,
	    json_is_string(json_object_get(c, "figure")) ?
	    N_("{verdict_words | t} ({figure})") : N_("{verdict_words | t}"),
	    c));
	pdf_pair(pdf, print_say(w, N_("Target"), NULL), view_str(c,
	    "target_words"));
	if (json_is_string(json_object_get(c, "median_words")))
		pdf_pair(pdf, print_say(w, N_("Median time to answer a "
		    "proposal"), NULL), view_str(c, "median_words"));
	if ((rep = json_object_get(c, "representation")) != NULL)
		draw_representation(pdf, w, rep);
	/* One chart a criterion, of its first measure; the other measures
	 * give their months in words, as the spreadsheet does in full. */
	json_array_foreach(json_object_get(c, "measures"), i, m) {
		pdf_heading(pdf, catalogue_get(w->words, view_str(m, "label")),
		    2);
		pdf_pair(pdf, print_say(w, N_("Over the period"), NULL),
		    view_str(json_object_get(m, "period"), "words"));
		if (json_is_string(json_object_get(m, "months_note")))
			pdf_pair(pdf, print_say(w, N_("Month by month"), NULL),
			    view_str(m, "months_note"));
		else if (i == 0)
			chart_pdf(pdf, view_str(m, "label"),
			    json_object_get(m, "bars"), w->words, 150);
		else
			draw_months(pdf, m);
	}
}

/* The report in its reader's language and size: its own words here, the
 * figures' sentences (targets, months, "8 of 10 (80%)", the gaps) as the
 * builder worded them for the same reader. */
static int
report_pdf(const json_t *view, const struct request *rq, struct buf *out)
{
	struct print_words w;
	struct pdf	*pdf;
	const json_t	*c, *h, *a, *pt;
	json_t		*ctx;
	size_t		 i, k;
	char		 n[32];
	int		 rc;

	print_words_init(&w, language_words(rq->lang), 0);
	pdf = print_pdf_new(&w, out, print_say(&w, N_("Involvement report"),
	    NULL), pdf_size_for(rq, PDF_NORMAL));
	pdf_heading(pdf, print_say(&w, N_("Involvement report"), NULL), 1);
	pdf_paragraph(pdf, view_str(view, "place"));
	pdf_paragraph(pdf, print_say(&w, N_("From {from | date} to "
	    "{to | date}"), view));
	pdf_paragraph(pdf, print_say(&w, N_("How service users are involved, "
	    "judged on the eight published criteria of good practice. No "
	    "number here identifies anyone: counts below the privacy "
	    "threshold read \"fewer than\", and counts that would give one "
	    "away by subtraction read \"hidden\"."), NULL));
	pdf_heading(pdf, print_say(&w, N_("The eight criteria at a glance"),
	    NULL), 2);
	json_array_foreach(json_object_get(view, "criteria"), i, c)
		pdf_pair(pdf, catalogue_get(w.words, view_str(c, "title")),
		    print_say(&w, json_is_string(json_object_get(c, "figure")) ?
		    N_("{verdict_words | t}: {figure}") :
		    N_("{verdict_words | t}"), c));
	json_array_foreach(json_object_get(view, "criteria"), i, c)
		draw_criterion(pdf, &w, c);
	pdf_page_break(pdf);
	pdf_heading(pdf, print_say(&w, N_("You said, we did"), NULL), 1);
	if (json_array_size(json_object_get(view, "highlights")) == 0)
		pdf_paragraph(pdf, print_say(&w, N_("No proposal was taken up "
		    "in this period."), NULL));
	json_array_foreach(json_object_get(view, "highlights"), i, h)
		pdf_pairf(pdf, view_str(h, "title"), "%s", view_str(h,
		    "sentence"));
	if (json_is_true(json_object_get(view, "has_activity"))) {
		pdf_heading(pdf, print_say(&w, N_("Activity"), NULL), 1);
		json_array_foreach(json_object_get(view, "activity"), i, a) {
			ctx = json_pack("{s:s}", "n", suppressed_words(
			    json_object_get(a, "total"), w.words, n,
			    sizeof(n)));
			pdf_pair(pdf, catalogue_get(w.words, view_str(a,
			    "label")), print_say(&w, N_("{n} in all"), ctx));
			json_decref(ctx);
			json_array_foreach(json_object_get(a, "months"), k, pt)
				pdf_pair(pdf, view_str(pt, "month_words"),
				    suppressed_words(json_object_get(pt, "n"),
				    w.words, n, sizeof(n)));
		}
	}
	rc = pdf_finish(pdf);
	print_words_free(&w);
	return rc;
}

/* ---- the spreadsheet: every figure, one sheet per kind ----------------- */

/* A count as a number, or in words as the page shows it ("llai na 5",
 * "cudd", "heb ei gofnodi"). */
static json_t *
cell(const json_t *v, const struct catalogue *words)
{
	char	 s[128];

	if (json_is_integer(v))
		return json_incref((json_t *)v);
	if (json_is_string(v))
		return json_string(suppressed_words(v, words, s, sizeof(s)));
	return json_null();
}

/* A message of the view (a title, a label, a verdict) in words. */
static json_t *
said(const json_t *o, const char *key, const struct catalogue *words)
{
	return json_string(catalogue_get(words, view_str(o, key)));
}

/* A row of the measures sheet: a measure's month, or its period. */
static json_t *
point_row(const json_t *c, const json_t *m, const char *month,
    const json_t *pt, const struct catalogue *words)
{
	return json_pack("{s:o, s:o, s:s, s:o, s:o, s:o}", "criterion",
	    said(c, "title", words), "measure", said(m, "label", words),
	    "month", month, "part", cell(json_object_get(pt, "part"), words),
	    "whole", cell(json_object_get(pt, "whole"), words), "percent",
	    cell(json_object_get(pt, "percent"), words));
}

/* A row of the representation sheet: a category of table t. */
static json_t *
rep_row(const json_t *t, const json_t *row, const struct catalogue *words)
{
	return json_pack("{s:o, s:s, s:o, s:o, s:o, s:o}", "characteristic",
	    said(t, "label", words), "answer", view_str(row, "category"),
	    "members", cell(json_object_get(row, "members"), words),
	    "members_percent", cell(json_object_get(row, "members_percent"),
	    words), "population", cell(json_object_get(row, "population"),
	    words), "population_percent", cell(json_object_get(row,
	    "population_percent"), words));
}

/* The workbook in the reader's language: its sheets' names, headers and
 * words; the figures as numbers, or as the page says them. */
static int
report_xlsx(const json_t *view, const struct request *rq, struct buf *out)
{
	static const struct xlsx_column crit_cols[] = {
		{ "number", N_("Criterion"), 10, NULL, NULL },
		{ "title", N_("Title"), 36, NULL, NULL },
		{ "figure", N_("Figure"), 12, NULL, NULL },
		{ "target", N_("Target"), 14, NULL, NULL },
		{ "verdict", N_("Verdict"), 16, NULL, NULL },
		{ "median_days", N_("Median days to answer"), 14, NULL, NULL },
	};
	static const struct xlsx_column measure_cols[] = {
		{ "criterion", N_("Criterion"), 30, NULL, NULL },
		{ "measure", N_("Measure"), 50, NULL, NULL },
		{ "month", N_("Month"), 16, NULL, NULL },
		{ "part", N_("Count"), 14, NULL, NULL },
		{ "whole", N_("Out of"), 14, NULL, NULL },
		{ "percent", N_("Per cent"), 10, NULL, NULL },
	};
	static const struct xlsx_column rep_cols[] = {
		{ "characteristic", N_("Characteristic"), 30, NULL, NULL },
		{ "answer", N_("Answer, or wing or unit"), 40, NULL, NULL },
		{ "members", N_("Members"), 14, NULL, NULL },
		{ "members_percent", N_("Share of members (%)"), 14, NULL, NULL },
		{ "population", N_("Population"), 14, NULL, NULL },
		{ "population_percent", N_("Share of population (%)"), 14,
		    NULL, NULL },
	};
	static const struct xlsx_column act_cols[] = {
		{ "activity", N_("Activity"), 36, NULL, NULL },
		{ "month", N_("Month"), 16, NULL, NULL },
		{ "n", N_("Count"), 14, NULL, NULL },
	};
	json_t		*crits = json_array(), *ms = json_array();
	json_t		*reps = json_array(), *acts = json_array();
	const json_t	*c, *m, *pt, *t, *row, *a;
	size_t		 i, j, k;
	const struct catalogue *words = language_words(rq->lang);
	int		 rc;

	json_array_foreach(json_object_get(view, "criteria"), i, c) {
		json_array_append_new(crits, json_pack("{s:O, s:o, s:o, s:s, "
		    "s:o, s:o}", "number", json_object_get(c, "number"), "title",
		    said(c, "title", words), "figure", cell(json_object_get(c,
		    "figure"), words), "target", view_str(c, "target_words"),
		    "verdict", said(c, "verdict_words", words), "median_days",
		    cell(json_object_get(c, "median_days"), words)));
		json_array_foreach(json_object_get(c, "measures"), j, m) {
			json_array_foreach(json_object_get(m, "months"), k, pt)
				json_array_append_new(ms, point_row(c, m,
				    view_str(pt, "month_words"), pt, words));
			json_array_append_new(ms, point_row(c, m, catalogue_get(
			    words, N_("The whole period")), json_object_get(m,
			    "period"), words));
		}
		json_array_foreach(json_object_get(json_object_get(c,
		    "representation"), "tables"), j, t)
			json_array_foreach(json_object_get(t, "rows"), k, row)
				json_array_append_new(reps, rep_row(t, row,
				    words));
	}
	json_array_foreach(json_object_get(view, "activity"), i, a)
		json_array_foreach(json_object_get(a, "months"), k, pt)
			json_array_append_new(acts, json_pack("{s:o, s:O, s:o}",
			    "activity", said(a, "label", words), "month",
			    json_object_get(pt, "month_words"), "n", cell(
			    json_object_get(pt, "n"), words)));
	{
		const struct xlsx_sheet sheets[] = {
			{ N_("Criteria"), crit_cols, FIELDS_COUNT(crit_cols),
			    crits, words },
			{ N_("Measures by month"), measure_cols,
			    FIELDS_COUNT(measure_cols), ms, words },
			{ N_("Representation"), rep_cols,
			    FIELDS_COUNT(rep_cols), reps, words },
			{ N_("Activity"), act_cols, FIELDS_COUNT(act_cols),
			    acts, words },
		};

		rc = xlsx_write(out, sheets, FIELDS_COUNT(sheets));
	}
	json_decref(crits);
	json_decref(ms);
	json_decref(reps);
	json_decref(acts);
	return rc;
}

static void
report(struct request *rq, struct response *rs,
    int (*make)(const json_t *, const struct request *, struct buf *),
    const char *type, const char *ext)
{
	json_t		*view, *typed, *errors;
	const char	*kind;
	char		 from[DATE_CHARS + 1], to[DATE_CHARS + 1];
	int		 rc;

	/* A document has no form to show an error beside: the dashboard's
	 * links always send a period it took, so this is a hand-made
	 * address, answered in words. */
	rc = evidence_period(rq, from, to, &typed, &errors);
	if (rc != 0) {
		if (rc == 1)
			response_form_error(rq, rs, 400, errors);
		else
			response_error(rs, 500, "Something went wrong.");
	}
	json_decref(typed);
	json_decref(errors);
	if (rc != 0 || (view = evidence_view(rq, rs, from, to, &kind,
	    language_words(rq->lang))) == NULL)
		return;
	/* Named by what, which and when: a group's and a site's reports,
	 * and one period's and the next, are told apart on a disk. */
	response_file(rs, make(view, rq, &rs->body), type, DOWNLOAD_SAVED,
	    language_words(rq->lang),
	    /* TRANSLATORS: a file's name: letters, digits and hyphens,
	     * keeping {place} (the group's or site's name, or "the
	     * organisation"), and {from} and {to}, the period's first and
	     * last days (as 2026-04-01). */
	    N_("involvement-report-{place}-{from}-to-{to}"), view, ext);
	json_decref(view);
}

void
evidence_report_pdf(struct request *rq, struct response *rs)
{
	report(rq, rs, report_pdf, "application/pdf", "pdf");
}

void
evidence_report_xlsx(struct request *rq, struct response *rs)
{
	report(rq, rs, report_xlsx, "application/vnd.openxmlformats-"
	    "officedocument.spreadsheetml.sheet", "xlsx");
}
