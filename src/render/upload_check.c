#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <poppler.h>

#include "image.h"
#include "upload_check.h"
#include "../limits.h"
#include "../util/confined_child.h"

static int
pdf_opens(const unsigned char *data, size_t len)
{
	PopplerDocument	*doc;
	GBytes		*bytes;
	GError		*err = NULL;
	int		 ok;

	bytes = g_bytes_new_static(data, len);
	doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	g_bytes_unref(bytes);
	if (doc == NULL) {
		/* A locked PDF is still a PDF; the archive says it is locked. */
		ok = g_error_matches(err, POPPLER_ERROR,
		    POPPLER_ERROR_ENCRYPTED);
		g_clear_error(&err);
		return ok;
	}
	ok = poppler_document_get_n_pages(doc) > 0;
	g_object_unref(doc);
	return ok;
}

static int
image_opens(const unsigned char *data, size_t len, const char *mime)
{
	cairo_surface_t	*image = NULL;

	if (image_decode(data, len, mime, &image) != IMAGE_OK)
		return 0;
	cairo_surface_destroy(image);
	return 1;
}

struct opening {
	const unsigned char	*data;
	size_t			 len;
	const char		*mime;
};

/* In the confined child: whether the file opens (exit status 0). */
static int
opens(void *arg, int fd)
{
	const struct opening	*o = arg;

	(void)fd;
	if (strcmp(o->mime, "application/pdf") == 0)
		return pdf_opens(o->data, o->len) ? 0 : -1;
	return image_opens(o->data, o->len, o->mime) ? 0 : -1;
}

/*
 * 1 when the child opened the file and said so.  The child may ask the
 * kernel only for sandbox_base_calls (memory, time, writing a warning,
 * exiting); anything else (files, sockets, exec, signals) fails with
 * EPERM rather than killing it, so a library that merely probes
 * something optional still answers: the file opens or it does not.
 */
static int
opens_in_child(const unsigned char *data, size_t len, const char *mime)
{
	struct opening		 o = { data, len, mime };
	struct child_spec	 spec = { opens, &o, UPLOAD_CHECK_SECONDS,
				    UPLOAD_CHECK_MEMORY, NULL, 0, 0 };

	return confined_child_run(&spec, NULL) == CHILD_OK;
}

int
upload_check(const unsigned char *data, size_t len, const char *filename,
    struct filetype *out)
{
	if (!filetype_detect(data, len, filename, out))
		return 0;
	if (strcmp(out->mime, "application/pdf") != 0 &&
	    strncmp(out->mime, "image/", 6) != 0)
		return 1;
	return opens_in_child(data, len, out->mime);
}
