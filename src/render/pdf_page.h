/*
 * What the parts of a PDF document share (pdf.c, the page and its text;
 * pdf_parts.c, pictures and the parts of a paper form): the document
 * being drawn and the cursor moving down its pages.  Not for callers
 * outside src/render/pdf*.c, which use pdf.h.
 */
#ifndef RT_PDF_PAGE_H
#define RT_PDF_PAGE_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "pdf.h"

#define MM		(72.0 / 25.4)
#define PAGE_W		595.28
#define PAGE_H		841.89
#define MARGIN		(18 * MM)
#define TEXT_W		(PAGE_W - 2 * MARGIN)
#define BOTTOM		(PAGE_H - MARGIN)
#define FONT_FAMILY	"DejaVu Sans"
#define PICTURE_MARGIN	(10 * MM)	/* pictures use more of the page */
#define PICTURED_SIDE	13	/* mm: an easy-read picture, before scaling */

enum font { F_BODY, F_BOLD, F_H1, F_H2, F_FOOT, F__MAX };

/* Something drawn from that must outlive the surface: see pdf_keep(). */
struct kept {
	void		*obj;
	void		(*release)(void *);
	struct kept	*next;
};

/* Headings (and a chart's title) held to be drawn with what follows
 * them, as many as can stand one under another: a question's heading,
 * then its chart's title. */
#define PDF_HELD_MAX	4

/* A layout held back (pdf_hold): drawn by pdf_begin with the element
 * that follows, above points of space before it, after below it, marked
 * as the structure element tag ("H1", "H2", "P"; static). */
struct pdf_held {
	PangoLayout	*layout;
	double		 above, after;
	const char	*tag;
};

/*
 * A document being drawn.  Owned by the caller until pdf_finish() frees
 * it.  out is borrowed; the surface, the cairo and Pango contexts, the
 * font descriptions, the held layouts, title and page word (g_malloc'd)
 * and the
 * kept list (released after the surface) are owned.
 */
struct pdf {
	struct buf		*out;
	size_t			 start;	/* where the PDF begins in out */
	char			 lang[16];	/* its language: "en", "cy" */
	const char		*tag;	/* the structure element open (static) */
	cairo_surface_t		*surface;
	cairo_t			*cr;
	PangoContext		*pango;
	PangoFontDescription	*font[F__MAX];
	char			*title;
	char			*page_word;	/* the footer's "Page" */
	struct pdf_held		 held[PDF_HELD_MAX];	/* kept for what follows */
	size_t			 nheld;
	double			 scale;	/* 1, or 1.6 for PDF_LARGE */
	double			 line;	/* height of a body text line */
	double			 y;	/* top of the free space */
	int			 page;	/* number of the page being drawn */
	int			 blank;	/* nothing drawn on this page yet */
	int			 failed;
	struct kept		*kept;
};

/* 1 while the document can still be drawn; latches the first error. */
int		 pdf_live(struct pdf *);
/* A layout of text (NULL is "") wrapped at width points. */
PangoLayout	*pdf_layout(struct pdf *, enum font, const char *text,
		    double width);
double		 pdf_height(PangoLayout *);
double		 pdf_width(PangoLayout *);
/* A new page unless h points fit below the cursor (pdf.c says when). */
void		 pdf_need(struct pdf *, double h);
/* Space between elements; none at the top of a page. */
void		 pdf_gap(struct pdf *, double pt);
/* A paragraph's lines that stay together where it breaks across pages:
 * at least two at the foot of a page and two at the top of the next. */
#define PDF_LINES_TOGETHER	2

/*
 * Text to flow: layout a at xa and b beside it at xb (b NULL for none),
 * measured once into the heights of the rows of lines they make side by
 * side, so that what a caller keeps with a heading (pdf_lines_keep) and
 * what pdf_lines_flow draws come from one measurement.  whole: a table
 * row or a labelled pair, kept on one page (moved whole to the next)
 * unless it is taller than a page by itself; otherwise, and for a
 * paragraph, lines break as pdf_flow says.  a and b are borrowed; rows
 * is owned until pdf_lines_release.
 */
struct pdf_lines {
	PangoLayout	*a, *b;
	double		 xa, xb;
	double		*rows;		/* each row's height */
	size_t		 n;
	double		 height;	/* all the rows */
	int		 whole;
};

/* Measures a (and b) into t.  Without memory t has no rows and the
 * document fails. */
void		 pdf_lines_init(struct pdf *, struct pdf_lines *t,
		    PangoLayout *a, double xa, PangoLayout *b, double xb,
		    int whole);
/* The height of the first rows of t that pdf_lines_flow keeps on one
 * page: all of a whole row, or of a paragraph of up to three lines,
 * else two.  What a caller asks pdf_begin to keep with a held heading. */
double		 pdf_lines_keep(const struct pdf_lines *t);
/* Draws t row by row, carried on to the next page at the bottom margin,
 * never leaving one line of it alone at the foot or the top of a page,
 * and never splitting a whole row that fits on a page. */
void		 pdf_lines_flow(struct pdf *, const struct pdf_lines *t);
void		 pdf_lines_release(struct pdf_lines *t);
/* pdf_lines_flow of a paragraph with nothing to keep before it. */
void		 pdf_flow(struct pdf *, PangoLayout *a, double xa,
		    PangoLayout *b, double xb);
/* Holds l (owned) to be drawn with the next element (pdf_begin), above
 * points of space before it and after below it, marked as tag (static:
 * "H1", "P"): a heading, a chart's title.  What is already held stays
 * held with it, so a question's heading keeps with its chart's title
 * and the chart's first row. */
void		 pdf_hold(struct pdf *, PangoLayout *l, double above,
		    double after, const char *tag);
/* The height of what is held, with the space between. */
double		 pdf_held_height(const struct pdf *);
/* Room for h points of an element, with the held headings above it. */
void		 pdf_begin(struct pdf *, double h);
/* A page's height for what flows: an element taller than this cannot
 * be kept on one page. */
#define PDF_FLOW_H	(BOTTOM - MARGIN)
/*
 * Marks what is drawn until pdf_tag_end as a structure element of the
 * tagged PDF (cairo's names: "H1", "P"), unless one is already open
 * (the text of a heading is the heading's, not a paragraph in it).  1
 * when it opened one, for pdf_tag_end.  A page break in between ends
 * the element and starts another of the same kind on the next page, so
 * the footer between stays out of the text a screen reader reads.
 */
int		 pdf_tag_begin(struct pdf *, const char *tag);
void		 pdf_tag_end(struct pdf *, int opened);

#endif
