/*
 * Is an uploaded file what it says it is?  First its magic bytes and
 * name (util/filetype.h), then, for the kinds we can open, whether it
 * opens: a PDF through poppler (a document with pages, or one locked
 * with a password), a PNG or JPEG through render/image.h.  Random bytes
 * after "%PDF-" are refused here, not found later by the archive.
 *
 * Opening hostile bytes is done in a forked child with a time limit
 * (alarm and RLIMIT_CPU), memory and file limits and a seccomp filter
 * (no files, sockets or exec), so a file that makes poppler loop,
 * balloon or crash costs the child, not the server: anything but a
 * clean "yes" from the child is a refusal.  Word and
 * OpenDocument files are checked only by their bytes: we have nothing
 * that opens them.
 */
#ifndef RT_UPLOAD_CHECK_H
#define RT_UPLOAD_CHECK_H

#include <stddef.h>

#include "../util/filetype.h"

/* 1 and *out when the file is an accepted kind and opens as that kind
 * (or is a kind we cannot open), else 0.  data is borrowed. */
int	upload_check(const unsigned char *data, size_t len,
	    const char *filename, struct filetype *out);

#endif
