/*
 * A bar chart in a PDF, set in the document's own fonts rather than
 * drawn in units of its own and scaled to fit: scaled, its words came
 * out at about 9 pt in large print, and a label had to be cut to the
 * drawing's width.  Here the words are laid out by Pango at the body
 * size, so they wrap instead, and each row is a table's row
 * (pdf_lines_flow, whole): as tall as its label, never split by a page.
 * The chart is measured whole before it is drawn, and moves whole to
 * the next page when a page can hold it (chart_keep).
 */
#include <stdlib.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "pdf.h"
#include "pdf_page.h"

#define BAR_RGB		0x1d / 255.0, 0x70 / 255.0, 0xb8 / 255.0
#define LABEL_SHARE	0.4	/* of the chart's width, as on the page */
#define COUNT_SHARE	0.3	/* the widest a count may be */
#define ROW_GAP		3	/* points between rows, before scaling */

/* Where a chart's columns are, in points. */
struct columns {
	double	 label_w;	/* the labels' column, from MARGIN */
	double	 bar_x;		/* where each bar starts */
	double	 bar_w;		/* the longest bar */
	double	 pad;		/* between a bar and its count */
};

/* One bar's row, measured (bar_measure) into t: the bar beside the
 * label's first line and the words line by line, on one page. */
static void
bar_row(struct pdf *p, const struct pdf_bar *bar, const struct pdf_lines *t,
    const struct columns *c)
{
	double		 len, top;

	len = bar->share > 0 ? MIN(bar->share, 1) * c->bar_w : 0;
	pdf_begin(p, pdf_lines_keep(t));
	top = p->y;
	if (len > 0 && t->n > 0) {
		cairo_set_source_rgb(p->cr, BAR_RGB);
		cairo_rectangle(p->cr, c->bar_x, top + t->rows[0] * 0.15, len,
		    t->rows[0] * 0.7);
		cairo_fill(p->cr);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
	}
	pdf_lines_flow(p, t);
	p->y += ROW_GAP * p->scale;
}

/* A bar's label laid out (owned: *label) and measured with its count
 * (borrowed) into t. */
static void
bar_measure(struct pdf *p, const struct pdf_bar *bar, PangoLayout *count,
    const struct columns *c, PangoLayout **label, struct pdf_lines *t)
{
	double	 len = bar->share > 0 ? MIN(bar->share, 1) * c->bar_w : 0;

	*label = pdf_layout(p, F_BODY, bar->label, c->label_w);
	pdf_lines_init(p, t, *label, MARGIN, count, c->bar_x + len + c->pad,
	    1);
}

/*
 * The room a chart keeps on one page: all of it, so that it moves whole
 * to the next page rather than leave its title and first bars at the
 * foot of one, unless with its title it is taller than a page; then its
 * first row, which its title is kept with.
 */
static double
chart_keep(const struct pdf *p, PangoLayout *title, const struct pdf_lines *t,
    size_t n)
{
	double	 h = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		h += t[i].height + (i + 1 < n ? ROW_GAP * p->scale : 0);
	if (pdf_height(title) + 4 * p->scale + h <= PDF_FLOW_H)
		return h;
	return n > 0 ? pdf_lines_keep(&t[0]) : 0;
}

void
pdf_bar_chart(struct pdf *p, const char *title, const struct pdf_bar *bars,
    size_t n, double width_mm)
{
	PangoLayout	**counts, **labels, *head;
	struct pdf_lines *rows;
	struct columns	 c;
	double		 w, count_w = 0, gutter = 3 * MM;
	size_t		 i;

	if (!pdf_live(p))
		return;
	w = width_mm > 0 ? MIN(width_mm * MM, TEXT_W) : TEXT_W;
	counts = calloc(MAX(n, 1), sizeof(*counts));
	labels = calloc(MAX(n, 1), sizeof(*labels));
	rows = calloc(MAX(n, 1), sizeof(*rows));
	if ((bars == NULL && n > 0) || counts == NULL || labels == NULL ||
	    rows == NULL) {
		p->failed = 1;
		goto out;
	}
	for (i = 0; i < n; i++) {
		counts[i] = pdf_layout(p, F_BODY, bars[i].count,
		    w * COUNT_SHARE);
		count_w = MAX(count_w, pdf_width(counts[i]));
	}
	c.label_w = w * LABEL_SHARE;
	c.bar_x = MARGIN + c.label_w + gutter;
	c.pad = 2 * MM;
	c.bar_w = w - c.label_w - gutter - c.pad - count_w;
	for (i = 0; i < n; i++)
		bar_measure(p, &bars[i], counts[i], &c, &labels[i], &rows[i]);
	head = pdf_layout(p, F_BOLD, title, w);
	pdf_hold(p, head, 6, 4 * p->scale, "P");
	pdf_begin(p, chart_keep(p, head, rows, n));
	for (i = 0; i < n; i++)
		bar_row(p, &bars[i], &rows[i], &c);
	p->y += ROW_GAP * p->scale;
out:
	for (i = 0; i < n && rows != NULL && labels != NULL && counts != NULL;
	    i++) {
		pdf_lines_release(&rows[i]);
		if (labels[i] != NULL)
			g_object_unref(labels[i]);
		if (counts[i] != NULL)
			g_object_unref(counts[i]);
	}
	free(rows);
	free(labels);
	free(counts);
}
