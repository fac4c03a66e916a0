/*
 * Papers into the archive.  A PDF paper's pages are drawn through
 * poppler's printing path, which keeps its JPEG pictures and text as they
 * are, so the archive stays searchable and small.  Each page is drawn
 * through pdf_picture(), on a cairo context of its own: a cairo error from
 * a damaged page stays on that page.  The poppler document is handed to
 * the pdf (pdf_keep): poppler draws Type 3 fonts through cairo user-font
 * callbacks, and cairo can call them again when it writes the fonts at
 * pdf_finish(), long after the paper's pages.
 *
 * Limits: poppler has no way to stop a page that takes long to draw, so
 * what bounds the work is the page budget and the byte budget; see
 * docs/ARCHITECTURE.md.
 */
#include <string.h>

#include <glib.h>
#include <jansson.h>
#include <poppler.h>

#include "image.h"
#include "pdf.h"
#include "pdf_embed.h"
#include "print_words.h"
#include "../limits.h"
#include "../util/catalogue.h"

#define LOCKED		N_("It could not be drawn: it is locked with a " \
			"password.")
#define DAMAGED_PDF	N_("It could not be drawn: the file is damaged, or " \
			"is not a PDF that can be read.")
#define DAMAGED_IMAGE	N_("It could not be drawn: the picture is damaged, " \
			"or is not one that can be read.")
#define NO_PAGES	N_("It could not be drawn: it has no pages.")
#define FULL		N_("It is not drawn here: this archive has reached " \
			"its limit for papers (pages, size or time). Ask for " \
			"a shorter period to print it.")

/* The numbers a message about a paper may name: {page} of {pages},
 * the first {drawn}, {failed} of them, {million} pixels. */
struct paper_numbers {
	int	 page, pages, drawn, failed, million;
};

/* msgid in the reader's words, with the paper's {title},
 * {circulated_on} (a date: {circulated_on | date}), {download} and the
 * numbers (may be NULL).  Owned by w. */
static const char *
paper_say(struct print_words *w, const struct embed_paper *p,
    const char *msgid, const struct paper_numbers *n)
{
	static const struct paper_numbers none;
	json_t		*ctx;
	const char	*said;

	if (n == NULL)
		n = &none;
	ctx = json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:i, s:i}", "title",
	    p->title, "circulated_on", p->circulated_on, "download",
	    p->download, "page", n->page, "pages", n->pages, "drawn",
	    n->drawn, "failed", n->failed, "million", n->million);
	said = print_say(w, msgid, ctx);
	json_decref(ctx);
	return said;
}

/* "Paper: title", then when it was circulated, why it is not drawn (or
 * not all of it), and where the original is. */
void
pdf_embed_named(struct pdf *pdf, struct print_words *w,
    const struct embed_paper *p, const char *why)
{
	json_t	*ctx;

	pdf_heading(pdf, paper_say(w, p, N_("Paper: {title}"), NULL), 2);
	ctx = json_pack("{s:s, s:s, s:s}", "circulated_on", p->circulated_on,
	    "why", why, "download", p->download);
	pdf_paragraph(pdf, print_say(w, N_("Circulated {circulated_on | date}. "
	    "{why} Members of the group can download the original from "
	    "Roundtable at {download}."), ctx));
	json_decref(ctx);
}

/*
 * A paper's own pages are pictures of someone's document: they cannot
 * be set again in large print.  So a large-print reader is told, in
 * large print and their language, before the pages come, what they are
 * and whom to ask for another format (docs/ARCHITECTURE.md, "Printed
 * documents").
 */
static void
not_large_notice(struct pdf *pdf, struct print_words *w,
    const struct embed_paper *p)
{
	if (pdf_size_of(pdf) != PDF_LARGE)
		return;
	pdf_heading(pdf, paper_say(w, p, N_("Paper: {title}"), NULL), 2);
	pdf_paragraph(pdf, print_say(w, N_("The pages that follow are a copy "
	    "of the original paper, as it was circulated. They are not in "
	    "large print. To have this paper in large print or another "
	    "format, ask the group's chair or a member of staff."), NULL));
}

/* pdf_embed_named with why a message (msgid) about p. */
static void
named_for(struct pdf *pdf, struct print_words *w, const struct embed_paper *p,
    const char *msgid, const struct paper_numbers *n)
{
	pdf_embed_named(pdf, w, p, paper_say(w, p, msgid, n));
}

void
embed_budget_init(struct embed_budget *b, int pages, size_t bytes,
    int seconds)
{
	b->pages = pages;
	b->bytes = bytes;
	b->until = seconds > 0 ? g_get_monotonic_time() +
	    (int64_t)seconds * G_USEC_PER_SEC : 0;
}

static int
out_of_time(const struct embed_budget *b)
{
	return b->until != 0 && g_get_monotonic_time() >= b->until;
}

/* Whether the document may still take a paper of len bytes. */
static int
fits(const struct embed_budget *b, size_t len)
{
	return b->pages > 0 && len <= b->bytes && !out_of_time(b);
}

/* Fits the page into w by h, centred across, on white with a thin
 * border so the paper's own edge shows.  A pdf_draw_fn. */
static int
page_draw(cairo_t *cr, double w, double h, void *arg)
{
	PopplerPage	*page = arg;
	double		 pw, ph, s;

	poppler_page_get_size(page, &pw, &ph);
	if (!(pw > 0 && ph > 0))
		return -1;
	s = w / pw < h / ph ? w / pw : h / ph;
	cairo_translate(cr, (w - pw * s) / 2, 0);
	cairo_scale(cr, s, s);
	cairo_rectangle(cr, 0, 0, pw, ph);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_fill(cr);
	cairo_save(cr);
	poppler_page_render_for_printing(page, cr);
	cairo_restore(cr);
	cairo_rectangle(cr, 0, 0, pw, ph);
	cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(cr, 0.5 / s);
	cairo_stroke(cr);
	return 0;
}

/* Page i (from 0) of n; the last page drawn of a paper cut short says
 * so, and where the rest is. */
static const char *
caption(struct print_words *w, const struct embed_paper *p, int i, int n,
    int drawn)
{
	struct paper_numbers	 num = { i + 1, n, drawn, 0, 0 };

	if (i + 1 == drawn && drawn < n)
		return paper_say(w, p, N_("Paper: {title}, circulated "
		    "{circulated_on | date} \xe2\x80\x94 page {page} of "
		    "{pages}. The archive holds its pages up to page {drawn}; "
		    "the whole paper is at {download}."), &num);
	return paper_say(w, p, N_("Paper: {title}, circulated "
	    "{circulated_on | date} \xe2\x80\x94 page {page} of {pages}"),
	    &num);
}

static void
document_release(void *doc)
{
	g_object_unref(doc);
}

/* The document, or NULL and a note saying why not. */
static PopplerDocument *
document_open(struct pdf *pdf, struct print_words *w,
    const struct embed_paper *p)
{
	PopplerDocument	*doc;
	GBytes		*bytes;
	GError		*err = NULL;

	bytes = g_bytes_new(p->data, p->len);	/* the document keeps it */
	doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	g_bytes_unref(bytes);
	if (doc == NULL) {
		named_for(pdf, w, p, g_error_matches(err, POPPLER_ERROR,
		    POPPLER_ERROR_ENCRYPTED) ? LOCKED : DAMAGED_PDF, NULL);
		g_clear_error(&err);
		return NULL;
	}
	if (pdf_keep(pdf, doc, document_release) == -1) {
		named_for(pdf, w, p, DAMAGED_PDF, NULL);
		return NULL;
	}
	return doc;
}

static enum embed_result
embed_pdf(struct pdf *pdf, struct print_words *w, const struct embed_paper *p,
    struct embed_budget *b)
{
	struct paper_numbers	 num = { 0, 0, 0, 0, 0 };
	PopplerDocument		*doc;
	PopplerPage		*page;
	int			 i, late = 0;

	if ((doc = document_open(pdf, w, p)) == NULL)
		return EMBED_FAILED;
	b->bytes -= p->len;
	if ((num.pages = poppler_document_get_n_pages(doc)) <= 0) {
		named_for(pdf, w, p, NO_PAGES, NULL);
		return EMBED_FAILED;
	}
	num.drawn = MIN(num.pages, MIN(ARCHIVE_PAPER_PAGES_MAX, b->pages));
	if (num.drawn > 0)
		not_large_notice(pdf, w, p);
	for (i = 0; i < num.drawn; i++) {
		if (i > 0 && out_of_time(b)) {
			num.drawn = i;
			late = 1;
			break;
		}
		page = poppler_document_get_page(doc, i);
		if (page == NULL || pdf_picture(pdf, caption(w, p, i,
		    num.pages, num.drawn), page_draw, page) != 0)
			num.failed++;
		if (page != NULL)
			g_object_unref(page);
	}
	b->pages -= num.drawn;
	if (late)
		named_for(pdf, w, p, N_("The archive ran out of time for "
		    "papers: it holds this one's pages up to page {drawn} of "
		    "{pages}."),
		    &num);
	if (num.failed > 0) {
		named_for(pdf, w, p, N_("Pages that could not be drawn "
		    "completely: {failed} (of {pages})."), &num);
		return EMBED_FAILED;
	}
	return num.drawn < num.pages ? EMBED_CUT : EMBED_DRAWN;
}

static enum embed_result
embed_image(struct pdf *pdf, struct print_words *w,
    const struct embed_paper *p, struct embed_budget *b)
{
	struct paper_numbers	 num = { 0, 0, 0, 0,
				    IMAGE_PIXELS_MAX / 1000000 };
	cairo_surface_t		*image;
	enum image_result	 r;
	int			 rc;

	r = image_decode(p->data, p->len, p->mime, &image);
	if (r != IMAGE_OK) {
		named_for(pdf, w, p, r == IMAGE_TOO_LARGE ? N_("It could not "
		    "be drawn: the picture is larger than {million} million "
		    "pixels.") : DAMAGED_IMAGE, &num);
		return EMBED_FAILED;
	}
	not_large_notice(pdf, w, p);
	rc = pdf_picture(pdf, paper_say(w, p, N_("Paper: {title}, circulated "
	    "{circulated_on | date}"), NULL), image_draw, image);
	cairo_surface_destroy(image);
	b->pages--;
	b->bytes -= p->len;
	if (rc != 0) {
		named_for(pdf, w, p, DAMAGED_IMAGE, NULL);
		return EMBED_FAILED;
	}
	return EMBED_DRAWN;
}

/* Word and OpenDocument papers: named, never drawn. */
static enum embed_result
embed_note(struct pdf *pdf, struct print_words *w,
    const struct embed_paper *p)
{
	const char	*why;

	if (strcmp(p->mime, "application/vnd.oasis.opendocument.text") == 0)
		why = N_("It is an OpenDocument text, which cannot be drawn "
		    "here without an office suite: print the original and "
		    "file it with this archive.");
	else if (strstr(p->mime, "wordprocessingml") != NULL)
		why = N_("It is a Word document, which cannot be drawn here "
		    "without an office suite: print the original and file it "
		    "with this archive.");
	else
		why = N_("It is a kind of file that cannot be drawn here: "
		    "print the original and file it with this archive.");
	named_for(pdf, w, p, why, NULL);
	return EMBED_NOTED;
}

enum embed_result
pdf_embed_paper(struct pdf *pdf, struct print_words *w,
    const struct embed_paper *p, struct embed_budget *b)
{
	int	 is_pdf = strcmp(p->mime, "application/pdf") == 0;

	if (!is_pdf && strncmp(p->mime, "image/", 6) != 0)
		return embed_note(pdf, w, p);
	if (!fits(b, p->len)) {
		named_for(pdf, w, p, FULL, NULL);
		return EMBED_CUT;
	}
	return is_pdf ? embed_pdf(pdf, w, p, b) : embed_image(pdf, w, p, b);
}
