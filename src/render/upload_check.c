#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <poppler.h>

#include "image.h"
#include "upload_check.h"
#include "../limits.h"

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

static void
limit(int resource, rlim_t n)
{
	struct rlimit	 r = { n, n };

	setrlimit(resource, &r);
}

/* In the child: bounded, then open; never returns. */
static void
child_open(const unsigned char *data, size_t len, const char *mime)
{
	int	 ok;

	alarm(UPLOAD_CHECK_SECONDS);
	limit(RLIMIT_CPU, UPLOAD_CHECK_SECONDS);
	limit(RLIMIT_FSIZE, 0);
	limit(RLIMIT_CORE, 0);
#ifndef __SANITIZE_ADDRESS__
	/* The sanitizer build reserves terabytes of address space. */
	limit(RLIMIT_AS, UPLOAD_CHECK_MEMORY);
#endif
	if (strcmp(mime, "application/pdf") == 0)
		ok = pdf_opens(data, len);
	else
		ok = image_opens(data, len, mime);
	_exit(ok ? 0 : 1);
}

/* 1 when the child opened the file and said so. */
static int
opens_in_child(const unsigned char *data, size_t len, const char *mime)
{
	pid_t	 pid;
	int	 status;

	if ((pid = fork()) == -1)
		return 0;
	if (pid == 0)
		child_open(data, len, mime);
	/* The child's alarm bounds this wait. */
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
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
