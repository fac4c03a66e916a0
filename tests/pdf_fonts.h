/*
 * The sizes of type in a PDF, as poppler's pdftohtml reads them: shared
 * by the unit tests (unit_pdf_tool) and the HTTP tests (a reply's body),
 * which each run PDF_FONTS_CMD on a file holding the PDF.
 */
#ifndef RT_TEST_PDF_FONTS_H
#define RT_TEST_PDF_FONTS_H

#include <stdlib.h>
#include <string.h>

/* One %s: the PDF's file. */
#define PDF_FONTS_CMD	"pdftohtml -xml -stdout -i -zoom 1 '%s' 2>/dev/null"

/* The smallest font size (points) in xml, PDF_FONTS_CMD's output, or
 * -1 when it names none. */
static inline long
pdf_fonts_smallest(const char *xml)
{
	const char	*p;
	long		 n, least = -1;

	for (p = xml; (p = strstr(p, "<fontspec ")) != NULL; p++) {
		if ((p = strstr(p, " size=\"")) == NULL)
			break;
		n = strtol(p + 7, NULL, 10);
		if (least == -1 || n < least)
			least = n;
	}
	return least;
}

#endif
