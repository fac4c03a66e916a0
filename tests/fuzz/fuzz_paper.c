/*
 * Drawing an uploaded paper into the archive: any bytes, taken for what
 * the upload check says they are (a PDF, a PNG, a JPEG, a Word or ODT
 * file), drawn with a small page budget.  Whatever the paper, the
 * archive itself must come out: pdf_finish() must succeed, and the
 * budget must never go below zero.
 */
#include <stdint.h>
#include <stdlib.h>

#include "limits.h"
#include "render/pdf.h"
#include "render/pdf_embed.h"
#include "render/print_words.h"
#include "util/buf.h"
#include "util/filetype.h"

#define FUZZ_PDF_MAX	(64 * 1024 * 1024)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *names[] = { "a.pdf", "b.png", "c.jpg", "d.docx",
	    "e.odt" };
	struct embed_budget	 budget = { 3, ARCHIVE_PAPER_BYTES_MAX, 0 };
	struct embed_paper	 paper = { data, size, NULL, "Fuzzed paper",
				    "2026-01-01", "/papers/1" };
	struct filetype		 type;
	struct buf		 out;
	struct pdf		*pdf;
	struct print_words	 words;
	size_t			 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (filetype_detect(data, size, names[i], &type))
			break;
	if (i == sizeof(names) / sizeof(names[0]))
		return 0;	/* refused at upload: never drawn */
	paper.mime = type.mime;
	buf_init(&out, FUZZ_PDF_MAX);
	if ((pdf = pdf_new(&out, "Archive", PDF_NORMAL)) == NULL)
		abort();
	pdf_paragraph(pdf, "Minutes come first.");
	print_words_init(&words, NULL, 0);
	pdf_embed_paper(pdf, &words, &paper, &budget);
	if (budget.pages < 0 || budget.pages > 3)
		abort();
	if (pdf_finish(pdf) != 0)
		abort();
	print_words_free(&words);
	buf_release(&out);
	return 0;
}
