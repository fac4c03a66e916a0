/*
 * PNG and JPEG papers as cairo surfaces.  Sizes are read from the
 * headers first: cairo would otherwise allocate whatever a PNG claims,
 * and libjpeg is held to IMAGE_DECODE_MEMORY_MAX on top of that.
 * libjpeg reports errors by calling error_exit, which must not return,
 * so the decoder longjmps back to one place that cleans up; everything
 * it must clean up lives in a struct reached through a pointer, never in
 * a local a longjmp could leave stale.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "image.h"
#include "../limits.h"

#define PNG_SIGNATURE	"\211PNG\r\n\032\n"
#define PNG_HEADER_LEN	24	/* signature, IHDR length and type, w, h */

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static int
pixels_ok(uint64_t w, uint64_t h)
{
	return w > 0 && h > 0 && w * h <= IMAGE_PIXELS_MAX;
}

/* Feeds cairo's PNG reader from memory. */
struct png_source {
	const unsigned char	*data;		/* borrowed */
	size_t			 len, at;
};

static cairo_status_t
png_read(void *closure, unsigned char *out, unsigned int n)
{
	struct png_source	*src = closure;

	if (n > src->len - src->at)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(out, src->data + src->at, n);
	src->at += n;
	return CAIRO_STATUS_SUCCESS;
}

static enum image_result
png_decode(const unsigned char *data, size_t len, cairo_surface_t **out)
{
	struct png_source	 src = { data, len, 0 };
	cairo_surface_t		*s;

	if (len < PNG_HEADER_LEN || memcmp(data, PNG_SIGNATURE, 8) != 0 ||
	    memcmp(data + 12, "IHDR", 4) != 0)
		return IMAGE_DAMAGED;
	if (!pixels_ok(be32(data + 16), be32(data + 20)))
		return be32(data + 16) && be32(data + 20) ? IMAGE_TOO_LARGE :
		    IMAGE_DAMAGED;
	s = cairo_image_surface_create_from_png_stream(png_read, &src);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return IMAGE_DAMAGED;
	}
	*out = s;
	return IMAGE_OK;
}

/*
 * One JPEG being decoded.  Owned by jpeg_decode's frame; the surface is
 * handed to the caller on success and destroyed otherwise.
 */
struct jpeg_job {
	struct jpeg_decompress_struct	 cinfo;
	struct jpeg_error_mgr		 err;
	jmp_buf				 jump;
	cairo_surface_t			*surface;
	enum image_result		 result;	/* when it fails */
};

static void
jpeg_fail(j_common_ptr cinfo)
{
	struct jpeg_job	*job = (struct jpeg_job *)(void *)cinfo;

	longjmp(job->jump, 1);
}

/* Warnings about damaged data: the picture may still be usable, and the
 * log should not carry libjpeg's chatter for every request. */
static void
jpeg_quiet(j_common_ptr cinfo)
{
	(void)cinfo;
}

/* The smallest libjpeg scale (1/1, 1/2, 1/4, 1/8) that brings the picture
 * within IMAGE_DRAW_PIXELS: plenty for a printed page. */
static unsigned int
jpeg_denominator(uint64_t w, uint64_t h)
{
	unsigned int	 d;

	for (d = 1; d < 8; d *= 2)
		if (((w + d - 1) / d) * ((h + d - 1) / d) <= IMAGE_DRAW_PIXELS)
			break;
	return d;
}

/* RGB bytes from libjpeg into one row of a CAIRO_FORMAT_RGB24 surface. */
static void
jpeg_row(const JSAMPLE *rgb, uint32_t *row, JDIMENSION width)
{
	JDIMENSION	 x;

	for (x = 0; x < width; x++, rgb += 3)
		row[x] = (uint32_t)rgb[0] << 16 | (uint32_t)rgb[1] << 8 | rgb[2];
}

static void
jpeg_run(struct jpeg_job *job, const unsigned char *data, size_t len)
{
	struct jpeg_decompress_struct	*ci = &job->cinfo;
	JSAMPARRAY			 line;
	unsigned char			*pixels;
	int				 stride;

	jpeg_mem_src(ci, data, (unsigned long)len);
	if (jpeg_read_header(ci, TRUE) != JPEG_HEADER_OK)
		return;
	if (!pixels_ok(ci->image_width, ci->image_height)) {
		job->result = IMAGE_TOO_LARGE;
		return;
	}
	ci->out_color_space = JCS_RGB;
	ci->scale_num = 1;
	ci->scale_denom = jpeg_denominator(ci->image_width, ci->image_height);
	jpeg_start_decompress(ci);
	job->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)ci->output_width, (int)ci->output_height);
	if (cairo_surface_status(job->surface) != CAIRO_STATUS_SUCCESS)
		return;
	cairo_surface_flush(job->surface);
	pixels = cairo_image_surface_get_data(job->surface);
	stride = cairo_image_surface_get_stride(job->surface);
	line = (*ci->mem->alloc_sarray)((j_common_ptr)ci, JPOOL_IMAGE,
	    ci->output_width * 3, 1);
	while (ci->output_scanline < ci->output_height) {
		JDIMENSION	 y = ci->output_scanline;

		if (jpeg_read_scanlines(ci, line, 1) != 1)
			return;
		jpeg_row(line[0], (uint32_t *)(void *)(pixels +
		    (size_t)y * (size_t)stride), ci->output_width);
	}
	jpeg_finish_decompress(ci);
	cairo_surface_mark_dirty(job->surface);
	job->result = IMAGE_OK;
}

/* job is on the heap: what jpeg_run changes must survive the longjmp,
 * which C promises for no automatic object of this frame. */
static enum image_result
jpeg_decode(const unsigned char *data, size_t len, cairo_surface_t **out)
{
	struct jpeg_job		*job;
	cairo_surface_t		*s;
	unsigned char		*copy = NULL;
	enum image_result	 rc;

	if ((job = calloc(1, sizeof(*job))) == NULL)
		return IMAGE_DAMAGED;
	job->result = IMAGE_DAMAGED;
	job->cinfo.err = jpeg_std_error(&job->err);
	job->err.error_exit = jpeg_fail;
	job->err.output_message = jpeg_quiet;
	jpeg_create_decompress(&job->cinfo);
	job->cinfo.mem->max_memory_to_use = IMAGE_DECODE_MEMORY_MAX;
	if (setjmp(job->jump) == 0)
		jpeg_run(job, data, len);
	else
		job->result = IMAGE_DAMAGED;
	jpeg_destroy_decompress(&job->cinfo);
	s = job->surface;
	rc = job->result;
	free(job);
	/* The PDF can carry the JPEG itself (cairo checks it can).  A copy:
	 * a PDF surface keeps the picture until its page is written. */
	if (rc == IMAGE_OK && ((copy = malloc(len)) == NULL ||
	    cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG,
	    memcpy(copy, data, len), len, free, copy) != CAIRO_STATUS_SUCCESS)) {
		free(copy);
		rc = IMAGE_DAMAGED;
	}
	if (rc != IMAGE_OK) {
		if (s != NULL)
			cairo_surface_destroy(s);
		return rc;
	}
	*out = s;
	return IMAGE_OK;
}

enum image_result
image_decode(const unsigned char *data, size_t len, const char *mime,
    cairo_surface_t **out)
{
	*out = NULL;
	if (data == NULL || mime == NULL)
		return IMAGE_UNKNOWN;
	if (strcmp(mime, "image/png") == 0)
		return png_decode(data, len, out);
	if (strcmp(mime, "image/jpeg") == 0)
		return jpeg_decode(data, len, out);
	return IMAGE_UNKNOWN;
}

int
image_draw(cairo_t *cr, double w, double h, void *arg)
{
	cairo_surface_t	*image = arg;
	double		 iw, ih, s;

	iw = cairo_image_surface_get_width(image);
	ih = cairo_image_surface_get_height(image);
	if (!(iw > 0 && ih > 0))
		return -1;
	s = w / iw < h / ih ? w / iw : h / ih;
	cairo_translate(cr, (w - iw * s) / 2, 0);
	cairo_scale(cr, s, s);
	cairo_set_source_surface(cr, image, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	return 0;
}
