/*
 * What an uploaded file really is, from its first bytes, checked against
 * the extension of its name: a PDF named .pdf, an image named .png, a
 * Word or OpenDocument text named .docx or .odt.  Anything else, or a
 * file whose bytes and name disagree (an HTML page named .pdf), is
 * refused.
 */
#ifndef RT_FILETYPE_H
#define RT_FILETYPE_H

#include <stddef.h>

struct filetype {
	const char	*mime;		/* "application/pdf" */
	const char	*ext;		/* "pdf", without the dot */
};

/* 1 and *out when the file is one of the accepted kinds, else 0. */
int	filetype_detect(const unsigned char *data, size_t len,
	    const char *filename, struct filetype *out);

#endif
