/*
 * Horizontal bar charts of a question's answers: SVG for the page (no
 * script and no style attribute, so the CSP holds; colours are
 * presentation attributes) and, for the printed summary, a chart set in
 * the document's own type (render/pdf.h's pdf_bar_chart).  Both draw the
 * same bars; a suppressed bar is not drawn and its count reads as the
 * table does.  The page's chart has room for a label's first
 * LABEL_CHARS characters and keeps the rest in its title; the printed
 * one wraps it whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../limits.h"
#include "../render/pdf.h"
#include "../util/catalogue.h"
#include "../util/suppression.h"
#include "../util/view.h"

#define LABEL_W		260	/* pixels for the answer labels */
#define BAR_W		300	/* pixels for the longest bar */
#define ROW_H		28
#define TITLE_H		30
#define CHART_W		(LABEL_W + BAR_W + 90)
#define BAR_COLOUR	"#1d70b8"	/* GOV.UK blue */
#define LABEL_CHARS	40	/* longer labels are cut with "..." */

static int64_t
bars_max(const json_t *bars)
{
	json_t	*b;
	size_t	 i;
	int64_t	 max = 1;

	json_array_foreach(bars, i, b)
		if (!json_is_true(json_object_get(b, "hidden")) &&
		    view_int(b, "n") > max)
			max = view_int(b, "n");
	return max;
}

/* The label cut to LABEL_CHARS characters (UTF-8 aware) into out;
 * 1 when it was cut. */
static int
label_cut(const char *s, char *out, size_t sz)
{
	size_t	 i = 0, chars = 0;

	while (s[i] != '\0' && i + 4 < sz) {
		if ((s[i] & 0xC0) != 0x80 && ++chars > LABEL_CHARS)
			break;
		i++;
	}
	while (i > 0 && (s[i] & 0xC0) == 0x80)
		i--;	/* never end inside a character */
	snprintf(out, sz, "%.*s%s", (int)i, s, s[i] ? "..." : "");
	return s[i] != '\0';
}

/* What a bar's count says: the number or its suppressed text, in the
 * reader's words. */
static void
bar_text(const json_t *b, const struct catalogue *words, char *out,
    size_t sz)
{
	if (json_is_string(json_object_get(b, "shown")))
		(void)suppressed_words(json_object_get(b, "shown"), words, out,
		    sz);
	else
		snprintf(out, sz, "%lld", (long long)view_int(b, "n"));
}

static int
xml_text(struct buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		const char *e = *s == '<' ? "&lt;" : *s == '>' ? "&gt;" :
		    *s == '&' ? "&amp;" : *s == '"' ? "&quot;" : NULL;

		if ((e ? buf_puts(out, e) : buf_putc(out, *s)) == -1)
			return -1;
	}
	return 0;
}

int
chart_svg(struct buf *out, const char *title, const json_t *bars,
    const struct catalogue *words)
{
	json_t		*b;
	const char	*full;
	char		 label[LABEL_CHARS * 4 + 8], count[48];
	size_t		 i, n = json_array_size(bars);
	int64_t		 max = bars_max(bars);
	int		 rc = 0, y;

	rc |= buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "class=\"rt-chart\" viewBox=\"0 0 %d %zu\" role=\"img\" "
	    "aria-label=\"", CHART_W, TITLE_H + n * ROW_H + 10);
	title = catalogue_get(words, title);
	rc |= xml_text(out, title);
	rc |= buf_printf(out, "\"><title>");
	rc |= xml_text(out, title);
	rc |= buf_puts(out, "</title>");
	json_array_foreach(bars, i, b) {
		y = TITLE_H + (int)i * ROW_H;
		full = catalogue_get(words, survey_said_text(
		    json_object_get(b, "label")));
		bar_text(b, words, count, sizeof(count));
		rc |= buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor="
		    "\"end\" font-size=\"14\" fill=\"#0b0c0c\">", LABEL_W - 8,
		    y + 18);
		/* A label cut to fit keeps its words, for a pointer's
		 * tooltip; the table beside the chart has them too. */
		if (label_cut(full, label, sizeof(label))) {
			rc |= buf_puts(out, "<title>");
			rc |= xml_text(out, full);
			rc |= buf_puts(out, "</title>");
		}
		rc |= xml_text(out, label);
		rc |= buf_puts(out, "</text>");
		if (!json_is_true(json_object_get(b, "hidden")))
			rc |= buf_printf(out, "<rect x=\"%d\" y=\"%d\" width="
			    "\"%lld\" height=\"%d\" fill=\"" BAR_COLOUR "\"/>",
			    LABEL_W, y + 4, (long long)(view_int(b, "n") *
			    BAR_W / max), ROW_H - 8);
		rc |= buf_printf(out, "<text x=\"%lld\" y=\"%d\" font-size="
		    "\"14\" fill=\"#0b0c0c\">", (long long)(LABEL_W + 6 +
		    (json_is_true(json_object_get(b, "hidden")) ? 0 :
		    view_int(b, "n") * BAR_W / max)), y + 18);
		rc |= xml_text(out, count);
		rc |= buf_puts(out, "</text>");
	}
	rc |= buf_puts(out, "</svg>");
	return rc ? -1 : 0;
}

/* The chart in the document's own type (render/pdf.h: nothing cut,
 * nothing smaller than its body text): each bar's label and count in
 * words' language, its share of the longest. */
void
chart_pdf(struct pdf *pdf, const char *title, const json_t *bars,
    const struct catalogue *words, double width_mm)
{
	struct pdf_bar	*row;
	char		(*count)[48];
	json_t		*b;
	size_t		 i, n = json_array_size(bars);
	int64_t		 max = bars_max(bars);

	row = calloc(n + 1, sizeof(*row));
	count = calloc(n + 1, sizeof(*count));
	json_array_foreach(bars, i, b) {
		if (row == NULL || count == NULL)
			break;
		bar_text(b, words, count[i], sizeof(count[i]));
		row[i].label = catalogue_get(words, survey_said_text(
		    json_object_get(b, "label")));
		row[i].count = count[i];
		row[i].share = json_is_true(json_object_get(b, "hidden")) ? 0 :
		    (double)view_int(b, "n") / (double)max;
	}
	/* Without memory for the bars, none: the document fails. */
	pdf_bar_chart(pdf, catalogue_get(words, title), count != NULL ? row :
	    NULL, n, width_mm);
	free(row);
	free(count);
}
