/*
 * Horizontal bar charts of a question's answers: SVG for the page (no
 * script and no style attribute, so the CSP holds; colours are
 * presentation attributes) and vectors for the printed summary.  Both draw
 * the same layout from the same bars; a suppressed bar is not drawn and
 * its count reads as the table does.
 */
#include <cairo.h>
#include <stdio.h>
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

/* The label cut to LABEL_CHARS characters (UTF-8 aware) into out. */
static void
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
	json_t	*b;
	char	 label[LABEL_CHARS * 4 + 8], count[48];
	size_t	 i, n = json_array_size(bars);
	int64_t	 max = bars_max(bars);
	int	 rc = 0, y;

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
		label_cut(catalogue_get(words, view_str(b, "label")), label,
		    sizeof(label));
		bar_text(b, words, count, sizeof(count));
		rc |= buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor="
		    "\"end\" font-size=\"14\" fill=\"#0b0c0c\">", LABEL_W - 8,
		    y + 18);
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

static void
text_at(cairo_t *cr, const char *s, double x, double y, int right)
{
	cairo_text_extents_t	 e;

	cairo_text_extents(cr, s, &e);
	cairo_move_to(cr, right ? x - e.x_advance : x, y);
	cairo_show_text(cr, s);
}

/* The chart in the SVG's units, on a white ground; arg is the struct
 * chart. */
struct chart {
	const char		*title;		/* borrowed */
	const json_t		*bars;		/* borrowed */
	const struct catalogue	*words;		/* borrowed */
};

static int
chart_draw(cairo_t *cr, double cw, double ch, void *arg)
{
	const struct chart	*c = arg;
	json_t			*b;
	char			 label[LABEL_CHARS * 4 + 8], count[48];
	size_t			 i;
	int64_t			 max = bars_max(c->bars), w;
	int			 y;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_BOLD);
	cairo_set_font_size(cr, 15);
	cairo_set_source_rgb(cr, 0.04, 0.05, 0.05);
	label_cut(catalogue_get(c->words, c->title), label, sizeof(label));
	text_at(cr, label, 4, 20, 0);
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 14);
	json_array_foreach(c->bars, i, b) {
		y = TITLE_H + (int)i * ROW_H;
		label_cut(catalogue_get(c->words, view_str(b, "label")), label,
		    sizeof(label));
		bar_text(b, c->words, count, sizeof(count));
		cairo_set_source_rgb(cr, 0.04, 0.05, 0.05);
		text_at(cr, label, LABEL_W - 8, y + 18, 1);
		w = json_is_true(json_object_get(b, "hidden")) ? 0 :
		    view_int(b, "n") * BAR_W / max;
		text_at(cr, count, LABEL_W + 6 + (double)w, y + 18, 0);
		if (w > 0) {
			cairo_set_source_rgb(cr, 0x1d / 255.0, 0x70 / 255.0,
			    0xb8 / 255.0);
			cairo_rectangle(cr, LABEL_W, y + 4, (double)w, ROW_H - 8);
			cairo_fill(cr);
		}
	}
	(void)cw;
	(void)ch;
	return 0;
}

void
chart_pdf(struct pdf *pdf, const char *title, const json_t *bars,
    const struct catalogue *words, double width_mm)
{
	struct chart	 c = { title, bars, words };


	pdf_drawing(pdf, CHART_W, TITLE_H + json_array_size(bars) * ROW_H + 10,
	    width_mm, chart_draw, &c);
}
