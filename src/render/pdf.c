/*
 * PDF documents through cairo (the page) and Pango (shaping, wrapping).
 *
 * Layout is a single cursor, y, moving down the page.  Text is laid out
 * by Pango at the column width and then drawn one line at a time, so a
 * long paragraph can stop at the bottom margin and carry on at the top
 * of the next page, two lines at least on each (pdf_flow).  Sizes are
 * absolute (device units are PDF points) and metric hinting is off, so
 * what Pango measures is what is printed.
 */
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "pdf.h"
#include "pdf_catalog.h"
#include "pdf_page.h"
#include "../limits.h"
#include "../util/log.h"

static const struct {
	double		size;	/* points, before scaling */
	PangoWeight	weight;
	int		scaled;	/* grows with PDF_LARGE */
} fonts[F__MAX] = {
	[F_BODY] = { 11, PANGO_WEIGHT_NORMAL, 1 },
	[F_BOLD] = { 11, PANGO_WEIGHT_BOLD, 1 },
	[F_H1] = { 20, PANGO_WEIGHT_BOLD, 1 },
	[F_H2] = { 14, PANGO_WEIGHT_BOLD, 1 },
	[F_FOOT] = { 9, PANGO_WEIGHT_NORMAL, 0 },
};

/* Latches the failure here as well as telling cairo: cairo 1.16 loses a
 * write error from the fonts it writes at the end, and would call a
 * truncated document finished. */
static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
	struct pdf	*p = closure;

	if (buf_add(p->out, data, len) == -1) {
		p->failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* 1 while the document can still be drawn; latches the first error. */
int
pdf_live(struct pdf *p)
{
	if (p == NULL || p->failed)
		return 0;
	if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS ||
	    cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS)
		p->failed = 1;
	return !p->failed;
}

/* A layout of text (NULL is "") wrapped at width points. */
PangoLayout *
pdf_layout(struct pdf *p, enum font f, const char *text, double width)
{
	PangoLayout	*l;
	char		*valid;

	valid = g_utf8_make_valid(text != NULL ? text : "", -1);
	l = pango_layout_new(p->pango);
	pango_layout_set_font_description(l, p->font[f]);
	pango_layout_set_width(l, pango_units_from_double(width));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, valid, -1);
	g_free(valid);
	return l;
}

double
pdf_height(PangoLayout *l)
{
	int	 h;

	pango_layout_get_size(l, NULL, &h);
	return pango_units_to_double(h);
}

double
pdf_width(PangoLayout *l)
{
	int	 w;

	pango_layout_get_size(l, &w, NULL);
	return pango_units_to_double(w);
}

static void
footer(struct pdf *p)
{
	PangoLayout	*l;
	char		*num;
	double		 y = BOTTOM + 5 * MM;

	cairo_set_source_rgb(p->cr, 0.4, 0.4, 0.4);
	cairo_set_line_width(p->cr, 0.5);
	cairo_move_to(p->cr, MARGIN, y - 2 * MM);
	cairo_line_to(p->cr, PAGE_W - MARGIN, y - 2 * MM);
	cairo_stroke(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);

	l = pdf_layout(p, F_FOOT, p->title, TEXT_W * 0.75);
	pango_layout_set_single_paragraph_mode(l, TRUE);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	cairo_move_to(p->cr, MARGIN, y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);

	num = g_strdup_printf("%s %d", p->page_word, p->page);
	l = pdf_layout(p, F_FOOT, num, TEXT_W * 0.2);
	g_free(num);
	cairo_move_to(p->cr, PAGE_W - MARGIN - pdf_width(l), y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

/* cairo 1.16 made structure tags; before it a document is untagged. */
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 16, 0)
#define TAG_BEGIN(cr, tag)	cairo_tag_begin((cr), (tag), NULL)
#define TAG_END(cr, tag)	cairo_tag_end((cr), (tag))
#else
#define TAG_BEGIN(cr, tag)	((void)(cr), (void)(tag))
#define TAG_END(cr, tag)	((void)(cr), (void)(tag))
#endif

int
pdf_tag_begin(struct pdf *p, const char *tag)
{
	if (p->tag != NULL || tag == NULL)
		return 0;
	p->tag = tag;
	TAG_BEGIN(p->cr, tag);
	return 1;
}

void
pdf_tag_end(struct pdf *p, int opened)
{
	if (!opened || p->tag == NULL)
		return;
	TAG_END(p->cr, p->tag);
	p->tag = NULL;
}

/* The footer is no part of the text: an element open across the break
 * ends before it and starts again on the next page. */
static void
new_page(struct pdf *p)
{
	const char	*open = p->tag;

	pdf_tag_end(p, open != NULL);
	footer(p);
	cairo_show_page(p->cr);
	(void)pdf_tag_begin(p, open);
	p->page++;
	p->y = MARGIN;
	p->blank = 1;
}

/*
 * Nothing more goes on this page: the next element that draws starts a
 * new one (pdf_need() with anything to place).  A page is ended only when
 * something comes to go on the next, so a document whose last call is a
 * break, or space down to the bottom, ends on its last page of content
 * rather than on a blank one with only the footer.
 */
static void
page_full(struct pdf *p)
{
	p->y = BOTTOM;
	p->blank = 0;
}

/* Moves to a new page unless h points fit below y (or the page is
 * empty, where nothing more can be gained).  Nothing to place (h 0)
 * never starts a page: space left after the last element (a rule's)
 * may reach past the bottom, and ending the document there made a
 * page holding only the footer. */
void
pdf_need(struct pdf *p, double h)
{
	if (!p->blank && h > 0 && p->y + h > BOTTOM)
		new_page(p);
}

/* Space between elements; none at the top of a page. */
void
pdf_gap(struct pdf *p, double pt)
{
	if (!p->blank)
		p->y += pt * p->scale;
}

/* Draws the current line of it at x, with its top at y. */
static void
show_line(struct pdf *p, PangoLayoutIter *it, double x)
{
	int	 y0, y1, base;

	pango_layout_iter_get_line_yrange(it, &y0, &y1);
	base = pango_layout_iter_get_baseline(it);
	cairo_move_to(p->cr, x, p->y + pango_units_to_double(base - y0));
	pango_cairo_show_layout_line(p->cr,
	    pango_layout_iter_get_line_readonly(it));
}

static double
line_height(PangoLayoutIter *it)
{
	int	 y0, y1;

	if (it == NULL)
		return 0;
	pango_layout_iter_get_line_yrange(it, &y0, &y1);
	return pango_units_to_double(y1 - y0);
}

/* Moves *it to its next line; after its last, frees it and sets NULL. */
static void
line_next(PangoLayoutIter **it)
{
	if (*it != NULL && !pango_layout_iter_next_line(*it)) {
		pango_layout_iter_free(*it);
		*it = NULL;
	}
}

/* Frees what line_next left (NULL is nothing). */
static void
line_next_free(PangoLayoutIter *it)
{
	if (it != NULL)
		pango_layout_iter_free(it);
}

/*
 * Measures the rows of lines a and b make side by side, once: what is
 * kept with a heading and what is drawn both read t->rows.
 */
void
pdf_lines_init(struct pdf *p, struct pdf_lines *t, PangoLayout *a, double xa,
    PangoLayout *b, double xb, int whole)
{
	PangoLayoutIter	*ia = pango_layout_get_iter(a);
	PangoLayoutIter	*ib = b != NULL ? pango_layout_get_iter(b) : NULL;
	size_t		 i;

	t->a = a;
	t->b = b;
	t->xa = xa;
	t->xb = xb;
	t->whole = whole;
	t->height = 0;
	t->n = (size_t)MAX(pango_layout_get_line_count(a), b != NULL ?
	    pango_layout_get_line_count(b) : 0);
	if ((t->rows = calloc(MAX(t->n, 1), sizeof(*t->rows))) == NULL) {
		t->n = 0;
		p->failed = 1;
	}
	for (i = 0; i < t->n; i++) {
		t->rows[i] = MAX(line_height(ia), line_height(ib));
		t->height += t->rows[i];
		line_next(&ia);
		line_next(&ib);
	}
	line_next_free(ia);
	line_next_free(ib);
}

void
pdf_lines_release(struct pdf_lines *t)
{
	free(t->rows);
	t->rows = NULL;
	t->n = 0;
}

/* A whole row that a page can hold: it is never split. */
static int
kept_whole(const struct pdf_lines *t)
{
	return t->whole && t->height <= BOTTOM - MARGIN;
}

/* How many of t's rows from i on fit below the cursor. */
static size_t
rows_fitting(const struct pdf *p, const struct pdf_lines *t, size_t i)
{
	double	 y = p->y;
	size_t	 k;

	for (k = i; k < t->n && y + t->rows[k] <= BOTTOM; k++)
		y += t->rows[k];
	return k - i;
}

/*
 * Whether a new page starts before row i of t: where the row does not
 * fit, where a whole row (a table's, a labelled pair) would be split,
 * and where drawing it would leave one line of a paragraph alone, its
 * first at the foot of a page (an orphan) or its last at the top of the
 * next (a widow).  A paragraph of three lines where two fit, or of two
 * where one does, goes to the next page whole; a longer one breaks a
 * line early, so two go over.  Never on an empty page, where nothing is
 * gained.
 */
static int
break_before(const struct pdf *p, const struct pdf_lines *t, size_t i)
{
	size_t	 fit, here;

	if (p->blank)
		return 0;
	fit = rows_fitting(p, t, i);
	if (fit == t->n - i)
		return 0;
	if (fit == 0)
		return 1;
	if (i == 0) {
		if (kept_whole(t))
			return 1;
		here = t->n - fit == 1 ? fit - 1 : fit;
		return here < PDF_LINES_TOGETHER;
	}
	return t->n - i == PDF_LINES_TOGETHER && fit < PDF_LINES_TOGETHER;
}

double
pdf_lines_keep(const struct pdf_lines *t)
{
	double	 h = 0;
	size_t	 i, keep;

	if (kept_whole(t))
		return t->height;
	keep = t->n <= 2 * PDF_LINES_TOGETHER - 1 ? t->n : PDF_LINES_TOGETHER;
	for (i = 0; i < keep; i++)
		h += t->rows[i];
	return h;
}

/*
 * Draws t's layouts line by line side by side, starting a new page
 * whenever the next row of lines would cross the bottom margin, split a
 * whole row or leave a line alone (break_before).  Every document's text
 * comes through here, so every document keeps its lines together so.
 */
void
pdf_lines_flow(struct pdf *p, const struct pdf_lines *t)
{
	PangoLayoutIter	*ia, *ib;
	size_t		 i;
	int		 tagged;

	if (t->n == 0)
		return;
	tagged = pdf_tag_begin(p, "P");
	ia = pango_layout_get_iter(t->a);
	ib = t->b != NULL ? pango_layout_get_iter(t->b) : NULL;
	for (i = 0; i < t->n; i++) {
		if (break_before(p, t, i))
			new_page(p);
		if (ia != NULL)
			show_line(p, ia, t->xa);
		if (ib != NULL)
			show_line(p, ib, t->xb);
		p->y += t->rows[i];
		p->blank = 0;
		line_next(&ia);
		line_next(&ib);
	}
	line_next_free(ia);
	line_next_free(ib);
	pdf_tag_end(p, tagged);
}

void
pdf_flow(struct pdf *p, PangoLayout *a, double xa, PangoLayout *b, double xb)
{
	struct pdf_lines	 t;

	pdf_lines_init(p, &t, a, xa, b, xb, 0);
	pdf_lines_flow(p, &t);
	pdf_lines_release(&t);
}

/*
 * A heading is held back until the next element comes, so that both
 * can move to a new page together: pdf_begin() makes room for the held
 * heading and the first h points of the element, then draws the heading.
 */
double
pdf_held_height(const struct pdf *p)
{
	double	 h = 0;
	size_t	 i;

	for (i = 0; i < p->nheld; i++)
		h += (i > 0 ? p->held[i].above * p->scale : 0) +
		    pdf_height(p->held[i].layout) + p->held[i].after;
	return h;
}

/* The first held layout's space above is taken before the room is
 * measured (none at the top of a page, as any gap); the others' are
 * part of what must fit. */
void
pdf_begin(struct pdf *p, double h)
{
	size_t	 i;
	int	 tagged;

	if (p->nheld == 0) {
		pdf_need(p, h);
		return;
	}
	pdf_gap(p, p->held[0].above);
	pdf_need(p, pdf_held_height(p) + h);
	for (i = 0; i < p->nheld; i++) {
		if (i > 0)
			pdf_gap(p, p->held[i].above);
		tagged = pdf_tag_begin(p, p->held[i].tag);
		pdf_flow(p, p->held[i].layout, MARGIN, NULL, 0);
		pdf_tag_end(p, tagged);
		g_object_unref(p->held[i].layout);
		p->held[i].layout = NULL;
		p->y += p->held[i].after;
	}
	p->nheld = 0;
}

static void
free_parts(struct pdf *p)
{
	struct kept	*k;
	size_t		 h;
	int		 i;

	for (h = 0; h < p->nheld; h++)
		g_object_unref(p->held[h].layout);
	for (i = 0; i < F__MAX; i++)
		if (p->font[i] != NULL)
			pango_font_description_free(p->font[i]);
	if (p->pango != NULL)
		g_object_unref(p->pango);
	if (p->cr != NULL)
		cairo_destroy(p->cr);
	if (p->surface != NULL)
		cairo_surface_destroy(p->surface);
	while ((k = p->kept) != NULL) {
		p->kept = k->next;
		k->release(k->obj);
		free(k);
	}
	g_free(p->title);
	g_free(p->page_word);
	free(p);
}

static void
make_fonts(struct pdf *p)
{
	int	 i;
	double	 size;

	for (i = 0; i < F__MAX; i++) {
		size = fonts[i].size * (fonts[i].scaled ? p->scale : 1);
		/* Large print: nothing smaller, the footer neither. */
		if (p->scale > 1 && size < LARGE_PRINT_MIN_PT)
			size = LARGE_PRINT_MIN_PT;
		p->font[i] = pango_font_description_new();
		pango_font_description_set_family(p->font[i], FONT_FAMILY);
		pango_font_description_set_weight(p->font[i], fonts[i].weight);
		pango_font_description_set_absolute_size(p->font[i],
		    size * PANGO_SCALE);
	}
}

static void
make_pango(struct pdf *p)
{
	cairo_font_options_t	*fo;
	PangoLayout		*l;

	p->pango = pango_cairo_create_context(p->cr);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p->pango, fo);
	cairo_font_options_destroy(fo);
	make_fonts(p);
	l = pdf_layout(p, F_BODY, "Ag", TEXT_W);
	p->line = pdf_height(l);
	g_object_unref(l);
}

struct pdf *
pdf_new(struct buf *out, const char *title, enum pdf_size size)
{
	struct pdf	*p;

	if (out == NULL || (p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->out = out;
	p->start = out->len;
	memcpy(p->lang, "en", 3);
	p->title = g_utf8_make_valid(title != NULL ? title : "", -1);
	p->page_word = g_strdup("Page");
	p->scale = size == PDF_LARGE ? 1.6 : 1.0;
	p->page = 1;
	p->blank = 1;
	p->y = MARGIN;
	p->surface = cairo_pdf_surface_create_for_stream(write_out, p,
	    PAGE_W, PAGE_H);
	if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS)
		goto fail;
	cairo_pdf_surface_set_metadata(p->surface,
	    CAIRO_PDF_METADATA_TITLE, p->title);
	cairo_pdf_surface_set_metadata(p->surface,
	    CAIRO_PDF_METADATA_CREATOR, "Roundtable");
	p->cr = cairo_create(p->surface);
	if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS)
		goto fail;
	make_pango(p);
	if (!pdf_live(p))
		goto fail;
	return p;
fail:
	free_parts(p);
	return NULL;
}

void
pdf_heading(struct pdf *p, const char *text, int level)
{
	PangoLayout	*l;

	if (!pdf_live(p))
		return;
	l = pdf_layout(p, level == 1 ? F_H1 : F_H2, text, TEXT_W);
	pdf_hold(p, l, level == 1 ? 12 : 9, (level == 1 ? 6 : 4) * p->scale,
	    level == 1 ? "H1" : "H2");
}

/* Held layouts stack up until something is drawn; past PDF_HELD_MAX
 * (headings with nothing between them) the oldest are drawn, kept with
 * the new one. */
void
pdf_hold(struct pdf *p, PangoLayout *l, double above, double after,
    const char *tag)
{
	if (p->nheld == PDF_HELD_MAX)
		pdf_begin(p, pdf_height(l));
	p->held[p->nheld].layout = l;
	p->held[p->nheld].above = above;
	p->held[p->nheld].after = after;
	p->held[p->nheld].tag = tag;
	p->nheld++;
}

/* An element of text: a and b (as pdf_lines_init) measured once, room
 * made for what is kept of them with a held heading, then drawn. */
static void
flow_begun(struct pdf *p, PangoLayout *a, double xa, PangoLayout *b,
    double xb, int whole)
{
	struct pdf_lines	 t;

	pdf_lines_init(p, &t, a, xa, b, xb, whole);
	pdf_begin(p, pdf_lines_keep(&t));
	pdf_lines_flow(p, &t);
	pdf_lines_release(&t);
}

void
pdf_paragraph(struct pdf *p, const char *text)
{
	PangoLayout	*l;

	if (!pdf_live(p))
		return;
	l = pdf_layout(p, F_BODY, text, TEXT_W);
	flow_begun(p, l, MARGIN, NULL, 0, 0);
	g_object_unref(l);
	p->y += 6 * p->scale;
}

/* label, with a colon unless it is empty or already ends in a mark of
 * its own: "Chair:", but "1." and "Why?" stay as they are. */
static char *
pair_label(const char *label)
{
	size_t	 n;

	if (label == NULL)
		label = "";
	n = strlen(label);
	if (n == 0 || strchr(":.?!", label[n - 1]) != NULL)
		return g_strdup(label);
	return g_strconcat(label, ":", NULL);
}

/* fmt and its arguments as a malloc'd string, or NULL. */
static char *
formatted(const char *fmt, va_list ap)
{
	char	*text;

	return vasprintf(&text, fmt, ap) == -1 ? NULL : text;
}

void
pdf_paragraphf(struct pdf *p, const char *fmt, ...)
{
	va_list	 ap;
	char	*text;

	va_start(ap, fmt);
	text = formatted(fmt, ap);
	va_end(ap);
	pdf_paragraph(p, text);
	free(text);
}

void
pdf_pairf(struct pdf *p, const char *label, const char *fmt, ...)
{
	va_list	 ap;
	char	*text;

	va_start(ap, fmt);
	text = formatted(fmt, ap);
	va_end(ap);
	pdf_pair(p, label, text);
	free(text);
}

void
pdf_pair(struct pdf *p, const char *label, const char *value)
{
	PangoLayout	*l, *v;
	char		*text;
	double		 lw = TEXT_W * 0.34, gutter = 4 * MM;

	if (!pdf_live(p) || value == NULL || *value == '\0')
		return;
	text = pair_label(label);
	l = pdf_layout(p, F_BOLD, text, lw);
	g_free(text);
	v = pdf_layout(p, F_BODY, value, TEXT_W - lw - gutter);
	/* A row of a table: on one page, unless a page cannot hold it. */
	flow_begun(p, l, MARGIN, v, MARGIN + lw + gutter, 1);
	g_object_unref(l);
	g_object_unref(v);
	p->y += 4 * p->scale;
}

void
pdf_pair_with_next(struct pdf *p, const char *label, const char *value)
{
	PangoLayout	*l;
	char		*text, *markup;

	if (!pdf_live(p) || value == NULL || *value == '\0')
		return;
	text = pair_label(label);
	markup = g_markup_printf_escaped("<b>%s</b> %s", text, value);
	g_free(text);
	l = pdf_layout(p, F_BODY, "", TEXT_W);
	pango_layout_set_markup(l, markup, -1);
	g_free(markup);
	pdf_hold(p, l, 0, 4 * p->scale, "P");
}

void
pdf_rule(struct pdf *p)
{
	if (!pdf_live(p))
		return;
	pdf_begin(p, 1);
	pdf_gap(p, 4);
	cairo_set_source_rgb(p->cr, 0.4, 0.4, 0.4);
	cairo_set_line_width(p->cr, 0.75 * p->scale);
	cairo_move_to(p->cr, MARGIN, p->y);
	cairo_line_to(p->cr, PAGE_W - MARGIN, p->y);
	cairo_stroke(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += 8 * p->scale;
	p->blank = 0;
}

void
pdf_keep_next(struct pdf *p, double mm)
{
	if (!pdf_live(p) || !(mm > 0))
		return;
	pdf_need(p, pdf_held_height(p) + mm * MM * p->scale);
}

void
pdf_space(struct pdf *p, double mm)
{
	if (!pdf_live(p) || !(mm > 0))
		return;
	if (p->nheld > 0) {
		p->held[p->nheld - 1].after += mm * MM;
		return;
	}
	if (p->y + mm * MM >= BOTTOM) {
		if (!p->blank)
			page_full(p);
		return;
	}
	p->y += mm * MM;
	p->blank = 0;
}

void
pdf_page_break(struct pdf *p)
{
	if (!pdf_live(p))
		return;
	pdf_begin(p, 0);
	if (!p->blank)
		page_full(p);
}

int
pdf_picture(struct pdf *p, const char *caption, pdf_draw_fn draw, void *arg)
{
	PangoLayout	*l;
	cairo_t		*cr;
	double		 top, w = PAGE_W - 2 * PICTURE_MARGIN;
	int		 rc;

	if (!pdf_live(p))
		return -1;
	pdf_begin(p, 0);
	if (!p->blank)
		new_page(p);
	l = pdf_layout(p, F_FOOT, caption, w);
	cairo_move_to(p->cr, PICTURE_MARGIN, PICTURE_MARGIN);
	pango_cairo_show_layout(p->cr, l);
	top = PICTURE_MARGIN + pdf_height(l) + 2 * MM;
	g_object_unref(l);
	page_full(p);
	if (top >= BOTTOM - MARGIN || !pdf_live(p))
		return -1;
	cr = cairo_create(p->surface);
	cairo_rectangle(cr, PICTURE_MARGIN, top, w, BOTTOM - top);
	cairo_clip(cr);
	cairo_translate(cr, PICTURE_MARGIN, top);
	rc = draw(cr, w, BOTTOM - top, arg);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_destroy(cr);
	return pdf_live(p) ? rc : -1;
}

int
pdf_keep(struct pdf *p, void *obj, void (*release)(void *))
{
	struct kept	*k;

	if (p == NULL || (k = malloc(sizeof(*k))) == NULL) {
		release(obj);
		if (p != NULL)
			p->failed = 1;
		return -1;
	}
	k->obj = obj;
	k->release = release;
	k->next = p->kept;
	p->kept = k;
	return 0;
}

void
pdf_page_word(struct pdf *p, const char *word)
{
	if (!pdf_live(p) || word == NULL || *word == '\0')
		return;
	g_free(p->page_word);
	p->page_word = g_utf8_make_valid(word, -1);
}

enum pdf_size
pdf_size_of(const struct pdf *p)
{
	return p != NULL && p->scale > 1 ? PDF_LARGE : PDF_NORMAL;
}

int
pdf_page_number(const struct pdf *p)
{
	return p == NULL ? 0 : p->page;
}

void
pdf_language(struct pdf *p, const char *tag)
{
	size_t	 n = tag != NULL ? strlen(tag) : 0;

	/* A language tag is letters, digits and hyphens: anything else is
	 * no language, and the document keeps the one it had. */
	if (!pdf_live(p) || n == 0 || n >= sizeof(p->lang) ||
	    strspn(tag, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789-") != n)
		return;
	memcpy(p->lang, tag, n + 1);
}

/*
 * A PDF whose catalogue cannot be read (a cairo that writes it some
 * other way) still goes out, without /Lang and /MarkInfo: read with
 * the default voice, it serves its reader better than an error page.
 * The log says so, and the tests, which read the language back, fail.
 * A document past its size limit fails, as it would without the update.
 */
static void
mark_language(struct pdf *p)
{
	switch (pdf_catalog_update(p->out, p->start, p->lang)) {
	case 0:
		break;
	case -1:
		log_line(LOG_WARNING, "pdf: its catalogue could not be read; "
		    "sent without its language");
		break;
	default:
		p->failed = 1;
		break;
	}
}

int
pdf_finish(struct pdf *p)
{
	int	 rc;

	if (p == NULL)
		return -1;
	if (pdf_live(p)) {
		pdf_begin(p, 0);
		footer(p);
		cairo_show_page(p->cr);
		pdf_live(p);
	}
	cairo_surface_finish(p->surface);
	if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS)
		p->failed = 1;
	else if (!p->failed)
		mark_language(p);
	rc = p->failed ? -1 : 0;
	free_parts(p);
	return rc;
}

/*
 * Pango's fontconfig thread lets go of the font map a moment after it
 * hands over its result, so wait (up to a second) until the thread's
 * default is the only reference left: dropping it then frees the map,
 * and its cairo fonts, here and now.
 */
static int
font_map_idle(PangoFontMap *map)
{
	int	 i;

	for (i = 0; i < 1000; i++) {
		if (g_atomic_int_get((gint *)&G_OBJECT(map)->ref_count) == 1)
			return 1;
		g_usleep(1000);
	}
	return 0;
}

/*
 * Resets cairo and fontconfig only once the font map is really gone:
 * cairo asserts when fonts are still alive.  FcFini() is looked up at
 * run time: fontconfig is loaded with Pango but is not on our link line.
 */
void
pdf_shutdown(void)
{
	PangoFontMap	*map, *alive;
	GWeakRef	 ref;
	void		(*fcfini)(void);
	void		*sym;

	map = pango_cairo_font_map_get_default();
	if (!font_map_idle(map))
		return;		/* a document is still open */
	g_weak_ref_init(&ref, map);
	pango_cairo_font_map_set_default(NULL);
	alive = g_weak_ref_get(&ref);
	g_weak_ref_clear(&ref);
	if (alive != NULL) {
		g_object_unref(alive);
		return;
	}
	cairo_debug_reset_static_data();
	if ((sym = dlsym(RTLD_DEFAULT, "FcFini")) != NULL) {
		memcpy(&fcfini, &sym, sizeof(fcfini));
		fcfini();
	}
}
