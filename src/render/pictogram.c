#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pictogram.h"
#include "../util/catalogue.h"

/* Lines three units wide, round at the ends and corners: they read at
 * 24 pixels on a screen and from across a room on a notice board. */
#define STROKE		3.0
/* A circle from four cubic curves: the control points' distance, as a
 * fraction of the radius. */
#define KAPPA		0.5522847498

const struct pictogram pictograms[] = {
	{ "said", N_("A speech bubble"),
	    "M8 9 L40 9 C42 9 43 10 43 12 L43 29 C43 31 42 32 40 32 "
	    "L21 32 L12 40 L14 32 L8 32 C6 32 5 31 5 29 L5 12 C5 10 6 9 8 9 Z "
	    "D15 20.5 2.5 D24 20.5 2.5 D33 20.5 2.5" },
	{ "did", N_("A tick in a circle"),
	    "O24 24 19 M14 25 L21 32 L34 17" },
	{ "yes", N_("A tick"), "M9 25 L19 36 L39 12" },
	{ "no", N_("A cross"), "M12 12 L36 36 M36 12 L12 36" },
	{ "wait", N_("A clock"), "O24 24 19 M24 12 L24 24 L32 30" },
	{ "question", N_("A question mark"),
	    "M16 17 C16 6 32 6 32 16 C32 24 24 24 24 32 D24 40 2.5" },
	{ "vote", N_("A ballot box"),
	    "M16 5 L32 5 L32 24 L16 24 Z M20 14 L23 18 L28 10 "
	    "M6 24 L42 24 L42 43 L6 43 Z M14 31 L34 31" },
	{ "date", N_("A calendar"),
	    "M7 11 L41 11 L41 43 L7 43 Z M7 19 L41 19 M15 6 L15 14 "
	    "M33 6 L33 14 D15 27 2 D24 27 2 D33 27 2 D15 35 2 D24 35 2" },
	{ "meeting", N_("People at a meeting"),
	    "O12 15 5 O36 15 5 O24 19 6 M3 37 C3 27 19 27 19 33 "
	    "M45 37 C45 27 29 27 29 33 M12 43 C12 29 36 29 36 43" },
	{ "paper", N_("A sheet of paper"),
	    "M11 5 L30 5 L38 13 L38 43 L11 43 Z M30 5 L30 13 L38 13 "
	    "M17 21 L32 21 M17 28 L32 28 M17 35 L27 35" },
	{ "person", N_("A person"), "O24 14 9 M7 43 C7 27 41 27 41 43" },
	{ "next", N_("An arrow"), "M7 24 L40 24 M29 13 L40 24 L29 35" },
	{ "write", N_("A pencil"),
	    "M9 39 L12 29 L32 9 L39 16 L19 36 Z M27 14 L34 21 M12 29 L19 36" },
	{ "plan", N_("A target"), "O24 24 19 O24 24 11 D24 24 3.5" },
	{ "doing", N_("A list with ticks"),
	    "M9 6 L39 6 L39 43 L9 43 Z M14 16 L17 19 L22 13 M26 16 L34 16 "
	    "M14 28 L17 31 L22 25 M26 28 L34 28 M26 37 L34 37" },
	{ "help", N_("A heart"),
	    "M24 41 C11 32 5 24 8 16 C11 9 20 9 24 16 C28 9 37 9 40 16 "
	    "C43 24 37 32 24 41 Z" },
	{ "private", N_("A padlock"),
	    "M12 22 L36 22 L36 42 L12 42 Z M17 22 L17 15 C17 6 31 6 31 15 "
	    "L31 22 D24 31 2.5 M24 31 L24 36" },
};
const size_t pictograms_count = sizeof(pictograms) / sizeof(pictograms[0]);

const struct pictogram *
pictogram_find(const char *name, size_t len)
{
	size_t	 i;

	for (i = 0; i < pictograms_count; i++)
		if (strlen(pictograms[i].name) == len &&
		    memcmp(pictograms[i].name, name, len) == 0)
			return &pictograms[i];
	return NULL;
}

/* Where a walk over the shapes goes: op is 'M', 'L', 'C' or 'Z', with
 * one point (M, L), three (C) or none (Z) in v. */
typedef int	(*pen_fn)(void *arg, char op, const double *v);

/* A circle as a closed path of four curves, from its rightmost point. */
static int
circle(pen_fn pen, void *arg, double cx, double cy, double r)
{
	double	 k = KAPPA * r;
	double	 start[2] = { cx + r, cy };
	double	 q[4][6] = {
		{ cx + r, cy + k, cx + k, cy + r, cx, cy + r },
		{ cx - k, cy + r, cx - r, cy + k, cx - r, cy },
		{ cx - r, cy - k, cx - k, cy - r, cx, cy - r },
		{ cx + k, cy - r, cx + r, cy - k, cx + r, cy },
	};
	int	 i, rc;

	rc = pen(arg, 'M', start);
	for (i = 0; i < 4 && rc == 0; i++)
		rc = pen(arg, 'C', q[i]);
	return rc == 0 ? pen(arg, 'Z', NULL) : rc;
}

/* How many numbers each command takes; -1 for an unknown command. */
static int
operands(char op)
{
	switch (op) {
	case 'M': case 'L': return 2;
	case 'C': return 6;
	case 'Z': return 0;
	case 'O': case 'D': return 3;
	default: return -1;
	}
}

/*
 * Walks the shapes, giving pen the outlines (filled 0) or the dots
 * (filled 1).  -1 on a malformed command (every picture is walked by the
 * tests, so that is a mistake caught before it ships) or when pen fails.
 */
static int
shapes_walk(const char *s, int filled, pen_fn pen, void *arg)
{
	double	 v[6];
	char	*end;
	char	 op;
	int	 n, i, rc = 0;

	while (rc == 0 && *s != '\0') {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		op = *s++;
		if ((n = operands(op)) < 0)
			return -1;
		for (i = 0; i < n; i++) {
			v[i] = strtod(s, &end);
			if (end == s)
				return -1;
			s = end;
		}
		if (op == 'O' || op == 'D') {
			if ((op == 'D') == filled)
				rc = circle(pen, arg, v[0], v[1], v[2]);
		} else if (!filled)
			rc = pen(arg, op, v);
	}
	return rc;
}

static int
svg_pen(void *arg, char op, const double *v)
{
	struct buf	*out = arg;
	int		 n = operands(op), i, rc;

	rc = buf_putc(out, op);
	for (i = 0; i < n && rc == 0; i++)
		rc = buf_printf(out, i == 0 ? "%g" : " %g", v[i]);
	return rc;
}

/* One <path> of the outlines or of the dots, if the picture has any. */
static int
svg_path(const struct pictogram *p, int filled, struct buf *out)
{
	size_t	 mark = out->len, start;
	int	 rc;

	rc = buf_puts(out, filled ? "<path class=\"rt-picture__dot\" d=\"" :
	    "<path d=\"");
	start = out->len;
	if (rc == 0)
		rc = shapes_walk(p->shapes, filled, svg_pen, out);
	if (rc == 0 && out->len == start) {
		out->len = mark;	/* nothing of that kind */
		return 0;
	}
	return rc == 0 ? buf_puts(out, "\"/>") : rc;
}

/* The label inside a double-quoted attribute. */
static int
attribute_put(struct buf *out, const char *s)
{
	int	 rc = 0;

	for (; *s != '\0' && rc == 0; s++) {
		switch (*s) {
		case '&': rc = buf_puts(out, "&amp;"); break;
		case '<': rc = buf_puts(out, "&lt;"); break;
		case '>': rc = buf_puts(out, "&gt;"); break;
		case '"': rc = buf_puts(out, "&quot;"); break;
		default: rc = buf_putc(out, *s); break;
		}
	}
	return rc;
}

int
pictogram_svg(const struct pictogram *p, const char *label, struct buf *out)
{
	int	 rc;

	/* Its name in its class: which picture it is, for a style or a
	 * test, without a word for a screen reader. */
	rc = buf_printf(out, "<svg class=\"rt-picture rt-picture--%s\" "
	    "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	    "focusable=\"false\" fill=\"none\" stroke=\"currentColor\" "
	    "stroke-width=\"%g\" stroke-linecap=\"round\" "
	    "stroke-linejoin=\"round\"", p->name, PICTOGRAM_GRID,
	    PICTOGRAM_GRID, PICTOGRAM_GRID, PICTOGRAM_GRID, STROKE);
	if (rc == 0 && label == NULL)
		rc = buf_puts(out, " aria-hidden=\"true\">");
	else if (rc == 0) {
		rc = buf_puts(out, " role=\"img\" aria-label=\"");
		if (rc == 0)
			rc = attribute_put(out, label);
		if (rc == 0)
			rc = buf_puts(out, "\">");
	}
	if (rc == 0)
		rc = svg_path(p, 0, out);
	if (rc == 0)
		rc = svg_path(p, 1, out);
	return rc == 0 ? buf_puts(out, "</svg>") : rc;
}

static int
cairo_pen(void *arg, char op, const double *v)
{
	cairo_t	*cr = arg;

	switch (op) {
	case 'M': cairo_move_to(cr, v[0], v[1]); break;
	case 'L': cairo_line_to(cr, v[0], v[1]); break;
	case 'C': cairo_curve_to(cr, v[0], v[1], v[2], v[3], v[4], v[5]);
		break;
	default: cairo_close_path(cr); break;
	}
	return 0;
}

int
pictogram_draw(cairo_t *cr, double w, double h, void *arg)
{
	const struct pictogram	*p = arg;
	double			 s = (w < h ? w : h) / PICTOGRAM_GRID;

	cairo_save(cr);
	cairo_scale(cr, s, s);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, STROKE);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_new_path(cr);
	if (shapes_walk(p->shapes, 0, cairo_pen, cr) == -1) {
		cairo_restore(cr);
		return -1;
	}
	cairo_stroke(cr);
	if (shapes_walk(p->shapes, 1, cairo_pen, cr) == -1) {
		cairo_restore(cr);
		return -1;
	}
	cairo_fill(cr);
	cairo_restore(cr);
	return 0;
}
