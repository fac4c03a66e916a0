/*
 * Pictures from uploaded bytes (meeting papers that are images), ready
 * to draw with cairo: PNG through cairo's own reader, JPEG through
 * libjpeg.  The bytes are untrusted, so the size an image claims is
 * checked before anything is decoded: a small file cannot ask for
 * gigabytes.  A JPEG is decoded at a fraction of its size when that is
 * enough for a printed page, and carries its original bytes so a PDF
 * can embed them as they are (sharper and smaller than our pixels).
 */
#ifndef RT_IMAGE_H
#define RT_IMAGE_H

#include <stddef.h>

#include <cairo.h>

enum image_result {
	IMAGE_OK,
	IMAGE_TOO_LARGE,	/* more than IMAGE_PIXELS_MAX pixels */
	IMAGE_DAMAGED,		/* not a picture we can read */
	IMAGE_UNKNOWN		/* a kind other than PNG or JPEG */
};

/*
 * Decodes data (mime "image/png" or "image/jpeg") into *out, a new cairo
 * image surface the caller destroys; *out is NULL unless IMAGE_OK.  A
 * JPEG surface carries its own copy of data (as its MIME data, for PDF
 * output); data is only borrowed for the call.
 */
enum image_result	image_decode(const unsigned char *data, size_t len,
			    const char *mime, cairo_surface_t **out);

/* Draws image scaled to fit w by h points (keeping its shape), centred
 * across and at the top.  A pdf_draw_fn (render/pdf.h): 0. */
int	image_draw(cairo_t *, double w, double h, void *image);

#endif
