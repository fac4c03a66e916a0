/*
 * Results leaving the building: a printable A4 summary (the same
 * suppressed view as the page, with PNG charts), and for staff the
 * anonymised responses as CSV and XLSX.  Responses carry a row number,
 * the way they came in, the place and the day; never an id, a
 * reference, an interviewer or anything about the person.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../db/db.h"
#include "../limits.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../render/xlsx.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/suppression.h"
#include "../util/view.h"
#include "../server/download_name.h"
#include "../server/text_size.h"

void
survey_attachment(const struct request *rq, struct response *rs, int made,
    const char *type, const char *msgid, json_t *survey, const char *ext)
{
	json_t	*named = json_copy(survey);

	/* Named by the title the reader reads (survey_words.c). */
	if (named != NULL)
		json_object_set_new(named, "title", json_string(survey_word(
		    survey, "title", survey_reader_lang(rq))));
	response_file(rs, made, type, DOWNLOAD_SAVED, language_words(rq->lang),
	    msgid, named != NULL ? named : survey, ext);
	json_decref(named);
}

/* "n (pct%)" or the suppressed text of a row. */
static void
row_text(const json_t *row, const struct catalogue *words, char *out,
    size_t sz)
{
	json_t	*shown = json_object_get(row, "shown");

	if (json_is_string(shown))
		(void)suppressed_words(shown, words, out, sz);
	else
		snprintf(out, sz, "%lld (%s)", (long long)
		    json_integer_value(shown), view_str(row, "pct"));
}


static void
instruments_draw(struct pdf *pdf, struct print_words *w, const json_t *inst)
{
	json_t	*i, *l, *ctx;
	char	 n[48], all[48];
	size_t	 k;

	json_array_foreach(inst, k, i) {
		pdf_heading(pdf, catalogue_get(w->words, view_str(i, "name")),
		    2);
		pdf_paragraph(pdf, print_say(w, view_str(i, "rule"), i));
		if (json_is_true(json_object_get(i, "withheld"))) {
			pdf_paragraph(pdf, print_say(w, N_("Too few complete "
			    "answers to show."), NULL));
			continue;
		}
		l = json_object_get(i, "lonely");
		suppressed_words(json_object_get(l, "shown"), w->words, n,
		    sizeof(n));
		suppressed_words(json_object_get(i, "complete"), w->words, all,
		    sizeof(all));
		ctx = json_pack("{s:s, s:s, s:s}", "n", n, "all", all, "pct",
		    view_str(l, "pct"));
		pdf_pair(pdf, print_say(w, N_("Counted as lonely"), NULL),
		    print_say(w, json_is_string(json_object_get(l, "pct")) ?
		    N_("{n} of {all} ({pct})") : N_("{n} of {all}"), ctx));
		json_decref(ctx);
	}
}

/* A question's breakdown (by place, unless asked otherwise): one line
 * per group, "answer: count" for each column and the group's total,
 * every count as the page shows it.  0 or -1. */
static int
breakdown_draw(struct pdf *pdf, struct print_words *w, const json_t *q,
    const char *by)
{
	const json_t	*cols = json_object_get(q, "columns");
	json_t		*row, *cell, *ctx;
	struct buf	 line;
	char		 n[48];
	size_t		 i, c;
	int		 rc = 0;

	buf_init(&line, 64 * 1024);
	ctx = json_pack("{s:s}", "by", catalogue_get(w->words, by));
	pdf_paragraph(pdf, print_say(w, N_("Broken down by: {by}"), ctx));
	json_decref(ctx);
	json_array_foreach(json_object_get(q, "breakdown"), i, row) {
		buf_clear(&line);
		json_array_foreach(json_object_get(row, "cells"), c, cell) {
			suppressed_words(json_object_get(cell, "shown"),
			    w->words, n, sizeof(n));
			rc |= buf_printf(&line, "%s%s: %s", c ? "; " : "",
			    catalogue_get(w->words, survey_said_text(
			    json_object_get(json_array_get(cols, c), "label"))),
			    n);
		}
		suppressed_words(json_object_get(row, "total"), w->words, n,
		    sizeof(n));
		ctx = json_pack("{s:s}", "n", n);
		rc |= buf_printf(&line, "; %s", print_say(w, N_("all: {n}"),
		    ctx));
		json_decref(ctx);
		rc |= buf_putc(&line, '\0');
		if (rc == 0)
			pdf_pair(pdf, view_str(row, "group"), line.data);
	}
	buf_release(&line);
	return rc ? -1 : 0;
}

/* The summary in the language of words: our words, and a published
 * instrument's questions and answers, as the page shows them; a group's
 * own questions in the reader's language, lang, when written in it
 * (survey_words.c), else as written. */
static int
results_draw(struct buf *out, const json_t *s, const json_t *r,
    enum pdf_size size, const struct catalogue *words, const char *lang)
{
	struct print_words w;
	struct pdf	*pdf;
	json_t		*q, *row, *ctx;
	char		 text[64], n[48];
	const char	*by = N_("place");
	size_t		 i, j;
	int		 rc = 0;

	json_array_foreach(json_object_get(r, "by_options"), i, row)
		if (json_is_true(json_object_get(row, "selected")))
			by = view_str(row, "label");
	print_words_init(&w, words, 0);
	pdf = print_pdf_new(&w, out, survey_word(s, "title", lang), size);
	pdf_heading(pdf, survey_word(s, "title", lang), 1);
	suppressed_words(json_object_get(r, "responses"), w.words, n,
	    sizeof(n));
	ctx = json_pack("{s:s, s:I}", "n", n, "version", (json_int_t)view_int(
	    r, "version"));
	pdf_pair(pdf, print_say(&w, N_("Responses"), NULL), print_say(&w,
	    N_("{n} (version {version})"), ctx));
	json_decref(ctx);
	pdf_pair(pdf, print_say(&w, N_("Group"), NULL), view_str(s,
	    "group_name"));
	pdf_paragraph(pdf, print_say(&w, N_("Counts below 5 read \"fewer than "
	    "5\"; a count marked \"hidden\" is held back so that a small one "
	    "cannot be worked out from the totals."), NULL));
	if (json_is_true(json_object_get(r, "withheld"))) {
		pdf_paragraph(pdf, print_say(&w, N_("Too few responses to show "
		    "any results."), NULL));
		goto out;
	}
	instruments_draw(pdf, &w, json_object_get(r, "instruments"));
	json_array_foreach(json_object_get(r, "questions"), i, q) {
		ctx = json_pack("{s:I, s:s}", "n", (json_int_t)view_int(q,
		    "position"), "name", catalogue_get(words,
		    survey_said_text(json_object_get(q, "prompt"))));
		pdf_heading(pdf, print_say(&w, N_("{n}. {name}"), ctx), 2);
		json_decref(ctx);
		suppressed_words(json_object_get(q, "answered"), w.words, text,
		    sizeof(text));
		if (json_is_true(json_object_get(q, "withheld")) ||
		    !json_is_true(json_object_get(q, "is_table"))) {
			pdf_pair(pdf, print_say(&w, N_("Answered"), NULL),
			    text);
			continue;
		}
		/* The heading, its count and its chart on one page. */
		pdf_pair_with_next(pdf, print_say(&w, N_("Answered"), NULL),
		    text);
		chart_pdf(pdf, survey_said_text(json_object_get(q, "prompt")),
		    json_object_get(q,
		    "rows"), words, 150);
		json_array_foreach(json_object_get(q, "rows"), j, row) {
			row_text(row, words, text, sizeof(text));
			pdf_pair(pdf, catalogue_get(words, survey_said_text(
			    json_object_get(row, "label"))), text);
		}
		if (json_is_true(json_object_get(q, "has_breakdown")) &&
		    breakdown_draw(pdf, &w, q, by) == -1)
			rc = -1;
	}
out:
	print_words_free(&w);
	return pdf_finish(pdf) == -1 ? -1 : rc;
}

void
survey_results_pdf(struct request *rq, struct response *rs)
{
	json_t	*s, *r;

	if (survey_load(rq->db, rq->ids[0], &s) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	/* The printed summary breaks down by place unless asked for
	 * another breakdown, suppressed as the page is. */
	r = survey_results_build(rq->db, results_version(rq->db, s,
	    form_get_id(&rq->query, "version")), form_get(&rq->query, "by") ?
	    form_get(&rq->query, "by") : "place",
	    rq->app->config->suppression_threshold, language_words(rq->lang),
	    survey_reader_lang(rq));
	survey_attachment(rq, rs, r ? results_draw(&rs->body, s, r,
	    pdf_size_for(rq, PDF_NORMAL), language_words(rq->lang),
	    survey_reader_lang(rq)) : -1, "application/pdf",
	    /* TRANSLATORS: a file's name: letters, digits and hyphens,
	     * keeping {title}, the survey's. */
	    N_("survey-results-{title}"), s, "pdf");
	json_decref(r);
	json_decref(s);
}

/* The responses of the version asked for, and their columns. */
static json_t *
responses_of(struct request *rq, struct response *rs, json_t **questions,
    json_t **s)
{
	json_t	*rows;
	int64_t	 version;

	if (survey_load(rq->db, rq->ids[0], s) <= 0) {
		response_error(rs, 404, "Page not found.");
		return NULL;
	}
	version = results_version(rq->db, *s, form_get_id(&rq->query,
	    "version"));
	*questions = survey_questions(rq->db, version);
	rows = responses_rows(rq->db, rq->ids[0], version,
	    rq->app->config->suppression_threshold);
	if (*questions == NULL || rows == NULL) {
		json_decref(rows);
		json_decref(*questions);
		json_decref(*s);
		*questions = NULL;
		response_error(rs, 500, "Something went wrong.");
		return NULL;
	}
	return rows;
}

/* No date: with the place, a day could point to the one person
 * interviewed there that day. */
#define FIXED_COLUMNS	3
static const char *const fixed_columns[FIXED_COLUMNS] = { "response",
    "channel", "place" };
/* Their headers, in the reader's language. */
static const char *const fixed_headers[FIXED_COLUMNS] = { N_("Response"),
    N_("Channel"), N_("Place") };

/* An answer as the reader reads it: each of a list's answers ("Yes;
 * Some of the time", as responses_rows joins them) by the results
 * page's rule (survey_answer_said), so the file and the page word an
 * answer alike.  Written into out; returns out. */
static const char *
answer_words(const char *value, const json_t *q, const char *lang,
    const struct catalogue *words, struct buf *out)
{
	const char	*end;
	char		*one;

	buf_clear(out);
	while (value != NULL) {
		end = strstr(value, "; ");
		one = end ? strndup(value, (size_t)(end - value)) :
		    strdup(value);
		if (one == NULL || survey_answer_said(out, q, one, lang,
		    words) || (end && buf_puts(out, "; "))) {
			free(one);
			return value;
		}
		free(one);
		value = end ? end + 2 : NULL;
	}
	return buf_putc(out, '\0') == 0 ? out->data : "";
}

/* The rows as the reader reads them: the way each came in in words, and
 * the answers to a question with choices worded (answer_words); a typed
 * answer, a number or a date, as given.  A new array. */
static json_t *
responses_worded(const json_t *rows, const json_t *questions,
    const struct catalogue *words, const char *lang)
{
	json_t		*out = json_array(), *row, *q;
	const char	*kind;
	char		 key[24];
	struct buf	 said;
	size_t		 i, j;

	buf_init(&said, SURVEY_ANSWER_WORDS_MAX);
	json_array_foreach(rows, i, row) {
		row = json_copy((json_t *)row);
		json_object_set_new(row, "channel", json_string(catalogue_get(
		    words, choice_label(survey_channels, view_str(row,
		    "channel")))));
		json_array_foreach(questions, j, q) {
			kind = view_str(q, "kind");
			snprintf(key, sizeof(key), "q%lld", (long long)view_int(q,
			    "position"));
			if (json_is_string(json_object_get(row, key)) &&
			    (strcmp(kind, "single") == 0 ||
			    strcmp(kind, "multiple") == 0))
				json_object_set_new(row, key, json_string(
				    answer_words(view_str(row, key), q, lang,
				    words, &said)));
		}
		json_array_append_new(out, row);
	}
	buf_release(&said);
	return out;
}

/* The headers in the language of words: the fixed ones, and each
 * question numbered, a published instrument's in that language as the
 * form shows it (| t), a group's own in lang when written in it
 * (survey_words.c), else as written.  Answers stay as stored. */
static int
csv_write(struct buf *out, const json_t *questions, const json_t *rows,
    const struct catalogue *words, const char *lang)
{
	json_t	*q, *row, *v;
	char	 key[24], num[24], head[SURVEY_PROMPT_MAX_CHARS * 4 + 24];
	size_t	 i, j;
	int	 rc = 0;

	for (i = 0; i < FIXED_COLUMNS; i++)
		rc |= csv_cell(out, catalogue_get(words, fixed_headers[i])) |
		    buf_putc(out, ',');
	json_array_foreach(questions, i, q) {
		snprintf(head, sizeof(head), "%lld. %s", (long long)view_int(q,
		    "position"), catalogue_get(words, survey_word(q, "prompt",
		    lang)));
		rc |= csv_cell(out, head);
		rc |= buf_puts(out, i + 1 < json_array_size(questions) ? "," :
		    "");
	}
	rc |= buf_puts(out, "\r\n");
	json_array_foreach(rows, j, row) {
		for (i = 0; i < FIXED_COLUMNS; i++) {
			v = json_object_get(row, fixed_columns[i]);
			if (json_is_integer(v)) {
				snprintf(num, sizeof(num), "%lld", (long long)
				    json_integer_value(v));
				rc |= csv_cell(out, num);
			} else
				rc |= csv_cell(out, json_string_value(v));
			rc |= buf_putc(out, ',');
		}
		json_array_foreach(questions, i, q) {
			snprintf(key, sizeof(key), "q%lld", (long long)
			    view_int(q, "position"));
			rc |= csv_cell(out, json_string_value(json_object_get(
			    row, key)));
			rc |= buf_puts(out, i + 1 < json_array_size(questions) ?
			    "," : "");
		}
		rc |= buf_puts(out, "\r\n");
	}
	return rc ? -1 : 0;
}

void
survey_responses_csv(struct request *rq, struct response *rs)
{
	json_t	*s, *qs, *rows, *worded;

	if ((rows = responses_of(rq, rs, &qs, &s)) == NULL)
		return;
	worded = responses_worded(rows, qs, language_words(rq->lang),
	    survey_reader_lang(rq));
	survey_attachment(rq, rs, csv_write(&rs->body, qs, worded,
	    language_words(rq->lang), survey_reader_lang(rq)), "text/csv; "
	    "charset=utf-8",
	    /* TRANSLATORS: a file's name: letters, digits and hyphens,
	     * keeping {title}, the survey's. */
	    N_("survey-responses-{title}"), s, "csv");
	json_decref(worded);
	json_decref(rows);
	json_decref(qs);
	json_decref(s);
}

void
survey_responses_xlsx(struct request *rq, struct response *rs)
{
	struct xlsx_column *cols;
	struct xlsx_sheet sheet;
	json_t		*s, *qs, *rows, *q, *keys, *worded = NULL;
	char		 key[24];
	size_t		 i, n;
	int		 made = -1;

	if ((rows = responses_of(rq, rs, &qs, &s)) == NULL)
		return;
	n = FIXED_COLUMNS + json_array_size(qs);
	keys = json_array();	/* owns the column keys and headers */
	if ((cols = calloc(n, sizeof(*cols))) == NULL)
		goto out;
	for (i = 0; i < FIXED_COLUMNS; i++)
		cols[i] = (struct xlsx_column){ fixed_columns[i],
		    fixed_headers[i], 12, NULL, NULL };
	json_array_foreach(qs, i, q) {
		snprintf(key, sizeof(key), "q%lld", (long long)view_int(q,
		    "position"));
		json_array_append_new(keys, json_string(key));
		json_array_append_new(keys, json_string(survey_word(q,
		    "prompt", survey_reader_lang(rq))));
		cols[FIXED_COLUMNS + i] = (struct xlsx_column){ json_string_value(
		    json_array_get(keys, 2 * i)), json_string_value(
		    json_array_get(keys, 2 * i + 1)), 24, NULL, NULL };
	}
	/* The prompts translated as the fixed headers are: a group's own
	 * question is not in the catalogue, so is in Welsh only where its
	 * writer gave it (survey_word). */
	worded = responses_worded(rows, qs, language_words(rq->lang),
	    survey_reader_lang(rq));
	sheet = (struct xlsx_sheet){ N_("Responses"), cols, n, worded,
	    language_words(rq->lang) };
	made = xlsx_write(&rs->body, &sheet, 1);
out:
	survey_attachment(rq, rs, made, "application/vnd.openxmlformats-"
	    "officedocument.spreadsheetml.sheet",
	    N_("survey-responses-{title}"), s, "xlsx");
	free(cols);
	json_decref(keys);
	json_decref(worded);
	json_decref(rows);
	json_decref(qs);
	json_decref(s);
}
