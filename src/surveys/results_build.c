/*
 * The results of one version of a survey as a view: counts and shares
 * per question, scored instruments, and a breakdown by place or by a
 * monitoring question, every count passed through suppress_table() so
 * the page, its JSON and the printed summary show the same suppressed
 * numbers.  Nothing is shown at all below the threshold of responses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/catalogue.h"
#include "../util/view.h"

static const char *sql_org_wide =
    "SELECT s.site_id IS NULL FROM survey_versions v "
    "JOIN surveys s ON s.id = v.survey_id WHERE v.id = ?";

/* The count of value among rows [{question_id, value, n}] for q. */
static int64_t
count_of(const json_t *counts, int64_t q, const char *value)
{
	json_t	*c;
	size_t	 i;

	json_array_foreach(counts, i, c)
		if (view_int(c, "question_id") == q &&
		    strcmp(view_str(c, "value"), value) == 0)
			return view_int(c, "n");
	return 0;
}

static int64_t
answered_of(const json_t *answered, int64_t q)
{
	json_t	*a;
	size_t	 i;

	json_array_foreach(answered, i, a)
		if (view_int(a, "question_id") == q)
			return view_int(a, "n");
	return 0;
}

/* "12%": n of total as a whole percentage, rounded half up. */
static json_t *
percent(int64_t n, int64_t total)
{
	char	 s[24];

	snprintf(s, sizeof(s), "%lld%%", total > 0 ? (long long)((n * 200 +
	    total) / (total * 2)) : 0LL);
	return json_string(s);
}

/* A question's rows [{label, n, shown, hidden, pct}] from its counts
 * and their marks. */
static json_t *
rows_marked(const json_t *options, const int64_t *n,
    const unsigned char *marks, int64_t answered, int threshold)
{
	json_t		*rows = json_array(), *o;
	size_t		 i;

	json_array_foreach(options, i, o) {
		int shown = marks[i] == SUPPRESS_SHOWN;

		json_array_append_new(rows, json_pack("{s:O, s:I, s:o, s:b, "
		    "s:o}", "label", json_object_get(o, "label"), "n",
		    (json_int_t)(shown ? n[i] : 0), "shown",
		    suppressed_count(n[i], marks[i], threshold), "hidden",
		    !shown, "pct", shown ? percent(n[i], answered) :
		    json_null()));
	}
	return rows;
}

/*
 * One question's table, with marks from a one-row table (additive for
 * one answer, not for several).  row_marks receives the k + 1 marks of
 * row 0 for a breakdown.
 */
static json_t *
question_rows(const json_t *options, const int64_t *n, size_t k,
    int64_t answered, int additive, int threshold, unsigned char *row_marks)
{
	unsigned char	*marks;
	json_t		*rows = NULL;

	if ((marks = calloc(2 * (k + 1), 1)) != NULL &&
	    suppress_table(n, 1, k, threshold, additive ? SUPPRESS_ADDITIVE :
	    0, marks) == 0) {
		rows = rows_marked(options, n, marks, answered, threshold);
		if (row_marks != NULL)
			memcpy(row_marks, marks, k + 1);
	}
	free(marks);
	return rows;
}

/* Distinct group names of a breakdown's rows, in order. */
static json_t *
groups_of(const json_t *cells)
{
	json_t		*groups = json_array(), *c, *g;
	const char	*last = NULL;
	size_t		 i;

	json_array_foreach(cells, i, c) {
		g = json_object_get(c, "grp");
		if (last == NULL || strcmp(last, json_string_value(g)) != 0)
			json_array_append(groups, g);
		last = json_string_value(g);
	}
	return groups;
}

/*
 * The breakdown table of question q (options as columns) by groups;
 * its column totals are the question's own counts, already published
 * with top (their marks), so they are kept as they are.
 */
static json_t *
breakdown(struct db *db, int64_t q, int64_t by_q, const json_t *options,
    const unsigned char *top, int threshold)
{
	json_t		*cells, *groups, *rows = NULL, *g, *o, *row, *line;
	int64_t		*n = NULL;
	unsigned char	*marks = NULL;
	size_t		 r, c, R, K = json_array_size(options);

	if ((cells = answer_breakdown(db, q, by_q)) == NULL)
		return NULL;
	groups = groups_of(cells);
	R = json_array_size(groups);
	n = calloc(R * K + 1, sizeof(*n));
	marks = calloc((R + 1) * (K + 1), 1);
	if (n == NULL || marks == NULL)
		goto out;
	json_array_foreach(groups, r, g) {
		json_array_foreach(options, c, o) {
			json_t *x;
			size_t  i;

			json_array_foreach(cells, i, x)
				if (strcmp(view_str(x, "grp"),
				    json_string_value(g)) == 0 &&
				    strcmp(view_str(x, "value"), view_str(o,
				    "value")) == 0)
					n[r * K + c] = view_int(x, "n");
		}
	}
	memcpy(marks + R * (K + 1), top, K);
	if (suppress_table(n, R, K, threshold, SUPPRESS_ADDITIVE |
	    SUPPRESS_TOTALS_KNOWN, marks) == -1)
		goto out;
	rows = json_array();
	json_array_foreach(groups, r, g) {
		int64_t total = 0;

		line = json_array();
		for (c = 0; c < K; c++) {
			json_array_append_new(line, json_pack("{s:o}", "shown",
			    suppressed_count(n[r * K + c], marks[r * (K + 1) +
			    c], threshold)));
			total += n[r * K + c];
		}
		row = json_pack("{s:O, s:o, s:o}", "group", g, "cells", line,
		    "total", suppressed_count(total, marks[r * (K + 1) + K],
		    threshold));
		json_array_append_new(rows, row);
	}
out:
	free(n);
	free(marks);
	json_decref(groups);
	json_decref(cells);
	return rows;
}

/* A count on its own (no line to subtract from): hidden only when
 * small. */
static json_t *
small_count(int64_t n, int threshold)
{
	return suppressed_count(n, n > 0 && n < threshold ? SUPPRESS_SMALL :
	    SUPPRESS_SHOWN, threshold);
}

/* "Counted as lonely" and "others" as shown: {shown, others, pct}. */
static json_t *
share_marked(int64_t yes, int64_t total, unsigned char yes_mark,
    unsigned char others_mark, int threshold)
{
	return json_pack("{s:o, s:o, s:o}", "shown", suppressed_count(yes,
	    yes_mark, threshold), "others", suppressed_count(total - yes,
	    others_mark, threshold), "pct", yes_mark == SUPPRESS_SHOWN ?
	    percent(yes, total) : json_null());
}

/* Two counts that add up to a total (lonely and not), suppressed as a
 * line. */
static json_t *
share(int64_t yes, int64_t total, int threshold)
{
	int64_t		 n[2] = { yes, total - yes };
	unsigned char	 marks[6] = { 0 };

	if (suppress_table(n, 1, 2, threshold, SUPPRESS_ADDITIVE, marks) == -1)
		return NULL;
	return share_marked(yes, total, marks[0], marks[1], threshold);
}

/*
 * The UCLA page as one suppression problem: the score distribution
 * (3 to 9) adds up to the complete answers, and so do "counted as
 * lonely" (6 to 9) and "others" (3 to 5), each the sum of its scores.
 * Suppressed apart, the two partial sums gave hidden scores away.
 * marks receives 7 marks of the scores, then lonely's and others'.
 */
static int
ucla3_marks(const int64_t *totals, int64_t complete, int64_t lonely,
    int threshold, unsigned char *marks)
{
	struct suppress_page	 p;
	size_t			 i, all[7], low[7], high[7], nl = 0, nh = 0;
	size_t			 c, yes, no, both[2];
	int			 rc = -1;

	suppress_page_init(&p);
	for (i = 0; i < 7; i++) {
		if (suppress_add(&p, totals[i], 0, 0) < 0)
			goto out;
		all[i] = i;
		if ((int)i + 3 >= UCLA3_LONELY_FROM)
			high[nh++] = i;
		else
			low[nl++] = i;
	}
	c = (size_t)suppress_add(&p, complete, SUPPRESS_FIXED, SUPPRESS_SHOWN);
	yes = (size_t)suppress_add(&p, lonely, 0, 0);
	no = (size_t)suppress_add(&p, complete - lonely, 0, 0);
	both[0] = yes;
	both[1] = no;
	if (p.n != 10 || suppress_line(&p, c, all, 7) == -1 ||
	    suppress_line(&p, yes, high, nh) == -1 ||
	    suppress_line(&p, no, low, nl) == -1 ||
	    suppress_line(&p, c, both, 2) == -1 ||
	    suppress_run(&p, threshold) == -1)
		goto out;
	memcpy(marks, p.mark, 7);
	marks[7] = p.mark[yes];
	marks[8] = p.mark[no];
	rc = 0;
out:
	suppress_page_release(&p);
	return rc;
}

/* The answers of one respondent to an instrument's items, in turn. */
struct instrument_pass {
	int64_t		 response;
	const char	*items[3];
};

/* The scale's totals as the chart and table label them (3 to 9). */
static const char *const ucla3_score_labels[] = { N_("Score 3"),
	N_("Score 4"), N_("Score 5"), N_("Score 6"), N_("Score 7"),
	N_("Score 8"), N_("Score 9") };

static json_t *
ucla3_result(struct db *db, int64_t version, int threshold)
{
	json_t		*rows = instrument_answers(db, version, "ucla3"), *a;
	struct instrument_pass p = { 0, { NULL, NULL, NULL } };
	int64_t		 totals[7] = { 0 }, complete = 0, lonely = 0;
	unsigned char	 marks[9];
	size_t		 i;
	int		 t;
	json_t		*dist, *opts, *out;

	if (rows == NULL)
		return NULL;
	/* Rows come ordered by response: score each as it ends. */
	for (i = 0; i <= json_array_size(rows); i++) {
		a = json_array_get(rows, i);
		if (p.response != 0 && (a == NULL || view_int(a,
		    "response_id") != p.response)) {
			t = ucla3_total(p.items[0], p.items[1], p.items[2]);
			if (t > 0) {
				totals[t - 3]++;
				complete++;
				lonely += ucla3_lonely(t);
			}
			memset(p.items, 0, sizeof(p.items));
		}
		if (a == NULL)
			break;
		p.response = view_int(a, "response_id");
		if (strncmp(view_str(a, "item_key"), "item", 4) == 0 &&
		    view_str(a, "item_key")[4] >= '1' &&
		    view_str(a, "item_key")[4] <= '3')
			p.items[view_str(a, "item_key")[4] - '1'] =
			    view_str(a, "value");
	}
	opts = json_array();
	for (t = 3; t <= 9; t++)
		json_array_append_new(opts, json_pack("{s:s}", "label",
		    ucla3_score_labels[t - 3]));
	if (ucla3_marks(totals, complete, lonely, threshold, marks) == -1) {
		json_decref(opts);
		json_decref(rows);
		return NULL;
	}
	dist = rows_marked(opts, totals, marks, complete, threshold);
	/* The scale's words are its answers' own messages, so the rule
	 * reads them as the question does, in any language. */
	out = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:b, s:o, s:o, s:i}",
	    "name", N_("UCLA three-item loneliness scale"), "rule",
	    N_("Each item: “{low | t}” 1, “{mid | t}” 2, “{high | t}” 3; "
	    "total 3 to 9. A total of 6 or more is counted as lonely. Source: "
	    "Hughes et al. (2004), Research on Aging 26(6); ONS (2018) "
	    "national indicators of loneliness."), "low", N_("Hardly ever"),
	    "mid", N_("Some of the time"), "high", N_("Often"), "complete", small_count(complete, threshold),
	    "withheld", complete < threshold, "lonely", share_marked(lonely,
	    complete, marks[7], marks[8], threshold), "distribution", dist,
	    "lonely_from", UCLA3_LONELY_FROM);
	json_decref(opts);
	json_decref(rows);
	return out;
}

static json_t *
ons_result(struct db *db, int64_t version, int threshold)
{
	json_t	*rows = instrument_answers(db, version, "ons_direct"), *a;
	int64_t	 answered = 0, lonely = 0;
	size_t	 i;
	json_t	*out;

	if (rows == NULL)
		return NULL;
	json_array_foreach(rows, i, a) {
		int l = ons_direct_lonely(view_str(a, "value"));

		if (l >= 0) {
			answered++;
			lonely += l;
		}
	}
	out = json_pack("{s:s, s:s, s:s, s:s, s:o, s:b, s:o}", "name",
	    N_("ONS direct loneliness question"), "rule", N_("“{prompt | t}” "
	    "Answering “{high | t}” is counted as lonely (the ONS measure of "
	    "chronic loneliness). Source: ONS (2018) national indicators of "
	    "loneliness."), "prompt", N_("How often do you feel lonely?"),
	    "high", N_("Often/always"), "complete", small_count(answered,
	    threshold),
	    "withheld",
	    answered < threshold, "lonely", share(lonely, answered,
	    threshold));
	json_decref(rows);
	return out;
}

/* Options of a question as [{value, label}]: its choices or scale
 * points, the value as stored (the English choice) and counted, the
 * label as the reader reads it (survey_words.c). */
static json_t *
options_plain(const json_t *q, const char *lang)
{
	json_t	*opts = json_array(), *lines, *l;
	size_t	 i;
	int64_t	 k;
	char	 num[24];

	if (question_kind_of(view_str(q, "kind")) == QK_SCALE) {
		for (k = 1; k <= view_int(q, "scale_max"); k++) {
			snprintf(num, sizeof(num), "%lld", (long long)k);
			json_array_append_new(opts, json_pack("{s:s, s:s}",
			    "value", num, "label", num));
		}
		return opts;
	}
	lines = choices_lines(view_str(q, "choices"));
	json_array_foreach(lines, i, l)
		json_array_append_new(opts, json_pack("{s:O, s:o}", "value",
		    l, "label", survey_choice_value(q, i, lang)));
	json_decref(lines);
	return opts;
}

static int
has_instrument(const json_t *questions, const char *name)
{
	json_t	*q;
	size_t	 i;

	json_array_foreach(questions, i, q)
		if (strcmp(view_str(q, "instrument"), name) == 0)
			return 1;
	return 0;
}

/* One question's results; by_q: BY_NONE, BY_PLACE, BY_SITE, or the id
 * of the monitoring question to break down by. */
static json_t *
question_result(struct db *db, const json_t *q, const json_t *counts,
    const json_t *answered_rows, int64_t by_q, int threshold,
    const struct catalogue *words, const char *lang)
{
	enum question_kind k = question_kind_of(view_str(q, "kind"));
	json_t		*opts, *rows, *out;
	int64_t		*n, answered = answered_of(answered_rows,
			    view_int(q, "id"));
	unsigned char	*top;
	size_t		 i, K;
	struct buf	 svg;

	out = json_pack("{s:O, s:o, s:O, s:o, s:b}", "position",
	    json_object_get(q, "position"), "prompt", survey_word_value(q,
	    "prompt", lang), "kind", json_object_get(q, "kind"), "answered",
	    small_count(answered, threshold), "withheld",
	    answered < threshold);
	if (answered < threshold || (k != QK_SINGLE && k != QK_MULTIPLE &&
	    k != QK_SCALE))
		return out;
	opts = options_plain(q, lang);
	K = json_array_size(opts);
	n = calloc(K + 1, sizeof(*n));
	top = calloc(K + 1, 1);
	if (n == NULL || top == NULL)
		goto out;
	for (i = 0; i < K; i++)
		n[i] = count_of(counts, view_int(q, "id"), view_str(
		    json_array_get(opts, i), "value"));
	rows = question_rows(opts, n, K, answered, k != QK_MULTIPLE,
	    threshold, top);
	if (rows == NULL)
		goto out;
	buf_init(&svg, 64 * 1024);
	/* Its aria-label cannot carry a language: worded as the reader
	 * reads the question. */
	if (chart_svg(&svg, survey_word(q, "prompt", lang), rows, words) ==
	    0 &&
	    buf_putc(&svg, '\0') == 0)
		json_object_set_new(out, "chart_html", json_string(svg.data));
	buf_release(&svg);
	json_object_set_new(out, "rows", rows);
	json_object_set_new(out, "is_table", json_true());
	if (by_q != BY_NONE && k != QK_MULTIPLE && by_q != view_int(q, "id")) {
		json_object_set_new(out, "columns", json_incref(opts));
		json_object_set_new(out, "breakdown", breakdown(db,
		    view_int(q, "id"), by_q, opts, top, threshold));
		json_object_set_new(out, "has_breakdown", json_true());
	}
out:
	free(n);
	free(top);
	json_decref(opts);
	return out;
}

json_t *
survey_results_build(struct db *db, int64_t version, const char *by,
    int threshold, const struct catalogue *words, const char *lang)
{
	json_t	*qs, *counts = NULL, *answered = NULL, *out, *list, *q;
	json_t	*by_options, *inst;
	int64_t	 responses, by_q = BY_NONE, org_wide = 0;
	size_t	 i;
	char	 key[24];

	if ((qs = survey_questions(db, version)) == NULL)
		return NULL;
	counts = answer_counts(db, version);
	answered = answered_counts(db, version);
	responses = version_responses(db, version);
	by_options = json_array();
	json_array_append_new(by_options, json_pack("{s:s, s:s, s:b}",
	    "value", "place", "label", N_("Place"), "selected", by != NULL &&
	    strcmp(by, "place") == 0));
	if (by != NULL && strcmp(by, "place") == 0)
		by_q = BY_PLACE;
	/* An organisation-wide survey's responses come from several sites:
	 * by site, through the same suppression as every breakdown. */
	if (db_int(db, &org_wide, sql_org_wide, "i", version) < 0)
		org_wide = 0;
	if (org_wide) {
		json_array_append_new(by_options, json_pack("{s:s, s:s, s:b}",
		    "value", "site", "label", N_("Site"), "selected", by != NULL &&
		    strcmp(by, "site") == 0));
		if (by != NULL && strcmp(by, "site") == 0)
			by_q = BY_SITE;
	}
	json_array_foreach(qs, i, q) {
		if (strcmp(view_str(q, "instrument"), "monitoring") != 0)
			continue;
		snprintf(key, sizeof(key), "q%lld", (long long)view_int(q,
		    "id"));
		if (by != NULL && strcmp(by, key) == 0)
			by_q = view_int(q, "id");
		json_array_append_new(by_options, json_pack("{s:s, s:O, s:b}",
		    "value", key, "label", json_object_get(q, "prompt"),
		    "selected", by != NULL && strcmp(by, key) == 0));
	}
	list = json_array();
	if (responses >= threshold)
		json_array_foreach(qs, i, q)
			json_array_append_new(list, question_result(db, q,
			    counts, answered, by_q, threshold, words, lang));
	inst = json_array();
	if (responses >= threshold && has_instrument(qs, "ucla3"))
		json_array_append_new(inst, ucla3_result(db, version,
		    threshold));
	if (responses >= threshold && has_instrument(qs, "ons_direct"))
		json_array_append_new(inst, ons_result(db, version,
		    threshold));
	out = json_pack("{s:o, s:I, s:b, s:o, s:o, s:o, s:i}", "responses",
	    small_count(responses, threshold), "version", (json_int_t)version_number(db,
	    version), "withheld", responses < threshold, "questions", list,
	    "instruments", inst, "by_options", by_options, "threshold",
	    threshold);
	json_decref(qs);
	json_decref(counts);
	json_decref(answered);
	return out;
}
