/*
 * What cairo leaves out of a PDF's catalogue, added after it has
 * finished: the document's language, and that it is tagged.
 */
#ifndef RT_PDF_CATALOG_H
#define RT_PDF_CATALOG_H

#include <stddef.h>

#include "../util/buf.h"

/*
 * Appends to the PDF that cairo wrote into out from byte start an
 * incremental update: its catalogue again with /Lang (lang) and, when
 * it has a /StructTreeRoot, /MarkInfo << /Marked true >>.  lang is a
 * language tag ("cy", "en").  0; -1 when the PDF's trailer or
 * catalogue cannot be read (or already has a /Lang) or lang is not a
 * tag, out unchanged; -2 when out is full or memory runs out, out
 * perhaps holding part of an update.
 */
int	 pdf_catalog_update(struct buf *out, size_t start, const char *lang);

#endif
