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
#include <poppler.h>

#include "image.h"
#include "pdf.h"
#include "pdf_embed.h"
#include "../limits.h"

#define LOCKED		"It could not be drawn: it is locked with a password."
#define DAMAGED_PDF	"It could not be drawn: the file is damaged, or is " \
			"not a PDF that can be read."
#define DAMAGED_IMAGE	"It could not be drawn: the picture is damaged, or " \
			"is not one that can be read."
#define NO_PAGES	"It could not be drawn: it has no pages."
#define FULL		"It is not drawn here: this archive has reached its " \
			"limit for papers (pages, size or time). Ask for a " \
			"shorter period to print it."

/* "Paper: title", then when it was circulated, why it is not drawn (or
 * not all of it), and where the original is. */
void
pdf_embed_named(struct pdf *pdf, const struct embed_paper *p, const char *why)
{
	char	*heading, *text;

	heading = g_strdup_printf("Paper: %s", p->title);
	text = g_strdup_printf("Circulated %s. %s Members of the group can "
	    "download the original from Roundtable at %s.", p->circulated_on,
	    why, p->download);
	pdf_heading(pdf, heading, 2);
	pdf_paragraph(pdf, text);
	g_free(heading);
	g_free(text);
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
static char *
caption(const struct embed_paper *p, int i, int n, int drawn)
{
	if (i + 1 == drawn && drawn < n)
		return g_strdup_printf("Paper: %s, circulated %s \xe2\x80\x94 "
		    "page %d of %d. The archive holds only its first %d pages; "
		    "the whole paper is at %s.", p->title, p->circulated_on,
		    i + 1, n, drawn, p->download);
	return g_strdup_printf("Paper: %s, circulated %s \xe2\x80\x94 page %d "
	    "of %d", p->title, p->circulated_on, i + 1, n);
}

static void
document_release(void *doc)
{
	g_object_unref(doc);
}

/* The document, or NULL and a note saying why not. */
static PopplerDocument *
document_open(struct pdf *pdf, const struct embed_paper *p)
{
	PopplerDocument	*doc;
	GBytes		*bytes;
	GError		*err = NULL;

	bytes = g_bytes_new(p->data, p->len);	/* the document keeps it */
	doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	g_bytes_unref(bytes);
	if (doc == NULL) {
		pdf_embed_named(pdf, p, g_error_matches(err, POPPLER_ERROR,
		    POPPLER_ERROR_ENCRYPTED) ? LOCKED : DAMAGED_PDF);
		g_clear_error(&err);
		return NULL;
	}
	if (pdf_keep(pdf, doc, document_release) == -1) {
		pdf_embed_named(pdf, p, DAMAGED_PDF);
		return NULL;
	}
	return doc;
}

static enum embed_result
embed_pdf(struct pdf *pdf, const struct embed_paper *p, struct embed_budget *b)
{
	PopplerDocument	*doc;
	PopplerPage	*page;
	char		*text;
	int		 n, i, drawn, failed = 0, late = 0;

	if ((doc = document_open(pdf, p)) == NULL)
		return EMBED_FAILED;
	b->bytes -= p->len;
	if ((n = poppler_document_get_n_pages(doc)) <= 0) {
		pdf_embed_named(pdf, p, NO_PAGES);
		return EMBED_FAILED;
	}
	drawn = MIN(n, MIN(ARCHIVE_PAPER_PAGES_MAX, b->pages));
	for (i = 0; i < drawn; i++) {
		if (i > 0 && out_of_time(b)) {
			drawn = i;
			late = 1;
			break;
		}
		text = caption(p, i, n, drawn);
		page = poppler_document_get_page(doc, i);
		if (page == NULL || pdf_picture(pdf, text, page_draw, page) != 0)
			failed++;
		if (page != NULL)
			g_object_unref(page);
		g_free(text);
	}
	b->pages -= drawn;
	if (late) {
		text = g_strdup_printf("Only its first %d of %d pages are "
		    "drawn: the archive ran out of time for papers.", drawn, n);
		pdf_embed_named(pdf, p, text);
		g_free(text);
	}
	if (failed > 0) {
		text = g_strdup_printf("%d of its %d pages could not be drawn "
		    "completely.", failed, n);
		pdf_embed_named(pdf, p, text);
		g_free(text);
		return EMBED_FAILED;
	}
	return drawn < n ? EMBED_CUT : EMBED_DRAWN;
}

static enum embed_result
embed_image(struct pdf *pdf, const struct embed_paper *p,
    struct embed_budget *b)
{
	cairo_surface_t		*image;
	enum image_result	 r;
	char			*text;
	int			 rc;

	r = image_decode(p->data, p->len, p->mime, &image);
	if (r != IMAGE_OK) {
		text = r == IMAGE_TOO_LARGE ? g_strdup_printf("It could not be "
		    "drawn: the picture is larger than %d million pixels.",
		    IMAGE_PIXELS_MAX / 1000000) : g_strdup(DAMAGED_IMAGE);
		pdf_embed_named(pdf, p, text);
		g_free(text);
		return EMBED_FAILED;
	}
	text = g_strdup_printf("Paper: %s, circulated %s", p->title,
	    p->circulated_on);
	rc = pdf_picture(pdf, text, image_draw, image);
	g_free(text);
	cairo_surface_destroy(image);
	b->pages--;
	b->bytes -= p->len;
	if (rc != 0) {
		pdf_embed_named(pdf, p, DAMAGED_IMAGE);
		return EMBED_FAILED;
	}
	return EMBED_DRAWN;
}

/* Word and OpenDocument papers: named, never drawn. */
static enum embed_result
embed_note(struct pdf *pdf, const struct embed_paper *p)
{
	const char	*kind;
	char		*text;

	if (strcmp(p->mime, "application/vnd.oasis.opendocument.text") == 0)
		kind = "an OpenDocument text";
	else if (strstr(p->mime, "wordprocessingml") != NULL)
		kind = "a Word document";
	else
		kind = "a kind of file";
	text = g_strdup_printf("It is %s, which cannot be drawn here without "
	    "an office suite: print the original and file it with this "
	    "archive.", kind);
	pdf_embed_named(pdf, p, text);
	g_free(text);
	return EMBED_NOTED;
}

enum embed_result
pdf_embed_paper(struct pdf *pdf, const struct embed_paper *p,
    struct embed_budget *b)
{
	int	 is_pdf = strcmp(p->mime, "application/pdf") == 0;

	if (!is_pdf && strncmp(p->mime, "image/", 6) != 0)
		return embed_note(pdf, p);
	if (!fits(b, p->len)) {
		pdf_embed_named(pdf, p, FULL);
		return EMBED_CUT;
	}
	return is_pdf ? embed_pdf(pdf, p, b) : embed_image(pdf, p, b);
}
