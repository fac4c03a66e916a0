/*
 * Meeting papers drawn into a PDF (render/pdf.h), for a group's archive:
 * every page of a PDF paper (through poppler), an image paper on a page
 * of its own, and for kinds that cannot be drawn without an office suite
 * (Word, OpenDocument) a note naming the paper and where the original
 * is.  Each drawn page is captioned with the paper's title, date and
 * page number, and every note is worded, in the reader's language
 * (render/print_words.h: w keeps the words until the document is
 * finished).
 *
 * Papers are untrusted uploads.  A damaged, password-locked or oversized
 * one gets a note that it "could not be drawn" instead of pages, never a
 * failed document; no paper draws more than ARCHIVE_PAPER_PAGES_MAX
 * pages, and the document as a whole no more than its budget of pages,
 * bytes and time (a paper cut short says so).  Time is checked between
 * pages: poppler cannot stop a page it is drawing.
 */
#ifndef RT_PDF_EMBED_H
#define RT_PDF_EMBED_H

#include <stddef.h>
#include <stdint.h>

struct pdf;
struct print_words;

/* One paper to draw.  Everything is borrowed for the call. */
struct embed_paper {
	const unsigned char	*data;
	size_t			 len;
	const char		*mime;		/* as filetype_detect() says */
	const char		*title;
	const char		*circulated_on;	/* YYYY-MM-DD */
	const char		*download;	/* where the original is: "/papers/7" */
};

/* What a document may still take; pdf_embed_paper() spends from it. */
struct embed_budget {
	int	 pages;		/* pages of papers */
	size_t	 bytes;		/* bytes of papers, kept until pdf_finish() */
	int64_t	 until;		/* monotonic µs (g_get_monotonic_time); 0: none */
};

/* pages and bytes, and seconds from now to draw them in (0: no limit). */
void	embed_budget_init(struct embed_budget *, int pages, size_t bytes,
	    int seconds);

enum embed_result {
	EMBED_DRAWN,	/* every page */
	EMBED_CUT,	/* only the first pages, or none: a limit was reached */
	EMBED_NOTED,	/* a kind that cannot be drawn: a note instead */
	EMBED_FAILED	/* damaged, locked or too large: a note instead */
};

enum embed_result	pdf_embed_paper(struct pdf *, struct print_words *,
			    const struct embed_paper *, struct embed_budget *);
/* The paper named, not drawn: its title, when it was circulated, why
 * (a sentence, already in the reader's words) and where the original
 * is.  p->data is not read. */
void	pdf_embed_named(struct pdf *, struct print_words *,
	    const struct embed_paper *, const char *why);

#endif
