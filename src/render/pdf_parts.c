/*
 * The parts of a PDF document drawn rather than written: a picture
 * beside its words (easy read), and the parts of a paper form,
 * a box to write in and tick boxes.  The page and its cursor: pdf.c.
 */
#include <cairo.h>
#include <pango/pangocairo.h>

#include "pdf.h"
#include "pdf_page.h"

void
pdf_pictured(struct pdf *p, pdf_draw_fn draw, void *arg, const char *key,
    const char *text)
{
	struct pdf_lines lines;
	PangoLayout	*k, *t;
	double		 side = PICTURED_SIDE * MM * p->scale, gutter = 5 * MM;
	double		 x = MARGIN + side + gutter, top;

	if (!pdf_live(p))
		return;
	k = pdf_layout(p, F_BOLD, key, TEXT_W - side - gutter);
	t = pdf_layout(p, F_BODY, text, TEXT_W - side - gutter);
	pdf_lines_init(p, &lines, t, x, NULL, 0, 0);
	/* The picture and the first lines stay together on a page. */
	pdf_begin(p, MAX(side, pdf_height(k) + pdf_lines_keep(&lines)));
	top = p->y;
	cairo_save(p->cr);
	cairo_rectangle(p->cr, MARGIN, top, side, side);
	cairo_clip(p->cr);
	cairo_translate(p->cr, MARGIN, top);
	if (draw(p->cr, side, side, arg) == -1)
		p->failed = 1;
	cairo_restore(p->cr);
	if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS)
		p->failed = 1;
	p->blank = 0;
	if (key != NULL && *key != '\0')
		pdf_flow(p, k, x, NULL, 0);
	if (text != NULL && *text != '\0')
		pdf_lines_flow(p, &lines);
	pdf_lines_release(&lines);
	g_object_unref(k);
	g_object_unref(t);
	/* Below the picture when the words were shorter, unless the words
	 * went on to another page. */
	if (p->y < top + side && p->y >= top)
		p->y = top + side;
	p->y += 6 * p->scale;
}

void
pdf_write_box(struct pdf *p, const char *label, double height_mm)
{
	PangoLayout	*l;
	double		 h, most, below;

	if (!pdf_live(p))
		return;
	below = 2 * p->scale;
	l = pdf_layout(p, F_BOLD, label, TEXT_W);
	most = BOTTOM - MARGIN - pdf_height(l) - below;
	h = height_mm > 0 ? height_mm * MM : p->line;	/* also NaN */
	h = MIN(h, MAX(most, p->line));
	pdf_begin(p, pdf_height(l) + below + h);
	pdf_flow(p, l, MARGIN, NULL, 0);
	g_object_unref(l);
	p->y += below;
	pdf_need(p, h);
	cairo_set_line_width(p->cr, 0.8 * p->scale);
	cairo_rectangle(p->cr, MARGIN, p->y, TEXT_W, h);
	cairo_stroke(p->cr);
	p->y += h + 10 * p->scale;
	p->blank = 0;
}

/*
 * One tick box and its option at (*x, p->y), moving to a new row (and
 * maybe page) when it does not fit; *row is the height of the row so far.
 */
static void
choice(struct pdf *p, const char *text, double *x, double *row)
{
	PangoLayout	*l;
	double		 box = 12 * p->scale, pad = 2 * MM * p->scale;
	double		 w, h, top;

	l = pdf_layout(p, F_BODY, text, TEXT_W - box - pad);
	w = box + pad + pdf_width(l);
	h = MAX(pdf_height(l), box);
	if (*x > MARGIN && (*x + w > MARGIN + TEXT_W || p->y + h > BOTTOM)) {
		p->y += *row + 6 * p->scale;
		*x = MARGIN;
		*row = 0;
	}
	if (*x == MARGIN)
		pdf_need(p, h);
	top = p->y + (MIN(p->line, pdf_height(l)) - box) / 2;
	cairo_set_line_width(p->cr, 0.8 * p->scale);
	cairo_rectangle(p->cr, *x, MAX(top, p->y), box, box);
	cairo_stroke(p->cr);
	cairo_move_to(p->cr, *x + box + pad, p->y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	p->blank = 0;
	*x += w + 6 * MM * p->scale;
	*row = MAX(*row, h);
}

void
pdf_choices(struct pdf *p, const char *label, const char *const *options)
{
	PangoLayout	*l;
	double		 x = MARGIN, row = 0;
	size_t		 i;

	if (!pdf_live(p))
		return;
	l = pdf_layout(p, F_BOLD, label, TEXT_W);
	pdf_begin(p, pdf_height(l) + 4 * p->scale + p->line);	/* and a row */
	pdf_flow(p, l, MARGIN, NULL, 0);
	g_object_unref(l);
	p->y += 4 * p->scale;
	for (i = 0; options != NULL && options[i] != NULL; i++)
		choice(p, options[i], &x, &row);
	p->y += row + 10 * p->scale;
}
