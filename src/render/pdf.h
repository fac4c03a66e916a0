/*
 * Printable A4 documents: log sheets with boxes to write in, directories
 * of services, notice-board posters, letters.  For people with no
 * internet, so everything is meant to be read and filled in on paper.
 *
 * A document is drawn top to bottom: each call adds one element below
 * the previous one.  Text is plain UTF-8 (never markup; invalid bytes
 * are replaced), set in DejaVu Sans through Pango so any script renders;
 * it wraps to the page width and flows onto new pages by itself.  Pages
 * are A4 portrait with 18 mm margins and a footer with the title and
 * "Page N".  NULL text is treated as "".
 *
 * Ownership: pdf_new() returns a struct pdf owned by the caller until
 * pdf_finish(), which frees it.  out is borrowed: it must live until
 * pdf_finish(), and receives the PDF bytes (through its ceiling).
 *
 * Errors are sticky: after the first failure (out of room in out, a
 * cairo error) every later call does nothing and pdf_finish() returns -1;
 * out then holds a partial document to be thrown away.  Every function
 * accepts a NULL struct pdf and does nothing.
 */
#ifndef RT_PDF_H
#define RT_PDF_H

#include <cairo.h>

#include "../util/buf.h"

struct pdf;

enum pdf_size {
	PDF_NORMAL,	/* 11 pt body text */
	PDF_LARGE	/* posters: every size 1.6 times larger */
};

/* NULL when out is NULL or cairo cannot start.  title goes into the
 * PDF metadata and the footer of every page. */
struct pdf	*pdf_new(struct buf *out, const char *title, enum pdf_size);

/* Level 1 or 2 (anything else is 2).  Drawn with the next element, so
 * it moves to a new page with it and never ends a page alone. */
void	 pdf_heading(struct pdf *, const char *text, int level);
/* Wrapped text; '\n' starts a new line. */
void	 pdf_paragraph(struct pdf *, const char *text);
/* "Label: value", the label in bold in a left column, the value in a
 * right column; both wrap.  The colon is added unless label is empty or
 * ends in a mark of its own (':', '.', '?', '!': "1." is a number, not
 * "1.:").  An empty value (NULL or "") draws nothing: a row with nothing
 * to say is left out, as a meeting without a chair has no "Chair:". */
void	 pdf_pair(struct pdf *, const char *label, const char *value);
/* A pair that belongs with what follows (a question's "Answered: 47"
 * above its chart), in one line, held as a heading is: it moves to the
 * next page with the heading before it and what comes next. */
void	 pdf_pair_with_next(struct pdf *, const char *label,
	    const char *value);
/* As pdf_paragraph and pdf_pair, the text made from fmt: never cut to a
 * buffer's size, however long what the user typed. */
void	 pdf_paragraphf(struct pdf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 pdf_pairf(struct pdf *, const char *label, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* label above an empty bordered box, height_mm high (clamped to one
 * page), for handwriting. */
void	 pdf_write_box(struct pdf *, const char *label, double height_mm);
/* label, then empty tick boxes each followed by its option, flowing
 * left to right in rows.  options ends with NULL; it may be NULL. */
void	 pdf_choices(struct pdf *, const char *label,
		    const char *const *options);
/* A thin horizontal line across the text width. */
void	 pdf_rule(struct pdf *);
/* Vertical space; space that reaches the bottom ends the page. */
void	 pdf_space(struct pdf *, double mm);
/* Keeps the next mm millimetres (grown with the print size) on one
 * page, starting a new one if they do not fit: a section whose parts
 * belong together, as a question's heading, its tick boxes and the box
 * to write in. */
void	 pdf_keep_next(struct pdf *, double mm);
/* What comes next starts a new page, unless nothing is on this one yet.
 * The page is ended only when something follows, so a break never makes
 * an empty page: not twice in a row, nor last in a document (a break
 * after each copy or unit leaves no blank page at the end). */
void	 pdf_page_break(struct pdf *);
/*
 * Draws on a picture, which fills the callback's cairo context: origin at
 * the top left of a box w by h points (clipped to it), below the caption.
 * Returns 0, or -1 when it could not draw all of it.
 */
typedef int	(*pdf_draw_fn)(cairo_t *, double w, double h, void *arg);

/*
 * A page of its own for a picture (a page of another document, an
 * image): starts a new page unless this one is blank, sets caption in
 * small type at the top, and has draw fill the rest above the footer.
 * draw gets a context of its own, so whatever it gets wrong (a cairo
 * error from a damaged paper) stays there and the document lives on.
 * The next element starts a new page.  Returns what draw returned, or
 * -1 when its context ended in error or the document had failed.
 */
int	 pdf_picture(struct pdf *, const char *caption, pdf_draw_fn draw,
		    void *arg);
/* One bar of a chart (pdf_bar_chart).  Strings are borrowed. */
struct pdf_bar {
	const char	*label;
	const char	*count;	/* what its count says: "12", "fewer than 5" */
	double		 share;	/* of the longest bar, 0 to 1; 0 draws none */
};
/*
 * A horizontal bar chart set in the document's own type, so its words
 * are never smaller than the body text (large print's too): the title
 * in bold, then a row for each of the n bars, its label wrapping in a
 * left column, the bar beside its first line and the count after it.
 * Nothing is cut: a long label wraps and its row grows, and a row is
 * kept on one page like a table's.  The chart moves whole to the next
 * page unless it is taller than a page, when its title stays with its
 * first row.  width_mm wide at most the text width.  bars NULL with n > 0
 * (no memory to make them) fails the document.
 */
void	 pdf_bar_chart(struct pdf *, const char *title,
		    const struct pdf_bar *bars, size_t n, double width_mm);
/*
 * Easy read's key point: a picture (draw fills a square box:
 * render/pictogram.c's pictogram_draw) at the left, and
 * beside it key in bold above text, both wrapping.  Either may be NULL.
 */
void	 pdf_pictured(struct pdf *, pdf_draw_fn draw, void *arg,
		    const char *key, const char *text);
/*
 * Hands obj to the document until pdf_finish(), which calls release(obj)
 * once the PDF is written: for things what was drawn still points into
 * (a poppler document whose fonts cairo renders when it writes them).
 * 0, or -1 when it cannot be kept (obj is then released at once, and the
 * document fails).
 */
int	 pdf_keep(struct pdf *, void *obj, void (*release)(void *));
/* The footer's word before each page's number ("Page", the default),
 * in the reader's language: render/print_words.c's print_pdf_new(). */
void	 pdf_page_word(struct pdf *, const char *word);
/* The language the document is written in, a language tag ("cy"; "en"
 * until said): its catalogue's /Lang, so a screen reader reads it in
 * that language's voice.  render/print_words.c's print_pdf_new() says
 * the reader's.  Anything but letters, digits and hyphens (at most 15)
 * is ignored. */
void	 pdf_language(struct pdf *, const char *tag);
/* The size of print the document was made in; PDF_NORMAL for NULL. */
enum pdf_size	 pdf_size_of(const struct pdf *);
/* The number of the page being drawn (1 first); 0 for NULL.  With
 * nothing held back, what has been drawn fits on that many pages: a
 * one-sheet document (a poster) drawn as a trial tells whether it fits. */
int	 pdf_page_number(const struct pdf *);
/* Ends the last page, writes the rest of the PDF into out and frees the
 * struct.  0, or -1 if any step failed (also for NULL). */
int	 pdf_finish(struct pdf *);

/* Frees the calling thread's Pango font map, cairo's caches and
 * fontconfig's, so leak checkers see only real leaks.  Call once at
 * exit, when no struct pdf is alive; if one still is (or Pango keeps
 * the font map busy for over a second), nothing is freed. */
void	 pdf_shutdown(void);

#endif
