/*
 * The reader's text size (their account's choice) applied to printed
 * documents: every PDF made for a signed-in reader goes through here, so
 * one who chose large text gets large print in all of them.
 */
#ifndef RT_TEXT_SIZE_H
#define RT_TEXT_SIZE_H

#include "request.h"
#include "../render/pdf.h"

/* PDF_LARGE for a reader who chose large text, else the document's own
 * size (a poster is large for everyone). */
enum pdf_size	pdf_size_for(const struct request *, enum pdf_size document);

#endif
