/*
 * Meeting papers made for tests, by the same libraries that read them:
 * a PDF from our own renderer (so its text is known) and a PNG from
 * cairo.  Each fills out, which it initialises with ceiling max; the
 * caller releases it.  Shared by the unit and the HTTP tests.
 */
#ifndef RT_TEST_PAPERS_H
#define RT_TEST_PAPERS_H

#include <cairo.h>

#include "render/pdf.h"
#include "util/buf.h"

/* n pages, each saying text. */
static inline void
paper_pdf(struct buf *out, size_t max, const char *text, int n)
{
	struct pdf	*p;
	int		 i;

	buf_init(out, max);
	assert_non_null(p = pdf_new(out, "A paper", PDF_NORMAL));
	for (i = 0; i < n; i++) {
		pdf_page_break(p);
		pdf_paragraph(p, text);
	}
	assert_int_equal(pdf_finish(p), 0);
}

static inline cairo_status_t
paper_png_out(void *closure, const unsigned char *data, unsigned int len)
{
	return buf_add(closure, data, len) == 0 ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

/* A w by h picture, one colour. */
static inline void
paper_png(struct buf *out, size_t max, int w, int h)
{
	cairo_surface_t	*s;
	cairo_t		*cr;

	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.2, 0.5, 0.3);
	cairo_paint(cr);
	cairo_destroy(cr);
	buf_init(out, max);
	assert_int_equal(cairo_surface_write_to_png_stream(s, paper_png_out,
	    out), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

#endif
