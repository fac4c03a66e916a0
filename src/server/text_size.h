/*
 * The reader's text size (their account's choice) applied to printed
 * documents: every PDF made for a signed-in reader goes through here, so
 * one who chose large text, or an address with ?large=1, gets large
 * print in all of them.
 */
#ifndef RT_TEXT_SIZE_H
#define RT_TEXT_SIZE_H

#include "request.h"
#include "../render/pdf.h"

/* PDF_LARGE when the reader chose large text or easy read, or the
 * address asks (?large=1); else the document's own size (a poster is
 * large for everyone).  Every PDF route sizes its document here, so
 * ?large=1 works on each. */
enum pdf_size	pdf_size_for(const struct request *, enum pdf_size document);

#endif
